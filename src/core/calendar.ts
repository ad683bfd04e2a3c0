// Holiday lookups by day number, for the models.
import { toDay } from './dates.js';
import { holidays, type Holiday } from './holidays.js';
import type { HolidayOf, HolidayShare } from './models/model.js';
import { nextPeriod, type Period } from './period.js';

/** The holidays of a country between two day numbers and a fast day → kind lookup. */
export function holidayCalendar(country: string, firstDay: number, lastDay: number): { list: Holiday[]; holidayOf: HolidayOf; shareOf: (period: Period) => HolidayShare } {
  const y0 = +new Date(firstDay * 86_400_000).toISOString().slice(0, 4);
  const y1 = +new Date(lastDay * 86_400_000).toISOString().slice(0, 4);
  const list = holidays(country, y0, y1).filter((h) => toDay(h.date) >= firstDay && toDay(h.date) <= lastDay);
  // a day-indexed table: the models ask for every training and forecast day, many times over
  const kinds = new Uint8Array(Math.max(0, lastDay - firstDay + 1));
  for (const h of list) kinds[toDay(h.date) - firstDay] = h.kind === 'major' ? 2 : 1;
  const holidayOf: HolidayOf = (day) => (day >= firstDay && day <= lastDay ? (kinds[day - firstDay] as 0 | 1 | 2) : 0);
  /** Shares of minor and major holiday days in the period starting at a point. */
  const shareOf = (period: Period): HolidayShare => (period === 'day' ? (p) => DAY_SHARES[holidayOf(p)] : (p) => {
    const end = nextPeriod(p, period);
    const count = [0, 0, 0];
    for (let d = p; d < end; d++) count[holidayOf(d)]++;
    return [count[1] / (end - p), count[2] / (end - p)];
  });
  return { list, holidayOf, shareOf };
}

/** A single day's [minor, major] shares by its kind (none, minor, major). */
const DAY_SHARES: readonly (readonly [number, number])[] = [[0, 0], [1, 0], [0, 1]];
