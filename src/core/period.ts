// Periods of a series: daily data, or weekly / monthly totals (many sellers only have
// monthly settlement statements). A period is named by its first day.
import { dayFromParts, fromDay, weekday } from './dates.js';
import type { DailySeries } from './types.js';
import { toDay } from './dates.js';

export type Period = 'day' | 'week' | 'month';

/** First day of the period holding `day`: weeks start on Monday, months on the 1st. */
export function periodStart(day: number, period: Period): number {
  if (period === 'day') return day;
  if (period === 'week') return day - weekday(day);
  const iso = fromDay(day);
  return dayFromParts(+iso.slice(0, 4), +iso.slice(5, 7), 1);
}

/** First day of the next period: `nextPeriod(toDay('2025-01-01'), 'month')` is 2025-02-01. */
export function nextPeriod(start: number, period: Period): number {
  if (period === 'day') return start + 1;
  if (period === 'week') return start + 7;
  const iso = fromDay(start);
  const m = +iso.slice(5, 7);
  return m === 12 ? dayFromParts(+iso.slice(0, 4) + 1, 1, 1) : dayFromParts(+iso.slice(0, 4), m + 1, 1);
}

/** Day numbers of the observed (non-null in either metric) days of a series. */
function observedDays(s: DailySeries): number[] {
  const start = toDay(s.start);
  const out: number[] = [];
  for (let i = 0; i < s.orders.length; i++) if (s.orders[i] !== null || s.revenue[i] !== null) out.push(start + i);
  return out;
}

/**
 * The period a daily-aggregate file is in, from its dates: all on the 1st of a month →
 * month; all a multiple of 7 days apart, mostly 7 → week; else day. Order exports are daily.
 */
export function detectPeriod(s: DailySeries): Period {
  return periodOfDays(observedDays(s));
}

/**
 * The weekday (0 = Monday) a weekly file's rows fall on: US and GA4 weeks start on Sunday, a
 * report may name a week by any day. Its weeks are counted as the Monday-to-Sunday weeks they
 * overlap most (nearestMonday): a Sunday's week as the one from the Monday after.
 */
export function weekAnchor(s: DailySeries): number {
  return anchorOfDays(observedDays(s));
}

/** The weekday most of `days` fall on (0 = Monday): a weekly file's own. */
export function anchorOfDays(days: number[]): number {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const d of days) counts[weekday(d)]++;
  return counts.indexOf(Math.max(...counts));
}

/** Whether `day` is the day of a row in a file of `period`, its weeks on weekday `anchor`: missing if it has none. */
export function isPeriodDay(day: number, period: Period, anchor = 0): boolean {
  return period === 'week' ? weekday(day) === anchor : periodStart(day, period) === day;
}

/** First day of the file's week holding `day`, for weeks starting on weekday `anchor` (0 = Monday). */
export function fileWeekStart(day: number, anchor: number): number {
  return day - ((weekday(day) - anchor + 7) % 7);
}

/** The Monday whose week (Mon–Sun) shares the most days with the 7 days from `day`. */
export function nearestMonday(day: number): number {
  const wd = weekday(day);
  return wd <= 3 ? day - wd : day + 7 - wd;
}

/** The period of an aggregate whose rows fall on `days` (ascending), by detectPeriod's rule. */
export function periodOfDays(days: number[]): Period {
  if (days.length < 3) return 'day';
  const gaps = days.slice(1).map((d, i) => d - days[i]);
  if (days.every((d) => fromDay(d).endsWith('-01')) && gaps.every((g) => g >= 28)) return 'month';
  if (gaps.every((g) => g % 7 === 0) && gaps.filter((g) => g === 7).length >= 0.8 * gaps.length) return 'week';
  return 'day';
}

/**
 * Values by period start. Data already in `period` (one row per period) are taken as
 * they are; daily data are summed into periods, a period with an unknown day being
 * unknown, and periods cut by either end of the data left out.
 */
export function toPeriods(s: DailySeries, metric: 'orders' | 'revenue', period: Period, native: Period): Map<number, number | null> {
  const start = toDay(s.start);
  const values = s[metric];
  const out = new Map<number, number | null>();
  if (period === native) {
    const anchor = period === 'week' ? weekAnchor(s) : 0;
    for (let i = 0; i < values.length; i++) {
      const day = start + i;
      if (isPeriodDay(day, period, anchor)) out.set(period === 'week' ? nearestMonday(day) : day, values[i]);
    }
    return out;
  }
  const end = start + values.length; // exclusive
  for (let p = periodStart(start, period); p < end; p = nextPeriod(p, period)) {
    const q = nextPeriod(p, period);
    if (p < start || q > end) continue; // a period cut by the data's ends
    let sum = 0;
    let known = true;
    for (let d = p; d < q; d++) {
      const v = values[d - start];
      if (v === null) known = false;
      else sum += v;
    }
    out.set(p, known ? sum : null);
  }
  return out;
}
