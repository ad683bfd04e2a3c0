// A lasting change of level inside the baseline (a product line added or dropped, a second
// shop opened): found so that backtest windows across it are not read as the model's usual
// error. A window whose training ended before the change and whose test ran after it measures
// the change, not the forecast; left in, one such event in a year of history dominates the
// calibration and widens every interval several-fold (bench/ACCURACY.md, level-shift design).
import { cholSolve, cholesky } from './linalg.js';
import type { TrainingData } from './models/model.js';

/** A lasting level change: the first day of the new level and the change as a ratio. */
export interface LevelShift {
  day: number;
  ratio: number;
}

/** Evidence a split needs: a robust t of the step, and a change worth calling lasting (±20 %). */
export const SHIFT_MIN_T = 6;
export const SHIFT_MIN_LOG = Math.log(1.2);
/** The step must also show as a jump between the months either side of it (|t| of the two means). */
export const SHIFT_MIN_JUMP_T = 4;
/** Weeks each side of a split: a month or more of the new level, so a promotion is not a shift. */
const MIN_WEEKS = 4;
/** A week with fewer observed days, or with a major holiday, says little about the level. */
const MIN_WEEK_DAYS = 5;

const cache = new WeakMap<TrainingData, LevelShift | null>();

/**
 * The strongest lasting level change in daily `data`, or null. Weeks are counted back from the
 * baseline's end (so each holds every weekday once); on their log mean the detector fits a
 * level, a trend and — for a two-year baseline — the yearly wave, plus a step at each candidate
 * week, and keeps the step with the largest |t|. The noise scale comes from the median absolute
 * week-to-week difference, which neither the step itself nor a promotion week inflates.
 */
export function levelShift(data: TrainingData): LevelShift | null {
  if (cache.has(data)) return cache.get(data)!;
  const found = data.period === 'day' ? detect(data) : null;
  cache.set(data, found);
  return found;
}

function detect(data: TrainingData): LevelShift | null {
  const { x, z, first } = weeklyLevels(data);
  const K = z.length;
  if (K < 2 * MIN_WEEKS + 4) return null;
  const yearly = data.yearly === true;
  const diff = diffScale(z);
  if (!(diff > 0)) return null;
  const fits = new StepFits(x, z, yearly);
  let best: { t: number; k: number; beta: Float64Array } | null = null;
  for (let k = MIN_WEEKS; k <= K - MIN_WEEKS; k++) {
    const fit = fits.at(k);
    if (!fit) continue;
    const t = Math.abs(fit.beta[fit.beta.length - 1]) / (diff * Math.sqrt(fit.v));
    if (!best || t > best.t) best = { t, k, beta: fit.beta };
  }
  if (!best) return null;
  const c = best.beta[best.beta.length - 1];
  // a slowly wandering level makes consecutive weeks alike: the fit's own residual scale then rules
  const sigma = Math.max(diff, residualScale(x, z, best.k, yearly, best.beta));
  const jump = localJump(z, best.k);
  const abrupt = Math.sign(jump) === Math.sign(c) && Math.abs(jump) >= SHIFT_MIN_LOG && Math.abs(jump) / (sigma * Math.sqrt(2 / MIN_WEEKS)) >= SHIFT_MIN_JUMP_T;
  if (!abrupt || best.t * (diff / sigma) < SHIFT_MIN_T || Math.abs(c) < SHIFT_MIN_LOG) return null;
  return { day: first[best.k], ratio: Math.exp(c) };
}

/**
 * The change between the MIN_WEEKS weeks after a split and the MIN_WEEKS before it: a shift is a
 * step, while a yearly swing or a trend moves the level only a little in a month.
 */
function localJump(z: number[], k: number): number {
  let before = 0, after = 0;
  for (let i = 0; i < MIN_WEEKS; i++) {
    before += z[k - 1 - i];
    after += z[k + i];
  }
  return (after - before) / MIN_WEEKS;
}

