// Is a generic amount beside an order id the order's total, repeated on each of its lines? An
// `orders JOIN order_items` query (`total_amount` on every item row) or a line-item export that
// fills the total on every line: summed per line, revenue comes out ~2× too high. The file shows
// it: an order's lines carry the same amount, across many different totals, and that amount is
// not the line's own price × quantity. The lines need not be adjacent (a file sorted by product).

// An order's first amount comes from the file's recent sales (later-cancels.ts: the last
// 8,192–16,384 orders of all its sellers, one memory per file; per seller, a `--by` file of 2,000
// sellers held every order's amount, +430 MB): lines of an order further apart are not compared.

/** Further lines an order-level file needs before its amounts can be judged. */
const MIN_FURTHER = 20;
/** Share of the further lines that must repeat their order's amount. */
const MIN_SAME = 0.9;
/** Distinct repeated amounts remembered: enough to tell many totals from one price. */
const MAX_VALUES = 32;
/** Distinct repeated amounts that show totals rather than one price list (or half the repeating lines, if fewer). */
const MIN_VALUES = 20;

/** Evidence of one seller's lines, and its revenue counted once per order. */
export class LineRepeats {
  /** Lines whose order id was seen among the last RECENT_ORDERS orders (an order's further lines). */
  further = 0;
  /** Further lines with the same amount as their order's first line. */
  same = 0;
  /** Of those, lines whose price × quantity (when the file has them) is that amount: a line amount after all. */
  ownPrice = 0;
  /** Of those, rows of another status at another time than their order's first: an order-history log's. */
  logRows = 0;
  readonly values = new Set<number>();

  /** Note a further sale line's amount beside its order's first line's (`logRow`: it reads as a history log's); true when it repeats it. */
  note(first: number, amount: number, logRow: boolean): boolean {
    this.further++;
    if (amount !== first) return false;
    this.same++;
    if (logRow) this.logRows++;
    if (this.values.size < MAX_VALUES) this.values.add(amount);
    return true;
  }

  /**
   * Whether the amounts are the orders' totals repeated on their lines: at least 20 further lines,
   * 90 % of them repeating their order's first amount, over many different amounts (a shop of one price
   * repeats it too), and not mostly the line's own price × quantity. In an order-history log — most
   * repeating rows of another status at another time than their order's first — one amount is
   * enough (a shop of one price): a shop's lines of one order share its status, and mostly its time.
   */
  repeated(): boolean {
    const values = this.logRows >= MIN_SAME * this.same ? 1 : Math.min(MIN_VALUES, Math.ceil(this.same / 2));
    return this.further >= MIN_FURTHER && this.same >= MIN_SAME * this.further && this.values.size >= values && this.ownPrice < this.same / 2;
  }

  /** What the claim says when they are. */
  message(column: string, id: string): string {
    return `"${column}" repeats each order's total on its lines (${this.same.toLocaleString('en-US')} of ${this.further.toLocaleString('en-US')} further lines of an order carry the amount of its first): ` +
      `it was counted once per ${id}; if it is each line's own amount, name a line-amount column with --columns amount=<header>`;
  }
}
