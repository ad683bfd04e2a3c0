// An .xlsx workbook → the same records a CSV gives, through the same RowReader:
//   file ─(decrypt in memory)─▶ zip directory (limits) ─▶ workbook map (sheets, 1904?) ─▶
//   re-streamed parts ─▶ exceljs streaming reader ─▶ cell texts ─▶ RowReader ─▶ SellerDays
// Rows stream (memory stays flat on large exports); only the first rows of each sheet looked at
// are held while the header is sought below title rows, notes and merged cells.
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Warning } from '../core/types.js';
import { LossCalcError } from '../errors.js';
import { holdsPeriodTotals, type FileInfo, type SellerDays } from './aggregate.js';
import type { Layout } from './kind.js';
import { RowReader, joinHeaderLines } from './rows.js';
import { MergeFill, MergeTap, type MergeRange } from './xlsx-merges.js';
import { fileSha256, pathText, type FilePath } from './source.js';
import { readBook, type Book, type BookSheet } from './xlsx-book.js';
import { HEADER_SCAN_ROWS, abortable, isHeader, noHeader, sheetsToRead, usedWidth, type StreamRow, type WorkbookOptions } from './xlsx-sheet.js';
import { blankRow, keepFalsyFormulaResults, rowTexts, serialDateHeader } from './xlsx-cells.js';
import { MIN_DATE_COLUMNS } from './wide.js';
import { REFUSED_EXTENSIONS, scrub, unsupported, type WorkbookFile } from './xlsx-container.js';
import { Budget, XLSX_LIMITS, bufferBytes, fileBytes, readDirectory, restream, type Emit, type Failure, type ZipBytes } from './xlsx-zip.js';

export type { WorkbookOptions } from './xlsx-sheet.js';

/** What was read from a workbook, for `inspect` (not part of the claim). */
export interface WorkbookInfo {
  encrypted: boolean;
  date1904: boolean;
  /** The sheet read: its tab position (1-based) and name. */
  sheet: { index: number; name: string };
  /** Worksheet row of the header (1-based, as Excel numbers rows). */
  headerRow: number;
  /** Every worksheet in tab order; `headerRow` null = looked at, no header in its first rows; undefined = not looked at. */
  sheets: { index: number; name: string; hidden: boolean; headerRow?: number | null }[];
  /** Later visible sheets with the same header, read on after `sheet` (one sheet a month); absent when none. */
  alsoRead?: { index: number; name: string; headerRow: number }[];
}

const READER_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as const;
const EMPTY_RELS = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
const EMPTY_SST = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>');

/**
 * Read one workbook into the RowReader's groups, like `scan` does for a CSV. `wb.binary` is the
 * BINARY_FILE error a non-workbook zip/OLE file keeps getting (a .csv that is really a zip).
 */
export async function scanWorkbook(path: FilePath, wb: WorkbookFile, opts: WorkbookOptions, by?: string) {
  const name = basename(pathText(path));
  const ext = extname(name).toLowerCase();
  // an .xlsx named .xls (admin sites' "엑셀 다운로드" often is): a zip, read as what it is; a real .xls is OLE
  const xlsxAsLegacy = wb.container === 'zip' && (ext === '.xls' || ext === '.xlt');
  if (REFUSED_EXTENSIONS[ext] && !xlsxAsLegacy) throw unsupported(name, REFUSED_EXTENSIONS[ext]);
  const size = (await stat(path)).size;
  if (size > XLSX_LIMITS.fileBytes) tooBig(name, `the file is ${mb(size)} (at most ${mb(XLSX_LIMITS.fileBytes)})`);
  const password = opts.password ?? process.env.LOSS_CALC_PASSWORD;
  const budget = new Budget(name);
  let bytes: ZipBytes;
  let sha256: string;
  let encrypted = false;
  let close = async () => {};
  if (wb.container === 'ole') {
    const { decryptWorkbook, readOle } = await import('./xlsx-decrypt.js'); // cfb + officecrypto-tool, for OLE files only
    const whole = await readFile(path);
    sha256 = createHash('sha256').update(whole).digest('hex');
    const ole = readOle(whole);
    if (ole === null) throw wb.binary;
    if (!ole.encrypted) {
      throw ext === '.xlsx' || ext === '.xls' || ext === '.xlt' || ext === '' ? unsupported(name, 'a legacy Excel 97–2003 workbook (.xls)') : wb.binary;
    }
    bytes = bufferBytes(await decryptWorkbook(name, ole, whole, password));
    encrypted = true;
  } else {
    sha256 = await fileSha256(path);
    const fh = await open(path, 'r');
    close = () => fh.close();
    bytes = fileBytes(path, fh, size);
  }
  try {
    // a zip named .xls that is no workbook either: refused by its name, as before
    const book = await readWorkbookMap(bytes, name, budget, ext, xlsxAsLegacy ? unsupported(name, REFUSED_EXTENSIONS[ext]) : wb.binary);
    const read = await readSheets(bytes, book, name, budget, opts, by, { sha256, encrypted });
    return (opts.sheet === undefined && (await pastSummary(read, bytes, book, name, opts, by, { sha256, encrypted }))) || read;
  } catch (e) {
    throw coded(e, name, password);
  } finally {
    await close();
  }
}

