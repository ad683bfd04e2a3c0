// Excel cell values → the text cells the row reader takes, so a workbook row is read exactly
// like a CSV record. Styles are not loaded (they are not needed and their part may come after
// the sheets), so a date cell arrives as its serial number; in the date column a serial number
// becomes an ISO day, with its time of day when it has one. Excel stores wall-clock times, so
// the text is written as a CSV export would write it: a time without a zone, read like one.
import { fromDay } from '../core/dates.js';

/** Serial of 1970-01-01 in the 1900 date system (1904 system: 24107). */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const MS_DAY = 86_400_000;

/**
 * Day number (days since 1970-01-01) of an Excel serial, NaN outside 1900-01-01 … 9999.
 * 1900 system: serial 1 is 1900-01-01 and serial 60 is Lotus's 1900-02-29, which never was
 * (NaN); from 61 (1900-03-01) on, serial − 25569. 1904 system: serial 0 is 1904-01-01.
 * `serialToDay(45990.75, false)` is the day of 2025-11-29; `serialToDay(44528.75, true)` too.
 */
export function serialToDay(serial: number, date1904: boolean): number {
  if (!Number.isFinite(serial)) return NaN;
  const whole = Math.floor(Math.round(serial * MS_DAY) / MS_DAY); // 23:59:59.9999 float dust stays on its day
  if (date1904) return whole >= 0 && whole <= 2_957_003 ? whole - EPOCH_1904 : NaN;
  if (whole < 1 || whole > 2_958_465 || whole === 60) return NaN;
  return whole < 60 ? whole - EPOCH_1900 + 1 : whole - EPOCH_1900;
}

/**
 * A number in a date column: `20251129` (yyyymmdd typed as a number) stays text, anything else is
 * a serial: `2025-11-29`, or `2025-11-29 13:05:00` when it has a time of day (so the last order's
 * time can tell a partial last day, and a date header's zone applies, as in CSV).
 */
export function dateNumberText(n: number, date1904: boolean): string {
  if (Number.isInteger(n) && n >= 19000101 && n <= 29991231) return String(n);
  const day = serialToDay(n, date1904);
  if (day !== day) return String(n);
  const ms = Math.round(n * MS_DAY);
  return fromDay(day) + timeOfDay(ms - Math.floor(ms / MS_DAY) * MS_DAY);
}

/** ` HH:MM:SS` of a time of day in ms (whole seconds, as Excel shows it), or '' at midnight. */
function timeOfDay(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s === 0) return '';
  const two = (x: number) => String(x).padStart(2, '0');
  return ` ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** The wall-clock day and time of a JS Date that exceljs built from a serial (its UTC fields are the wall time). */
function dateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  return d.toISOString().slice(0, 10) + timeOfDay(t - Math.floor(t / MS_DAY) * MS_DAY);
}

/**
 * A whole number of 16 digits or more (an order id stored as a number): Excel keeps 15 significant
 * digits and zeros the rest, so `2025080100000123` is saved as `2025080100000120` and ten orders share
 * it. When its digits past the 15th are zeros, or it is past 2^53 (no longer exact), it is written as a
 * rounded id (`2.02508010000012E+15`), which the order rows tell apart by their time (ROUNDED_ORDER_IDS);
 * other long numbers stay as they are, and so does every later one of a column that has shown one
 * (rowTexts' `exact`): a library's exact ids end in 0 one time in ten.
 */
function longNumberText(v: number): string {
  return isExactLong(v) ? String(v) : v.toExponential(14).toUpperCase().replace(/\.?0+E/, 'E');
}

/** A long whole number that shows it was not rounded: exact in a double, with a digit past the 15th that is not 0. */
function isExactLong(v: number): boolean {
  return v <= Number.MAX_SAFE_INTEGER && !/^\d{15}0+$/.test(String(v));
}

/**
 * Text of one cell value as exceljs gives it: numbers and booleans as typed, rich text joined,
 * formulas by their cached result (`=FORMULA` when the file has none, so an error can show it),
 * errors as `#N/A`, dates as their day (and time). `isDate`: the cell is in the date column.
 */
export function cellText(v: unknown, isDate: boolean, date1904: boolean, recalc = false, exactLong = false): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return isDate ? dateNumberText(v, date1904) : v >= 1e15 && Number.isInteger(v) && !exactLong ? longNumberText(v) : String(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return dateText(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    // (exceljs reads an error result, #N/A, as NaN: the formula says more; a workbook never calculated
    // — `recalc`, a library's — holds 0 for every formula, which is no result either)
    const r = o.result;
    const placeholder = recalc && (r === 0 || r === false || r === '');
    if (r !== undefined && r !== null && !Number.isNaN(r) && !placeholder) return cellText(r, isDate, date1904);
    return `=${String(o.formula ?? o.sharedFormula ?? '')}`;
  }
  if ('error' in o) return String(o.error);
  if ('text' in o) return cellText(o.text, isDate, date1904); // a hyperlink cell
  if ('sharedString' in o) return ''; // only without a shared-strings part, which we always provide
  return '';
}

