// From a fitted counterfactual to the claim's numbers for one metric:
// lost = expected − actual over the loss window, its interval from per-draw totals of
// simulated joint paths (widened by the backtests), and the tail-area p-value.
import { pathTotals, tailProbability, widening, type Backtest } from './backtest.js';
import type { HolidayOf, Model, TrainingData } from './models/model.js';
import { quantileSorted } from './quantile.js';
import { Rng } from './random.js';
import { TUNING } from './tuning.js';

/** One metric's observed series and the windows, as day numbers. */
export interface MetricData {
  /** Dense values from `start` (day number); null = unknown. */
  values: (number | null)[];
  start: number;
  baseline: [number, number];
  loss: [number, number];
  isExcluded: (day: number) => boolean;
  holidayOf: HolidayOf;
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
  widening: number;
  actual: number;
  expected: number;
  lost: number;
  lower: number;
  upper: number;
  pValue: number;
  daily: DailyEstimate[];
}

/** Observed, non-excluded baseline days of a metric. */
export function trainingData(d: MetricData): TrainingData {
  const days: number[] = [];
  const y: number[] = [];
  for (let day = d.baseline[0]; day <= d.baseline[1]; day++) {
    const v = d.values[day - d.start];
    if (v === null || v === undefined || d.isExcluded(day)) continue;
    days.push(day);
    y.push(v);
  }
  return { days: Int32Array.from(days), y: Float64Array.from(y), holidayOf: d.holidayOf };
}

/**
 * Estimate one metric with `model`: widen its simulated spread by the conformal factor
 * of its backtest `bt`, then infer totals, bands and the p-value.
 */
export function inferMetric(d: MetricData, model: Model, train: TrainingData, bt: Backtest, level: number, seed: number): MetricEstimate {
  const widen = widening(bt.windows.map((w) => w.ratio), level);
  return { ...infer(d, model, train, level, widen, new Rng(seed)), widening: widen };
}

/** Fit on the whole baseline and turn simulated loss-window paths into totals and bands. */
function infer(d: MetricData, model: Model, train: TrainingData, level: number, widen: number, rng: Rng) {
  const fit = model.fit(train);
  const h = d.loss[1] - d.loss[0] + 1;
  const days = Int32Array.from({ length: h }, (_, i) => d.loss[0] + i);
  const mean = fit.mean(days);
  const draws = TUNING.draws;
  const paths = fit.simulate(days, draws, rng);
  const qLo = (1 - level) / 2;
  const qHi = (1 + level) / 2;
  const daily: DailyEstimate[] = [];
  const counted: number[] = [];
  let actual = 0;
  let expected = 0;
  const column = new Float64Array(draws);
  for (let t = 0; t < h; t++) {
    const v = d.values[days[t] - d.start] ?? null;
    const isCounted = v !== null && !d.isExcluded(days[t]);
    for (let s = 0; s < draws; s++) column[s] = paths[s * h + t];
    const band = widenedBand(column, mean[t], widen, qLo, qHi);
    daily.push({ day: days[t], actual: v, expected: mean[t], lower: band[0], upper: band[1], counted: isCounted });
    if (isCounted) {
      counted.push(t);
      actual += v;
      expected += mean[t];
    }
  }
  const sub = new Float64Array(draws * counted.length);
  for (let s = 0; s < draws; s++) for (let j = 0; j < counted.length; j++) sub[s * counted.length + j] = paths[s * h + counted[j]];
  const totals = widenTotals(pathTotals(sub, draws, counted.length, expected), expected, widen);
  return {
    summary: fit.summary(),
    actual,
    expected,
    lost: expected - actual,
    lower: quantileSorted(totals, qLo) - actual,
    upper: quantileSorted(totals, qHi) - actual,
    pValue: tailProbability(totals, actual),
    daily,
  };
}

/** Stretch sorted totals away from `center` by `widen` (≥ 1), keeping them ≥ 0. */
function widenTotals(sorted: Float64Array, center: number, widen: number): Float64Array {
  if (widen === 1) return sorted;
  return sorted.map((v) => Math.max(0, center + widen * (v - center)));
}

/** A day's counterfactual band: draws re-centred on the point forecast, widened, ≥ 0. */
function widenedBand(column: Float64Array, center: number, widen: number, qLo: number, qHi: number): [number, number] {
  let sum = 0;
  for (let s = 0; s < column.length; s++) sum += column[s];
  const shift = center - sum / column.length;
  const sorted = column.map((v) => v + shift).sort();
  const lo = center + widen * (quantileSorted(sorted, qLo) - center);
  const hi = center + widen * (quantileSorted(sorted, qHi) - center);
  return [Math.max(0, lo), Math.max(0, hi)];
}
