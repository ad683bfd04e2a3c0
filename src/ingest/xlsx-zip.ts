// The zip container of an .xlsx, read from its central directory before anything is inflated:
// the declared sizes are checked against the limits first (a zip bomb is refused unopened), and the
// parts the reader needs are then re-streamed to exceljs as *stored* entries that we inflate
// ourselves, counting every byte against the declared size and the budget, so a directory that
// lies about sizes cannot get past the limit either. Only entries the directory lists are ever
// emitted (local headers are rebuilt from it), so data hidden between entries is never read.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { FilePath } from './source.js';
import type { MergeTap } from './xlsx-merges.js';
import { LossCalcError, fail } from '../errors.js';

/** Limits on a workbook (documented in the README): beyond them → FILE_TOO_LARGE. */
export const XLSX_LIMITS = {
  /** Bytes of the file itself (an encrypted workbook is decrypted in memory). */
  fileBytes: 200 * 1024 * 1024,
  /**
   * Bytes of all parts the directory declares, and of all parts we inflate. Sheet XML streams
   * (about 40 bytes a cell: 1 GiB ≈ 800,000 rows of 30 columns), so this bounds time, not memory.
   */
  uncompressedBytes: 1024 * 1024 * 1024,
  /** Bytes of the shared-strings part, which exceljs holds in memory (2–3 × this). */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Entries in the zip directory. */
  entries: 10_000,
  /** Rows of the sheet that is read. */
  rows: 2_000_000,
  /** Bytes of a small part we parse ourselves (workbook.xml, relationships, content types). */
  metaPartBytes: 16 * 1024 * 1024,
  /** Key-derivation rounds of an encrypted workbook (Excel uses 100,000; the format allows 10,000,000). */
  spinCount: 1_000_000,
} as const;

/** One file in the zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

/** Random access to the zip's bytes: a file on disk or a decrypted buffer. */
export interface ZipBytes {
  size: number;
  read(pos: number, len: number): Promise<Buffer>;
  /** The raw bytes [start, end) as a stream. */
  stream(start: number, end: number): Readable;
}

/** A decrypted workbook held in memory. */
export function bufferBytes(b: Buffer): ZipBytes {
  return {
    size: b.length,
    read: async (pos, len) => b.subarray(pos, Math.min(b.length, pos + len)),
    stream: (start, end) => Readable.from([b.subarray(start, end)], { objectMode: false }),
  };
}

/** A workbook file, read at positions through an open handle. */
export function fileBytes(path: FilePath, fh: FileHandle, size: number): ZipBytes {
  return {
    size,
    async read(pos, len) {
      const buf = Buffer.alloc(Math.max(0, Math.min(len, size - pos)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      return buf.subarray(0, bytesRead);
    },
    stream: (start, end) => (end > start ? createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }) : Readable.from([])),
  };
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const damaged = (name: string, why: string) =>
  new LossCalcError('BAD_WORKBOOK', `${name}: the workbook is damaged or not a valid .xlsx (${why})`, 'open it in Excel and save it again as .xlsx, or download it again');
const tooLarge = (name: string, what: string) =>
  new LossCalcError('FILE_TOO_LARGE', `${name}: ${what}`, 'split the export into smaller date ranges, or save the sheet as CSV');

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/**
 * The entries of a zip from its central directory (ZIP64 aware), checked against the limits
 * before anything is inflated. Throws BAD_WORKBOOK for a broken directory, FILE_TOO_LARGE past a limit.
 */
export async function readDirectory(bytes: ZipBytes, name: string): Promise<ZipEntry[]> {
  const tailLen = Math.min(bytes.size, 22 + 0xffff);
  const tail = await bytes.read(bytes.size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw damaged(name, 'no zip directory; the file may be cut short');
  const eocdPos = bytes.size - tailLen + at;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = await bytes.read(eocdPos - 20, 20);
    if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw damaged(name, 'a ZIP64 directory without its locator');
    const z = await bytes.read(u64(loc, 8), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD) throw damaged(name, 'a broken ZIP64 directory');
    count = u64(z, 32);
    cdSize = u64(z, 40);
    cdOffset = u64(z, 48);
  }
  if (count > XLSX_LIMITS.entries) throw tooLarge(name, `the workbook holds ${count} parts (at most ${XLSX_LIMITS.entries})`);
  if (cdOffset + cdSize > eocdPos || cdSize > count * (46 + 3 * 0xffff)) throw damaged(name, 'the zip directory points outside the file');
  const cd = await bytes.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let p = 0, k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw damaged(name, 'a broken zip directory entry');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
    };
    zip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    declared += e.size;
    if (declared > XLSX_LIMITS.uncompressedBytes) {
      throw tooLarge(name, `the workbook unpacks to more than ${mib(XLSX_LIMITS.uncompressedBytes)} (at most ${mib(XLSX_LIMITS.uncompressedBytes)})`);
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sizes and offset from a ZIP64 extended-information extra field, for the fields saturated at 0xFFFFFFFF. */
function zip64Extra(extra: Buffer, e: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let q = i + 4;
      const take = () => (q + 8 <= i + 4 + len ? u64(extra, (q += 8) - 8) : NaN);
      if (e.size === 0xffffffff) e.size = take();
      if (e.compressedSize === 0xffffffff) e.compressedSize = take();
      if (e.offset === 0xffffffff) e.offset = take();
    }
    i += 4 + len;
  }
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** Counts inflated bytes across the parts of one workbook against the uncompressed limit. */
export class Budget {
  used = 0;
  constructor(readonly name: string, readonly limit: number = XLSX_LIMITS.uncompressedBytes) {}
  add(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw tooLarge(this.name, `the workbook unpacks to more than ${mib(this.limit)} (at most ${mib(this.limit)})`);
  }
}

/** Where an entry's compressed data starts, after checking its local header agrees with the directory. */
async function dataStart(bytes: ZipBytes, e: ZipEntry, name: string): Promise<number> {
  const h = await bytes.read(e.offset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw damaged(name, `no local header for ${e.name}`);
  if (h.readUInt16LE(8) !== e.method) throw damaged(name, `${e.name} disagrees with the zip directory`);
  const start = e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  if (start + e.compressedSize > bytes.size) throw damaged(name, `${e.name} runs past the end of the file`);
  return start;
}

/**
 * The inflated bytes of an entry, chunk by chunk; more than its declared size, or past the
 * budget, throws FILE_TOO_LARGE; fewer throws BAD_WORKBOOK. Only stored and deflated parts exist in .xlsx.
 */
export async function* inflateEntry(bytes: ZipBytes, e: ZipEntry, name: string, budget: Budget): AsyncGenerator<Buffer> {
  if (e.flags & 1) throw damaged(name, `${e.name} is encrypted inside the zip`);
  if (e.method !== 0 && e.method !== 8) throw damaged(name, `${e.name} uses zip compression method ${e.method}`);
  const start = await dataStart(bytes, e, name);
  const raw = bytes.stream(start, start + e.compressedSize);
  const out = e.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : raw;
  raw.on('error', (err) => out.destroy(err));
  let n = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > e.size) throw tooLarge(name, `${e.name} unpacks to more than the ${e.size} bytes its zip directory declares (a zip bomb?)`);
      budget.add(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof LossCalcError) throw err;
    throw damaged(name, `${e.name}: ${(err as Error).message}`);
  } finally {
    out.destroy();
    raw.destroy();
  }
  if (n !== e.size) throw damaged(name, `${e.name} unpacks to ${n} bytes, not the ${e.size} its zip directory declares`);
}

