// Named parameter designs for the accuracy benchmark. Each randomises a realistic seller
// within its theme; none is tuned to any model. Incidents fall in 2024–2026 and loss
// windows last 14–90 days (monthly: whole months, 28–92 days).
import { dayFromParts, fromDay, toDay } from '../core/dates.js';
import { holidays } from '../core/holidays.js';
import type { Rng } from '../core/random.js';
import type { SellerParams } from './params.js';
import { between, hashString, intBetween, pick, subRng, subSeed } from './rand.js';
import { simulateSeller, type SimulatedSeller } from './simulate.js';

/** A design: seller `i` of the design, drawn with `rng`. */
export type Design = (i: number, rng: Rng) => SellerParams;

const FIRST_INCIDENT = toDay('2024-03-01');
const LAST_INCIDENT = toDay('2026-06-30');

/** Log-uniform in [lo, hi): for scale parameters such as levels and order values. */
function logBetween(rng: Rng, lo: number, hi: number): number {
  return Math.exp(between(rng, Math.log(lo), Math.log(hi)));
}

/** A weekday profile: base multipliers Mon..Sun, each jittered by ~±5 %. */
function profile(rng: Rng, base: readonly number[]): number[] {
  return base.map((w) => Math.round(w * Math.exp(0.05 * rng.normal()) * 1000) / 1000);
}

/** Korean consumer e-commerce: Sunday evening and Monday strongest, Friday–Saturday softest. */
const CONSUMER = [1.08, 1.02, 1.0, 0.98, 0.92, 0.88, 1.1];

/** What every design randomises; designs override their theme. */
function common(rng: Rng): SellerParams {
  const ar = rng.uniform() < 0.5;
  return {
    incident: fromDay(intBetween(rng, FIRST_INCIDENT, LAST_INCIDENT)),
    baselineDays: pick(rng, [365, 365, 400, 540]),
    lossDays: intBetween(rng, 14, 90),
    level: logBetween(rng, 8, 250),
    weekday: profile(rng, CONSUMER),
    trend: between(rng, -0.1, 0.2),
    trendKind: rng.uniform() < 0.5 ? 'linear' : 'multiplicative',
    yearlyAmplitude: between(rng, 0, 0.15),
    yearlyPeakDay: intBetween(rng, 1, 365),
    majorFactor: between(rng, 0.3, 0.65),
    minorFactor: between(rng, 0.65, 0.92),
    preHolidayBump: rng.uniform() < 0.5 ? between(rng, 0.05, 0.35) : 0,
    preHolidayDays: intBetween(rng, 4, 10),
    size: rng.uniform() < 0.2 ? Infinity : logBetween(rng, 6, 80),
    arPhi: ar ? between(rng, 0.3, 0.85) : 0,
    arSigma: ar ? between(rng, 0.03, 0.1) : 0,
    aov: Math.round(logBetween(rng, 12_000, 90_000) / 100) * 100,
    aovCv: between(rng, 0.5, 1.1),
    valueRound: pick(rng, [10, 100, 100]),
    drop: between(rng, 0.15, 0.7),
    holdDays: intBetween(rng, 0, 21),
    recovery: between(rng, 0, 0.9),
    cancelRate: between(rng, 0.01, 0.06),
    missingDays: 0,
    format: 'daily',
  };
}

/** First days of the Seollal and Chuseok breaks in 2024–2026. */
function majorBreaks(): number[] {
  const major = holidays('KR', 2024, 2026).filter((h) => h.kind === 'major').map((h) => toDay(h.date));
  const set = new Set(major);
  return major.filter((d) => !set.has(d - 1));
}

/** The first day of one of the 2024–2026 breaks, the i-th seller's (one draw of `rng`). */
function aBreak(i: number, rng: Rng): number {
  const breaks = majorBreaks();
  return breaks[(i + rng.int(breaks.length)) % breaks.length];
}

