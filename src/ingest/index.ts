// bytes → rows → a daily series, in one streaming pass:
//   file ─raw tap (sha256, BOM, UTF-8 check)─▶ [iconv decoder] ─▶ csv-parse ─▶ RowReader ─▶ SellerDays per seller
// Memory grows with sellers × days, never with rows. `ingestFile` is the by-less case of `ingestGrouped`.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { Field, Ingested, Warning } from '../core/types.js';
import { fromDay, toDay } from '../core/dates.js';
import { LossCalcError, fail } from '../errors.js';
import { finish, pooledPartialLastDay, tooFewTimes, type FileInfo, type MissingDays } from './aggregate.js';
import { csvErrorToCoded, csvOptions, detectDelimiter, tsvQuotes } from './dialect.js';
import { decoderFor, type Encoding } from './encoding.js';
import { fieldOfHeader } from './headers.js';
import { isAllLabel, isTotalLabel } from './values.js';
import type { SlashOrder } from './parse-date.js';
import { RowReader, type EuropeanBy } from './rows.js';
import { NotUtf8Error, openSource, rawTap, readBytes, type FilePath, type Source } from './source.js';
import { WorkbookFile } from './xlsx-container.js';
import type { SellerDays } from './aggregate.js';

export { HEADER_SYNONYMS, normalizeHeader, mapHeaders } from './headers.js';
export { SKIP_REASONS, type MissingDays, type SkipReason } from './aggregate.js';
export { parseDate } from './parse-date.js';
export { parseMoney, parseCount, classifyStatus } from './values.js';
export { XLSX_LIMITS } from './xlsx-zip.js';
export { decodeName, fileSha256, pathText, type FilePath } from './source.js';
export type { WorkbookInfo } from './xlsx.js';

/** How to read one seller's file. */
export interface IngestOptions {
  /** Header mapping override (`--columns`). */
  columns?: Partial<Record<Field, string>>;
  /** IANA zone to convert timestamps with an offset into calendar days. */
  tz: string;
  /** xlsx: the sheet to read, by name or tab number from 1 (`--sheet`); default the first visible sheet with a header. */
  sheet?: string;
  /** xlsx: the password of an encrypted workbook (`--password`; LOSS_CALC_PASSWORD is the fallback). Never echoed. */
  password?: string;
  /** A daily aggregate's dates without a row: unknown (default) or days without sales (`--missing-days zero`). */
  missingDays?: MissingDays;
  /** The claim's currency (`--currency`): in đồng (VND) and rupiah (IDR) a dot groups thousands (`152.000`). */
  currency?: string;
}

/** Options of a long file holding many sellers: `by` names the seller column (a header, or `seller`). */
export interface GroupedOptions extends IngestOptions {
  by: string;
}

/** A seller's outcome in a grouped file: its data, or the coded error its rows earned (one bad seller never stops a batch). */
export type SellerResult = Ingested | LossCalcError;

/** Read a seller's export (orders or daily aggregate) into a daily series; problems throw a LossCalcError. */
export async function ingestFile(path: FilePath, opts: IngestOptions): Promise<Ingested> {
  const { file, groups, warnings } = await scan(path, opts);
  const acc = groups.get('');
  if (!acc) return fail('NO_ROWS', `${file.file}: no data rows below the header`);
  const r = finish(acc, file, file.file, warnings, opts.missingDays);
  if (r instanceof LossCalcError) throw r;
  return r;
}

/**
 * Read one long file of many sellers, grouped by the `by` column, in one pass. File-level
 * problems (encoding, header, broken CSV) throw; a seller's row problems (bad dates, duplicates,
 * no sales) become that seller's LossCalcError. `onSeller` is called per seller (with every seller key of the file), in order of
 * first appearance, as its result is built.
 */
