// The eve of a Seollal or Chuseok break (명절 대목): its days in the calendar, the test of whether a
// seller has the season, and the counterfactual of a gift seller whose loss window holds one.
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../src/core/calendar.js';
import { toDay, weekday } from '../src/core/dates.js';
import { estimate } from '../src/core/estimate.js';
import { hasEveSeason } from '../src/core/models/holiday-ratio.js';
import { Rng } from '../src/core/random.js';
import { ingested, OPTS } from './estimate-helpers.js';

const day = toDay;

describe('the eve in the calendar', () => {
  // Chuseok 2025: the break is 10-05..10-08 (with the substitute day), 개천절 10-03 a minor holiday inside the eve
  const cal = holidayCalendar('KR', day('2025-09-01'), day('2025-10-31'));
  const kinds = (from: string, n: number) => Array.from({ length: n }, (_, i) => cal.holidayOf(day(from) + i));

  it('is the 14 ordinary days before a major break: its last week kind 3, the week before kind 4; holidays keep their kind', () => {
    // 09-20 … 10-09
    expect(kinds('2025-09-20', 20)).toEqual([0, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 1, 3, 2, 2, 2, 2, 1]);
    expect(cal.shareOf('day')(day('2025-10-04'))).toEqual([0, 0, 1, 0]);
    expect(cal.shareOf('week')(day('2025-09-29'))).toEqual([1 / 7, 1 / 7, 5 / 7, 0]); // Mon 09-29 … Sun 10-05: 개천절, 10-05, five eve days
  });

  it('reaches into the range from a break just after it, and is absent without major breaks', () => {
    const before = holidayCalendar('KR', day('2025-09-01'), day('2025-09-25'));
    expect(before.holidayOf(day('2025-09-21'))).toBe(4); // the break on 10-05 is past the range's end
    expect(before.list.some((h) => h.date >= '2025-09-26')).toBe(false);
    const us = holidayCalendar('US', day('2025-09-01'), day('2025-10-31'));
    expect(Array.from({ length: 61 }, (_, i) => us.holidayOf(day('2025-09-01') + i)).filter((k) => k >= 3)).toEqual([]);
    expect(us.holidayOf(day('2025-09-01'))).toBe(1); // Labor Day
  });
});

/** 2024-01-01 … 2025-12-31 of Poisson orders at 40 a day by weekday, holidays at half, eves at `eve`×. */
function seller(eve: number, seed = 3) {
  const cal = holidayCalendar('KR', day('2024-01-01'), day('2025-12-31'));
  const rng = new Rng(seed);
  const week = [1, 0.95, 0.95, 1, 1.05, 0.8, 1.2];
  const orders: number[] = [];
  for (let d = day('2024-01-01'); d <= day('2025-12-31'); d++) {
    const k = cal.holidayOf(d);
    orders.push(rng.poisson(40 * week[weekday(d)] * (k === 1 || k === 2 ? 0.5 : k >= 3 ? eve : 1)));
  }
  return { start: '2024-01-01', orders, revenue: orders.map((o) => o * 30_000) };
}

describe('whether a seller has an eve season', () => {
  const test = (s: { orders: number[] }, upTo: string) => {
    const cal = holidayCalendar('KR', day('2024-01-01'), day(upTo));
    const n = day(upTo) - day('2024-01-01') + 1;
    const days = Int32Array.from({ length: n }, (_, i) => day('2024-01-01') + i);
    return hasEveSeason(days, Float64Array.from(s.orders.slice(0, n)), cal.holidayOf);
  };

  it('is told by eves selling 1.6× the weeks before them, and not by Poisson noise alone', () => {
    expect(test(seller(1.6), '2025-08-31')).toBe(true);
    expect([1, 2, 3, 4, 5].map((seed) => test(seller(1, seed), '2025-08-31'))).toEqual([false, false, false, false, false]);
  });

  it('needs an eve and enough ordinary weeks to compare it with', () => {
    expect(test(seller(1.6), '2024-01-20')).toBe(false); // three weeks: no eve, no weeks
  });
});

