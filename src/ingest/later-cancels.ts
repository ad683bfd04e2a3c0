// A row that takes back another row's sale of the same order. Two kinds of file carry one:
// - an order-history log (an OMS's 주문이력, orders joined with their status changes): one row
//   per status change — 결제완료, 배송중, … 취소완료 — the order's amount on each;
// - a payment gateway's transaction list (KG이니시스, NICE, a ledger): a 승인 row, then a 취소 row
//   of the same 주문번호 and amount when the payment is cancelled, or a refund row of −amount.
// Rows are read as they stream past (rows.ts), so an order's sale rows are counted before its
// cancellation is read. This remembers recent sales by order key and, when a cancellation,
// refund or return row of the same key carries the order's amount — after its sales, or before
// them in a file newest first — takes the order off its day once the file is read: its last
// status decides, as in an export with one row per order: a sale row written after the
// cancellation (취소요청 → 취소철회 → 배송완료, 승인 → 취소 → 승인) puts the order back. Only when that is the file's pattern
// (applies()): in a line-item export, a cancelled line beside the sold lines of its order is a
// partial cancellation, whose amount is mostly not the order's.

import type { SellerDays } from './aggregate.js';
import { RecentMap } from './recent.js';

export type TakenReason = 'cancelled' | 'refunded' | 'returned';

/**
 * Orders remembered: a cancellation up to 8,192–16,384 orders after its sale (80 days of a seller
 * with 100 orders a day) is still matched.
 */
const WINDOW = 16_384;
const REASONS: readonly TakenReason[] = ['cancelled', 'refunded', 'returned'];
/** Slot states: bits. */
const COUNTED = 1;
const MIXED = 2;
/** Bits 2–3: 1 + the index in REASONS of why the order was taken back; 0 while it stands. */
const TAKEN_SHIFT = 2;
/** Counted as a history log's match (two or more sale rows of one amount): once per order. */
const LOGGED = 16;
/**
 * Sold again after its cancellation (the reason bits say which, takenAt when): the order stands,
 * and only its sale rows before the cancellation go with it.
 */
const STANDS = 32;
/** Taken back though its rows lie on several days (a history log's, match): only if the seller's amounts repeat its orders' totals. */
const LOG_TAKE = 64;

/**
 * Recent orders' sale rows, in a ring of slots of typed arrays: no object per row, which would
 * live just long enough to burden the old generation (+20 MB of RSS reading 50,000 orders).
 * A slot's fields: its seller's days, the day, its first sale row's amount, the sum of all of
 * them and how many, and its state (COUNTED: its first row counted the order — orders + 1 and its
 * revenue once where amounts repeat; MIXED: a sale row on another day, so never taken back).
 * The arrays start small and double up to WINDOW slots before the ring wraps: every file is read
 * with one, and 16,384 slots (~1.3 MB, filled) cost a daily file of 400 rows a fifth of its reading.
 */
class SoldRing {
  key: string[] = [];
  acc: (SellerDays | null)[] = [];
  day = new Int32Array(0);
  first = new Float64Array(0);
  sum = new Float64Array(0);
  rows = new Int32Array(0);
  state = new Uint8Array(0);
  /** The first sale row's date cell, as written: a cancellation written at another time came later. */
  when: string[] = [];
  /** The first sale row's status (or type) cell, '' without one: a history log's rows change it. */
  status: string[] = [];
  /** The first and the latest sale row's time, and the time of the cancellation that took the order back (minutes; NaN unknown). */
  firstAt = new Float64Array(0);
  lastSale = new Float64Array(0);
  takenAt = new Float64Array(0);
  /** key → slot; a slot reused since holds another key (two generations: no deletions, which rehash). */
  private readonly index = new RecentMap<number>(WINDOW);
  private next = 0;

  /** Room for twice the slots (64 at first), the slots so far kept where they are. */
  private grow(): void {
    const n = Math.min(WINDOW, Math.max(64, 2 * this.day.length));
    const wider = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.day = wider(this.day, Int32Array);
    this.first = wider(this.first, Float64Array);
    this.sum = wider(this.sum, Float64Array);
    this.rows = wider(this.rows, Int32Array);
    this.state = wider(this.state, Uint8Array);
    this.firstAt = wider(this.firstAt, Float64Array);
    this.lastSale = wider(this.lastSale, Float64Array);
    this.takenAt = wider(this.takenAt, Float64Array);
  }

  /** The slot of `key`, -1 when it is not among the recent orders. */
  find(key: string): number {
    const i = this.index.get(key);
    return i !== undefined && this.key[i] === key ? i : -1;
  }

