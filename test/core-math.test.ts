// Small numerical pieces of the core, each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { cholesky, cholSolve, cholInverse } from '../src/core/linalg.js';
import { estimateVariance, fitLogLink } from '../src/core/glm.js';
import { effectiveWindows, normalQuantile, outsideRatio, studentQuantile, tailProbability, widening, type BacktestWindow } from '../src/core/backtest.js';
import fc from 'fast-check';
import { median, quantileSelect, quantileSorted, standardDeviation } from '../src/core/quantile.js';
import { lag1Autocorrelation } from '../src/core/noise.js';
import { Rng, logFactorial } from '../src/core/random.js';
import { addDays, daysInclusive, fromDay, toDay, weekday } from '../src/core/dates.js';
import { detectPeriod, nextPeriod, periodStart, toPeriods } from '../src/core/period.js';

describe('linear algebra', () => {
  it('factors [[4,2],[2,3]] as [[2,0],[1,√2]] and solves with it', () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect([...l].map((v) => +v.toFixed(12))).toEqual([2, 0, 1, +Math.SQRT2.toFixed(12)]);
    // 4x + 2y = 8, 2x + 3y = 8 → x = 1, y = 2
    const x = cholSolve(l, 2, Float64Array.from([8, 8]));
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
    // inverse of [[4,2],[2,3]] is [[3,-2],[-2,4]]/8
    expect([...cholInverse(l, 2)].map((v) => v * 8)).toEqual([3, -2, -2, 4].map((v) => expect.closeTo(v, 10)));
  });
  it('refuses a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});

describe('log-link regression', () => {
  it('recovers a saturated Poisson fit: y = [2, 8] on [1, x] gives β = [log 2, log 4]', () => {
    const x = Float64Array.from([1, 0, 1, 1]);
    const fit = fitLogLink(x, [2, 8], 2, [0, 0], { a: 1, b: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(Math.log(2), 8);
    expect(fit.beta[1]).toBeCloseTo(Math.log(4), 8);
    // Poisson covariance of a saturated fit: Var(β0) = 1/2, Var(β1) = 1/2 + 1/8
    expect(fit.cov[0]).toBeCloseTo(0.5, 6);
    expect(fit.cov[3]).toBeCloseTo(0.625, 6);
  });
  it('estimates a Poisson variance as a ≈ 1, b ≈ 0 and a negative-binomial one as b ≈ 1/θ', () => {
    const rng = new Rng(7);
    const mu: number[] = [];
    const yP: number[] = [];
    const yN: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const m = 5 + (i % 50);
      mu.push(m);
      yP.push(rng.poisson(m));
      yN.push(rng.negbin(m, 10));
    }
    const p = estimateVariance(yP, mu);
    expect(p.a).toBeGreaterThan(0.85);
    expect(p.a).toBeLessThan(1.15);
    expect(p.b).toBeLessThan(0.01);
    const n = estimateVariance(yN, mu);
    expect(n.b).toBeGreaterThan(0.08);
    expect(n.b).toBeLessThan(0.12);
  });
});

describe('interval helpers', () => {
  it('measures how far outside an interval an actual falls, in half-widths', () => {
    expect(outsideRatio(70, 100, 80, 120)).toBeCloseTo(1.5);
    expect(outsideRatio(110, 100, 80, 120)).toBeCloseTo(0.5);
    expect(outsideRatio(100, 100, 80, 120)).toBe(0);
  });
  const bt = (ratios: number[], step = 60, horizon = 60) => ({ horizon, step, windows: ratios.map((ratio) => ({ ratio }) as BacktestWindow) });
  it('scales by the RMS standardised backtest error times Student t, within [0.8, 4]', () => {
    expect(widening(bt([]), 0.95)).toBe(1);
    expect(widening(bt([0.1, 0.2]), 0.95)).toBe(0.8); // floored
    // eight separate windows each at 0.4 of their half-width: 0.4 × t_8(0.975) = 0.4 × 2.306
    expect(widening(bt(Array(8).fill(0.4)), 0.95)).toBeCloseTo(0.4 * 2.306, 2);
    expect(widening(bt([100]), 0.95)).toBe(4); // capped
  });
  it('counts overlapping backtest windows as fewer', () => {
    expect(effectiveWindows(8, 60, 60)).toBe(8);
    expect(effectiveWindows(8, 30, 60)).toBeCloseTo(8 / 1.5, 9); // neighbours share half their days
    expect(widening(bt(Array(8).fill(0.4), 30), 0.95)).toBeGreaterThan(widening(bt(Array(8).fill(0.4), 60), 0.95));
  });
  it('approximates Student t quantiles', () => {
    expect(studentQuantile(0.975, 8)).toBeCloseTo(2.306, 2);
    expect(studentQuantile(0.975, 30)).toBeCloseTo(2.042, 2);
    expect(studentQuantile(0.95, 10)).toBeCloseTo(1.812, 2);
  });
  it('computes normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });
  it('gives tail probabilities with the +1 correction', () => {
    const draws = Float64Array.from([1, 2, 3, 4]);
    expect(tailProbability(draws, 0)).toBeCloseTo(1 / 5);
    expect(tailProbability(draws, 2)).toBeCloseTo(3 / 5);
    expect(tailProbability(draws, 9)).toBeCloseTo(1);
  });
  it('computes quantiles, medians and standard deviations', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(standardDeviation([1, 2, 3])).toBe(1);
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75);
  });
  it('selects exactly the quantile a sort gives, whatever the order and ties', () => {
    expect(quantileSelect(Float64Array.from([4, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(quantileSelect(Float64Array.from([5, 5, 5]), 0.975)).toBe(5);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (raw, q) => {
        const xs = raw.map((x) => x + 0); // −0 and 0 tie in a selection but not in a sort
        const values = Float64Array.from(xs);
        const expected = quantileSorted(Float64Array.from(values).sort(), q);
        const lo = quantileSelect(values, 0.025); // a second selection on the reordered array
        expect(lo).toBe(quantileSorted(Float64Array.from(xs).sort(), 0.025));
        expect(quantileSelect(values, q)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('random numbers', () => {
  it('repeats a stream for a seed and differs between seeds', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const c = new Rng(2);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
  });
  it('draws Poisson and negative binomial with the right mean and variance', () => {
    const rng = new Rng(11);
    for (const [mean, size] of [[2, Infinity], [40, Infinity], [40, 5]] as const) {
      let s = 0;
      let s2 = 0;
      const n = 100000;
      for (let i = 0; i < n; i++) {
        const x = Number.isFinite(size) ? rng.negbin(mean, size) : rng.poisson(mean);
        s += x;
        s2 += x * x;
      }
      const m = s / n;
      const v = s2 / n - m * m;
      const want = mean + (Number.isFinite(size) ? (mean * mean) / size : 0);
      expect(m).toBeCloseTo(mean, 0);
      expect(Math.abs(v / want - 1)).toBeLessThan(0.05);
    }
  });
  it('computes log-factorials exactly and by Stirling', () => {
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    expect(logFactorial(12)).toBeCloseTo(Math.log(479001600), 9);
  });
});

describe('dates', () => {
  it('converts, counts and names weekdays', () => {
    expect(toDay('1970-01-02')).toBe(1);
    expect(fromDay(toDay('2025-11-29'))).toBe('2025-11-29');
    expect(Number.isNaN(toDay('2025-02-30'))).toBe(true);
    expect(weekday(toDay('2025-11-29'))).toBe(5); // a Saturday
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysInclusive('2025-01-01', '2025-01-31')).toBe(31);
  });
});

describe('periods', () => {
  const series = (start: string, values: (number | null)[]) => ({ start, orders: values, revenue: values });
  it('detects months, weeks and days from the dates that have rows', () => {
    const monthly = Array(100).fill(null);
    for (const d of ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']) monthly[toDay(d) - toDay('2025-01-01')] = 5;
    expect(detectPeriod(series('2025-01-01', monthly))).toBe('month');
    const weekly = Array(29).fill(null).map((_, i) => (i % 7 === 0 ? 3 : null));
    expect(detectPeriod(series('2025-01-06', weekly))).toBe('week');
    expect(detectPeriod(series('2025-01-01', [1, 2, 3, 4]))).toBe('day');
  });
  it('finds period starts and the next period', () => {
    expect(fromDay(periodStart(toDay('2025-11-29'), 'week'))).toBe('2025-11-24');
    expect(fromDay(periodStart(toDay('2025-11-29'), 'month'))).toBe('2025-11-01');
    expect(fromDay(nextPeriod(toDay('2025-12-01'), 'month'))).toBe('2026-01-01');
  });
  it('sums days into whole weeks, leaving cut and unknown weeks out or unknown', () => {
    // 2025-01-01 is a Wednesday: the first whole week starts Monday 2025-01-06
    const days = Array.from({ length: 26 }, (_, i) => (i === 20 ? null : 1));
    const weeks = toPeriods(series('2025-01-01', days), 'orders', 'week', 'day');
    expect([...weeks.entries()].map(([p, v]) => [fromDay(p), v])).toEqual([['2025-01-06', 7], ['2025-01-13', 7], ['2025-01-20', null]]);
  });
});
