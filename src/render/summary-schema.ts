// The batch summary row (DESIGN §4 "Batch outputs"): one per seller, in summary.csv and
// summary.json. Its zod schema is the source of `loss-calc schema summary`; batch imports
// it and summaryRowOf so every row is built and validated the same way.
import { z } from 'zod';
import type { Claim } from '../core/claim.js';

/** How a seller's estimate ended. */
export const SUMMARY_STATUSES = ['ok', 'insufficient-data', 'failed'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

const amount = (what: string) => z.number().nullable().describe(what);

/** One seller's row; numbers are the claim's own (null when the metric or the estimate is missing). */
export const summaryRowSchema = z.object({
  seller: z.string().describe('seller id, as in the claim'),
  status: z.enum(SUMMARY_STATUSES).describe('ok; insufficient-data (too little data for an estimate: BASELINE_TOO_SHORT, INCIDENT_OUTSIDE_DATA, NO_LOSS_WINDOW_DATA, NO_ROWS, EMPTY_FILE); failed (any other error)'),
  model: z.string().nullable().describe('model used (claim.model.name); null unless ok'),
  lost_orders: amount('claim.totals.orders.lost'),
  lost_orders_lower: amount('claim.totals.orders.lower'),
  lost_orders_upper: amount('claim.totals.orders.upper'),
  lost_revenue: amount('claim.totals.revenue.lost, in the currency unit'),
  lost_revenue_lower: amount('claim.totals.revenue.lower'),
  lost_revenue_upper: amount('claim.totals.revenue.upper'),
  lost_profit: amount('claim.totals.profit.lost; null without --margin'),
  lost_pct: amount('lost revenue as a percentage of expected revenue (orders when there is no revenue), one decimal, e.g. 23.6'),
  warnings: z.string().describe('warning codes, space-separated (empty when none)'),
  error: z.string().nullable().describe('"CODE: message" when status is not ok, else null'),
});

export type SummaryRow = z.infer<typeof summaryRowSchema>;

/** Column order of summary.csv: the schema's keys, so the two cannot drift apart. */
export const BATCH_SUMMARY_COLUMNS = Object.keys(summaryRowSchema.shape) as (keyof SummaryRow)[];

/** lost ÷ expected as a percentage with one decimal: `lostPct(25, 100) === 25`; null when undefined. */
export function lostPct(lost: number | null, expected: number | null): number | null {
  if (lost === null || expected === null || expected === 0) return null;
  return Math.round((1000 * lost) / expected) / 10;
}

/** The summary row of a finished claim. */
export function summaryRowOf(c: Claim): SummaryRow {
  const { orders: o, revenue: r, profit: p } = c.totals;
  const main = r.expected !== null ? r : o;
  return {
    seller: c.seller, status: 'ok', model: c.model.name,
    lost_orders: o.lost, lost_orders_lower: o.lower, lost_orders_upper: o.upper,
    lost_revenue: r.lost, lost_revenue_lower: r.lower, lost_revenue_upper: r.upper,
    lost_profit: p?.lost ?? null, lost_pct: lostPct(main.lost, main.expected),
    warnings: [...new Set(c.warnings.map((w) => w.code))].join(' '), error: null,
  };
}

/** The row of a seller without a claim: `failedRow('s1', 'failed', 'BAD_CSV: …')`. */
export function failedRow(seller: string, status: Exclude<SummaryStatus, 'ok'>, error: string): SummaryRow {
  return {
    seller, status, model: null, lost_orders: null, lost_orders_lower: null, lost_orders_upper: null,
    lost_revenue: null, lost_revenue_lower: null, lost_revenue_upper: null, lost_profit: null, lost_pct: null,
    warnings: '', error,
  };
}
