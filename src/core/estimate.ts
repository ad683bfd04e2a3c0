// The estimate, top to bottom like a recipe (google/CausalImpact's RunWithData):
// windows → holidays → training data → model choice → inference → claim.
import { fail } from '../errors.js';
import { assembleClaim } from './assemble.js';
import { holidayCalendar } from './calendar.js';
import { fromDay, toDay } from './dates.js';
import { detectPeriod, fileWeekStart, nearestMonday, nextPeriod, periodStart, toPeriods, weekAnchor, type Period } from './period.js';
import { inferMetric, trainingData, type MetricData, type MetricEstimate } from './inference.js';
import { MODELS } from './models/index.js';
import { selectModel } from './select.js';
import { TUNING } from './tuning.js';
import type { Claim } from './claim.js';
import type { Ingested, Metric, Warning } from './types.js';
import { excludedTest, resolveWindows, type Span, type Windows } from './windows.js';
import { currencyWarnings, estimateWarnings } from './warnings.js';

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
  /** A control series (`--control`), already ingested. */
  control?: Ingested;
  /** Simple annual interest on lost profit (needs margin), up to asOf. */
  interestRate?: number;
  asOf?: string;
  /** Fit the baseline as it is: no spike or closure left out (core/one-offs.ts). */
  keepOneOffs?: boolean;
  currency: string;
  tz: string;
  /** How ingest read a daily aggregate's dates without a row (recorded in the claim's options). */
  missingDays?: 'unknown' | 'zero';
  baselineMaxDays: number;
  minBaselineDays: number;
  version: string;
}

