// How much a holiday moves sales, as a ratio to a normal day of the same weekday: the
// holiday handling of the models without a regression (ets, seasonal-mean).
import { weekday } from '../dates.js';
import { TUNING } from '../tuning.js';
import type { TrainingData } from './model.js';

/**
 * Ratios [none, minor, major, eve's last week, the week before] of holiday (and eve) sales to the same weekdays' `normal`
 * means (default: the baseline's own ordinary weekday means); 1 where a kind was never seen.
 * A Chuseok at 40 with normal days at 100 gives [1, …, 0.4, …]; a shop shut on holidays, 0.
 */
export function holidayRatios(data: TrainingData, normal: Float64Array = weekdayMeans(data)): [number, number, number, number, number] {
  const num = [0, 0, 0, 0, 0];
  const den = [0, 0, 0, 0, 0];
  for (let i = 0; i < data.days.length; i++) {
    const h = data.holidayOf(data.days[i]);
    if (!h) continue;
    num[h] += data.y[i];
    den[h] += normal[weekday(data.days[i])];
  }
  const r = (k: number) => (den[k] > 0 ? num[k] / den[k] : 1);
  // an eve seen in one of its weeks only (a baseline ending inside it): that week's ratio for both
  const [e3, e4] = [den[3] > 0 ? r(3) : r(4), den[4] > 0 ? r(4) : r(3)];
  return [1, r(1), r(2), e3, e4];
}

/** Whether the training data hold a day of an eve (kinds 3, 4): only when the eve is the seller's season (inference.ts). */
export function hasEve(data: TrainingData): boolean {
  for (let i = 0; i < data.days.length; i++) if (data.holidayOf(data.days[i]) >= 3) return true;
  return false;
}

/** Mean of each weekday (Monday first) over the ordinary days (no holiday, no eve). */
function weekdayMeans(data: TrainingData): Float64Array {
  const sum = new Float64Array(7);
  const cnt = new Float64Array(7);
  for (let i = 0; i < data.days.length; i++) {
    if (data.holidayOf(data.days[i])) continue;
    sum[weekday(data.days[i])] += data.y[i];
    cnt[weekday(data.days[i])]++;
  }
  return sum.map((s, w) => (cnt[w] ? s / cnt[w] : 0));
}

/** Days of an eve week, and of the ordinary blocks its sales are set against. */
const BLOCK = TUNING.eveDays / 2;
/** Fewest observed days of a block, and of the four weeks before it, for the block to count. */
const MIN_BLOCK_DAYS = 4;
const MIN_BEFORE_DAYS = 14;
/** Fewest ordinary blocks to learn how much a seller's weeks move by themselves. */
const MIN_NULL_BLOCKS = 8;

/**
 * Whether this seller has an eve season (명절 대목): either week of the eves of the major breaks
 * in the training data (kinds 3 and 4) sells, against the four ordinary weeks before the eve,
 * more differently than the seller's ordinary weeks do against theirs — by `TUNING.eveZ`
 * standard deviations of the latter. Each comparison is of same-weekday ratios, so weekdays
 * cancel; it is of a week against its own recent weeks, so slow trends and a wandering level
 * cancel too, and an eve that merely sits on a high or low stretch is no season. Without one the
 * eves are ordinary days: two parameters fitted to a few weeks of noise cost the accuracy
 * benchmark's sellers more than they won.
 */
export function hasEveSeason(days: Int32Array, y: Float64Array, holidayOf: TrainingData['holidayOf']): boolean {
  const n = days.length;
  if (!n) return false;
  const normal = weekdayMeans({ days, y, holidayOf } as TrainingData);
  // q: each day's sales over its weekday's ordinary mean, by day offset (NaN: unknown, a holiday, or no mean)
  const first = days[0];
  const span = days[n - 1] - first + 1;
  const q = new Float64Array(span).fill(NaN);
  // every day's kind, observed or not: a missing day inside an eve must not split it in two
  const kind = new Uint8Array(span);
  for (let t = 0; t < span; t++) kind[t] = holidayOf(first + t);
  for (let i = 0; i < n; i++) {
    const k = kind[days[i] - first];
    const m = normal[weekday(days[i])];
    if ((k === 0 || k >= 3) && m > 0) q[days[i] - first] = y[i] / m;
  }
  /** log of the mean ratio of `k`-days in from..to over the four ordinary weeks before `ref`; NaN when either is too thin. */
  const contrast = (from: number, to: number, k: number, ref: number): number => {
    let s = 0, c = 0, sb = 0, cb = 0;
    for (let t = from; t < to; t++) if (q[t] === q[t] && kind[t] === k) (s += q[t]), c++;
    for (let t = Math.max(0, ref - 28); t < ref; t++) if (q[t] === q[t] && kind[t] === 0) (sb += q[t]), cb++;
    if (c < MIN_BLOCK_DAYS || cb < MIN_BEFORE_DAYS || !(sb > 0)) return NaN;
    return Math.log((s / c + 0.05) / (sb / cb + 0.05));
  };
  // each eve: from its first day (of the week before, kind 4, or a truncated eve's last week) to the break
  const weeks: [number[], number[]] = [[], []];
  for (let t = 0; t < span; t++) {
    if (kind[t] < 3 || (t > 0 && kind[t - 1] >= 3)) continue;
    let end = t;
    while (end < span && kind[end] !== 2) end++;
    for (const k of [3, 4] as const) {
      const d = contrast(t, end, k, t);
      if (d === d) weeks[k - 3].push(d);
    }
  }
  const ordinary: number[] = [];
  for (let t = 28; t + BLOCK <= span; t += BLOCK) {
    let plain = true;
    for (let u = t; u < t + BLOCK && plain; u++) plain = kind[u] < 2;
    const d = plain ? contrast(t, t + BLOCK, 0, t) : NaN;
    if (d === d) ordinary.push(d);
  }
  if (ordinary.length < MIN_NULL_BLOCKS) return false;
  const mean = (a: number[]) => a.reduce((x, v) => x + v, 0) / a.length;
  const m0 = mean(ordinary);
  const sd = Math.sqrt(ordinary.reduce((x, v) => x + (v - m0) ** 2, 0) / (ordinary.length - 1));
  return weeks.some((w) => w.length > 0 && Math.abs(mean(w) - m0) > (TUNING.eveZ * sd) / Math.sqrt(w.length));
}
