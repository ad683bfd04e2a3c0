// The log-link regression family behind `trend` and `count`: the daily series on an
// optional trend, weekday, holiday (and, with ≥ 2 years of baseline, yearly Fourier)
// effects, with a quadratic variance and a wandering level (level.ts). Effects are
// multiplicative (a Saturday is ×1.7 whatever the level) and forecasts never negative.
// Paths draw the coefficients from their (misfit-inflated) covariance, a level path,
// and day noise: block-bootstrapped residuals, or negative-binomial/Gamma draws.
import { clusterCovariance, estimateVariance, fitLogLink, sparseRows, varianceAt, type VarianceFn } from '../glm.js';
import { cholesky } from '../linalg.js';
import { levelShift } from '../breaks.js';
import { BlockBootstrap } from '../noise.js';
import { fitLevel, levelMultiplier, simulateLogLevel, type LevelFit } from '../level.js';
import type { Rng } from '../random.js';
import { TUNING } from '../tuning.js';
import { weekday } from '../dates.js';
import type { Forecast, HolidayShare, TrainingData } from './model.js';

const YEAR = 365.25;

/** What distinguishes the models of the family. */
export interface RegressionSpec {
  /** Fit a log-linear trend (else the level alone carries slow change). */
  trend: boolean;
  /** Regress on the control series (training data must carry one). */
  control?: boolean;
  /** Day noise: resampled residuals, or parametric draws (NB for counts, Gamma for money). */
  noise: 'bootstrap' | 'parametric';
}

/** Which columns the design has, fixed at fit time so forecasts use the same layout. */
interface Design {
  anchor: number;
  trend: boolean;
  /** Column of the first weekday dummy. */
  wd: number;
  /** Weekday dummies: 6 for daily data, none for weeks and months. */
  weekdays: number;
  major: boolean;
  minor: boolean;
  /** The eve of a major break, its last week and the week before (core/calendar.ts): columns when the training data hold them. */
  eve: boolean;
  eveBefore: boolean;
  harmonics: number;
  holidayShare: HolidayShare;
  /** First day of a lasting new level (core/breaks.ts): a step column from it, else null. */
  stepDay: number | null;
  /** log(1 + control) as a regressor (the `control` model), else null. */
  covariate: ((point: number) => number) | null;
  p: number;
}

/** Build the design for a training set: drop holiday columns it never saw. */
function makeDesign(data: TrainingData, trend: boolean, control: boolean): Design {
  const n = data.days.length;
  let major = false;
  let minor = false;
  let eve = false;
  let eveBefore = false;
  for (let i = 0; i < n; i++) {
    const [mi, ma, ev, eb] = data.holidayShare(data.days[i]);
    if (ma > 0) major = true;
    if (mi > 0) minor = true;
    if (ev > 0) eve = true;
    if (eb > 0) eveBefore = true;
  }
  const span = n ? data.days[n - 1] - data.days[0] + 1 : 0;
  const harmonics = hasYearlyCycle(data, span) ? TUNING.yearlyHarmonics : 0;
  const wd = trend ? 2 : 1;
  const weekdays = data.period === 'day' ? 6 : 0; // weeks and months hold every weekday
  const covariate = control && data.control ? data.control : null;
  // a step for a detected lasting level change: the level after it comes from the days after it,
  // while weekday and holiday effects still learn from the whole baseline
  const stepDay = levelShift(data)?.day ?? null;
  const p = wd + weekdays + (major ? 1 : 0) + (minor ? 1 : 0) + (eve ? 1 : 0) + (eveBefore ? 1 : 0) + 2 * harmonics + (stepDay !== null ? 1 : 0) + (covariate ? 1 : 0);
  return { anchor: n ? data.days[n - 1] : 0, trend, wd, weekdays, major, minor, eve, eveBefore, harmonics, holidayShare: data.holidayShare, stepDay, covariate, p };
}

/**
 * Model the yearly cycle: on a baseline of `yearlyMinDays` or more, and on a backtest cut of
 * such a baseline that still holds a whole year. Without the second, cuts were scored without
 * the cycle the final fit has, their misses widened its intervals ~1.5–1.8×.
 */
function hasYearlyCycle(data: TrainingData, span: number): boolean {
  return span >= TUNING.yearlyMinDays || (data.yearly === true && span >= TUNING.yearlyCutMinDays);
}

