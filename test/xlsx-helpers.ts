// Shared by the xlsx tests: workbooks written by the fixture generator, hand-made zips (to build
// zip bombs and odd-but-valid workbooks byte by byte), and OLE files.
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import CFB from 'cfb';
import { workbookBytes, type SheetSpec } from '../src/sim/write-xlsx.js';
import { TMP } from './ingest-helpers.js';

let seq = 0;

/** Write bytes into the temp dir under `name` (made unique) and return the path. */
export function put(bytes: Uint8Array | string, name: string): string {
  const dir = path.join(TMP, `x${seq++}`);
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** A workbook of `sheets` (the generator's writer) saved as `name`; returns the path. */
export async function xlsxFile(sheets: SheetSpec[], name = 'book.xlsx', opts: { date1904?: boolean } = {}): Promise<string> {
  return put(await workbookBytes(sheets, opts), name);
}

/** One zip entry: its bytes, optionally stored, optionally with a false declared size. */
export interface ZipPart {
  name: string;
  data: string | Buffer;
  stored?: boolean;
  /** Size written into the directory and local header instead of the true one. */
  declared?: number;
}

/** A zip archive of `parts`, written byte by byte (deflate unless stored); `zip64` writes ZIP64 directory records. */
export function zipOf(parts: ZipPart[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const body = p.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declared ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(p.stored ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    if (zip64) {
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      cd.writeUInt32LE(0xffffffff, 20);
      cd.writeUInt32LE(0xffffffff, 24);
      cd.writeUInt32LE(0xffffffff, 42);
      cd.writeUInt16LE(extra.length, 30);
      central.push(cd, name, extra);
    } else central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  if (!zip64) return Buffer.concat([...locals, cdBuf, end]);
  const z = Buffer.alloc(56);
  z.writeUInt32LE(0x06064b50, 0);
  z.writeBigUInt64LE(44n, 4);
  z.writeUInt16LE(45, 12);
  z.writeUInt16LE(45, 14);
  z.writeBigUInt64LE(BigInt(parts.length), 24);
  z.writeBigUInt64LE(BigInt(parts.length), 32);
  z.writeBigUInt64LE(BigInt(cdBuf.length), 40);
  z.writeBigUInt64LE(BigInt(offset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(offset + cdBuf.length), 8);
  loc.writeUInt32LE(1, 16);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, cdBuf, z, loc, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const ref = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r}`;

/** Worksheet XML with inline strings and numbers (no shared strings), rows from 1. */
export function sheetXml(rows: (string | number | null)[][]): string {
  const body = rows.map((row, i) => `<row r="${i + 1}">${row.map((v, j) => v === null ? '' : typeof v === 'number'
    ? `<c r="${ref(i + 1, j)}"><v>${v}</v></c>`
    : `<c r="${ref(i + 1, j)}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * The parts of a minimal workbook, written by hand: sheets at `paths` (default
 * `xl/worksheets/sheetN.xml`), relationship targets absolute when `absolute`, no shared strings.
 */
export function bookParts(sheets: { name: string; xml: string; hidden?: boolean; path?: string }[], opts: { absolute?: boolean; date1904?: boolean } = {}): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const paths = sheets.map((s, i) => s.path ?? `xl/worksheets/sheet${i + 1}.xml`);
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}">` +
      `${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      paths.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="${opts.absolute ? `/${p}` : p.replace(/^xl\//, '')}"/>`).join('') + '</Relationships>' },
    ...sheets.map((s, i) => ({ name: paths[i], data: s.xml })),
  ];
}

/** An OLE compound file holding the named streams (a legacy .xls has a "Workbook" stream). */
export function oleOf(streams: Record<string, Buffer>): Buffer {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, name, data);
  return Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
}

/** A small order table: header and `n` daily orders from 2025-01-01 (date as serial), amount 10,000. */
export function orderRowsSerial(n: number, firstSerial = 45658): (string | number)[][] {
  const rows: (string | number)[][] = [['주문번호', '주문일시', '결제금액']];
  for (let i = 0; i < n; i++) rows.push([`A${i}`, firstSerial + i + 0.5, 10_000]);
  return rows;
}
