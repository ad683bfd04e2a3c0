// Opening a file: coded errors for the usual ways it fails, the sniffed head, and the raw
// byte tap that hashes, strips the BOM and checks UTF-8 in the same single read.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { Transform, type Readable } from 'node:stream';
import { createHash, type Hash } from 'node:crypto';
import { LossCalcError, fail } from '../errors.js';
import { SNIFF_BYTES, Utf8Check, decodeHead, detectEncoding, legacyEncoding, type Encoding } from './encoding.js';
import { WorkbookFile, containerOf } from './xlsx-container.js';

/**
 * A path to open: text, or the raw bytes of a name that is not valid UTF-8 (a Korean Windows
 * zip unpacked on Linux keeps CP949 bytes in its names; as a JS string they could not be opened).
 */
export type FilePath = string | Buffer;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** File-name bytes as text: UTF-8 when valid, else CP949 (what Korean Windows writes) or Windows-1252. */
export function decodeName(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), legacyEncoding(bytes));
  }
}

/** A path as text, for messages and the claim: `pathText('a.csv') === 'a.csv'`. */
export function pathText(path: FilePath): string {
  return typeof path === 'string' ? path : decodeName(path);
}

/** A file ready to stream: its encoding, BOM length and the decoded text of its head. */
export interface Source {
  path: FilePath;
  /** Size in bytes when opened. */
  size: number;
  /** File name for messages. */
  name: string;
  encoding: Encoding;
  bomLength: number;
  /** The sniffed head was plain ASCII, so CP949 later in the file is still possible. */
  asciiOnly: boolean;
  headText: string;
}

/** Raised inside the stream when bytes after the head are not UTF-8; index.ts decides what it means. */
export class NotUtf8Error extends Error {
  /** `legacy`: the code page the bytes that are not UTF-8 look like (legacyEncoding of their chunk). */
  constructor(readonly offset: number, readonly legacy: 'cp949' | 'windows-1252' = 'cp949') {
    super(`invalid UTF-8 near byte ${offset}`);
  }
}

/** Open and sniff a file; `encoding` forces one (the CP949 re-read of a file that was ASCII at first). */
export async function openSource(path: FilePath, encoding?: Encoding): Promise<Source> {
  const shown = pathText(path);
  const name = basename(shown);
  const st = await stat(path).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' || e.code === 'ENOTDIR'
      ? fail('FILE_NOT_FOUND', `${shown}: no such file`, 'check the path (quote names with spaces)')
      : fail('FILE_UNREADABLE', `${shown}: cannot read (${e.code ?? e.message})`),
  );
  if (!st.isFile()) fail('FILE_UNREADABLE', `${shown}: not a regular file${st.isDirectory() ? ' (a directory)' : ''}`, 'give a CSV/TSV file; for a folder of sellers use `loss-calc batch`');
  if (st.size === 0) fail('EMPTY_FILE', `${name}: the file is empty (0 bytes)`);
  const head = await readHead(path, Math.min(SNIFF_BYTES, st.size));
  const sniff = detectEncoding(head, st.size <= SNIFF_BYTES);
  if (!sniff.text) {
    const binary = new LossCalcError('BINARY_FILE', `${name}: not a text file: looks like ${sniff.what}`, 'export the data as CSV (UTF-8 or CP949)');
    const container = containerOf(head); // a zip or OLE file may be a workbook: ingest hands it to the xlsx reader
    throw container ? new WorkbookFile(container, binary) : binary;
  }
  const s = encoding ? { encoding, bomLength: 0, asciiOnly: false } : sniff;
  const headText = decodeHead(head, s);
  if (st.size <= SNIFF_BYTES && headText.trim() === '') fail('EMPTY_FILE', `${name}: the file has no text (only whitespace${s.bomLength ? ' after a BOM' : ''})`);
  const markup = markupOf(headText);
  if (markup) {
    fail('UNSUPPORTED_FORMAT', `${name}: ${markup}, not a CSV file or an .xlsx workbook: not read`,
      markup.startsWith('JSON') ? 'export the records as CSV instead (one row per order, with a date and an amount column), or convert them, e.g. with jq -r \'… | @csv\'' : SAVE_AS_CSV);
  }
  return { path, size: st.size, name, encoding: s.encoding, bomLength: s.bomLength, asciiOnly: s.asciiOnly, headText };
}

const SAVE_AS_CSV = 'open it in Excel and use File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" or "Excel Workbook (*.xlsx)"';
const HTML_START = /^<(?:!doctype\s+html|html|table|head|body|meta)[\s>/]/;
const XML_WORKBOOK = /<(?:ss:)?workbook[\s>]/;

/**
 * What a text file is when it is markup rather than CSV, else null: an HTML page or table (Korean
 * admins' "엑셀 다운로드" is often one, named .xls) or an Excel 2003 XML spreadsheet. Read as CSV,
 * either would report its tags as headers. `markupOf('<html><body><table>…') !== null`.
 */
// A JSON object or array of objects opening the file: `{"order_id": …` or `[{"…` — no CSV header starts so.
const JSON_START = /^(?:\[\s*)?\{\s*"/;

export function markupOf(head: string): string | null {
  let i = 0;
  while (i < head.length && (head.charCodeAt(i) <= 32 || head.charCodeAt(i) === 0xfeff)) i++;
  const start = head.slice(i, i + 200).toLowerCase();
  if (HTML_START.test(start)) return 'an HTML page or table (admin sites\' Excel downloads often are one, named .xls)';
  if (start.startsWith('<?xml') && XML_WORKBOOK.test(head.slice(i, i + 4096).toLowerCase())) return 'an Excel 2003 XML spreadsheet';
  if (JSON_START.test(start)) return 'JSON (an API\'s or a database\'s records, JSON lines or an array), whatever its name';
  return null;
}

async function readHead(path: FilePath, n: number): Promise<Buffer> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return fail('FILE_UNREADABLE', `${pathText(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * The file's raw bytes in chunks of 1 MiB, or of the file's size when smaller: a stream allocates
 * a whole chunk per read, so a 200-byte file cost 1 MiB of garbage (a batch of 10,000 small
 * sellers: 10 GB; fuzzing tiny files: half the time in GC).
 */
export function readBytes(src: Source): Readable {
  return createReadStream(src.path, { highWaterMark: Math.min(1 << 20, Math.max(src.size, 16 * 1024)) });
}

/** Pass-through of the raw bytes that feeds `hash`, drops the BOM and (for UTF-8) checks validity. */
export function rawTap(src: Source, hash: Hash): Transform {
  let skip = src.bomLength;
  let offset = 0;
  const check = src.encoding === 'utf-8' || src.encoding === 'utf-8-bom' ? new Utf8Check() : null;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      let body = chunk;
      if (skip > 0) {
        const k = Math.min(skip, body.length);
        body = body.subarray(k);
        skip -= k;
      }
      if (check && !check.push(body)) return cb(new NotUtf8Error(offset, legacyEncoding(body)));
      offset += chunk.length;
      cb(null, body.length ? body : undefined);
    },
    flush(cb) {
      cb(check && !check.end() ? new NotUtf8Error(offset) : null);
    },
  });
}

/** SHA-256 hex of a file's bytes, streamed (a workbook's provenance; batch's --resume input hash). */
export async function fileSha256(path: FilePath): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
