// Each model on small cases whose answer is known by construction (worked by hand).
import { describe, expect, it } from 'vitest';
import { MODELS } from '../src/core/models/index.js';
import type { TrainingData } from '../src/core/models/model.js';
import { Rng } from '../src/core/random.js';
import { toDay, weekday } from '../src/core/dates.js';
import { quantileSorted } from '../src/core/quantile.js';

const START = toDay('2025-01-06'); // a Monday
const WEEK = [10, 10, 10, 10, 10, 20, 30]; // Mon..Sun

/** Training data from a function of the day, with optional holidays. */
function data(n: number, f: (day: number, i: number) => number, holidays: Record<number, 1 | 2> = {}, control?: (d: number) => number): TrainingData {
  const days = Int32Array.from({ length: n }, (_, i) => START + i);
  return {
    days,
    y: Float64Array.from(days, (d, i) => f(d, i)),
    holidayOf: (d) => holidays[d] ?? 0,
    holidayShare: (d) => [holidays[d] === 1 ? 1 : 0, holidays[d] === 2 ? 1 : 0, 0, 0],
    period: 'day',
    ...(control ? { control } : {}),
  };
}

const future = (from: number, n: number) => Int32Array.from({ length: n }, (_, i) => from + i);
const weekly = (d: number) => WEEK[weekday(d)];

describe('seasonal-mean', () => {
  it('forecasts the mean of each weekday over the last 8 weeks', () => {
    // the older weeks run at double the level: only the last 8 weeks count
    const fit = MODELS['seasonal-mean'].fit(data(140, (d, i) => weekly(d) * (i < 84 ? 2 : 1)));
    const next = future(START + 140, 7);
    expect([...fit.mean(next)]).toEqual(next.map((d) => weekly(d)).reduce((a: number[], v) => [...a, v], []));
  });
  it('scales holidays by their ratio in the baseline', () => {
    // a Wednesday holiday at 4 instead of 10 → ratio 0.4; the next Wednesday holiday is 0.4 × 10
    const hol = { [START + 2]: 2 as const, [START + 7 * 12 + 2]: 2 as const };
    const fit = MODELS['seasonal-mean'].fit(data(70, (d) => (d === START + 2 ? 4 : weekly(d)), hol));
    expect(fit.mean([START + 7 * 12 + 2])[0]).toBeCloseTo(4, 9);
  });
});

describe('trend', () => {
  it('recovers a noiseless growth rate of e^0.5 − 1 a year and continues it', () => {
    const g = 0.5 / 365.25;
    const fit = MODELS.trend.fit(data(364, (d, i) => 50 * weekly(d) * Math.exp(g * i) / 10));
    expect(fit.summary().trendPerYear as number).toBeCloseTo(Math.exp(0.5) - 1, 2);
    const day = START + 364 + 30;
    expect(fit.mean([day])[0] / (5 * weekly(day) * Math.exp(g * 394))).toBeCloseTo(1, 2);
  });
});

describe('yearly cycle', () => {
  // a November peak: 20 × (1 + 0.5 cos(2π (day − peak) / 365.25)) a day
  const peak = toDay('2025-11-20');
  const cycle = (d: number) => 20 * (1 + 0.5 * Math.cos((2 * Math.PI * (d - peak)) / 365.25));
  const yearly = (n: number, flag?: boolean) => ({ ...data(n, cycle), ...(flag === undefined ? {} : { yearly: flag }) });
  it('is fitted on 700 days of baseline, and not on 400', () => {
    expect(MODELS.trend.fit(yearly(700)).summary().yearlySeasonality).toBe(true);
    expect(MODELS.trend.fit(yearly(400)).summary().yearlySeasonality).toBe(false);
  });
  it('is fitted on a backtest cut of a yearly baseline while the cut holds a whole year', () => {
    expect(MODELS.trend.fit(yearly(400, true)).summary().yearlySeasonality).toBe(true);
    expect(MODELS.trend.fit(yearly(364, true)).summary().yearlySeasonality).toBe(false);
  });
  it('forecasts the peak from a 400-day cut within 5 %', () => {
    // the cut ends 2026-02-09; the next peak is 284 days on
    const fit = MODELS.trend.fit(yearly(400, true));
    const day = peak + 365;
    expect(fit.mean([day])[0] / cycle(day)).toBeCloseTo(1, 1);
  });
});

