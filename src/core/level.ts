// A slowly wandering level on top of a regression: y_t ≈ μ_t·exp(ℓ_t), ℓ_t AR(1).
// Sellers' demand drifts for weeks (a good review, a competitor, a season the calendar
// does not know). The level is filtered from the regression's relative residuals by a
// scalar Kalman filter; its persistence φ and spread are chosen by likelihood on a grid.
// The forecast starts from the last filtered level and decays back to the regression.
// The filter is robust: a day's innovation beyond HUBER_K of its s.d. moves the level as one of
// HUBER_K would, and counts in the likelihood with Huber's loss, so one deal day at the end of
// the baseline is no new level (it raised a whole loss window's counterfactual ~1.5× its own size).
import { varianceAt, type VarianceFn } from './glm.js';
import type { Rng } from './random.js';

/** The fitted level process and its state at the end of the training data. */
export interface LevelFit {
  phi: number;
  /** Innovation variance per day. */
  q: number;
  /** Filtered level and its variance on the last training day. */
  m: number;
  p: number;
  /** Filtered level on each training day (for residuals). */
  filtered: Float64Array;
  /** Day number of the last training day. */
  lastDay: number;
}

const PHIS = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995];
const SPREADS = [0, 0.03, 0.06, 0.1, 0.15, 0.25, 0.4];
/** Huber's bound on a day's standardized innovation. */
const HUBER_K = 2.5;

/** Choose (φ, spread) by the likelihood of the relative residuals (Gaussian, with Huber's loss past HUBER_K) and filter with them. */
export function fitLevel(days: ArrayLike<number>, y: ArrayLike<number>, mu: ArrayLike<number>, v: VarianceFn): LevelFit {
  const n = y.length;
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = Math.max(mu[i], 1e-9);
    z[i] = (y[i] - m) / m;
    r[i] = varianceAt(v, m) / (m * m);
  }
  let best = { ll: -Infinity, phi: 0, q: 0 };
  // without spread there is no level whatever φ: that likelihood is computed once
  const flat = filter(days, z, r, 0, 0, 0, null);
  for (const phi of PHIS) {
    for (const s of SPREADS) {
      const q = s * s * (1 - phi * phi);
      const ll = s === 0 ? flat : filter(days, z, r, phi, q, s * s, null);
      if (ll > best.ll + 1e-9) best = { ll, phi, q };
    }
  }
  const filtered = new Float64Array(n);
  const state = { m: 0, p: 0 };
  const s2 = best.phi < 1 ? best.q / (1 - best.phi * best.phi) : 0;
  filter(days, z, r, best.phi, best.q, s2, filtered, state);
  return { phi: best.phi, q: best.q, m: state.m, p: state.p, filtered, lastDay: n ? days[n - 1] : 0 };
}

/** Run the filter; returns the log-likelihood, fills `out` with filtered levels. */
function filter(
  days: ArrayLike<number>, z: Float64Array, r: Float64Array, phi: number, q: number, s2: number,
  out: Float64Array | null, state?: { m: number; p: number },
): number {
  let m = 0;
  let p = s2;
  let ll = 0;
  for (let i = 0; i < z.length; i++) {
    if (i > 0) {
      const k = days[i] - days[i - 1];
      const pk = k === 1 ? phi : phi ** k; // consecutive days are the rule; pow is slow
      m *= pk;
      p = pk * pk * p + (phi < 1 ? s2 * (1 - pk * pk) : q * k);
    }
    const f = p + r[i];
    const sf = Math.sqrt(f);
    let innov = z[i] - m;
    const u = Math.abs(innov) / sf;
    ll -= 0.5 * (Math.log(f) + (u <= HUBER_K ? u * u : 2 * HUBER_K * u - HUBER_K * HUBER_K));
    if (u > HUBER_K) innov = (innov > 0 ? HUBER_K : -HUBER_K) * sf;
    const gain = p / f;
    m += gain * innov;
    p *= 1 - gain;
    if (out) out[i] = m;
  }
  if (state) {
    state.m = m;
    state.p = p;
  }
  return ll;
}

/** Point forecast multiplier of the level `k` days after the last training day. */
export function levelMultiplier(l: LevelFit, day: number): number {
  return Math.exp(l.m * l.phi ** (day - l.lastDay));
}

/** Simulate one path of the log-level ℓ over `days` (ascending, after the training data) into `out`. */
export function simulateLogLevel(l: LevelFit, days: ArrayLike<number>, rng: Rng, out: Float64Array): void {
  const s2 = l.phi < 1 ? l.q / (1 - l.phi * l.phi) : 0;
  if (s2 === 0 && l.p === 0 && l.m === 0) {
    out.fill(0, 0, days.length);
    return;
  }
  // consecutive days (k = 1) are the rule: their decay and noise are computed once
  const sd1 = Math.sqrt(Math.max(0, s2 * (1 - l.phi * l.phi)));
  let x = l.m + Math.sqrt(l.p) * rng.normal();
  let prev = l.lastDay;
  for (let t = 0; t < days.length; t++) {
    const k = days[t] - prev;
    if (k === 1) x = l.phi * x + sd1 * rng.normal();
    else {
      const pk = l.phi ** k;
      x = pk * x + Math.sqrt(Math.max(0, s2 * (1 - pk * pk))) * rng.normal();
    }
    out[t] = x;
    prev = days[t];
  }
}
