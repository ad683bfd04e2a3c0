// A seeded simulator of one seller whose true incident loss is known. Pure: no fs.
//
// Counterfactual orders Y0(t) ~ NegBin(μ(t)·exp(x(t) − v/2), θ) where
//   μ(t) = level × trend(t) × weekday × yearly × holiday (× pre-holiday bump) (× promotion) (× level shift)
//   x(t) = φ·x(t−1) + σ·ε (AR(1) log-level noise, stationary variance v).
// From the incident each counterfactual order is kept with probability 1 − cut(t)
// (binomial thinning), so actual ≤ counterfactual. Order values are iid Gamma(mean, CV),
// so the kept and the lost values of a day are two independent Gamma sums.
// The truth is the *realized* counterfactual minus the actual over the loss window.
import { holidays } from '../core/holidays.js';
import { dayFromParts, fromDay, toDay, weekday } from '../core/dates.js';
import type { DailySeries, ISODate } from '../core/types.js';
import { resolveParams, type ResolvedParams, type SellerParams } from './params.js';
import { binomial, subRng } from './rand.js';
import type { Rng } from '../core/random.js';

/** Known loss over the loss window (days missing from the data are left out, as an estimator must). */
export interface SimTruth {
  /** Realized counterfactual − actual orders over the observed loss-window days. */
  lossOrders: number;
  /** Realized counterfactual − actual revenue (KRW) over the observed loss-window days. */
  lossRevenue: number;
  /** E[counterfactual − actual] under the generator mean, orders. */
  expectedLossOrders: number;
  /** E[counterfactual − actual] under the generator mean, KRW. */
  expectedLossRevenue: number;
  cfOrders: number;
  cfRevenue: number;
  actualOrders: number;
  actualRevenue: number;
  /** The realized loss counting missing days too (equals lossOrders without gaps). */
  lossOrdersAllDays: number;
  lossRevenueAllDays: number;
}

/** One simulated seller: per-day arrays (index i is day start + i) and the truth. */
export interface SimulatedSeller {
  seed: number;
  params: ResolvedParams;
  start: ISODate;
  /** Day number (core/dates) of `start`. */
  startDay: number;
  /** Days simulated: baselineDays + lossDays. */
  days: number;
  incident: ISODate;
  /** Last day of the loss window = last day of the data. */
  until: ISODate;
  /** Index of the incident day (= baselineDays). */
  incidentIndex: number;
  /** Generator mean μ(t) of counterfactual orders (without the AR noise). */
  mean: Float64Array;
  /** Share of orders cut on each day (0 before the incident). */
  cut: Float64Array;
  cfOrders: Int32Array;
  cfRevenue: Float64Array;
  orders: Int32Array;
  revenue: Float64Array;
  /** 1 where a daily aggregate has no row for the day (format `daily` with missingDays). */
  missing: Uint8Array;
  truth: SimTruth;
}

/** One day of a simulation as a plain record. */
export interface SimDay {
  date: ISODate;
  cfOrders: number;
  cfRevenue: number;
  orders: number;
  revenue: number;
  missing: boolean;
}

// sub-stream numbers of a seller's seed
const S_NOISE = 1, S_COUNT = 2, S_THIN = 3, S_VALUE = 4, S_MISS = 5, S_PROMO = 6, S_SPIKE = 7, S_CLOSED = 8;

/**
 * Cut on day k of the loss window (k = 0 is the incident): `drop` for `holdDays`,
 * then won back linearly so `recovery` of it is regained after `recoveryDays`.
 * `cutAt({drop: .5, holdDays: 2, recovery: 1, recoveryDays: 2}, 3) === 0`.
 */
export function cutAt(p: Pick<ResolvedParams, 'drop' | 'holdDays' | 'recovery' | 'recoveryDays'>, k: number): number {
  if (k < p.holdDays) return p.drop;
  const f = Math.min(1, (k - p.holdDays + 1) / Math.max(1, p.recoveryDays));
  return p.drop * (1 - p.recovery * f);
}

/** Holiday × pre-holiday factor of each day of `[startDay, startDay + n)`. */
export function calendarFactors(p: ResolvedParams, startDay: number, n: number): Float64Array {
  const f = new Float64Array(n).fill(1);
  if (p.holidays === 'none') return f;
  const y0 = +fromDay(startDay).slice(0, 4);
  const y1 = +fromDay(startDay + n - 1).slice(0, 4);
  const kind = new Int8Array(n); // 0 none, 1 minor, 2 major
  for (const h of holidays(p.holidays, y0, y1)) {
    const i = toDay(h.date) - startDay;
    if (i >= 0 && i < n) kind[i] = h.kind === 'major' ? 2 : 1;
  }
  for (let i = 0; i < n; i++) {
    if (kind[i] === 2) f[i] = p.majorFactor;
    else if (kind[i] === 1) f[i] = p.minorFactor;
  }
  if (p.preHolidayBump !== 0) {
    // the bump needs the break's first day; look past the window's edge for breaks after it
    const hol = new Set(holidays(p.holidays, y0, y1 + 1).filter((h) => h.kind === 'major').map((h) => toDay(h.date)));
    for (const d of hol) {
      if (hol.has(d - 1)) continue; // not the first day of a break
      for (let j = 1; j <= p.preHolidayDays; j++) {
        const i = d - j - startDay;
        if (i >= 0 && i < n && kind[i] === 0) f[i] *= 1 + p.preHolidayBump;
      }
    }
  }
  return f;
}

