// Parameters of a simulated seller, their defaults (one place), and resolution of a
// partial set into a full one. The defaults describe a mid-sized consumer seller.
import type { ISODate } from '../core/types.js';

/** What the seller would hand us: an order export, a daily aggregate, or monthly totals. */
export type SimFormat = 'orders' | 'daily' | 'monthly';

/** How the yearly trend compounds: `linear` 1 + g·t, `multiplicative` (1 + g)^t (t in years). */
export type TrendKind = 'linear' | 'multiplicative';

/**
 * Everything that defines a simulated seller. Every field is optional; missing fields
 * take the value in {@link SIM_DEFAULTS}. Day t = 0 is the first day of the data.
 */
export interface SellerParams {
  /** First affected day (ISO). The data start `baselineDays` before it. */
  incident?: ISODate;
  /** Days of data before the incident (the baseline). */
  baselineDays?: number;
  /** Days of the loss window, from the incident inclusive; the data end on its last day. */
  lossDays?: number;
  /** Orders/day at the first data day for a weekday multiplier of 1 (before trend, season, holidays). */
  level?: number;
  /** Seven multipliers, Monday … Sunday. Not normalised: level × weekday[w] is that day's mean. */
  weekday?: readonly number[];
  /** Fractional level change per year (0.4 = +40 %/yr, −0.3 = −30 %/yr). */
  trend?: number;
  /** How the trend compounds. */
  trendKind?: TrendKind;
  /** Yearly seasonality: factor 1 + A·cos(2π(doy − peak)/365.25), floored at 0.05. */
  yearlyAmplitude?: number;
  /** Day of the year (1–366) of the yearly peak; 330 ≈ 26 November. */
  yearlyPeakDay?: number;
  /** Holiday calendar for the holiday factors (`none` switches them off). */
  holidays?: 'KR' | 'none';
  /** Multiplier on major holidays (Seollal and Chuseok breaks). */
  majorFactor?: number;
  /** Multiplier on other public holidays. */
  minorFactor?: number;
  /** Extra demand before a major break (gift season): factor 1 + bump. */
  preHolidayBump?: number;
  /** Days before a major break that get the bump. */
  preHolidayDays?: number;
  /** Negative-binomial size θ of daily orders (Var = μ + μ²/θ); Infinity = Poisson. */
  size?: number;
  /** AR(1) coefficient of the log-level noise (serial correlation); 0 with sigma 0 = none. */
  arPhi?: number;
  /** Innovation s.d. of the AR(1) log-level noise; the noise is mean-corrected so E[exp] = 1. */
  arSigma?: number;
  /** Mean value of one order, KRW (Gamma distributed). */
  aov?: number;
  /** Coefficient of variation of one order's value. */
  aovCv?: number;
  /** Order values are whole multiples of this many won (10 or 100). */
  valueRound?: number;
  /** Fraction of orders lost at the incident start (0 = no incident: a placebo). */
  drop?: number;
  /** Days the full drop holds from the incident start. */
  holdDays?: number;
  /** Fraction of the drop won back by the end of the recovery (0 = none, 1 = full). */
  recovery?: number;
  /** Days of the linear recovery after the hold; default: the rest of the loss window. */
  recoveryDays?: number;
  /** Cancelled/refunded/returned rows as a share of all order rows (order exports only; not sales). */
  cancelRate?: number;
  /** Promotions (deal days) per year, anywhere in the data: a lift the seller's history shows but no model can foresee. */
  promoRate?: number;
  /** Each promotion multiplies the day's mean by a lift drawn log-uniformly from [promoLift[0], promoLift[1]). */
  promoLift?: readonly [number, number];
  /** A promotion lasts 1 to this many days. */
  promoMaxDays?: number;
  /**
   * Yearly deal days just before the incident (11.11, Black Friday before a 11-29 incident): each
   * multiplies the day `before` days ahead of the incident, and the same date a year earlier, by `lift`.
   */
  lastDeals?: readonly { before: number; lift: number }[];
  /** One-off spike days in the baseline's last year only (a bulk order, a viral day): not demand the loss window would have seen. */
  spikeDays?: number;
  /** Each spike multiplies its day's mean by a lift drawn log-uniformly from [spikeLift[0], spikeLift[1]). */
  spikeLift?: readonly [number, number];
  /** A closure in the baseline's last year (a holiday away, a suspension): this many days with no sales, ending ≥ 14 days before the incident. */
  closedDays?: number;
  /** A lasting change of level (a product line added or lost): the mean is multiplied by this from `shiftDaysBefore` days before the incident. */
  shift?: number;
  /** Days before the incident the level shift starts (only with shift ≠ 1). */
  shiftDaysBefore?: number;
  /**
   * The drop begins this many days before `incident`, the date the seller names (the claim's loss
   * window and the truth still start there): customers leaving before the news, settlement delays
   * before a collapse was announced.
   */
  earlyDays?: number;
  /** Days removed from a daily aggregate (format `daily` only), never within 7 days of the incident. */
  missingDays?: number;
  /** The form the seller's data come in (a hint for writers and the benchmark). */
  format?: SimFormat;
}

