// One-off baseline spikes: which days are left out, which never are, and what it does to a claim.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spikes, threshold } from '../src/core/spikes.js';
import { estimate } from '../src/core/estimate.js';
import { designSeller, toDailySeries } from '../src/sim/index.js';
import { ingested, OPTS } from './estimate-helpers.js';

const days = (n: number, from = 20000) => Int32Array.from({ length: n }, (_, i) => from + i);
const at = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));

describe('threshold', () => {
  it('is 10× the usual level, and in orders at least ρ + 10√ρ + 10', () => {
    expect(threshold(13, 1)).toBe(130);
    expect(threshold(0, 1)).toBe(10);
    expect(threshold(1, 1)).toBe(21);
    expect(threshold(4, 1)).toBe(40); // max(40, 4 + 20 + 10 = 34)
    expect(threshold(2, 1)).toBeCloseTo(2 + 10 * Math.SQRT2 + 10, 9); // 26.1 > 20
    expect(threshold(300_000, 30_000)).toBe(3_000_000); // money in order units: ρ = 10 → max(100, 51.6) orders
    expect(threshold(1000, 0)).toBe(10_000); // unknown order value: the ratio alone
  });
});

describe('spikes', () => {
  it('finds a one-off day and the usual level it was judged against', () => {
    const y = at(60, (i) => (i === 30 ? 500 : 10));
    expect(spikes(days(60), y, 1)).toEqual([{ index: 30, value: 500, usual: 10 }]);
  });

  it('takes a day strictly above the threshold only', () => {
    expect(spikes(days(60), at(60, (i) => (i === 30 ? 100 : 10)), 1)).toEqual([]);
    expect(spikes(days(60), at(60, (i) => (i === 30 ? 101 : 10)), 1).map((s) => s.index)).toEqual([30]);
  });

  it('never takes a weekend seller’s weekends, nor the days after a lasting ×12 jump', () => {
    const weekend = at(120, (i) => (i % 7 === 5 || i % 7 === 6 ? 50 : 0));
    expect(spikes(days(120), weekend, 1)).toEqual([]);
    const jump = at(120, (i) => (i >= 60 ? 120 : 10));
    expect(spikes(days(120), jump, 1)).toEqual([]);
  });

  it('keeps spikes that are not rare: then they are the seller’s pattern', () => {
    const y = at(200, (i) => (i % 40 === 20 ? 1000 : 10)); // 5 of 200 days: over max(3, 2 %)
    expect(spikes(days(200), y, 1)).toEqual([]);
    const few = at(200, (i) => (i === 50 || i === 150 ? 1000 : 10));
    expect(spikes(days(200), few, 1).map((s) => s.index)).toEqual([50, 150]);
  });

  it('judges days across gaps by the days that are there, and skips a day with too few neighbours', () => {
    const d = Int32Array.from([...Array(20).keys()].map((i) => 20000 + 3 * i)); // every third day
    const y = at(20, (i) => (i === 10 ? 400 : 10));
    expect(spikes(d, y, 1).map((s) => s.index)).toEqual([10]); // 9 neighbours within ±14 days
    expect(spikes(days(6), at(6, (i) => (i === 3 ? 400 : 10)), 1)).toEqual([]); // 5 neighbours
  });

  it('never flags a day below 10× its neighbours (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 1, max: 9.9, noNaN: true }), { minLength: 8, maxLength: 200 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (ratios, base) => {
      const y = Float64Array.from(ratios, (r) => r * base);
      expect(spikes(days(y.length), y, 0)).toEqual([]);
    }), { numRuns: 300 });
  });
});

describe('an estimate whose baseline holds spikes', () => {
  it('comes out as it would without them, and says which days it left out', () => {
    for (let i = 0; i < 3; i++) {
      const { sim } = designSeller('spikes', i, 2024);
      const c = estimate(ingested(toDailySeries(sim)), { ...OPTS, incident: sim.incident, until: sim.until });
      const cf = sim.truth.cfOrders;
      // left in, the spikes put the counterfactual 20–30 % off and the interval at ~2× the true counterfactual
      expect(Math.abs(c.totals.orders.expected! - cf) / cf).toBeLessThan(0.15);
      expect(c.totals.orders.upper! - c.totals.orders.lower!).toBeLessThan(0.6 * cf);
      expect(sim.truth.lossOrders).toBeGreaterThanOrEqual(c.totals.orders.lower!);
      expect(sim.truth.lossOrders).toBeLessThanOrEqual(c.totals.orders.upper!);
      const w = c.warnings.find((x) => x.code === 'SPIKES_LEFT_OUT' && x.message.startsWith('orders'));
      expect(w?.message).toMatch(/\d{4}-\d\d-\d\d \(/);
    }
  });

  it('is fitted as it is with keepOneOffs (--keep-one-offs): no day left out, and the claim says so', () => {
    const { sim } = designSeller('spikes', 0, 2024);
    const o = { ...OPTS, incident: sim.incident, until: sim.until };
    const left = estimate(ingested(toDailySeries(sim)), o);
    const kept = estimate(ingested(toDailySeries(sim)), { ...o, keepOneOffs: true });
    expect(kept.warnings.some((w) => w.code === 'SPIKES_LEFT_OUT' || w.code === 'CLOSED_DAYS')).toBe(false);
    expect([left.options.keepOneOffs, kept.options.keepOneOffs]).toEqual([false, true]);
    expect(kept.totals.orders).not.toEqual(left.totals.orders); // the spike is fitted: other numbers
  });
});
