// From a fitted counterfactual to the claim's numbers for one metric:
// lost = expected − actual over the loss window, its interval from per-draw totals of
// simulated joint paths (scaled by the backtests), and the tail-area p-value.
import { normalQuantile, tailProbability, widening, type Backtest } from './backtest.js';
import { fitCached, type HolidayOf, type HolidayShare, type Model, type TrainingData } from './models/model.js';
import type { Period } from './period.js';
import { quantileSelect, quantileSorted, standardDeviation } from './quantile.js';
import { Rng } from './random.js';
import { withoutOneOffs } from './one-offs.js';
import { hasEveSeason } from './models/holiday-ratio.js';
import { TUNING } from './tuning.js';

/** One metric's points (days, or period starts) in the baseline and the loss window. */
export interface MetricData {
  /** The value at a point; null = unknown. */
  valueAt: (point: number) => number | null;
  baselinePoints: Int32Array;
  lossPoints: Int32Array;
  isExcluded: (point: number) => boolean;
  holidayOf: HolidayOf;
  holidayShare: HolidayShare;
  period: Period;
  /** The control series at each point (NaN where unknown), with `--control`. */
  control?: (point: number) => number;
  /** What one order is worth in this metric (1 for orders): set for daily data, whose closures and spikes are left out (core/one-offs.ts). */
  orderValue?: number;
}

export interface DailyEstimate {
  day: number;
  actual: number | null;
  expected: number;
  lower: number;
  upper: number;
  /** Counted in the totals (observed and not excluded). */
  counted: boolean;
}

export interface MetricEstimate {
  summary: Record<string, number | string | boolean>;
  placebo: { windows: number; exceeding: number; pValue: number | null };
  /** Day number of recovery, or null. */
  recovery: number | null;
  /** The weighted loss (interest), when weights were given. */
  weighted?: Bounded;
  widening: number;
  actual: number;
  expected: number;
  lost: number;
  lower: number;
  upper: number;
  pValue: number;
  daily: DailyEstimate[];
}

/**
 * Observed, non-excluded baseline points of a metric. `eve`: whether the seller has an eve season
 * (the estimate decides once for all its metrics); by default this metric's own test says.
 */
export function trainingData(d: MetricData, eve?: boolean): TrainingData & { eve: boolean } {
  const days: number[] = [];
  const y: number[] = [];
  for (const p of d.baselinePoints) {
    const v = d.valueAt(p);
    if (v === null || d.isExcluded(p) || (d.control && !Number.isFinite(d.control(p)))) continue;
    days.push(p);
    y.push(v);
  }
  const observed = { days: Int32Array.from(days), y: Float64Array.from(y) };
  const { found, ...kept } = d.orderValue === undefined ? { found: {}, ...observed } : withoutOneOffs(observed.days, observed.y, d.orderValue, d.holidayOf);
  const n = kept.days.length;
  // the eves of the breaks are a season of this seller's, or ordinary days (backtest cuts inherit which)
  const season = d.period === 'day' && (eve ?? hasEveSeason(kept.days, kept.y, d.holidayOf));
  return {
    ...kept, holidayOf: season ? d.holidayOf : withoutEve(d.holidayOf), holidayShare: season ? d.holidayShare : shareWithoutEve(d.holidayShare), period: d.period, eve: season,
    yearly: n > 0 && kept.days[n - 1] - kept.days[0] + 1 >= TUNING.yearlyMinDays,
    ...(d.control ? { control: d.control } : {}),
    ...(Object.keys(found).length ? { oneOffs: found } : {}),
  };
}

/** A calendar whose eves (kinds 3 and 4) are ordinary days. */
function withoutEve(of: HolidayOf): HolidayOf {
  return (day) => {
    const k = of(day);
    return k >= 3 ? 0 : k;
  };
}

const NO_SHARE = [0, 0, 0, 0] as const;
function shareWithoutEve(share: HolidayShare): HolidayShare {
  return (p) => {
    const s = share(p);
    return s[2] === 0 && s[3] === 0 ? s : s[2] === 1 || s[3] === 1 ? NO_SHARE : [s[0], s[1], 0, 0];
  };
}