/**
 * A first sheet of weekly or monthly totals (요약: 월, 매출합계) over later sheets of orders or
 * days: those are the data (a summary cannot date an incident to the day), read as a workbook
 * without the summary would be (one sheet a month read on as ever), with a warning naming
 * both; null when the first sheet is no summary or no later sheet reads as days.
 */
async function pastSummary(read: SheetsRead, bytes: ZipBytes, book: Book, name: string, opts: WorkbookOptions, by: string | undefined,
  meta: { sha256: string; encrypted: boolean }): Promise<SheetsRead | null> {
  const summary = read.file.workbook.sheet;
  if (read.groups.size === 0 || ![...read.groups.values()].every(holdsPeriodTotals)) return null;
  let next: SheetsRead;
  for (let after = summary.index; ; after = next.file.workbook.sheet.index) {
    try {
      next = await readSheets(bytes, book, name, new Budget(name), opts, by, meta, undefined, after);
    } catch (e) {
      if (!(e instanceof LossCalcError)) throw e;
      return null; // no table after it
    }
    if (![...next.groups.values()].some(holdsPeriodTotals)) break; // another summary (주별 요약 after 월별 요약): on past it
  }
  next.warnings.unshift({ code: 'SUMMARY_SHEET_SKIPPED', message: `sheet ${JSON.stringify(summary.name)} holds weekly or monthly totals, ` +
    `so the days of sheet ${JSON.stringify(next.file.workbook.sheet.name)} were read instead (--sheet ${summary.index} reads the totals)` });
  const looked = new Map(read.file.workbook.sheets.map((s) => [s.index, s.headerRow]));
  next.file.workbook.sheets = next.file.workbook.sheets.map((s) => (s.headerRow === undefined && looked.get(s.index) !== undefined ? { ...s, headerRow: looked.get(s.index) } : s));
  return next;
}

/** The zip directory and workbook map; a zip that is no workbook keeps its error `notABook` (BINARY_FILE) unless it is named .xlsx. */
async function readWorkbookMap(bytes: ZipBytes, name: string, budget: Budget, ext: string, notABook: LossCalcError): Promise<Book> {
  const xlsxNamed = ext === '.xlsx' || ext === '.xltx';
  let book: Book | null;
  try {
    book = await readBook(bytes, await readDirectory(bytes, name), name, budget);
  } catch (e) {
    if (!xlsxNamed && e instanceof LossCalcError && e.code === 'BAD_WORKBOOK') throw notABook;
    throw e;
  }
  if (book === null) {
    if (!xlsxNamed) throw notABook;
    throw new LossCalcError('BAD_WORKBOOK', `${name}: a zip archive, but not an Excel workbook (no xl/workbook.xml)`, 'save the data from Excel as .xlsx or CSV');
  }
  return book;
}

/** What a workbook's sheets gave: like a CSV's scan, with the workbook's own info. */
type SheetsRead = { file: FileInfo & { workbook: WorkbookInfo }; groups: Map<string, SellerDays>; warnings: Warning[] };

