// Closures in a daily baseline: a week or more with no sales at all in a shop that usually
// sells every day — a holiday away, a warehouse move, an account suspended — or an outage day
// of a shop for which a day without sales is otherwise unheard of. Those days say
// nothing about demand; fitted as demand, a shut month pulls the counterfactual down, widens the
// interval and is taken for a level shift (bench/ACCURACY.md, design closure).
// They are left out of the fit (and warned about). Up to ten days of zeros over a major holiday
// are the seller's holiday habit, which the holiday effects model, and stay. A run that reaches the
// incident is kept too — it may be the incident itself, begun earlier — and warned about.
import { quantileSelect } from './quantile.js';
import type { HolidayOf } from './models/model.js';

/** Shortest closure judged on its length alone: a week, so weekly rest days (a shop shut on Sundays) never count. */
const MIN_CLOSED_DAYS = 7;
/** A run over a major holiday is the seller's holiday habit up to this long (a break and its bridge days). */
const HOLIDAY_HABIT_DAYS = 10;
/** A run of k zeros at a usual ρ orders a day is a closure when k·ρ ≥ this (Poisson: e^−20). */
const MIN_EXPECTED_ORDERS = 20;
/** Observed days each side of a run whose median is the usual level. */
const NEIGHBOURS = 28;
/** Shorter zero runs (outage days) count only while zero days are at most this share of the baseline. */
const OUTAGE_SHARE = 0.01;
/** Closures are left out only while they cover at most this share of the baseline. */
const MAX_SHARE = 0.25;

/** A run of zero days: indices `first..last` of the training data. */
export interface ZeroRun {
  first: number;
  last: number;
  usual: number;
}

/**
 * Closures of daily `y` on ascending `days`, and a zero run that ends the baseline (or null).
 * A run of a week or more is a closure when it is far too long for chance; a shorter one (an
 * outage day) only when zero days are rare for this seller (≤ max(3, 1 %) of the baseline: a
 * shop shut on Sundays, or a small or erratic seller, has them as a pattern), it holds no holiday,
 * and order counts show it is as unlikely. `unit` is one order's worth in `y` (0 when unknown: then
 * only runs of a week or more, at a usual level above 0).
 * `closures(days, [20 × 40, 0 × 10, 20 × 40], 1, none)` finds indices 40..49.
 */
export function closures(days: Int32Array, y: Float64Array, unit: number, holidayOf: HolidayOf): { closed: ZeroRun[]; atEnd: ZeroRun | null } {
  const n = y.length;
  const runs: [number, number][] = [];
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0) continue;
    let j = i;
    while (j + 1 < n && y[j + 1] === 0 && days[j + 1] === days[j] + 1) j++;
    runs.push([i, j]);
    zeros += j - i + 1;
    i = j;
  }
  const rare = zeros <= Math.max(3, OUTAGE_SHARE * n);
  const closed: ZeroRun[] = [];
  let atEnd: ZeroRun | null = null;
  let covered = 0;
  for (const [first, last] of runs) {
    const k = last - first + 1;
    const end = last === n - 1;
    const eligible = k >= MIN_CLOSED_DAYS || (end ? k >= 3 : rare && unit > 0 && !holidayIn(days, first, last, holidayOf));
    const run = eligible ? judge(days, y, first, last, unit, holidayOf) : null;
    if (!run) continue;
    if (end) atEnd = run;
    else {
      closed.push(run);
      covered += k;
    }
  }
  return { closed: covered <= MAX_SHARE * n ? closed : [], atEnd };
}

/** Whether any day of `first..last` is a holiday, minor or major (an eve is an ordinary day here). */
function holidayIn(days: Int32Array, first: number, last: number, holidayOf: HolidayOf): boolean {
  for (let i = first; i <= last; i++) if (holidayOf(days[i]) === 1 || holidayOf(days[i]) === 2) return true;
  return false;
}

/** The run `first..last` if it is far too unlikely at its neighbours' usual level, and no holiday habit. */
function judge(days: Int32Array, y: Float64Array, first: number, last: number, unit: number, holidayOf: HolidayOf): ZeroRun | null {
  const k = last - first + 1;
  if (k <= HOLIDAY_HABIT_DAYS) for (let i = first; i <= last; i++) if (holidayOf(days[i]) === 2) return null;
  const near: number[] = [];
  for (let i = first - 1; i >= 0 && near.length < NEIGHBOURS; i--) near.push(y[i]);
  const before = near.length;
  for (let i = last + 1; i < y.length && near.length < before + NEIGHBOURS; i++) near.push(y[i]);
  if (near.length < 7) return null;
  const usual = quantileSelect(Float64Array.from(near), 0.5);
  if (!(usual > 0)) return null;
  // money without order counts: no chance calculation, so a week at least even before the incident
  if (unit > 0 ? (k * usual) / unit < MIN_EXPECTED_ORDERS : k < MIN_CLOSED_DAYS) return null;
  return { first, last, usual };
}
