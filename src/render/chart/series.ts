// What the three chart panels show, derived from the claim alone (presentation reads only
// the claim): the original series with the counterfactual band, the daily loss, and the
// cumulative loss, each with its band.
import type { Claim, Total } from '../../core/claim.js';

/** The two charted metrics. */
export type ChartMetric = 'orders' | 'revenue';

/** Aligned per-day values of one metric (index i = claim.daily[i]); null = unknown. */
export interface ChartSeries {
  metric: ChartMetric;
  dates: string[];
  /** Day is left out of the totals (excluded, or actual unknown). */
  uncounted: boolean[];
  actual: (number | null)[];
  expected: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** expected − actual, and its band: the counterfactual band minus the actual. */
  loss: (number | null)[];
  lossLower: (number | null)[];
  lossUpper: (number | null)[];
  /** Running total of `loss` over counted days, and its band (see cumulativeBand). */
  cumulative: (number | null)[];
  cumulativeLower: (number | null)[];
  cumulativeUpper: (number | null)[];
}

const FIELDS = {
  orders: { actual: 'orders', expected: 'expectedOrders', lower: 'ordersLower', upper: 'ordersUpper' },
  revenue: { actual: 'revenue', expected: 'expectedRevenue', lower: 'revenueLower', upper: 'revenueUpper' },
} as const;

/** Whether the claim carries `metric` at all (a daily file may have only orders or only revenue). */
export function hasMetric(c: Claim, metric: ChartMetric): boolean {
  return c.totals[metric].expected !== null && c.daily.some((d) => d[FIELDS[metric].expected] !== null);
}

/** The chart series of `metric` from the claim's daily rows and totals. */
export function chartSeries(c: Claim, metric: ChartMetric): ChartSeries {
  const f = FIELDS[metric];
  const actual = c.daily.map((d) => d[f.actual]);
  const expected = c.daily.map((d) => d[f.expected]);
  const lower = c.daily.map((d) => d[f.lower]);
  const upper = c.daily.map((d) => d[f.upper]);
  const uncounted = c.daily.map((d, i) => d.excluded || actual[i] === null || expected[i] === null);
  const minus = (a: (number | null)[], i: number) => (a[i] === null || actual[i] === null ? null : (a[i] as number) - (actual[i] as number));
  const loss = actual.map((_, i) => minus(expected, i));
  const cum = cumulativeBand(expected, lower, upper, actual, uncounted, c.totals[metric]);
  return {
    metric, dates: c.daily.map((d) => d.date), uncounted, actual, expected, lower, upper,
    loss, lossLower: actual.map((_, i) => minus(lower, i)), lossUpper: actual.map((_, i) => minus(upper, i)),
    cumulative: cum.point, cumulativeLower: cum.lower, cumulativeUpper: cum.upper,
  };
}

/**
 * The cumulative loss and its band. The exact band of a running total needs the joint
 * simulated paths, which the claim does not carry; it carries two exact ends: day 1's band
 * (the band of a one-day total) and the totals' interval (from the joint paths). Between
 * them we assume one correlation between days at every horizon. With per-day half-widths
 * hᵢ (upper − expected, or expected − lower), a running total's half-width lies between
 * independent days, I(t) = √Σhᵢ², and perfectly comonotone days, C(t) = Σhᵢ; we take
 * J(t) = I(t) + θ·(C(t) − I(t)) with θ solved so that J at the last counted day meets the
 * totals' interval exactly (θ kept in [0, 1]; if the totals lie outside [I, C] the whole
 * curve is scaled to meet them instead). Summing daily bands (θ = 1) would overstate the
 * band whenever days are not perfectly correlated; √t interpolation would ignore weekday
 * and holiday differences in the daily bands. Uncounted days add nothing (flat).
 */
export function cumulativeBand(
  expected: (number | null)[], lower: (number | null)[], upper: (number | null)[], actual: (number | null)[],
  uncounted: boolean[], total: Total,
): { point: (number | null)[]; lower: (number | null)[]; upper: (number | null)[] } {
  const n = expected.length;
  let sum = 0;
  const point: number[] = [];
  const up = { c: [] as number[], i: [] as number[] };
  const lo = { c: [] as number[], i: [] as number[] };
  let cu = 0, iu = 0, cl = 0, il = 0;
  for (let t = 0; t < n; t++) {
    if (!uncounted[t]) {
      const e = expected[t] as number;
      sum += e - (actual[t] as number);
      const hu = Math.max(0, (upper[t] ?? e) - e);
      const hl = Math.max(0, e - (lower[t] ?? e));
      cu += hu; iu += hu * hu; cl += hl; il += hl * hl;
    }
    point.push(sum);
    up.c.push(cu); up.i.push(Math.sqrt(iu));
    lo.c.push(cl); lo.i.push(Math.sqrt(il));
  }
  if (n === 0 || total.upper === null || total.lower === null) {
    return { point, lower: point.map(() => null), upper: point.map(() => null) };
  }
  const end = point[n - 1];
  const hu = halfWidths(up.i, up.c, total.upper - end);
  const hl = halfWidths(lo.i, lo.c, end - total.lower);
  return { point, upper: point.map((p, t) => p + hu[t]), lower: point.map((p, t) => p - hl[t]) };
}

/** J(t) = k·(I + θ(C − I)) meeting `target` at the end; see cumulativeBand. */
function halfWidths(ind: number[], com: number[], target: number): number[] {
  const n = ind.length;
  const iT = ind[n - 1];
  const cT = com[n - 1];
  const goal = Math.max(0, target);
  const theta = cT - iT > 1e-12 ? Math.min(1, Math.max(0, (goal - iT) / (cT - iT))) : 0;
  const jT = iT + theta * (cT - iT);
  const k = jT > 0 ? goal / jT : 0;
  return ind.map((v, t) => k * (v + theta * (com[t] - v)));
}