/**
 * Stream the chosen sheet through a RowReader; the first visible sheet with a header wins unless
 * --sheet names one. `merged`: the merged ranges of each sheet (by index) a first pass found over
 * its rows, filled in on this one (xlsx-merges.ts); `after`: only sheets after that tab (pastSummary).
 */
async function readSheets(bytes: ZipBytes, book: Book, name: string, budget: Budget, opts: WorkbookOptions, by: string | undefined,
  meta: { sha256: string; encrypted: boolean }, merged?: Map<number, MergeRange[]>, after?: number): Promise<SheetsRead> {
  const targets = sheetsToRead(book, name, opts.sheet).filter((s) => after === undefined || s.index > after); // `after`: a summary sheet passed over
  if (book.sharedStrings && book.sharedStrings.size > XLSX_LIMITS.sharedStringsBytes) {
    tooBig(name, `its shared-strings part is ${mb(book.sharedStrings.size)} (at most ${mb(XLSX_LIMITS.sharedStringsBytes)})`);
  }
  const parts: Emit[] = [
    { as: 'xl/_rels/workbook.xml.rels', data: EMPTY_RELS },
    book.sharedStrings ? { as: 'xl/sharedStrings.xml', entry: book.sharedStrings } : { as: 'xl/sharedStrings.xml', data: EMPTY_SST },
    ...targets.map((s, k) => ({ as: sheetPart(k), entry: s.entry! })),
  ];
  const failure: Failure = {};
  const exact = new Set<number>(); // columns whose long numbers showed a digit past the 15th (xlsx-cells.ts longNumberText)
  const taps = merged ? undefined : new Map(targets.map((t, k) => [sheetPart(k), new MergeTap()]));
  const source = restream(bytes, parts, name, budget, failure, taps);
  let fill: MergeFill | null = null;
  const fills: MergeFill[] = [];
  /** The chosen sheet's money and count columns: a merged amount is its block's once, never filled. */
  const keep = (L: Layout) => new Set([L.amount, L.price, L.quantity, L.orders, L.revenue].filter((c) => c >= 0));
  const headerRows = new Map<number, number | null>();
  const peeked: { sheet: BookSheet; rows: StreamRow[] }[] = [];
  let chosen: { sheet: BookSheet; reader: RowReader; headerRow: number; above: number } | null = null;
  const alsoRead: { index: number; name: string; headerRow: number }[] = [];
  const monthsRead: { year: number | null; month: number }[] = [];
  const sameHeader: { index: number; name: string; headerRow: number }[] = [];
  let dateCol = -1;
  let width = 0;
  try {
    const ExcelJS = (await import('exceljs')).default; // ~0.4 s to load: only once a file is a workbook
    keepFalsyFormulaResults(ExcelJS as unknown as Parameters<typeof keepFalsyFormulaResults>[0]);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, READER_OPTIONS);
    let k = 0;
    for await (const ws of abortable(workbook, failure)) {
      const sheet = targets[k++];
      if (!sheet) break;
      const label = `${name} (sheet ${JSON.stringify(sheet.name)})`;
      if (chosen) {
        // a workbook of one sheet a month: a later month's sheet with the same header goes on into the same
        // reader; a sheet of another name with it (전체, 원본: the same orders again?) is only named
        // (not a second sheet of a month already read: `주문_202511` beside `2025-11` is the same orders again)
        const month = sheetMonth(sheet.name);
        const feed = monthsRead.length > 0 && month !== null && !monthsRead.some((m) => sameMonth(m, month));
        const ranges = merged?.get(sheet.index);
        const onFill = feed && ranges ? new MergeFill(ranges, keep(chosen.reader.layout!)) : null;
        if (onFill) fills.push(onFill);
        const at = await readOn(ws as AsyncIterable<StreamRow>, feed ? chosen.reader : null, width, dateCol, book, failure, chosen.reader.headers, onFill, exact);
        if (at !== null) {
          headerRows.set(sheet.index, at);
          (feed ? alsoRead : sameHeader).push({ index: sheet.index, name: sheet.name, headerRow: at });
          if (feed) monthsRead.push(month!);
        }
        continue;
      }
      const head: StreamRow[] = [];
      let reader: RowReader | null = null;
      let rows = 0;
      for await (const row of abortable(ws as AsyncIterable<StreamRow>, failure)) {
        if (!row?.values) throw new LossCalcError('BAD_WORKBOOK', `${label}: a malformed row in the sheet's XML`, 'open it in Excel and save it again as .xlsx');
        if (++rows > XLSX_LIMITS.rows) tooBig(name, `sheet ${JSON.stringify(sheet.name)} has more than ${XLSX_LIMITS.rows.toLocaleString('en-US')} rows`);
        if (reader) {
          reader.line = row.number;
          const cells = rowTexts(row.values, width, dateCol, book.date1904, book.recalc, exact);
          reader.record(fill ? fill.apply(row.number, cells) : cells);
          continue;
        }
        const cells = serialDateHeader(row.values, book.date1904, MIN_DATE_COLUMNS) ?? rowTexts(row.values, -1, -1, book.date1904);
        if (blankRow(cells)) continue;
        const prev = head.at(-1);
        head.push({ number: row.number, values: row.values });
        // a header on two rows, merged cells over the second (결제 over 상품금액 | 배송비 | 결제금액): the reader joins them
        const top = prev && !isHeader(cells, label, opts.columns, by) ? rowTexts(prev.values, -1, -1, book.date1904) : null;
        const twoRows = top !== null && isHeader(joinHeaderLines(top.map((c) => c.trim()), cells.map((c) => c.trim())), label, opts.columns, by, true);
        if (!twoRows && !isHeader(cells, label, opts.columns, by)) {
          if (head.length >= HEADER_SCAN_ROWS) break;
          continue;
        }
        width = Math.max(usedWidth(cells), top ? usedWidth(top) : 0);
        reader = new RowReader({ file: label, delimiter: ',', tz: opts.tz, columns: opts.columns, by, currency: opts.currency });
        const above = head.length - (twoRows ? 2 : 1);
        for (const t of head.slice(0, above)) reader.title(rowTexts(t.values, -1, -1, book.date1904), t.number); // `(단위: 천원)` over the table
        if (twoRows) {
          reader.line = prev!.number;
          reader.record(padTo(top!, width));
        }
        reader.line = row.number;
        reader.record(padTo(cells, width));
        if (!reader.layout) reader.end(); // cannot happen: isHeader mirrors the reader's own test; end() throws its reason
        dateCol = reader.datesAcross ? -1 : reader.layout!.date; // a wide table's rows hold counts and money under its dates
        chosen = { sheet, reader, headerRow: row.number, above };
        const first = sheetMonth(sheet.name);
        if (first) monthsRead.push(first); // a workbook of one sheet a month: the later ones are read on
        const ranges = merged?.get(sheet.index);
        if (ranges) fills.push((fill = new MergeFill(ranges, keep(reader.layout!))));
      }
      headerRows.set(sheet.index, chosen?.sheet === sheet ? chosen.headerRow : null);
      if (chosen) reader!.closeFooter();
      else peeked.push({ sheet, rows: head });
    }
  } catch (e) {
    throw failure.error ?? e;
  } finally {
    source.destroy();
  }
  if (failure.error) throw failure.error;
  if (!chosen) return noHeader(name, book, peeked, opts, by);
  const { reader, sheet, headerRow, above } = chosen;
  // merged cells over the rows read: read again with their values filled in
  if (taps) {
    const over = new Map<number, MergeRange[]>();
    for (const [k, t] of targets.entries()) {
      const first = t === sheet ? headerRow : alsoRead.find((a) => a.index === t.index)?.headerRow;
      const ranges = first === undefined ? [] : taps.get(sheetPart(k))!.ranges().filter((r) => r.r2 > first);
      if (ranges.length) over.set(t.index, ranges);
    }
    if (over.size) return readSheets(bytes, book, name, new Budget(name), opts, by, meta, over, after);
  }
  const warnings: Warning[] = [...reader.end()];
  const filled = fills.reduce((n, f) => n + f.filled, 0);
  if (filled > 0) {
    const cols = [...new Set(fills.flatMap((f) => [...f.columns]))].sort((a, b) => a - b).map((c) => JSON.stringify(reader.headers[c] ?? `column ${c + 1}`)).join(', ');
    warnings.push({ code: 'MERGED_CELLS', message: `cells merged down over several rows (${cols}) were read as their value on each row they cover, ` +
      `${filled.toLocaleString('en-US')} cell(s) in all, as the sheet shows them (an amount merged over rows counts once)` });
  }
  if (above > 0) warnings.unshift({ code: 'PREAMBLE', message: `${above} line(s) above the header (line ${headerRow}) were not read` });
  if (alsoRead.length) {
    const names = alsoRead.slice(0, 5).map((s) => JSON.stringify(s.name)).join(', ') + (alsoRead.length > 5 ? `, … (${alsoRead.length} in all)` : '');
    warnings.push({ code: 'SHEETS_COMBINED', message: `${alsoRead.length} more sheet(s) of a month have the same header as ${JSON.stringify(sheet.name)} and were read on after it: ${names} (their rows' line numbers are those of their own sheet; --sheet reads one sheet only)` });
  }
  if (sameHeader.length) {
    const names = sameHeader.slice(0, 5).map((s) => JSON.stringify(s.name)).join(', ') + (sameHeader.length > 5 ? ', …' : '');
    warnings.push({ code: 'OTHER_SHEETS', message: `${sameHeader.length} more sheet(s) have the same header as ${JSON.stringify(sheet.name)} and were not read: ${names}; ` +
      'only sheets named as months (2025-01, 1월, Nov 2024) are read on after a month\'s sheet, each month once (a second sheet of a month read is taken for the same orders again); if they hold other orders, read them with --sheet' });
  }
  const L = reader.layout!;
  const workbook: WorkbookInfo = {
    encrypted: meta.encrypted, date1904: book.date1904, sheet: { index: sheet.index, name: sheet.name }, headerRow,
    sheets: book.sheets.map((s) => ({ index: s.index, name: s.name, hidden: s.hidden, ...(headerRows.has(s.index) ? { headerRow: headerRows.get(s.index) } : {}) })),
    ...(alsoRead.length ? { alsoRead } : {}),
  };
  const file: FileInfo & { workbook: WorkbookInfo } = {
    file: name, sha256: meta.sha256, kind: L.kind, encoding: 'xlsx', delimiter: '', headers: reader.headers, columns: L.columns,
    kindReason: L.kindReason, workbook,
  };
  return { file, groups: reader.groups, warnings };
}