export async function ingestGrouped(
  path: FilePath,
  opts: GroupedOptions,
  onSeller?: (seller: string, result: SellerResult, sellers: ReadonlySet<string>) => void | Promise<void>,
): Promise<Map<string, SellerResult>> {
  const { file, groups, warnings } = await scan(path, opts, opts.by);
  // a summary row under the data (`Total,,,<sum>`) names no seller: its rows were all total rows
  for (const [seller, acc] of groups) {
    if (!isTotalLabel(seller) || acc.used > 0 || acc.skipped['total-row'] !== acc.rows) continue;
    groups.delete(seller);
    warnings.push({ code: 'TOTAL_NOT_A_SELLER', message: `${acc.rows} summary row(s) with ${JSON.stringify(seller)} in the ${opts.by} column were a total of the file, not a seller: left out` });
  }
  if (groups.size === 0) fail('NO_ROWS', `${file.file}: no data rows below the header`);
  const out = new Map<string, SellerResult>();
  const keys = new Set(groups.keys());
  // a seller column's 합계/Total on each date (a query's ROLLUP, a pivot's 총합계): the other sellers' sums, no seller
  for (const [seller, acc] of groups) {
    if (acc.used === 0 || !(isTotalLabel(seller) || isAllLabel(seller)) || !sumsTheOthers(acc, groups)) continue;
    groups.delete(seller);
    warnings.push({ code: 'TOTAL_NOT_A_SELLER', message: `the ${acc.rows} row(s) with ${JSON.stringify(seller)} in the ${opts.by} column are each date's total of the other sellers, not a seller: left out` });
  }
  // the file's last day: the latest seller's, unless it is over a month past the next one's (a mistyped year,
  // 2205 for 2025, is no end to pad the others to)
  const lasts = [...groups.values()].map((a) => a.hi).sort((a, b) => b - a);
  const fileLast = lasts.length >= 2 && lasts[0] - lasts[1] > 31 ? lasts[1] : (lasts[0] ?? -Infinity);
  const fileCut = pooledPartialLastDay(groups.values(), fileLast);
  for (const [seller, acc] of groups) {
    groups.delete(seller); // let the day arrays go as soon as the series exists
    const id = seller.length > 60 ? `${seller.slice(0, 60)}…` : seller; // a message stays a line
    const r = finish(acc, file, `${file.file} (seller ${JSON.stringify(id)})`, warnings, opts.missingDays);
    if (!(r instanceof LossCalcError)) {
      const padded = toFileEnd(r, fileLast);
      // the file's export cut its last day for every seller on it, also those too small to show it
      if (fileCut && !r.info.partialLastDay && r.info.lastDate === fileCut.date && (padded || tooFewTimes(acc))) r.info = { ...r.info, partialLastDay: fileCut };
    }
    out.set(seller, r);
    if (onSeller) await onSeller(seller, r, keys);
  }
  return out;
}

/**
 * An order list's seller whose last order came before the file's last day sold nothing on the days
 * between: the file's rows cover them. Its series runs to the file's end, those days 0 orders, so its
 * loss window ends with the file's (not at its own last order, which under-claimed a seller who
 * stopped selling) and a seller without an order since the incident is estimated. A daily file's
 * days without a row stay unknown. Whether it padded.
 */
function toFileEnd(r: Ingested, fileLast: number): boolean {
  const own = toDay(r.info.lastDate);
  if (r.info.kind !== 'orders' || !(fileLast > own)) return false;
  const n = fileLast - own;
  for (const m of ['orders', 'revenue'] as const) {
    const pad = r.series[m].some((v) => v !== null) ? 0 : null; // a metric the file has not stays unknown
    for (let i = 0; i < n; i++) r.series[m].push(pad);
  }
  r.warnings.push({ code: 'SELLER_ENDS_EARLY', message: `this seller's last order is on ${r.info.lastDate}, ${n} day(s) before the file's last day (${fromDay(fileLast)}): the days between count as days of 0 orders` });
  // its own last day is followed by days the file covers: no export cut it short
  const { partialLastDay: _cut, ...info } = r.info;
  r.info = { ...info, lastDate: fromDay(fileLast), emptyDays: info.emptyDays + n };
  return true;
}

/** Whether `total`'s days (nine in ten of those it has values on, at least 3) hold the sum of every other seller's that day. */
function sumsTheOthers(total: SellerDays, groups: Map<string, SellerDays>): boolean {
  let days = 0;
  let matched = 0;
  for (let d = total.lo; d <= total.hi; d++) {
    const i = d - total.base;
    const [o, r] = [total.orders[i], total.revenue[i]];
    if (o !== o && r !== r) continue;
    let so = 0;
    let sr = 0;
    for (const g of groups.values()) {
      if (g === total || d < g.lo || d > g.hi) continue;
      const j = d - g.base;
      if (g.orders[j] === g.orders[j]) so += g.orders[j];
      if (g.revenue[j] === g.revenue[j]) sr += g.revenue[j];
    }
    days++;
    const near = (a: number, b: number) => a !== a || Math.abs(a - b) <= Math.max(0.5, 1e-6 * Math.abs(b));
    if (near(o, so) && near(r, sr)) matched++;
  }
  return days >= 3 && matched >= 0.9 * days;
}

