// `seasonal-mean`: the forensic "before-and-after" yardstick. Each future day is the mean
// of the same weekday over the last eight observed weeks of the baseline (holidays left
// out of the means and scaled by the baseline's holiday ratio). Paths draw each weekday
// mean from its sampling spread and the day noise from the recent residuals, in blocks.
import { BlockBootstrap } from '../noise.js';
import type { Rng } from '../random.js';
import { weekday } from '../dates.js';
import type { Forecast, Model, TrainingData } from './model.js';
import { hasEve, holidayRatios } from './holiday-ratio.js';
import { mapToFloat64 } from '../linalg.js';

const WEEKS = 8;

/** Same-weekday means (and their standard errors) of the last WEEKS weeks of non-holidays. */
function weekdayMeans(data: TrainingData): { mean: Float64Array; se: Float64Array } {
  const n = data.days.length;
  const last = data.days[n - 1];
  const sum = new Float64Array(7);
  const sum2 = new Float64Array(7);
  const count = new Float64Array(7);
  for (let i = n - 1; i >= 0 && data.days[i] > last - 7 * WEEKS; i--) {
    if (data.holidayOf(data.days[i])) continue;
    const w = weekday(data.days[i]);
    sum[w] += data.y[i];
    sum2[w] += data.y[i] ** 2;
    count[w]++;
  }
  const mean = new Float64Array(7);
  const se = new Float64Array(7);
  let all = 0;
  let allN = 0;
  for (let w = 0; w < 7; w++) {
    all += sum[w];
    allN += count[w];
  }
  for (let w = 0; w < 7; w++) {
    mean[w] = count[w] ? sum[w] / count[w] : allN ? all / allN : 0;
    const v = count[w] > 1 ? (sum2[w] - count[w] * mean[w] ** 2) / (count[w] - 1) : mean[w];
    se[w] = Math.sqrt(Math.max(v, 0) / Math.max(count[w], 1));
  }
  return { mean, se };
}

function fitSeasonalMean(data: TrainingData): Forecast {
  const { mean, se } = weekdayMeans(data);
  const ratio = holidayRatios(data, mean);
  const expected = (day: number) => mean[weekday(day)] * ratio[data.holidayOf(day)];
  const n = data.days.length;
  const recent: number[] = [];
  for (let i = 0; i < n; i++) {
    if (data.days[i] <= data.days[n - 1] - 7 * WEEKS) continue;
    const e = expected(data.days[i]);
    recent.push(e > 0 ? (data.y[i] - e) / e : 0);
  }
  const noise = new BlockBootstrap(Float64Array.from(recent));
  return {
    mean: (days) => mapToFloat64(days, expected),
    simulate(days, draws, rng: Rng) {
      const h = days.length;
      const out = new Float64Array(draws * h);
      const r = new Float64Array(h);
      const m = new Float64Array(7);
      const wd = new Uint8Array(h);
      for (let t = 0; t < h; t++) wd[t] = weekday(days[t]);
      const hr = mapToFloat64(days, (day) => ratio[data.holidayOf(day)]);
      for (let s = 0; s < draws; s++) {
        for (let w = 0; w < 7; w++) m[w] = Math.max(0, mean[w] + se[w] * rng.normal());
        noise.sample(r, 0, h, rng);
        for (let t = 0; t < h; t++) {
          const e = m[wd[t]] * hr[t];
          out[s * h + t] = Math.max(0, e * (1 + r[t]));
        }
      }
      return out;
    },
    summary: () => ({
      weeks: WEEKS,
      ...Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, w) => [`mean.${d}`, Math.round(mean[w] * 100) / 100])),
      'holiday.minor': Math.round(ratio[1] * 1e4) / 1e4,
      'holiday.major': Math.round(ratio[2] * 1e4) / 1e4,
      // the eve's ratios only when the training data hold an eve (this seller's season): else 1 would read as an effect measured
      ...(hasEve(data) ? { 'holiday.eve': Math.round(ratio[3] * 1e4) / 1e4, 'holiday.eveBefore': Math.round(ratio[4] * 1e4) / 1e4 } : {}),
    }),
  };
}

export const seasonalMeanModel: Model = {
  name: 'seasonal-mean',
  description: 'before-and-after yardstick: each day is the mean of the same weekday over the last 8 weeks of the baseline, scaled on holidays',
  minDays: 28,
  periods: ['day'],
  fit: fitSeasonalMean,
};
