// SVG geometry checked directly: scales, ticks, path builders, the cumulative band, and
// one rendered panel's structure (points per series, band order, holidays, incident).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandPath, dateTickIndexes, dayScale, linearScale, linePath, niceDomain, niceStep, runs, seriesPoints,
} from '../src/render/chart/geometry.js';
import { metricPanels } from '../src/render/chart/panels.js';
import { chartSeries, cumulativeBand } from '../src/render/chart/series.js';
import { PANEL } from '../src/render/chart/svg.js';
import { simClaim } from './render-helpers.js';

const dates = (n: number, from = '2025-11-29') =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('scales', () => {
  it('linearScale maps the domain ends onto the range ends, and a flat domain to the middle', () => {
    const s = linearScale([0, 10], [100, 0]);
    expect([s(0), s(5), s(10)]).toEqual([100, 50, 0]);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it('the y scale is monotone: a larger value is never drawn lower (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      (values, a, b) => {
        const { domain } = niceDomain(values);
        const y = linearScale(domain, [PANEL.height - PANEL.bottom, PANEL.top]);
        return a <= b ? y(a) >= y(b) : y(a) <= y(b);
      },
    ));
  });

  it('dayScale maps the first and last date to the plot edges', () => {
    const d = dates(60);
    const x = dayScale(d, [PANEL.left, PANEL.width - PANEL.right]);
    expect(x.at(d[0])).toBe(PANEL.left);
    expect(x.at(d[59])).toBe(PANEL.width - PANEL.right);
    expect(x.at(d[30]) - x.at(d[29])).toBeCloseTo(x.dayWidth, 9);
    expect(dayScale(['2025-01-01'], [0, 100]).at('2025-01-01')).toBe(50);
  });

  it('niceStep and niceDomain give 1-2-5 steps, cover the values and zero, and end on ticks', () => {
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(7, 5)).toBe(2);
    const { domain, ticks } = niceDomain([3, 97], 5);
    expect(domain).toEqual([0, 100]);
    expect(ticks).toEqual([0, 20, 40, 60, 80, 100]);
    const neg = niceDomain([-259.5, 1536.7, null]);
    expect(neg.domain[0]).toBeLessThanOrEqual(-259.5);
    expect(neg.domain[1]).toBeGreaterThanOrEqual(1536.7);
    expect(neg.ticks).toContain(0);
    expect(niceDomain([null]).domain).toEqual([0, 1]);
  });

  it('date ticks start at the first day, fall a whole number of weeks apart on long windows, and stay few', () => {
    expect(dateTickIndexes(60)).toEqual([0, 14, 28, 42, 56]);
    expect(dateTickIndexes(10)).toEqual([0, 2, 4, 6, 8]);
    expect(dateTickIndexes(1)).toEqual([0]);
    for (const n of [15, 26, 90, 365]) {
      const t = dateTickIndexes(n);
      expect(t[0]).toBe(0);
      expect(t.length).toBeLessThanOrEqual(9);
      expect(t.every((v, i) => i === 0 || (v - t[i - 1]) % 7 === 0)).toBe(true);
    }
  });
});

describe('paths', () => {
  const y = linearScale([0, 10], [100, 0]);
  it('keeps one point per day, null for unknown days, and breaks the line there', () => {
    const pts = seriesPoints([1, 2, null, 4], (i) => i * 10, y);
    expect(pts).toHaveLength(4);
    expect(pts[2]).toBeNull();
    expect(runs(pts).map((r) => r.length)).toEqual([2, 1]);
    expect(linePath(pts)).toBe('M0,90L10,80M30,60');
  });

  it('a band goes along the upper edge and back along the lower one, closed, per known run', () => {
    const up = seriesPoints([5, 6, null, 8], (i) => i, y);
    const lo = seriesPoints([1, 2, null, 3], (i) => i, y);
    expect(bandPath(up, lo)).toBe('M0,50L1,40L1,80L0,90ZM0,20L6,20L6,70L0,70Z'); // the lone day is a bar ±3 wide
  });
});

