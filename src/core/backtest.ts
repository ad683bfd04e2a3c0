// Rolling-origin backtests inside the baseline: pretend the incident happened at earlier
// dates, forecast a window as long as the real one, and compare with what happened.
// They score models (for `auto`) and calibrate interval width (conformal widening).
import type { Model, TrainingData } from './models/model.js';
import { quantileSorted } from './quantile.js';
import { Rng } from './random.js';
import { TUNING } from './tuning.js';
import { fromDay } from './dates.js';

/** One pseudo-incident: what the model expected over the window and what happened. */
export interface BacktestWindow {
  start: string;
  end: string;
  actual: number;
  expected: number;
  lower: number;
  upper: number;
  /** How far outside its own interval the actual fell: ≤ 1 inside, 2 = twice the half-width. */
  ratio: number;
  /** One-sided tail probability P(counterfactual ≤ actual) under the model. */
  pValue: number;
}

export interface Backtest {
  horizon: number;
  windows: BacktestWindow[];
}

/**
 * Backtest `model` on the observed baseline `data` with windows of `horizon` days
 * (shortened when the baseline is too short). Returns no windows when it cannot.
 */
export function backtest(model: Model, data: TrainingData, horizon: number, level: number, seed: number): Backtest {
  const n = data.days.length;
  if (n === 0) return { horizon: 0, windows: [] };
  const first = data.days[0];
  const last = data.days[n - 1];
  const minTrain = Math.max(TUNING.backtestMinTrainDays, model.minDays);
  const h = Math.min(horizon, last - first + 1 - minTrain);
  if (h < TUNING.backtestMinHorizon) return { horizon: 0, windows: [] };
  const step = Math.max(7, 7 * Math.round(h / 14));
  const windows: BacktestWindow[] = [];
  for (let k = 0; k < TUNING.backtestOrigins; k++) {
    const start = last - h + 1 - k * step;
    if (start - first < minTrain) break;
    const w = scoreWindow(model, data, start, start + h - 1, level, new Rng(seed + 7919 * (k + 1)));
    if (w) windows.push(w);
  }
  return { horizon: h, windows: windows.reverse() };
}

/** Fit before `start`, forecast start..end, and place the actual total in the forecast spread. */
function scoreWindow(model: Model, data: TrainingData, start: number, end: number, level: number, rng: Rng): BacktestWindow | null {
  const { days, y } = data;
  let cut = 0;
  while (cut < days.length && days[cut] < start) cut++;
  let stop = cut;
  while (stop < days.length && days[stop] <= end) stop++;
  const testDays = days.subarray(cut, stop);
  if (cut < model.minDays || testDays.length < (end - start + 1) / 2) return null;
  const fit = model.fit({ days: days.subarray(0, cut), y: y.subarray(0, cut), holidayOf: data.holidayOf });
  const mean = fit.mean(testDays);
  const draws = TUNING.backtestDraws;
  const paths = fit.simulate(testDays, draws, rng);
  let expected = 0;
  let actual = 0;
  for (let t = 0; t < testDays.length; t++) {
    expected += mean[t];
    actual += y[cut + t];
  }
  const totals = pathTotals(paths, draws, testDays.length, expected);
  const lower = quantileSorted(totals, (1 - level) / 2);
  const upper = quantileSorted(totals, (1 + level) / 2);
  return {
    start: fromDay(start),
    end: fromDay(end),
    actual,
    expected,
    lower,
    upper,
    ratio: outsideRatio(actual, expected, lower, upper),
    pValue: tailProbability(totals, actual),
  };
}

/**
 * Per-draw totals of (draws × h) paths, re-centred on `center`, sorted. Re-centring keeps
 * the spread and shape of the simulation but puts it around the point forecast.
 */
export function pathTotals(paths: Float64Array, draws: number, h: number, center: number): Float64Array {
  const totals = new Float64Array(draws);
  let sum = 0;
  for (let s = 0; s < draws; s++) {
    let t = 0;
    for (let i = 0; i < h; i++) t += paths[s * h + i];
    totals[s] = t;
    sum += t;
  }
  const shift = center - sum / draws;
  for (let s = 0; s < draws; s++) totals[s] = Math.max(0, totals[s] + shift);
  return totals.sort();
}

/**
 * Where `actual` falls relative to an interval around `center`, in half-widths:
 * `outsideRatio(70, 100, 80, 120) === 1.5` (30 below, half-width 20).
 */
export function outsideRatio(actual: number, center: number, lower: number, upper: number): number {
  const half = actual < center ? center - lower : upper - center;
  const gap = Math.abs(actual - center);
  if (half <= 0) return gap === 0 ? 0 : TUNING.maxWidening;
  return gap / half;
}

/** P(X ≤ actual) from sorted draws, with the +1 correction: never exactly 0. */
export function tailProbability(sortedDraws: Float64Array, actual: number): number {
  let lo = 0;
  let hi = sortedDraws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedDraws[mid] <= actual) lo = mid + 1;
    else hi = mid;
  }
  return (lo + 1) / (sortedDraws.length + 1);
}

/**
 * Conformal widening factor from backtest ratios: the ⌈(K+1)·level⌉-th smallest ratio
 * (the largest when K is small), never below 1 and capped. `widening([0.5, 2], 0.95) === 2`.
 */
export function widening(ratios: number[], level: number): number {
  if (ratios.length === 0) return 1;
  const sorted = [...ratios].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.ceil((sorted.length + 1) * level));
  return Math.min(TUNING.maxWidening, Math.max(1, sorted[rank - 1]));
}
