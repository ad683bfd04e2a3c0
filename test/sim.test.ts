// The seller simulator: determinism, the generator's structure, thinning, order rows,
// designs, and byte-identical fixtures.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toDay, weekday } from '../src/core/dates.js';
import { DESIGNS, designSeller } from '../src/sim/designs.js';
import { monthlyTotals } from '../src/sim/monthly.js';
import { orderRows } from '../src/sim/orders.js';
import { cutAt, simulateSeller, type SimulatedSeller } from '../src/sim/simulate.js';
import { writeFixtures } from '../src/sim/write-fixtures.js';

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};
const indexOf = (sim: SimulatedSeller, iso: string) => toDay(iso) - sim.startDay;

describe('simulateSeller', () => {
  it('is deterministic in its seed, and different seeds differ', () => {
    const a = simulateSeller({}, 7), b = simulateSeller({}, 7), c = simulateSeller({}, 8);
    expect(b.cfOrders).toEqual(a.cfOrders);
    expect(b.revenue).toEqual(a.revenue);
    expect(b.truth).toEqual(a.truth);
    expect(c.cfOrders).not.toEqual(a.cfOrders);
    expect(c.truth.lossRevenue).not.toBe(a.truth.lossRevenue);
  });

  it('lays out the windows: baseline before the incident, loss window to the last day', () => {
    const s = simulateSeller({ incident: '2025-11-29', baselineDays: 365, lossDays: 60 }, 1);
    expect(s.start).toBe('2024-11-29');
    expect(s.until).toBe('2026-01-27');
    expect(s.days).toBe(425);
    expect(s.cut[s.incidentIndex - 1]).toBe(0);
    expect(s.cut[s.incidentIndex]).toBe(0.5);
  });

  it('with drop = 0 has truth exactly 0 and actual == counterfactual on every day', () => {
    const s = simulateSeller({ drop: 0, arPhi: 0.7, arSigma: 0.1 }, 3);
    expect(s.orders).toEqual(s.cfOrders);
    expect(s.revenue).toEqual(s.cfRevenue);
    expect(s.truth.lossOrders).toBe(0);
    expect(s.truth.lossRevenue).toBe(0);
    expect(s.truth.expectedLossOrders).toBe(0);
  });

  it('keeps actual ≤ counterfactual and the truth equal to their difference (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 400, noNaN: true }), fc.integer({ min: 1, max: 90 }),
        (seed, drop, holdDays, recovery, level, lossDays) => {
          const s = simulateSeller({ drop, holdDays, recovery, level, lossDays, baselineDays: 60 }, seed);
          for (let i = 0; i < s.days; i++) {
            if (s.orders[i] > s.cfOrders[i] || s.revenue[i] > s.cfRevenue[i]) return false;
            if ((s.orders[i] === 0) !== (s.revenue[i] === 0)) return false;
          }
          const inc = s.incidentIndex;
          return s.truth.lossOrders === sum(s.cfOrders, inc) - sum(s.orders, inc) &&
            s.truth.lossRevenue === sum(s.cfRevenue, inc) - sum(s.revenue, inc);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reflects the weekday profile: Saturdays / Wednesdays ≈ the profile ratio', () => {
    const level = 50, sat = 1.8, size = 44, days = 7 * 1000;
    const s = simulateSeller({
      level, size, weekday: [1, 1, 1, 1, 1, sat, 1], holidays: 'none', drop: 0, baselineDays: days, lossDays: 1,
    }, 11);
    let sSat = 0, nSat = 0, sWed = 0, nWed = 0;
    for (let i = 0; i < s.days; i++) {
      const w = weekday(s.startDay + i);
      if (w === 5) (sSat += s.cfOrders[i]), nSat++;
      if (w === 2) (sWed += s.cfOrders[i]), nWed++;
    }
    // delta method on a ratio of means of NegBin counts (Var = μ + μ²/θ)
    const mS = level * sat, mW = level;
    const se = sat * Math.sqrt((mS + mS * mS / size) / (nSat * mS * mS) + (mW + mW * mW / size) / (nWed * mW * mW));
    expect(Math.abs(sSat / nSat / (sWed / nWed) - sat)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.05); // the test has power
  });

  it('applies the holiday factors (Chuseok 2025-10-06 major, Christmas minor) and the pre-holiday bump', () => {
    const p = { incident: '2026-01-10', weekday: [1, 1, 1, 1, 1, 1, 1], majorFactor: 0.4, minorFactor: 0.75 };
    const s = simulateSeller(p, 1);
    const flat = simulateSeller({ ...p, holidays: 'none' }, 1);
    const at = (iso: string) => s.mean[indexOf(s, iso)] / flat.mean[indexOf(flat, iso)];
    expect(at('2025-10-06')).toBeCloseTo(0.4, 12);
    expect(at('2025-10-08')).toBeCloseTo(0.4, 12); // substitute day of the Chuseok break
    expect(at('2025-12-25')).toBeCloseTo(0.75, 12);
    expect(at('2025-10-10')).toBeCloseTo(1, 12);
    const bumped = simulateSeller({ ...p, preHolidayBump: 0.3, preHolidayDays: 5 }, 1);
    const b = (iso: string) => bumped.mean[indexOf(bumped, iso)] / flat.mean[indexOf(flat, iso)];
    expect(b('2025-10-01')).toBeCloseTo(1.3, 12); // 4 days before the break starting 10-05
    expect(b('2025-10-03')).toBeCloseTo(0.75, 12); // 개천절 itself stays a holiday
    expect(b('2025-09-29')).toBeCloseTo(1, 12); // 6 days before: outside the 5-day bump
  });

  it('thins binomially: kept fraction during the hold ≈ 1 − drop, then recovers', () => {
    const drop = 0.4;
    const s = simulateSeller({ level: 300, drop, holdDays: 60, lossDays: 90, recovery: 1, recoveryDays: 10, holidays: 'none' }, 5);
    const inc = s.incidentIndex;
    const cf = sum(s.cfOrders, inc, inc + 60), kept = sum(s.orders, inc, inc + 60);
    const se = Math.sqrt(drop * (1 - drop) / cf);
    expect(Math.abs(kept / cf - (1 - drop))).toBeLessThan(4 * se);
    expect(s.cut[inc + 59]).toBe(drop);
    expect(s.cut[inc + 69]).toBe(0); // fully recovered after 10 days
    expect(sum(s.orders, inc + 70)).toBe(sum(s.cfOrders, inc + 70));
    expect(cutAt({ drop: 0.5, holdDays: 2, recovery: 0.5, recoveryDays: 4 }, 3)).toBeCloseTo(0.5 * (1 - 0.5 * 2 / 4));
  });

  it('puts missing days of a daily aggregate away from the incident and leaves them out of the truth', () => {
    const s = simulateSeller({ missingDays: 15, format: 'daily' }, 9);
    const idx = [...s.missing.keys()].filter((i) => s.missing[i]);
    expect(idx).toHaveLength(15);
    for (const i of idx) expect(Math.abs(i - s.incidentIndex)).toBeGreaterThan(7);
    let loss = 0;
    for (let i = s.incidentIndex; i < s.days; i++) if (!s.missing[i]) loss += s.cfOrders[i] - s.orders[i];
    expect(s.truth.lossOrders).toBe(loss);
    expect(simulateSeller({ missingDays: 15, format: 'orders' }, 9).missing.every((m) => m === 0)).toBe(true);
  });

  it('simulates a 425-day seller in well under 5 ms', () => {
    for (let k = 0; k < 20; k++) simulateSeller({}, k); // warm-up, holiday cache
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) simulateSeller({}, k);
    expect((performance.now() - t0) / 100).toBeLessThan(5);
  });
});