/** Days in the `k` whole months from the 1st `first` (a day number). */
function monthsSpan(first: number, k: number): number {
  const iso = fromDay(first);
  const y = +iso.slice(0, 4), m = +iso.slice(5, 7) - 1 + k;
  return dayFromParts(y + Math.floor(m / 12), (m % 12) + 1, 1) - first;
}

/** The designs of `npm run bench:accuracy`, by name. */
export const DESIGNS: Record<string, Design> = {
  'weekday-heavy': (_i, rng) => ({
    ...common(rng),
    weekday: profile(rng, [1.05, 1, 1, 1, 0.95, between(rng, 0.3, 0.6), between(rng, 0.25, 0.55)]),
  }),
  'weekend-heavy': (_i, rng) => {
    const we = between(rng, 1.4, 2.0);
    return { ...common(rng), weekday: profile(rng, [0.95, 0.9, 0.9, 0.92, 1.1, we, we * between(rng, 0.9, 1.1)]) };
  },
  growing: (_i, rng) => ({ ...common(rng), trend: between(rng, 0.3, 0.5) }),
  shrinking: (_i, rng) => ({ ...common(rng), trend: between(rng, -0.4, -0.2) }),
  'yearly-peak': (_i, rng) => {
    const peak = intBetween(rng, 320, 345); // mid to late November
    const year = pick(rng, [2024, 2025]);
    const incident = dayFromParts(year, 1, 1) + peak - 1 - intBetween(rng, 10, 40);
    return {
      ...common(rng),
      incident: fromDay(incident),
      baselineDays: 730,
      lossDays: intBetween(rng, 45, 90),
      yearlyAmplitude: between(rng, 0.3, 0.6),
      yearlyPeakDay: peak,
    };
  },
  tiny: (_i, rng) => ({
    ...common(rng),
    level: between(rng, 1, 3),
    size: rng.uniform() < 0.4 ? Infinity : logBetween(rng, 2, 20),
    lossDays: intBetween(rng, 30, 90),
    format: 'orders',
  }),
  gaps: (_i, rng) => ({ ...common(rng), missingDays: intBetween(rng, 10, 20), format: 'daily' }),
  'holiday-window': (i, rng) => {
    const first = aBreak(i, rng);
    return { ...common(rng), incident: fromDay(first - intBetween(rng, 2, 6)), lossDays: intBetween(rng, 21, 60), preHolidayBump: between(rng, 0, 0.4) };
  },
  'gift-season': (i, rng) => {
    const first = aBreak(i, rng);
    return {
      ...common(rng), incident: fromDay(first - intBetween(rng, 12, 24)), lossDays: intBetween(rng, 20, 45),
      preHolidayBump: between(rng, 0.4, 1.5), preHolidayDays: intBetween(rng, 7, 14),
    };
  },
  monthly: (_i, rng) => {
    const c = common(rng);
    const iso = fromDay(intBetween(rng, FIRST_INCIDENT, LAST_INCIDENT));
    const incident = dayFromParts(+iso.slice(0, 4), +iso.slice(5, 7), 1);
    const back = monthsBack(incident, 36);
    return {
      ...c,
      incident: fromDay(incident),
      baselineDays: incident - back,
      lossDays: monthsSpan(incident, intBetween(rng, 1, 3)),
      format: 'monthly',
    };
  },
  promotions: (_i, rng) => ({
    ...common(rng),
    promoRate: between(rng, 4, 12),
    promoLift: [1.8, between(rng, 3, 6)],
    promoMaxDays: intBetween(rng, 1, 3),
  }),
  'deal-before': (_i, rng) => ({
    ...common(rng),
    // one or two deal days in the fortnight and a half before the incident, as the year before
    lastDeals: Array.from({ length: 1 + rng.int(2) }, () => ({ before: intBetween(rng, 1, 18), lift: between(rng, 2, 4) })),
  }),
  spikes: (_i, rng) => ({ ...common(rng), spikeDays: intBetween(rng, 1, 3), spikeLift: [15, 60] }),
  closure: (_i, rng) => ({ ...common(rng), closedDays: intBetween(rng, 7, 30) }),
  'level-shift': (_i, rng) => ({
    ...common(rng),
    shift: rng.uniform() < 0.5 ? between(rng, 0.55, 0.8) : between(rng, 1.25, 1.8),
    shiftDaysBefore: intBetween(rng, 30, 180),
  }),
  'short-history': (_i, rng) => ({
    ...common(rng),
    baselineDays: intBetween(rng, 28, 180),
    lossDays: intBetween(rng, 14, 60),
  }),
  'early-drop': (_i, rng) => ({ ...common(rng), earlyDays: intBetween(rng, 3, 21), lossDays: intBetween(rng, 30, 90) }),
  placebo: (_i, rng) => ({ ...common(rng), drop: 0 }),
};