/** Log mean per day of whole weeks counted back from the last training day (oldest first). */
function weeklyLevels(data: TrainingData): { x: number[]; z: number[]; first: number[] } {
  const { days, y } = data;
  const n = days.length;
  const x: number[] = [], z: number[] = [], first: number[] = [];
  if (n === 0) return { x, z, first };
  const end = days[n - 1];
  let i = n - 1;
  for (let w = 0; ; w++) {
    const lo = end - 7 * w - 6;
    if (lo < days[0]) break;
    let sum = 0, count = 0, holiday = false;
    for (; i >= 0 && days[i] >= lo; i--) {
      sum += y[i];
      count++;
      if (data.holidayOf(days[i]) >= 2) holiday = true; // a break, or the eve of one when it is this seller's season (else kind 0)
    }
    if (count < MIN_WEEK_DAYS || holiday) continue;
    x.push(-w);
    z.push(Math.log(sum / count + 0.5));
    first.push(lo);
  }
  x.reverse();
  z.reverse();
  first.reverse();
  return { x, z, first };
}

/** σ of one week's log level from the median |difference| of consecutive weeks (MAD/0.6745, /√2). */
function diffScale(z: number[]): number {
  const d: number[] = [];
  for (let k = 1; k < z.length; k++) d.push(Math.abs(z[k] - z[k - 1]));
  return median(d) / 0.6745 / Math.SQRT2;
}

/**
 * Least squares of z on [1, week, (yearly cos, sin), step from index k], for every k: the rows
 * without the step are fixed, so XᵀX and Xᵀz are their sums plus the step column's, which are
 * suffix sums — one pass over the weeks, then a 3×3 or 5×5 solve per split.
 */
class StepFits {
  private readonly p: number;
  private readonly A0: Float64Array;
  private readonly b0: Float64Array;
  /** suffix[k·(p−1) + r] = Σ_{i ≥ k} row_i[r]; suffixZ[k] = Σ_{i ≥ k} z_i. */
  private readonly suffix: Float64Array;
  private readonly suffixZ: Float64Array;

  constructor(x: number[], z: number[], yearly: boolean) {
    const K = z.length;
    const p = (this.p = yearly ? 5 : 3);
    const q = p - 1;
    this.A0 = new Float64Array(q * q);
    this.b0 = new Float64Array(q);
    this.suffix = new Float64Array((K + 1) * q);
    this.suffixZ = new Float64Array(K + 1);
    const row = new Float64Array(p);
    for (let i = K - 1; i >= 0; i--) {
      designRow(row, x[i], false, yearly);
      for (let r = 0; r < q; r++) {
        this.b0[r] += row[r] * z[i];
        for (let s = 0; s < q; s++) this.A0[r * q + s] += row[r] * row[s];
        this.suffix[i * q + r] = this.suffix[(i + 1) * q + r] + row[r];
      }
      this.suffixZ[i] = this.suffixZ[i + 1] + z[i];
    }
  }

  /** The fit with the step from week index k: coefficients and [(XᵀX)⁻¹]_step, or null if singular. */
  at(k: number): { beta: Float64Array; v: number } | null {
    const p = this.p, q = p - 1;
    const K = this.suffixZ.length - 1;
    const A = new Float64Array(p * p);
    const b = new Float64Array(p);
    for (let r = 0; r < q; r++) {
      for (let s = 0; s < q; s++) A[r * p + s] = this.A0[r * q + s];
      A[r * p + q] = A[q * p + r] = this.suffix[k * q + r];
      b[r] = this.b0[r];
    }
    A[q * p + q] = K - k;
    b[q] = this.suffixZ[k];
    const L = cholesky(A, p);
    if (!L) return null;
    const last = new Float64Array(p);
    last[q] = 1;
    return { beta: cholSolve(L, p, b), v: cholSolve(L, p, last)[q] };
  }
}

/** [1, week/52, (yearly cos, sin), step] for week `x`. */
function designRow(row: Float64Array, x: number, after: boolean, yearly: boolean): void {
  row[0] = 1;
  row[1] = x / 52;
  if (yearly) {
    const a = (2 * Math.PI * 7 * x) / 365.25;
    row[2] = Math.cos(a);
    row[3] = Math.sin(a);
  }
  row[row.length - 1] = after ? 1 : 0;
}

/** σ of the step fit's residuals, robustly (MAD/0.6745). */
function residualScale(x: number[], z: number[], k: number, yearly: boolean, beta: Float64Array): number {
  const row = new Float64Array(beta.length);
  const r = z.map((zi, i) => {
    designRow(row, x[i], i >= k, yearly);
    let f = 0;
    for (let s = 0; s < beta.length; s++) f += row[s] * beta[s];
    return Math.abs(zi - f);
  });
  return median(r) / 0.6745;
}

function median(v: number[]): number {
  const d = [...v].sort((a, b) => a - b);
  const m = d.length >> 1;
  return d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2;
}