/** What one pass over a file yields: the file-level info, each seller's day totals, and file warnings. */
type Scanned = { file: FileInfo; groups: Map<string, SellerDays>; warnings: Warning[] };

/** What a first pass showed, for the pass that reads the file again with it. */
type Shown = { encoding?: Encoding; slash?: SlashOrder; european?: EuropeanBy; idsByDay?: { recurring: number; far: number } };

/**
 * One pass over the file; read again when it was ASCII in its head and turns out CP949 (or
 * Windows-1252), or its slashed dates, European-locale amounts or order ids restarting each day
 * were shown only by the whole file.
 */
async function scan(path: FilePath, opts: IngestOptions, by?: string, shown: Shown = {}): Promise<Scanned> {
  const { encoding, slash, european, idsByDay } = shown;
  let src: Source;
  try {
    src = await openSource(path, encoding);
  } catch (e) {
    // .xlsx: the same records from another reader, imported only when needed (exceljs takes ~0.4 s to load)
    if (e instanceof WorkbookFile) return (await import('./xlsx.js')).scanWorkbook(path, e, opts, by);
    throw e;
  }
  const delimiter = detectDelimiter(src.headText, (cell) => fieldOfHeader(cell)?.field);
  const reader = new RowReader({ file: src.name, delimiter, tz: opts.tz, columns: opts.columns, by, slash, european, currency: opts.currency, idsByDay });
  const hash = createHash('sha256');
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 512,
    write(rec: string[], _enc, cb) {
      try {
        reader.record(rec);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  const decoder = decoderFor(src.encoding);
  const stages = [readBytes(src), rawTap(src, hash), ...(decoder ? [decoder] : []), parse(csvOptions(delimiter, delimiter !== '\t' || tsvQuotes(src.headText))), sink];
  try {
    await (pipeline as (...s: unknown[]) => Promise<void>)(...stages);
  } catch (e) {
    if (e instanceof NotUtf8Error) {
      if (src.asciiOnly && !encoding) return scan(path, opts, by, { ...shown, encoding: e.legacy });
      fail('BAD_ENCODING', `${src.name}: not valid UTF-8 near byte ${e.offset}, though the start of the file is`,
        'the file mixes encodings; save it again as UTF-8 (or CP949) throughout');
    }
    throw toCoded(e, src.name, reader.line);
  }
  // dates like 11/29/2025, amounts like "12,50": read again once the whole file has shown which part
  // is the month, or that its commas are decimal
  const order = reader.slashOrder();
  const eu = reader.europeanShown();
  if (order || eu) return scan(path, opts, by, { ...shown, slash: order ?? slash, european: european ?? eu ?? undefined });
  // ids like 0001 each day: read again, an order being an id on one day
  const restart = reader.restartingIds();
  if (restart) return scan(path, opts, by, { ...shown, idsByDay: restart });
  const warnings = reader.end();
  const L = reader.layout!;
  const file: FileInfo = {
    file: src.name, sha256: hash.digest('hex'), kind: L.kind, encoding: src.encoding, delimiter, headers: reader.headers,
    columns: L.columns, kindReason: L.kindReason,
  };
  return { file, groups: reader.groups, warnings };
}

/** Any failure inside the stream as a coded error (nothing uncoded escapes ingest). */
function toCoded(e: unknown, file: string, nextLine: number): LossCalcError {
  if (e instanceof LossCalcError) return e;
  const csv = csvErrorToCoded(e, file, nextLine);
  if (csv) return csv;
  const err = e as NodeJS.ErrnoException;
  if (err?.code && /^E[A-Z]+$/.test(err.code)) return new LossCalcError('FILE_UNREADABLE', `${file}: cannot read (${err.code})`);
  // a TypeError and its kin are our bugs: say so rather than blame the file
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) {
    return new LossCalcError('INTERNAL', `${file}: ${e.message} (this is a bug in loss-calc; please report it)`);
  }
  return new LossCalcError('BAD_ENCODING', `${file}: cannot decode the text (${err?.message ?? String(e)})`);
}
