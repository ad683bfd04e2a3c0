// Per-seller day totals built on the fly (memory: days, never rows), and the finished series.
import { fromDay } from '../core/dates.js';
import { anchorOfDays, isPeriodDay, periodOfDays } from '../core/period.js';
import type { InputInfo, InputKind, Ingested, Warning } from '../core/types.js';
import { LossCalcError, type ErrorCode } from '../errors.js';
import { LineRepeats } from './repeats.js';
import { currencyOf } from './values.js';

/** Reasons a row is read but not used, the keys of `rowsSkipped` (only non-zero ones appear). */
export const SKIP_REASONS = ['cancelled', 'refunded', 'returned', 'unpaid', 'not-a-sale', 'pending-unpriced', 'negative-amount', 'total-row', 'no-values', 'duplicate-row'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * Widest date range one seller's rows may span: 20 years. A wider range is a mistyped year
 * (2925 for 2025), and reading it would make every later step work through centuries of days.
 */
export const MAX_DATE_SPAN_DAYS = 7305;

/** Distinct currencies one seller's rows may name before more are not noted: enough to say they are mixed. */
const MAX_CURRENCIES = 20;

/** Rows with the same problem: a count and the first few examples for the message. */
export class Problems {
  count = 0;
  readonly examples: string[] = [];
  /** Record one more; `text` is built lazily so good files pay nothing. */
  add(text: () => string): void {
    if (this.count++ < 5) this.examples.push(text());
  }
  /** `"a; b; … and 3 more"`. */
  list(): string {
    const more = this.count - this.examples.length;
    return this.examples.join('; ') + (more > 0 ? `; … and ${more} more` : '');
  }
}

/**
 * One seller's totals by day, in typed arrays indexed by day − base that grow in both
 * directions (exports are often newest first). Daily aggregates start as NaN (= no row yet).
 */
export class SellerDays {
  rows = 0;
  used = 0;
  readonly skipped: Record<SkipReason, number> = {
    cancelled: 0, refunded: 0, returned: 0, unpaid: 0, 'not-a-sale': 0, 'pending-unpriced': 0, 'negative-amount': 0, 'total-row': 0, 'no-values': 0, 'duplicate-row': 0,
  };
  readonly badDates = new Problems();
  readonly badNumbers = new Problems();
  readonly negatives = new Problems();
  readonly duplicates = new Problems();
  /** The first distinct transaction types left out as `not-a-sale`, to name five of them (a sixth says there are more). */
  readonly notSaleTypes = new Set<string>();
  /** Aggregate rows with one value cell empty. */
  emptyValues = 0;
  /** Aggregate rows with 0 orders: a file that writes them lists its days without sales. */
  zeroRows = 0;
  /** A report broken down by device, channel or product: each day's distinct breakdown cells, and the rows summed into a day. */
  readonly dayKeys = new Map<number, string[]>();
  /** A breakdown's columns (bits, by their place in otherCols) that every row of the day so far had text in. */
  readonly dayLabelled = new Map<number, number>();
  breakdownRows = 0;
  /** Dated rows labelled as a total (합계) in a breakdown column, decided at the end: the day's value, or its breakdown's total. */
  readonly heldTotals: { day: number; line: number; o: number; r: number; currency: string }[] = [];
  /**
   * An order list without ids (a hand-kept ledger): the revenue read so far, and what it was at
   * each of the last subtotal rows left out — a dated row labelled 소계 is one when its amount is
   * the sum since one of them (a day's, a month's).
   */
  runRevenue = 0;
  readonly subtotalMarks: number[] = [0];
  /** The currencies of the rows used (at most MAX_CURRENCIES), and the last cell read (most rows repeat it). */
  readonly currencies = new Set<string>();
  private lastCurrency = '';
  orders = new Float64Array(0);
  revenue = new Float64Array(0);
  /** A generic amount beside an order id: whether it repeats the orders' totals, and the revenue counting each order's first line only. */
  readonly repeats: LineRepeats | null;
  revenueOnce = new Float64Array(0);
  /** Aggregates: the line of each day's row (0 = none), to name duplicates. */
  line = new Int32Array(0);
  base = 0;
  lo = Infinity;
  hi = -Infinity;
  /** Lines of the earliest and latest dates, to name them when the range is implausible. */
  loLine = 0;
  hiLine = 0;

  /** Orders with a time of day by quarter hour of the day, over all days (when a usual day's orders come in); null before the first. */
  quarters: Uint32Array | null = null;
  /** This seller's amounts so far and their sum: what an unlabelled subtotal under its rows repeats (rows.ts columnSum). */
  amountSum = 0;
  amounts = 0;
  /** `--by` rows whose seller cell was written in another Unicode form (NFD) and read as this seller's (NFC). */
  otherForms = 0;
  timed = 0;
  /** The latest day with a timed order, its latest minute and how many timed orders it had. */
  lastDay = -Infinity;
  lastMinute = -1;
  lastOrders = 0;

  constructor(readonly daily: boolean, trackRepeats = false) {
    this.repeats = trackRepeats ? new LineRepeats() : null;
  }

  /** Note the time of day of an order counted on `day` (minute 0–1439). */
  noteOrderTime(day: number, minute: number): void {
    (this.quarters ??= new Uint32Array(96))[(minute / 15) | 0]++;
    this.timed++;
    if (day > this.lastDay) {
      this.lastDay = day;
      this.lastMinute = minute;
      this.lastOrders = 1;
    } else if (day === this.lastDay) {
      if (minute > this.lastMinute) this.lastMinute = minute;
      this.lastOrders++;
    }
  }

  /**
   * Index of `day` in the arrays, growing them when needed; the day joins the coverage and `line`
   * is remembered if it is the earliest or latest. -1 when the coverage would span more than
   * MAX_DATE_SPAN_DAYS: nothing more is stored and finish() reports the seller's range instead.
   */
  slot(day: number, line = 0): number {
    if (day < this.lo) {
      this.lo = day;
      this.loLine = line;
    }
    if (day > this.hi) {
      this.hi = day;
      this.hiLine = line;
    }
    let i = day - this.base;
    if (i < 0 || i >= this.orders.length) {
      if (this.hi - this.lo >= MAX_DATE_SPAN_DAYS) return -1; // a mistyped year: memory must not follow it
      this.grow();
      i = day - this.base;
    }
    return i;
  }

  /** Re-allocate the arrays around lo..hi with room to grow both ways. */
  private grow(): void {
    const span = this.hi - this.lo + 1;
    let cap = Math.max(64, this.orders.length);
    while (cap < span * 2) cap *= 2;
    const base = this.lo - Math.floor((cap - span) / 2);
    const at = this.orders.length ? this.base - base : 0;
    const fill = this.daily ? NaN : 0;
    const move = (a: Float64Array) => {
      const b = new Float64Array(cap).fill(fill);
      b.set(a, at);
      return b;
    };
    this.orders = move(this.orders);
    this.revenue = move(this.revenue);
    if (this.repeats) this.revenueOnce = move(this.revenueOnce);
    if (this.daily) {
      const l = new Int32Array(cap);
      l.set(this.line, at);
      this.line = l;
    }
    this.base = base;
  }

  /** Note the currency cell of a row used. */
  noteCurrency(cell: string): void {
    if (cell === this.lastCurrency) return;
    this.lastCurrency = cell;
    const c = currencyOf(cell);
    if (c !== null && this.currencies.size < MAX_CURRENCIES) this.currencies.add(c);
  }

  /** Count a row that is read but not used. */
  skip(reason: SkipReason): void {
    this.skipped[reason]++;
  }
}

/** The file-level part of InputInfo, shared by every seller of a file. */
export type FileInfo = Omit<InputInfo, 'rows' | 'rowsUsed' | 'rowsSkipped' | 'firstDate' | 'lastDate' | 'emptyDays'>;

/** Money sums without float dust (0.1 + 0.2), keeping 4 decimals. */
const tidy = (x: number) => (Math.abs(x) < 1e11 ? Math.round(x * 1e4) / 1e4 : x);

const DATE_HINT = 'dates like 2025-11-29, 2025.11.29(토) 13:05, 2025/11/29 13:05, 20251129, 2025년 11월 29일, 29.11.2025 or ISO 8601 with an offset ' +
  '(11/29/2025 or 29/11/25 when some date of the file has a part above 12, which tells month from day; other 2-digit years are not read); ' +
  'fix or delete those rows (rows are never dropped silently)';

/** Finish a seller: the dense series and info, or the coded error its rows earned. */
export function finish(acc: SellerDays, file: FileInfo, label: string, extra: Warning[] = [], missingDays: MissingDays = 'unknown'): Ingested | LossCalcError {
  const err = (code: ErrorCode, msg: string, hint?: string) => new LossCalcError(code, `${label}: ${msg}`, hint);
  const col = file.columns;
  if (acc.badDates.count) {
    // the blank first header taken for pandas' date index (headers.ts) may be a row-number index instead
    const hint = col.date === '' ? 'the first column, its header blank, was taken as the dates (pandas\' index); name the date column with --columns date=<header>' : DATE_HINT;
    return err('BAD_DATES', `${acc.badDates.count} row(s) with a date that cannot be read (column "${col.date}"): ${acc.badDates.list()}`, hint);
  }
  if (acc.hi - acc.lo >= MAX_DATE_SPAN_DAYS) {
    return err('BAD_DATES', `the dates span ${acc.hi - acc.lo + 1} days, from ${fromDay(acc.lo)} (line ${acc.loLine}) to ${fromDay(acc.hi)} (line ${acc.hiLine}); ` +
      `at most ${MAX_DATE_SPAN_DAYS} days (20 years) can be read`, 'check those lines for a mistyped year; fix or delete them');
  }
  if (acc.badNumbers.count) return err('BAD_NUMBERS', `${acc.badNumbers.count} row(s) with a number that cannot be read: ${acc.badNumbers.list()}`,
    'amounts like 12000, 12,000, ₩12,000, 12,000원 or (3,000); counts like 3 or 3건; at most 9,007,199,254,740,991 (2^53 − 1); fix or delete those rows');
  if (acc.duplicates.count) {
    // two sellers whose names differ only by spaces around them or by Unicode form were read as one
    const merged = acc.otherForms ? ` (${acc.otherForms} of its rows have the seller's name in another Unicode form, NFD, read as the same seller)` : '';
    return err('DUPLICATE_DATES', `a daily aggregate with ${acc.duplicates.count} repeated date(s): ${acc.duplicates.list()}${merged}`,
      'a daily aggregate has one row per date; if this is an order list, map its order id or status column with --columns');
  }
  if (acc.daily) {
    for (let d = acc.lo; d <= acc.hi; d++) {
      const i = d - acc.base;
      if (acc.orders[i] < 0 || acc.revenue[i] < 0) acc.negatives.add(() => `${fromDay(d)} (its rows from line ${acc.line[i]} summed): ${acc.orders[i] < 0 ? `orders ${acc.orders[i]}` : `revenue ${acc.revenue[i]}`}`);
    }
  }
  if (acc.negatives.count) return err('NEGATIVE_VALUES', `${acc.negatives.count} negative daily value(s): ${acc.negatives.list()}`,
    'daily orders and revenue cannot be negative; fix those rows');
  const skipped = Object.fromEntries(Object.entries(acc.skipped).filter(([, n]) => n > 0));
  if (acc.used === 0) {
    const why = acc.rows === 0 ? 'no data rows below the header' : `none of the ${acc.rows} row(s) is a sale (${Object.entries(skipped).map(([k, n]) => `${k} ${n}`).join(', ')})`;
    return err('NO_ROWS', why);
  }
  const days = acc.hi - acc.lo + 1;
  // weekly or monthly rows (a settlement statement) have no days between them, only periods
  const rowDays = acc.daily ? daysWithRow(acc) : [];
  const period = acc.daily ? periodOfDays(rowDays) : 'day';
  const anchor = period === 'week' ? anchorOfDays(rowDays) : 0; // US and GA4 weeks fall on Sundays
  const noRow = period === 'day' ? daysWithoutRow(acc) : [];
  const asZero = missingDays === 'zero' ? noRow.length : 0;
  for (const day of missingDays === 'zero' ? noRow : []) {
    const i = day - acc.base;
    if (file.columns.orders) acc.orders[i] = 0;
    if (file.columns.revenue) acc.revenue[i] = 0;
  }
  const orders: (number | null)[] = new Array(days);
  const revenue: (number | null)[] = new Array(days);
  const empty: number[] = [];
  let single = 0;
  for (let d = 0; d < days; d++) {
    const i = acc.lo - acc.base + d;
    const o = acc.orders[i];
    const r = acc.revenue[i];
    orders[d] = o === o ? o : null;
    revenue[d] = r === r ? tidy(r) : null;
    // in weekly or monthly totals only a period's own day can be missing, not the days between
    if (acc.daily ? o !== o && r !== r && isPeriodDay(acc.lo + d, period, anchor) : o === 0) empty.push(acc.lo + d);
    if (o === 1) single++;
  }
  // an order list without id, status or quantity that has exactly one row on each of 14 days or more is
  // a table of daily totals (일자,판매수량,판매금액): "1 order a day" would claim no lost orders at all
  const byDay = !acc.daily && !col.id && !col.status && !col.quantity && days >= 14 && single === days;
  if (byDay) orders.fill(null);
  const warnings = [...extra, ...seriesWarnings(acc, file.kind, col, days, empty, single)];
  if (acc.otherForms) {
    warnings.push({ code: 'SELLER_ID_FORMS', message: `${acc.otherForms} row(s) have this seller's name in another Unicode form (NFD, as macOS writes Korean): read as the same seller` });
  }
  if (acc.repeats?.repeated()) {
    for (let d = 0; d < days; d++) revenue[d] = tidy(acc.revenueOnce[acc.lo - acc.base + d]);
    warnings.push({ code: 'REPEATED_ORDER_TOTALS', message: acc.repeats.message(col.amount ?? '', col.id ?? 'order id') });
  }
  if (asZero) {
    warnings.push({ code: 'MISSING_DAYS_AS_ZERO', message: `${asZero} day(s) without a row (${fewDates(noRow)}) were read as days without sales, 0 orders and no revenue (--missing-days zero)` });
  } else if (noRow.length && acc.zeroRows === 0 && col.orders) {
    const w = warnings.find((x) => x.code === 'MISSING_DAYS');
    if (w) w.message += `; no row has 0 orders, as when a query grouping orders by day (GROUP BY) writes no row for a day without any: if those ${noRow.length} day(s) had none, pass --missing-days zero`;
  }
  const partial = partialLastDay(acc);
  const info: InputInfo = {
    ...file, ...(byDay ? { kind: 'daily' as const, kindReason: `${file.kindReason}; every day has exactly one row → daily totals, orders unknown` } : {}), rows: acc.rows, rowsUsed: acc.used, rowsSkipped: skipped, firstDate: fromDay(acc.lo), lastDate: fromDay(acc.hi), emptyDays: empty.length,
    ...(col.currency ? { currencies: [...acc.currencies].sort() } : {}),
    ...(partial ? { partialLastDay: partial } : {}),
  };
  return { info, series: { start: info.firstDate, orders, revenue }, warnings };
}

/** How a daily aggregate's dates without a row are read: unknown (the default, DESIGN §4), or days without sales. */
export type MissingDays = 'unknown' | 'zero';

/** The days inside the coverage with no row at all (not those with an empty cell, which say they are unknown). */
function daysWithoutRow(acc: SellerDays): number[] {
  const out: number[] = [];
  for (let d = acc.lo; d <= acc.hi; d++) if (acc.line[d - acc.base] === 0) out.push(d);
  return out;
}

/** Whether a daily aggregate's rows are weekly or monthly totals (a summary), not days. */
export function holdsPeriodTotals(acc: SellerDays): boolean {
  return acc.daily && periodOfDays(daysWithRow(acc)) !== 'day';
}

/** The days with a row, ascending. */
function daysWithRow(acc: SellerDays): number[] {
  const out: number[] = [];
  for (let d = acc.lo; d <= acc.hi; d++) if (acc.line[d - acc.base] !== 0) out.push(d);
  return out;
}

/** Timed orders an export needs before its last day's hours can be judged. */
const MIN_TIMED_ORDERS = 200;

/**
 * The last day of an order export when it was plainly exported partway through (a file
 * downloaded at 10:00 holds that morning only): its last order came at a time before which a
 * usual day sees share F of its orders, and a whole day's k orders would all fall that early
 * only with probability F^k < 0.001. Undefined when it looks whole, or cannot be judged.
 * 60 orders by 11:40 where a usual day has 45 % of its orders by then: 0.45^60 ≈ 1e-21, partial.
 */
export function partialLastDay(acc: OrderTimes): InputInfo['partialLastDay'] {
  const q = acc.quarters;
  if (acc.daily || q === null || acc.lastDay !== acc.hi || tooFewTimes(acc)) return undefined;
  let before = 0;
  const upTo = Math.floor(acc.lastMinute / 15);
  for (let b = 0; b <= upTo; b++) before += q[b];
  // the other days' orders only: the last day's are all at or before its last one
  const share = (before - acc.lastOrders) / (acc.timed - acc.lastOrders);
  if (share >= 0.97 || share ** acc.lastOrders >= 0.001) return undefined;
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { date: fromDay(acc.hi), lastOrderAt: hm(acc.lastMinute), shareOfDay: Math.round(share * 1000) / 1000 };
}

/** What the last-day check reads of a seller's order times. */
type OrderTimes = Pick<SellerDays, 'daily' | 'quarters' | 'timed' | 'lastDay' | 'lastMinute' | 'lastOrders' | 'hi'>;

/** Whether `acc`'s order times are too few for partialLastDay to judge its last day alone. */
export function tooFewTimes(acc: OrderTimes): boolean {
  return acc.timed - acc.lastOrders < MIN_TIMED_ORDERS;
}

/**
 * partialLastDay of a file of many sellers, cut at one moment: every seller's order times pooled,
 * the last day being the file's (`last`). A seller with few orders, or none on that day, cannot
 * tell a cut export by itself; the file's rows together can.
 */
export function pooledPartialLastDay(accs: Iterable<SellerDays>, last: number): InputInfo['partialLastDay'] {
  const pool: OrderTimes = { daily: false, quarters: new Uint32Array(96), timed: 0, lastDay: last, lastMinute: -1, lastOrders: 0, hi: last };
  for (const a of accs) {
    if (a.daily || a.quarters === null) continue;
    for (let b = 0; b < 96; b++) pool.quarters![b] += a.quarters[b];
    pool.timed += a.timed;
    if (a.lastDay !== last) continue;
    pool.lastOrders += a.lastOrders;
    pool.lastMinute = Math.max(pool.lastMinute, a.lastMinute);
  }
  return pool.lastOrders > 0 ? partialLastDay(pool) : undefined;
}

/** First few dates of a list: `2025-01-03, 2025-01-09, … (12 in all)`. */
export function fewDates(days: number[], n = 5): string {
  const shown = days.slice(0, n).map(fromDay).join(', ');
  return days.length > n ? `${shown}, … (${days.length} in all)` : shown;
}

function seriesWarnings(acc: SellerDays, kind: InputKind, col: FileInfo['columns'], days: number, empty: number[], single: number): Warning[] {
  const w: Warning[] = [];
  if (kind === 'daily') {
    if (empty.length) w.push({ code: 'MISSING_DAYS', message: `${empty.length} day(s) have no row or no values (${fewDates(empty)}): left unknown, not zero` });
    if (!col.orders) w.push({ code: 'NO_ORDERS_COLUMN', message: 'no orders column: daily orders are unknown, only revenue can be estimated' });
    if (!col.revenue) w.push({ code: 'NO_REVENUE_COLUMN', message: 'no revenue column: daily revenue is unknown, only orders can be estimated' });
    if (acc.emptyValues) w.push({ code: 'EMPTY_VALUES', message: `${acc.emptyValues} row(s) have an empty orders or revenue cell: that measure is unknown on those days` });
  } else {
    const neg = acc.skipped['negative-amount'];
    if (neg) w.push({ code: 'NEGATIVE_AMOUNTS', message: `${neg} row(s) with a negative amount (refund adjustments) were left out: revenue is gross sales` });
    const moved = acc.skipped['not-a-sale'];
    if (moved) {
      const types = [...acc.notSaleTypes].slice(0, 5).map((t) => JSON.stringify(t)).join(', ');
      w.push({ code: 'NOT_SALES', message: `${moved} row(s) whose ${col.type} is not a sale (${types}${acc.notSaleTypes.size > 5 ? ', …' : ''}) were left out: ` +
        'currency conversions, transfers, withdrawals, holds and fees are no orders' });
    }
    const unpaid = acc.skipped.unpaid;
    if (unpaid) {
      w.push({ code: 'UNPAID_ORDERS', message: `${unpaid} row(s) of orders whose status says they are not paid (입금전, Pending payment, Unpaid) were left out: ` +
        'an order paid later counts once the export is downloaded again, so the last days may be short of orders' });
    }
    const pending = acc.skipped['pending-unpriced'];
    if (pending) {
      w.push({ code: 'PENDING_UNPRICED', message: `${pending} row(s) of pending orders have no amount yet (Amazon shows none before the payment is authorised) and were left out: ` +
        'the last days may be short of orders; export again once they are priced, or --exclude those days' });
    }
    if (!col.id && !col.status && !col.quantity && days >= 14 && single === days) {
      w.push({ code: 'ONE_ROW_PER_DAY', message: `every day has exactly one row and there is no order id or status: read as daily totals, ` +
        `revenue from "${col.amount ?? col.price}", orders unknown (name an orders column with --columns orders=<header> if there is one)` });
    }
  }
  if (acc.currencies.size > 1) {
    const list = [...acc.currencies].sort().join(', ');
    w.push({ code: 'MIXED_CURRENCIES', message: `the currency column "${col.currency}" holds ${acc.currencies.size >= MAX_CURRENCIES ? `${MAX_CURRENCIES} or more` : acc.currencies.size} currencies (${list}): ` +
      'their amounts are summed as they are, not converted; split the file by currency, one claim each' });
  }
  if (days > 3660) w.push({ code: 'WIDE_DATE_RANGE', message: `the dates span ${days} days (${fromDay(acc.lo)} … ${fromDay(acc.hi)}): check for a mistyped year` });
  return w;
}