  /** A new slot for `key`'s first sale row. */
  add(key: string, acc: SellerDays, day: number, amount: number, counted: boolean, when: string, at: number, status: string): number {
    const i = this.next;
    if (i === this.day.length) this.grow(); // below WINDOW: the ring wraps only once it is full
    this.next = i + 1 === WINDOW ? 0 : i + 1;
    this.key[i] = key;
    this.acc[i] = acc;
    this.day[i] = day;
    this.first[i] = amount;
    this.sum[i] = 0;
    this.rows[i] = 0;
    this.state[i] = counted ? COUNTED : 0;
    this.when[i] = when;
    this.firstAt[i] = at;
    this.status[i] = status;
    this.lastSale[i] = NaN;
    this.index.set(key, i);
    return i;
  }

  /** Why slot `i`'s order was taken back, or null. */
  taken(i: number): TakenReason | null {
    return (this.state[i] & STANDS) !== 0 ? null : this.reason(i);
  }

  /** The reason of slot `i`'s cancellation, or null: whether or not the order was sold again after it. */
  reason(i: number): TakenReason | null {
    const t = (this.state[i] >> TAKEN_SHIFT) & 3; // not LOGGED, above it
    return t === 0 ? null : REASONS[t - 1];
  }
}

/** What is taken off one seller's days once the file shows the pattern. */
interface Taken {
  /**
   * day → [orders, revenue of every sale row, revenue counted once per order] taken back, and
   * [orders, revenue once, an order total's revenue] moved off the day (negative: onto it) in a
   * file newest first (moveOrder).
   */
  days: Map<number, Day>;
  rows: Record<TakenReason, number>;
  orders: number;
  /** Matches of a history log's kind (see match): evidence only where the seller's amounts repeat its orders' totals. */
  logMatches: number;
}

export class LaterCancels {
  private readonly sold = new SoldRing();
  /** Cancellation rows of keys without a sale yet (a file newest first), by key. */
  private readonly early = new RecentMap<{ amount: number; reason: TakenReason; partial: boolean; when: string; at: number; negative: boolean }>(WINDOW);
  private readonly taken = new Map<SellerDays, Taken>();
  /** The take-backs of orders whose rows lie on several days: applied only where the seller's amounts repeat its orders' totals (a history log). */
  private readonly takenLog = new Map<SellerDays, Taken>();
  /** Cancellation rows of an order with sales: carrying the order's amount, or another without saying it is a part (a line of it). */
  matched = 0;
  unmatched = 0;
  /** The file's amount is each order's total, read on the first of its rows read (kind.ts orderTotal): it moves with the order. */
  totalsOnce = false;
  /** Orders sold again after their cancellation (putBack, or newest first STANDS). */
  private putBacks = 0;
  /** Matches written at another time than the sale (a payment's cancellation, a refund): the pattern's surest sign. */
  private laterMatches = 0;

  /**
   * A sale row of `key`, of `amount`, was counted on `day` (`when`: its date cell; `at`: its time in
   * minutes, NaN unknown; `status`: its status or type cell, '' without); `counted`: it counted the order, so its key is new to the file (no sale
   * of it to look up: most rows of most files). Returns the order's slot when a sale row of it was
   * read before (among the recent ones), -1 when this is its first: firstAmount() and isLogRow()
   * then tell an order's total repeated on its lines (repeats.ts).
   */
  sale(key: string, acc: SellerDays, day: number, amount: number, counted: boolean, when: string, at: number, status: string): number {
    const S = this.sold;
    let i = counted ? -1 : S.find(key);
    const seen = i;
    if (i < 0) i = S.add(key, acc, day, amount, counted, when, at, status);
    else if (at > S.takenAt[i] && S.taken(i) !== null) this.putBack(i, amount);
    if (day !== S.day[i]) {
      S.state[i] |= MIXED;
      // (an order taken back stays where it was taken: its rows on other days are not)
      if (day < S.day[i] && at < S.firstAt[i] && (S.state[i] & COUNTED) !== 0 && S.taken(i) === null) this.moveOrder(i, day);
    }
    S.sum[i] += amount;
    S.rows[i]++;
    if (!(at <= S.lastSale[i])) S.lastSale[i] = at; // NaN at start, and for rows without a time
    const taken = S.taken(i);
    if (taken !== null) {
      if ((S.state[i] & MIXED) === 0) this.take(i, amount, 1, taken);
      this.noteLog(i); // a file newest first: the order's earlier rows come after its cancellation
    } else if ((S.state[i] & STANDS) !== 0 && at < S.takenAt[i]) {
      // newest first, a row from before the cancellation of an order sold again after it: on its own day, whatever the order's
      this.take(i, amount, 1, S.reason(i)!, day);
    } else if (this.early.size > 0) {
      const e = this.early.get(key);
      if (e !== undefined) {
        this.early.delete(key);
        this.match(i, e.amount, e.reason, e.partial, e.when, e.at, e.negative);
      }
    }
    return seen;
  }