/**
 * Read a later sheet on into `reader` when one of its first rows is the same header (its rows then
 * go in as the first sheet's would); the header's row, or null when it has none in its first rows.
 */
async function readOn(ws: AsyncIterable<StreamRow>, reader: RowReader | null, width: number, dateCol: number, book: Pick<Book, 'date1904' | 'recalc'>, failure: Failure,
  headers: string[], fill: MergeFill | null, exact: Set<number>): Promise<number | null> {
  let headerRow: number | null = null;
  let seen = 0;
  for await (const row of abortable(ws, failure)) {
    if (!row?.values) continue;
    if (headerRow !== null) {
      if (reader === null) break;
      reader.line = row.number;
      const cells = rowTexts(row.values, width, dateCol, book.date1904, book.recalc, exact);
      reader.record(fill ? fill.apply(row.number, cells) : cells);
      continue;
    }
    const cells = rowTexts(row.values, -1, -1, book.date1904);
    if (blankRow(cells)) continue;
    if (cells.length >= width && cells.slice(0, width).every((c, k) => c.trim() === headers[k]) && blankRow(cells.slice(width))) headerRow = row.number;
    else if (++seen >= HEADER_SCAN_ROWS) break;
  }
  if (headerRow !== null) reader?.closeFooter();
  return headerRow;
}

