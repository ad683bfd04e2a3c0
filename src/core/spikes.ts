// One-off spikes in a daily baseline: a bulk order, a viral post, a mistyped row. A single day
// at 400× the usual pulls a log-link regression's weekday effect up ×5 and an ETS level with
// it, so the counterfactual — and the claim — comes out inflated for weeks. Such days are not
// demand the seller could expect again; they are left out of the fit (and warned about), the
// way an analyst would before fitting. Recurring peaks (weekends, promotions at ×2–6, gift
// seasons) stay: a day is a spike only at `TUNING.spikeRatio` × both its neighbourhood's and
// its weekday's usual level, and only when such days are rare in the baseline.
import { quantileSelect } from './quantile.js';
import { TUNING } from './tuning.js';

/** Days either side of a point whose median is its neighbourhood's usual level. */
const NEAR_DAYS = 14;
/** Weeks either side whose same weekday give the weekday's usual level. */
const NEAR_WEEKS = 4;
/** Fewest neighbours a point needs before it can be judged. */
const MIN_NEIGHBOURS = 7;

/** A left-out day: its index in the training data, its value and the usual level it was judged against. */
export interface Spike {
  index: number;
  value: number;
  usual: number;
}

/**
 * The spikes of daily `y` observed on ascending `days`. `unit` is what one order is worth in
 * `y` (1 for orders, the mean order value for revenue, 0 when unknown): with it a day must also
 * clear a count floor (ρ + 10√ρ + 10 orders over a usual ρ), so a small seller's 3-order day
 * over a usual 0 is no spike. Returns [] when spikes are not rare (then they are the seller's
 * pattern, and the model should see them).
 * `spikes([0..28 days of 10, one of 500], …)` flags the 500 against a usual 10.
 */
export function spikes(days: Int32Array, y: Float64Array, unit: number): Spike[] {
  const n = y.length;
  const found: Spike[] = [];
  const near = new Float64Array(2 * NEAR_DAYS);
  const week = new Float64Array(2 * NEAR_WEEKS);
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!(v > 0) || v <= 10 * unit) continue; // below any threshold (10 orders): skip the medians
    while (days[lo] < days[i] - NEAR_DAYS) lo++;
    let w = 0;
    for (let j = i - 1; j >= 0 && days[j] >= days[i] - 7 * NEAR_WEEKS; j--) if ((days[i] - days[j]) % 7 === 0) week[w++] = y[j];
    for (let j = i + 1; j < n && days[j] <= days[i] + 7 * NEAR_WEEKS; j++) if ((days[j] - days[i]) % 7 === 0) week[w++] = y[j];
    // the larger of two usual levels: a weekend seller's Saturday is judged by Saturdays, the days
    // after a lasting jump by the new level on their weekday. The weekday's (8 values) goes first:
    // most days are already within its threshold, and the threshold only grows with the level
    const ofWeekday = w >= 2 ? quantileSelect(week.subarray(0, w), 0.5) : 0;
    if (v <= threshold(ofWeekday, unit)) continue;
    let k = 0;
    let sum = 0;
    for (let j = lo; j < n && days[j] <= days[i] + NEAR_DAYS; j++) {
      if (j === i) continue;
      near[k++] = y[j];
      sum += y[j];
    }
    if (k < MIN_NEIGHBOURS) continue;
    let usual = Math.max(ofWeekday, quantileSelect(near.subarray(0, k), 0.5));
    if (unit === 0) usual = Math.max(usual, sum / k); // money without orders: no count floor, so a sparse seller's mean
    if (v > threshold(usual, unit)) found.push({ index: i, value: v, usual });
  }
  return found.length <= Math.max(3, Math.ceil(TUNING.spikeMaxShare * n)) ? found : [];
}

/**
 * The value a day must exceed over a usual level `usual`: `spikeRatio` × usual, and in order
 * units ρ + 10√ρ + 10 (far in the tail of any plausible day: Poisson(ρ) is ~10 s.d. short of it).
 * `threshold(13, 1) === 130`; `threshold(0, 1) === 10`; `threshold(1, 1) === 21`.
 */
export function threshold(usual: number, unit: number): number {
  const ratio = TUNING.spikeRatio * usual;
  if (!(unit > 0)) return ratio;
  const rho = usual / unit;
  return Math.max(ratio, unit * (rho + 10 * Math.sqrt(rho) + 10));
}
