// Holiday lookups by day number, for the models.
import { toDay } from './dates.js';
import { holidays, type Holiday } from './holidays.js';
import type { HolidayOf } from './models/model.js';

/** The holidays of a country between two day numbers and a fast day → kind lookup. */
export function holidayCalendar(country: string, firstDay: number, lastDay: number): { list: Holiday[]; holidayOf: HolidayOf } {
  const y0 = +new Date(firstDay * 86_400_000).toISOString().slice(0, 4);
  const y1 = +new Date(lastDay * 86_400_000).toISOString().slice(0, 4);
  const list = holidays(country, y0, y1).filter((h) => toDay(h.date) >= firstDay && toDay(h.date) <= lastDay);
  const kinds = new Map<number, 1 | 2>();
  for (const h of list) kinds.set(toDay(h.date), h.kind === 'major' ? 2 : 1);
  return { list, holidayOf: (day) => kinds.get(day) ?? 0 };
}