  /** The amount of slot `i`'s order's first sale row. */
  firstAmount(i: number): number {
    return this.sold.first[i];
  }

  /**
   * Whether a row of slot `i`'s order at `at` with `status` reads as a history log's next row:
   * another status at another minute than its first (NaN: a time unknown, never another). An
   * order's lines share its time and mostly its status; a log's rows change both.
   */
  isLogRow(i: number, at: number, status: string): boolean {
    const S = this.sold;
    const first = S.firstAt[i];
    return at === at && first === first && at !== first && status !== S.status[i];
  }

  /** Add the take-backs `from` to `into` (a seller's across days, once its amounts show a history log). */
  private merge(into: Taken, from: Taken): void {
    for (const [day, d] of from.days) {
      const e = this.day(into, day);
      for (let k = 0; k < d.length; k++) e[k] += d[k];
    }
    for (const r of REASONS) into.rows[r] += from.rows[r];
    into.orders += from.orders;
  }

  /** The day of a recent order's sale rows (undefined when it is not among them): a further line of it may leave its date blank. */
  dayOf(key: string): number | undefined {
    const i = this.sold.find(key);
    return i < 0 ? undefined : this.sold.day[i];
  }

  /**
   * A cancellation, refund or return row of `key` (`at`: its time, as for sale); `amount` NaN when
   * it has none it could read. `partial`: the row says it gives back part of the order (부분환불, a
   * refund of −amount) and so refers to the order whatever its amount: one of another amount is no
   * sign of a line-item export.
   */
  cancel(key: string, amount: number, reason: TakenReason, partial: boolean, when: string, at: number): void {
    if (amount !== amount) return;
    const i = this.sold.find(key);
    if (i < 0) this.early.set(key, { amount: Math.abs(amount), reason, partial, when, at, negative: amount < 0 });
    else if (this.sold.taken(i) === null) this.match(i, Math.abs(amount), reason, partial, when, at, amount < 0);
  }

  /**
   * Whether a cancellation (its date cell `when`) carries its order's amount: the sum of its sale
   * rows (a payment and its cancellation; a line-item order cancelled whole), or the one amount every
   * one of them carries (a history log repeating the order's total). What the match is evidence of:
   * written at another time than the sale, or as −amount (`negative`), a cancellation that came later; beside two or more sale
   * rows of one amount, a history log's (if the seller's amounts repeat its orders' totals); else
   * nothing — one sold line and one cancelled line of the same order and price is a line-item export's.
   */
  private match(i: number, amount: number, reason: TakenReason, partial: boolean, when: string, at: number, negative: boolean): void {
    const S = this.sold;
    const [first, sum, rows] = [S.first[i], S.sum[i], S.rows[i]];
    const repeating = rows >= 2 && same(sum, first * rows);
    if (!same(amount, sum) && !(same(amount, first) && repeating)) {
      if (!partial) this.unmatched++;
      return;
    }
    this.matched++;
    // a row of −amount (a settlement's reversal, repeating the purchase time) is money given back whenever written
    if (when !== S.when[i] || negative) this.laterMatches++;
    else this.noteLog(i);
    // rows on several days: only a history log's (each repeating the order's total: its status rows over
    // the days of delivery) is taken back, its first row's money off its first day (the rest on days not kept)
    const mixed = (S.state[i] & MIXED) !== 0;
    if (mixed && !repeating) return;
    S.state[i] = (S.state[i] & ~(STANDS | LOG_TAKE | (3 << TAKEN_SHIFT))) | ((REASONS.indexOf(reason) + 1) << TAKEN_SHIFT) | (mixed ? LOG_TAKE : 0);
    S.takenAt[i] = at;
    // sold again after this cancellation (a file newest first, its sales read first): its last status is a sale
    if (at < S.lastSale[i]) {
      this.putBacks++;
      return void (S.state[i] |= STANDS);
    }
    this.take(i, mixed ? first : sum, S.rows[i], reason);
    if ((S.state[i] & COUNTED) !== 0) {
      const t = this.takenOf(i);
      t.orders++;
      const d = this.day(t, S.day[i]);
      d[0]++;
      d[2] += first;
    }
  }