describe('orderRows', () => {
  const sim = simulateSeller({ level: 40, cancelRate: 0.05, lossDays: 60 }, 21);
  const rows = [...orderRows(sim, 4)];

  it('has per day exactly the simulated sale count and revenue; amount = quantity × unitPrice', () => {
    const n = new Int32Array(sim.days), rev = new Float64Array(sim.days);
    for (const r of rows) {
      expect(r.amount).toBe(r.quantity * r.unitPrice);
      expect(r.amount).toBeGreaterThan(0);
      expect(r.amount % sim.params.valueRound).toBe(0);
      if (!r.sale) continue;
      const i = toDay(r.timestamp.slice(0, 10)) - sim.startDay;
      n[i]++;
      rev[i] += r.amount;
    }
    expect(n).toEqual(sim.orders);
    expect(rev).toEqual(sim.revenue);
  });

  it('adds cancelled/returned/refunded rows at about the cancel rate, with non-sale statuses', () => {
    const cancels = rows.filter((r) => !r.sale);
    const share = cancels.length / rows.length;
    expect(Math.abs(share - 0.05)).toBeLessThan(4 * Math.sqrt(0.05 * 0.95 / rows.length));
    for (const r of cancels) expect(['취소완료', '반품완료', '환불완료']).toContain(r.status);
    for (const r of rows.filter((x) => x.sale)) expect(['결제완료', '배송완료', '구매확정']).toContain(r.status);
  });

  it('is in time order with increasing unique ids; newestFirst is the exact reverse', () => {
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k].timestamp >= rows[k - 1].timestamp).toBe(true);
      expect(BigInt(rows[k].id) > BigInt(rows[k - 1].id)).toBe(true);
    }
    expect(rows[0].timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect([...orderRows(sim, 4, { newestFirst: true })]).toEqual(rows.slice().reverse());
    expect([...orderRows(sim, 5)]).not.toEqual(rows);
  });

  it('follows the intraday profile: more orders at 21–22 h than at 3–4 h', () => {
    const byHour = new Array(24).fill(0);
    for (const r of rows) byHour[+r.timestamp.slice(11, 13)]++;
    expect(byHour[21] + byHour[22]).toBeGreaterThan(5 * (byHour[3] + byHour[4]));
  });

  it('streams 1,000,000 rows without building an array (the 5,000,000-row run is npm run bench)', () => {
    const big = simulateSeller({ level: 2_400, drop: 0, cancelRate: 0, size: Infinity, holidays: 'none' }, 2);
    const expected = sum(big.orders);
    expect(expected).toBeGreaterThan(1_000_000);
    const it = orderRows(big, 1);
    it.next();
    const heap0 = process.memoryUsage().heapUsed;
    let n = 1, peak = 0;
    for (let r = it.next(); !r.done; r = it.next()) {
      if (++n % 500_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
    }
    expect(n).toBe(expected);
    expect(peak).toBeLessThan(120 * 2 ** 20); // holding 1M rows would take well over 250 MB
  }, 60_000);
});