/** A whole small part as text (workbook.xml, relationships), at most `XLSX_LIMITS.metaPartBytes`. */
export async function readPart(bytes: ZipBytes, e: ZipEntry, name: string, budget: Budget): Promise<string> {
  if (e.size > XLSX_LIMITS.metaPartBytes) throw tooLarge(name, `${e.name} is ${e.size} bytes (at most ${XLSX_LIMITS.metaPartBytes})`);
  const chunks: Buffer[] = [];
  for await (const c of inflateEntry(bytes, e, name, budget)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** A part to emit: a zip entry inflated on the way, or literal bytes; `as` is the name exceljs sees. */
export type Emit = { as: string; entry: ZipEntry } | { as: string; data: Buffer };

/** A stored-entry local header: `name`, `size` bytes, with `crc` (unzipper reads exactly `size` bytes). */
function storedHeader(as: string, size: number, crc: number): Buffer {
  const nameBuf = Buffer.from(as, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(nameBuf.length, 26);
  return Buffer.concat([h, nameBuf]);
}

/** The first failure while re-streaming, and who to tell the moment it happens. */
export interface Failure {
  error?: LossCalcError;
  /** Set by the consumer while it waits: exceljs would wait forever on an entry that stops mid-way. */
  onError?: (e: LossCalcError) => void;
}

/**
 * A zip stream of just `parts`, in order, each stored (we inflate), for exceljs's streaming
 * reader, closed by an end-of-directory record. A failure inside (a limit, damaged data) ends the
 * stream early instead; the cause goes to `failure` (the zip parser may report FILE_ENDED, or its
 * entry may simply never end: the consumer must wait through `failure.onError`, see xlsx.ts).
 */
export function restream(bytes: ZipBytes, parts: Emit[], name: string, budget: Budget, failure: Failure, taps?: Map<string, MergeTap>): Readable {
  async function* gen(): AsyncGenerator<Buffer> {
    try {
      for (const p of parts) {
        if ('data' in p) {
          yield storedHeader(p.as, p.data.length, 0);
          yield p.data;
          continue;
        }
        if (p.as.startsWith('xl/worksheets/')) {
          yield* sheetPart(p.as, p.entry, tapped(inflateEntry(bytes, p.entry, name, budget), taps?.get(p.as)), name);
          continue;
        }
        yield storedHeader(p.as, p.entry.size, p.entry.crc);
        yield* inflateEntry(bytes, p.entry, name, budget);
      }
      // an (empty) end-of-directory record: the zip parser needs one to end cleanly, and it reads no directory
      const end = Buffer.alloc(22);
      end.writeUInt32LE(EOCD, 0);
      yield end;
    } catch (e) {
      failure.error = e instanceof LossCalcError ? e : damaged(name, (e as Error).message);
      failure.onError?.(failure.error);
    }
  }
  return Readable.from(gen(), { objectMode: false, highWaterMark: 1 << 20 });
}

/** A part's chunks, shown to `tap` (a sheet's merged ranges) on their way. */
async function* tapped(chunks: AsyncGenerator<Buffer>, tap: MergeTap | undefined): AsyncGenerator<Buffer> {
  for await (const c of chunks) {
    tap?.see(c);
    yield c;
  }
}

/** Largest sheet without cell references that is read whole to add them (Excel's own sheets stream). */
const UNREFERENCED_SHEET_BYTES = 128 * 1024 * 1024;

/**
 * A sheet part, as exceljs can read it: its date cells as text (dateCellsAsText), and — when its
 * cells carry no references (`<c><v>1</v></c>`: `r` is optional, and some minimal writers leave
 * it out; exceljs fails on them) — read whole and given them (withCellRefs).
 */
async function* sheetPart(as: string, entry: ZipEntry, inflated: AsyncGenerator<Buffer>, name: string): AsyncGenerator<Buffer> {
  const first = await inflated.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all() {
    yield head;
    yield* inflated;
  }
  if (!lacksCellRefs(head)) {
    yield storedHeader(as, entry.size, entry.crc);
    yield* dateCellsAsText(all());
    return;
  }
  if (entry.size > UNREFERENCED_SHEET_BYTES) {
    throw tooLarge(name, `its sheet's cells carry no references (r="A1") and it unpacks to ${entry.size} bytes: at most ${UNREFERENCED_SHEET_BYTES} bytes of such a sheet are read`);
  }
  const parts: Buffer[] = [];
  for await (const b of dateCellsAsText(all())) parts.push(b);
  const xml = Buffer.from(withCellRefs(Buffer.concat(parts).toString('utf8')), 'utf8');
  yield storedHeader(as, xml.length, 0); // the parser checks no CRC: the part's own would not fit the new bytes anyway
  yield xml;
}

/** Whether a sheet's first cell (in its first chunk) has no `r` attribute. */
function lacksCellRefs(head: Buffer): boolean {
  const m = FIRST_CELL.exec(head.toString('latin1'));
  return m !== null && !/\sr\s*=/.test(m[0]);
}
const FIRST_CELL = /<c(?=[\s>/])[^>]*>/;

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * Sheet XML with a reference on every row and cell: a row without one follows the row before, a
 * cell without one the cell before (`<row><c>…</c><c>…</c></row>` → `<row r="1"><c r="A1">…<c r="B1">`).
 * Only tags are touched: `<` inside text is always escaped.
 */
export function withCellRefs(xml: string): string {
  let row = 0;
  let col = 0;
  return xml.replace(/<(row|c)(?=[\s>/])([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    if (name === 'row') {
      const r = /\sr\s*=\s*"(\d+)"/.exec(attrs);
      row = r ? +r[1] : row + 1;
      col = 0;
      return r ? tag : `<row r="${row}"${attrs}${close}>`;
    }
    const r = /\sr\s*=\s*"([A-Z]+)\d+"/.exec(attrs);
    if (r) {
      col = columnIndex(r[1]) + 1;
      return tag;
    }
    return `<c r="${columnName(col++)}${row}"${attrs}${close}>`;
  });
}

const DATE_CELL = Buffer.from(' t="d"');
/**
 * A sheet's ISO 8601 date cells (`<c t="d"><v>2024-11-29T05:57:58</v>`: SheetJS, Strict writers)
 * retyped as error cells, whose text exceljs keeps — it reads a `d` cell's text as a number (2024,
 * a day of 1905). The same length, so the part's declared size holds; rowTexts reads the text as
 * a date. (Real error cells keep their `#N/A` text.) The pattern may straddle chunks: the last
 * bytes of each are held back for the next.
 */
export async function* dateCellsAsText(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let held = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const b = held.length ? Buffer.concat([held, chunk]) : Buffer.from(chunk);
    for (let i = b.indexOf(DATE_CELL); i >= 0; i = b.indexOf(DATE_CELL, i + DATE_CELL.length)) b[i + 4] = 0x65; // d → e
    const keep = Math.min(DATE_CELL.length - 1, b.length);
    held = Buffer.from(b.subarray(b.length - keep));
    if (b.length > keep) yield b.subarray(0, b.length - keep);
  }
  if (held.length) yield held;
}

/** Fail with BAD_WORKBOOK (for callers outside this file). */
export function badWorkbook(name: string, why: string): never {
  throw damaged(name, why);
}

/** Fail with FILE_TOO_LARGE. */
export function fileTooLarge(name: string, what: string): never {
  fail('FILE_TOO_LARGE', `${name}: ${what}`, 'split the export into smaller date ranges, or save the sheet as CSV');
}