describe('count', () => {
  it('forecasts the weekday means of a flat Poisson seller and draws whole, non-negative counts', () => {
    const rng = new Rng(3);
    const train = data(364, (d) => rng.poisson(weekly(d) / 5));
    const fit = MODELS.count.fit(train);
    const next = future(START + 364, 7);
    const mean = fit.mean(next);
    // with no trend and no level drift the Poisson MLE is the sample mean of each weekday
    const sample = (w: number) => {
      const ys = [...train.y].filter((_, i) => weekday(train.days[i]) === w);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    next.forEach((d, t) => expect(mean[t] / sample(weekday(d))).toBeCloseTo(1, 1));
    const paths = fit.simulate(next, 2000, new Rng(1));
    expect(paths.every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
    // the simulated Sundays average the model's Sunday mean (± 3 s.e. of 2000 draws)
    let s = 0;
    for (let k = 0; k < 2000; k++) s += paths[k * 7 + 6];
    expect(Math.abs(s / 2000 - mean[6])).toBeLessThan(3 * Math.sqrt(mean[6] / 2000) + 0.3);
  });
});

describe('ets', () => {
  it('reproduces a noiseless weekly pattern', () => {
    const fit = MODELS.ets.fit(data(140, (d) => weekly(d)));
    const next = future(START + 140, 14);
    const mean = fit.mean(next);
    next.forEach((d, t) => expect(mean[t]).toBeCloseTo(weekly(d), 6));
  });
});

describe('a deal day on the baseline\'s last day (Black Friday before a 11-29 incident)', () => {
  // a year of Poisson orders at 100–300 a day by WEEK's shape on a wandering level (AR(1), φ 0.9, s.d. 0.05),
  // then the same with the last day (a Sunday) at ×2.5
  const rng = new Rng(7);
  let x = 0;
  const base = Array.from({ length: 364 }, (_, i) => {
    x = 0.9 * x + 0.05 * rng.normal();
    return rng.poisson(10 * weekly(START + i) * Math.exp(x));
  });
  const spiked = base.map((v, i) => (i === base.length - 1 ? Math.round(v * 2.5) : v));
  const extra = spiked[spiked.length - 1] - base[base.length - 1];
  const next = future(START + 364, 56);
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  const lift = (name: 'ets' | 'count' | 'trend') => (sum(MODELS[name].fit(data(364, (_, i) => spiked[i])).mean(next)) - sum(MODELS[name].fit(data(364, (_, i) => base[i])).mean(next))) / extra;

  // the next eight weeks' forecast, per extra order of the deal day: robust filters (ets's errors
  // and the regressions' level clipped at 2.5 s.d.) against the plain ones before (7.6×, 0.97×, 1.16×)
  it('ets moves it by at most 3× the extra orders', () => expect(lift('ets')).toBeLessThan(3));
  it('count moves it by at most 0.7×', () => expect(lift('count')).toBeLessThan(0.7));
  it('trend moves it by at most 0.9×', () => expect(lift('trend')).toBeLessThan(0.9));
  it('and none of them ignores it', () => {
    for (const name of ['ets', 'count', 'trend'] as const) expect(lift(name)).toBeGreaterThan(0);
  });
});

describe('control', () => {
  it('learns y = control / 2 and forecasts from the control', () => {
    const control = (d: number) => 100 + 40 * Math.sin(d / 9) + 3 * weekday(d);
    const fit = MODELS.control.fit(data(200, (d) => control(d) / 2, {}, control));
    expect(fit.summary().controlElasticity as number).toBeCloseTo(1, 1);
    const day = START + 230;
    expect(fit.mean([day])[0] / (control(day) / 2)).toBeCloseTo(1, 1);
  });
});

describe('ensemble', () => {
  it('averages its members and draws paths from each', () => {
    const rng = new Rng(9);
    const d = data(200, (day) => rng.poisson(weekly(day)));
    const next = future(START + 200, 5);
    const e = MODELS.ensemble.fit(d).mean(next);
    const members = ['trend', 'count', 'ets', 'seasonal-mean'].map((m) => MODELS[m].fit(d).mean(next));
    next.forEach((_, t) => expect(e[t]).toBeCloseTo(members.reduce((a, m) => a + m[t], 0) / members.length, 9));
    const paths = MODELS.ensemble.fit(d).simulate(next, 300, new Rng(2));
    const col = Float64Array.from({ length: 300 }, (_, k) => paths[k * 5]).sort();
    expect(quantileSorted(col, 0.5)).toBeGreaterThan(0);
  });
});

describe('runaway forecasts', () => {
  // a seller's first 28 days (a tester's --by file): 0–5 orders a day, sales up to ₩545,000
  const REVENUE = [167000, 144000, 9900, 120000, 12000, 102900, 0, 515000, 145700, 12000, 45000, 21900, 295000, 109900, 69000, 39300, 260900, 9900, 415000,
    350000, 259900, 154500, 151600, 147800, 448000, 76000, 141900, 545000];
  const sparse = data(28, (_, i) => REVENUE[i]);
  const window = future(START + 28, 64);

  it('ets on a few sparse weeks runs away on the log scale; the ensemble leaves it out and says so', () => {
    const ets = MODELS.ets.fit(sparse).mean(window);
    expect(Math.max(...ets)).toBeGreaterThan(10 * 545_000); // far past it by the window's end
    const ens = MODELS.ensemble.fit(sparse);
    const mean = ens.mean(window);
    expect(Math.max(...mean)).toBeLessThan(2 * 545_000);
    const paths = ens.simulate(window, 400, new Rng(1));
    expect(Math.max(...paths)).toBeLessThan(100 * 545_000); // no path from the runaway member
    expect(ens.summary().runawayLeftOut).toBe('ets');
    // the other members' equal-weight average
    const others = ['trend', 'count', 'seasonal-mean'].map((m) => MODELS[m].fit(sparse).mean(window));
    for (const t of [0, 30, 63]) expect(mean[t]).toBeCloseTo(others.reduce((a, o) => a + o[t], 0) / 3, 6);
  });

  it('a sane baseline keeps every member, and records nothing', () => {
    const ens = MODELS.ensemble.fit(data(365, weekly));
    ens.mean(future(START + 365, 61));
    expect(ens.summary().runawayLeftOut).toBeUndefined();
  });
});