const METRICS: Metric[] = ['orders', 'revenue'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Estimate a seller's loss from their ingested series. Pure: same input → same claim. */
export function estimate(ing: Ingested, o: CoreOptions): Claim {
  const native = ing.info.kind === 'daily' ? detectPeriod(ing.series) : 'day';
  const period = choosePeriod(native, o.period);
  // a weekly or monthly file has no rows between period starts: that is not missing data
  const warnings: Warning[] = ing.warnings.filter((w) => native === 'day' || w.code !== 'MISSING_DAYS');
  warnings.push(...currencyWarnings(ing.info, o.currency));
  // a weekly file's own weekday (Sunday for US and GA4 weeks); its weeks are counted as Monday weeks
  const anchor = native === 'week' ? weekAnchor(ing.series) : 0;
  if (anchor !== 0) {
    warnings.push({ code: 'WEEKS_SHIFTED', message: `the file's weekly rows fall on ${WEEKDAY_NAMES[anchor]}s; each week is counted as the Monday-to-Sunday week it overlaps most (for holidays and the yearly cycle), its row still dated by the file's own day` });
  }
  const windows = resolveWindows(ing.info, { ...o, yearlyMinDays: TUNING.yearlyMinDays, yearlyBaselineDays: TUNING.yearlyBaselineDays }, warnings);
  const points = windowPoints(windows, period, warnings, anchor);
  const start = toDay(ing.series.start);
  const lastDay = toDay(windows.incident.end);
  const calendar = holidayCalendar(o.holidays, Math.min(start, points.baseline[0] ?? start), Math.max(lastDay, nextPeriod(points.loss[points.loss.length - 1], period) - 1));
  // a point is its period's first day, moved by `shift` for a weekly file's own weekday: exclusions name the file's days
  const excluded = excludedTest(windows.excluded);
  const isExcluded = points.shift ? (p: number) => excluded(p - points.shift) : excluded;
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
      ...(period === 'day' && !o.keepOneOffs ? { orderValue: m === 'orders' ? 1 : orderValue(ing, points.baseline) } : {}),
      ...(o.control ? { control: controlSeries(o.control, m, period, points, warnings) } : {}),
    });
  }
  if (o.control) checkControl(o.control, o);
  // an estimate compares the loss window's actuals with the counterfactual: none left (all excluded, or unknown) is no claim
  const seen = (d: MetricData) => d.lossPoints.some((p) => !d.isExcluded(p) && d.valueAt(p) !== null);
  if (![...data.values()].some(seen)) {
    fail('NO_LOSS_WINDOW_DATA', `no day of the loss window ${windows.incident.start}..${windows.incident.end} has data${windows.excluded.length ? ' outside --exclude' : ''}: ` +
      'there is no actual to set against the counterfactual', 'check --incident, --until and --exclude');
  }
  // one seller, one calendar: an eve season either metric shows is modelled for both (orders and revenue
  // with and without it would imply an order value that jumps over the eve)
  const metrics = [...data.values()];
  const own = metrics.map((d) => trainingData(d));
  const eve = own.some((t) => t.eve);
  const trains = own.map((t, k) => (t.eve === eve ? t : trainingData(metrics[k], eve)));
  const observed = Math.min(...trains.map((t) => t.days.length));
  const needed = period === 'day' ? o.minBaselineDays : TUNING.minPoints[period];
  if (observed < needed) {
    const unit = period === 'day' ? 'days' : `${period}s`;
    fail('BASELINE_TOO_SHORT', `the baseline ${windows.baseline.start}..${windows.baseline.end} has ${observed} ${unit} with data; at least ${needed} are needed`,
      'use a longer export, or a wider --baseline');
  }
  const named = o.model !== 'auto';
  if (MODELS[o.model]?.needsControl && !o.control) fail('USAGE', `--model ${o.model} needs --control <file>`);
  const models = (named ? [MODELS[o.model]] : Object.values(MODELS))
    .filter((m) => m.periods.includes(period) && (!m.needsControl || o.control));
  if (models.length === 0) fail('UNSUPPORTED_PERIOD', `--model ${o.model} forecasts daily data only; this file is ${period}ly`, 'use --model trend, count or ensemble');
  // given a control, the yardstick is the default: the seller asked to be compared with it
  const preferred = o.control ? 'control' : TUNING.defaultModel;
  const selection = selectModel(models, trains, points.loss.length, o.level, o.seed, named, preferred);
  const estimates = new Map<Metric, MetricEstimate>();
  [...data.entries()].forEach(([m, d], i) => {
    const seed = o.seed + 1_000_003 * (METRICS.indexOf(m) + 1); // fixed per metric, whatever else is present
    estimates.set(m, inferMetric(d, selection.model, trains[i], selection.backtests[i], o.level, seed, m === 'revenue' ? interestWeights(o, points.shift) : undefined));
  });
  const unknownRows = ing.info.kind === 'daily' && o.missingDays !== 'zero';
  const valueAt = new Map([...data].map(([m, d]) => [m, d.valueAt] as const));
  warnings.push(...estimateWarnings({ windows, seed: o.seed, calendar: calendar.list, trains, estimates, selection, loss: [points.loss[0], lastDay], unknownRows, valueAt, summedPeriods: period !== native }));
  if (o.asOf !== undefined && toDay(o.asOf) < lastDay) {
    warnings.push({ code: 'INTEREST_AS_OF_EARLY', message: `--as-of ${o.asOf} is before the end of the loss window: days after it earn no interest` });
  }
  return assembleClaim({ ing, o, period, windows, selection, estimates, warnings, shift: points.shift });
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
function windowPoints(w: Windows, period: Period, warnings: Warning[], anchor = 0): { baseline: Int32Array; loss: Int32Array; shift: number } {
  const incident = toDay(w.incident.start);
  const until = toDay(w.incident.end);
  // the period holding the incident, as the file counts it (its weeks may start on a Sunday), and its point
  const first = period === 'week' ? fileWeekStart(incident, anchor) : periodStart(incident, period);
  const lossStart = period === 'week' ? nearestMonday(first) : first;
  if (first !== incident) {
    warnings.push({ code: 'INCIDENT_MID_PERIOD', message: `the incident falls inside the ${period} starting ${fromDay(first)}; that whole ${period} is counted in the loss window` });
    w.incident = { start: fromDay(first), end: w.incident.end, days: until - first + 1 };
  }
  const shift = lossStart - first; // a point is its period's first day, shifted so (weeks from a Sunday: +1)
  const loss: number[] = [];
  for (let p = lossStart; p - shift <= until; p = nextPeriod(p, period)) loss.push(p);
  // whole periods inside the baseline: it may end well before the incident (--baseline ..2025-10-31),
  // the days between being left out of the fit as --exclude would leave them
  const end = Math.min(toDay(w.baseline.end) + shift, lossStart - 1);
  const baseline: number[] = [];
  let p = periodStart(toDay(w.baseline.start) + shift, period);
  if (p < toDay(w.baseline.start) + shift) p = nextPeriod(p, period);
  for (; nextPeriod(p, period) - 1 <= end; p = nextPeriod(p, period)) baseline.push(p);
  if (period !== 'day' && baseline.length) {
    const last = nextPeriod(baseline[baseline.length - 1], period) - 1;
    w.baseline = { start: fromDay(baseline[0] - shift), end: fromDay(last - shift), days: last - baseline[0] + 1 };
  }
  return { baseline: Int32Array.from(baseline), loss: Int32Array.from(loss), shift };
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
 * Mean revenue per order over the baseline days that know both (what one order is worth when
 * judging a revenue spike); 0 when the file has no order counts.
 */
function orderValue(ing: Ingested, baseline: Int32Array): number {
  const start = toDay(ing.series.start);
  let revenue = 0;
  let orders = 0;
  for (const p of baseline) {
    const o = ing.series.orders[p - start];
    const r = ing.series.revenue[p - start];
    if (o == null || r == null) continue;
    orders += o;
    revenue += r;
  }
  return orders > 0 && revenue > 0 ? revenue / orders : 0;
}

/**
 * Weights of simple interest on lost profit: a day's lost revenue × margin × rate ×
 * (days from that day to asOf) / 365. None without a rate.
 */
function interestWeights(o: CoreOptions, shift: number): ((point: number) => number) | undefined {
  if (o.interestRate === undefined || o.asOf === undefined || o.margin === undefined) return undefined;
  const asOf = toDay(o.asOf);
  const k = (o.margin * o.interestRate) / 365;
  return (point) => k * Math.max(0, asOf - (point - shift)); // from the file's own day (a weekly file's Sunday)
}

/**
 * The control's value at every baseline and loss point for metric `m` (its other metric
 * when it lacks this one). Training uses only points where the control is known; a gap in
 * the loss window carries the last known value forward (warned).
 */
function controlSeries(c: Ingested, m: Metric, period: Period, points: { baseline: Int32Array; loss: Int32Array }, warnings: Warning[]) {
  const metric: Metric = c.series[m].some((v) => v !== null) ? m : m === 'orders' ? 'revenue' : 'orders';
  const native = c.info.kind === 'daily' ? detectPeriod(c.series) : 'day';
  if (native !== 'day' && native !== period) fail('UNSUPPORTED_PERIOD', `the control holds ${native}ly totals but the seller's series is ${period}ly`);
  const lookup = valueLookup(c, metric, period, native);
  const known = new Map<number, number>();
  let last: number | null = null;
  let filled = 0;
  for (const p of [...points.baseline, ...points.loss]) {
    const v = lookup(p);
    if (v !== null) last = v;
    else if (p >= points.loss[0] && last !== null) filled++;
    if (v !== null || (p >= points.loss[0] && last !== null)) known.set(p, v ?? (last as number));
  }
  if (points.loss.some((p) => !known.has(p))) fail('CONTROL_INCOMPLETE', 'the control series does not cover the loss window', 'the control file must run through --until');
  if (filled && m === 'orders') warnings.push({ code: 'CONTROL_GAPS', message: `${filled} loss-window points of the control are missing; its last known value was carried forward` });
  const f = (p: number) => known.get(p) ?? NaN;
  return f;
}

/**
 * Refuse a control that moved at the incident itself: estimated on its own with the same
 * windows, a significant drop (one-sided p < 0.05 and over 5 %) means it was hit too.
 */
function checkControl(c: Ingested, o: CoreOptions): void {
  const own = estimate(c, { ...o, control: undefined, model: 'trend', margin: undefined, interestRate: undefined, asOf: undefined });
  for (const m of METRICS) {
    const t = own.totals[m];
    const p = own.significance[m].pValue;
    if (t.lost === null || t.expected === null || p === null) continue;
    if (p < 0.05 && t.lost > 0.05 * t.expected) {
      fail('CONTROL_AFFECTED', `the control's own ${m} dropped ${((100 * t.lost) / t.expected).toFixed(1)}% at the incident (p = ${p}); it cannot stand for what the seller would have sold`,
        'choose a control series the incident did not touch');
    }
  }
}
