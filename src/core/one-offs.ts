// Days of a daily baseline that are not demand the loss window would have seen — closures
// (core/closures.ts) and one-off spikes (core/spikes.ts) — taken out of the training data,
// with what the claim's warnings say about them.
import { closures } from './closures.js';
import type { HolidayOf } from './models/model.js';
import { spikes } from './spikes.js';

/** What was left out (day numbers), and a zero run reaching the incident (kept). */
export interface OneOffs {
  spikes?: { day: number; value: number; usual: number }[];
  closed?: { start: number; end: number; usual: number }[];
  zerosAtEnd?: { start: number; end: number; usual: number };
}

/**
 * The baseline points `days`/`y` without their closures and spikes. Closures go first, so the
 * zeros of a shut month never lower the level a spike is judged against. `unit`: one order's
 * worth in `y` (1 for orders, the mean order value for revenue, 0 when unknown).
 */
export function withoutOneOffs(
  days: Int32Array, y: Float64Array, unit: number, holidayOf: HolidayOf,
): { days: Int32Array; y: Float64Array; found: OneOffs } {
  const found: OneOffs = {};
  const z = closures(days, y, unit, holidayOf);
  const span = (r: { first: number; last: number; usual: number }) => ({ start: days[r.first], end: days[r.last], usual: r.usual });
  if (z.atEnd) found.zerosAtEnd = span(z.atEnd);
  let kept = { days, y };
  if (z.closed.length) {
    found.closed = z.closed.map(span);
    const drop = new Set<number>();
    for (const r of z.closed) for (let i = r.first; i <= r.last; i++) drop.add(i);
    kept = without(kept, drop);
  }
  const s = spikes(kept.days, kept.y, unit);
  if (s.length) {
    found.spikes = s.map((x) => ({ day: kept.days[x.index], value: x.value, usual: x.usual }));
    kept = without(kept, new Set(s.map((x) => x.index)));
  }
  return { ...kept, found };
}

/** The points of `t` but those at indices in `drop`. */
function without(t: { days: Int32Array; y: Float64Array }, drop: Set<number>) {
  const keep = [...t.days.keys()].filter((i) => !drop.has(i));
  return { days: Int32Array.from(keep, (i) => t.days[i]), y: Float64Array.from(keep, (i) => t.y[i]) };
}
