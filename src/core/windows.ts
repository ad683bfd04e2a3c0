// The baseline, the loss window and the excluded days, resolved against the data.
import { fail } from '../errors.js';
import { addDays, toDay } from './dates.js';
import type { ISODate, InputInfo, Warning } from './types.js';

export interface Span {
  start: ISODate;
  end: ISODate;
}

/** Resolved windows, as recorded in the claim. */
export interface Windows {
  baseline: Span & { days: number };
  incident: Span & { days: number };
  excluded: Span[];
}

export interface WindowRequest {
  incident: ISODate;
  until?: ISODate;
  baseline?: Span;
  exclude: Span[];
  /** Longest default baseline (days before the incident). */
  baselineMaxDays: number;
  /** With at least this many days before the incident, the default baseline grows to `yearlyBaselineDays`. */
  yearlyMinDays: number;
  /** Longest default baseline when the data hold enough years for yearly seasonality. */
  yearlyBaselineDays: number;
}

/** Days past an order export's last order a loss window may run, each a day of 0 orders. */
export const MAX_DAYS_PAST_ORDERS = 366;

/**
 * Resolve the windows for data covering firstDate..lastDate. Errors for windows the
 * data cannot support; warnings for windows it only partly covers.
 */
export function resolveWindows(
  data: Pick<InputInfo, 'firstDate' | 'lastDate' | 'kind' | 'partialLastDay'>,
  req: WindowRequest,
  warnings: Warning[],
): Windows {
  const first = toDay(data.firstDate);
  const last = toDay(data.lastDate);
  const incident = toDay(req.incident);
  const until = req.until ? toDay(req.until) : defaultUntil(data, incident, warnings);
  const cut = data.partialLastDay;
  if (req.until && cut && toDay(req.until) >= toDay(cut.date)) {
    warnings.push({ code: 'PARTIAL_LAST_DAY', message: `${partway(cut)}; --until counts it as a whole day, so its missing hours add to the loss` });
  }
  if (incident <= first) {
    fail('INCIDENT_OUTSIDE_DATA', `the incident ${req.incident} is not after the first day of data (${data.firstDate}): there is no baseline`,
      'the file must hold days before the incident');
  }
  // an order list without a row from the incident on is a seller who sold nothing since (the Tmon/Wemakeprice
  // collapse): with --until it is estimated, every day after the last order a day of 0 orders; a daily file
  // has no rows for those days, which are unknown
  if (incident > last && !(data.kind === 'orders' && req.until)) {
    fail('INCIDENT_OUTSIDE_DATA', `the incident ${req.incident} is after the last day of data (${data.lastDate})`,
      data.kind === 'orders'
        ? 'if nothing was sold from the incident on, give --until (the last day of the claim): every day after the last order then counts as 0 orders; else export the order history up to today, or check --incident'
        : 'export the daily totals up to today (a day without sales as a row of 0), or check --incident');
  }
  if (until < incident) {
    fail('UNTIL_BEFORE_INCIDENT', `--until ${req.until} is before --incident ${req.incident}`);
  }
  // an order export's days after its last order count as 0 orders: up to a year of them, a collapse's
  // claim; more is a mistyped --until (2040 for 2026), which would claim years of sales never made
  if (data.kind === 'orders' && until - last > MAX_DAYS_PAST_ORDERS) {
    fail('BAD_WINDOW', `--until ${fromDayIso(until)} is ${until - last} days after the last order (${data.lastDate}); each would count as a day of 0 orders`,
      `check --until; an order export's loss window may run at most ${MAX_DAYS_PAST_ORDERS} days past its last order`);
  }
  if (until > last) {
    const n = until - last;
    const none = incident > last ? ': not one order from the incident on — check that the export was made after --until and holds every order, or the whole window is counted as lost' : '';
    warnings.push(data.kind === 'orders'
      ? { code: 'UNTIL_BEYOND_DATA', message: `the loss window runs ${n} days past the last order (${data.lastDate}); those days count as 0 orders${none}` }
      : { code: 'UNTIL_BEYOND_DATA', message: `the loss window runs ${n} days past the last row (${data.lastDate}); those days are unknown and left out` });
  }
  // two years of history let the models learn the yearly cycle (a November peak is not a trend)
  const maxDays = incident - first >= req.yearlyMinDays ? req.yearlyBaselineDays : req.baselineMaxDays;
  let bStart = Math.max(first, incident - maxDays);
  let bEnd = incident - 1;
  if (req.baseline) {
    const s = toDay(req.baseline.start);
    const e = toDay(req.baseline.end);
    if (e >= incident) fail('BAD_WINDOW', `--baseline ${req.baseline.start}..${req.baseline.end} must end before the incident ${req.incident}`);
    if (e < first) fail('BAD_WINDOW', `--baseline ends before the data starts (${data.firstDate})`);
    if (s < first) {
      warnings.push({ code: 'BASELINE_CLIPPED', message: `the baseline starts at the first day of data, ${data.firstDate}, not ${req.baseline.start}` });
    }
    bStart = Math.max(s, first);
    bEnd = e;
  }
  // an --exclude that touches neither window is a mistyped year (2030 for 2025) more often than not
  for (const x of req.exclude) {
    const [a, b] = [toDay(x.start), toDay(x.end)];
    if (b < bStart || a > until || (a > bEnd && b < incident)) {
      warnings.push({ code: 'EXCLUDE_OUTSIDE_WINDOWS', message: `--exclude ${x.start}..${x.end} leaves out no day of the baseline (${fromDayIso(bStart)}..${fromDayIso(bEnd)}) or the loss window (${req.incident}..${fromDayIso(until)}): check its dates` });
    }
  }
  return {
    baseline: { start: fromDayIso(bStart), end: fromDayIso(bEnd), days: bEnd - bStart + 1 },
    incident: { start: req.incident, end: fromDayIso(until), days: until - incident + 1 },
    excluded: [...req.exclude].sort((a, b) => (a.start < b.start ? -1 : 1)),
  };
}

/** The last day of the data, or the day before it when that day was exported partway (and the loss window keeps a day). */
function defaultUntil(data: Pick<InputInfo, 'lastDate' | 'partialLastDay'>, incident: number, warnings: Warning[]): number {
  const last = toDay(data.lastDate);
  const cut = data.partialLastDay;
  if (!cut || last - 1 < incident) return last;
  warnings.push({ code: 'PARTIAL_LAST_DAY', message: `${partway(cut)}: it is left out of the loss window, which ends ${fromDayIso(last - 1)}; give --until ${cut.date} to count it` });
  return last - 1;
}

/** `the export ends at 10:05 on 2026-01-28, when a usual day has 38 % of its orders: that day looks exported partway`. */
export function partway(cut: NonNullable<InputInfo['partialLastDay']>): string {
  return `the export ends at ${cut.lastOrderAt} on ${cut.date}, when a usual day has ${Math.round(100 * cut.shareOfDay)} % of its orders: that day looks exported partway`;
}

/** Whether a day number falls in any excluded span. */
export function excludedTest(excluded: Span[]): (day: number) => boolean {
  const ranges = excluded.map((s) => [toDay(s.start), toDay(s.end)] as const);
  return (day) => ranges.some(([a, b]) => day >= a && day <= b);
}

function fromDayIso(day: number): ISODate {
  return addDays('1970-01-01', day);
}