/** Day number of the 1st of the month `k` months before the 1st `first`. */
function monthsBack(first: number, k: number): number {
  const iso = fromDay(first);
  const m = +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1) - k;
  return dayFromParts(Math.floor(m / 12), (m % 12) + 1, 1);
}

/**
 * Designs the accuracy benchmark runs only when named (`--designs early-drop`): they measure what
 * a mistaken input does to a claim (bench/early-drop.mjs), not the estimator on honest inputs.
 */
export const OPT_IN_DESIGNS: readonly string[] = ['early-drop'];

/** What each design is about, for benchmark reports. */
export const DESIGN_NOTES: Record<string, string> = {
  'weekday-heavy': 'B2B-like: weekends at 25–60 % of weekdays',
  'weekend-heavy': 'leisure goods: weekends at 140–200 % of weekdays',
  growing: 'trend +30 to +50 %/yr',
  shrinking: 'trend −20 to −40 %/yr',
  'yearly-peak': '2-year baseline, yearly amplitude 0.3–0.6 peaking mid/late November, loss window over the peak',
  tiny: '1–3 orders/day, many zero days, order export',
  gaps: 'daily aggregate with 10–20 missing days',
  'holiday-window': 'incident 2–6 days before a Seollal/Chuseok break (2024–2026)',
  'deal-before': 'one or two yearly deal days (×2–4) in the 18 days before the incident, and on the same dates a year earlier (11.11, Black Friday before a 11-29 incident)',
  'gift-season': 'incident 12–24 days before a Seollal/Chuseok break, a gift season of +40–150 % over the 7–14 days before it',
  monthly: 'monthly totals only: 36 months of baseline, 1–3 month loss window',
  promotions: '4–12 deal days a year (×1.8 to ×3–6, 1–3 days each), in the baseline and the loss window alike',
  spikes: '1–3 one-off days at ×15–60 in the baseline\'s last year (a bulk order, a viral day)',
  closure: 'the shop shut for 7–30 days in the baseline\'s last year (a holiday away, a suspension)',
  'level-shift': 'a lasting level change (×0.55–0.8 or ×1.25–1.8) 30–180 days before the incident',
  'short-history': 'a seller new to the platform: 28–180 days of history before the incident, 14–60-day loss window',
  'early-drop': 'the drop began 3–21 days before the incident date the seller names; the truth is the loss from that date, as the claim counts it',
  placebo: 'no incident (drop 0): the true loss is 0',
};

/**
 * Seller `i` of design `name` for benchmark seed `seed`: its parameters and the simulation.
 * Streams are keyed by (seed, design, i), so designs do not share draws.
 */
export function designSeller(name: string, i: number, seed: number): { params: SellerParams; sim: SimulatedSeller } {
  const design = DESIGNS[name];
  if (!design) throw new RangeError(`unknown design ${name}; known: ${Object.keys(DESIGNS).join(', ')}`);
  const key = subSeed(seed, hashString(name));
  const params = design(i, subRng(key, 2 * i));
  return { params, sim: simulateSeller(params, subSeed(key, 2 * i + 1)) };
}
