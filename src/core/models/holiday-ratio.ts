// How much a holiday moves sales, as a ratio to a normal day of the same weekday: the
// holiday handling of the models without a regression (ets, seasonal-mean).
import { weekday } from '../dates.js';
import type { TrainingData } from './model.js';

/**
 * Ratios [none, minor, major] of holiday sales to the same weekdays' `normal` means
 * (default: the baseline's own non-holiday weekday means); 1 where a kind was never seen.
 * A Chuseok at 40 with normal days at 100 gives [1, …, 0.4]; a shop shut on holidays, 0.
 */
export function holidayRatios(data: TrainingData, normal: Float64Array = weekdayMeans(data)): [number, number, number] {
  const num = [0, 0, 0];
  const den = [0, 0, 0];
  for (let i = 0; i < data.days.length; i++) {
    const h = data.holidayOf(data.days[i]);
    if (!h) continue;
    num[h] += data.y[i];
    den[h] += normal[weekday(data.days[i])];
  }
  const r = (k: number) => (den[k] > 0 ? num[k] / den[k] : 1);
  return [1, r(1), r(2)];
}

/** Mean of each weekday (Monday first) over the non-holiday days. */
function weekdayMeans(data: TrainingData): Float64Array {
  const sum = new Float64Array(7);
  const cnt = new Float64Array(7);
  for (let i = 0; i < data.days.length; i++) {
    if (data.holidayOf(data.days[i])) continue;
    sum[weekday(data.days[i])] += data.y[i];
    cnt[weekday(data.days[i])]++;
  }
  return sum.map((s, w) => (cnt[w] ? s / cnt[w] : 0));
}
