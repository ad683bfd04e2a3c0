// Date cells → calendar day numbers (days since 1970-01-01, as in core/dates.ts).
// Millions of rows go through here, so the common ISO-like layouts are read char by char
// without allocating, and the tz conversion of instants is cached per quarter hour.
import { fromDay, toDay } from '../core/dates.js';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_QUARTER_HOUR = 900_000;

/**
 * Day number of a Gregorian date, NaN when impossible or outside 1900–2999:
 * `civilDay(1970, 1, 2) === 1`, `civilDay(2025, 2, 30)` is NaN. (H. Hinnant's days_from_civil.)
 */
export function civilDay(y: number, m: number, d: number): number {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1)) return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Number from `n` ASCII digits of s at i, or NaN: `digits('x2025', 1, 4) === 2025`. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Wall clock of an instant in a zone — its calendar day, and its minute of the day (a partly
 * exported last day is told by the time its last order came in) — from the zone's offset cached
 * by UTC day, or by quarter hour on a day the offset changes. One per zone per process: the
 * answers depend on the zone only, and building the formatter costs more than reading a small file.
 */
export class ZoneDays {
  private static readonly byZone = new Map<string, ZoneDays>();
  /** Quarter hour since 1970 (UTC) → the zone's wall clock at its start, in minutes since 1970. */
  private readonly cache = new Map<number, number>();
  private readonly fmt: Intl.DateTimeFormat;
  private lastQ = NaN;
  private lastLocal = NaN;
  /** UTC day → the zone's offset all that day (NaN: it changes that day). */
  private readonly dayOffsets = new Map<number, number>();
  private lastUtcDay = NaN;
  private lastOffset = NaN;
  private constructor(tz: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  /** The shared instance for `tz`. */
  static of(tz: string): ZoneDays {
    let z = ZoneDays.byZone.get(tz);
    if (!z) ZoneDays.byZone.set(tz, (z = new ZoneDays(tz)));
    return z;
  }
  /** Calendar day in the zone of the instant `minutes` (minutes since 1970-01-01T00:00Z). */
  day(minutes: number): number {
    return Math.floor(this.local(minutes) / 1440);
  }
  /** The zone's wall clock at the instant `minutes`, in minutes since 1970 (its day × 1440 + minute of day). */
  local(minutes: number): number {
    const d = Math.floor(minutes / 1440);
    if (d !== this.lastUtcDay) {
      this.lastUtcDay = d;
      this.lastOffset = this.offsetOn(d);
    }
    return this.lastOffset === this.lastOffset ? minutes + this.lastOffset : this.byQuarter(minutes);
  }
  /**
   * The zone's UTC offset (minutes) all through UTC day `d`, or NaN when it changes that day: the
   * same offset at both ends of a day holds in between (zones change offset months apart). Two
   * formatter calls a day instead of one per quarter hour of timestamps.
   */
  private offsetOn(d: number): number {
    let off = this.dayOffsets.get(d);
    if (off === undefined) {
      const a = this.localAt(d * 1440 * 60_000) - d * 1440;
      const b = this.localAt((d + 1) * 1440 * 60_000) - (d + 1) * 1440;
      off = a === b ? a : NaN;
      if (this.dayOffsets.size > 50_000) this.dayOffsets.clear();
      this.dayOffsets.set(d, off);
    }
    return off;
  }
  /** The wall clock from the quarter hour's own formatter call (days when the offset changes). */
  private byQuarter(minutes: number): number {
    const q = Math.floor(minutes / 15);
    if (q !== this.lastQ) { // rows come in time order more often than not
      let l = this.cache.get(q);
      if (l === undefined) {
        l = this.localAt(q * MS_QUARTER_HOUR);
        if (this.cache.size > 500_000) this.cache.clear(); // bounded: ~14 years of quarter hours
        this.cache.set(q, l);
      }
      this.lastQ = q;
      this.lastLocal = l;
    }
    return this.lastLocal + (minutes - 15 * q);
  }
  /** Day number of the zone's date at `ms`. */
  dayAt(ms: number): number {
    return Math.floor(this.localAt(ms) / 1440);
  }
  /**
   * The zone's wall clock at `ms` in minutes since 1970. `format` gives en-US's `M/D/YYYY, HH:MM`
   * at a third of the cost of `formatToParts`; any other layout (another ICU build) is read from
   * the parts.
   */
  localAt(ms: number): number {
    const s = this.fmt.format(ms);
    const a = s.indexOf('/');
    const b = s.indexOf('/', a + 1);
    if (a >= 1 && a <= 2 && b - a >= 2 && b - a <= 3 && s.length - b === 12 && s.charCodeAt(b + 5) === 44 && s.charCodeAt(b + 9) === 58) {
      const d = civilDay(digits(s, b + 1, 4), digits(s, 0, a), digits(s, a + 1, b - a - 1));
      const hm = digits(s, b + 7, 2) * 60 + digits(s, b + 10, 2);
      if (d === d && hm === hm && hm < 1440) return d * 1440 + hm;
    }
    return this.localFromParts(ms);
  }
  /** The same from `formatToParts`: slower, independent of the layout. */
  localFromParts(ms: number): number {
    const p = this.fmt.formatToParts(ms);
    const get = (t: string) => Number(p.find((x) => x.type === t)?.value);
    return civilDay(get('year'), get('month'), get('day')) * 1440 + (get('hour') % 24) * 60 + get('minute');
  }
  /** Day number from `formatToParts` (the tests' reference for dayAt). */
  dayFromParts(ms: number): number {
    return Math.floor(this.localFromParts(ms) / 1440);
  }
}

// Slow-path layouts (after trimming): separated with 1–2 digit parts and optional spaces and a
// trailing dot (`2025. 11. 29.`), compact `20251129` (or with the time, `20241101100605`,
// `202411011006`), Korean `2025년 11월 29일 (토)` and European day-first `01.11.2024`.
const SEPARATED = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
// The same date, then a time after a space (`20251129 13:05:09`: Korean payment gateways' and banks' exports)
const COMPACT_SPACED = /^(\d{4})(\d{2})(\d{2})(\s.*)$/;
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*(?:\([^)]*\))?(.*)$/;
// Dots with the 4-digit year last are day-first wherever they are written (de, ru, pl…); slashes
// are not (`11/1/2024` is US month-first): SLASHED below is read only as the file's dates allow.
const DOTTED_DAY_FIRST = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?(.*)$/;
// Slashes with the year last (`11/29/2025`, `29/11/25 13:05`): month-first in the US, day-first in
// most other places. A file is read one way only when its own dates show which (a part above 12):
// see DateReader.slashOrder. A two-digit year is read as 20yy (sales data of this century).
const SLASHED = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}|\d{2})(?!\d)(.*)$/;
// Dots with a 2-digit year: day-first (`01.04.25`, LibreOffice in German) or year-first (`25.04.01`, Korean
// receipts): read as slashes are, in the order the file's own dates show (a first part above 12, or few of them).
const DOTTED_SHORT = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2})(?!\d)\.?(.*)$/;
// A month by name (English exports: PayPal, eBay, Amazon's reports, JavaScript's Date#toString, RFC 2822
// mail dates), with an optional weekday before it: `Nov 29, 2025 1:05:22 AM PST`, `November 29 2025`,
// `Nov-29-25` (eBay), `29 Nov 2025`, `29-Nov-25` (Excel's d-mmm-yy), `Sat, 29 Nov 2025 13:05:22 +0900`,
// `Sat Nov 29 2025 13:05:22 GMT+0900 (Korean Standard Time)`. The month is named, so a two-digit
// year (20yy) is the only reading; `Nov 29 13:05` without a year is not a date.
const WEEKDAY_NAME = String.raw`(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY_NAME}([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|[\s-]+)(\d{4}|\d{2})(?![\d:])(.*)$`, 'i');
const DAY_FIRST_NAMED = new RegExp(String.raw`^${WEEKDAY_NAME}(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?![\d:])(.*)$`, 'i');
// Java's Date#toString and Unix `date`: `Fri Nov 29 04:47:19 KST 2024` — the zone before the year.
const JAVA_DATE = new RegExp(String.raw`^(?:mon|tue|wed|thu|fri|sat|sun)\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+([a-z]{3,4})\s+(\d{4})$`, 'i');
const MONTHS = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set('sept', 9);
/** Month number of an English month name or its three-letter abbreviation, NaN for anything else. */
const monthOf = (name: string) => MONTHS.get(name.toLowerCase()) ?? NaN;

