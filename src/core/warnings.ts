// Warnings about the estimate itself (ingest adds its own): data, not prose in stderr.
import type { Backtest } from './backtest.js';
import { levelShift } from './breaks.js';
import { beforeIncident } from './early-drop.js';
import { RUNAWAY_FACTOR } from './models/ensemble.js';
import { fromDay, toDay } from './dates.js';
import type { Holiday } from './holidays.js';
import type { MetricEstimate } from './inference.js';
import type { TrainingData } from './models/model.js';
import type { OneOffs } from './one-offs.js';
import type { Selection } from './select.js';
import { median } from './quantile.js';
import { TUNING } from './tuning.js';
import type { InputInfo, Metric, Warning } from './types.js';
import type { Windows } from './windows.js';

export interface WarningContext {
  windows: Windows;
  /** The estimate's seed (the early-drop check simulates too). */
  seed: number;
  calendar: Holiday[];
  trains: TrainingData[];
  estimates: Map<Metric, MetricEstimate>;
  selection: Selection;
  loss: [number, number];
  /** A daily aggregate read with its dates without a row unknown (`--missing-days unknown`): MISSING_LOSS_DAYS says what else they may be. */
  unknownRows?: boolean;
  /** The claim's periods are weeks or months summed from a file of days (`--period`). */
  summedPeriods?: boolean;
  /** Each metric's value at a point as the file has it (one-off days included), for RECURRING_PEAK. */
  valueAt?: Map<Metric, (point: number) => number | null>;
}

/** A fall found this close to the incident (days) may be the incident begun early: LEVEL_SHIFT says so. */
const EARLY_SHIFT_DAYS = 90;

/** Everything a careful reader should know before trusting the numbers. */
export function estimateWarnings(c: WarningContext): Warning[] {
  const out: Warning[] = [];
  const inLoss = c.calendar.filter((h) => h.kind === 'major' && toDay(h.date) >= c.loss[0] && toDay(h.date) <= c.loss[1]);
  if (inLoss.length) {
    const seenBefore = c.calendar.some((h) => h.kind === 'major' && toDay(h.date) < c.loss[0] && c.trains[0].days.includes(toDay(h.date)));
    out.push(seenBefore
      ? { code: 'HOLIDAY_IN_LOSS_WINDOW', message: `the loss window holds a major holiday (${names(inLoss)}); its effect is estimated from the baseline's holidays` }
      : { code: 'HOLIDAY_NOT_IN_BASELINE', message: `the loss window holds a major holiday (${names(inLoss)}) but the baseline holds none, so its effect is not modelled; consider --exclude for those days` });
  }
  // counted in the claim's periods: a year of weeks is 52 points, not 52 days
  const period = c.trains[0]?.period ?? 'day';
  const unit = `${period}s`;
  const points = c.trains[0]?.days.length ?? 0;
  if (points < TUNING.backtestMinTrain[period]) {
    const what = period === 'day' ? 'the weekday pattern and trend are' : 'the trend is';
    out.push({ code: 'SHORT_BASELINE', message: `the baseline has only ${points} ${unit} with data; ${what} uncertain` });
  }
  if (c.selection.backtests.every((b: Backtest) => b.windows.length === 0)) {
    out.push({ code: 'NOT_CALIBRATED', message: 'the baseline is too short to backtest the model, so the interval is not calibrated against past errors' });
  }
  const metrics = [...c.estimates.keys()];
  c.trains.forEach((t, i) => {
    const shift = levelShift(t);
    if (!shift || !metrics[i]) return;
    const pct = Math.round(100 * (shift.ratio - 1));
    // a fall in the last months may be the incident itself, begun before the date given
    const early = shift.ratio < 1 && c.loss[0] - shift.day <= EARLY_SHIFT_DAYS ? `; if the fall was the incident's effect beginning early, give --incident ${fromDay(shift.day)}` : '';
    out.push({ code: 'LEVEL_SHIFT', message: `${metrics[i]}: the baseline's level changed lastingly by ${pct > 0 ? '+' : ''}${pct}% from about ${fromDay(shift.day)}; backtests across the change were left out of the interval's calibration (if the old level no longer applies, consider --baseline ${fromDay(shift.day)}..${c.windows.baseline.end}${early})` });
  });
  c.trains.forEach((t, i) => {
    if (t.oneOffs && metrics[i]) out.push(...oneOffWarnings(metrics[i], t.oneOffs, out));
  });
  out.push(...lastWeeksWarnings(metrics, c));
  const peak = recurringPeak(c);
  if (peak) out.push(peak);
  c.trains.forEach((t, i) => {
    const e = metrics[i] && c.estimates.get(metrics[i]);
    const best = t.y.reduce((a, v) => Math.max(a, v), 0);
    const top = e ? e.daily.reduce((a, d) => Math.max(a, d.expected), 0) : 0;
    if (e && best > 0 && top > RUNAWAY_FACTOR * best) {
      out.push({ code: 'RUNAWAY_FORECAST', message: `${metrics[i]}: the counterfactual reaches ${fmt(top)} on a day, ${fmt(Math.round(top / best))}× the baseline's best (${fmt(best)}): ` +
        `the model (${c.selection.model.name}) extrapolates a trend the data cannot support; do not rely on this claim, try --model seasonal-mean or count` });
    }
  });
  for (const [m, e] of c.estimates) {
    if (e.widening >= TUNING.poorFitWidening) {
      out.push({ code: 'POOR_FIT', message: `${m}: past backtests missed by more than the model expected; the interval was widened ×${e.widening.toFixed(2)}` });
    }
    const unknown = e.daily.filter((d) => d.actual === null).length;
    if (unknown) {
      // a week or month the data's last day cuts (--period on a file of days) is no whole period to set against a whole one's forecast
      const cut = c.summedPeriods && e.daily.at(-1)?.actual === null ? `; the last ${period} is cut by the data's last day (${c.windows.incident.end}) and left out: end --until with a whole ${period}, or estimate in days` : '';
      const hint = cut || (c.unknownRows ? '; if the file came from a query grouping orders by day, which writes no row for a day without orders, and sales stopped, --missing-days zero counts them as days without sales' : '');
      out.push({ code: 'MISSING_LOSS_DAYS', message: `${m}: ${unknown} ${unit} in the loss window have no data and are left out of both actual and expected${hint}` });
    }
  }
  return out;
}

