// One row of an order-level export into its seller's days: statuses, cancellation dates, an
// order's further lines, amounts and distinct orders. The record loop (rows.ts) finds the header,
// the row's seller and date; this decides what the row is worth. Hot path: see rows.ts.
import type { SellerDays } from './aggregate.js';
import type { Layout } from './kind.js';
import { LaterCancels } from './later-cancels.js';
import { RecentIds, RecentMap, type IdFilter } from './recent.js';
import { classifyType, classifyTypeWords, hasTotalLabel, isBlankCell, memoReason, isNoDateMark, isPartial, isPendingStatus, keepsSaleDespiteCancelDate, parseCount, statusClassifier, type StatusReason } from './values.js';

/**
 * Ids sampled, and what makes one no one order's: rows on MANY_DAYS days or more, spanning more
 * than FAR_DAYS (a B2B order shipped eight times over ten weeks is still one order).
 */
const ID_SAMPLE = 2048;
export const FAR_DAYS = 45;
export const MANY_DAYS = 20;

/**
 * The first ID_SAMPLE order ids: their first and last day, the last day read and the days read
 * (runs of a day, as rows come). An order's rows (its lines, later status changes, a refund) lie
 * within weeks; a POS's or kiosk's 주문번호 that starts again at 0001 each day recurs all year.
 */
class IdSpans {
  private readonly spans = new Map<string, { first: number; last: number; at: number; days: number }>();
  note(k: string, day: number): void {
    const s = this.spans.get(k);
    if (s === undefined) {
      if (this.spans.size < ID_SAMPLE) this.spans.set(k, { first: day, last: day, at: day, days: 1 });
      return;
    }
    if (day === s.at) return;
    [s.at, s.days] = [day, s.days + 1];
    if (day < s.first) s.first = day;
    else if (day > s.last) s.last = day;
  }

  /** The ids read on two or more days, and those of them read on MANY_DAYS days over more than FAR_DAYS. */
  counts(): { recurring: number; far: number } {
    let recurring = 0, far = 0;
    for (const { first, last, days } of this.spans.values()) {
      if (last > first) recurring++;
      if (days >= MANY_DAYS && last - first > FAR_DAYS) far++;
    }
    return { recurring, far };
  }
}

/** Why a row (and its order's further lines) is not a sale. */
type NotASale = StatusReason | 'not-a-sale' | 'pending-unpriced';

/** How a row's problems are reported: by the record loop, which names lines and columns. */
export interface RowProblems {
  badDate(acc: SellerDays, line: number, cell: string, rec: string[]): void;
  badNumber(acc: SellerDays, line: number, what: string, cell: string): void;
}

/** The order rows of one file (every seller of it: ids are keyed by seller). */
export class OrderRows {
  private readonly status = statusClassifier();
  private readonly type = statusClassifier(classifyType);
  private readonly typeWords = statusClassifier(classifyTypeWords);
  private readonly recent = new RecentIds();
  /** Recent orders that are not sales, by key: their further lines leave the status blank. */
  private readonly nonSales = new RecentMap<NotASale>();
  /** Sales a later row of the same order cancels (an order-history log, a payment list's 취소 rows). */
  readonly later = new LaterCancels();

  /** `idsByDay`: the ids restart each day (a first pass showed it: restartingIds), so an order is an id on one day. */
  constructor(
    private readonly money: (s: string) => number,
    private readonly report: RowProblems,
    private readonly idsByDay = false,
  ) {}

  private readonly spans = new IdSpans();
  /** A ledger's dated subtotal rows that were not the sum of the rows above them, and the first. */
  subtotalsOff = 0;
  subtotalOff: { line: number; amount: string } | null = null;

  /**
   * Whether the file's order ids restart: most of the sampled ids that recur at all, and at
   * least three, are read on MANY_DAYS days over more than FAR_DAYS. They are counted per day in
   * a second pass. null when not.
   */
  restartingIds(): { recurring: number; far: number } | null {
    const c = this.spans.counts();
    return !this.idsByDay && c.far >= 3 && c.far * 2 > c.recurring ? c : null;
  }

