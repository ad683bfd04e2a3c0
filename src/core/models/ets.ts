// `ets`: exponential smoothing with a damped additive trend and weekly seasonality,
// ETS(A,Ad,A), on the log scale (so effects are multiplicative and forecasts positive),
// after dividing holidays out by their baseline ratio. Smoothing parameters are chosen on
// a grid by one-step squared error; paths run the state equations forward with
// block-resampled one-step errors (R forecast's simulate(bootstrap = TRUE)).
// The filter is robust (Gelper, Fried & Croux 2010): a one-step error beyond HUBER_K running
// robust s.d. moves the state as one of HUBER_K s.d. would, so a deal day or a bulk order at
// the end of the baseline is not taken for a new level and trend.
import { BlockBootstrap } from '../noise.js';
import type { Rng } from '../random.js';
import { weekday } from '../dates.js';
import type { Forecast, Model, TrainingData } from './model.js';
import { hasEve, holidayRatios } from './holiday-ratio.js';
import { mapToFloat64 } from '../linalg.js';

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

interface State {
  level: number;
  trend: number;
  /** Seasonal term by weekday (0 = Monday). */
  season: Float64Array;
}

const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5];
const BETAS = [0, 0.1, 0.3]; // as a share of alpha (β ≤ α keeps the model stable)
const GAMMAS = [0.01, 0.05, 0.15];
const PHIS = [0.85, 0.92, 0.98];

/** Huber's bound on a one-step error, in running robust s.d. (Gelper et al. use 2). */
const HUBER_K = 2.5;
/** Weight of a day in the running robust scale of the errors (Gelper et al.'s λ). */
const SCALE_WEIGHT = 0.1;
/** E[min(x², k²)] for a standard normal x at k = HUBER_K: keeps the running scale unbiased. */
const CLIPPED_MOMENT = 0.9776;

/** Initial state from the first two weeks (or what there is); `wd` holds each day's weekday. */
function initialState(wd: Uint8Array, z: Float64Array): State {
  const season = new Float64Array(7);
  const cnt = new Float64Array(7);
  let sum = 0;
  const m = Math.min(z.length, 14);
  for (let i = 0; i < m; i++) sum += z[i];
  const level = sum / m;
  for (let i = 0; i < m; i++) {
    season[wd[i]] += z[i] - level;
    cnt[wd[i]]++;
  }
  for (let w = 0; w < 7; w++) season[w] = cnt[w] ? season[w] / cnt[w] : 0;
  return { level, trend: 0, season };
}

/**
 * Run the filter from `start`; fills `errors` (one-step errors) when given; returns the SSE of the
 * clipped errors and end state. `gaps[i]` is the count of missing days before point i, `wd[i]` its
 * weekday; `scale` the errors' robust s.d. to start from.
 */
function run(gaps: Int32Array, wd: Uint8Array, z: Float64Array, start: State, p: Params, scale: number, errors?: Float64Array): { sse: number; state: State } {
  const s = Float64Array.from(start.season);
  let l = start.level;
  let b = 0;
  let sse = 0;
  let v = scale * scale;
  for (let i = 0; i < z.length; i++) {
    // a gap of k days: let the state run k − 1 steps without news
    for (let g = 0; g < gaps[i]; g++) {
      l += p.phi * b;
      b *= p.phi;
    }
    const w = wd[i];
    const raw = z[i] - (l + p.phi * b + s[w]);
    if (errors) errors[i] = raw;
    const bound = HUBER_K * Math.sqrt(v);
    const e = raw > bound ? bound : raw < -bound ? -bound : raw;
    v += SCALE_WEIGHT * ((e * e) / CLIPPED_MOMENT - v);
    sse += e * e;
    const lPrev = l;
    l = lPrev + p.phi * b + p.alpha * e;
    b = p.phi * b + p.beta * e;
    s[w] += p.gamma * e;
  }
  return { sse, state: { level: l, trend: b, season: s } };
}

/** A robust s.d. of one-step errors to start from: the spread of week-on-week changes (MAD), over √2. */
function startScale(z: Float64Array): number {
  const d: number[] = [];
  for (let i = 7; i < z.length; i++) d.push(Math.abs(z[i] - z[i - 7]));
  if (!d.length) return 1;
  d.sort((a, b) => a - b);
  return Math.max(1e-3, (1.4826 * d[d.length >> 1]) / Math.SQRT2);
}

