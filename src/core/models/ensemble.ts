// `ensemble`: the average of several models' forecasts; paths alternate between the
// members, so the spread includes their disagreement (model uncertainty).
import { fitCached, type Forecast, type Model } from './model.js';
import type { Rng } from '../random.js';

/** A model that fits every member and averages them with equal weight. */
export function ensembleOf(name: string, members: Model[]): Model {
  return {
    name,
    description: `equal-weight average of ${members.map((m) => m.name).join(' and ')}; simulated paths drawn from each in turn`,
    minDays: Math.max(...members.map((m) => m.minDays)),
    periods: ['day', 'week', 'month'],
    fit(data): Forecast {
      // members that cannot forecast this period (ets, on months) sit out
      const able = members.filter((m) => m.periods.includes(data.period));
      const fits = able.map((m) => fitCached(m, data));
      return {
        mean(days) {
          const out = new Float64Array(days.length);
          for (const f of fits) {
            const m = f.mean(days);
            for (let t = 0; t < out.length; t++) out[t] += m[t] / fits.length;
          }
          return out;
        },
        simulate(days, draws: number, rng: Rng) {
          const h = days.length;
          const out = new Float64Array(draws * h);
          fits.forEach((f, k) => {
            const n = Math.floor(draws / fits.length) + (k < draws % fits.length ? 1 : 0);
            const part = f.simulate(days, n, rng);
            for (let s = 0; s < n; s++) out.set(part.subarray(s * h, (s + 1) * h), (s * fits.length + k) * h);
          });
          return out;
        },
        summary() {
          return Object.fromEntries(fits.flatMap((f, k) => Object.entries(f.summary()).map(([key, v]) => [`${able[k].name}.${key}`, v])));
        },
      };
    },
  };
}