  /**
   * Slot `i`'s order, taken back, is sold again later (`amount`): the cancellation was withdrawn or
   * the payment made again. The order counts again; the sale rows before the cancellation stay
   * taken with it (a cancelled payment's money, or a log's earlier statuses of the amount counted
   * again now), and the slot's sums start over from this row (its first row's time and cell stay:
   * the rows after are still at another time than the order's first).
   */
  private putBack(i: number, amount: number): void {
    const S = this.sold;
    this.putBacks++;
    if ((S.state[i] & COUNTED) !== 0) {
      const t = this.takenOf(i);
      t.orders--;
      const d = this.day(t, S.day[i]);
      d[0]--;
      d[2] -= S.first[i];
    }
    S.state[i] |= STANDS;
    [S.first[i], S.sum[i], S.rows[i]] = [amount, 0, 0];
  }

  /**
   * A file newest first: slot `i`'s order, counted on the day of its latest row (read first), has an
   * earlier row on `day`. It counts there, on its first row's day, as it would read in time order.
   */
  private moveOrder(i: number, day: number): void {
    const S = this.sold;
    const t = this.of(S.acc[i]!);
    const [from, to] = [this.day(t, S.day[i]), this.day(t, day)];
    from[3]++;
    to[3]--;
    from[4] += S.first[i];
    to[4] -= S.first[i];
    if (this.totalsOnce) {
      from[5] += S.first[i];
      to[5] -= S.first[i];
    }
    S.day[i] = day;
  }

  /** Count slot `i`'s match as a history log's once it has two or more sale rows of one amount. */
  private noteLog(i: number): void {
    const S = this.sold;
    if ((S.state[i] & LOGGED) !== 0 || S.rows[i] < 2 || !same(S.sum[i], S.first[i] * S.rows[i])) return;
    S.state[i] |= LOGGED;
    this.of(S.acc[i]!).logMatches++;
  }

  /** Note sale rows of slot `i`'s taken-back order (on `day`, the order's unless said): their revenue and rows come off with it. */
  private take(i: number, revenue: number, rows: number, reason: TakenReason, day = this.sold.day[i]): void {
    const t = this.takenOf(i);
    this.day(t, day)[1] += revenue;
    t.rows[reason] += rows;
  }

  /** What is taken off `acc`'s days; `log`: of the orders on several days (takenLog). */
  private of(acc: SellerDays, log = false): Taken {
    const map = log ? this.takenLog : this.taken;
    let t = map.get(acc);
    if (t === undefined) map.set(acc, (t = { days: new Map(), rows: { cancelled: 0, refunded: 0, returned: 0 }, orders: 0, logMatches: 0 }));
    return t;
  }

  /** The take-backs of slot `i`'s order: in takenLog when it was taken across days. */
  private takenOf(i: number): Taken {
    return this.of(this.sold.acc[i]!, (this.sold.state[i] & LOG_TAKE) !== 0);
  }

  private day(t: Taken, day: number): Day {
    let d = t.days.get(day);
    if (d === undefined) t.days.set(day, (d = [0, 0, 0, 0, 0, 0]));
    return d;
  }

  /**
   * Whether the file's cancellation rows take back sales: some carry their order's amount in a way
   * that shows the pattern (match), and at least twice as many carry it as carry another. A
   * line-item export's cancelled lines mostly do not.
   */
  applies(): boolean {
    let evidence = this.laterMatches;
    for (const [acc, t] of this.taken) if (acc.repeats?.repeated()) evidence += t.logMatches;
    return evidence > 0 && this.unmatched * 2 <= this.matched;
  }

  /** At the end of the file: take the orders off their days (when applies()); how many orders and rows, over all sellers, and how many orders were sold again. */
  settle(): { orders: number; rows: number; soldAgain: number } {
    const out = { orders: 0, rows: 0, soldAgain: 0 };
    const applies = this.applies();
    for (const [acc, t] of this.takenLog) if (applies && acc.repeats?.repeated()) this.merge(this.of(acc), t);
    for (const [acc, t] of this.taken) {
      for (const [day, [o, r, once, movedOrders, movedOnce, movedTotal]] of t.days) {
        const i = day - acc.base;
        acc.orders[i] -= movedOrders + (applies ? o : 0);
        acc.revenue[i] -= movedTotal + (applies ? r : 0);
        if (acc.repeats !== null) acc.revenueOnce[i] -= movedOnce + (applies ? once : 0);
      }
      if (!applies) continue;
      for (const reason of Object.keys(t.rows) as TakenReason[]) {
        acc.used -= t.rows[reason];
        acc.skipped[reason] += t.rows[reason];
        out.rows += t.rows[reason];
      }
      out.orders += t.orders;
    }
    if (applies) out.soldAgain = this.putBacks;
    return out;
  }
}

/** A day's [orders, revenue, revenue once] taken back and [orders, revenue once, order total] moved off it (see Taken). */
type Day = [number, number, number, number, number, number];

/** Amounts equal to the cent (sums of decimals carry float dust). */
const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