/** A bounded quantity: point value and its interval at the claim's level. */
export interface Bounded {
  value: number;
  lower: number;
  upper: number;
}

/**
 * Estimate one metric with `model`: widen its simulated spread by the calibration factor
 * of its backtest `bt`, then infer totals, bands, the p-value, the placebo test and,
 * given per-day `weights`, a weighted loss (e.g. interest: Σ w_t · lost_t).
 */
export function inferMetric(
  d: MetricData, model: Model, train: TrainingData, bt: Backtest, level: number, seed: number,
  weights?: (day: number) => number,
): MetricEstimate {
  const widen = widening(bt, level);
  const fit = fitCached(model, train);
  const days = d.lossPoints;
  const h = days.length;
  const mean = fit.mean(days);
  const draws = TUNING.draws;
  const paths = fit.simulate(days, draws, new Rng(seed));
  const qLo = (1 - level) / 2;
  const qHi = (1 + level) / 2;
  const daily: DailyEstimate[] = [];
  const column = new Float64Array(draws);
  for (let t = 0; t < h; t++) {
    const v = d.valueAt(days[t]);
    for (let s = 0; s < draws; s++) column[s] = paths[s * h + t];
    const band = widenedBand(column, mean[t], widen, qLo, qHi);
    daily.push({ day: days[t], actual: v, expected: mean[t], lower: band[0], upper: band[1], counted: v !== null && !d.isExcluded(days[t]) });
  }
  const total = lostOver(paths, mean, daily, () => 1, widen, level);
  const sd = standardDeviation(total.draws);
  return {
    summary: fit.summary(),
    widening: widen,
    actual: total.actual,
    expected: total.expected,
    lost: total.value,
    lower: total.lower,
    upper: total.upper,
    pValue: tailProbability(total.draws, total.actual),
    placebo: placeboTest(bt, total.expected - total.actual, sd / widen),
    recovery: recoveryDay(daily, paths, mean, widen, level, total.lower > 0),
    weighted: weights ? lostOver(paths, mean, daily, weights, widen, level) : undefined,
    daily,
  };
}

/**
 * Σ w_t (counterfactual_t − actual_t) over the counted days, per draw: the point value,
 * its interval, and the sorted (widened) counterfactual draws of Σ w_t · counterfactual_t.
 */
function lostOver(paths: Float64Array, mean: Float64Array, daily: DailyEstimate[], w: (day: number) => number, widen: number, level: number) {
  const h = daily.length;
  const draws = paths.length / h;
  let actual = 0;
  let expected = 0;
  const weight = daily.map((d) => (d.counted ? w(d.day) : 0));
  for (let t = 0; t < h; t++) {
    if (!weight[t]) continue;
    actual += weight[t] * (daily[t].actual as number);
    expected += weight[t] * mean[t];
  }
  const totals = new Float64Array(draws);
  for (let s = 0; s < draws; s++) {
    let v = 0;
    for (let t = 0; t < h; t++) if (weight[t]) v += weight[t] * paths[s * h + t];
    totals[s] = v;
  }
  const sorted = widenTotals(recentre(totals, expected), expected, widen);
  return {
    actual,
    expected,
    value: expected - actual,
    lower: quantileSorted(sorted, (1 - level) / 2) - actual,
    upper: quantileSorted(sorted, (1 + level) / 2) - actual,
    draws: sorted,
  };
}

/** Shift draws so their mean is `center`, clip at 0, sort. */
function recentre(totals: Float64Array, center: number): Float64Array {
  let sum = 0;
  for (const v of totals) sum += v;
  const shift = center - sum / totals.length;
  return totals.map((v) => Math.max(0, v + shift)).sort();
}

/**
 * Placebo-in-time test: the same estimate at the backtests' pseudo-incidents, where
 * nothing happened. The observed standardised loss is ranked among the placebo ones:
 * p = (1 + #placebos at least as large) / (1 + #placebos).
 */
