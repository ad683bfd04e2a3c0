// Public holidays by country, from date-holidays, with Korea corrected against the
// official calendar (KASI 월력요항 / 관보), checked in test/holidays.test.ts for 2023–2026:
// - date-holidays 3.x spans 설날 from the lunar new-year day over the next two days
//   (2025: 29–31 Jan); the official break is the eve, the day and the day after (28–30 Jan).
//   Its 추석 span (lunar 8/14 for three days) is right. Its substitute days are right.
// - it lacks temporary holidays (임시공휴일) and election days, which close couriers too.
// Korea is served from a table generated from the same code (holidays-kr.ts, checked against
// it by a test), so an estimate does not pay to load every country's rules (~0.15 s).
import { createRequire } from 'node:module';
import { addDays } from './dates.js';
import { KR_FIRST_YEAR, KR_LAST_YEAR, KR_TABLE } from './holidays-kr.js';
import type { ISODate } from './types.js';

type HolidaysLib = typeof import('date-holidays').default;
let lib: HolidaysLib | undefined;
/** date-holidays, loaded on first use. */
function library(): HolidaysLib {
  lib ??= createRequire(import.meta.url)('date-holidays') as HolidaysLib;
  return lib;
}

/** How strongly a holiday moves e-commerce: the three-day lunar breaks or a single day off. */
export type HolidayKind = 'major' | 'minor';

export interface Holiday {
  date: ISODate;
  name: string;
  kind: HolidayKind;
}

/**
 * Korean holidays the library does not know: 임시공휴일 (temporary) and election days,
 * from the official announcements. Extend this table when a new one is declared.
 */
export const KR_EXTRA: readonly Holiday[] = [
  { date: '2017-05-09', name: '대통령선거일', kind: 'minor' },
  { date: '2017-10-02', name: '임시공휴일', kind: 'minor' },
  { date: '2018-06-13', name: '지방선거일', kind: 'minor' },
  { date: '2020-04-15', name: '국회의원선거일', kind: 'minor' },
  { date: '2020-08-17', name: '임시공휴일', kind: 'minor' },
  { date: '2022-03-09', name: '대통령선거일', kind: 'minor' },
  { date: '2022-06-01', name: '지방선거일', kind: 'minor' },
  { date: '2023-10-02', name: '임시공휴일', kind: 'minor' },
  { date: '2024-04-10', name: '국회의원선거일', kind: 'minor' },
  { date: '2024-10-01', name: '임시공휴일 (국군의 날)', kind: 'minor' },
  { date: '2025-01-27', name: '임시공휴일', kind: 'minor' },
  { date: '2025-06-03', name: '대통령선거일', kind: 'minor' },
  { date: '2026-06-03', name: '지방선거일', kind: 'minor' },
];

const SEOLLAL = /^설날$/;
const MAJOR = /설날|추석/;
const DAY_MS = 86_400_000;

const cache = new Map<string, Holiday[]>();

/** Whether `code` is a country the holiday library knows (or `none`). */
export function isKnownCountry(code: string): boolean {
  if (code.toLowerCase() === 'none' || code.toUpperCase() === 'KR') return true;
  const Holidays = library();
  return Boolean(new Holidays().getCountries()[code.toUpperCase()]);
}

/**
 * Public holidays of `country` in the years `fromYear..toYear`, sorted, one entry per
 * date (the first name wins when two fall on one day, e.g. 2025-05-05).
 */
export function holidays(country: string, fromYear: number, toYear: number): Holiday[] {
  const cc = country.toUpperCase();
  if (cc === 'NONE') return [];
  const key = `${cc}:${fromYear}:${toYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (cc === 'KR' && fromYear >= KR_FIRST_YEAR && toYear <= KR_LAST_YEAR) {
    const list = KR_TABLE.filter(([d]) => +d.slice(0, 4) >= fromYear && +d.slice(0, 4) <= toYear).map(([date, name, kind]) => ({ date, name, kind }));
    cache.set(key, list);
    return list;
  }
  const list = computeHolidays(cc, fromYear, toYear);
  cache.set(key, list);
  return list;
}

/** The holidays straight from date-holidays plus the Korean corrections (what the KR table caches). */
export function computeHolidays(cc: string, fromYear: number, toYear: number): Holiday[] {
  const Holidays = library();
  const hd = new Holidays(cc);
  const byDate = new Map<ISODate, Holiday>();
  const add = (h: Holiday) => {
    if (!byDate.has(h.date)) byDate.set(h.date, h);
  };
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of hd.getHolidays(y)) {
      if (h.type !== 'public') continue;
      const kind: HolidayKind = cc === 'KR' && MAJOR.test(h.name) ? 'major' : 'minor';
      // multi-day holidays carry their span in start..end; `date` is the local first day
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      const first = cc === 'KR' && SEOLLAL.test(h.name) ? addDays(h.date.slice(0, 10), -1) : h.date.slice(0, 10);
      for (let i = 0; i < span; i++) add({ date: addDays(first, i), name: h.name, kind });
    }
  }
  if (cc === 'KR') {
    for (const h of KR_EXTRA) if (+h.date.slice(0, 4) >= fromYear && +h.date.slice(0, 4) <= toYear) add(h);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
