// `--manifest sellers.csv`: per-seller overrides for sellers hit at different dates.
//   seller,incident,until,baseline,margin,exclude
//   shop-1,2025-11-29,,,0.3,2025-12-24..2025-12-26;2026-01-01..2026-01-01
// A non-empty cell replaces the flag's value for that seller; every value is checked with the
// option schema's own field validators, so a manifest value means what the flag means.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { fail, type ErrorCode } from '../errors.js';
import { detectDelimiter } from '../ingest/dialect.js';
import { legacyEncoding } from '../ingest/encoding.js';
import { HEADER_SYNONYMS, normalizeHeader } from '../ingest/index.js';
import { estimateOptionsSchema, type EstimateOptions } from '../options.js';

/** Columns a manifest may have; `seller` is required. */
export const MANIFEST_COLUMNS = ['seller', 'incident', 'until', 'baseline', 'margin', 'exclude'] as const;
type Column = (typeof MANIFEST_COLUMNS)[number];
type OverrideKey = Exclude<Column, 'seller'>;

/** One seller's overrides, already validated, and the line it came from (for messages). */
export interface ManifestEntry {
  line: number;
  overrides: Partial<Pick<EstimateOptions, OverrideKey>>;
}

/** seller id (NFC) → entry. */
export type Manifest = Map<string, ManifestEntry>;

/**
 * A seller's manifest row, the id compared in NFC: a Korean file name from macOS (NFD, 가 as
 * ㄱ + ㅏ) is the same seller as the name typed into the manifest.
 */
export function sellerEntry(m: Manifest | null | undefined, id: string): ManifestEntry | undefined {
  return m?.get(id.normalize('NFC'));
}

/**
 * Header names each column also answers to (matched like data headers: case, spaces, `_-.` ignored),
 * so a manifest written in Korean or with spelled-out names reads the same as `seller,incident,…`.
 */
const SYNONYMS: Record<Column, string[]> = {
  seller: ['seller', ...HEADER_SYNONYMS.seller.specific, ...HEADER_SYNONYMS.seller.generic, '셀러', '셀러id'],
  incident: ['incident', 'incident date', 'incident start', 'affected from', '사고일', '사고일자', '사고 날짜', '장애일', '피해 시작일', '손실 시작일'],
  until: ['until', 'incident end', 'end date', 'end', '종료일', '손실 종료일', '피해 종료일', '마지막 날'],
  baseline: ['baseline', 'baseline window', '기준 기간', '기준기간', '비교 기간'],
  margin: ['margin', 'contribution margin', 'margin rate', '마진', '마진율', '이익률', '공헌이익률'],
  exclude: ['exclude', 'excluded', 'exclusions', '제외', '제외 기간', '제외일'],
};

/** normalized header → column. */
const BY_HEADER = new Map<string, Column>(MANIFEST_COLUMNS.flatMap((c) => SYNONYMS[c].map((h) => [normalizeHeader(h), c] as [string, Column])));

/** The column a manifest header names, or undefined: `manifestColumn('사고일') === 'incident'`. */
export function manifestColumn(header: string): Column | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

const CODE: Record<OverrideKey, ErrorCode> = { incident: 'BAD_DATE', until: 'BAD_DATE', baseline: 'BAD_WINDOW', exclude: 'BAD_WINDOW', margin: 'BAD_OPTION' };

/** Read and validate a manifest; any bad header or value is a usage error naming file and line. */
export async function readManifest(path: string): Promise<Manifest> {
  const name = basename(path);
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) =>
    fail(e.code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `--manifest ${path}: ${e.code === 'ENOENT' ? 'no such file' : `cannot read (${e.code ?? e.message})`}`));
  const text = decode(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    fail('BAD_CONFIG', `--manifest ${name}: not a readable CSV: ${(e as Error).message}`);
  }
  if (records.length === 0) fail('BAD_CONFIG', `--manifest ${name}: the file is empty`, `the header is ${MANIFEST_COLUMNS.join(',')}`);
  const raw = records[0].record.map((h) => h.trim());
  const header = raw.map((h) => (h === '' ? '' : manifestColumn(h) ?? '?'));
  const unknown = raw.filter((h, k) => header[k] === '?');
  if (unknown.length) fail('BAD_CONFIG', `--manifest ${name} line 1: unknown column(s) ${unknown.map((u) => JSON.stringify(u)).join(', ')}`, `the columns are ${MANIFEST_COLUMNS.join(', ')} (or e.g. 판매자, 사고일, 마진)`);
  const twice = MANIFEST_COLUMNS.filter((c) => header.filter((h) => h === c).length > 1);
  if (twice.length) fail('BAD_CONFIG', `--manifest ${name} line 1: more than one column for ${twice.join(', ')}`, `headers: ${raw.join(', ')}`);
  if (!header.includes('seller')) fail('BAD_CONFIG', `--manifest ${name} line 1: no "seller" column`, `the header is ${MANIFEST_COLUMNS.join(',')}`);
  const out: Manifest = new Map();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.slice(header.length).some((c) => c.trim() !== '')) {
      fail('BAD_CONFIG', `--manifest ${name} line ${line} has ${record.length} cells but the header has ${header.length}`,
        'quote a cell that holds the delimiter, e.g. "2025-12-24..2025-12-26;2026-01-01..2026-01-01"');
    }
    const cells: Partial<Record<Column, string>> = {};
    header.forEach((h, k) => { if (h) cells[h as Column] = (record[k] ?? '').trim(); });
    const seller = (cells.seller ?? '').normalize('NFC'); // as seller ids are matched (sellerEntry)
    if (Object.values(cells).every((v) => v === '')) continue;
    const before = out.get(seller);
    if (before) fail('BAD_CONFIG', `--manifest ${name} line ${line}: seller ${JSON.stringify(seller)} is already on line ${before.line}`);
    out.set(seller, { line, overrides: parseOverrides(cells, `--manifest ${name} line ${line}`) });
  }
  return out;
}

/** Validate one row's non-empty cells with the option schema's field validators. */
export function parseOverrides(cells: Partial<Record<Column, string>>, where: string): ManifestEntry['overrides'] {
  const shape = estimateOptionsSchema.shape;
  const o: Record<string, unknown> = {};
  for (const key of MANIFEST_COLUMNS) {
    if (key === 'seller') continue;
    const raw = cells[key];
    if (raw === undefined || raw === '') continue;
    const value = key === 'exclude' ? raw.split(/[;\s]+/).filter(Boolean) : raw;
    const r = shape[key].safeParse(value);
    if (!r.success) fail(CODE[key], `${where}: ${key}: ${r.error.issues[0].message}`);
    o[key] = r.data;
  }
  if (typeof o.incident === 'string' && typeof o.until === 'string' && o.until < o.incident) {
    fail('UNTIL_BEFORE_INCIDENT', `${where}: until ${o.until} is before incident ${o.incident}`);
  }
  return o as ManifestEntry['overrides'];
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else CP949 (a manifest saved by Korean Excel) or Windows-1252. */
function decode(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return iconv.decode(b, 'utf-16le');
  if (b[0] === 0xfe && b[1] === 0xff) return iconv.decode(b, 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return iconv.decode(b, legacyEncoding(b));
  }
}

/** A seller's options: the batch's, with the manifest's overrides on top. */
export function sellerOptions(base: EstimateOptions, entry: ManifestEntry | undefined): EstimateOptions {
  return entry ? { ...base, ...entry.overrides } : base;
}
