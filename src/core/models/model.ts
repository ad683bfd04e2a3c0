// The one interface every counterfactual model implements (DESIGN §3.7).
import type { Rng } from '../random.js';
import type { Period } from '../period.js';
import type { OneOffs } from '../one-offs.js';

/**
 * Holiday kind of a day number: 0 = none, 1 = minor holiday, 2 = major (Seollal/Chuseok),
 * 3 and 4 = the eve of a major break, its last week and the week before (core/calendar.ts).
 */
export type HolidayOf = (day: number) => 0 | 1 | 2 | 3 | 4;

/** Share of a point's days of each kind but none: [minor, major, eve's last week, the week before]. */
export type HolidayShare = (point: number) => readonly [number, number, number, number];

/**
 * What a model learns from: the observed baseline points only (unknown and excluded ones
 * left out). A point is a day, or the first day of a week or month for period data.
 */
export interface TrainingData {
  /** Day numbers, ascending, of the observed training points. */
  days: Int32Array;
  /** The metric at those points (orders or revenue). */
  y: Float64Array;
  holidayOf: HolidayOf;
  holidayShare: HolidayShare;
  period: Period;
  /** A control series' value at any point of the baseline and loss window (`--control`). */
  control?: (point: number) => number;
  /**
   * The whole baseline spans enough years for the yearly cycle (`TUNING.yearlyMinDays`).
   * Backtest cuts inherit it, so they are scored with the cycle the final fit will have.
   */
  yearly?: boolean;
  /** The eves of the breaks are this seller's season (kinds 3, 4 kept in holidayOf; inference.ts). */
  eve?: boolean;
  /** Baseline days left out of the data as closures or spikes, for the warnings (core/one-offs.ts). */
  oneOffs?: OneOffs;
}

/** A fitted model: point forecasts and joint simulated paths for any future days. */
export interface Forecast {
  /** Expected value on each day. */
  mean(days: ArrayLike<number>): Float64Array;
  /** Joint paths, (draws × days) row-major, including parameter and noise uncertainty. */
  simulate(days: ArrayLike<number>, draws: number, rng: Rng): Float64Array;
  /** Parameters worth recording in the claim (plain numbers and words). */
  summary(): Record<string, number | string | boolean>;
}

/** A counterfactual model: a name, a sentence for the claim, a fit. */
export interface Model {
  name: string;
  /** One sentence, for the claim and the report. */
  description: string;
  /** Fewest observed training days the model can work with (daily data). */
  minDays: number;
  /** The periods the model can forecast. */
  periods: readonly Period[];
  /** Needs a control series (`--control`). */
  needsControl?: boolean;
  fit(data: TrainingData): Forecast;
}

const fits = new WeakMap<TrainingData, Map<Model, Forecast>>();

/**
 * `model.fit(data)`, remembered per training-set object: backtests hand the same
 * training set to every candidate, and an ensemble reuses its members' fits.
 */
export function fitCached(model: Model, data: TrainingData): Forecast {
  let byModel = fits.get(data);
  if (!byModel) fits.set(data, (byModel = new Map()));
  let fit = byModel.get(model);
  if (!fit) byModel.set(model, (fit = model.fit(data)));
  return fit;
}