// ISO 8601's basic format (`20241129T122209Z`, `20241129T1222+0900`): the extended one without separators.
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Java's ZonedDateTime#toString: an offset, then the zone's id in brackets (`…+09:00[Asia/Seoul]`). The offset says the instant.
const ZONE_ID = /^(.*(?:[+-]\d{2}:?\d{2}|Z))\[[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)*\]$/;
// Unix time, in seconds (10 digits from 1, maybe with a fraction) or milliseconds (13 digits from 1):
// databases' and JavaScript's timestamps of 2001-09-09 to 2033-05-18. No date layout has 10 or 13
// bare digits; `2024110110` (a date and an hour?) starts with 2 and stays unread.
const EPOCH = /^(1\d{9})(?:\.\d+)?$|^(1\d{12})$/;
// A spreadsheet's serial date (`45748`, `45748.041169`: days since 1899-12-30, a fraction the time of day),
// as Excel writes a date column in General format to CSV; 2000-01-01 (36526) to 2099-12-31 (73050) only.
const SERIAL = /^(\d{5})(?:\.(\d{1,15}))?$/;
const SERIAL_FIRST = 36526, SERIAL_LAST = 73050, SERIAL_EPOCH = 25569; // 1970-01-01

// An ISO week (`2024-W48`, `2024W48`, `2024-W48-3`): weekly reports (Postgres `IYYY-"W"IW`); its Monday unless a weekday is given.
const ISO_WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/i;