/**
 * CURRENCY_MISMATCH when the file's currency column names none of the claim's currency: the
 * amounts are labelled and rounded as `currency` but never converted. `$` may be any dollar and
 * `¥` yen or yuan, so they match those codes. Mixed currencies are ingest's MIXED_CURRENCIES.
 */
export function currencyWarnings(info: InputInfo, currency: string): Warning[] {
  const found = info.currencies ?? [];
  const code = currency.toUpperCase();
  const same = (c: string) => c === code || (c === '$' && code.endsWith('D')) || (c === '¥' && (code === 'JPY' || code === 'CNY'));
  if (found.length === 0 || found.some(same)) return [];
  const fix = found.length === 1 && /^[A-Z]{3}$/.test(found[0]) ? `give --currency ${found[0]} if that is the currency of the amounts` : "give --currency with the amounts' currency";
  return [{
    code: 'CURRENCY_MISMATCH',
    message: `the file's currency column "${info.columns.currency}" says ${found.join(', ')}, but the claim is in ${code} (--currency): ` +
      `the amounts are taken as they are, not converted; ${fix}`,
  }];
}

/** What the baseline's closures and spikes (core/one-offs.ts) did to metric `m`; a zero run at the end is said once. */
function oneOffWarnings(m: Metric, o: OneOffs, said: Warning[]): Warning[] {
  const out: Warning[] = [];
  const span = (r: { start: number; end: number }) => `${fromDay(r.start)}..${fromDay(r.end)} (${r.end - r.start + 1} days)`;
  if (o.closed) {
    const usual = o.closed.map((r) => fmt(r.usual)).join(', ');
    out.push({ code: 'CLOSED_DAYS', message: `${m}: ${o.closed.map(span).join(', ')} had no sales at all where ${usual} a day was usual: left out of the fit as closures or outages (a holiday away, a move, a suspension, a site outage); fitted as demand they would lower the counterfactual` });
  }
  if (o.spikes) {
    const shown = o.spikes.slice(0, 5).map((s) => `${fromDay(s.day)} (${fmt(s.value)} vs a usual ${fmt(s.usual)})`).join(', ');
    const more = o.spikes.length > 5 ? ` and ${o.spikes.length - 5} more` : '';
    out.push({ code: 'SPIKES_LEFT_OUT', message: `${m}: ${o.spikes.length} baseline day(s) over ${TUNING.spikeRatio}× their usual level were left out of the fit as one-offs (a bulk order, a viral day, a mistyped row): ${shown}${more}; left in, they would inflate the counterfactual` });
  }
  const z = o.zerosAtEnd;
  if (z && !said.some((w) => w.code === 'ZEROS_BEFORE_INCIDENT')) {
    out.push({ code: 'ZEROS_BEFORE_INCIDENT', message: `${m}: the baseline ends with ${span(z)} without sales where ${fmt(z.usual)} a day was usual; kept in the fit, they pull the counterfactual down: if the incident began on ${fromDay(z.start)}, give --incident ${fromDay(z.start)}` });
  }
  return out;
}

