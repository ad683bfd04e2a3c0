// A table with its dates across the header (a transposed daily report: `구분,2024-11-29,2024-11-30,…`
// with a 주문수 row and a 매출 row), read as the daily aggregate it is. A row is a measure when its
// label names one (주문수, 매출액, orders, revenue); a 합계 row is its table's total. Rows that
// name something else (a product: A세트, B단품) do not say whether their numbers are money or
// counts, so a table of only those is refused with a message that says why.
import type { Field } from '../core/types.js';
import { fail } from '../errors.js';
import type { SellerDays } from './aggregate.js';
import { fieldOfHeader, listHeaders } from './headers.js';
import type { Layout } from './kind.js';
import { isBlankCell, isMissingCell, isTotalLabel, parseCount } from './values.js';

/** Date columns a header needs to be read as dates across: a week of them, and most of its cells. */
const MIN_DATE_COLUMNS = 7;

/** The measure a row label names, or null. */
function measureOf(label: string): 'orders' | 'revenue' | null {
  const f: Field | undefined = fieldOfHeader(label)?.field;
  return f === 'orders' ? 'orders' : f === 'revenue' || f === 'amount' ? 'revenue' : null;
}

export class WideTable {
  /** Rows read as a measure, and the other rows' labels (products), for the message when no measure row comes. */
  private readonly measures = new Map<'orders' | 'revenue', number>();
  private readonly others: string[] = [];

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
    const layout: Layout = {
      kind: 'daily', kindReason: `dates across the header (${first}, ${days.length} columns) → a daily aggregate, one row per measure`,
      date: days[0][0], amount: -1, price: -1, quantity: -1, status: -1, cancelled: -1, refunded: -1, type: -1, typeLedger: false, id: -1, paymentDate: false,
      currency: -1, orders: -1, revenue: -1, orderTotal: false, repeat: null, columns: { date: `${first} (columns)` },
    };
    return new WideTable(headers, days, layout);
  }

  /** One row: a measure's values into the days, a total row skipped, anything else noted. */
  row(rec: string[], line: number, acc: SellerDays, money: (s: string) => number): void {
    acc.rows++;
    const label = rec.slice(0, this.days[0][0]).find((c) => !isBlankCell(c))?.trim() ?? '';
    const measure = measureOf(label);
    if (measure === null) {
      if (isTotalLabel(label)) return acc.skip('total-row');
      if (this.others.length < 5) this.others.push(label);
      return acc.skip('no-values');
    }
    if (this.measures.has(measure)) {
      const first = this.measures.get(measure);
      return void acc.duplicates.add(() => `the ${measure} on lines ${first} and ${line}`);
    }
    this.measures.set(measure, line);
    this.layout.columns[measure] = `${label} (row ${line})`;
    acc.used++;
    for (const [k, day] of this.days) {
      const i = acc.slot(day, line);
      if (i < 0) return; // outside a 20-year range: the seller fails in finish()
      acc.line[i] = line;
      const cell = rec[k] ?? '';
      if (isMissingCell(cell)) continue;
      const v = measure === 'orders' ? parseCount(cell) : money(cell);
      if (v !== v) acc.badNumbers.add(() => `line ${line}: cannot read ${measure} "${cell}" (column "${this.headers[k]}")`);
      else if (v < 0) acc.negatives.add(() => `line ${line}: ${measure} ${cell} (column "${this.headers[k]}")`);
      else (measure === 'orders' ? acc.orders : acc.revenue)[i] = v;
    }
  }

  /** At the end: a table without a measure row cannot be read. */
  end(file: string): void {
    if (this.measures.size > 0) return;
    fail('NO_AMOUNT_COLUMN', `${file}: the dates run across the header (${this.layout.columns.date}), and no row is named as orders or revenue` +
      (this.others.length ? `: its rows are ${listHeaders(this.others)}, which do not say whether they hold money or counts` : ''),
    'name the rows 주문수 (orders) and 매출액 (revenue), or export the report with one row per date');
  }
}
