// A drop that began before --incident: found at the end of the baseline, with where it began.
import { describe, expect, it } from 'vitest';
import { DROP_LOOKBACK_DAYS, beforeIncident, dropBeforeIncident } from '../src/core/early-drop.js';
import { estimate } from '../src/core/estimate.js';
import { fromDay, toDay } from '../src/core/dates.js';
import type { TrainingData } from '../src/core/models/model.js';
import { Rng } from '../src/core/random.js';
import { ingested, OPTS } from './estimate-helpers.js';

const FROM = toDay('2025-03-03'); // a Monday; the 210 days to the end hold no Seollal or Chuseok
const N = 210;
/** 60 orders a day (Poisson), times `factor` on the last `days` days. */
function seller(days: number, factor: number, seed = 3): TrainingData {
  const rng = new Rng(seed);
  const y = Float64Array.from({ length: N }, (_, i) => rng.poisson(60 * (i >= N - days ? factor : 1)));
  return { days: Int32Array.from(y, (_, i) => FROM + i), y, holidayOf: () => 0, holidayShare: () => [0, 0], period: 'day' };
}
const LOSS = FROM + N; // the incident: the day after the baseline

describe('beforeIncident: a surge (a sale ending the day before the incident)', () => {
  it('finds 8 days at twice the usual, from their first day to the last before the incident; a steady seller and a 15 % rise have none', () => {
    const u = beforeIncident(seller(8, 2), LOSS, 9).surge!;
    expect([Math.abs(u.start - (LOSS - 8)) <= 1, u.end, u.ratio > 1.8 && u.ratio < 2.2, u.z >= 4]).toEqual([true, LOSS - 1, true, true]);
    expect(beforeIncident(seller(8, 2), LOSS, 9).drop).toBeNull();
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(beforeIncident(seller(0, 1, seed), LOSS, 9).surge).toBeNull();
      expect(beforeIncident(seller(14, 1.15, seed), LOSS, 9).surge).toBeNull(); // 15 % up: not a promotion's
    }
    // a three-day flash sale at 3× is one: the level filter carries it into the counterfactual too
    expect(beforeIncident(seller(3, 3), LOSS, 9).surge?.start).toBe(LOSS - 4);
  });
});

describe('dropBeforeIncident', () => {
  it('says nothing of a steady seller, several streams', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(dropBeforeIncident(seller(0, 1, seed), LOSS, 9)).toBeNull();
  });

  it('finds a halving 10 days before the incident, from its first day', () => {
    const d = dropBeforeIncident(seller(10, 0.5), LOSS, 9)!;
    expect(d).not.toBeNull();
    expect(Math.abs(d.start - (LOSS - 10))).toBeLessThanOrEqual(1);
    expect(d.ratio).toBeGreaterThan(0.4);
    expect(d.ratio).toBeLessThan(0.6);
    expect(d.z).toBeLessThanOrEqual(-4);
    expect(d.atLimit).toBe(false);
  });

  it('says when the drop reaches past the look-back (it may have begun earlier)', () => {
    const d = dropBeforeIncident(seller(30, 0.5), LOSS, 9)!;
    expect(d.start).toBe(LOSS - DROP_LOOKBACK_DAYS);
    expect(d.atLimit).toBe(true);
  });

  it('leaves a small drop, a two-day dip, zeros at the end, periods and a short history to others', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(dropBeforeIncident(seller(14, 0.9, seed), LOSS, 9)).toBeNull(); // 10 % down: not an incident's
      expect(dropBeforeIncident(seller(2, 0.3, seed), LOSS, 9)).toBeNull(); // a two-day dip (an outage)
    }
    const zeros = { ...seller(10, 0), oneOffs: { zerosAtEnd: { start: LOSS - 10, end: LOSS - 1, usual: 60 } } };
    expect(dropBeforeIncident(zeros, LOSS, 9)).toBeNull(); // ZEROS_BEFORE_INCIDENT says it
    expect(dropBeforeIncident({ ...seller(10, 0.5), period: 'week' }, LOSS, 9)).toBeNull();
    const s = seller(10, 0.5);
    const short = { ...s, days: s.days.subarray(N - 80), y: s.y.subarray(N - 80) }; // 52 days before the look-back
    expect(dropBeforeIncident(short, LOSS, 9)).toBeNull();
  });

  it('warns in the claim with the --incident that would count the drop, and changes no number', () => {
    const s = seller(12, 0.5);
    const series = { start: fromDay(FROM), orders: [...s.y, ...Array(30).fill(30)], revenue: null as unknown as number[] };
    series.revenue = series.orders.map((v) => v * 10_000);
    const o = { ...OPTS, incident: fromDay(LOSS) };
    const claim = estimate(ingested(series), o);
    const w = claim.warnings.find((x) => x.code === 'DROP_BEFORE_INCIDENT');
    expect(w?.message).toMatch(new RegExp(`^orders: the last 1[1-3] days with data before the incident .* give --incident ${fromDay(LOSS - 12)}$`));
    const steady = seller(0, 1);
    const plain = { start: fromDay(FROM), orders: [...steady.y, ...Array(30).fill(30)], revenue: [...steady.y, ...Array(30).fill(30)].map((v) => v * 10_000) };
    expect(estimate(ingested(plain), o).warnings.map((x) => x.code)).not.toContain('DROP_BEFORE_INCIDENT');
  });
});