/** Day number of weekday `wd` (1 = Monday) of ISO week `w` of ISO year `y`; NaN for a week the year has not. */
function isoWeekDay(y: number, w: number, wd: number): number {
  const monday = firstIsoMonday(y) + (w - 1) * 7;
  return w >= 1 && monday < firstIsoMonday(y + 1) ? monday + wd - 1 : NaN;
}

/** The Monday of ISO week 1 of year `y`: the week holding 4 January (day 0, 1970-01-01, was a Thursday). */
function firstIsoMonday(y: number): number {
  const jan4 = civilDay(y, 1, 4);
  return jan4 - ((((jan4 + 3) % 7) + 7) % 7);
}

// A month on its own (`2025-11`, `2025.11`, `2025년 11월`): settlement statements; the day is the 1st.
const MONTH_ONLY = /^(\d{4})\s*(?:[-./]\s*(\d{1,2})\.?|년\s*(\d{1,2})\s*월)$/;
// A weekday in brackets after the date (`2025.11.29(토) 13:05`, `2025-11-29 (Sat)`, `2025/11/29(土)`):
// Korean admins, Japanese tools and English locales write it; it is dropped, not checked.
const WEEKDAY = /^\s*\(\s*(?:[월화수목금토일](?:요일)?|[日月火水木金土](?:曜日?)?|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\.?\s*\)/i;
// or a Korean weekday word without brackets (`2025.08.01 금요일 04:48`), set off by a space: the word, not a 월 of a time
const WEEKDAY_WORD = /^\s+[월화수목금토일]요일(?=\s|$)/;
// What may stand between a date and its time: a comma (`Apr 1, 2025, 6:12:11 PM`, `4/1/2025, 12:59:17 AM`:
// ICU's and JavaScript's toLocaleString) or `at` (`Apr 1, 2025 at 1:05 PM`); read as a space.
const TIME_SEPARATOR = /^(?:\s*,|\s+(?:at|@))\s*(?=\d|오전|오후|[ap]\.?m\b)/i;
// `a.m.`/`p.m.` (en-CA, en-AU) as `am`/`pm`; a time with dots (`12.59.17.000000 AM`: Oracle's TIMESTAMP) with colons
const DOTTED_MERIDIEM = /\b([ap])\.\s?m\.?/gi;
const DOTTED_TIME = /^\s*(\d{1,2})\.([0-5]\d)(?:\.([0-5]\d)(?:\.\d+)?)?(?=\s*(?:[ap]m)?\s*$)/i;
// A wall-clock tail: `13:05`, `오후 1:05:00`, `1:05 PM` (its hour, minute and half of the day).
// A zone may follow (`1:05:22 AM PST`): see namedZoneOffset.
const WALL_TIME = /^\s*(?:(오전|오후|am|pm)\s*)?([01]?\d|2[0-4]):([0-5]\d)(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:\s*(am|pm|오전|오후))?(?:\s+([a-z]{3,4}))?\s*$/i;
// The end of a day, 24:00 (`24:00`, `24:00:00`, `24:00:00.000`) — not 24:30 or 24:00:01.
const MIDNIGHT_24 = /24:00(?::00(?:[.,]0+)?)?(?![\d:.,])/;
// A time in Korean words: `0시 16분`, `오후 3시 5분 7초`, `14시`.
const KOREAN_TIME = /^\s*(오전|오후)?\s*(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분)?(?:\s*\d{1,2}\s*초)?\s*$/;
// An offset written after GMT or UTC, with the zone's name in brackets after it (JavaScript's
// Date#toString: `13:05:22 GMT+0900 (Korean Standard Time)`): the offset is what counts.
const GMT_OFFSET = /^(.*\d)\s*(?:gmt|utc)\s*([+-]\d{2}(?::?\d{2})?)(?:\s*\([^)]*\))?\s*$/i;

