// The estimate, top to bottom like a recipe (google/CausalImpact's RunWithData):
// windows → holidays → training data → model choice → inference → claim.
import { fail } from '../errors.js';
import { assembleClaim } from './assemble.js';
import { holidayCalendar } from './calendar.js';
import { fromDay, toDay } from './dates.js';
import { detectPeriod, nextPeriod, periodStart, toPeriods, type Period } from './period.js';
import { inferMetric, trainingData, type MetricData, type MetricEstimate } from './inference.js';
import { MODELS } from './models/index.js';
import { selectModel } from './select.js';
import { TUNING } from './tuning.js';
import type { Claim } from './claim.js';
import type { Ingested, Metric, Warning } from './types.js';
import { excludedTest, resolveWindows, type Span, type Windows } from './windows.js';
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
  /** Period to estimate in (default: the file's own). */
  period?: Period;
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
  const native = ing.info.kind === 'daily' ? detectPeriod(ing.series) : 'day';
  const period = choosePeriod(native, o.period);
  // a weekly or monthly file has no rows between period starts: that is not missing data
  const warnings: Warning[] = ing.warnings.filter((w) => native === 'day' || w.code !== 'MISSING_DAYS');
  const windows = resolveWindows(ing.info, { ...o, yearlyMinDays: TUNING.yearlyMinDays, yearlyBaselineDays: TUNING.yearlyBaselineDays }, warnings);
  const points = windowPoints(windows, period, warnings);
  const start = toDay(ing.series.start);
  const lastDay = toDay(windows.incident.end);
  const calendar = holidayCalendar(o.holidays, Math.min(start, points.baseline[0] ?? start), Math.max(lastDay, nextPeriod(points.loss[points.loss.length - 1], period) - 1));
  const isExcluded = excludedTest(windows.excluded);
  const data = new Map<Metric, MetricData>();
  for (const m of METRICS) {
    const values = ing.series[m];
    if (!values.some((v) => v !== null)) continue;
    data.set(m, {
      valueAt: valueLookup(ing, m, period, native),
      baselinePoints: points.baseline,
      lossPoints: points.loss,
      isExcluded,
      holidayOf: calendar.holidayOf,
      holidayShare: calendar.shareOf(period),
      period,
    });
  }
  const trains = [...data.values()].map(trainingData);
  const observed = Math.min(...trains.map((t) => t.days.length));
  const needed = period === 'day' ? o.minBaselineDays : TUNING.minPoints[period];
  if (observed < needed) {
    const unit = period === 'day' ? 'days' : `${period}s`;
    fail('BASELINE_TOO_SHORT', `the baseline ${windows.baseline.start}..${windows.baseline.end} has ${observed} ${unit} with data; at least ${needed} are needed`,
      'use a longer export, or a wider --baseline');
  }
  const named = o.model !== 'auto';
  const models = (named ? [MODELS[o.model]] : Object.values(MODELS)).filter((m) => m.periods.includes(period));
  if (models.length === 0) fail('UNSUPPORTED_PERIOD', `--model ${o.model} forecasts daily data only; this file is ${period}ly`, 'use --model trend, count or ensemble');
  const selection = selectModel(models, trains, points.loss.length, o.level, o.seed, named);
  const estimates = new Map<Metric, MetricEstimate>();
  [...data.entries()].forEach(([m, d], i) => {
    const seed = o.seed + 1_000_003 * (METRICS.indexOf(m) + 1); // fixed per metric, whatever else is present
    estimates.set(m, inferMetric(d, selection.model, trains[i], selection.backtests[i], o.level, seed, m === 'revenue' ? interestWeights(o) : undefined));
  });
  warnings.push(...estimateWarnings({ windows, calendar: calendar.list, trains, estimates, selection, loss: [points.loss[0], lastDay] }));
  return assembleClaim({ ing, o, period, windows, selection, estimates, warnings });
}

/** The period to estimate in: the file's own, or a coarser one asked for with --period. */
function choosePeriod(native: Period, asked: Period | undefined): Period {
  if (!asked || asked === native) return native;
  if (native === 'day') return asked;
  fail('UNSUPPORTED_PERIOD', `the file holds ${native}ly totals; they cannot be read per ${asked}`, `drop --period, or use --period ${native}`);
}

/**
 * The baseline and loss-window points for `period`, and the windows moved onto period
 * boundaries: the loss window starts with the period holding the incident.
 */
function windowPoints(w: Windows, period: Period, warnings: Warning[]): { baseline: Int32Array; loss: Int32Array } {
  const incident = toDay(w.incident.start);
  const until = toDay(w.incident.end);
  const lossStart = periodStart(incident, period);
  if (lossStart !== incident) {
    warnings.push({ code: 'INCIDENT_MID_PERIOD', message: `the incident falls inside the ${period} starting ${fromDay(lossStart)}; that whole ${period} is counted in the loss window` });
    w.incident = { start: fromDay(lossStart), end: w.incident.end, days: until - lossStart + 1 };
  }
  const loss: number[] = [];
  for (let p = lossStart; p <= until; p = nextPeriod(p, period)) loss.push(p);
  const baseline: number[] = [];
  let p = periodStart(toDay(w.baseline.start), period);
  if (p < toDay(w.baseline.start)) p = nextPeriod(p, period);
  for (; p < lossStart; p = nextPeriod(p, period)) baseline.push(p);
  if (period !== 'day' && baseline.length) {
    w.baseline = { start: fromDay(baseline[0]), end: fromDay(lossStart - 1), days: lossStart - baseline[0] };
  }
  return { baseline: Int32Array.from(baseline), loss: Int32Array.from(loss) };
}

/** Point → value of a metric: the day's value (0 past an order export's end), or the period's total. */
function valueLookup(ing: Ingested, m: Metric, period: Period, native: Period): (point: number) => number | null {
  const start = toDay(ing.series.start);
  const values = ing.series[m];
  if (period === 'day') {
    const pad = ing.info.kind === 'orders' ? 0 : null; // days past the data: no orders, or unknown
    return (p) => (p - start < values.length ? values[p - start] ?? null : pad);
  }
  const totals = toPeriods(ing.series, m, period, native);
  return (p) => totals.get(p) ?? null;
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