  /** The ids read above a table stacked under the first (rows.ts), and its sale rows so far: how many of them, and how many repeat an order read above. */
  private above: IdFilter | null = null;
  /** The order the table above ended with: a paged report's next page may go on with its lines. */
  private goesOn = '';
  salesBelow = 0;
  repeatsAbove = 0;

  /** A table stacked under the ones read so far starts: its rows are checked against their ids. */
  markTable(): void {
    this.above = this.recent.snapshot();
    this.goesOn = this.recent.lastKey;
    this.salesBelow = this.repeatsAbove = 0;
  }

  /** The status `Closed` is a full refund (Magento's order grid: see rows.ts closedMeansRefunded). */
  closedRefunds = false;

  /** Rows whose id a spreadsheet rounded to scientific notation (counted as orders of their own), and the first such id. */
  roundedIds = 0;
  roundedExample = '';

  /** The id filter is full: past it, an order's lines count once only near each other. */
  get saturated(): boolean {
    return this.recent.saturated;
  }

  /** The row being read's time, in minutes from day 0 (its day's start when its minute is unknown; NaN without a day): what orders a sale and its cancellation. */
  private at = NaN;

  /** Take one row of an order-level export (its date already read: `day`, NaN when unreadable; `minute` of the day, −1 unknown). */
  row(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, dateCell: string, key: string, minute: number): void {
    this.at = day * 1440 + (minute >= 0 ? minute : 0);
    this.later.totalsOnce = L.orderTotal;
    // a summary row under the orders, dated with the export's last day (`,2026-01-27,합계,30046000`): no order id, a label
    // (undated ones are the record loop's, which holds the lines under them as a possible footer)
    if (day === day && L.id >= 0 && isBlankCell(rec[L.id]) && hasTotalLabel(rec)) return acc.skip('total-row');
    if (L.id >= 0 && isRoundedId(rec[L.id])) {
      // Excel's General format writes a 16-digit 주문번호 as 2.02511E+15: a month of orders would
      // share one id and count as one. An order's lines share its time too, so the rounded id and
      // the time to the minute or second stand in for the id; without a time each row is an order.
      if (this.roundedIds++ === 0) this.roundedExample = rec[L.id].trim();
      rec[L.id] = minute >= 0 ? `${rec[L.id]}\u0002${dateCell}` : '';
    }
    // receipt 0001 of terminal 01 and of terminal 02 are two orders: when the ids restart each day, as a POS's
    // do (elsewhere a `Terminal` or `Device Name` column may name an order's lines' devices, one order still)
    if (this.idsByDay && L.register >= 0 && L.id >= 0 && !isBlankCell(rec[L.id]) && !isBlankCell(rec[L.register])) rec[L.id] = `${rec[L.register].trim()}\u0004${rec[L.id]}`;
    // the same number on another day is another order
    if (this.idsByDay && day === day && L.id >= 0 && !isBlankCell(rec[L.id])) rec[L.id] = `${rec[L.id]}\u0003${day}`;
    if (L.type >= 0) {
      const reason = L.typeLedger ? this.type(rec[L.type]) : this.typeWords(rec[L.type]);
      if (reason !== null) {
        if (reason === 'not-a-sale' && acc.notSaleTypes.size <= 5) acc.notSaleTypes.add(rec[L.type].trim());
        return this.notASale(rec, line, L, acc, day, key, reason);
      }
    }
    if (L.status >= 0) {
      const reason = this.closedRefunds && /^\s*closed\s*$/i.test(rec[L.status]) ? 'refunded' : this.status(rec[L.status]);
      if (reason !== null) return this.notASale(rec, line, L, acc, day, key, reason);
    }
    if (L.memo >= 0) {
      const reason = memoReason(rec[L.memo]); // a ledger's 비고 reading 취소
      if (reason !== null) return this.notASale(rec, line, L, acc, day, key, reason);
    }
    if (L.status2 >= 0) {
      const reason = this.status(rec[L.status2]); // the order's status beside a claim column (주문상태 beside 클레임상태), or the claim's
      if (reason !== null) return this.notASale(rec, line, L, acc, day, key, reason);
    }
    // a cancellation or refund date (or flag) is filled in: not a sale, whatever the payment status says
    // a flag that is a formula without its result (a workbook never calculated): neither cancelled nor not
    if (L.cancelled >= 0 && rec[L.cancelled].startsWith('=')) return this.report.badNumber(acc, line, 'cancelled', rec[L.cancelled]);
    if (L.refunded >= 0 && rec[L.refunded].startsWith('=')) return this.report.badNumber(acc, line, 'refunded', rec[L.refunded]);
    if (marked(rec, L.cancelled, L)) return this.notASale(rec, line, L, acc, day, key, 'cancelled');
    if (marked(rec, L.refunded, L)) return this.notASale(rec, line, L, acc, day, key, 'refunded');
    if (L.id >= 0 && L.amount >= 0 && isBlankCell(rec[L.amount]) && this.furtherLine(rec, line, L, acc, day, dateCell, key)) return;
    if (day !== day && L.id >= 0 && isBlankCell(dateCell) && !isBlankCell(rec[L.id]) && !hasTotalLabel(rec, false)) {
      // a further line of an order read above, its date left blank (Shopify fills Paid at on an order's first line only);
      // its time is unknown (not the day's start: no later or earlier than the order's other rows)
      day = this.later.dayOf(orderKey(rec, L, key)) ?? NaN;
      this.at = NaN;
    }
    if (day !== day) {
      // no payment date (blank, 0, 0000-00-00: PortOne's and shop databases' "never") on a paid_at column: not paid
      if (L.paymentDate && isNoDateMark(dateCell) && !hasTotalLabel(rec)) return this.notASale(rec, line, L, acc, day, key, 'unpaid');
      return this.report.badDate(acc, line, dateCell, rec);
    }
    // the order's key, once per row ('' without an id: an order of its own)
    const k = L.id >= 0 && !isBlankCell(rec[L.id]) ? orderKey(rec, L, key) : '';
    if (k !== '' && !this.idsByDay) this.spans.note(k, day); // do the ids restart each day? (sale rows tell)
    // an order's total is read on its first line only: whether the id is new is asked first
    const first = L.orderTotal ? this.isNewOrder(k, L, rec) : true;
    let amount: number;
    if (!first) {
      amount = 0; // the order's total, repeated (or left blank) on its further lines, was counted on its first
    } else if (L.amount >= 0) {
      amount = this.money(rec[L.amount]);
      if (amount !== amount) return this.unpriced(rec, line, L, acc, day, key, 'amount', rec[L.amount]);
    } else {
      const price = this.money(rec[L.price]);
      if (price !== price) return this.unpriced(rec, line, L, acc, day, key, 'price', rec[L.price]);
      const qty = L.quantity >= 0 ? parseCount(rec[L.quantity]) : 1;
      if (qty !== qty) return this.report.badNumber(acc, line, 'quantity', rec[L.quantity]);
      amount = price * qty;
    }
    // a ledger's dated subtotal (2025-11-29,소계,,52000: no order ids): left out, and a mark for the next one.
    // One that is not the sum of the sales above it (a typo, returns netted out, a day left without one) is
    // left out all the same, and named: counted as a sale, it and every later one would double the revenue
    if (L.id < 0 && amount >= 0 && hasTotalLabel(rec)) {
      if (amount > 0 && !sumsSinceMark(acc, amount) && this.subtotalsOff++ === 0) this.subtotalOff = { line, amount: rec[L.amount] ?? '' };
      if (acc.subtotalMarks.push(acc.runRevenue) > MAX_MARKS) acc.subtotalMarks.shift();
      return acc.skip('total-row');
    }
    const i = acc.slot(day, line);
    if (amount < 0) {
      if (k !== '') this.later.cancel(k, amount, 'refunded', true, dateCell, this.at); // a refund row: −amount
      return acc.skip('negative-amount');
    }
    if (i < 0) return; // outside a 20-year range: the seller fails in finish()
    acc.used++;
    if (L.currency >= 0) acc.noteCurrency(rec[L.currency]);
    acc.revenue[i] += amount;
    acc.runRevenue += amount;
    const counted = L.orderTotal ? first : this.isNewOrder(k, L, rec);
    if (counted) {
      acc.orders[i] += 1;
      if (acc.repeats !== null) acc.revenueOnce[i] += amount;
      if (minute >= 0) acc.noteOrderTime(day, minute);
    }
    if (this.above !== null) {
      this.salesBelow++;
      if (k !== '' && !counted && k !== this.goesOn && this.above.has(k)) this.repeatsAbove++;
    }
    if (k === '') return;
    // the order's first amount, from the recent sales: is this line's amount the order's total again? (repeats.ts)
    const status = L.status >= 0 ? rec[L.status] : L.type >= 0 ? rec[L.type] : '';
    const slot = this.later.sale(k, acc, day, amount, counted, dateCell, this.at, status);
    if (acc.repeats !== null && slot >= 0 && acc.repeats.note(this.later.firstAmount(slot), amount, this.later.isLogRow(slot, this.at, status)) && this.lineAmount(rec, L) === amount) acc.repeats.ownPrice++;
  }

