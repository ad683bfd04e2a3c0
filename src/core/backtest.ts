// Rolling-origin backtests inside the baseline: pretend the incident happened at earlier
// dates, forecast a window as long as the real one, and compare with what happened.
// They score models (for `auto`) and scale interval width (RMS past error × Student t).
import { fitCached, type Model, type TrainingData } from './models/model.js';
import { standardDeviation } from './quantile.js';
import { Rng } from './random.js';
import { TUNING } from './tuning.js';
import { fromDay } from './dates.js';
import { levelShift } from './breaks.js';

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
  /** Points between successive origins (windows overlap when step < horizon). */
  step: number;
  windows: BacktestWindow[];
}

/**
 * Backtest each of `models` on the observed baseline `data` with windows of `horizon`
 * points (at least backtestMinPoints; shortened when the baseline is too short); one Backtest per model, in order.
 * Every model sees the same windows and the same training sets, so fits are shared (also
 * across calls). Without `simulate` only point forecasts are scored (interval fields NaN):
 * enough to choose a model; the chosen one is then simulated for calibration.
 */
export function backtest(models: Model[], data: TrainingData, horizon: number, level: number, seed: number, simulate = true): Backtest[] {
  const n = data.days.length;
  const period = data.period;
  const minTrain = Math.max(TUNING.backtestMinTrain[period], ...(period === 'day' ? models.map((m) => m.minDays) : []));
  // a loss window shorter than the least backtest window (an estimate the Monday after a weekend
  // incident) is calibrated on windows of that least length: too few points score nothing
  const h = Math.min(Math.max(horizon, TUNING.backtestMinPoints[period]), n - minTrain);
  if (h < TUNING.backtestMinPoints[period]) return models.map(() => ({ horizon: 0, step: 0, windows: [] }));
  // origins a whole number of weeks apart keep weekdays aligned with the real window
  const step = period === 'day' ? Math.max(7, 7 * Math.round(h / 14)) : Math.max(1, Math.round(h / 2));
  const out = models.map(() => ({ horizon: h, step, windows: [] as BacktestWindow[] }));
  splitsOf(data, h, minTrain, step).forEach((split, k) => {
    models.forEach((model, i) => {
      const rng = new Rng(seed + 7919 * (k + 1));
      out[i].windows.unshift(scoreWindow(model, split, level, rng, simulate));
    });
  });
  return out;
}

const splitCache = new WeakMap<TrainingData, Map<string, Split[]>>();