/** Write the design row of `day` into `row` (length p). */
function fillRow(d: Design, day: number, row: Float64Array, at = 0): void {
  row[at] = 1;
  if (d.trend) row[at + 1] = (day - d.anchor) / YEAR;
  if (d.weekdays) {
    const wd = weekday(day);
    for (let k = 1; k < 7; k++) row[at + d.wd + k - 1] = wd === k ? 1 : 0;
  }
  let j = at + d.wd + d.weekdays;
  const [minor, major, eve, eveBefore] = d.holidayShare(day);
  if (d.major) row[j++] = major;
  if (d.minor) row[j++] = minor;
  // an eve seen in one of its weeks only (a baseline ending inside it): that week's column for both
  if (d.eve) row[j++] = d.eveBefore ? eve : eve + eveBefore;
  if (d.eveBefore) row[j++] = d.eve ? eveBefore : eve + eveBefore;
  for (let k = 1; k <= d.harmonics; k++) {
    const angle = (2 * Math.PI * k * day) / YEAR;
    row[j++] = Math.sin(angle);
    row[j++] = Math.cos(angle);
  }
  if (d.stepDay !== null) row[j++] = day >= d.stepDay ? 1 : 0;
  if (d.covariate) row[j++] = Math.log1p(d.covariate(day));
}

/** Prior precision per column: flat intercept, shrunk trend and effects. */
function priorPrecision(d: Design): Float64Array {
  const prec = new Float64Array(d.p).fill(1 / TUNING.effectPriorSd ** 2);
  prec[0] = 0;
  if (d.trend) prec[1] = 1 / TUNING.trendPriorSd ** 2;
  return prec;
}

/** Design matrix (n × p) of the given days. */
function designMatrix(d: Design, days: ArrayLike<number>): Float64Array {
  const x = new Float64Array(days.length * d.p);
  const row = new Float64Array(d.p);
  for (let i = 0; i < days.length; i++) {
    fillRow(d, days[i], row);
    x.set(row, i * d.p);
  }
  return x;
}

/** What only simulated paths (and the summary) need: worked out on first use. */
interface PathParts {
  /** Variance of the day noise around regression × level. */
  variance: VarianceFn;
  noise: BlockBootstrap;
  /** Cholesky factor of the (misfit-inflated) coefficient covariance. */
  chol: Float64Array;
}

class RegressionForecast implements Forecast {
  private parts: PathParts | null = null;
  constructor(
    private readonly design: Design,
    private readonly beta: Float64Array,
    private readonly converged: boolean,
    private readonly level: LevelFit,
    private readonly parametric: { counts: boolean } | null,
    /** Backtests only score point forecasts of most fits: the rest waits until asked for. */
    private readonly makeParts: () => PathParts,
  ) {}

  private get paths(): PathParts {
    return (this.parts ??= this.makeParts());
  }

  mean(days: ArrayLike<number>): Float64Array {
    const x = designMatrix(this.design, days);
    const mu = expRows(x, this.beta, days.length, this.design.p);
    for (let t = 0; t < days.length; t++) mu[t] *= levelMultiplier(this.level, days[t]);
    return mu;
  }

  simulate(days: ArrayLike<number>, draws: number, rng: Rng): Float64Array {
    const h = days.length;
    const p = this.design.p;
    const x = designMatrix(this.design, days);
    const eta = new Float64Array(h);
    for (let t = 0; t < h; t++) for (let j = 0; j < p; j++) eta[t] += x[t * p + j] * this.beta[j];
    // η* = Xβ̂ + X(Lz): a draw's coefficient shift Lz costs p², then each day only its
    // row's few non-zeros (intercept, trend, its weekday)
    const { start, col, val } = sparseRows(x, h, p);
    const { chol: l, noise, variance } = this.paths;
    const out = new Float64Array(draws * h);
    const z = new Float64Array(p);
    const shift = new Float64Array(p);
    const r = new Float64Array(h);
    const level = new Float64Array(h);
    for (let s = 0; s < draws; s++) {
      for (let j = 0; j < p; j++) z[j] = rng.normal();
      for (let i = 0; i < p; i++) {
        let v = 0;
        for (let j = 0; j <= i; j++) v += l[i * p + j] * z[j];
        shift[i] = v;
      }
      if (!this.parametric) noise.sample(r, 0, h, rng);
      simulateLogLevel(this.level, days, rng, level);
      for (let t = 0; t < h; t++) {
        let e = eta[t];
        for (let a = start[t]; a < start[t + 1]; a++) e += val[a] * shift[col[a]];
        const m = Math.exp(Math.min(30, e) + level[t]);
        out[s * h + t] = this.parametric
          ? drawDay(rng, m, varianceAt(variance, m), this.parametric.counts)
          : Math.max(0, m + Math.sqrt(varianceAt(variance, m)) * r[t]);
      }
    }
    return out;
  }

