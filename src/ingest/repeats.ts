// Is a generic amount beside an order id the order's total, repeated on each of its lines? An
// `orders JOIN order_items` query (`total_amount` on every item row) or a line-item export that
// fills the total on every line: summed per line, revenue comes out ~2× too high. The file shows
// it: an order's lines carry the same amount, across many different totals, and that amount is
// not the line's own price × quantity. The lines need not be adjacent (a file sorted by product).

import { RecentMap } from './recent.js';

/**
 * Orders whose first amount is remembered (two generations, 4,096–8,192), over all sellers of a
 * file: lines of an order further apart are not compared. One memory per file, not per seller:
 * per seller, a `--by` file of 2,000 sellers held every order's amount (+430 MB).
 */
const RECENT_ORDERS = 8192;

/** Further lines an order-level file needs before its amounts can be judged. */
const MIN_FURTHER = 20;
/** Share of the further lines that must repeat their order's amount. */
const MIN_SAME = 0.9;
/** Distinct repeated amounts remembered: enough to tell many totals from one price. */
const MAX_VALUES = 32;

/** Evidence of one seller's lines, and its revenue counted once per order. */
export class LineRepeats {
  /** Lines whose order id was seen among the last RECENT_ORDERS orders (an order's further lines). */
  further = 0;
  /** Further lines with the same amount as their order's first line. */
  same = 0;
  /** Of those, lines whose price × quantity (when the file has them) is that amount: a line amount after all. */
  ownPrice = 0;
  readonly values = new Set<number>();

  /** Note a sale line's amount and its order's first (undefined: this is the first); true when it repeats that. */
  note(seen: number | undefined, amount: number): boolean {
    if (seen === undefined) return false;
    this.further++;
    if (amount !== seen) return false;
    this.same++;
    if (this.values.size < MAX_VALUES) this.values.add(amount);
    return true;
  }

  /**
   * Whether the amounts are the orders' totals repeated on their lines: at least 20 further lines,
   * 90 % of them repeating their order's first amount, over many different amounts (a shop of one price
   * repeats it too), and not mostly the line's own price × quantity.
   */
  repeated(): boolean {
    return this.further >= MIN_FURTHER && this.same >= MIN_SAME * this.further &&
      this.values.size >= Math.min(20, Math.ceil(this.same / 2)) && this.ownPrice < this.same / 2;
  }

  /** What the claim says when they are. */
  message(column: string, id: string): string {
    return `"${column}" repeats each order's total on its lines (${this.same.toLocaleString('en-US')} of ${this.further.toLocaleString('en-US')} further lines of an order carry the amount of its first): ` +
      `it was counted once per ${id}; if it is each line's own amount, name a line-amount column with --columns amount=<header>`;
  }
}

/** The first amount of each recent order of a file (not one Map evicting its oldest: V8 walks the deleted entries each time). */
export class FirstAmounts {
  private readonly first = new RecentMap<number>(RECENT_ORDERS);

  /** The first amount of `key`'s order, or undefined when this line (of `amount`) is its first: then remembered. */
  of(key: string, amount: number): number | undefined {
    const seen = this.first.get(key);
    if (seen === undefined) this.first.set(key, amount);
    return seen;
  }
}