  /** Whether a row's type or status says it is part of its order (부분환불). */
  private saysPartial(rec: string[], L: Layout): boolean {
    return (L.type >= 0 && isPartial(rec[L.type])) || (L.status >= 0 && isPartial(rec[L.status]));
  }

  /** A row's amount (or price × quantity), NaN when it cannot be read: what a cancellation row takes back. */
  private amountOf(rec: string[], L: Layout): number {
    if (L.amount >= 0) return this.money(rec[L.amount]);
    const qty = L.quantity >= 0 ? parseCount(rec[L.quantity]) : 1;
    return this.money(rec[L.price]) * qty;
  }

  /** A line's price × quantity beside its amount (NaN without a price column): tells a line amount from a repeated total. */
  private lineAmount(rec: string[], L: Layout): number {
    const r = L.repeat!;
    if (r.price < 0) return NaN;
    const qty = r.quantity >= 0 ? parseCount(rec[r.quantity]) : 1;
    return Math.round(this.money(rec[r.price]) * qty * 100) / 100;
  }

  /** One order per distinct id (order-line exports repeat it); a blank id (`k` '') is an order of its own. */
  private isNewOrder(k: string, L: Layout, rec: string[]): boolean {
    return L.id < 0 || this.recent.isNew(k, rec[L.id]);
  }

