// `ensemble`: the average of several models' forecasts; paths alternate between the
// members, so the spread includes their disagreement (model uncertainty).
import { fitCached, type Forecast, type Model } from './model.js';
import type { Rng } from '../random.js';

/**
 * A forecast day above this many times the highest baseline point has run away: no seller's
 * counterfactual is ten times its best day on record within a loss window.
 */
export const RUNAWAY_FACTOR = 10;

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
      const all = able.map((m) => fitCached(m, data));
      const ceiling = RUNAWAY_FACTOR * data.y.reduce((a, v) => Math.max(a, v), 0);
      // and so do members whose forecast runs away on these days (ets's log-scale trend on a few sparse
      // weeks: ₩9×10¹⁸), unless all do; one member would otherwise be the whole average
      let asked: ArrayLike<number> | null = null;
      let sane = all;
      const fitsFor = (days: ArrayLike<number>) => {
        if (days !== asked) {
          asked = days;
          const kept = all.filter((f) => !(ceiling > 0) || f.mean(days).every((v) => v <= ceiling));
          sane = kept.length ? kept : all;
        }
        return sane;
      };
      return {
        mean(days) {
          const fits = fitsFor(days);
          const out = new Float64Array(days.length);
          for (const f of fits) {
            const m = f.mean(days);
            for (let t = 0; t < out.length; t++) out[t] += m[t] / fits.length;
          }
          return out;
        },
        simulate(days, draws: number, rng: Rng) {
          const fits = fitsFor(days);
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
          const params = all.flatMap((f, k) => Object.entries(f.summary()).map(([key, v]) => [`${able[k].name}.${key}`, v] as const));
          // (as of the days last forecast: the loss window's, when the claim records it)
          const out = able.filter((_, k) => !sane.includes(all[k])).map((m) => m.name);
          return Object.fromEntries(out.length ? [...params, ['runawayLeftOut', out.join(', ')] as const] : params);
        },
      };
    },
  };
}