describe('a gift seller whose loss window holds the Chuseok eve', () => {
  // incident 2025-09-15, three weeks before the break; no loss at all: the counterfactual is the actual
  const opts = { ...OPTS, incident: '2025-09-15', until: '2025-10-12' };
  const n = day('2025-10-12') - day('2024-01-01') + 1;
  const claimOf = (s: ReturnType<typeof seller>) => estimate(ingested({ start: s.start, orders: s.orders.slice(0, n), revenue: s.revenue.slice(0, n) }), opts);
  const claims = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => claimOf(seller(1.8, seed)));

  it('forecasts the eve: the loss is about zero, and 0 inside most intervals (without the eve, about −29 %: 14 of 28 days at 1.8×)', () => {
    const errors = claims.map((c) => Math.abs(c.totals.orders.lost!) / c.totals.orders.actual!);
    expect(errors.reduce((a, e) => a + e, 0) / errors.length).toBeLessThan(0.06);
    expect(Math.max(...errors)).toBeLessThan(0.15);
    // the baseline holds 7 days of the eve's first week, and the ratio models draw no error of its effect
    expect(claims.filter((c) => c.totals.orders.lower! <= 0 && c.totals.orders.upper! >= 0).length).toBeGreaterThanOrEqual(5);
  });

  it('records the eve weeks\' effects, near the 1.8× simulated', () => {
    const p = claims[0].model.parameters.orders as Record<string, number>;
    const effects = Object.entries(p).filter(([k]) => /holiday\.eve/.test(k)).map(([, v]) => v);
    expect(effects.length).toBe(8); // trend, count, ets and seasonal-mean, each with both weeks
    for (const e of effects) expect(e).toBeGreaterThan(1.5);
  });

  it('has no eve effect for a seller without the season', () => {
    const p = claimOf(seller(1)).model.parameters.orders as Record<string, number>;
    expect(Object.entries(p).filter(([k, v]) => /holiday\.eve/.test(k) && v !== 1)).toEqual([]);
  });
});

describe('the eve test and fit, at the edges', () => {
  const cal = holidayCalendar('KR', day('2024-01-01'), day('2025-12-31'));
  const series = (eve: number, seed: number) => seller(eve, seed).orders.slice(0, day('2025-08-31') - day('2024-01-01') + 1);
  const all = Int32Array.from({ length: day('2025-08-31') - day('2024-01-01') + 1 }, (_, i) => day('2024-01-01') + i);

  it('a missing day inside an eve does not split it in two (which counted its weeks twice and found seasons in noise)', () => {
    // one day of each eve unknown (left out of the training days): still no season in Poisson noise
    const gaps = new Set(['2024-02-03', '2024-09-10', '2025-01-20'].map(day));
    const days = all.filter((d) => !gaps.has(d));
    let found = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const y = series(1, seed);
      if (hasEveSeason(days, Float64Array.from(days, (d) => y[d - all[0]]), cal.holidayOf)) found++;
    }
    expect(found).toBeLessThanOrEqual(1); // at 3 s.d., about 0.3 % of sellers by chance
  });

  it('orders and revenue share one decision, so their order value does not jump over an eve', () => {
    const s = seller(1.8, 2);
    const n = day('2025-10-12') - day('2024-01-01') + 1;
    // revenue noisier than orders: an order value drawn per day; the season still shows in both or neither
    const rng = new Rng(9);
    const revenue = s.orders.slice(0, n).map((o) => Math.round(o * 30_000 * Math.exp(0.3 * rng.normal())));
    const c = estimate(ingested({ start: s.start, orders: s.orders.slice(0, n), revenue }), { ...OPTS, incident: '2025-09-15', until: '2025-10-12' });
    const has = (m: 'orders' | 'revenue') => 'trend.holiday.eve' in (c.model.parameters[m] as Record<string, number>);
    expect([has('orders'), has('revenue')]).toEqual([true, true]);
  });
});
