// Holiday lookups by day number, for the models.
import { toDay } from './dates.js';
import { holidays, type Holiday } from './holidays.js';
import type { HolidayOf, HolidayShare } from './models/model.js';
import { nextPeriod, type Period } from './period.js';
import { TUNING } from './tuning.js';

/**
 * The holidays of a country between two day numbers and a fast day → kind lookup. Besides
 * minor (1) and major (2) holidays, the `TUNING.eveDays` ordinary days before a major break are
 * its eve (명절 대목): gift sets sell then and couriers close their books, a season that moves
 * with the lunar calendar, so neither weekdays nor a yearly cycle can hold it. Its last week
 * (kind 3) and the week before (kind 4) are told apart: sales often peak a week or two out and
 * fall as couriers stop taking parcels.
 */
export function holidayCalendar(country: string, firstDay: number, lastDay: number): { list: Holiday[]; holidayOf: HolidayOf; shareOf: (period: Period) => HolidayShare } {
  const year = (day: number) => +new Date(day * 86_400_000).toISOString().slice(0, 4);
  // a break just after the last day has its eve inside the range
  const all = holidays(country, year(firstDay), year(lastDay + TUNING.eveDays)).filter((h) => toDay(h.date) >= firstDay && toDay(h.date) <= lastDay + TUNING.eveDays);
  const list = all.filter((h) => toDay(h.date) <= lastDay);
  // a day-indexed table: the models ask for every training and forecast day, many times over
  const kinds = new Uint8Array(Math.max(0, lastDay - firstDay + 1 + TUNING.eveDays));
  for (const h of all) kinds[toDay(h.date) - firstDay] = h.kind === 'major' ? 2 : 1;
  for (let i = kinds.length - 1; i > 0; i--) {
    if (kinds[i] !== 2 || kinds[i - 1] === 2) continue; // the first day of a major break
    for (let j = i - 1; j >= Math.max(0, i - TUNING.eveDays); j--) if (kinds[j] === 0) kinds[j] = i - j <= TUNING.eveDays / 2 ? 3 : 4;
  }
  const holidayOf: HolidayOf = (day) => (day >= firstDay && day <= lastDay ? (kinds[day - firstDay] as 0 | 1 | 2 | 3 | 4) : 0);
  /** Shares of minor-holiday, major-holiday and the two eve weeks' days in the period starting at a point. */
  const shareOf = (period: Period): HolidayShare => (period === 'day' ? (p) => DAY_SHARES[holidayOf(p)] : (p) => {
    const end = nextPeriod(p, period);
    const count = [0, 0, 0, 0, 0];
    for (let d = p; d < end; d++) count[holidayOf(d)]++;
    return [count[1] / (end - p), count[2] / (end - p), count[3] / (end - p), count[4] / (end - p)];
  });
  return { list, holidayOf, shareOf };
}

/** A single day's [minor, major, eve's last week, the week before] shares by its kind. */
const DAY_SHARES: readonly (readonly [number, number, number, number])[] = [[0, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