/** A fully specified parameter set (what a simulation records in its truth). */
export type ResolvedParams = Required<SellerParams>;

/** Defaults: a consumer seller of ~70 orders on weekdays and ~120 at weekends, hit on 2025-11-29. */
export const SIM_DEFAULTS: ResolvedParams = {
  incident: '2025-11-29',
  baselineDays: 365,
  lossDays: 60,
  level: 70,
  weekday: [1, 1, 1, 1, 1, 12 / 7, 12 / 7],
  trend: 0,
  trendKind: 'linear',
  yearlyAmplitude: 0,
  yearlyPeakDay: 330,
  holidays: 'KR',
  majorFactor: 0.4,
  minorFactor: 0.75,
  preHolidayBump: 0,
  preHolidayDays: 7,
  size: 44, // extra CV of the daily rate ≈ 1/√θ = 0.15
  arPhi: 0,
  arSigma: 0,
  aov: 30_000,
  aovCv: 0.8,
  valueRound: 100,
  drop: 0.5,
  holdDays: 10,
  recovery: 0.4,
  recoveryDays: -1, // -1: lossDays − holdDays, resolved below
  cancelRate: 0.03,
  promoRate: 0,
  promoLift: [2, 4],
  promoMaxDays: 2,
  spikeDays: 0,
  closedDays: 0,
  spikeLift: [15, 60],
  lastDeals: [],
  shift: 1,
  shiftDaysBefore: 90,
  earlyDays: 0,
  missingDays: 0,
  format: 'daily',
};

/** Fill the defaults in and check ranges; throws RangeError on nonsense (a bug in the caller). */
export function resolveParams(p: SellerParams): ResolvedParams {
  const r: ResolvedParams = { ...SIM_DEFAULTS };
  for (const [k, v] of Object.entries(p)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  if (r.recoveryDays < 0) r.recoveryDays = Math.max(1, r.lossDays - r.holdDays);
  r.weekday = [...r.weekday];
  r.promoLift = [r.promoLift[0], r.promoLift[1]];
  r.spikeLift = [r.spikeLift[0], r.spikeLift[1]];
  const bad = (why: string) => {
    throw new RangeError(`simulateSeller: ${why}`);
  };
  if (r.weekday.length !== 7 || r.weekday.some((w) => !(w >= 0))) bad('weekday needs 7 non-negative multipliers');
  if (!(r.baselineDays >= 1 && r.lossDays >= 1)) bad('baselineDays and lossDays must be ≥ 1');
  if (!(r.level >= 0)) bad('level must be ≥ 0');
  if (!(r.drop >= 0 && r.drop <= 1)) bad('drop must be in [0, 1]');
  if (!(r.recovery >= 0 && r.recovery <= 1)) bad('recovery must be in [0, 1]');
  if (!(r.size > 0)) bad('size must be > 0 (Infinity = Poisson)');
  if (!(Math.abs(r.arPhi) < 1 && r.arSigma >= 0)) bad('need |arPhi| < 1 and arSigma ≥ 0');
  if (!(r.aov > 0 && r.aovCv > 0 && r.valueRound >= 1)) bad('aov, aovCv, valueRound must be positive');
  if (!(r.cancelRate >= 0 && r.cancelRate < 1)) bad('cancelRate must be in [0, 1)');
  if (!(r.promoRate >= 0 && r.promoLift[0] > 0 && r.promoLift[1] >= r.promoLift[0] && r.promoMaxDays >= 1)) bad('promoRate ≥ 0, 0 < promoLift[0] ≤ promoLift[1], promoMaxDays ≥ 1');
  if (!(r.spikeDays >= 0 && r.spikeLift[0] > 0 && r.spikeLift[1] >= r.spikeLift[0])) bad('spikeDays ≥ 0, 0 < spikeLift[0] ≤ spikeLift[1]');
  if (!(r.closedDays === 0 || (r.closedDays > 0 && r.closedDays <= Math.min(365, r.baselineDays) - 14))) bad('closedDays must be 0 or in [1, min(365, baselineDays) − 14]');
  if (!(r.shift > 0 && r.shiftDaysBefore >= 0)) bad('shift must be > 0 and shiftDaysBefore ≥ 0');
  if (!(Number.isInteger(r.earlyDays) && r.earlyDays >= 0 && r.earlyDays < r.baselineDays)) bad('earlyDays must be a whole number in [0, baselineDays)');
  if (r.trendKind === 'multiplicative' && !(r.trend > -1)) bad('multiplicative trend must be > −1');
  return r;
}