/** DROP_BEFORE_INCIDENT and SURGE_BEFORE_INCIDENT, judged on orders (revenue when there are no orders): one of each at most, not one per metric. */
function lastWeeksWarnings(metrics: Metric[], c: WarningContext): Warning[] {
  const i = metrics.includes('orders') ? metrics.indexOf('orders') : 0;
  const t = c.trains[i];
  if (!t || !metrics[i]) return [];
  const { drop: d, surge: u } = beforeIncident(t, c.loss[0], c.seed + 7);
  const out: Warning[] = [];
  if (d) {
    const from = fromDay(d.start);
    const pct = Math.round(100 * (1 - d.ratio));
    out.push({
      code: 'DROP_BEFORE_INCIDENT',
      message: `${metrics[i]}: the last ${d.days} days with data before the incident (from ${from}${d.atLimit ? ', or earlier' : ''}) were ${pct}% below ` +
        `what the baseline before them predicts (${Math.abs(d.z).toFixed(1)} standard deviations); kept in the baseline they pull the counterfactual down, ` +
        `and their own loss is not counted: if the incident's effect began on ${from}, give --incident ${from}`,
    });
  }
  if (u) {
    const [from, to] = [fromDay(u.start), fromDay(u.end)];
    out.push({
      code: 'SURGE_BEFORE_INCIDENT',
      message: `${metrics[i]}: the last ${u.days} days with data before the incident (${from}..${to}) were ${Math.round(100 * (u.ratio - 1))}% above ` +
        `what the baseline before them predicts (${u.z.toFixed(1)} standard deviations); kept in the baseline they carry the surge into the counterfactual, ` +
        `and its end counts as loss: if they were a promotion or another one-off, give --exclude ${from}..${to}`,
    });
  }
  return out;
}

/** A loss-window day whose date a year before sold at least this many times the weeks around it, far beyond their noise... */
const PEAK_RATIO = 3;
const PEAK_MIN_Z = 5;
const PEAK_MIN_ORDERS = 20;
/** ...while the counterfactual forecasts it at most this share of last year's day. */
const PEAK_FORECAST_SHARE = 0.6;

/**
 * RECURRING_PEAK: a day of the loss window whose date a year before (the same date, 11.11, or the same
 * weekday 52 weeks before, Black Friday) sold ≥ 3× the median of its weekday in the three weeks either
 * side (a weekend day is judged against weekend days), 20 orders or more and 5 Poisson sds above it,
 * while the counterfactual forecasts it at ≤ 60 % of last year's: a yearly promotion the models do not
 * forecast (a one-off to them, left out as a spike or smoothed away), so the loss on it is understated.
 * A one-off of the year before looks the same: the message says "if". Daily orders only.
 */
function recurringPeak(c: WarningContext): Warning | null {
  const e = c.estimates.get('orders');
  const at = c.valueAt?.get('orders');
  if (!e || !at || c.trains[0]?.period !== 'day') return null;
  const first = c.trains[0].days[0];
  let best: { day: number; before: number; ratio: number } | null = null;
  for (const d of e.daily) {
    for (const b of [sameDateYearBefore(d.day), d.day - 364]) {
      const back = d.day - b;
      const v = b >= first ? at(b) : null;
      if (v === null || !(v > 0)) continue;
      if (c.trains[0].holidayOf(b) >= 3) continue; // last year's eve, which the models learnt as this seller's season (it moves with the moon)
      // the same weekday of the three weeks either side: a Sunday is judged against Sundays
      const around: number[] = [];
      for (const k of [-21, -14, -7, 7, 14, 21]) {
        const x = b + k >= first ? at(b + k) : null;
        if (x !== null) around.push(x);
      }
      if (around.length < 4) continue;
      const usual = median(around);
      if (!(usual > 0)) continue; // weeks without sales around it (a closure): nothing to judge a peak by
      const ratio = v / usual;
      const z = (v - usual) / Math.sqrt(Math.max(usual, 1)); // as if Poisson: a floor, real days vary more
      if (ratio >= PEAK_RATIO && z >= PEAK_MIN_Z && v >= PEAK_MIN_ORDERS && d.expected <= PEAK_FORECAST_SHARE * v && (!best || ratio > best.ratio || (ratio === best.ratio && back !== 364))) {
        best = { day: d.day, before: b, ratio }; // (the same date over the same weekday, for the same day a year before: 11.11)
      }
    }
  }
  if (!best) return null;
  return {
    code: 'RECURRING_PEAK',
    message: `orders: a year before the loss window's ${fromDay(best.day)}, ${fromDay(best.before)} sold ${best.ratio.toFixed(1)}× the same weekday of the weeks around it, ` +
      `and the counterfactual forecasts far less: if that peak comes every year (11.11, Black Friday${c.trains[0].eve ? '' : ', a gift season too weak or too short to be learnt as this seller\'s'}), the models do not forecast it and the loss on it is understated; ` +
      'then estimate those days apart (--exclude them here, and compare them with last year\'s by hand) or say so in the claim',
  };
}

/** The same date a year before (2024-02-29 → 2023-02-28): 365 days back, or 366 across a 29 February. */
function sameDateYearBefore(day: number): number {
  const [y, m, d] = fromDay(day).split('-').map(Number);
  const feb29 = m === 2 && d === 29;
  return toDay(`${y - 1}-${String(m).padStart(2, '0')}-${feb29 ? '28' : String(d).padStart(2, '0')}`);
}

/** A value for a message: whole numbers with separators, else two decimals. */
function fmt(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(v) ? 0 : 2 });
}

function names(hs: Holiday[]): string {
  const seen = new Map<string, string[]>();
  for (const h of hs) seen.set(h.name, [...(seen.get(h.name) ?? []), h.date]);
  return [...seen].map(([n, ds]) => `${n} ${ds[0]}${ds.length > 1 ? `..${ds[ds.length - 1]}` : ''}`).join(', ');
}
