// The claim: plain data, validated by a zod schema that is also the published JSON Schema.
import { z } from 'zod';

export const CLAIM_SCHEMA_ID = 'loss-calc/claim@1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const span = z.object({ start: isoDate, end: isoDate });

/** actual/expected/lost with the interval of lost; null when the metric is not in the data. */
export const totalSchema = z.object({
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  lost: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

const candidateSchema = z.object({
  name: z.string(),
  score: z.number().nullable().describe('Σ|expected − actual| / Σ actual over backtest windows, orders and revenue averaged'),
  coverage: z.number().nullable().describe('share of backtest windows inside the interval'),
  windows: z.number().int(),
});

const calibrationSchema = z.object({
  horizon: z.number().int().describe('days per backtest window'),
  windows: z.number().int(),
  widening: z.number().describe('factor applied to the simulated spread (≥ 1)'),
  coverage: z.number().nullable(),
});

const significanceSchema = z.object({
  pValue: z.number().nullable().describe('P(counterfactual total ≤ actual) under the calibrated model'),
  probabilityOfLoss: z.number().nullable().describe('1 − pValue: the probability that the loss is real'),
  placebo: z
    .object({
      windows: z.number().int().describe('pseudo-incidents inside the baseline (the backtest windows)'),
      exceeding: z.number().int().describe('placebo windows whose standardised loss was at least the observed one'),
      pValue: z.number().nullable().describe('(1 + exceeding) / (1 + windows)'),
    })
    .nullable(),
});

export const dailySchema = z.object({
  date: isoDate,
  orders: z.number().nullable(),
  expectedOrders: z.number().nullable(),
  ordersLower: z.number().nullable(),
  ordersUpper: z.number().nullable(),
  revenue: z.number().nullable(),
  expectedRevenue: z.number().nullable(),
  revenueLower: z.number().nullable(),
  revenueUpper: z.number().nullable(),
  lostOrders: z.number().nullable().describe('expectedOrders − orders'),
  lostRevenue: z.number().nullable().describe('expectedRevenue − revenue'),
  excluded: z.boolean(),
});

export const claimSchema = z.object({
  schema: z.literal(CLAIM_SCHEMA_ID),
  generator: z.object({ name: z.literal('loss-calc'), version: z.string() }),
  seller: z.string(),
  level: z.number(),
  currency: z.string(),
  period: z.enum(['day', 'week', 'month']).describe('what one row of `daily` covers: a day, or a week/month named by its first day'),
  input: z.object({
    file: z.string(),
    sha256: z.string(),
    kind: z.enum(['orders', 'daily']),
    encoding: z.string(),
    delimiter: z.string(),
    rows: z.number().int(),
    rowsUsed: z.number().int(),
    rowsSkipped: z.record(z.string(), z.number().int()),
    firstDate: isoDate,
    lastDate: isoDate,
    columns: z.record(z.string(), z.string()),
  }),
  windows: z.object({
    baseline: span.extend({ days: z.number().int() }),
    incident: span.extend({ days: z.number().int() }),
    excluded: z.array(span),
  }),
  model: z.object({
    name: z.string(),
    description: z.string(),
    selection: z.enum(['auto', 'named']),
    reason: z.string(),
    candidates: z.array(candidateSchema),
    parameters: z.object({
      orders: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).nullable(),
      revenue: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).nullable(),
    }),
    calibration: z.object({ orders: calibrationSchema.nullable(), revenue: calibrationSchema.nullable() }),
  }),
  totals: z.object({ orders: totalSchema, revenue: totalSchema, profit: totalSchema.optional() }),
  significance: z.object({ orders: significanceSchema, revenue: significanceSchema }),
  recovery: z.object({
    date: isoDate.nullable().describe('first day from which the actual stays inside the counterfactual band for `days` days'),
    metric: z.enum(['orders', 'revenue']),
    days: z.number().int(),
  }),
  interest: z
    .object({
      rate: z.number(),
      asOf: isoDate,
      amount: z.number().describe('simple interest on each day\'s lost profit from that day to asOf'),
      lower: z.number(),
      upper: z.number(),
    })
    .optional(),
  options: z.object({
    holidays: z.string(),
    model: z.string(),
    seed: z.number().int(),
    margin: z.number().nullable(),
    tz: z.string(),
    interestRate: z.number().nullable(),
    asOf: isoDate.nullable(),
    keepOneOffs: z.boolean(),
    missingDays: z.enum(['unknown', 'zero']).describe('how a daily aggregate\'s dates without a row were read (--missing-days)'),
  }),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  daily: z.array(dailySchema),
});

export type Claim = z.infer<typeof claimSchema>;
export type Total = z.infer<typeof totalSchema>;
export type DailyRow = z.infer<typeof dailySchema>;