/** The 24-hour clock of a 12-hour one: 12 AM is 0, 1 PM is 13; a 24-hour time (no AM/PM) as written. */
function hour24(hh: number, half: string | undefined): number {
  if (half === undefined) return hh;
  const pm = half === '오후' || half.toLowerCase() === 'pm';
  return hh > 12 ? hh : (hh % 12) + (pm ? 12 : 0);
}

/**
 * Offset in minutes of the 3-letter zone at s[i..i+3], NaN for any other: the zones of Korean and
 * UTC exports by char codes, lower-cased with `| 32`, so the fast path stays free of allocations
 * (`zoneAbbreviation('KST', 0) === 540`); the others by name (namedZoneOffset).
 */
function zoneAbbreviation(s: string, i: number): number {
  const a = s.charCodeAt(i) | 32, b = s.charCodeAt(i + 1) | 32, c = s.charCodeAt(i + 2) | 32;
  if (a === 117 && b === 116 && c === 99) return 0; // utc
  if (a === 103 && b === 109 && c === 116) return 0; // gmt
  if ((a === 107 || a === 106) && b === 115 && c === 116) return 540; // kst, jst: +09:00, no daylight saving
  return namedZoneOffset(s.slice(i, i + 3));
}

// Zone abbreviations that name one offset each (PayPal, eBay and Amazon's US reports write PST/PDT).
// Not CST (US Central or China), IST (India, Israel or Ireland), BST (British Summer or Bangladesh).
const NAMED_ZONES: Record<string, number> = {
  utc: 0, gmt: 0, wet: 0, kst: 540, jst: 540, hkt: 480, sgt: 480, awst: 480, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  west: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
};

/** Offset in minutes of a zone abbreviation (`PST` is −480), NaN for an unknown or ambiguous one. */
function namedZoneOffset(name: string): number {
  return NAMED_ZONES[name.toLowerCase()] ?? NaN;
}

/** A year of two or four digits: `25` is 2025 (sales data of this century). */
const fullYear = (y: string) => (y.length === 2 ? 2000 + +y : +y);

/** The order of a slashed date's parts: month/day/year, day/month/year, or (2-digit years, Korean POS) year/month/day. */
export type SlashOrder = 'mdy' | 'dmy' | 'ymd';

/** Reads date cells of one file into day numbers; instants with an offset land on `tz`'s calendar day. */
export class DateReader {
  private zone: ZoneDays | null = null;
  /** Slashed dates seen, and those only one order can read (a first part above 12: dmy; a second: mdy). */
  private readonly slashed = { seen: 0, dmy: 0, mdy: 0, short: 0, firsts: new Set<number>(), lasts: new Set<number>(), middles: new Set<number>(), middleMax: 0 };
  /** `slash`: how to read `a/b/yyyy`; without it such cells are NaN (and counted for slashOrder). */
  constructor(readonly tz: string, private readonly slash?: SlashOrder) {}

  /**
   * The offset (minutes) the date column's header gives its times (`Created (UTC)`): a time
   * without an offset of its own is then that instant, counted on its day in `tz`. null: as written.
   */
  headerOffset: number | null = null;
  /** Cells whose day the header's offset moved (for the HEADER_TIME_ZONE warning). */
  movedByHeader = 0;

  /**
   * The order this file's slashed dates can only have been written in, or null: none seen, none
   * decisive (every part ≤ 12), or both orders needed (mixed layouts: nothing is guessed).
   */
  slashOrder(): SlashOrder | null {
    const { seen, dmy, mdy, short, firsts, lasts, middles, middleMax } = this.slashed;
    // `24/11/29`, `25/01/03`: a few first parts (the years) and many last ones (the days) — day-first would put
    // the sales in as many years as there are days of the month (a 9-day POS export, 25/11/21 … 25/11/29,
    // in 2021 … 2029): ten or more days, or three times as many last parts as first ones
    // (the short export's days in one or two months: a dd/mm/yy file of month starts, 01/01/22 … 01/12/25, has twelve middles)
    const fewYears = firsts.size <= 3 && (lasts.size >= 10 || (lasts.size >= Math.max(3, 3 * firsts.size) && middles.size <= 2));
    if (short === seen && fewYears && middleMax <= 12) return 'ymd';
    if (seen === 0 || (dmy > 0) === (mdy > 0)) return null;
    return dmy > 0 ? 'dmy' : 'mdy';
  }