  /**
   * An amount (or price) that cannot be read: a pending order's blank one is left out as
   * `pending-unpriced` (Amazon prices an order once its payment is authorised), anything else is
   * a bad number.
   */
  private unpriced(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, key: string, what: string, cell: string): void {
    if (L.status >= 0 && isBlankCell(cell) && isPendingStatus(rec[L.status])) return this.notASale(rec, line, L, acc, day, key, 'pending-unpriced');
    this.report.badNumber(acc, line, what, cell);
  }

  /** Leave a row out as not a sale; its order's further lines, status left blank, follow it (furtherLine). */
  private notASale(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, key: string, reason: NotASale): void {
    if (day === day) acc.slot(day, line); // a day of only cancellations is still inside the export's coverage
    if (L.id >= 0 && !isBlankCell(rec[L.id])) {
      const k = orderKey(rec, L, key);
      this.nonSales.set(k, reason);
      if (reason === 'cancelled' || reason === 'refunded' || reason === 'returned') {
        const amount = this.amountOf(rec, L);
        this.later.cancel(k, amount, reason, amount < 0 || this.saysPartial(rec, L), rec[L.date], this.at); // −amount: money given back, of part or all
      }
    }
    acc.skip(reason);
  }

  /**
   * Whether a line with a blank amount is a further line of an order read before, and take it so.
   * Line-item exports (Shopify, Amazon's order reports) fill the order-level cells — total, status,
   * payment — on an order's first line only and repeat only the order id (and often the date): such
   * a line adds no money and no order, or is left out with its order when that was not a sale.
   * False for anything else, read as usual: a blank amount on an order's first (or only) line stays
   * an error. A blank date is allowed here (the order has one); an unreadable one is not.
   */
  private furtherLine(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, dateCell: string, key: string): boolean {
    const id = rec[L.id];
    if (isBlankCell(id) || (day !== day && !isBlankCell(dateCell))) return false;
    const k = orderKey(rec, L, key);
    if (this.nonSales.size > 0 && (L.status < 0 || isBlankCell(rec[L.status]))) {
      const reason = this.nonSales.get(k);
      if (reason !== undefined) {
        if (day === day) acc.slot(day, line);
        acc.skip(reason);
        return true;
      }
    }
    if (!this.recent.seen(k, id)) return false;
    if (day === day) acc.slot(day, line);
    acc.used++;
    if (L.currency >= 0) acc.noteCurrency(rec[L.currency]);
    return true;
  }
}

