// Choosing the sheet and its header row, and the helpers of the streaming loop in xlsx.ts:
// the first visible sheet whose first rows hold a header wins, unless --sheet names one.
import type { Field } from '../core/types.js';
import { LossCalcError } from '../errors.js';
import { findHeader, mapHeaders } from './headers.js';
import { planLayout } from './kind.js';
import { parseDate } from './parse-date.js';
import { RowReader } from './rows.js';
import type { Book, BookSheet } from './xlsx-book.js';
import { rowTexts } from './xlsx-cells.js';
import type { Failure } from './xlsx-zip.js';
import { WideTable } from './wide.js';

/** Non-blank rows at the top of a sheet searched for the header (title rows, notes, merged cells). */
export const HEADER_SCAN_ROWS = 20;

/** How to read a workbook: the ingest options that apply. */
export interface WorkbookOptions {
  columns?: Partial<Record<Field, string>>;
  tz: string;
  /** `--sheet`: a sheet name, or its tab position from 1. */
  sheet?: string;
  /** `--password`; LOSS_CALC_PASSWORD is the fallback. Never echoed. */
  password?: string;
  /** The claim's currency: đồng and rupiah text amounts group thousands with dots. */
  currency?: string;
}

/** exceljs's streaming row, as far as we use it. */
export interface StreamRow {
  number: number;
  values: unknown[];
}

/** Which sheets to look at, in tab order: the one named by --sheet, else every visible sheet. */
export function sheetsToRead(book: Book, name: string, sheet: string | undefined): BookSheet[] {
  const list = () => book.sheets.map((s) => `${s.index} ${JSON.stringify(s.name)}${s.hidden ? ' (hidden)' : ''}`).join(', ') || '(none)';
  if (sheet === undefined) {
    const visible = book.sheets.filter((s) => !s.hidden && s.entry);
    if (visible.length === 0) throw new LossCalcError('EMPTY_FILE', `${name}: the workbook has no visible worksheet (sheets: ${list()})`, 'name a hidden sheet with --sheet');
    return visible;
  }
  const want = sheet.trim();
  const hit = book.sheets.find((s) => s.name === sheet) ?? book.sheets.find((s) => s.name.trim().toLowerCase() === want.toLowerCase())
    ?? (/^\d+$/.test(want) ? book.sheets.find((s) => s.index === Number(want)) : undefined);
  if (!hit) throw new LossCalcError('UNKNOWN_SHEET', `${name}: --sheet ${JSON.stringify(sheet)}: no such sheet; the sheets are ${list()}`, 'give a sheet name or its tab number, counting from 1');
  if (!hit.entry) throw new LossCalcError('BAD_WORKBOOK', `${name}: sheet ${JSON.stringify(hit.name)} is listed but its data part is missing`, 'open it in Excel and save it again as .xlsx');
  return [hit];
}

/**
 * Whether a row can be the header: it maps a date column and an amount, price, orders or revenue
 * column (and `--by`'s column), or it holds dates across (wide.ts; not with `--by`).
 */
export function isHeader(cells: string[], label: string, columns: WorkbookOptions['columns'], by: string | undefined, joined = false): boolean {
  const headers = cells.map((h) => h.trim());
  try {
    let byIndex = -1;
    if (by !== undefined) {
      byIndex = findHeader(headers, by);
      if (byIndex < 0) byIndex = mapHeaders(headers, label, columns).index[by as Field] ?? -1;
      if (byIndex < 0) return false;
    }
    planLayout(headers, mapHeaders(headers, label, columns, byIndex >= 0 ? [byIndex] : [], !joined), label);
    return true;
  } catch (e) {
    if (!(e instanceof LossCalcError)) throw e;
    return e.code === 'NO_DATE_COLUMN' && by === undefined && WideTable.detect(headers, (c) => (parseDate(c, 'UTC') === null ? NaN : 0)) !== null;
  }
}

/** Number of cells up to the last non-blank one. */
export function usedWidth(cells: string[]): number {
  let w = cells.length;
  while (w > 0 && cells[w - 1].trim() === '') w--;
  return w;
}

/**
 * `it`, but a pending `next()` is rejected the moment the re-streamed zip fails: an entry that
 * stops mid-way leaves exceljs waiting for bytes that never come, so we must not wait with it.
 */
export function abortable<T>(it: AsyncIterable<T>, failure: Failure): AsyncIterableIterator<T> {
  const iter = it[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (failure.error) return Promise.reject(failure.error);
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        failure.onError = reject;
        iter.next().then(resolve, reject);
      });
    },
    async return() {
      await iter.return?.();
      return { done: true, value: undefined };
    },
  };
}

/**
 * No sheet had a header: the first non-empty sheet's rows get the CSV path's verdict (the widest
 * row's problem). With `--by`, a sheet whose header lacks only that column is the one judged, so
 * the error is the missing column with that sheet's headers, not "no header".
 */
export function noHeader(name: string, book: Book, peeked: { sheet: BookSheet; rows: StreamRow[] }[], opts: WorkbookOptions, by: string | undefined): never {
  const label = (p: { sheet: BookSheet }) => `${name} (sheet ${JSON.stringify(p.sheet.name)})`;
  const headed = (p: { sheet: BookSheet; rows: StreamRow[] }) =>
    by !== undefined && p.rows.some((r) => isHeader(rowTexts(r.values, -1, -1, book.date1904), label(p), opts.columns, undefined));
  const first = peeked.find(headed) ?? peeked.find((p) => p.rows.length > 0);
  const looked = peeked.map((p) => `${JSON.stringify(p.sheet.name)} (${headed(p) ? `no column ${JSON.stringify(by)}` : p.rows.length ? 'no header' : 'empty'})`).join(', ');
  if (!first) throw new LossCalcError('EMPTY_FILE', `${name}: no rows in ${peeked.length > 1 ? 'any sheet' : 'the sheet'}: ${looked}`);
  const reader = new RowReader({ file: label(first), delimiter: ',', tz: opts.tz, columns: opts.columns, by });
  try {
    for (const r of first.rows) {
      reader.line = r.number;
      reader.record(rowTexts(r.values, -1, -1, book.date1904));
    }
    reader.end();
  } catch (e) {
    if (!(e instanceof LossCalcError) || peeked.length < 2) throw e;
    const none = headed(first) ? `no sheet has a column ${JSON.stringify(by)} in its header` : `no sheet has a header row with a date and an amount column in its first ${HEADER_SCAN_ROWS} rows`;
    throw new LossCalcError(e.code, `${e.message}; ${none}: ${looked}`,
      e.hint ? `${e.hint}; or choose the sheet with --sheet` : 'choose the sheet with --sheet');
  }
  throw new LossCalcError('NO_HEADER', `${name}: no header row with a date and an amount column in the first ${HEADER_SCAN_ROWS} rows of ${looked}`, 'choose the sheet with --sheet');
}
