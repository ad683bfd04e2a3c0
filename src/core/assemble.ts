// Claim assembly: rounding and field names only; every number was computed upstream.
import { CLAIM_SCHEMA_ID, type Claim, type DailyRow, type Total } from './claim.js';
import { fromDay } from './dates.js';
import type { CoreOptions } from './estimate.js';
import type { MetricEstimate } from './inference.js';
import type { Selection } from './select.js';
import type { Ingested, Metric, Warning } from './types.js';
import type { Windows } from './windows.js';
import { TUNING } from './tuning.js';
import type { Period } from './period.js';

export interface AssembleInput {
  period: Period;
  ing: Ingested;
  o: CoreOptions;
  windows: Windows;
  selection: Selection;
  estimates: Map<Metric, MetricEstimate>;
  warnings: Warning[];
  /** Days from a point to the file's own day of its period (a weekly file's Sunday: −1 from the Monday point); 0 but for such files. */
  shift?: number;
}

const DIGITS = new Map<string, number>();

/** Decimal places of a currency's minor unit: KRW 0, USD 2. Kept per code: building the formatter was ~0.5 % of an estimate (`node --cpu-prof bench/core.mjs`). */
export function currencyDigits(currency: string): number {
  let d = DIGITS.get(currency);
  if (d === undefined) DIGITS.set(currency, (d = minorDigits(currency)));
  return d;
}

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Round to `digits` decimals, without −0: `roundTo(2.345, 1) === 2.3`. */
export function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
}

const ORDER_DIGITS = 1;
const EMPTY: Total = { actual: null, expected: null, lost: null, lower: null, upper: null };

function total(e: MetricEstimate | undefined, digits: number, scale = 1): Total {
  if (!e) return EMPTY;
  const r = (v: number) => roundTo(v * scale, digits);
  return { actual: r(e.actual), expected: r(e.expected), lost: r(e.lost), lower: r(e.lower), upper: r(e.upper) };
}

/** The claim, exactly the contract's fields (DESIGN §4), rounded for people. */
export function assembleClaim({ period, ing, o, windows, selection, estimates, warnings, shift = 0 }: AssembleInput): Claim {
  const money = currencyDigits(o.currency);
  const orders = estimates.get('orders');
  const revenue = estimates.get('revenue');
  const calibration = (e: MetricEstimate | undefined, m: number) => {
    if (!e) return null;
    const bt = selection.backtests[m];
    const inside = bt.windows.filter((w) => w.ratio <= 1).length;
    return { horizon: bt.horizon, windows: bt.windows.length, widening: roundTo(e.widening, 4), coverage: bt.windows.length ? roundTo(inside / bt.windows.length, 4) : null };
  };
  const sig = (e: MetricEstimate | undefined) =>
    e
      ? {
          pValue: roundTo(e.pValue, 4),
          probabilityOfLoss: roundTo(1 - e.pValue, 4),
          placebo: { ...e.placebo, pValue: e.placebo.pValue === null ? null : roundTo(e.placebo.pValue, 4) },
        }
      : { pValue: null, probabilityOfLoss: null, placebo: null };
  const recoveryMetric: Metric = orders ? 'orders' : 'revenue';
  const recovery = (orders ?? revenue)?.recovery ?? null;
  const interest = revenue?.weighted && o.interestRate !== undefined && o.asOf !== undefined
    ? { rate: o.interestRate, asOf: o.asOf, amount: roundTo(revenue.weighted.value, money), lower: roundTo(revenue.weighted.lower, money), upper: roundTo(revenue.weighted.upper, money) }
    : undefined;
  const metricIndex = (m: Metric) => [...estimates.keys()].indexOf(m);
  return {
    schema: CLAIM_SCHEMA_ID,
    generator: { name: 'loss-calc', version: o.version },
    seller: o.seller,
    level: o.level,
    currency: o.currency.toUpperCase(),
    period,
    input: {
      file: ing.info.file,
      sha256: ing.info.sha256,
      kind: ing.info.kind,
      encoding: ing.info.encoding,
      delimiter: ing.info.delimiter,
      rows: ing.info.rows,
      rowsUsed: ing.info.rowsUsed,
      rowsSkipped: ing.info.rowsSkipped,
      firstDate: ing.info.firstDate,
      lastDate: ing.info.lastDate,
      columns: ing.info.columns as Record<string, string>,
    },
    windows,
    model: {
      name: selection.model.name,
      description: selection.model.description,
      selection: o.model === 'auto' ? 'auto' : 'named',
      reason: selection.reason,
      candidates: selection.candidates.map((c) => ({
        ...c,
        score: c.score === null ? null : roundTo(c.score, 4),
        coverage: c.coverage === null ? null : roundTo(c.coverage, 4),
      })),
      parameters: { orders: orders?.summary ?? null, revenue: revenue?.summary ?? null },
      calibration: { orders: calibration(orders, metricIndex('orders')), revenue: calibration(revenue, metricIndex('revenue')) },
    },
    totals: {
      orders: total(orders, ORDER_DIGITS),
      revenue: total(revenue, money),
      ...(o.margin !== undefined ? { profit: total(revenue, money, o.margin) } : {}),
    },
    significance: { orders: sig(orders), revenue: sig(revenue) },
    recovery: { date: recovery === null ? null : fromDay(recovery - shift), metric: recoveryMetric, days: TUNING.recoveryDays },
    ...(interest ? { interest } : {}),
    options: {
      holidays: o.holidays, model: o.model, seed: o.seed, margin: o.margin ?? null, tz: o.tz,
      interestRate: o.interestRate ?? null, asOf: o.asOf ?? null, keepOneOffs: o.keepOneOffs === true, missingDays: o.missingDays ?? 'unknown',
    },
    warnings,
    daily: dailyRows(orders, revenue, money, shift),
  };
}

/** One row per loss-window period: actual and the counterfactual band of each metric, dated by the file's own day. */
function dailyRows(orders: MetricEstimate | undefined, revenue: MetricEstimate | undefined, money: number, shift: number): DailyRow[] {
  const base = orders ?? revenue;
  if (!base) return [];
  return base.daily.map((d, i) => {
    const o = orders?.daily[i];
    const r = revenue?.daily[i];
    const n = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? null : roundTo(v, digits));
    return {
      date: fromDay(d.day - shift),
      orders: n(o?.actual, ORDER_DIGITS),
      expectedOrders: n(o?.expected, ORDER_DIGITS),
      ordersLower: n(o?.lower, ORDER_DIGITS),
      ordersUpper: n(o?.upper, ORDER_DIGITS),
      revenue: n(r?.actual, money),
      expectedRevenue: n(r?.expected, money),
      revenueLower: n(r?.lower, money),
      revenueUpper: n(r?.upper, money),
      lostOrders: o && o.actual !== null ? roundTo(o.expected - o.actual, ORDER_DIGITS) : null,
      lostRevenue: r && r.actual !== null ? roundTo(r.expected - r.actual, money) : null,
      excluded: !d.counted && d.actual !== null,
    };
  });
}