/** Whether a sheet is named as a month (`2025-01`, `1월`, `Nov 2024`, `6월 주문`, `주문내역_202506`). */
export function isPeriodName(name: string): boolean {
  return sheetMonth(name) !== null;
}

/**
 * The month a sheet is named as, its year when the name has one; null for any other name. With a
 * word beside it (`6월 주문`) the month must say it is one (월, a month's name, or a year): `주문 1`
 * is a numbered sheet, not January's.
 */
export function sheetMonth(name: string): { year: number | null; month: number } | null {
  const bare = name.replace(SHEET_WORDS_BEFORE, '').replace(SHEET_WORDS_AFTER, '');
  const worded = bare !== name;
  const ko = KO_MONTH.exec(bare);
  if (ko && (!worded || ko[1] !== undefined || ko[3] !== undefined)) return { year: ko[1] === undefined ? null : fullYear(ko[1]), month: Number(ko[2]) };
  const en = EN_MONTH.exec(bare);
  if (en) {
    const year = en[1] ?? en[3];
    return { year: year === undefined ? null : fullYear(year), month: EN_MONTHS.indexOf(en[2].slice(0, 3).toLowerCase()) + 1 };
  }
  const ym = YYYYMM.exec(bare);
  return ym ? { year: Number(ym[1]), month: Number(ym[2]) } : null;
}

