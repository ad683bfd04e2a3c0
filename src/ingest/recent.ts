// Distinct order ids with bounded memory.
//
// Order-line exports repeat the order id on every line of an order. Counting distinct ids per
// day exactly needs a set of every id (memory grows with rows: ~400 MB for 5M orders), so we
// remember only the most recent 4,096–8,192 distinct ids of the whole file instead. That is exact
// whenever the lines of one order lie within 4,096 distinct orders of each other — as in the usual
// export layouts, where an order's lines are adjacent whatever the sort order — and overcounts by
// one per order whose lines are further apart. (A small window also keeps the Sets in cache:
// 65,536 ids cost ~13 % more time per row than 8,192.) An order spanning midnight counts on the day of
// the first of its lines that is read.

/** How many recent distinct ids are remembered. */
export const RECENT_IDS_WINDOW = 8192;

/**
 * The last `capacity`/2 … `capacity` distinct keys seen. Two generations instead of an LRU: a
 * Set with steady deletions rehashes constantly (~0.7 µs a row), swapping whole Sets is cheap.
 */
export class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();
  private last = '';

  constructor(private readonly capacity = RECENT_IDS_WINDOW) {}

  /**
   * Whether `key` is new (and remember it). `id` is the bare id: a blank one is always new,
   * since a row without an id is an order of its own.
   */
  isNew(key: string, id: string = key): boolean {
    if (key === this.last) return id.trim() === ''; // the next line of the same order (the usual case)
    if (id.trim() === '') return true;
    this.last = key;
    if (this.current.has(key) || this.previous.has(key)) return false;
    this.current.add(key);
    if (this.current.size >= this.capacity / 2) {
      this.previous = this.current;
      this.current = new Set();
    }
    return true;
  }
}