/** Subtotal marks kept per seller: a ledger's daily 소계 rows, and a month's or a year's 합계 over them. */
const MAX_MARKS = 64;

/**
 * Whether `amount` is the sum of the rows read since an earlier subtotal (or the start): with a
 * label (`2025-11-29,소계,,52000` in a ledger without order ids) the row is a subtotal, left out
 * and marked; without one, or summing nothing, a row like any other.
 */
function sumsSinceMark(acc: SellerDays, amount: number): boolean {
  const marks = acc.subtotalMarks;
  for (let j = marks.length - 1; j >= 0; j--) {
    const sum = acc.runRevenue - marks[j];
    if (sum > 0 && Math.abs(sum - amount) <= Math.max(0.5, sum * 1e-6)) return true;
  }
  return false;
}

/** An id a spreadsheet rounded: a number of 12 or more digits in scientific notation (`2.0241E+15`). */
export function isRoundedId(cell: string): boolean {
  // asked of every row's id: the regex only for the few short cells with an exponent mark
  if (cell.length > 24 || (cell.indexOf('E') < 0 && cell.indexOf('e') < 0)) return false;
  const m = ROUNDED_ID.exec(cell);
  return m !== null && +m[1] >= 11;
}
const ROUNDED_ID = /^\s*\d(?:[.,]\d+)?[eE]\+?(\d{1,3})\s*$/;

/**
 * Whether a cancellation or refund column (`col`, -1 when absent) marks the row: a date or a yes flag,
 * not a blank, `N`/`0`/`NULL`/`정상`, nor partial (`부분취소` in the flag or the status), nor withdrawn by the status (취소철회).
 */
function marked(rec: string[], col: number, L: Layout): boolean {
  if (col < 0 || isBlankCell(rec[col]) || isNoDateMark(rec[col]) || isPartial(rec[col]) || AN_AMOUNT.test(rec[col])) return false;
  return !(L.status >= 0 && keepsSaleDespiteCancelDate(rec[L.status]));
}

/**
 * An amount with cents (`12.50`, `1,325.00`, `325,00`) in a cancellation or refund column: a partial
 * refund's sum, no flag (the sale stays gross). Not a dotted date (`2025.06.02`, `29.11.2025`): one dot
 * or comma before the cents, thousands grouped by threes.
 */
const AN_AMOUNT = /^\s*[-(]?\s*[$€£¥₩]?\s*(?:\d+|\d{1,3}(?:,\d{3})+)\.\d{2}\s*\)?\s*$|^\s*[-(]?\s*(?:\d+|\d{1,3}(?:\.\d{3})+),\d{2}\s*[€]?\s*\)?\s*$/;

/** An order's key in the id memories: its id, within its seller's group in a `--by` file. */
function orderKey(rec: string[], L: Layout, key: string): string {
  return key === '' ? rec[L.id] : `${key}\u0001${rec[L.id]}`;
}