  /** Minute of the day (0–1439, wall clock in `tz`) of the last cell read by day(), −1 when it had no time. */
  minute = -1;

  /** Day number of a cell, NaN when it is not a readable date. */
  day(s: string): number {
    this.minute = -1;
    const n = s.length;
    // fast path: YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD with two-digit parts, then an optional time
    if (n >= 10) {
      const sep = s.charCodeAt(4);
      if ((sep === 45 || sep === 46 || sep === 47) && s.charCodeAt(7) === sep) {
        const y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
        const day = n === 10 ? civilDay(y, m, d) : NaN;
        if (day === day) return day; // else `2025. 1. 1` (Google Sheets in Korean): the slow path
        const c = s.charCodeAt(10);
        if (c === 84 || c === 32) {
          const r = this.withTime(s, 11, y, m, d);
          if (r === r) return r; // not NaN
        }
      }
    }
    return this.slow(s);
  }

  /**
   * Day of `y-m-d` followed (from i) by `HH:MM[:SS[.fff]]` and an optional zone (Z, ±HH[:MM],
   * UTC/GMT/KST/JST). No zone: wall time, the date part is the day. NaN when the tail is not a time.
   */
  private withTime(s: string, i: number, y: number, m: number, d: number): number {
    const n = s.length;
    while (i < n && s.charCodeAt(i) === 32) i++;
    const hLen = s.charCodeAt(i + 1) === 58 ? 1 : 2;
    const hh = digits(s, i, hLen);
    i += hLen;
    if (s.charCodeAt(i) !== 58) return NaN;
    const mm = digits(s, i + 1, 2);
    i += 3;
    let ss = 0;
    if (s.charCodeAt(i) === 58) {
      ss = digits(s, i + 1, 2);
      i += 3;
      if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
        i++;
        while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      }
    }
    if (!(hh < 24 || (hh === 24 && mm === 0 && ss === 0)) || !(mm <= 59 && ss <= 60)) return NaN; // 24:00:00 ends the day (ISO 8601)
    while (i < n && s.charCodeAt(i) === 32) i++;
    let offsetMin: number;
    const c = s.charCodeAt(i);
    const rest = n - i;
    if (i === n) {
      const day = civilDay(y, m, d);
      if (this.headerOffset === null || day !== day) {
        if (day === day) this.minute = (hh % 24) * 60 + mm;
        return hh === 24 ? day + 1 : day;
      }
      const local = this.instant(day, hh, mm, this.headerOffset);
      if (local !== day) this.movedByHeader++;
      return local;
    }
    if ((c === 90 || c === 122) && rest === 1) offsetMin = 0; // Z
    else if (c === 43 || c === 45) {
      // ±HH, ±HHMM, ±HH:MM
      const oh = digits(s, i + 1, 2);
      const om = rest === 3 ? 0 : rest === 5 ? digits(s, i + 3, 2) : rest === 6 && s.charCodeAt(i + 3) === 58 ? digits(s, i + 4, 2) : NaN;
      if (!(oh <= 18 && om <= 59)) return NaN;
      offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else if (rest === 3) offsetMin = zoneAbbreviation(s, i);
    else if (rest === 4) offsetMin = namedZoneOffset(s.slice(i));
    else return NaN;
    if (offsetMin !== offsetMin) return NaN;
    const day = civilDay(y, m, d);
    if (day !== day) return NaN;
    return this.ownOffset(day, hh, mm, offsetMin);
  }

  /**
   * Cells whose own offset is neither UTC's nor `tz`'s (`2025-11-28T20:30:00-05:00` read for a
   * seller in Seoul): the file was written on another zone's clock, the seller's own perhaps, and
   * `--tz` may be missing. The first such offset, how many, and how many moved to another day.
   */
  readonly foreign = { offset: NaN, cells: 0, moved: 0 };

  /** instant() for a cell that gives its own offset, noting one foreign to `tz` (this.foreign). */
  private ownOffset(day: number, hh: number, mm: number, offsetMin: number): number {
    const utc = day * 1440 + hh * 60 + mm - offsetMin;
    const local = this.instant(day, hh, mm, offsetMin);
    if (offsetMin !== 0 && offsetMin !== this.zone!.local(utc) - utc && !this.zoneOffsetsOfYear(day).includes(offsetMin)) {
      const f = this.foreign;
      if (f.cells++ === 0) f.offset = offsetMin;
      if (local !== day) f.moved++;
    }
    return local;
  }

