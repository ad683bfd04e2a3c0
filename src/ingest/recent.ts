// Distinct order ids with small memory, whatever the row order.
//
// Order-line exports repeat the order id on every line of an order. A Set of every id would
// cost ~80 bytes an id (~400 MB for 5M orders), so ids are remembered twice, cheaply:
// - the most recent 4,096–8,192 distinct ids of the file, exactly (two generations of Sets):
//   the usual export keeps an order's lines adjacent, and those never reach the filter below;
// - every id in a Bloom filter that grows with the orders (~30–38 bits an id, ~35 MB for
//   5M orders), so an order whose lines are far apart — a warehouse query's rows in any order —
//   still counts once. A Bloom filter may take a new id for one seen before: at most ~2 in a
//   million orders are missed (IdFilter.FALSE_POSITIVE_BOUND); ids in the window never are.
//   The filter stops growing at IdFilter.MAX_IDS (~16.7M orders, ~81 MB), so memory stays
//   bounded on any file; past that only the window is exact (`saturated` says so).
// An order spanning midnight counts on the day of the first of its lines that is read.

/** How many recent distinct ids are remembered exactly. */
export const RECENT_IDS_WINDOW = 8192;

/**
 * Whether an order id was seen before in the file: the window first, then the filter.
 * Two generations instead of an LRU: a Set with steady deletions rehashes constantly
 * (~0.7 µs a row), swapping whole Sets is cheap.
 */
export class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();
  private last = '';
  /** The filter is full: later orders' lines count once only within the window. */
  get saturated(): boolean {
    return this.all.full;
  }

  constructor(
    private readonly capacity = RECENT_IDS_WINDOW,
    private readonly all = new IdFilter(),
  ) {}

  /**
   * Whether `key` is new (and remember it). `id` is the bare id: a blank one is always new,
   * since a row without an id is an order of its own.
   */
  isNew(key: string, id: string = key): boolean {
    if (key === this.last) return id.trim() === ''; // the next line of the same order (the usual case)
    if (id.trim() === '') return true;
    this.last = key;
    if (this.current.has(key) || this.previous.has(key)) return false;
    const fresh = this.all.addIfNew(key); // false: a line of an order read long before
    this.remember(key);
    return fresh;
  }

  /**
   * Whether `key` was seen before, without remembering it (a blank id never was): asked only of a
   * line whose amount is blank, to tell an order's further line from a first line missing its amount.
   */
  seen(key: string, id: string = key): boolean {
    if (id.trim() === '') return false;
    return key === this.last || this.current.has(key) || this.previous.has(key) || this.all.has(key);
  }

  /** The last id asked about (the order a table's last line belongs to). */
  get lastKey(): string {
    return this.last;
  }

  /** A copy of every id so far (what a later table's rows are checked against: rows.ts, stacked tables). */
  snapshot(): IdFilter {
    return this.all.copy();
  }

  private remember(key: string): void {
    this.current.add(key);
    if (this.current.size >= this.capacity / 2) {
      this.previous = this.current;
      this.current = new Set();
    }
  }
}

/**
 * Values of recent order keys, exact for the last capacity/2 to capacity keys set (two
 * generations, like RecentIds; 4,096–8,192 by default); no filter behind. The reasons of recent orders that are not sales (so an order's
 * further lines, which leave the status blank, are left out with it: such a line further away
 * is read as a line of its own, and a blank amount on it is then an error, never a silent drop);
 * the recent sales a later cancellation row may take back (later-cancels.ts).
 */
