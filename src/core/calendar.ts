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
  const kinds = new Map<number, 1 | 2>();
  for (const h of list) kinds.set(toDay(h.date), h.kind === 'major' ? 2 : 1);
  const holidayOf: HolidayOf = (day) => kinds.get(day) ?? 0;
  /** Shares of minor and major holiday days in the period starting at a point. */
  const shareOf = (period: Period): HolidayShare => (p) => {
    const end = nextPeriod(p, period);
    const count = [0, 0, 0];
    for (let d = p; d < end; d++) count[holidayOf(d)]++;
    return [count[1] / (end - p), count[2] / (end - p)];
  };
  return { list, holidayOf, shareOf };
}
