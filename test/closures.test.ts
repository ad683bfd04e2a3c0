// Closures in a baseline: which runs of zeros are left out, which are habits or the incident itself.
import { describe, expect, it } from 'vitest';
import { closures } from '../src/core/closures.js';
import { estimate } from '../src/core/estimate.js';
import { toDay } from '../src/core/dates.js';
import { designSeller, toDailySeries } from '../src/sim/index.js';
import { ingested, OPTS } from './estimate-helpers.js';

const FROM = toDay('2025-03-03'); // a Monday, far from Seollal and Chuseok
const none = () => 0 as const;
const series = (parts: [number, number][]) => {
  const y = parts.flatMap(([v, k]) => Array<number>(k).fill(v));
  return { days: Int32Array.from(y, (_, i) => FROM + i), y: Float64Array.from(y) };
};

describe('closures', () => {
  it('finds a shut week and more in a shop that sells every day, with its usual level', () => {
    const { days, y } = series([[20, 40], [0, 10], [20, 40]]);
    expect(closures(days, y, 1, none)).toEqual({ closed: [{ first: 40, last: 49, usual: 20 }], atEnd: null });
  });

  it('leaves weekly rest days, a shop’s repeated short breaks and a small seller’s quiet spells', () => {
    const sundays = Float64Array.from({ length: 90 }, (_, i) => (i % 7 === 6 ? 0 : 20));
    expect(closures(Int32Array.from(sundays, (_, i) => FROM + i), sundays, 1, none).closed).toEqual([]);
    const six = series([[20, 40], [0, 6], [20, 40]]);
    expect(closures(six.days, six.y, 1, none).closed).toEqual([]);
    const tiny = series([[1, 40], [0, 15], [1, 40]]); // 15 days × 1 a day = 15 < 20 expected orders
    expect(closures(tiny.days, tiny.y, 1, none).closed).toEqual([]);
    const long = series([[1, 40], [0, 25], [1, 40]]);
    expect(closures(long.days, long.y, 1, none).closed).toEqual([{ first: 40, last: 64, usual: 1 }]);
  });

  it('takes an outage day of a shop that otherwise never has one, not a holiday or a small seller’s zero', () => {
    const one = series([[100, 100], [0, 1], [100, 100]]);
    expect(closures(one.days, one.y, 1, none).closed).toEqual([{ first: 100, last: 100, usual: 100 }]);
    expect(closures(one.days, one.y, 1, (d) => (d === FROM + 100 ? 1 : 0)).closed).toEqual([]); // a minor holiday: the holiday effect's
    const small = series([[5, 100], [0, 1], [5, 100]]); // 1 day × 5 a day: 5 < 20 expected orders
    expect(closures(small.days, small.y, 1, none).closed).toEqual([]);
    const y = Float64Array.from({ length: 300 }, (_, i) => (i === 50 || i === 150 || i === 250 ? 0 : 100));
    const d = Int32Array.from(y, (_, i) => FROM + i);
    expect(closures(d, y, 1, none).closed.map((r) => r.first)).toEqual([50, 150, 250]); // 3 of 300: still rare
    const y5 = y.map((v, i) => (i % 60 === 30 ? 0 : v)); // 8 zero days: a pattern, none taken
    expect(closures(d, y5, 1, none).closed).toEqual([]);
  });

  it('keeps up to ten zero days over a major holiday (a habit), not a month', () => {
    const week = series([[20, 40], [0, 8], [20, 40]]);
    const holiday = (d: number) => (d === FROM + 43 ? 2 : 0) as 0 | 2;
    expect(closures(week.days, week.y, 1, holiday).closed).toEqual([]);
    const month = series([[20, 60], [0, 30], [20, 60]]);
    expect(closures(month.days, month.y, 1, holiday).closed.map((r) => r.last - r.first + 1)).toEqual([30]);
  });

  it('reports zeros that reach the incident, without leaving them out', () => {
    const { days, y } = series([[20, 60], [0, 5]]);
    expect(closures(days, y, 1, none)).toEqual({ closed: [], atEnd: { first: 60, last: 64, usual: 20 } });
    const money = (k: number) => series([[100_000, 60], [0, k]]); // revenue without order counts: a week at least
    expect(closures(money(5).days, money(5).y, 0, none).atEnd).toBeNull();
    expect(closures(money(7).days, money(7).y, 0, none).atEnd).toEqual({ first: 60, last: 66, usual: 100_000 });
  });

  it('keeps everything when zeros cover over a quarter of the baseline', () => {
    const { days, y } = series([[20, 30], [0, 40], [20, 30]]);
    expect(closures(days, y, 1, none).closed).toEqual([]);
  });
});

describe('an estimate whose baseline holds a shut month', () => {
  it('comes out as it does without the closure, and says so', () => {
    const { sim } = designSeller('placebo', 3, 2024);
    const open = toDailySeries(sim);
    const cut = open.orders.length - 61 - 200; // a month well inside the baseline
    const shut = { ...open, orders: open.orders.map((v, i) => (i >= cut && i < cut + 30 ? 0 : v)), revenue: open.revenue.map((v, i) => (i >= cut && i < cut + 30 ? 0 : v)) };
    const o = { ...OPTS, incident: sim.incident, until: sim.until };
    const a = estimate(ingested(open), o), b = estimate(ingested(shut), o);
    expect(Math.abs(b.totals.orders.expected! - a.totals.orders.expected!) / a.totals.orders.expected!).toBeLessThan(0.02); // 5 % under without the closure rule
    const width = (c: typeof a) => c.totals.orders.upper! - c.totals.orders.lower!;
    expect(width(b)).toBeLessThan(1.3 * width(a));
    expect(b.warnings.filter((w) => w.code === 'CLOSED_DAYS').length).toBe(2); // orders and revenue
  });
});