/** Simulate one seller. Same params + seed → identical output. */
export function simulateSeller(params: SellerParams, seed: number): SimulatedSeller {
  const p = resolveParams(params);
  const incidentDay = toDay(p.incident);
  if (Number.isNaN(incidentDay)) throw new RangeError(`simulateSeller: bad incident date ${p.incident}`);
  const startDay = incidentDay - p.baselineDays;
  const n = p.baselineDays + p.lossDays;
  const mean = new Float64Array(n);
  const cut = new Float64Array(n);
  const cfOrders = new Int32Array(n);
  const orders = new Int32Array(n);
  const cfRevenue = new Float64Array(n);
  const revenue = new Float64Array(n);
  const cal = calendarFactors(p, startDay, n);
  const events = eventFactors(p, n, seed);

  const rNoise = subRng(seed, S_NOISE), rCount = subRng(seed, S_COUNT);
  const rThin = subRng(seed, S_THIN), rValue = subRng(seed, S_VALUE);
  const v = p.arSigma > 0 ? (p.arSigma * p.arSigma) / (1 - p.arPhi * p.arPhi) : 0;
  let x = v > 0 ? Math.sqrt(v) * rNoise.normal() : 0;
  const shape = 1 / (p.aovCv * p.aovCv); // a sum of k order values ~ Gamma(k·shape, aov/shape)
  const unit = p.valueRound;
  const scale = p.aov / shape / unit; // in units of `unit` won
  const A = p.yearlyAmplitude, g = p.trend;
  const TWO_PI = 2 * Math.PI;

  let year = +fromDay(startDay).slice(0, 4);
  let jan1 = dayFromParts(year, 1, 1);
  let nextJan1 = dayFromParts(year + 1, 1, 1);
  for (let i = 0; i < n; i++) {
    const d = startDay + i;
    if (d >= nextJan1) {
      year++;
      jan1 = nextJan1;
      nextJan1 = dayFromParts(year + 1, 1, 1);
    }
    const t = i / 365.25;
    const tr = p.trendKind === 'linear' ? Math.max(0.02, 1 + g * t) : Math.pow(1 + g, t);
    const yr = A === 0 ? 1 : Math.max(0.05, 1 + A * Math.cos((TWO_PI * (d - jan1 + 1 - p.yearlyPeakDay)) / 365.25));
    const mu = p.level * p.weekday[weekday(d)] * tr * yr * cal[i] * events[i];
    mean[i] = mu;
    if (v > 0 && i > 0) x = p.arPhi * x + p.arSigma * rNoise.normal();
    const y0 = rCount.negbin(v > 0 ? mu * Math.exp(x - v / 2) : mu, p.size);
    const dropStart = p.baselineDays - p.earlyDays;
    const c = i >= dropStart ? cutAt(p, i - dropStart) : 0;
    const y1 = c > 0 ? binomial(rThin, y0, 1 - c) : y0;
    cut[i] = c;
    cfOrders[i] = y0;
    orders[i] = y1;
    // each order is worth at least one unit, so the order rows can always split the total
    const kept = y1 > 0 ? Math.max(y1, Math.round(rValue.gamma(y1 * shape) * scale)) : 0;
    const lost = y0 > y1 ? Math.max(y0 - y1, Math.round(rValue.gamma((y0 - y1) * shape) * scale)) : 0;
    revenue[i] = kept * unit;
    cfRevenue[i] = (kept + lost) * unit;
  }

  const missing = pickMissing(p, n, seed);
  const sim: SimulatedSeller = {
    seed, params: p, start: fromDay(startDay), startDay, days: n,
    incident: p.incident, until: fromDay(startDay + n - 1), incidentIndex: p.baselineDays,
    mean, cut, cfOrders, cfRevenue, orders, revenue, missing,
    truth: undefined as unknown as SimTruth,
  };
  sim.truth = truthOver(sim, p.baselineDays, n - 1);
  return sim;
}

/**
 * Promotion × spike × closure × level-shift factor of each day. Spikes and the closure fall in the
 * baseline's last year only (the closure ends 14 days or more before the incident). Promotions start on any day with probability
 * promoRate/365 (their own sub-stream, so sellers without them draw exactly as before).
 */
