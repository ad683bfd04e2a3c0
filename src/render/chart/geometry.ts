// SVG geometry with no drawing in it: scales, nice ticks and path builders, pure and
// unit-tested (test/render-geometry.test.ts), so the chart code only decides what to draw.

/** A point in SVG user units. */
export type Point = [number, number];

/** A linear map from a data interval onto a pixel interval, with its ends kept for axes. */
export interface Scale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
}

/**
 * Linear scale: `linearScale([0, 10], [100, 0])(5) === 50`. A zero-width domain maps
 * everything to the middle of the range (a flat series still gets drawn).
 */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const f = ((v: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0))) as Scale;
  f.domain = [d0, d1];
  f.range = [r0, r1];
  return f;
}

/** Step of 1, 2 or 5 × 10^k that cuts `span` into about `count` parts: `niceStep(1000, 5) === 200`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/**
 * A domain that covers `values` and 0 (bars and losses read against zero), widened to
 * whole ticks, with its ticks: `niceDomain([3, 97], 5)` → `{ domain: [0, 100], ticks: [0, 20, …, 100] }`.
 */
export function niceDomain(values: (number | null)[], count = 5): { domain: [number, number]; ticks: number[] } {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // a flat (or denormal-thin) series still gets a unit-high axis instead of a zero-width domain
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))) hi = lo + 1;
  const step = niceStep(hi - lo, count);
  const d0 = Math.floor(lo / step) * step;
  const d1 = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // integer loop counter: adding a float step accumulates error (0.1 + 0.2 …)
  for (let i = 0; d0 + i * step <= d1 + step / 1e9; i++) ticks.push(Number((d0 + i * step).toPrecision(12)));
  return { domain: [d0, d1], ticks };
}

/**
 * Day scale over consecutive dates: the first date maps to `range[0]`, the last to
 * `range[1]` (one date: the middle). Works for dates outside the list too, by day count.
 */
export function dayScale(dates: string[], range: [number, number]): Scale & { dayWidth: number; at: (iso: string) => number } {
  const first = dayNumber(dates[0]);
  const last = dayNumber(dates[dates.length - 1]);
  const s = linearScale([first, last], range) as Scale & { dayWidth: number; at: (iso: string) => number };
  s.dayWidth = last === first ? Math.abs(range[1] - range[0]) : Math.abs(range[1] - range[0]) / (last - first);
  s.at = (iso: string) => s(dayNumber(iso));
  return s;
}

/** Days since 1970-01-01 of an ISO date: `dayNumber('1970-01-02') === 1`. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/**
 * Indexes of the dates that get a tick label: about `max` of them, a whole number of
 * weeks apart once the window is longer than two weeks (so ticks fall on one weekday),
 * always including the first date.
 */
export function dateTickIndexes(n: number, max = 8): number[] {
  if (n <= 0) return [];
  let step = Math.max(1, Math.ceil(n / max));
  if (n > 14) step = Math.ceil(step / 7) * 7;
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Half-width, in user units, of the band drawn for a day with no known neighbour. */
export const SOLO_HALF = 3;

/** Points of one series; a null value stays null (a gap), so indexes stay aligned to days. */
export function seriesPoints(values: (number | null)[], x: (i: number) => number, y: Scale): (Point | null)[] {
  return values.map((v, i) => (v === null || !Number.isFinite(v) ? null : [r1(x(i)), r1(y(v))]));
}

/** Runs of consecutive non-null points: `[[p0, p1], [p3]]` for `[p0, p1, null, p3]`. */
export function runs(points: (Point | null)[]): Point[][] {
  const out: Point[][] = [];
  let cur: Point[] = [];
  for (const p of points) {
    if (p) cur.push(p);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** SVG path of a line broken at gaps: `linePath([[0,0],[1,1]]) === 'M0,0L1,1'`. */
export function linePath(points: (Point | null)[]): string {
  return runs(points).map((run) => run.map((p, i) => `${i ? 'L' : 'M'}${p[0]},${p[1]}`).join('')).join('');
}

/**
 * SVG path of a band: for each run where both edges are known, along the upper edge
 * left to right and back along the lower edge, closed. Upper and lower must align by index.
 */
export function bandPath(upper: (Point | null)[], lower: (Point | null)[]): string {
  const both = upper.map((u, i) => (u && lower[i] ? i : null));
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= both.length; i++) {
    const known = i < both.length && both[i] !== null;
    if (known && start < 0) start = i;
    if (!known && start >= 0) {
      let top = upper.slice(start, i) as Point[];
      let bottom = (lower.slice(start, i) as Point[]).reverse();
      if (top.length === 1) {
        // a lone day would make a zero-width band: draw it as a bar ±SOLO_HALF wide instead
        const [[x, yu], [, yl]] = [top[0], bottom[0]];
        top = [[r1(x - SOLO_HALF), yu], [r1(x + SOLO_HALF), yu]];
        bottom = [[r1(x + SOLO_HALF), yl], [r1(x - SOLO_HALF), yl]];
      }
      out.push(`${[...top, ...bottom].map((p, j) => `${j ? 'L' : 'M'}${p[0]},${p[1]}`).join('')}Z`);
      start = -1;
    }
  }
  return out.join('');
}