describe('DESIGNS', () => {
  const names = Object.keys(DESIGNS);

  it('has at least 9 designs, each giving valid, realistic, reproducible sellers', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      for (let i = 0; i < 15; i++) {
        const { params, sim } = designSeller(name, i, 1);
        expect(designSeller(name, i, 1).sim.truth).toEqual(sim.truth);
        const year = +sim.incident.slice(0, 4);
        expect(year >= 2024 && year <= 2026).toBe(true);
        expect(sim.days - sim.incidentIndex).toBeGreaterThanOrEqual(14);
        expect(sim.days - sim.incidentIndex).toBeLessThanOrEqual(name === 'monthly' ? 92 : 90);
        expect(params.drop).toBeDefined();
      }
    }
  });

  it('placebo: no incident, truth 0', () => {
    for (let i = 0; i < 20; i++) {
      const { sim } = designSeller('placebo', i, 3);
      expect(sim.truth.lossOrders).toBe(0);
      expect(sim.truth.lossRevenue).toBe(0);
    }
  });

  it('short-history: 28–180 days of history, a 14–60-day loss window', () => {
    const lengths: number[] = [];
    for (let i = 0; i < 40; i++) {
      const { sim } = designSeller('short-history', i, 3);
      lengths.push(sim.incidentIndex);
      expect(sim.days - sim.incidentIndex).toBeLessThanOrEqual(60);
    }
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(28);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(180);
    expect(Math.min(...lengths)).toBeLessThan(60); // some too short to backtest
  });

  it('tiny: 1–3 orders a day and many zero days', () => {
    const shares: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { sim } = designSeller('tiny', i, 3);
      const meanBase = sum(sim.cfOrders, 0, sim.incidentIndex) / sim.incidentIndex;
      expect(meanBase).toBeGreaterThan(0.6);
      expect(meanBase).toBeLessThan(3.5);
      shares.push(sim.orders.filter((x) => x === 0).length / sim.days);
    }
    shares.sort((a, b) => a - b);
    expect(shares[0]).toBeGreaterThan(0.03);
    expect(shares[10]).toBeGreaterThan(0.12); // median
  });

  it('monthly: 36 whole baseline months and whole loss months whose totals add up', () => {
    for (let i = 0; i < 10; i++) {
      const { sim } = designSeller('monthly', i, 3);
      const months = monthlyTotals(sim);
      expect(sim.start.endsWith('-01') && sim.incident.endsWith('-01')).toBe(true);
      expect(months).toHaveLength(monthlyTotals(sim, true).length); // no partial month
      const base = months.filter((m) => m.month < sim.incident);
      expect(base).toHaveLength(36);
      expect(months.length - 36).toBeGreaterThanOrEqual(1);
      expect(months.length - 36).toBeLessThanOrEqual(3);
      expect(months.reduce((s, m) => s + m.orders, 0)).toBe(sum(sim.orders));
      const lost = months.filter((m) => m.month >= sim.incident).reduce((s, m) => s + m.cfOrders - m.orders, 0);
      expect(lost).toBe(sim.truth.lossOrders);
    }
  });

  it('themes hold: gaps, holiday window, yearly peak, growth', () => {
    for (let i = 0; i < 10; i++) {
      const gaps = designSeller('gaps', i, 4).sim;
      const k = sum(gaps.missing);
      expect(k >= 10 && k <= 20).toBe(true);
      const hol = designSeller('holiday-window', i, 4).sim;
      const inWindow = [...hol.mean.keys()].filter((j) => j >= hol.incidentIndex);
      const major = hol.params.majorFactor;
      const noHol = simulateSeller({ ...hol.params, holidays: 'none' }, 0);
      expect(inWindow.some((j) => Math.abs(hol.mean[j] / noHol.mean[j] - major) < 1e-9)).toBe(true);
      const peak = designSeller('yearly-peak', i, 4).sim;
      expect(peak.incidentIndex).toBe(730);
      const peakDay = Math.round(peak.params.yearlyPeakDay);
      const doy = (j: number) => peak.startDay + j - toDay(`${new Date((peak.startDay + j) * 864e5).getUTCFullYear()}-01-01`) + 1;
      expect([...peak.mean.keys()].some((j) => j >= peak.incidentIndex && doy(j) === peakDay)).toBe(true);
      const grow = designSeller('growing', i, 4).sim;
      expect(grow.params.trend).toBeGreaterThanOrEqual(0.3);
      expect(sum(grow.mean, 300, 365)).toBeGreaterThan(sum(grow.mean, 0, 65) * 1.15);
    }
  });
});