/** The training/test splits of the rolling origins, newest first; the same objects on every call. */
function splitsOf(data: TrainingData, h: number, minTrain: number, step: number): Split[] {
  let byKey = splitCache.get(data);
  if (!byKey) splitCache.set(data, (byKey = new Map()));
  const key = `${h}:${minTrain}:${step}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const n = data.days.length;
  const splits: Split[] = [];
  const shift = levelShift(data);
  // the first eve's first and last training index, when the eve is the seller's season (a run of eve
  // days with holidays or unknown days among them: it ends where the break begins)
  let firstEve = n;
  let lastEve = n;
  if (data.eve) {
    for (let i = 0; i < n && firstEve === n; i++) if (data.holidayOf(data.days[i]) >= 3) firstEve = i;
    for (let i = firstEve; i < n && data.holidayOf(data.days[i]) !== 2 && data.days[i] - data.days[firstEve] < TUNING.eveDays; i++) if (data.holidayOf(data.days[i]) >= 3) lastEve = i;
  }
  for (let k = 0; splits.length < TUNING.backtestOrigins; k++) {
    const end = n - k * step; // exclusive index of the test window
    const cut = end - h;
    if (cut < minTrain) break;
    // a window the shift falls into (or just before, too soon to be learnt) measures the shift: an older origin takes its place
    if (shift && shift.day < data.days[end - 1] && shift.day > data.days[cut] - TUNING.shiftSettleDays) continue;
    // a window over the first eve while its training saw none of it, or only part, measures a season the real fit knows
    if (firstEve < n && cut <= lastEve && end > firstEve) continue;
    splits.push({
      train: { ...data, days: data.days.subarray(0, cut), y: data.y.subarray(0, cut) },
      testDays: data.days.subarray(cut, end),
      testY: data.y.subarray(cut, end),
    });
  }
  byKey.set(key, splits);
  return splits;
}

interface Split {
  train: TrainingData;
  testDays: Int32Array;
  testY: Float64Array;
}

/** Fit before the window, forecast it, and place the actual total in the forecast spread. */
function scoreWindow(model: Model, split: Split, level: number, rng: Rng, simulate: boolean): BacktestWindow {
  const { testDays, testY } = split;
  const fit = fitCached(model, split.train);
  const mean = fit.mean(testDays);
  let expected = 0;
  let actual = 0;
  for (let t = 0; t < testDays.length; t++) {
    expected += mean[t];
    actual += testY[t];
  }
  const start = fromDay(testDays[0]);
  const end = fromDay(testDays[testDays.length - 1]);
  if (!simulate) return { start, end, actual, expected, lower: NaN, upper: NaN, ratio: NaN, pValue: NaN };
  const draws = TUNING.backtestDraws;
  const paths = fit.simulate(testDays, draws, rng);
  const totals = pathTotals(paths, draws, testDays.length, expected);
  // the spread of a window total is taken from the draws' s.d. (steady with few draws);
  // its interval is the normal one at `level`, so `ratio` is |z| / z_level
  const sd = standardDeviation(totals);
  const half = normalQuantile((1 + level) / 2) * sd;
  return {
    start,
    end,
    actual,
    expected,
    lower: expected - half,
    upper: expected + half,
    ratio: outsideRatio(actual, expected, expected - half, expected + half),
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
 * Scale factor for the model's intervals from its backtest. The RMS of the standardised
 * past errors (ratio × z) estimates how wrong the model's spread is; estimated from a few
 * windows, a new window's error follows Student's t with the windows' effective number as
 * degrees of freedom, so the factor is RMS(ratio) × t_ν. Clamped to [minWidening,
 * maxWidening]. `widening({windows: [8 × ratio 0.4], step = horizon})` = 0.4 × t_8 ≈ 0.92.
 */
export function widening(bt: Pick<Backtest, 'windows' | 'horizon' | 'step'>, level: number): number {
  const ratios = bt.windows.map((w) => w.ratio);
  if (ratios.length === 0) return 1;
  const rms = Math.sqrt(ratios.reduce((a, r) => a + r * r, 0) / ratios.length);
  const factor = rms * studentQuantile((1 + level) / 2, effectiveWindows(ratios.length, bt.step, bt.horizon));
  return Math.min(TUNING.maxWidening, Math.max(TUNING.minWidening, factor));
}

/**
 * Overlapping windows share days, so K of them carry less than K windows' evidence about a
 * variance: ν = K / (1 + 2 Σ ρ_j²), with ρ_j = 1 − j·step/horizon the share two windows j
 * origins apart have in common. `effectiveWindows(8, 30, 60)` = 8 / 1.5 ≈ 5.3.
 */
export function effectiveWindows(k: number, step: number, horizon: number): number {
  let s = 0;
  for (let j = 1; j < k; j++) {
    const rho = Math.max(0, 1 - (j * step) / horizon);
    s += rho * rho;
  }
  return k / (1 + 2 * s);
}

/**
 * Student's t quantile by the Cornish–Fisher expansion around the normal one (error below
 * 1e-3 for ν ≥ 4): `studentQuantile(0.975, 8)` ≈ 2.306.
 */
export function studentQuantile(p: number, nu: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  return (
    z +
    (z * (z2 + 1)) / (4 * nu) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * nu * nu) +
    (z * (3 * z2 * z2 * z2 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * nu ** 3)
  );
}

/**
 * Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
 * `normalQuantile(0.975)` ≈ 1.959964.
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
