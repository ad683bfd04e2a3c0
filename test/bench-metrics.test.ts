// The accuracy benchmark's metric helpers, on hand-worked values.
import { describe, expect, it } from 'vitest';
// @ts-ignore plain ESM without types (bench/ is not compiled)
import { absPctError, coverage, covers, median, medianAbsPctError, medianRelWidth, relWidth, share } from '../bench/metrics.mjs';

describe('bench metrics', () => {
  it('median: odd, even, non-finite skipped, empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, null, NaN, 1, Infinity])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('absPctError: relative to |truth|, undefined at truth 0', () => {
    expect(absPctError(90, 100)).toBeCloseTo(0.1, 12);
    expect(absPctError(130, 100)).toBeCloseTo(0.3, 12);
    expect(absPctError(-5, -10)).toBeCloseTo(0.5, 12); // a negative truth (sales rose) still scales by its size
    expect(absPctError(3, 0)).toBeNull();
    expect(absPctError(null, 10)).toBeNull();
  });

  it('medianAbsPctError: errors 0.1, 0.5, 0.3 → 0.3; truth 0 rows skipped', () => {
    const rows = [{ est: 110, truth: 100 }, { est: 50, truth: 100 }, { est: 130, truth: 100 }, { est: 7, truth: 0 }];
    expect(medianAbsPctError(rows)).toBeCloseTo(0.3, 12);
  });

  it('covers and coverage: inclusive bounds, missing bounds skipped', () => {
    expect(covers(80, 120, 120)).toBe(true);
    expect(covers(80, 120, 79)).toBe(false);
    expect(covers(null, 120, 100)).toBeNull();
    const rows = [
      { lower: 0, upper: 10, truth: 5 }, // in
      { lower: 0, upper: 10, truth: 11 }, // out
      { lower: -3, upper: 4, truth: 0 }, // in (placebo: truth 0)
      { lower: 2, upper: 9, truth: 2 }, // in, on the edge
      { lower: null, upper: 9, truth: 2 }, // not scored
    ];
    expect(coverage(rows)).toBe(0.75);
    expect(coverage([])).toBeNaN();
  });

  it('relWidth and medianRelWidth: width over |truth| or over the counterfactual', () => {
    expect(relWidth(80, 120, 100)).toBeCloseTo(0.4, 12);
    expect(relWidth(80, 120, -200)).toBeCloseTo(0.2, 12);
    expect(relWidth(80, 120, 0)).toBeNull();
    const rows = [
      { lower: 50, upper: 150, truth: 100, ref: 1000 }, // 1.0 of truth, 0.1 of cf
      { lower: 0, upper: 60, truth: 200, ref: 600 }, // 0.3, 0.1
      { lower: 10, upper: 30, truth: 40, ref: 100 }, // 0.5, 0.2
    ];
    expect(medianRelWidth(rows)).toBeCloseTo(0.5, 12);
    expect(medianRelWidth(rows, 'ref')).toBeCloseTo(0.1, 12);
  });

  it('share: nulls skipped, NaN when nothing to count', () => {
    expect(share([true, false, null, true, true])).toBe(0.75);
    expect(share([null])).toBeNaN();
  });
});