/** Whether every cell text is blank (spaces, NBSP, ideographic space). */
export function blankRow(cells: string[]): boolean {
  for (const s of cells) if (s.trim() !== '') return false;
  return true;
}

/** Serial day numbers of 2000-01-01 … 2099-12-31 (1900 system). */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;

/** Labels a table of dates across has left of them (구분, 항목, 일자…), or none: not a code's (매장코드 over 40001, 40002…). */
const DATES_LABEL = /^(?:구분|항목|지표|날짜|일자|일별|기간|요일|날짜\s*\/\s*항목|date|day|days|metric|metrics|measure|kpi|category|item)$/i;

/**
 * A row that may be a header of dates across (wide.ts), as texts with its dates read: styles are
 * not read, so a date cell comes as its serial number (45962). Whole numbers of this century, in
 * order either way, `min` of them or more, under a label such a table has (or none), are taken for
 * dates; null otherwise.
 */
export function serialDateHeader(values: unknown[], date1904: boolean, min: number): string[] | null {
  const n = Math.max(0, values.length - 1);
  const out: string[] = new Array(n);
  let label = '';
  const serials: number[] = [];
  for (let c = 0; c < n; c++) {
    const v = values[c + 1];
    const serial = typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_2000 && v < SERIAL_2100;
    if (serial) serials.push(v);
    out[c] = cellText(v, serial, date1904);
    if (serials.length === 0 && out[c].trim() !== '') label = out[c].trim();
  }
  if (serials.length < min || (label !== '' && !DATES_LABEL.test(label)) || !calendarSteps(serials)) return null;
  return out;
}

/**
 * Whether numbers step as a calendar's days do, either way: daily (mostly 1; gaps of a weekend, a
 * Seollal closure, days without sales, up to a month), weekly (7, a week or three missing) or
 * monthly (28–31, a month or two missing). Codes stepping by 3 or by 10 do not.
 */
function calendarSteps(serials: number[]): boolean {
  const sign = Math.sign(serials[1] - serials[0]);
  const steps = serials.slice(1).map((v, k) => (v - serials[k]) * sign);
  if (steps.some((d) => d <= 0)) return false; // not in order, one way
  const daily = steps.every((d) => d <= 31) && steps.filter((d) => d === 1).length * 2 >= steps.length;
  return daily || steps.every((d) => d % 7 === 0 && d <= 28) || steps.every((d) => d >= 28 && d <= 92);
}

/**
 * A sparse exceljs row (`values[col]`, 1-based) as `width` texts; `width` < 0 keeps the row's own
 * length. Cells right of the header are dropped: an export's notes beside the table are not data.
 * `exact`: the columns whose long numbers have shown they were not rounded (kept across a sheet's rows).
 */
export function rowTexts(values: unknown[], width: number, dateCol: number, date1904: boolean, recalc = false, exact?: Set<number>): string[] {
  const n = width >= 0 ? width : Math.max(0, values.length - 1);
  const out: string[] = new Array(n);
  for (let c = 0; c < n; c++) {
    const v = values[c + 1];
    if (exact && typeof v === 'number' && v >= 1e15 && Number.isInteger(v) && isExactLong(v)) exact.add(c);
    out[c] = cellText(v, c === dateCol, date1904, recalc, exact?.has(c));
  }
  return out;
}

/** The part of exceljs this module patches: a formula value's prototype, reached through a probe cell. */
type ExcelLib = { Workbook: new () => { addWorksheet(name: string): { getCell(ref: string): { value: unknown } } } };

/**
 * exceljs (4.4) copies a formula cell's cached result only when it is truthy, so a formula whose
 * value is 0, FALSE or "" reads as having none — an amount `=C2*D2` that came to 0 is then an
 * unreadable number, and a `=IF(…,1,0)` cancel flag of 0 a filled one (the whole row cancelled).
 * Keep every result it read; idempotent.
 */
export function keepFalsyFormulaResults(lib: ExcelLib): void {
  const cell = new lib.Workbook().addWorksheet('probe').getCell('A1');
  cell.value = { formula: 'A2', result: 0 };
  const proto = Object.getPrototypeOf((cell as unknown as { _value: object })._value) as { _copyModel(m: Record<string, unknown>): Record<string, unknown>; lossCalcKeepsResults?: true };
  if (proto.lossCalcKeepsResults) return;
  const copy = proto._copyModel;
  proto._copyModel = function (model) {
    const out = copy.call(this, model);
    if (model && model.result !== undefined && model.result !== null) out.result = model.result;
    return out;
  };
  proto.lossCalcKeepsResults = true;
}