export function eventFactors(p: ResolvedParams, n: number, seed: number): Float64Array {
  const f = new Float64Array(n).fill(1);
  if (p.shift !== 1) for (let i = Math.max(0, p.baselineDays - p.shiftDaysBefore); i < n; i++) f[i] = p.shift;
  if (p.spikeDays > 0) {
    const rng = subRng(seed, S_SPIKE);
    const from = Math.max(0, p.baselineDays - 365); // in the year before the incident, the default baseline
    for (let k = 0; k < p.spikeDays; k++) f[from + rng.int(p.baselineDays - from)] *= logUniform(rng, p.spikeLift[0], p.spikeLift[1]);
  }
  if (p.closedDays > 0) {
    const from = Math.max(0, p.baselineDays - 365);
    const start = from + subRng(seed, S_CLOSED).int(p.baselineDays - 14 - p.closedDays - from + 1);
    f.fill(0, start, start + p.closedDays);
  }
  for (const { before, lift } of p.lastDeals) {
    for (const i of [p.baselineDays - before, p.baselineDays - before - 365]) if (i >= 0 && i < n) f[i] *= lift;
  }
  if (p.promoRate <= 0) return f;
  const rng = subRng(seed, S_PROMO);
  const [lo, hi] = p.promoLift;
  for (let i = 0; i < n; i++) {
    if (rng.uniform() >= p.promoRate / 365) continue;
    const lift = logUniform(rng, lo, hi);
    const days = 1 + rng.int(p.promoMaxDays);
    for (let j = i; j < Math.min(n, i + days); j++) f[j] *= lift;
    i += days - 1; // one promotion at a time
  }
  return f;
}

/** A draw log-uniform on [lo, hi). */
function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.uniform());
}

/** Days removed from a daily aggregate: never the first or last day, never within 7 days of the incident. */
function pickMissing(p: ResolvedParams, n: number, seed: number): Uint8Array {
  const missing = new Uint8Array(n);
  if (p.format !== 'daily' || p.missingDays <= 0) return missing;
  const cand: number[] = [];
  for (let i = 1; i < n - 1; i++) if (Math.abs(i - p.baselineDays) > 7) cand.push(i);
  const rng = subRng(seed, S_MISS);
  const k = Math.min(p.missingDays, cand.length);
  for (let j = 0; j < k; j++) {
    const r = j + rng.int(cand.length - j); // partial Fisher–Yates
    [cand[j], cand[r]] = [cand[r], cand[j]];
    missing[cand[j]] = 1;
  }
  return missing;
}

/**
 * Realized and expected loss over the day indices `[from, to]` of a simulation
 * (observed days only, plus the all-days variant). Useful for sub-windows.
 */
export function truthOver(sim: SimulatedSeller, from: number, to: number): SimTruth {
  const t: SimTruth = {
    lossOrders: 0, lossRevenue: 0, expectedLossOrders: 0, expectedLossRevenue: 0,
    cfOrders: 0, cfRevenue: 0, actualOrders: 0, actualRevenue: 0, lossOrdersAllDays: 0, lossRevenueAllDays: 0,
  };
  for (let i = Math.max(0, from); i <= Math.min(sim.days - 1, to); i++) {
    t.lossOrdersAllDays += sim.cfOrders[i] - sim.orders[i];
    t.lossRevenueAllDays += sim.cfRevenue[i] - sim.revenue[i];
    if (sim.missing[i]) continue;
    t.cfOrders += sim.cfOrders[i];
    t.cfRevenue += sim.cfRevenue[i];
    t.actualOrders += sim.orders[i];
    t.actualRevenue += sim.revenue[i];
    t.expectedLossOrders += sim.mean[i] * sim.cut[i];
  }
  t.lossOrders = t.cfOrders - t.actualOrders;
  t.lossRevenue = t.cfRevenue - t.actualRevenue;
  t.expectedLossRevenue = Math.round(t.expectedLossOrders * sim.params.aov);
  t.expectedLossOrders = Math.round(t.expectedLossOrders * 10) / 10;
  return t;
}

/** Day i as a plain record: `simDay(sim, sim.incidentIndex).date === sim.incident`. */
export function simDay(sim: SimulatedSeller, i: number): SimDay {
  return {
    date: fromDay(sim.startDay + i), cfOrders: sim.cfOrders[i], cfRevenue: sim.cfRevenue[i],
    orders: sim.orders[i], revenue: sim.revenue[i], missing: sim.missing[i] === 1,
  };
}

/** All days as records (allocates; the arrays on the seller do not). */
export function dailyRecords(sim: SimulatedSeller): SimDay[] {
  return Array.from({ length: sim.days }, (_, i) => simDay(sim, i));
}

/** The actual series as core's DailySeries (missing days are null), for benchmarks that skip files. */
export function toDailySeries(sim: SimulatedSeller): DailySeries {
  const orders: (number | null)[] = [], revenue: (number | null)[] = [];
  for (let i = 0; i < sim.days; i++) {
    orders.push(sim.missing[i] ? null : sim.orders[i]);
    revenue.push(sim.missing[i] ? null : sim.revenue[i]);
  }
  return { start: sim.start, orders, revenue };
}
