// Merged cells over a sheet's rows. Korean admin downloads and hand-kept sheets merge a cell down
// over the rows it belongs to — an order's 주문번호 and 주문일시 over its lines, a day's 일자 over
// that day's orders — and Excel keeps the value in the range's first cell only: the rows below
// read blank (BAD_DATES, or lines counted as orders of their own). A sheet lists its merges after
// its rows (`<mergeCells><mergeCell ref="A3:A7"/>…`), so a first pass notes them as the part
// streams past (MergeTap), and a sheet with merges over its data is read again, each merged
// value on every row it covers (MergeFill) — as the sheet shows it.

/** A merged range: rows (1-based, as Excel numbers them) and columns (0-based, as cells are indexed). */
export interface MergeRange {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/** Most bytes of a sheet's merge list kept (~50,000 ranges): past it the rest are not read. */
const MAX_MERGE_BYTES = 2 * 1024 * 1024;
const OPEN = Buffer.from('<mergeCell');
const REF = /<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

/** Notes the merged ranges of a sheet part as its bytes stream past. */
export class MergeTap {
  private carry = Buffer.alloc(0);
  private text: string | null = null;

  /** Look at the next chunk of the sheet's XML. */
  see(chunk: Buffer): void {
    if (this.text !== null) {
      if (this.text.length < MAX_MERGE_BYTES) this.text += chunk.toString('latin1');
      return;
    }
    // the tag may be cut between two chunks: look at the last bytes of the previous one too
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const at = joined.indexOf(OPEN);
    if (at >= 0) this.text = joined.subarray(at).toString('latin1');
    else this.carry = Buffer.from(joined.subarray(Math.max(0, joined.length - OPEN.length)));
  }

  /** The ranges that span more than one row (a merge across columns only changes no row). */
  ranges(): MergeRange[] {
    const out: MergeRange[] = [];
    if (this.text === null) return out;
    for (const m of this.text.matchAll(REF)) {
      const r = { r1: +m[2], r2: +m[4], c1: column(m[1]), c2: column(m[3]) };
      if (r.r2 > r.r1 && r.c2 >= r.c1) out.push(r);
    }
    return out;
  }
}

/** `column('A') === 0`, `column('AB') === 27`. */
function column(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Fills each merged range's value into the rows below its first, row by row in order. Columns
 * in `keep` are left as they are: an amount merged over an order's lines is the order's once,
 * not each line's (its further lines then read as such).
 */
export class MergeFill {
  private readonly ranges: MergeRange[];
  private next = 0;
  private active: { r: MergeRange; values: string[] }[] = [];
  /** Cells filled so far, and the columns they were in. */
  filled = 0;
  readonly columns = new Set<number>();

  constructor(ranges: MergeRange[], private readonly keep: ReadonlySet<number>) {
    this.ranges = [...ranges].sort((a, b) => a.r1 - b.r1);
  }

  /** Row `row`'s cells, with merged values filled in (in place). */
  apply(row: number, cells: string[]): string[] {
    while (this.next < this.ranges.length && this.ranges[this.next].r1 <= row) {
      const r = this.ranges[this.next++];
      // a range starting above the first row seen (the header's) has no value here to fill
      if (r.r1 === row) this.active.push({ r, values: cells.slice(r.c1, r.c2 + 1) });
    }
    if (this.active.length === 0) return cells;
    this.active = this.active.filter((a) => a.r.r2 >= row);
    for (const { r, values } of this.active) {
      if (r.r1 === row) continue;
      for (let c = r.c1; c <= r.c2 && c < cells.length; c++) {
        const v = values[c - r.c1] ?? '';
        if (this.keep.has(c) || v === '' || cells[c] !== '') continue;
        cells[c] = v;
        this.filled++;
        this.columns.add(c);
      }
    }
    return cells;
  }
}
