// A table with its dates across the header (a transposed daily report: `구분,2024-11-29,2024-11-30,…`
// with a 주문수 row and a 매출 row), read as the daily aggregate it is. A row is a measure when its
// label names one (주문수, 매출액, orders, revenue); a 합계 row is its table's total. Rows that
// name something else (a product: A세트, B단품) do not say whether their numbers are money or
// counts, so a table of only those is refused with a message that says why. The rows are held
// until the table ends (a report has a few): which row is the revenue — 순매출 over 총매출, as for
// columns — is known only then, and so is the money unit its label states (`매출액(천원)`).
import type { Field } from '../core/types.js';
import { fail } from '../errors.js';
import type { SellerDays } from './aggregate.js';
import { fieldOfHeader, listHeaders, mapHeaders, normalizeHeader } from './headers.js';
import { emptyLayout, type Layout } from './kind.js';
import { isBlankCell, isMissingCell, isTotalLabel, parseCount } from './values.js';

/** Date columns a header needs to be read as dates across: a week of them, and most of its cells. */
export const MIN_DATE_COLUMNS = 7;
type Measure = 'orders' | 'revenue';

/** The measure a row label names, or null. */
function measureOf(label: string): Measure | null {
  const f: Field | undefined = fieldOfHeader(label)?.field;
  return f === 'orders' ? 'orders' : f === 'revenue' || f === 'amount' ? 'revenue' : null;
}

/** A row read under the header: its label, line and cells. */
interface WideRow {
  label: string;
  line: number;
  rec: string[];
}

export class WideTable {
  /** Rows whose label names a measure, in file order. */
  private readonly measureRows: WideRow[] = [];
  /** Rows of a total, and of anything else (products: their labels, for the message when no measure row comes). */
  private totals = 0;
  private readonly others: string[] = [];
  private otherRows = 0;
  /** The measure rows choose() picked, which write() reads, by measure. */
  private chosen: Partial<Record<Measure, WideRow>> = {};

  private constructor(
    readonly headers: string[],
    /** [column, day] of each date column; the label is the first filled cell left of the first one. */
    private readonly days: [number, number][],
    readonly layout: Layout,
  ) {}

  /** A wide table's reading of `headers`, or null when they are not dates across (`day` reads a cell: NaN when it is no date). */
  static detect(headers: string[], day: (cell: string) => number): WideTable | null {
    const days: [number, number][] = [];
    headers.forEach((h, k) => {
      const d = h === '' ? NaN : day(h);
      if (d === d) days.push([k, d]);
    });
    const filled = headers.filter((h) => h !== '').length;
    if (days.length < MIN_DATE_COLUMNS || days.length * 2 < filled || days[0][0] === 0) return null;
    const first = `${headers[days[0][0]]} … ${headers[days[days.length - 1][0]]}`;
    const layout = emptyLayout('daily', days[0][0]);
    layout.kindReason = `dates across the header (${first}, ${days.length} columns) → a daily aggregate, one row per measure`;
    layout.columns.date = `${first} (columns)`;
    return new WideTable(headers, days, layout);
  }

  /** A row's label: its first filled cell left of the dates. */
  private labelOf(rec: string[]): string {
    return rec.slice(0, this.days[0][0]).find((c) => !isBlankCell(c))?.trim() ?? '';
  }

  /** Whether a row's label names a measure or a total: a row of the table for sure (a row of anything else may be a header below it). */
  isOwnRow(rec: string[]): boolean {
    const label = this.labelOf(rec);
    return measureOf(label) !== null || isTotalLabel(label);
  }

  /** Hold one row: a measure's, a total's, or another's (noted). */
  row(rec: string[], line: number): void {
    const label = this.labelOf(rec);
    if (measureOf(label) !== null) this.measureRows.push({ label, line, rec });
    else if (isTotalLabel(label)) this.totals++;
    else {
      this.otherRows++;
      if (this.others.length < 5) this.others.push(label);
    }
  }

  /**
   * At the end: the row each measure is read from, chosen among its rows' labels as among columns
   * (mapHeaders: 순매출 over 총매출, 결제금액 over 금액), and the revenue row's label (undefined
   * without one). A table without a measure row cannot be read.
   */
  choose(file: string): string | undefined {
    if (this.measureRows.length === 0) {
      fail('NO_AMOUNT_COLUMN', `${file}: the dates run across the header (${this.layout.columns.date}), and no row is named as orders or revenue` +
        (this.others.length ? `: its rows are ${listHeaders(this.others)}, which do not say whether they hold money or counts` : ''),
      'name the rows 주문수 (orders) and 매출액 (revenue), or export the report with one row per date');
    }
    const labels = this.measureRows.map((r) => r.label);
    let index: Partial<Record<Field, number>>;
    try {
      index = mapHeaders(labels, file).index;
    } catch {
      index = {}; // the labels as headers make no sense together: each measure's first row
    }
    const first = (m: Measure) => this.measureRows.findIndex((r) => measureOf(r.label) === m);
    const pick = (m: Measure, ...fields: Field[]) => {
      const k = fields.map((f) => index[f]).find((i) => i !== undefined && measureOf(labels[i]) === m) ?? first(m);
      if (k >= 0) this.chosen[m] = this.measureRows[k];
    };
    pick('orders', 'orders');
    pick('revenue', 'revenue', 'amount');
    return this.chosen.revenue?.label;
  }

  /** After choose(): the chosen rows' values into the days; every other row is counted as skipped. */
  write(acc: SellerDays, money: (s: string) => number): void {
    acc.rows += this.measureRows.length + this.totals + this.otherRows;
    for (let t = 0; t < this.totals; t++) acc.skip('total-row');
    for (const r of this.measureRows) {
      const m = measureOf(r.label)!;
      const chosen = this.chosen[m]!;
      if (chosen === r) this.take(r, m, acc, money);
      // the chosen row's label again: which of the two is meant cannot be told
      else if (normalizeHeader(r.label) === normalizeHeader(chosen.label)) acc.duplicates.add(() => `the ${m} on lines ${chosen.line} and ${r.line}`);
      else acc.skip('no-values'); // another row of the measure (총매출 beside the chosen 순매출)
    }
    for (let o = 0; o < this.otherRows; o++) acc.skip('no-values');
  }

  /** One measure row's values into the days. */
  private take(r: WideRow, measure: Measure, acc: SellerDays, money: (s: string) => number): void {
    this.layout.columns[measure] = `${r.label} (row ${r.line})`;
    acc.used++;
    for (const [k, day] of this.days) {
      const i = acc.slot(day, r.line);
      if (i < 0) return; // outside a 20-year range: the seller fails in finish()
      acc.line[i] = r.line;
      const cell = r.rec[k] ?? '';
      if (isMissingCell(cell)) continue;
      const v = measure === 'orders' ? parseCount(cell) : money(cell);
      if (v !== v) acc.badNumbers.add(() => `line ${r.line}: cannot read ${measure} "${cell}" (column "${this.headers[k]}")`);
      else if (v < 0) acc.negatives.add(() => `line ${r.line}: ${measure} ${cell} (column "${this.headers[k]}")`);
      else (measure === 'orders' ? acc.orders : acc.revenue)[i] = v;
    }
  }
}
