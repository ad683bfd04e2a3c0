// The estimate, top to bottom like a recipe (google/CausalImpact's RunWithData):
// windows → holidays → training data → model choice → inference → claim.
import { fail } from '../errors.js';
import { assembleClaim } from './assemble.js';
import { holidayCalendar } from './calendar.js';
import { toDay } from './dates.js';
import { inferMetric, trainingData, type MetricData, type MetricEstimate } from './inference.js';
import { MODELS } from './models/index.js';
import { selectModel } from './select.js';
import { TUNING } from './tuning.js';
import type { Claim } from './claim.js';
import type { Ingested, Metric, Warning } from './types.js';
import { excludedTest, resolveWindows, type Span } from './windows.js';
import { estimateWarnings } from './warnings.js';

/** Everything the core needs besides the data: already validated by the command. */
export interface CoreOptions {
  seller: string;
  incident: string;
  until?: string;
  baseline?: Span;
  exclude: Span[];
  holidays: string;
  model: string;
  level: number;
  seed: number;
  margin?: number;
  /** Simple annual interest on lost profit (needs margin), up to asOf. */
  interestRate?: number;
  asOf?: string;
  currency: string;
  tz: string;
  baselineMaxDays: number;
  minBaselineDays: number;
  version: string;
}

const METRICS: Metric[] = ['orders', 'revenue'];

/** Estimate a seller's loss from their ingested series. Pure: same input → same claim. */
export function estimate(ing: Ingested, o: CoreOptions): Claim {
  const warnings: Warning[] = [...ing.warnings];
  const windows = resolveWindows(ing.info, { ...o, yearlyMinDays: TUNING.yearlyMinDays, yearlyBaselineDays: TUNING.yearlyBaselineDays }, warnings);
  const start = toDay(ing.series.start);
  const baseline: [number, number] = [toDay(windows.baseline.start), toDay(windows.baseline.end)];
  const loss: [number, number] = [toDay(windows.incident.start), toDay(windows.incident.end)];
  const calendar = holidayCalendar(o.holidays, Math.min(start, baseline[0]), loss[1]);
  const isExcluded = excludedTest(windows.excluded);
  const pad = ing.info.kind === 'orders' ? 0 : null; // days past the data: no orders, or unknown
  const data = new Map<Metric, MetricData>();
  for (const m of METRICS) {
    const values = ing.series[m];
    if (!values.some((v) => v !== null)) continue;
    const padded = values.concat(Array(Math.max(0, loss[1] - start + 1 - values.length)).fill(pad));
    data.set(m, { values: padded, start, baseline, loss, isExcluded, holidayOf: calendar.holidayOf });
  }
  const trains = [...data.values()].map(trainingData);
  const observed = Math.min(...trains.map((t) => t.days.length));
  if (observed < o.minBaselineDays) {
    fail('BASELINE_TOO_SHORT', `the baseline ${windows.baseline.start}..${windows.baseline.end} has ${observed} days with data; at least ${o.minBaselineDays} are needed`,
      'use a longer export, or a wider --baseline');
  }
  const named = o.model !== 'auto';
  const models = named ? [MODELS[o.model]] : Object.values(MODELS);
  const selection = selectModel(models, trains, loss[1] - loss[0] + 1, o.level, o.seed, named);
  const estimates = new Map<Metric, MetricEstimate>();
  [...data.entries()].forEach(([m, d], i) => {
    const seed = o.seed + 1_000_003 * (METRICS.indexOf(m) + 1); // fixed per metric, whatever else is present
    estimates.set(m, inferMetric(d, selection.model, trains[i], selection.backtests[i], o.level, seed, m === 'revenue' ? interestWeights(o) : undefined));
  });
  warnings.push(...estimateWarnings({ windows, calendar: calendar.list, trains, estimates, selection, loss }));
  return assembleClaim({ ing, o, windows, selection, estimates, warnings });
}

/**
 * Weights of simple interest on lost profit: a day's lost revenue × margin × rate ×
 * (days from that day to asOf) / 365. None without a rate.
 */
function interestWeights(o: CoreOptions): ((day: number) => number) | undefined {
  if (o.interestRate === undefined || o.asOf === undefined || o.margin === undefined) return undefined;
  const asOf = toDay(o.asOf);
  const k = (o.margin * o.interestRate) / 365;
  return (day) => k * Math.max(0, asOf - day);
}
