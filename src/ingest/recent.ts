// Distinct order ids with bounded memory.
//
// Order-line exports repeat the order id on every line of an order. Counting distinct ids per
// day exactly needs a set of every id (memory grows with rows: ~400 MB for 5M orders), so we
// remember only the most recent WINDOW distinct ids of the whole file instead. That is exact
// whenever the lines of one order lie within 65,536 distinct orders of each other — true of every
// export we know (lines of an order are adjacent, whatever the sort order) — and overcounts by
// one per order whose lines are further apart. An order spanning midnight counts on the day of
// the first of its lines that is read.

/** How many recent distinct ids are remembered. */
export const RECENT_IDS_WINDOW = 65_536;

/** A set of the last `capacity` distinct keys seen, evicting the oldest. */
export class RecentIds {
  private readonly ring: string[];
  private readonly set = new Set<string>();
  private pos = 0;

  constructor(private readonly capacity = RECENT_IDS_WINDOW) {
    this.ring = new Array<string>(capacity);
  }

  /**
   * Whether `key` is new (and remember it). `id` is the bare id: a blank one is always new,
   * since a row without an id is an order of its own.
   */
  isNew(key: string, id: string = key): boolean {
    if (id.trim() === '') return true;
    if (this.set.has(key)) return false;
    if (this.set.size >= this.capacity) this.set.delete(this.ring[this.pos]);
    this.ring[this.pos] = key;
    this.pos = (this.pos + 1) % this.capacity;
    this.set.add(key);
    return true;
  }
}