export function placeboTest(bt: Backtest, lost: number, sd: number): { windows: number; exceeding: number; pValue: number | null } {
  const z = (l: number, s: number) => (s > 0 ? l / s : l > 0 ? Infinity : 0);
  const observed = z(lost, sd);
  const k = bt.windows.length;
  let exceeding = 0;
  for (const w of bt.windows) {
    const wsd = (w.upper - w.lower) / 2 / normalQuantile(0.975);
    if (z(w.expected - w.actual, wsd) >= observed) exceeding++;
  }
  return { windows: k, exceeding, pValue: k ? (1 + exceeding) / (1 + k) : null };
}

/**
 * Recovery: the first counted day from which sales over the next RECOVERY_DAYS counted days
 * are back: their actual total reaches the lower bound of the counterfactual's band for it
 * (draws summed per path, widened as the claim's interval is), and, when the window's loss is
 * significant (`lost`), their lost share is at most RECOVERY_LEFT of the first run's, the drop
 * the incident brought. Within the band alone is no recovery: 14 days far into a long window
 * have a band wide enough to hold a lasting 30 % loss (bench/recovery.mjs). Null if no run is back.
 */
export function recoveryDay(daily: DailyEstimate[], paths: Float64Array, mean: Float64Array, widen: number, level: number, lost: boolean): number | null {
  const h = daily.length;
  const draws = paths.length / h;
  const counted = daily.flatMap((d, t) => (d.counted ? [t] : []));
  const n = TUNING.recoveryDays;
  const totals = new Float64Array(draws); // each path's total over the run, slid one counted day at a time
  const scratch = new Float64Array(draws);
  let drop = 0;
  const slide = (t: number, sign: 1 | -1) => {
    for (let s = 0; s < draws; s++) totals[s] += sign * paths[s * h + t];
  };
  for (let k = 0; k < counted.length; k++) {
    slide(counted[k], 1);
    if (k >= n) slide(counted[k - n], -1);
    if (k < n - 1) continue;
    // the run's own sums afresh (14 terms): slid ones would carry rounding into a tie with a bound of 0
    let actual = 0;
    let expected = 0;
    for (let j = k - n + 1; j <= k; j++) {
      actual += daily[counted[j]].actual as number;
      expected += mean[counted[j]];
    }
    const lostShare = expected > 0 ? 1 - actual / expected : 0;
    if (k === n - 1) drop = lostShare;
    if (lost && lostShare > RECOVERY_LEFT * drop) continue;
    if (actual >= runLower(totals, scratch, expected, widen, (1 - level) / 2)) return daily[counted[k - n + 1]].day;
  }
  return null;
}

/**
 * The lower bound of a run's counterfactual total, as lostOver bounds the window's: the draws
 * re-centred on `expected`, clipped at 0, widened; by selection (`scratch` is overwritten).
 */
function runLower(totals: Float64Array, scratch: Float64Array, expected: number, widen: number, q: number): number {
  let sum = 0;
  for (let s = 0; s < totals.length; s++) sum += totals[s];
  const shift = expected - sum / totals.length;
  for (let s = 0; s < totals.length; s++) scratch[s] = Math.max(0, expected + widen * (Math.max(0, totals[s] + shift) - expected));
  return quantileSelect(scratch, q);
}

/** Share of the first run's lost share a run may still lack and count as recovered (¾ won back). */
const RECOVERY_LEFT = 0.25;

/** Stretch sorted totals away from `center` by `widen`, keeping them ≥ 0. */
function widenTotals(sorted: Float64Array, center: number, widen: number): Float64Array {
  if (widen === 1) return sorted;
  return sorted.map((v) => Math.max(0, center + widen * (v - center)));
}

/** A day's counterfactual band: draws re-centred on the point forecast, widened, ≥ 0. */
function widenedBand(column: Float64Array, center: number, widen: number, qLo: number, qHi: number): [number, number] {
  let sum = 0;
  for (let s = 0; s < column.length; s++) sum += column[s];
  const shift = center - sum / column.length;
  // selected in place (the caller refills it for every day); a shift moves quantiles alike
  const lo = center + widen * (quantileSelect(column, qLo) + shift - center);
  const hi = center + widen * (quantileSelect(column, qHi) + shift - center);
  return [Math.max(0, lo), Math.max(0, hi)];
}