describe('fixtures', () => {
  it('regenerate byte-identically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-calc-fixtures-'));
    try {
      writeFixtures(dir);
      const made = readdirSync(dir).sort();
      expect(made.length).toBeGreaterThanOrEqual(7);
      for (const f of made) {
        const a = readFileSync(join(dir, f)), b = readFileSync(join('fixtures', f));
        expect(a.equals(b), `${f} differs from fixtures/${f}; run npm run build && npm run fixtures`).toBe(true);
        if (f.endsWith('.csv')) expect(a.length).toBeLessThan(3_000_000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CP949 export decodes and its sale rows add up to the truth', () => {
    const text = iconv.decode(readFileSync('fixtures/coupang-orders-cp949.csv'), 'cp949');
    const truth = JSON.parse(readFileSync('fixtures/coupang-orders-cp949.truth.json', 'utf8'));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('주문번호,주문일시,상품명,옵션,수량,판매가,결제금액,주문상태');
    let orders = 0, revenue = 0;
    for (const line of lines.slice(1)) {
      const date = line.split(',')[1].slice(0, 10);
      const status = line.slice(line.lastIndexOf(',') + 1);
      if (date < truth.incident || /취소|반품|환불/.test(status)) continue;
      const money = line.match(/"([\d,]+)"/g)!;
      orders++;
      revenue += +money[money.length - 1].replace(/[",]/g, '');
    }
    expect(orders).toBe(truth.actual.orders);
    expect(revenue).toBe(truth.actual.revenue);
    expect(truth.trueLossOrders).toBe(truth.counterfactual.orders - truth.actual.orders);
    expect(lines[1].split(',')[1] > lines[lines.length - 1].split(',')[1]).toBe(true); // newest first
  });
});
