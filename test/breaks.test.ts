// The lasting-level-change detector (core/breaks.ts) on series whose answer is known by
// construction, and what a detected change does to an estimate.
import { describe, expect, it } from 'vitest';
import { levelShift } from '../src/core/breaks.js';
import { fromDay, toDay, weekday } from '../src/core/dates.js';
import { estimate } from '../src/core/estimate.js';
import type { TrainingData } from '../src/core/models/model.js';
import { Rng } from '../src/core/random.js';
import { designSeller, toDailySeries } from '../src/sim/index.js';
import { ingested, OPTS } from './estimate-helpers.js';

const START = toDay('2024-01-01'); // a Monday
const WEEK = [1, 1, 1, 1, 1.1, 1.5, 1.6]; // Mon..Sun

/** n days of Poisson orders around `mean(i)` × the weekday profile, seeded. */
function series(n: number, mean: (i: number) => number, seed = 7, period: TrainingData['period'] = 'day'): TrainingData {
  const rng = new Rng(seed);
  const days = Int32Array.from({ length: n }, (_, i) => START + i);
  return {
    days,
    y: Float64Array.from(days, (d, i) => rng.poisson(mean(i) * WEEK[weekday(d)])),
    holidayOf: () => 0,
    holidayShare: () => [0, 0],
    period,
  };
}

describe('levelShift', () => {
  it('finds a step of +50 % 80 days before the end, within a week, at about ×1.5', () => {
    const s = levelShift(series(365, (i) => (i < 285 ? 60 : 90)));
    expect(s).not.toBeNull();
    expect(Math.abs(s!.day - (START + 285))).toBeLessThanOrEqual(7);
    expect(s!.ratio).toBeGreaterThan(1.4);
    expect(s!.ratio).toBeLessThan(1.6);
  });
  it('finds a drop to 60 % as a ratio below one', () => {
    const s = levelShift(series(300, (i) => (i < 200 ? 80 : 48)));
    expect(s!.ratio).toBeGreaterThan(0.55);
    expect(s!.ratio).toBeLessThan(0.65);
  });
  it('reads a steady trend of +50 % a year as no shift', () => {
    expect(levelShift(series(365, (i) => 60 * (1 + (0.5 * i) / 365)))).toBeNull();
  });
  it('reads a yearly swing of ±15 % as no shift', () => {
    expect(levelShift(series(365, (i) => 60 * (1 + 0.15 * Math.cos((2 * Math.PI * i) / 365.25))))).toBeNull();
  });
  it('reads promotion days (×4 for three days, three times) as no shift', () => {
    const promo = new Set([100, 101, 102, 200, 201, 202, 330, 331, 332]);
    expect(levelShift(series(365, (i) => (promo.has(i) ? 240 : 60)))).toBeNull();
  });
  it('finds a doubling five weeks before the end (the least new data a split takes is four weeks)', () => {
    const s = levelShift(series(365, (i) => (i < 330 ? 60 : 120)));
    expect(Math.abs(s!.day - (START + 330))).toBeLessThanOrEqual(7);
    expect(s!.ratio).toBeGreaterThan(1.8);
    expect(s!.ratio).toBeLessThan(2.2);
  });
  it('reads only daily data (weekly points hold no weekday pattern to align)', () => {
    expect(levelShift(series(365, (i) => (i < 285 ? 60 : 90), 7, 'week'))).toBeNull();
  });
});

describe('an estimate across a lasting level change', () => {
  // a seller whose level rose ×1.6 some 100 days before the incident (simulated, known loss)
  const sim = (i: number) => designSeller('level-shift', i, 2024).sim;
  const claimOf = (i: number) => {
    const s = sim(i);
    return { s, c: estimate(ingested(toDailySeries(s)), { ...OPTS, incident: s.incident, until: s.until }) };
  };
  it('warns LEVEL_SHIFT with the date and suggests a baseline from it', () => {
    const hits = [0, 1, 2, 3, 4, 5, 6, 7].map(claimOf).filter(({ c }) => c.warnings.some((w) => w.code === 'LEVEL_SHIFT'));
    expect(hits.length).toBeGreaterThan(0);
    for (const { s, c } of hits) {
      const w = c.warnings.find((x) => x.code === 'LEVEL_SHIFT')!;
      const day = /from about (\d{4}-\d{2}-\d{2})/.exec(w.message)![1];
      const truth = toDay(s.incident) - s.params.shiftDaysBefore;
      expect(Math.abs(toDay(day) - truth)).toBeLessThanOrEqual(21);
      expect(w.message).toContain(`--baseline ${day}..${fromDay(toDay(s.incident) - 1)}`);
      // a fall within 90 days of the incident may be the incident begun early: the other reading is offered
      const fell = /lastingly by -/.test(w.message);
      expect(w.message.includes(`give --incident ${day}`)).toBe(fell && toDay(s.incident) - toDay(day) <= 90);
    }
  });
});