/** Whether two sheets' months may be the same month (a year missing on either side matches any). */
function sameMonth(a: { year: number | null; month: number }, b: { year: number | null; month: number }): boolean {
  return a.month === b.month && (a.year === null || b.year === null || a.year === b.year);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
/** Words a month's sheet may carry beside its month: `6월 주문`, `주문내역_202506`, `Orders Jun 2025`. */
const SHEET_WORDS_BEFORE = /^\s*(?:주문\s*내역|주문\s*목록|주문|매출|판매|정산|orders?|sales)[\s_\-]*/i;
const SHEET_WORDS_AFTER = /[\s_\-]*(?:주문\s*내역|주문\s*목록|주문|매출|판매|정산|orders?|sales)\s*$/i;
const KO_MONTH = /^\s*(?:((?:19|20)?\d{2})\s*(?:년|[.\-/_ ])\s*)?(0?[1-9]|1[0-2])\s*(월)?\s*$/;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH = /^\s*(?:(\d{4})\s*[-_ ]?\s*)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*[-_ ]?\s*(\d{4}|\d{2})?\s*$/i;
const YYYYMM = /^\s*((?:19|20)\d{2})(0[1-9]|1[0-2])\s*$/;

/** Any failure as a coded error with the password scrubbed out (nothing uncoded escapes ingest). */
function coded(e: unknown, name: string, password: string | undefined): LossCalcError {
  if (e instanceof LossCalcError) {
    const msg = scrub(e.message, password);
    const hint = e.hint === undefined ? undefined : scrub(e.hint, password);
    return msg === e.message && hint === e.hint ? e : new LossCalcError(e.code, msg, hint);
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code && /^E[A-Z]+$/.test(err.code)) return new LossCalcError('FILE_UNREADABLE', `${name}: cannot read (${err.code})`);
  const where = String(err?.stack ?? '').split('\n').find((l) => l.trimStart().startsWith('at '));
  if ((e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) && where && !where.includes('node_modules')) {
    return new LossCalcError('INTERNAL', `${name}: ${scrub(err.message, password)} (this is a bug in loss-calc; please report it)`);
  }
  return new LossCalcError('BAD_WORKBOOK', `${name}: cannot read the workbook (${scrub(String(err?.message ?? e), password)})`,
    'open it in Excel and save it again as .xlsx, or download it again');
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function tooBig(name: string, what: string): never {
  throw new LossCalcError('FILE_TOO_LARGE', `${name}: ${what}`, 'split the export into smaller date ranges, or save the sheet as CSV');
}

/** The part name the k-th sheet read is restreamed under (exceljs reads sheets by these names). */
const sheetPart = (k: number) => `xl/worksheets/sheet${k + 1}.xml`;

/** A row's cells cut or padded with blanks to `width`. */
function padTo(cells: string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}