  private readonly yearOffsets = new Map<number, number[]>();
  /**
   * `tz`'s offsets in mid-January and mid-July of the year around `day`: its standard and summer
   * time. An exporter that writes the standard offset all year (`-0500` in a New York July) is on
   * the seller's clock still, so that is not foreign.
   */
  private zoneOffsetsOfYear(day: number): number[] {
    const year = Math.floor(day / 365.25);
    let offs = this.yearOffsets.get(year);
    if (!offs) {
      const at = (d: number) => this.zone!.local(d * 1440) - d * 1440;
      const jan = Math.round(year * 365.25) + 14;
      this.yearOffsets.set(year, (offs = [at(jan), at(jan + 181)]));
    }
    return offs;
  }

  /** The day in `tz` of the instant `day hh:mm` at `offsetMin` (and its minute in this.minute). */
  private instant(day: number, hh: number, mm: number, offsetMin: number): number {
    this.zone ??= ZoneDays.of(this.tz); // only files with offsets need the zone's formatter
    const local = this.zone.local(day * 1440 + hh * 60 + mm - offsetMin); // seconds never cross a quarter hour
    const zoneDay = Math.floor(local / 1440);
    this.minute = local - zoneDay * 1440;
    return zoneDay;
  }

  /** The other layouts; rare enough that regexes are fine. */
  private slow(raw: string): number {
    const s = raw.normalize('NFKC').trim();
    if (s !== raw) return s === '' ? NaN : this.day(s);
    let m = s.charCodeAt(s.length - 1) === 93 ? ZONE_ID.exec(s) : null; // `]`
    if (m) return this.day(m[1]);
    if ((m = SEPARATED.exec(s))) return this.withTail(+m[1], +m[3], +m[4], m[5]);
    if ((m = KOREAN.exec(s))) return this.withTail(+m[1], +m[2], +m[3], m[4]);
    if ((m = DOTTED_DAY_FIRST.exec(s))) return this.withTail(+m[3], +m[2], +m[1], m[4]);
    if ((m = SLASHED.exec(s) ?? DOTTED_SHORT.exec(s))) return this.readSlashed(+m[1], +m[2], m[3], m[4]);
    if ((m = MONTH_ONLY.exec(s))) return civilDay(+m[1], +(m[2] ?? m[3]), 1);
    if ((m = JAVA_DATE.exec(s))) return this.day(`${m[1]} ${m[2]}, ${m[5]} ${m[3]} ${m[4]}`);
    if ((m = MONTH_FIRST.exec(s))) return this.withTail(fullYear(m[3]), monthOf(m[1]), +m[2], m[4]);
    if ((m = DAY_FIRST_NAMED.exec(s))) return this.withTail(fullYear(m[3]), monthOf(m[2]), +m[1], m[4]);
    if ((m = COMPACT.exec(s))) {
      // with a time, a wall time (no zone): the time is checked, the date part is the day (24:00:00 ends it)
      if (m[4] === undefined) return civilDay(+m[1], +m[2], +m[3]);
      return this.withTime(`${m[4]}:${m[5]}:${m[6] ?? '00'}`, 0, +m[1], +m[2], +m[3]);
    }
    if ((m = COMPACT_SPACED.exec(s))) return this.withTail(+m[1], +m[2], +m[3], m[4]);
    if ((m = ISO_BASIC.exec(s))) return this.withTime(`${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}`, 0, +m[1], +m[2], +m[3]);
    if ((m = EPOCH.exec(s))) return this.epoch(m[2] ? +s : +m[1] * 1000);
    if ((m = ISO_WEEK.exec(s))) return isoWeekDay(+m[1], +m[2], m[3] ? +m[3] : 1);
    return NaN;
  }

  /** The day in `tz` of a Unix time in milliseconds (an instant, like a time with `Z`). */
  private epoch(ms: number): number {
    const min = Math.floor(ms / 60000);
    const day = Math.floor(min / 1440);
    return this.instant(day, Math.floor((min - day * 1440) / 60), min % 60, 0);
  }

  /**
   * Day number of a date column's cell: as day(), and a spreadsheet serial (`45748.041169`) too.
   * Only there: elsewhere (a header's cells, a row's other cells) such a number is a code or an amount.
   */
  columnDay(s: string): number {
    const day = this.day(s);
    if (day === day || s.length > 24) return day;
    const m = SERIAL.exec(s.trim());
    if (m) return this.serial(+m[1], m[2]);
    const numbered = NUMBERED_DATE.exec(s);
    return numbered ? this.day(numbered[1]) : NaN;
  }