describe('chart series of a real claim', () => {
  const claim = simClaim({ margin: 0.3 });
  for (const metric of ['orders', 'revenue'] as const) {
    it(`${metric}: one value per daily row, band upper ≥ lower, loss = expected − actual`, () => {
      const s = chartSeries(claim, metric);
      const n = claim.daily.length;
      for (const a of [s.actual, s.expected, s.lower, s.upper, s.loss, s.lossLower, s.lossUpper, s.cumulative, s.cumulativeLower, s.cumulativeUpper]) {
        expect(a).toHaveLength(n);
      }
      for (let i = 0; i < n; i++) {
        expect(s.upper[i]!).toBeGreaterThanOrEqual(s.lower[i]!);
        expect(s.lossUpper[i]!).toBeGreaterThanOrEqual(s.lossLower[i]!);
        expect(s.cumulativeUpper[i]!).toBeGreaterThanOrEqual(s.cumulative[i]! - 1e-9);
        expect(s.cumulativeLower[i]!).toBeLessThanOrEqual(s.cumulative[i]! + 1e-9);
        expect(s.loss[i]).toBeCloseTo(s.expected[i]! - s.actual[i]!, 6);
      }
    });

    it(`${metric}: the cumulative band is the day-1 band on day 1 and the totals' interval on the last day`, () => {
      const s = chartSeries(claim, metric);
      const t = claim.totals[metric];
      const last = claim.daily.length - 1;
      expect(s.cumulativeUpper[last]).toBeCloseTo(t.upper!, 6);
      expect(s.cumulativeLower[last]).toBeCloseTo(t.lower!, 6);
      expect(s.cumulative[last]).toBeCloseTo(t.lost!, metric === 'orders' ? 0 : -2); // sum of rounded days
      // day 1 is exact whenever θ stayed inside [0, 1] (totals between independent and comonotone days)
      expect(s.cumulativeUpper[0]! - s.cumulative[0]!).toBeCloseTo(s.upper[0]! - s.expected[0]!, 6);
      expect(s.cumulative[0]! - s.cumulativeLower[0]!).toBeCloseTo(s.expected[0]! - s.lower[0]!, 6);
    });
  }

  it('between the ends the half-width lies between independent and comonotone days', () => {
    const e = [10, 10, 10, 10];
    const a = [5, 5, 5, 5];
    const lo = [6, 6, 6, 6];
    const hi = [14, 14, 14, 14];
    const none = [false, false, false, false];
    // independent: √4·4 = 8; comonotone: 16 — a total of ±12 means θ = 0.5
    const b = cumulativeBand(e, lo, hi, a, none, { actual: 20, expected: 40, lost: 20, lower: 8, upper: 32 });
    expect(b.point).toEqual([5, 10, 15, 20]);
    expect(b.upper[0]! - 5).toBeCloseTo(4, 9);
    expect(b.upper[3]).toBeCloseTo(32, 9);
    expect(b.lower[3]).toBeCloseTo(8, 9);
    const h2 = b.upper[1]! - 10;
    expect(h2).toBeGreaterThan(Math.SQRT2 * 4);
    expect(h2).toBeLessThan(8);
    // totals narrower than independent days: θ = 0 and the whole curve is scaled to meet them
    const narrow = cumulativeBand(e, lo, hi, a, none, { actual: 20, expected: 40, lost: 20, lower: 16, upper: 24 });
    expect(narrow.upper[3]).toBeCloseTo(24, 9);
    expect(narrow.upper[0]! - 5).toBeCloseTo(2, 9);
    // uncounted days add nothing
    const skip = cumulativeBand(e, lo, hi, a, [false, true, false, false], { actual: 15, expected: 30, lost: 15, lower: 5, upper: 25 });
    expect(skip.point).toEqual([5, 5, 10, 15]);
    expect(skip.upper[1]).toBe(skip.upper[0]);
  });
});

describe('a rendered panel', () => {
  const claim = simClaim({ design: 'holiday-window', i: 1, seed: 3 });
  const panels = metricPanels(claim, 'revenue', 'en');
  const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

  it('draws three panels, each with one circle per daily row on its main series', () => {
    expect(panels.map((p) => p.id)).toEqual(['revenue-original', 'revenue-pointwise', 'revenue-cumulative']);
    for (const p of panels) {
      const main = /<g data-series="(actual|loss|cumulative)" data-points="(\d+)">(.*?)<\/g>/s.exec(p.svg)!;
      expect(Number(main[2])).toBe(claim.daily.length);
      expect(count(main[3], /<circle /g)).toBe(claim.daily.length);
      expect(p.svg).toContain('data-series="band"');
    }
  });

  it('marks holidays of the KR calendar inside the window, and the incident at the left edge', () => {
    const inWindow = claim.daily.length && count(panels[0].svg, /class="holiday"/g);
    expect(inWindow).toBeGreaterThan(0);
    expect(panels[0].svg).toMatch(new RegExp(`class="incident" x1="${PANEL.left.toFixed(1)}"`));
    const none = metricPanels({ ...claim, options: { ...claim.options, holidays: 'none' } }, 'revenue', 'en');
    expect(count(none[0].svg, /class="holiday"/g)).toBe(0);
  });

  it('labels both axes with thousands separators and dates', () => {
    expect(panels[0].svg).toMatch(/>\d{1,3}(,\d{3})+</);
    expect(panels[0].svg).toContain('>Date<');
    expect(panels[0].svg).toContain('Revenue (₩)');
  });
});