  summary() {
    const d = this.design;
    const { variance, noise } = this.paths;
    const out: Record<string, number | string | boolean> = {
      ...(d.trend ? { trendPerYear: round4(Math.exp(this.beta[1]) - 1) } : {}),
      yearlySeasonality: d.harmonics > 0,
      dispersionA: round4(variance.a),
      dispersionB: round4(variance.b),
      residualLag1: round4(noise.lag1),
      levelPhi: this.level.phi,
      levelSd: round4(this.level.phi < 1 ? Math.sqrt(this.level.q / (1 - this.level.phi ** 2)) : 0),
      levelNow: round4(Math.exp(this.level.m)),
      converged: this.converged,
    };
    const names = ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    if (d.weekdays) names.forEach((n, k) => (out[`weekday.${n}`] = round4(Math.exp(this.beta[d.wd + k]))));
    let j = d.wd + d.weekdays;
    if (d.major) out['holiday.major'] = round4(Math.exp(this.beta[j++]));
    if (d.minor) out['holiday.minor'] = round4(Math.exp(this.beta[j++]));
    if (d.eve) out['holiday.eve'] = round4(Math.exp(this.beta[j++]));
    if (d.eveBefore) out['holiday.eveBefore'] = round4(Math.exp(this.beta[j++]));
    if (d.stepDay !== null) out.levelShift = round4(Math.exp(this.beta[j + 2 * d.harmonics]));
    if (d.covariate) out.controlElasticity = round4(this.beta[d.p - 1]);
    return out;
  }
}

/** exp(X b) for each of n rows of a row-major (n × p) matrix. */
function expRows(x: Float64Array, b: ArrayLike<number>, n: number, p: number): Float64Array {
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j] * b[j];
    mu[i] = Math.exp(Math.min(30, s));
  }
  return mu;
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/**
 * A day's value with mean m and variance v, never negative: negative binomial (Poisson
 * when not overdispersed) for counts, Gamma for money.
 */
function drawDay(rng: Rng, m: number, v: number, counts: boolean): number {
  if (!(m > 0)) return 0;
  if (counts) return v <= m * 1.0001 ? rng.poisson(m) : rng.negbin(m, (m * m) / (v - m));
  const shape = (m * m) / v;
  return (rng.gamma(shape) * v) / m;
}

/**
 * Fit in stages: Poisson-weighted IRLS, the moment variance, a refit with it, then the
 * level filter on the residuals; the day noise around regression × level and the
 * coefficients' inflated covariance only when paths are drawn.
 */
export function fitRegression(data: TrainingData, spec: RegressionSpec): Forecast {
  const design = makeDesign(data, spec.trend, spec.control ?? false);
  const x = designMatrix(design, data.days);
  const prior = priorPrecision(design);
  const first = fitLogLink(x, data.y, design.p, prior, { a: 1, b: 0 });
  const variance = estimateVariance(data.y, first.mu);
  const fit = fitLogLink(x, data.y, design.p, prior, variance, first.beta);
  const level = fitLevel(data.days, data.y, fit.mu, variance);
  const parametric = spec.noise === 'parametric' ? { counts: data.y.every((v) => Number.isInteger(v)) } : null;
  const parts = (): PathParts => {
    const adjusted = fit.mu.map((m, i) => m * Math.exp(level.filtered[i]));
    const noiseVariance = estimateVariance(data.y, adjusted);
    const noise = BlockBootstrap.fromFit(data.y, adjusted, noiseVariance, TUNING.blockPoints[data.period]);
    // slow misfit makes the trend less certain than independent days suggest: take the
    // larger of the lag-1 inflation and the monthly-cluster sandwich's inflation of the slope
    const sandwich = clusterCovariance(x, data.y, data.days, fit.mu, variance, fit.cov, design.p, TUNING.clusterDays);
    const p = design.p;
    const k = design.trend ? 1 : 0; // the slope, or else the intercept, carries slow misfit
    const ratio = sandwich[k * p + k] / Math.max(fit.cov[k * p + k], 1e-300);
    const inflation = Math.max(noise.varianceInflation, Number.isFinite(ratio) ? ratio : 1);
    const scaled = fit.cov.map((c) => c * inflation);
    for (let j = 0; j < p; j++) scaled[j * p + j] += 1e-12;
    return { variance: noiseVariance, noise, chol: cholesky(scaled, p) ?? new Float64Array(p * p) };
  };
  return new RegressionForecast(design, fit.beta, fit.converged, level, parametric, parts);
}