  /** A spreadsheet serial (whole days, `frac` the time of day as a fraction): a wall time, as a cell without a zone. */
  private serial(whole: number, frac: string | undefined): number {
    if (whole < SERIAL_FIRST || whole > SERIAL_LAST) return NaN;
    const day = whole - SERIAL_EPOCH;
    if (frac === undefined) return day;
    const min = Math.round(Number(`0.${frac}`) * 1440); // to the minute; 1440 is 24:00, the day's end
    const [y, m, d] = fromDay(day).split('-').map(Number);
    return this.withTime(`${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`, 0, y, m, d);
  }

  /** A slashed date `a/b/y`: counted as evidence of its order, read when the order is known. */
  private readSlashed(a: number, b: number, y: string, tail: string): number {
    const e = this.slashed;
    e.seen++;
    if (a > 12 && b <= 12) e.dmy++;
    else if (b > 12 && a <= 12) e.mdy++;
    if (y.length === 2) {
      e.short++;
      if (e.firsts.size < 64) e.firsts.add(a);
      if (e.lasts.size < 64) e.lasts.add(+y);
      if (b > e.middleMax) e.middleMax = b;
      if (e.middles.size < 64) e.middles.add(b);
    }
    if (!this.slash) return NaN;
    if (this.slash === 'ymd') return y.length === 2 ? this.withTail(2000 + a, b, +y, tail) : NaN;
    const year = fullYear(y);
    return this.slash === 'mdy' ? this.withTail(year, a, b, tail) : this.withTail(year, b, a, tail);
  }

  /** Day of `y-m-d` followed by `tail`: nothing, a weekday in brackets, a wall time, or a time with a zone. */
  private withTail(y: number, mo: number, d: number, tail: string): number {
    const w = WEEKDAY.exec(tail) ?? WEEKDAY_WORD.exec(tail);
    if (w) tail = tail.slice(w[0].length);
    if (tail.trim() === '') return civilDay(y, mo, d);
    tail = tail.replace(TIME_SEPARATOR, ' ');
    if (tail.includes('.')) tail = tail.replace(DOTTED_MERIDIEM, '$1m').replace(DOTTED_TIME, (_, h, m, sec) => ` ${h}:${m}:${sec ?? '00'}`);
    const ko = KOREAN_TIME.exec(tail);
    if (ko) tail = ` ${ko[1] ?? ''} ${ko[2]}:${(ko[3] ?? '0').padStart(2, '0')}`;
    const wall = WALL_TIME.exec(tail);
    if (wall) {
      // a wall-clock time: its minute of the day, or under a header that names a zone, that instant
      const day = civilDay(y, mo, d);
      if (day !== day) return day;
      const hh = hour24(+wall[2], wall[1] ?? wall[4]), mm = +wall[3];
      if (hh === 24 && (wall[1] !== undefined || wall[4] !== undefined || !MIDNIGHT_24.test(tail))) return NaN; // 24:00 only, on a 24-hour clock
      if (wall[5] !== undefined) {
        const offset = namedZoneOffset(wall[5]); // the cell names its zone: that instant, whatever the header says
        return offset === offset ? this.ownOffset(day, hh, mm, offset) : NaN;
      }
      if (this.headerOffset === null) {
        this.minute = (hh % 24) * 60 + mm;
        return hh === 24 ? day + 1 : day;
      }
      const local = this.instant(day, hh, mm, this.headerOffset);
      if (local !== day) this.movedByHeader++;
      return local;
    }
    // a tail with a zone (`2025/11/29 13:05 +09:00`): the fast reader's time parser
    const gmt = GMT_OFFSET.exec(tail);
    const t = (gmt ? `${gmt[1]} ${gmt[2]}` : tail).trimStart();
    return this.withTime(t, t.charAt(0) === 'T' ? 1 : 0, y, mo, d);
  }
}

// A zone named in a date header, in brackets or after an underscore: `Created (UTC)`, `주문일시(KST)`,
// `Order Date [GMT+9]`, `created_utc`, `Date (UTC+09:00)`. Only zones of one fixed offset.
const HEADER_ZONE = /(?:[([]\s*(utc|gmt|kst|jst|z)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[)\]]|[_\s](utc|gmt|kst|jst))\s*$/i;

