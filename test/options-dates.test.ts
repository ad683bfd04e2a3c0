// Date options as people type them: year-first layouts read as ISO, everything else refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOptionsSchema, typedDate, windowSchema } from '../src/options.js';

describe('typedDate', () => {
  it('reads every real date in each year-first layout as the same ISO date (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(fc.property(day, fc.boolean(), (d, pad) => {
      const iso = d.toISOString().slice(0, 10);
      const [y, m, dd] = iso.split('-');
      const p = (v: string) => (pad ? v : String(+v));
      for (const typed of [iso, `${y}.${p(m)}.${p(dd)}`, `${y}/${p(m)}/${p(dd)}`, `${y}${m}${dd}`, `${y}년 ${+m}월 ${+dd}일`, ` ${iso} `]) {
        expect(typedDate(typed)).toBe(iso);
      }
    }), { numRuns: 500 });
  });

  it('refuses impossible dates, day- or month-first ones, mixed separators and times', () => {
    for (const s of ['2025-02-30', '2025-13-01', '11/29/2025', '29.11.2025', '2025-11/29', '2025-11-29 13:05', '251129', 'yesterday', '']) {
      expect(typedDate(s)).toBeNull();
    }
  });

  it('gives the options and windows ISO dates', () => {
    const o = estimateOptionsSchema.parse({ incident: '2025.11.29', until: '2026년 1월 5일', baseline: '2024.12.01..2025/11/28' });
    expect([o.incident, o.until, o.baseline]).toEqual(['2025-11-29', '2026-01-05', { start: '2024-12-01', end: '2025-11-28' }]);
    expect(windowSchema.safeParse('2025.11.01...2025.11.30').success).toBe(false);
  });
});