export class RecentMap<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly capacity = RECENT_IDS_WINDOW) {}

  get(key: string): V | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.capacity / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  /** Forget a key (in both generations). */
  delete(key: string): void {
    this.current.delete(key);
    this.previous.delete(key);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/**
 * A scalable Bloom filter of strings (Almeida et al. 2007): stage s holds 2^s·FIRST ids at a
 * false-positive rate FIRST_RATE/2^s, so the whole filter stays below 2·FIRST_RATE however many
 * ids arrive, and memory grows with the ids actually seen. Bits are probed by double hashing
 * (Kirsch & Mitzenmacher 2006) from two 32-bit hashes of the string.
 */
export class IdFilter {
  static readonly FIRST = 1 << 16;
  static readonly FIRST_RATE = 1e-6;
  /** Sum over all stages of their false-positive rates. */
  static readonly FALSE_POSITIVE_BOUND = 2 * IdFilter.FIRST_RATE;
  /** Stages at most: 8 hold FIRST·(2^8 − 1) ≈ 16.7M ids in ~81 MB. */
  static readonly MAX_STAGES = 8;
  static readonly MAX_IDS = IdFilter.FIRST * (2 ** IdFilter.MAX_STAGES - 1);
  /** No room left: addIfNew() stores nothing more (it still answers for the ids held). */
  full = false;
  private readonly stages: Stage[] = [];
  private h1 = 0;

  /** `first` ids in the first stage, at most `maxStages` stages (smaller only in tests). */
  constructor(
    private readonly first = IdFilter.FIRST,
    private readonly maxStages = IdFilter.MAX_STAGES,
  ) {}
  private h2 = 0;

  has(key: string): boolean {
    this.hash(key);
    return this.held();
  }

  /** The filter as it is now, apart from this one. */
  copy(): IdFilter {
    const c = new IdFilter(this.first, this.maxStages);
    c.full = this.full;
    c.stages.push(...this.stages.map((s) => s.copy()));
    return c;
  }

  /** Remember `key`; false when it was (probably) held already. One hashing for both steps. */
  addIfNew(key: string): boolean {
    this.hash(key);
    if (this.held()) return false;
    let s = this.stages[this.stages.length - 1];
    if (!s || s.count >= s.capacity) {
      const k = this.stages.length;
      if (k === this.maxStages) {
        this.full = true;
        return true;
      }
      this.stages.push((s = new Stage(this.first * 2 ** k, IdFilter.FIRST_RATE / 2 ** k)));
    }
    s.add(this.h1, this.h2);
    return true;
  }

  /** Whether a stage holds the hashes last computed. */
  private held(): boolean {
    for (const s of this.stages) if (s.has(this.h1, this.h2)) return true;
    return false;
  }

  /** Two independent 32-bit hashes of the UTF-16 code units: FNV-1a and a murmur-style mix. */
  private hash(key: string): void {
    let a = 0x811c9dc5;
    let b = 0x9747b28c ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    this.h1 = a >>> 0;
    this.h2 = ((b ^ (b >>> 16)) | 1) >>> 0; // odd: the probe steps never collapse onto one bit
  }
}

/** One Bloom filter of fixed capacity and false-positive rate. */
class Stage {
  count = 0;
  private readonly bits: Uint32Array;
  private readonly m: number;
  private readonly k: number;

  constructor(readonly capacity: number, private readonly rate: number) {
    // the optimal sizes: m = −n ln p / ln²2 bits, k = log2(1/p) probes
    this.m = Math.ceil((-capacity * Math.log(rate)) / (Math.LN2 * Math.LN2));
    this.k = Math.ceil(-Math.log2(rate));
    this.bits = new Uint32Array(Math.ceil(this.m / 32));
  }

  copy(): Stage {
    const c = new Stage(this.capacity, this.rate);
    c.bits.set(this.bits);
    c.count = this.count;
    return c;
  }

  // Probe i is bit (h1 + i·h2) mod m, stepped as (bit + h2 mod m) mod m: the same bits with one
  // division a probe sequence instead of one a probe.
  has(h1: number, h2: number): boolean {
    const m = this.m, step = h2 % m;
    let bit = h1 % m;
    for (let i = 0; i < this.k; i++) {
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
      bit += step;
      if (bit >= m) bit -= m;
    }
    return true;
  }

  add(h1: number, h2: number): void {
    const m = this.m, step = h2 % m;
    let bit = h1 % m;
    for (let i = 0; i < this.k; i++) {
      this.bits[bit >>> 5] |= 1 << (bit & 31);
      bit += step;
      if (bit >= m) bit -= m;
    }
    this.count++;
  }
}