/**
 * The fixed offset (minutes) a date column's header declares for its times, or null when it names
 * none: `headerZoneOffset('Created (UTC)') === 0`, `headerZoneOffset('Order Date (GMT+9)') === 540`.
 */
export function headerZoneOffset(header: string): number | null {
  const m = HEADER_ZONE.exec(header.normalize('NFKC').trim());
  if (!m) return null;
  const zone = (m[1] ?? m[5]).toLowerCase();
  const base = zone === 'kst' || zone === 'jst' ? 540 : 0;
  if (!m[2]) return base;
  const h = +m[3], min = m[4] ? +m[4] : 0;
  if (base !== 0 || h > 14 || min > 59) return null; // `KST+1` means nothing; offsets end at ±14:00
  return (m[2] === '-' ? -1 : 1) * (h * 60 + min);
}

const readers = new Map<string, DateReader>();

/** ISO day of a date cell in zone `tz`, or null: `parseDate('2025-11-28T16:30:00Z', 'Asia/Seoul') === '2025-11-29'`. */
export function parseDate(s: string, tz: string): string | null {
  let r = readers.get(tz);
  if (!r) readers.set(tz, (r = new DateReader(tz)));
  const d = r.day(s);
  return Number.isFinite(d) ? fromDay(d) : null;
}

/** A report's period in a title line, years given: `기간 : 2025년 07월 01일 ~ 2025년 09월 30일`, `조회기간: 2025-07-01 ~ 2025-09-30`. */
const TITLE_PERIOD = /((?:19|20)\d{2})\s*[년./-]\s*(\d{1,2})\s*[월./-]\s*(\d{1,2})\s*일?\s*[~〜]\s*((?:19|20)\d{2})\s*[년./-]\s*(\d{1,2})\s*[월./-]\s*(\d{1,2})/;

/** The period (first and last day, ISO) a title line names with years, or null. */
export function titlePeriod(text: string, tz: string): [string, string] | null {
  const m = TITLE_PERIOD.exec(text);
  if (!m) return null;
  const a = parseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`, tz);
  const b = parseDate(`${m[4]}-${m[5].padStart(2, '0')}-${m[6].padStart(2, '0')}`, tz);
  return a !== null && b !== null && a <= b ? [a, b] : null;
}

/** A date without its year (`07-01`, `7/1`, `7월 1일`), a time of day after it or not. */
const YEARLESS = /^\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*일?\.?(\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

/**
 * A year-less date as a full one inside `period` (the title's, 2025-07-01 … 2025-09-30: `07-01`
 * is 2025-07-01; a period across a new year gives each month its own year), or null.
 */
export function inPeriod(cell: string, period: [string, string]): string | null {
  const m = YEARLESS.exec(cell);
  if (!m) return null;
  const md = `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  for (let y = Number(period[0].slice(0, 4)); y <= Number(period[1].slice(0, 4)); y++) {
    const iso = `${y}-${md}`;
    if (iso >= period[0] && iso <= period[1]) return `${iso}${m[3] ?? ''}`;
  }
  return null;
}

/** 이카운트 ERP's `일자-No.`: a date and the slip's number that day (`2025/07/01 -1`), in the date column only. */
const NUMBERED_DATE = /^\s*(\d{4}[./-]\d{1,2}[./-]\d{1,2})\s+-\s?\d{1,4}\s*$/;

/** `2025.09.01 ~ 2025.09.07`, `2025-09-01~2025-09-30`: a range of two dates, year first. */
const DATE_RANGE = /^\s*(\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?)\s*[~〜]\s*(\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?)\s*$/;

/**
 * A cell that is a range of dates (`2025.09.01 ~ 2025.09.07`): its first day (ISO), its length,
 * and whether it is one calendar month whole or lies inside one; null otherwise. A weekly or
 * monthly report's rows are such ranges (rows.ts periodRow tells which, and what is a total).
 */
export function periodRange(cell: string, tz: string): { first: string; days: number; wholeMonth: boolean; inMonth: boolean } | null {
  const m = DATE_RANGE.exec(cell);
  if (!m) return null;
  const a = parseDate(m[1], tz);
  const b = parseDate(m[2], tz);
  if (a === null || b === null || b < a) return null;
  const inMonth = a.slice(0, 7) === b.slice(0, 7);
  return { first: a, days: toDay(b) - toDay(a) + 1, wholeMonth: inMonth && a.endsWith('-01') && fromDay(toDay(b) + 1).endsWith('-01'), inMonth };
}
