// Penalised log-link regression by IRLS, with a quadratic variance V(μ) = aμ + bμ²
// (Poisson: a=1,b=0; negative binomial: a=1,b=1/θ; revenue: both scaled by order value).
// The log link keeps every expected value positive and effects multiplicative.
import { TUNING } from './tuning.js';
import { cholesky, cholInverse, cholSolve } from './linalg.js';

/** Variance function V(μ) = a·μ + b·μ² of a count-like series. */
export interface VarianceFn {
  a: number;
  b: number;
}

/** Result of a fit: coefficients, their covariance, fitted means. */
export interface GlmFit {
  beta: Float64Array;
  /** (p × p) covariance of beta under V, row-major. */
  cov: Float64Array;
  mu: Float64Array;
  converged: boolean;
}

const ETA_MAX = 30;

/** V(μ) with a floor so a perfectly flat series still has a usable weight. */
export function varianceAt(v: VarianceFn, mu: number): number {
  return Math.max(v.a * mu + v.b * mu * mu, 1e-9 * (1 + mu * mu));
}

/** The non-zero entries of a matrix, row by row: row i's are at start[i] … start[i+1]. */
export interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/**
 * The non-zeros of a row-major (n × p) matrix. Designs are mostly zeros (one weekday
 * dummy of six, holidays now and then): sums over the non-zeros alone are the same sums,
 * in the same order, at a fraction of the work.
 */
export function sparseRows(x: Float64Array, n: number, p: number): SparseRows {
  const start = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = x[i * p + j];
      if (v !== 0) {
        col.push(j);
        val.push(v);
      }
    }
    start[i + 1] = col.length;
  }
  return { start, col: Int32Array.from(col), val: Float64Array.from(val) };
}

/**
 * Fit log E[y] = Xβ by penalised IRLS. X is (n × p) row-major; `precision` is the prior
 * precision of each coefficient (0 = flat, e.g. the intercept).
 */
export function fitLogLink(
  x: Float64Array,
  y: ArrayLike<number>,
  p: number,
  precision: ArrayLike<number>,
  variance: VarianceFn,
  start?: Float64Array,
): GlmFit {
  const n = y.length;
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i];
  // a start near the answer (the Poisson fit, for the refit) saves most iterations
  const beta = start ? Float64Array.from(start) : new Float64Array(p);
  if (!start) beta[0] = Math.log(Math.max(ySum / n, 1e-6));
  const sx = sparseRows(x, n, p);
  const { col, val } = sx;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  let converged = false;
  let l: Float64Array | null = null;
  for (let iter = 0; iter < TUNING.irlsMaxIter; iter++) {
    computeEta(sx, beta, n, eta, mu);
    // XᵀWX (lower triangle) and XᵀWz from each row's non-zeros
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const m = mu[i];
      const w = (m * m) / varianceAt(variance, m);
      const z = eta[i] + (y[i] - m) / Math.max(m, 1e-12);
      const first = sx.start[i];
      const end = sx.start[i + 1];
      for (let a = first; a < end; a++) {
        const j = col[a];
        const wxj = w * val[a];
        xtwz[j] += wxj * z;
        for (let b = first; b <= a; b++) xtwx[j * p + col[b]] += wxj * val[b];
      }
    }
    for (let j = 0; j < p; j++) {
      xtwx[j * p + j] += precision[j] + 1e-10;
      for (let k = 0; k < j; k++) xtwx[k * p + j] = xtwx[j * p + k];
    }
    l = cholesky(xtwx, p);
    if (!l) break;
    const next = cholSolve(l, p, xtwz);
    let change = 0;
    let size = 0;
    for (let j = 0; j < p; j++) {
      change = Math.max(change, Math.abs(next[j] - beta[j]));
      size = Math.max(size, Math.abs(next[j]));
      beta[j] = next[j];
    }
    if (change <= TUNING.irlsTol * (1 + size)) {
      converged = true;
      break;
    }
  }
  computeEta(sx, beta, n, eta, mu);
  const cov = l ? cholInverse(l, p) : new Float64Array(p * p);
  return { beta, cov, mu, converged };
}

/** η = Xβ (clamped) and μ = exp(η). */
function computeEta(sx: SparseRows, beta: Float64Array, n: number, eta: Float64Array, mu: Float64Array) {
  const { start, col, val } = sx;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = start[i]; a < start[i + 1]; a++) s += val[a] * beta[col[a]];
    eta[i] = Math.max(-ETA_MAX, Math.min(ETA_MAX, s));
    mu[i] = Math.exp(eta[i]);
  }
}

/**
 * Method-of-moments V(μ) = aμ + bμ² from residuals: regress (y−μ)²/μ on [1, μ]
 * with a, b ≥ 0. Example: Poisson data gives a ≈ 1, b ≈ 0.
 */
export function estimateVariance(y: ArrayLike<number>, mu: ArrayLike<number>): VarianceFn {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i];
    if (!(m > 1e-9)) continue;
    const r = ((y[i] - m) * (y[i] - m)) / m;
    n++;
    sx += m;
    sy += r;
    sxx += m * m;
    sxy += m * r;
  }
  if (n === 0) return { a: 1, b: 0 };
  const meanR = sy / n;
  const det = n * sxx - sx * sx;
  let a = meanR;
  let b = 0;
  if (n >= 3 && det > 1e-12 * n * sxx) {
    b = (n * sxy - sx * sy) / det;
    a = (sy - b * sx) / n;
    if (b < 0) {
      b = 0;
      a = meanR;
    } else if (a < 0) {
      a = 0;
      b = sxy / sxx;
    }
  }
  return { a: Math.max(a, 0), b: Math.max(b, 0) };
}

/**
 * Cluster-robust (sandwich) covariance of a log-link fit with clusters of `clusterDays`
 * consecutive days: captures slow, correlated misfit (a level that wanders for weeks)
 * that the model-based covariance ignores. `bread` is the model-based covariance.
 */
export function clusterCovariance(
  x: Float64Array,
  y: ArrayLike<number>,
  days: ArrayLike<number>,
  mu: ArrayLike<number>,
  variance: VarianceFn,
  bread: Float64Array,
  p: number,
  clusterDays: number,
): Float64Array {
  const meat = new Float64Array(p * p);
  const g = new Float64Array(p);
  let current = Math.floor(days[0] / clusterDays);
  const flush = () => {
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) meat[j * p + k] += g[j] * g[k];
    g.fill(0);
  };
  for (let i = 0; i < y.length; i++) {
    const c = Math.floor(days[i] / clusterDays);
    if (c !== current) {
      flush();
      current = c;
    }
    const m = mu[i];
    const u = ((y[i] - m) * m) / varianceAt(variance, m);
    for (let j = 0; j < p; j++) g[j] += x[i * p + j] * u;
  }
  flush();
  // bread · meat · bread
  const tmp = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += bread[i * p + j] * meat[j * p + k];
    tmp[i * p + k] = s;
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += tmp[i * p + j] * bread[j * p + k];
    out[i * p + k] = s;
  }
  return out;
}