function fitEts(data: TrainingData): Forecast {
  const { days, y } = data;
  // a holiday with no sales cannot be divided out on the log scale: leave it in the series
  const ratio = holidayRatios(data).map((r) => (r > 0 ? r : 1));
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  const c = Math.max(1, 0.1 * mean); // log(y + c): zeros allowed, low days not over-weighted
  // the series on the filter's scale, and what every grid point shares: weekdays, gaps
  // (plain loops: typed-array `from` with a function is ~15× slower in V8)
  const n = days.length;
  const z = new Float64Array(n);
  const wd = new Uint8Array(n);
  const gaps = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    z[i] = Math.log(y[i] / ratio[data.holidayOf(days[i])] + c);
    wd[i] = weekday(days[i]);
    if (i) gaps[i] = days[i] - days[i - 1] - 1;
  }
  const start = initialState(wd, z); // and the start-up state
  const scale = startScale(z);
  let best: Params = { alpha: 0.1, beta: 0, gamma: 0.05, phi: 0.92 };
  let bestSse = Infinity;
  for (const alpha of ALPHAS)
    for (const bs of BETAS)
      for (const gamma of GAMMAS)
        for (const phi of PHIS) {
          const p = { alpha, beta: bs * alpha, gamma: Math.min(gamma, 1 - alpha), phi };
          const { sse } = run(gaps, wd, z, start, p, scale);
          if (sse < bestSse - 1e-12) {
            bestSse = sse;
            best = p;
          }
        }
  const errors = new Float64Array(z.length);
  const { state } = run(gaps, wd, z, start, best, scale, errors);
  const sigma2 = bestSse / Math.max(1, z.length - 4);
  const settled = errors.subarray(Math.min(14, errors.length >> 1)); // past the start-up fortnight
  const noise = new BlockBootstrap(settled);
  // Duan's smearing: E[exp(ẑ + e)] = exp(ẑ)·mean(exp(e)) for the day's own error, which is
  // far from normal on log(y + c) for small counts; the state's accumulated errors are a
  // sum of many and so close to normal, and keep the log-normal factor
  let smear = 0;
  for (const e of settled) smear += Math.exp(e);
  smear = settled.length ? smear / settled.length : 1;
  const last = days[days.length - 1];
  const p = best;
  /** Cumulative damping φ + φ² + … + φ^k. */
  const damp = (k: number) => (p.phi * (1 - p.phi ** k)) / (1 - p.phi);
  // h-step variance of ETS(A,Ad,A) beyond the day's own error (Hyndman et al. 2008, class 1):
  // v_k = Σ_{j<k} (α + β·damp(j) + γ·[7 | j])², kept as running sums so a window costs O(h)
  const v = [0, 0];
  const varianceAhead = (k: number) => {
    for (let j = v.length - 1; j < k; j++) v.push(v[j] + (p.alpha + p.beta * damp(j) + (j % 7 === 0 ? p.gamma : 0)) ** 2);
    return v[Math.max(k, 1)];
  };
  const point = (day: number) => {
    const k = day - last;
    const zHat = state.level + damp(k) * state.trend + state.season[weekday(day)];
    return Math.max(0, Math.exp(zHat + (sigma2 * varianceAhead(k)) / 2) * smear - c) * ratio[data.holidayOf(day)];
  };
  return {
    mean: (future) => mapToFloat64(future, point),
    simulate(future, draws, rng: Rng) {
      const h = future.length;
      const out = new Float64Array(draws * h);
      const e = new Float64Array(h);
      const s = new Float64Array(7);
      // per day, the same in every path: weekday, days skipped before it, holiday ratio
      const wd = new Uint8Array(h);
      const skip = new Int32Array(h);
      const hr = new Float64Array(h);
      for (let t = 0; t < h; t++) {
        wd[t] = weekday(future[t]);
        skip[t] = future[t] - (t ? future[t - 1] : last) - 1;
        hr[t] = ratio[data.holidayOf(future[t])];
      }
      for (let d = 0; d < draws; d++) {
        noise.sample(e, 0, h, rng);
        let l = state.level;
        let b = state.trend;
        s.set(state.season);
        for (let t = 0; t < h; t++) {
          for (let g = 0; g < skip[t]; g++) {
            l += p.phi * b;
            b *= p.phi;
          }
          const w = wd[t];
          const zt = l + p.phi * b + s[w] + e[t];
          l = l + p.phi * b + p.alpha * e[t];
          b = p.phi * b + p.beta * e[t];
          s[w] += p.gamma * e[t];
          out[d * h + t] = Math.max(0, Math.exp(zt) - c) * hr[t];
        }
      }
      return out;
    },
    summary: () => ({
      alpha: p.alpha,
      beta: Math.round(p.beta * 1e4) / 1e4,
      gamma: p.gamma,
      phi: p.phi,
      sigma: Math.round(Math.sqrt(sigma2) * 1e4) / 1e4,
      'holiday.minor': Math.round(ratio[1] * 1e4) / 1e4,
      'holiday.major': Math.round(ratio[2] * 1e4) / 1e4,
      // the eve's ratios only when the training data hold an eve (this seller's season): else 1 would read as an effect measured
      ...(hasEve(data) ? { 'holiday.eve': Math.round(ratio[3] * 1e4) / 1e4, 'holiday.eveBefore': Math.round(ratio[4] * 1e4) / 1e4 } : {}),
    }),
  };
}

export const etsModel: Model = {
  name: 'ets',
  description: 'exponential smoothing with a damped trend and weekly seasonality on the log scale, holidays divided out by their baseline ratio',
  minDays: 28,
  periods: ['day'],
  fit: fitEts,
};
