// A row that takes back another row's sale of the same order. Two kinds of file carry one:
// - an order-history log (an OMS's 주문이력, orders joined with their status changes): one row
//   per status change — 결제완료, 배송중, … 취소완료 — the order's amount on each;
// - a payment gateway's transaction list (KG이니시스, NICE, a ledger): a 승인 row, then a 취소 row
//   of the same 주문번호 and amount when the payment is cancelled, or a refund row of −amount.
// Rows are read as they stream past (rows.ts), so an order's sale rows are counted before its
// cancellation is read. This remembers recent sales by order key and, when a cancellation,
// refund or return row of the same key carries the order's amount — after its sales, or before
// them in a file newest first — takes the order off its day once the file is read: its last
// status decides, as in an export with one row per order. Only when that is the file's pattern
// (applies()): in a line-item export, a cancelled line beside the sold lines of its order is a
// partial cancellation, whose amount is mostly not the order's.

import type { SellerDays } from './aggregate.js';
import { RecentMap } from './recent.js';

export type TakenReason = 'cancelled' | 'refunded' | 'returned';

/** Recent orders remembered: a cancellation up to ~3 busy days after the sale, in a `--by` file of many sellers too. */
const WINDOW = 65_536;

/** An order's sale rows counted so far. */
interface Sold {
  acc: SellerDays;
  day: number;
  /** Its first sale row's amount, the sum of all of them, how many. */
  first: number;
  sum: number;
  rows: number;
  /** Whether its first row counted the order (orders + 1, and its revenue once where amounts repeat). */
  counted: boolean;
  /** A sale row on another day than the first: such an order is never taken back. */
  mixed: boolean;
  /** Why it was taken back (its sale rows read after that follow it), null while it stands. */
  taken: TakenReason | null;
}

/** What is taken off one seller's days once the file shows the pattern. */
interface Taken {
  /** day → [orders, revenue of every sale row, revenue counted once per order]. */
  days: Map<number, [number, number, number]>;
  rows: Record<TakenReason, number>;
  orders: number;
}

export class LaterCancels {
  private readonly sold = new RecentMap<Sold>(WINDOW);
  /** Cancellation rows of keys without a sale yet (a file newest first), by key. */
  private readonly early = new RecentMap<{ amount: number; reason: TakenReason; partial: boolean }>(WINDOW);
  private readonly taken = new Map<SellerDays, Taken>();
  /** Cancellation rows of an order with sales: carrying the order's amount, or another without saying it is a part (a line of it). */
  matched = 0;
  unmatched = 0;

  /**
   * A sale row of `key`, of `amount`, was counted on `day`; `counted`: it counted the order, so its
   * key is new to the file (no sale of it to look up: most rows of most files).
   */
  sale(key: string, acc: SellerDays, day: number, amount: number, counted: boolean): void {
    let s = counted ? undefined : this.sold.get(key);
    if (s === undefined) {
      s = { acc, day, first: amount, sum: 0, rows: 0, counted, mixed: false, taken: null };
      this.sold.set(key, s);
    }
    if (day !== s.day) s.mixed = true;
    s.sum += amount;
    s.rows++;
    if (s.taken !== null && !s.mixed) this.take(s, amount, 1, s.taken);
    else if (this.early.size > 0) {
      const e = this.early.get(key);
      if (e !== undefined) {
        this.early.delete(key);
        this.match(s, e.amount, e.reason, e.partial);
      }
    }
  }

  /**
   * A cancellation, refund or return row of `key`; `amount` NaN when it has none it could read.
   * `partial`: the row says it gives back part of the order (부분환불, a refund of −amount) and
   * so refers to the order whatever its amount: one of another amount is no sign of a line-item export.
   */
  cancel(key: string, amount: number, reason: TakenReason, partial: boolean): void {
    if (amount !== amount) return;
    const s = this.sold.get(key);
    if (s === undefined) this.early.set(key, { amount: Math.abs(amount), reason, partial });
    else if (s.taken === null) this.match(s, Math.abs(amount), reason, partial);
  }

  /**
   * Whether a cancellation carries its order's amount: the sum of its sale rows (a payment and its
   * cancellation; a line-item order cancelled whole), or the one amount every one of them carries
   * (a history log repeating the order's total).
   */
  private match(s: Sold, amount: number, reason: TakenReason, partial: boolean): void {
    if (!same(amount, s.sum) && !(same(amount, s.first) && same(s.sum, s.first * s.rows))) {
      if (!partial) this.unmatched++;
      return;
    }
    this.matched++;
    if (s.mixed) return;
    s.taken = reason;
    this.take(s, s.sum, s.rows, reason);
    const t = this.of(s.acc);
    if (s.counted) {
      t.orders++;
      const d = this.day(t, s.day);
      d[0]++;
      d[2] += s.first;
    }
  }

  /** Note sale rows of a taken-back order: their revenue and rows come off with it. */
  private take(s: Sold, revenue: number, rows: number, reason: TakenReason): void {
    const t = this.of(s.acc);
    this.day(t, s.day)[1] += revenue;
    t.rows[reason] += rows;
  }

  private of(acc: SellerDays): Taken {
    let t = this.taken.get(acc);
    if (t === undefined) this.taken.set(acc, (t = { days: new Map(), rows: { cancelled: 0, refunded: 0, returned: 0 }, orders: 0 }));
    return t;
  }

  private day(t: Taken, day: number): [number, number, number] {
    let d = t.days.get(day);
    if (d === undefined) t.days.set(day, (d = [0, 0, 0]));
    return d;
  }

  /**
   * Whether the file's cancellation rows take back sales: some carry their order's amount, and at
   * least twice as many as carry another. A line-item export's cancelled lines mostly do not.
   */
  applies(): boolean {
    return this.matched > 0 && this.unmatched * 2 <= this.matched;
  }

  /** At the end of the file: take the orders off their days (when applies()); how many orders and rows, over all sellers. */
  settle(): { orders: number; rows: number } {
    const out = { orders: 0, rows: 0 };
    if (!this.applies()) return out;
    for (const [acc, t] of this.taken) {
      for (const [day, [o, r, once]] of t.days) {
        const i = day - acc.base;
        acc.orders[i] -= o;
        acc.revenue[i] -= r;
        if (acc.repeats !== null) acc.revenueOnce[i] -= once;
      }
      for (const reason of Object.keys(t.rows) as TakenReason[]) {
        acc.used -= t.rows[reason];
        acc.skipped[reason] += t.rows[reason];
        out.rows += t.rows[reason];
      }
      out.orders += t.orders;
    }
    return out;
  }
}

/** Amounts equal to the cent (sums of decimals carry float dust). */
const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
