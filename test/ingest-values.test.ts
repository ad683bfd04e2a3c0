// Cell parsers: dates (with zone conversion), money, counts, statuses — hand-worked values and properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../src/core/dates.js';
import { civilDay, DateReader, headerZoneOffset, parseDate, ZoneDays } from '../src/ingest/parse-date.js';
import { classifyStatus, classifyType, classifyTypeWords, currencyOf, isMissingCell, hasTotalLabelIn, isNoDateMark, isNoteLine, isPendingStatus, isTitleLine, isTotalLabel, keepsSaleDespiteCancelDate, memoReason, parseCount, parseMoney, parseMoneyEuropean } from '../src/ingest/values.js';
import { IdFilter, RecentIds } from '../src/ingest/recent.js';
import { isRoundedId } from '../src/ingest/order-rows.js';
import { unitOfHeader, unitOfTitle } from '../src/ingest/money-unit.js';

describe('parseDate', () => {
  const SEOUL = 'Asia/Seoul';
  it.each([
    ['2025-11-29', '2025-11-29'],
    // a comma or `at` before the time (ICU, JavaScript's toLocaleString, macOS), a.m./p.m., Oracle's TIMESTAMP, Excel serials (General format)
    ['Apr 1, 2025, 6:12:11 PM', '2025-04-01'], ['Apr 1, 2025, 12:59:17\u202fAM', '2025-04-01'], ['1 Apr 2025, 13:05:22', '2025-04-01'],
    ['Apr 1, 2025 at 1:05 PM', '2025-04-01'], ['1 Apr 2025 at 00:59', '2025-04-01'], ['Apr 1, 2025, 1:05 p.m.', '2025-04-01'],
    ['01-APR-25 12.59.17.000000 AM', '2025-04-01'],
    ['2025.11.29', '2025-11-29'],
    ['2025/11/29 13:05', '2025-11-29'],
    ['2025-11-29 13:05:00', '2025-11-29'],
    ['2025-11-29 23:59:59.999', '2025-11-29'],
    ['20251129', '2025-11-29'],
    ['2025. 11. 29.', '2025-11-29'],
    ['2025. 1. 2.', '2025-01-02'],
    ['2025. 1. 1', '2025-01-01'], // ten characters, dots where the fast path looks: Google Sheets in Korean
    ['2025-1-2', '2025-01-02'],
    ['2025년 11월 29일', '2025-11-29'],
    ['2025년 11월 29일 (토)', '2025-11-29'],
    ['2025. 11. 29. 오후 1:05:00', '2025-11-29'],
    ['2025-11-29 1:05 PM', '2025-11-29'],
    ['  2025-11-29  ', '2025-11-29'],
    ['２０２５－１１－２９', '2025-11-29'], // full-width, as some Korean tools write
    // with an offset: the instant's calendar day in Seoul (UTC+9)
    ['2025-11-29T13:05:00+09:00', '2025-11-29'],
    ['2025-11-28T16:30:00Z', '2025-11-29'], // 01:30 on the 29th in Seoul
    ['2025-11-28T14:59:59Z', '2025-11-28'], // 23:59:59 on the 28th
    ['2025-11-28T15:00:00Z', '2025-11-29'], // midnight
    ['2025-11-29T04:05:00.000Z', '2025-11-29'],
    ['2025-11-29T00:30:00-05:00', '2025-11-29'], // 05:30Z → 14:30 KST
    ['2025-11-29T20:30:00-0500', '2025-11-30'], // 01:30Z on the 30th → 10:30 KST
    ['2025-11-29 13:05:00 +09:00', '2025-11-29'],
    ['2025-11-28 16:30:00 UTC', '2025-11-29'],
    ['2025/11/28 16:30 +00:00', '2025-11-29'],
    // a weekday in brackets (Korean admins, Japanese tools, English locales), with or without a time
    ['2025.11.29(토) 13:05', '2025-11-29'],
    ['2024-11-01(금)', '2024-11-01'],
    ['2025.08.01 금요일 04:48', '2025-08-01'], // the word without brackets
    ['2025-08-01 금요일', '2025-08-01'],
    ['2025-11-29 (Sat)', '2025-11-29'],
    ['2025/11/29(土)', '2025-11-29'],
    ['2025-11-29 (Saturday) 1:05 PM', '2025-11-29'],
    ['2025.11.29 (토요일)', '2025-11-29'],
    ['２０２５/１１/２９（土）', '2025-11-29'], // full-width brackets
    ['2025.11.28(금) 16:30 +00:00', '2025-11-29'], // an offset after the weekday still converts
    // KST (and JST): +09:00, an instant
    ['2025-11-29 13:05:00 KST', '2025-11-29'],
    ['2025-11-29T00:10:00 kst', '2025-11-29'],
    ['2025.11.29(토) 13:05 KST', '2025-11-29'],
    ['2025-11-29 13:05 JST', '2025-11-29'],
    // 24:00:00 ends the day: the next day's midnight (ISO 8601)
    ['2024-12-04 24:00:00', '2024-12-05'], ['2024-12-31 24:00', '2025-01-01'], ['2024/12/04 24:00', '2024-12-05'], ['20241204240000', '2024-12-05'],
    ['2024-12-04T24:00:00Z', '2024-12-05'], // 2024-12-05T00:00Z is 09:00 in Seoul
    // ISO 8601 basic format, Java's ZonedDateTime (the offset counts), Korean words, Unix seconds and milliseconds
    ['20241129T122209Z', '2024-11-29'], ['20241128T152209Z', '2024-11-29'], ['20241129T0110+0900', '2024-11-29'], ['20241129T1222', '2024-11-29'],
    ['2024-11-29T00:16:09.862+09:00[Asia/Seoul]', '2024-11-29'], ['2024-11-28T20:16:09Z[UTC]', '2024-11-29'], ['2024-11-28T08:16:09-05:00[America/New_York]', '2024-11-28'],
    ['Fri Nov 29 04:47:19 KST 2024', '2024-11-29'], ['Thu Nov 28 20:47:19 UTC 2024', '2024-11-29'], // Java's Date#toString, Unix `date`
    ['2024년 11월 29일 0시 16분', '2024-11-29'], ['2024년 11월 29일 오후 3시 5분 7초', '2024-11-29'], ['2024년 11월 29일 14시', '2024-11-29'],
    ['1732882929', '2024-11-29'], ['1732882929.25', '2024-11-29'], ['1732882929000', '2024-11-29'], ['1732806000', '2024-11-29'], ['1732805999', '2024-11-28'],
    // ISO weeks (weekly reports): the Monday, or the weekday given; 2020 and 2026 have a week 53
    ['2024-W48', '2024-11-25'], ['2024W48', '2024-11-25'], ['2024-W01', '2024-01-01'], ['2025-W01-7', '2025-01-05'], ['2020-W53', '2020-12-28'], ['2026-W53', '2026-12-28'],
    // compact date and time: wall time, the date part is the day
    ['20241101100605', '2024-11-01'],
    ['202411011006', '2024-11-01'],
    ['20241101235959', '2024-11-01'],
    // European dotted, day first (the year last)
    ['01.11.2024', '2024-11-01'],
    ['01.11.2024 10:06', '2024-11-01'],
    ['1.2.2025', '2025-02-01'],
    ['29.11.2025 23:59:59', '2025-11-29'],
    // a month by name (PayPal, eBay, Amazon's US reports, JavaScript's Date#toString, RFC 2822)
    ['Nov 29, 2025', '2025-11-29'],
    ['November 29, 2025', '2025-11-29'],
    ['Sept 3, 2025', '2025-09-03'],
    ['Nov 29th, 2025', '2025-11-29'],
    ['Tuesday, November 4, 2025', '2025-11-04'],
    ['Nov-29-25', '2025-11-29'], // eBay
    ['29 Nov 2025', '2025-11-29'],
    ['29-Nov-25', '2025-11-29'], // Excel's d-mmm-yy
    ['1st Dec 2025', '2025-12-01'],
    ['Nov 29, 2025 1:05:22 AM PST', '2025-11-29'], // 09:05Z → 18:05 KST
    ['Nov 29, 2025 11:05 PM PST', '2025-11-30'], // 07:05Z on the 30th → 16:05 KST
    ['Sat, 29 Nov 2025 13:05:22 +0900', '2025-11-29'],
    ['Sat Nov 29 2025 13:05:22 GMT+0900 (Korean Standard Time)', '2025-11-29'],
    ['Fri Nov 28 2025 10:30:00 GMT-0500 (Eastern Standard Time)', '2025-11-29'], // 15:30Z → 00:30 KST
    // zone abbreviations of one offset each
    ['2025-11-28 07:05 PST', '2025-11-29'], // 15:05Z → 00:05 KST
    ['2025-11-28 07:05 PDT', '2025-11-28'], // 14:05Z → 23:05 KST
    ['2025-11-28 16:05 CEST', '2025-11-28'], // 14:05Z
  ])('%s → %s (Asia/Seoul)', (cell, iso) => {
    expect(parseDate(cell, SEOUL)).toBe(iso);
  });

  it('converts instants to the --tz calendar day', () => {
    expect(parseDate('2025-11-28T16:30:00Z', 'UTC')).toBe('2025-11-28');
    expect(parseDate('2025-11-28T16:30:00Z', 'Asia/Seoul')).toBe('2025-11-29');
    expect(parseDate('2025-11-29T03:00:00Z', 'America/New_York')).toBe('2025-11-28'); // 22:00 EST
    expect(parseDate('2025-07-01T03:30:00Z', 'America/New_York')).toBe('2025-06-30'); // 23:30 EDT
    expect(parseDate('2025-11-28T18:29:00Z', 'Asia/Kolkata')).toBe('2025-11-28'); // 23:59 IST (+5:30)
    expect(parseDate('2025-11-28T18:30:00Z', 'Asia/Kolkata')).toBe('2025-11-29');
    expect(parseDate('2025-11-28T18:15:00Z', 'Asia/Kathmandu')).toBe('2025-11-29'); // +5:45
    // wall times without an offset are taken as written, whatever the zone
    expect(parseDate('2025-11-28 23:30:00', 'UTC')).toBe('2025-11-28');
    expect(parseDate('20251128233000', 'UTC')).toBe('2025-11-28');
    // KST is an instant at +09:00: 08:00 KST is 23:00 UTC the day before
    expect(parseDate('2025-11-29 08:00:00 KST', 'UTC')).toBe('2025-11-28');
    expect(parseDate('2025-11-29 09:00:00 KST', 'UTC')).toBe('2025-11-29');
    expect(parseDate('2025-11-29 08:00 KST', 'America/New_York')).toBe('2025-11-28'); // 18:00 EST
  });

  it('reads a month on its own as its first day (settlement statements)', () => {
    expect(parseDate('2025-11', 'Asia/Seoul')).toBe('2025-11-01');
    expect(parseDate('2025.1', 'Asia/Seoul')).toBe('2025-01-01');
    expect(parseDate('2025년 11월', 'Asia/Seoul')).toBe('2025-11-01');
    expect(parseDate('2025-13', 'Asia/Seoul')).toBeNull();
  });

  it.each(['', '29/11/2025', '11/29/2025', '2025-02-30', '2025-13-01', '2025-11-31', '20250230', '2025년 2월 29일',
    'yesterday', '2025-11-29T25:00:00Z', '2025-11-29 13:61', '2025-11-29T13:05:00+9', '45990', '1899-12-31', '2025-11-29 x',
    'Apr 1, 2025,', '1 Apr 2025, x', 'Apr 1, 2025 at', '01-APR-25 12.59.17 XM',
    // slashes with the year last are ambiguous (day- or month-first); dots with a 2-digit year too
    '01/11/2024', '11/1/2024', '01/11/2024 10:06', '01.11.24', '24-11-01', '24.11.01', '01-11-2024',
    // impossible or out-of-range in the new layouts
    '11.29.2025', '31.02.2025', '01.11.1899', '01.11.3000', '20241301100605', '20241101250605', '20241101106005', '2024110110', '20241101100',
    '2025-11-29(xyz)', '2025-11-29 (Sat', '2025-11-29 13:05 CST', '2025-11-29 13:05 IST', '2025-11-29 KST', '2025-02-29(토)',
    // month names: no year, an unknown month or zone, an impossible day
    'Nov 29 13:05', 'Nov 29', 'May 2025', 'Foo 3, 2025', 'Nov 31, 2025', 'Feb 29, 2025', 'Nov 29, 2025 1:05 PM CST', 'Nov 29, 2025 1:05 PM XYZ',
    // 24 is only 24:00; a zone id needs an offset before it; Unix times outside 2001–2033, or of other lengths
    '2024-12-04 24:30', '2024-12-04 24:00:01', '2024-12-04 12:00 PM 24:00', '20241204243000', '2024-11-29T00:16:09[Asia/Seoul]', '2024년 11월 29일 25시',
    '999999999', '2024110110', '17328829290', '173288292900', '2024-W00', '2021-W53', '2024-W54', '2024-W48-8'])(
    'rejects %j', (cell) => {
      expect(parseDate(cell, 'Asia/Seoul')).toBeNull();
    });

  it('civilDay agrees with core/dates dayFromParts', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const a = civilDay(y, m, d);
      const b = dayFromParts(y, m, d);
      expect(Number.isNaN(a) ? 'NaN' : a).toBe(Number.isNaN(b) ? 'NaN' : b);
    }), { numRuns: 2000 });
  });

  const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const validDate = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true });
  const layouts: ((y: string, m: string, d: string) => string)[] = [
    (y, m, d) => `${y}-${m}-${d}`,
    (y, m, d) => `${y}.${m}.${d}`,
    (y, m, d) => `${y}/${m}/${d} 13:05`,
    (y, m, d) => `${y}-${m}-${d} 13:05:00`,
    (y, m, d) => `${y}${m}${d}`,
    (y, m, d) => `${y}. ${+m}. ${+d}.`,
    (y, m, d) => `${y}년 ${+m}월 ${+d}일`,
    (y, m, d) => `${y}-${m}-${d}T12:00:00+09:00`,
    (y, m, d) => `${y}-${m}-${d}T03:00:00Z`,
    (y, m, d) => `${y}.${m}.${d}(토) 13:05`,
    (y, m, d) => `${y}-${m}-${d} (Sat)`,
    (y, m, d) => `${y}-${m}-${d} 13:05:00 KST`,
    (y, m, d) => `${y}${m}${d}100605`,
    (y, m, d) => `${y}${m}${d}2359`,
    (y, m, d) => `${d}.${m}.${y}`,
    (y, m, d) => `${+d}.${+m}.${y} 10:06`,
    (y, m, d) => `${MONTH_NAMES[+m - 1]} ${+d}, ${y}`,
    (y, m, d) => `${d} ${MONTH_NAMES[+m - 1].slice(0, 3)} ${y}`,
    (y, m, d) => `${MONTH_NAMES[+m - 1].slice(0, 3)} ${+d}, ${y} 1:05:22 PM`,
  ];
  it('reads any valid date the same in every layout', () => {
    fc.assert(fc.property(validDate, fc.nat(layouts.length - 1), (dt, k) => {
      const iso = dt.toISOString().slice(0, 10);
      const [y, m, d] = iso.split('-');
      expect(parseDate(layouts[k](y, m, d), 'Asia/Seoul')).toBe(iso);
    }), { numRuns: 1000 });
  });

  it('rejects impossible calendar dates in every layout', () => {
    const impossible = fc.record({ y: fc.integer({ min: 1950, max: 2090 }), m: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) })
      .map(({ y, m, extra }) => ({ y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() + extra }))
      .filter(({ d }) => d <= 99);
    fc.assert(fc.property(impossible, fc.nat(layouts.length - 1), ({ y, m, d }, k) => {
      expect(parseDate(layouts[k](String(y), String(m).padStart(2, '0'), String(d).padStart(2, '0')), 'Asia/Seoul')).toBeNull();
    }), { numRuns: 500 });
  });

  it('reads KST exactly as +09:00, in any zone', () => {
    const zones = ['Asia/Seoul', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(fc.property(instant, fc.constantFrom(...zones), (t, tz) => {
      const wall = new Date(t + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '); // the Seoul wall clock
      expect(parseDate(`${wall} KST`, tz)).toBe(parseDate(`${wall}+09:00`, tz));
    }), { numRuns: 1000 });
  });

  it('never reads a 2-digit year, nor a day-first or month-first date with slashes', () => {
    const ymd = fc.record({ y: fc.integer({ min: 0, max: 99 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    const p2 = (n: number) => String(n).padStart(2, '0');
    const twoDigit: ((y: string, m: string, d: string) => string)[] = [
      (y, m, d) => `${y}-${m}-${d}`, (y, m, d) => `${y}.${m}.${d}`, (y, m, d) => `${d}.${m}.${y}`, (y, m, d) => `${m}/${d}/${y}`,
      (y, m, d) => `${y}-${m}-${d} 10:06`, (y, m, d) => `${d}.${m}.${y} 10:06`, (y, m, d) => `${y}${m}${d}`,
    ];
    fc.assert(fc.property(ymd, fc.nat(twoDigit.length - 1), ({ y, m, d }, k) => {
      expect(parseDate(twoDigit[k](p2(y), p2(m), p2(d)), 'Asia/Seoul')).toBeNull();
      expect(parseDate(`${p2(d)}/${p2(m)}/${2000 + y}`, 'Asia/Seoul')).toBeNull();
      expect(parseDate(`${m}/${d}/${2000 + y}`, 'Asia/Seoul')).toBeNull();
    }), { numRuns: 500 });
  });

  it('reads slashed dates in the order it is given, 2-digit years as 20yy, with or without a time', () => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    const mdy = new DateReader('Asia/Seoul', 'mdy'), dmy = new DateReader('Asia/Seoul', 'dmy');
    const when = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(fc.property(when, fc.boolean(), fc.boolean(), (dt, short, time) => {
      const [y, m, d] = dt.toISOString().slice(0, 10).split('-');
      const yy = short ? y.slice(2) : y;
      const tail = time ? ' 1:05 PM' : '';
      const want = civilDay(+y, +m, +d);
      expect(mdy.day(`${+m}/${p2(+d)}/${yy}${tail}`)).toBe(want);
      expect(dmy.day(`${p2(+d)}/${+m}/${yy}${tail}`)).toBe(want);
    }), { numRuns: 1000 });
    expect(mdy.day('13/01/2025')).toBeNaN(); // month 13
    expect(dmy.day('01/13/2025')).toBeNaN();
  });

  it('tells the order of slashed dates only from a part above 12, and never from mixed evidence', () => {
    const seen = (cells: string[]) => {
      const r = new DateReader('UTC');
      for (const c of cells) expect(r.day(c)).toBeNaN(); // without an order nothing is read…
      return r.slashOrder(); // …but the evidence is kept
    };
    expect(seen(['11/01/2025', '11/29/2025'])).toBe('mdy');
    expect(seen(['01/11/2025', '29/11/2025 10:00'])).toBe('dmy');
    expect(seen(['01/02/2025', '12/11/2025'])).toBeNull(); // every part ≤ 12: either
    expect(seen(['13/01/2025', '01/13/2025'])).toBeNull(); // both: two layouts in one file
  });

  it('puts any instant on the same day as Intl does, in zones with odd offsets and DST', () => {
    const zones = ['Asia/Seoul', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/London'];
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => Math.floor(t / 1000) * 1000);
    fc.assert(fc.property(instant, fc.constantFrom(...zones), (t, tz) => {
      const want = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
      expect(parseDate(new Date(t).toISOString(), tz)).toBe(want);
    }), { numRuns: 2000 });
  });

  it('reads the zone\'s day from format() exactly as from formatToParts, in every zone and year', () => {
    // the fast reader of en-US `M/D/YYYY` against the layout-independent parts, 1899 … 3000
    const zones = Intl.supportedValuesOf('timeZone');
    const instant = fc.integer({ min: Date.UTC(1899, 11, 31), max: Date.UTC(3000, 0, 1) });
    fc.assert(fc.property(instant, fc.constantFrom(...zones), (t, tz) => {
      const z = ZoneDays.of(tz);
      expect(z.dayAt(t)).toBe(z.dayFromParts(t));
      expect(z.localAt(t)).toBe(z.localFromParts(t));
    }), { numRuns: 5000 });
  });

  it('gives the zone\'s wall-clock minute of any instant, as Intl does (offsets cached by day), in every zone', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const minute = fc.integer({ min: -70 * 525_600, max: 130 * 525_600 }); // 1900 … 2100
    fc.assert(fc.property(minute, fc.constantFrom(...zones), (m, tz) => {
      const p = new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(m * 60_000);
      const want = +p.find((x) => x.type === 'hour')!.value * 60 + +p.find((x) => x.type === 'minute')!.value;
      const local = ZoneDays.of(tz).local(m);
      expect(local - Math.floor(local / 1440) * 1440).toBe(want);
    }), { numRuns: 5000 });
  });

  it('is exact across daylight-saving changes, minute by minute', () => {
    const z = ZoneDays.of('America/New_York');
    const f = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const start of [Date.UTC(2025, 2, 9, 0), Date.UTC(2025, 10, 2, 0)]) { // the spring and autumn changes, UTC days
      for (let m = start / 60_000; m < start / 60_000 + 2 * 1440; m += 7) {
        const p = f.formatToParts(m * 60_000);
        const want = +p.find((x) => x.type === 'hour')!.value * 60 + +p.find((x) => x.type === 'minute')!.value;
        const local = z.local(m);
        expect(local - Math.floor(local / 1440) * 1440).toBe(want);
      }
    }
  });

  it('keeps the minute of the day of the last cell read: wall times as written, instants in the zone', () => {
    const r = new DateReader('Asia/Seoul');
    r.day('2025-11-29 13:05:22');
    expect(r.minute).toBe(13 * 60 + 5);
    r.day('2025-11-28T16:30:00Z'); // 01:30 on the 29th in Seoul
    expect(r.minute).toBe(90);
    r.day('2025-11-29T08:50:50+09:00');
    expect(r.minute).toBe(8 * 60 + 50);
    r.day('2025-11-29');
    expect(r.minute).toBe(-1);
    r.day('2025년 11월 29일');
    expect(r.minute).toBe(-1);
  });

  it('reads the zone a date header names: brackets or a suffix, fixed offsets only', () => {
    expect(headerZoneOffset('Created (UTC)')).toBe(0);
    expect(headerZoneOffset('Created date (UTC)')).toBe(0);
    expect(headerZoneOffset('주문일시(KST)')).toBe(540);
    expect(headerZoneOffset('Order Date [GMT+9]')).toBe(540);
    expect(headerZoneOffset('Date (UTC+09:00)')).toBe(540);
    expect(headerZoneOffset('Date (UTC-05:30)')).toBe(-330);
    expect(headerZoneOffset('created_utc')).toBe(0);
    expect(headerZoneOffset('Purchase Date (JST)')).toBe(540);
    for (const h of ['Created at', '주문일시', 'Date (PST)', 'Date (CST)', 'Date (UTC+15)', 'Date (KST+1)', 'utc', 'Date (local)']) {
      expect(headerZoneOffset(h), h).toBeNull();
    }
  });

  it('reads a time without an offset as the header\'s zone says, and moves it to its day in --tz', () => {
    const r = new DateReader('Asia/Seoul');
    r.headerOffset = 0; // `Created (UTC)`
    expect(r.day('2025-11-28 14:59:00')).toBe(civilDay(2025, 11, 28)); // 23:59 in Seoul
    expect(r.minute).toBe(23 * 60 + 59);
    expect(r.day('2025-11-28 15:00')).toBe(civilDay(2025, 11, 29)); // 00:00 in Seoul
    expect(r.minute).toBe(0);
    expect(r.day('2025.11.28 15:00')).toBe(civilDay(2025, 11, 29)); // the other separators alike
    expect(r.day('2025년 11월 28일 15:00')).toBe(civilDay(2025, 11, 29)); // the slow reader too
    expect(r.movedByHeader).toBe(3);
    expect(r.day('2025-11-28T15:00:00+09:00')).toBe(civilDay(2025, 11, 28)); // a cell's own offset wins
    expect(r.day('2025-11-28')).toBe(civilDay(2025, 11, 28)); // a day without a time stays as written
    expect(r.movedByHeader).toBe(3);
    const ny = new DateReader('America/New_York');
    ny.headerOffset = 540; // `주문일시(KST)` read for a seller in New York
    expect(ny.day('2025-11-29 13:00')).toBe(civilDay(2025, 11, 28)); // 23:00 the evening before
  });

  it('12-hour times (AM/PM, 오전/오후) are the same instants as 24-hour ones, zone header or not', () => {
    const r = new DateReader('Asia/Seoul');
    r.headerOffset = 0; // `Created (UTC)`
    for (const s of ['2025-11-28 3:00 PM', '2025-11-28 03:00:00 pm', '2025-11-28 오후 3:00:00', '2025.11.28 오후 3:00', '2025년 11월 28일 PM 3:00']) {
      expect(r.day(s), s).toBe(civilDay(2025, 11, 29)); // 15:00 UTC is 00:00 in Seoul
      expect(r.minute, s).toBe(0);
    }
    expect(r.day('2025-11-28 12:30 AM')).toBe(civilDay(2025, 11, 28)); // 00:30 UTC, 09:30 in Seoul
    expect(r.minute).toBe(9 * 60 + 30);
    const wall = new DateReader('Asia/Seoul'); // no zone in the header: as written, with its minute
    expect(wall.day('2025-11-29 오후 1:05:22')).toBe(civilDay(2025, 11, 29));
    expect(wall.minute).toBe(13 * 60 + 5);
    expect(wall.day('2025-11-29 12:10 PM')).toBe(civilDay(2025, 11, 29));
    expect(wall.minute).toBe(12 * 60 + 10);
    expect(wall.day('2025-11-29 오전 12:10')).toBe(civilDay(2025, 11, 29));
    expect(wall.minute).toBe(10);
  });

  it('shares one ZoneDays per zone', () => {
    expect(ZoneDays.of('Asia/Seoul')).toBe(ZoneDays.of('Asia/Seoul'));
    expect(ZoneDays.of('Asia/Seoul')).not.toBe(ZoneDays.of('UTC'));
  });
});

describe('DateReader.columnDay (a date column\'s cell)', () => {
  it.each([['45748', '2025-04-01', -1], ['45748.041169', '2025-04-01', 59], ['45748.5', '2025-04-01', 720], [' 45990 ', '2025-11-29', -1], ['2025-11-29 10:00', '2025-11-29', 600]] as const)(
    'reads %j, a spreadsheet serial (General format) too, as %s at minute %d', (cell, day, minute) => {
      const r = new DateReader('Asia/Seoul');
      const d = r.columnDay(cell);
      expect([civilDay(...(day.split('-').map(Number) as [number, number, number])), r.minute]).toEqual([d, minute]);
    });
  it.each(['12345', '36525', '73051', '45990.5x', '4599', '1e4'])('not %j (outside 2000–2099, or not one)', (cell) => expect(new DateReader('UTC').columnDay(cell)).toBeNaN());
  it('day() never reads a serial: in a header or another column such a number is a code or an amount', () => expect(new DateReader('UTC').day('45748')).toBeNaN());
});

describe('parseMoney', () => {
  it.each([
    ['12000', 12000], ['₩12,000', 12000], ['12,000원', 12000], ['12,000', 12000], ['12,000.50', 12000.5], ['KRW 12,000', 12000],
    ['￦12,000', 12000], [' 12 000 ', 12000], ['-3,000', -3000], ['(3,000)', -3000], ['1.2e4', 12000], ['₩-3,000', -3000],
    ['-₩3,000', -3000], ['12,000 원', 12000], ['+500', 500], ['0', 0], ['1,234,567', 1234567], ['12\u00a0000', 12000], ['$1,234.5', 1234.5],
    ['−3,000', -3000], ['\\12,000', 12000], ['12.50 €', 12.5], ['12,000 $', 12000], ['£1,200', 1200],
    // Excel's accounting format writes a zero as a dash
    ['-', 0], [' -   ', 0], ['₩ -', 0], ['$ -', 0], ['- 원', 0],
    // đồng and rupiah have no minor unit: beside their marks a dot groups thousands
    ['Rp 152.000', 152000], ['Rp152.000', 152000], ['Rp. 1.152.000', 1152000], ['152.000 ₫', 152000], ['1.930.000đ', 1930000], ['VND 457.000', 457000],
    ['IDR 12,000', 12000], ['152.000', 152], ['Rp 1.5', 1.5],
    // Korean (and Japanese) accounts write a minus as a triangle
    ['△15,800', -15800], ['▲1,000', -1000], ['₩△3,000', -3000], ['△ 500', -500],
    // dollars marked by country, ISO codes on either side; Excel's Accounting format with the minus in brackets inside the mark
    ['CA$18.50', 18.5], ['C$1,234.50', 1234.5], ['A$12', 12], ['AU$ 12.00', 12], ['NZ$3', 3], ['HK$5', 5], ['S$5', 5], ['R$10', 10], ['MX$10', 10],
    ['15,800원(VAT포함)', 15800], ['12,000 (부가세 별도)', 12000], ['$12.00 (incl. tax)', 12],
    ['US$10', 10], ['GBP 12.00', 12], ['CAD 12.00', 12], ['12.00 AUD', 12], [' $ (72.00)', -72], ['$(12.00)', -12], ['($12.00)', -12], ['₩ (3,000)', -3000],
  ])('%j → %d', (cell, n) => {
    expect(parseMoney(cell)).toBe(n);
  });

  it.each(['', '  ', 'abc', '12,5', '1,2345', '12.000,50', '₩', '1 2', 'Infinity', '0x10', '12..0', '--3', '(3,000', '3,000-', '-△5', '△', '-(3,000)', '$(-3)', 'XX$3', '(VAT)', '12,000(1)'])('rejects %j', (cell) => {
    expect(parseMoney(cell)).toBeNaN();
  });

  it('reads back any integer formatted with separators and won marks', () => {
    const formats = [
      (n: number) => n.toLocaleString('en-US'),
      (n: number) => (n < 0 ? `-₩${(-n).toLocaleString('en-US')}` : `₩${n.toLocaleString('en-US')}`),
      (n: number) => `${n.toLocaleString('en-US')}원`,
      (n: number) => `KRW ${n.toLocaleString('en-US')}`,
      (n: number) => (n < 0 ? `(${(-n).toLocaleString('en-US')})` : String(n)),
      (n: number) => ` ${n.toLocaleString('en-US').replace(/,/g, ' ')} `,
      (n: number) => `￦${n.toLocaleString('en-US')}`,
    ];
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.nat(formats.length - 1), (n, k) => {
      expect(parseMoney(formats[k](n))).toBe(n === 0 ? 0 : n);
    }), { numRuns: 3000 });
  });
});

describe('parseMoneyEuropean (a ;-separated file)', () => {
  it.each([
    ['12.900', 12900], ['1.234.567', 1234567], ['12.900 ₩', 12900], ['€ 1.234,56', 1234.56], ['12.900,50', 12900.5], ['135,00', 135],
    ['-3.000', -3000], ['(3.000)', -3000], ['12,5', 12.5], ['12900', 12900], ['12.50', 12.5], ['12,900', 12900], ['12.900원', 12900],
    // the currency after the amount, and spaces grouping thousands (French: NBSP, narrow NBSP)
    ['12,50 €', 12.5], ['1.234,50 €', 1234.5], ['1 596,00', 1596], ['1\u00a0234,50 €', 1234.5], ['1\u202f596,00', 1596], ['12 345 678', 12345678],
  ])('%j → %d', (cell, n) => expect(parseMoneyEuropean(cell)).toBe(n));
  it.each(['', '12.90.0', '1.2345,6', 'abc', '12,000.000,5', '12 5,00', '1 2', '1 23,00'])('rejects %j', (cell) => expect(parseMoneyEuropean(cell)).toBeNaN());
  it('reads back any amount a French-locale spreadsheet writes (narrow-NBSP thousands, decimal comma, a trailing €)', () => {
    const fr = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
      const n = cents / 100 || 0;
      expect(parseMoneyEuropean(fr.format(n)) || 0).toBe(n);
    }), { numRuns: 2000 });
  });
  it('reads back any amount a German-locale spreadsheet writes, cents included', () => {
    const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.boolean(), (cents, whole) => {
      const n = (whole ? Math.trunc(cents / 100) : cents / 100) || 0; // no −0
      expect(parseMoneyEuropean(de.format(n)) || 0).toBe(n);
    }), { numRuns: 3000 });
  });
});

describe('money units (unitOfHeader, unitOfTitle)', () => {
  it.each([
    ['매출(천원)', 1e3], ['매출액 [백만원]', 1e6], ['금액(만원)', 1e4], ['매출 (단위: 천원)', 1e3], ['매출액(단위 : 천 원)', 1e3],
    ['매출액_천원', 1e3], ['매출 억원', 1e8], ['결제금액(원)', 1], ['매출액（천원）', 1e3],
    ['Revenue ($000)', 1e3], ["Sales (USD '000)", 1e3], ['Sales (000s)', 1e3], ['Revenue (in thousands)', 1e3], ['Sales (K)', 1e3],
    ['Revenue (thousands of won)', 1e3], ['Sales (USD millions)', 1e6], ['Revenue ($m)', 1e6], ['Sales (mn)', 1e6],
    // a payment API's minor units
    ['Amount (cents)', 0.01], ['amount_cents', 0.01], ['Total in cents', 0.01], ['Amount [minor units]', 0.01], ['total_in_cents', 0.01],
  ])('%s states a unit worth %d', (h, f) => expect(unitOfHeader(h)?.factor).toBe(f));

  it.each(['매출액', 'Amount', 'Order Date (KST)', 'Amount (USD)', '금액(KRW)', '주문수(건)', 'Total (incl. tax)', 'Price (mm/dd)', '천원샵 매출', 'Cents', 'Amount (percent)'])(
    '%s states no unit', (h) => expect(unitOfHeader(h)).toBeUndefined());

  it('reads a title line\'s unit, in any of its cells, and not a line that only talks', () => {
    expect(unitOfTitle(['일별 매출 현황', '', '(단위: 천원)'])?.factor).toBe(1e3);
    expect(unitOfTitle(['단위:백만원'])?.factor).toBe(1e6);
    expect(unitOfTitle(['All figures in $000'])?.factor).toBe(1e3);
    expect(unitOfTitle(['Amounts in USD thousands'])?.factor).toBe(1e3);
    expect(unitOfTitle(['조회기간: 2025-01-01 ~ 2025-12-31'])).toBeUndefined();
    expect(unitOfTitle(['4091 record(s) downloaded'])).toBeUndefined();
    expect(unitOfTitle(['단위: 원'])?.factor).toBe(1);
  });
});

describe('parseCount', () => {
  it.each([['3', 3], ['3건', 3], ['3개', 3], ['1,200', 1200], [' 7 ', 7], ['0', 0], ['-2', -2], ['3.0', 3], ['12 EA', 12]])('%j → %d', (c, n) => {
    expect(parseCount(c)).toBe(n);
  });
  it.each(['', '3.5', 'three', '3건3'])('rejects %j', (c) => expect(parseCount(c)).toBeNaN());
  it('reads Excel\'s accounting zero, a dash, as 0', () => expect(parseCount(' - ')).toBe(0));
});

describe('isNoDateMark (a cancellation-date cell that says "not cancelled")', () => {
  // flags that say no (취소여부 N, is_canceled 0/false), and a zero Unix time, say so too
  it.each(['', 'NULL', '\\N', '-', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00T00:00:00.000', '0', '0.00', ' 0,00 ', 'N', 'n', 'false', 'FALSE', '아니오', 'X', '정상', '없음', '해당없음'])(
    '%j', (c) => expect(isNoDateMark(c)).toBe(true));
  it.each(['2025-11-29', '2025-11-29 10:00', 'yes', 'Y', '1', 'true', 'O', '1732882929'])('not %j', (c) => expect(isNoDateMark(c)).toBe(false));
});

describe('isMissingCell', () => {
  it.each(['', ' ', 'NA', 'n/a', '#N/A', 'NULL', 'NaN', 'None', ' na '])('%j is missing', (c) => expect(isMissingCell(c)).toBe(true));
  it.each(['0', '-', ' - ', 'nana', 'N', 'none of it'])('%j is not', (c) => expect(isMissingCell(c)).toBe(false));
});

describe('classifyStatus', () => {
  it.each([
    ['cancelled', 'cancelled'], ['Canceled', 'cancelled'], ['CANCELLATION_COMPLETE', 'cancelled'], ['취소', 'cancelled'], ['주문취소', 'cancelled'],
    ['취소완료', 'cancelled'], ['취소요청', 'cancelled'], ['voided', 'cancelled'], ['refunded', 'refunded'], ['Refund requested', 'refunded'],
    ['환불완료', 'refunded'], ['returned', 'returned'], ['Return', 'returned'], ['반품', 'returned'], ['반품완료', 'returned'],
    ['Failed', 'cancelled'], ['결제실패', 'cancelled'],
    // never placed or never paid: WooCommerce drafts, PrestaShop's awaited transfers and payment errors, Magento's held orders
    ['Draft', 'unpaid'], ['Checkout Draft', 'unpaid'], ['checkout-draft', 'unpaid'], ['Payment error', 'unpaid'], ['Awaiting bank wire payment', 'unpaid'],
    ['Awaiting check payment', 'unpaid'], ['Payment Review', 'unpaid'], ['Suspected Fraud', 'unpaid'],
    // payments that never went through or were taken back: Square/Stripe Declined, PayPal Denied and Reversed, Toss EXPIRED/ABORTED
    ['Declined', 'cancelled'], ['Payment declined', 'cancelled'], ['Denied', 'cancelled'], ['EXPIRED', 'cancelled'], ['ABORTED', 'cancelled'],
    ['Reversed', 'refunded'], ['Chargeback', 'refunded'], ['charged back', 'refunded'],
    // orders never paid for (yet): a bank transfer awaited, WooCommerce, BigCommerce, Shopee
    ['입금전', 'unpaid'], ['입금대기', 'unpaid'], ['결제 대기', 'unpaid'], ['미입금', 'unpaid'], ['Pending payment', 'unpaid'], ['wc-pending_payment', 'unpaid'],
    ['Awaiting Payment', 'unpaid'], ['UNPAID', 'unpaid'], ['입금전 취소', 'cancelled'],
    // Shopee in Vietnamese and Indonesian; Japanese and Chinese marketplaces
    ['Đã hủy', 'cancelled'], ['Batal', 'cancelled'], ['Dibatalkan', 'cancelled'], ['キャンセル済み', 'cancelled'], ['已取消', 'cancelled'],
    ['Trả hàng/Hoàn tiền', 'refunded'], ['Pengembalian Dana', 'returned'], ['退款成功', 'refunded'], ['返品', 'returned'],
    ['Chờ thanh toán', 'unpaid'], ['Belum Bayar', 'unpaid'], ['待付款', 'unpaid'],
    // refused orders and gifts, expiry, return to sender, virtual accounts, Toss, BigCommerce, Cafe24's codes
    ['주문거절', 'cancelled'], ['접수거부', 'cancelled'], ['선물거절', 'cancelled'], ['유효기간만료', 'cancelled'], ['반송완료', 'returned'],
    ['주문 거부', 'cancelled'], ['주문 거절', 'cancelled'], ['수취거부', 'returned'], ['수취 거부', 'returned'], ['수취거부 반품완료', 'returned'],
    ['PAYMENT_WAITING', 'unpaid'], // (Naver Commerce API's)
    ['가상계좌발급', 'unpaid'], ['입금확인중', 'unpaid'], ['WAITING_FOR_DEPOSIT', 'unpaid'], ['Incomplete', 'unpaid'],
    ['N00', 'unpaid'], ['C40', 'cancelled'], ['c00', 'cancelled'], ['R40', 'returned'],
    // Stripe's blocked payments and PaymentIntents that never took money, WooCommerce's bin, 11번가's seller-side cancellation
    ['Blocked', 'cancelled'], ['Abandoned', 'unpaid'], ['Dispute lost', 'refunded'], ['requires_payment_method', 'unpaid'], ['requires_action', 'unpaid'], ['Trash', 'cancelled'], ['판매불가', 'cancelled'], ['취소(판매불가)', 'cancelled'],
    // a payment begun and not approved: Toss's READY and IN_PROGRESS, PortOne's ready (the whole cell)
    ['READY', 'unpaid'], ['IN_PROGRESS', 'unpaid'], ['ready', 'unpaid'],
    // a reason in brackets, or 불가 and 반려 not right after the word, leave the status what it says
    ['취소완료(배송불가지역)', 'cancelled'], ['취소(품절/판매불가)', 'cancelled'], ['반품완료(반려 후 재접수)', 'returned'], ['반품완료(수취거부)', 'returned'],
    ['Failed delivery (refused)', 'cancelled'], ['배송불가취소', 'cancelled'], ['Cancelled (refused by buyer)', 'cancelled'],
    // card payments refused (PG lists), returns picked up (롯데ON, SSG), European shops, raw WooCommerce and Magento codes
    ['승인거절', 'cancelled'], ['카드승인거절', 'cancelled'], ['결제거절', 'cancelled'], ['결제오류', 'unpaid'], ['회수완료', 'returned'], ['회수중', 'returned'],
    ['Storniert', 'cancelled'], ['Annulé', 'cancelled'], ['Annullato', 'cancelled'], ['Anulado', 'cancelled'], ['Zurückerstattet', 'refunded'],
    ['Remboursé', 'refunded'], ['Reembolsado', 'refunded'], ['Retourné', 'returned'], ['wc-pending', 'unpaid'], ['fraud', 'unpaid'], ['입금확인 대기', 'unpaid'],
  ])('%s → %s', (s, want) => {
    expect(classifyStatus(s)).toBe(want);
  });
  it.each(['paid', '결제완료', '배송완료', '구매확정', '교환', '교환완료', '', 'fulfilled', '반품철회', '취소거부', '취소반려', '반품반려', '취소불가', '반품요청반려', '취소요청 - 반려', '취소요청/반려', '반품요청(반려)',
    // the word in brackets, its modifier with it; 교환불가 holds no 환불
    '배송완료(반품철회)', '구매확정(부분환불)', '결제완료(부분취소)', 'Refunded (partial)', 'Delivered (return refused)', 'Shipped (cancellation rejected)',
    'Return refused', '배송완료(교환불가)', 'cancel rejected', 'partially_refunded', '부분취소',
    '부분환불', 'return declined', 'Cancel declined', 'refund denied', 'Completed', 'Disputed', 'Authorized',
    'pending', 'Pending', 'On hold', 'partially_paid', 'Processing', 'Hoàn thành', 'Selesai', 'Dikirim', '発送済み', '已完成',
    '선물수락대기', 'N40', 'N10', 'E40', 'Incomplete delivery', 'Closed', 'READY_TO_SHIP', 'Ready to ship', 'In progress',
    // a refused return pickup or a refusal alone is no cancellation of the sale
    '회수거부', '회수불가', '승인', 'wc-completed', 'wc-processing',
    // an exchange's pickup, cash on delivery, a fraud check passed; partial refunds and refused returns in other languages
    '교환회수완료', '교환회수중', '교환 회수요청', '교환(회수완료)', '반품완료(일부)', '일부환불', 'Pago contra reembolso', 'En espera de validación por contra reembolso', 'Paiement contre remboursement',
    'Fraud check passed', 'fraud_review_passed', 'Teilweise erstattet', 'Reembolso parcial', 'Rimborso parziale', 'Partiellement remboursé',
    'Retour refusé', 'Annulation refusée', 'Reembolso rechazado', 'Retour geweigerd',
    // PayPal's reversal called off: the money is back with the seller
    'Canceled_Reversal', 'Canceled Reversal'])(
    '%j is a sale', (s) => expect(classifyStatus(s)).toBeNull());
});

describe('classifyType', () => {
  it.each([
    // PayPal's activity download
    ['General Currency Conversion', 'not-a-sale'], ['Bank Deposit to PP Account', 'not-a-sale'], ['General Withdrawal', 'not-a-sale'],
    ['Hold on Balance for Dispute Investigation', 'not-a-sale'], ['Reversal of General Account Hold', 'not-a-sale'], ['General Authorization', 'not-a-sale'],
    ['Payment Refund', 'refunded'], ['Payment Reversal', 'refunded'], ['Chargeback', 'refunded'],
    // Stripe's balance history, Amazon's settlement report, Korean ledgers
    ['payout', 'not-a-sale'], ['stripe_fee', 'not-a-sale'], ['adjustment', 'not-a-sale'], ['refund', 'refunded'], ['ServiceFee', 'not-a-sale'],
    ['Transfer', 'not-a-sale'], ['환전', 'not-a-sale'], ['출금', 'not-a-sale'], ['판매수수료', 'not-a-sale'], ['주문취소', 'cancelled'], ['반품', 'returned'],
    // a row detailing another row's sale: PayPal's cart items under their payment, Lightspeed's sale lines under their sale
    ['Shopping Cart Item', 'not-a-sale'], ['Sale Line', 'not-a-sale'],
  ])('%s → %s', (s, want) => expect(classifyType(s)).toBe(want));
  it.each(['Express Checkout Payment', 'Website Payment', 'Mobile Payment', 'Subscription Payment', 'charge', 'payment', 'Order', '판매', '결제', '',
    'Transferable voucher', 'Holder case'])('%j is a sale', (s) => expect(classifyType(s)).toBeNull());
});

describe('classifyTypeWords (a generic 구분 column)', () => {
  it.each([
    ['취소', 'cancelled'], ['승인취소', 'cancelled'], ['환불', 'refunded'], ['반품', 'returned'],
    // the row of a partial cancellation or refund is money given back, not a sale
    ['부분취소', 'cancelled'], ['부분환불', 'refunded'], ['Partial refund', 'refunded'], ['partially_refunded', 'refunded'],
  ])('%s → %s', (s, want) => expect(classifyTypeWords(s)).toBe(want));
  // payment methods are no money moved here, unlike in a ledger's type column
  it.each(['승인', '결제', '판매', '무통장입금', '계좌이체', '카드', '취소철회', ''])('%j is a sale', (s) => expect(classifyTypeWords(s)).toBeNull());
  it('reads 무통장입금 as money moved only in a ledger type column', () => expect(classifyType('무통장입금')).toBe('not-a-sale'));
});

describe('currencyOf', () => {
  it.each([['USD', 'USD'], [' usd ', 'USD'], ['Krw', 'KRW'], ['₩', 'KRW'], ['￦', 'KRW'], ['원', 'KRW'], ['€', 'EUR'], ['£', 'GBP'], ['$', '$'], ['¥', '¥'],
    ['US$', 'USD'], ['RMB', 'CNY'], ['Korean won!!', 'KOREAN WON!!'], ['a very long currency name', 'A VERY LONG …']])('%j → %j', (c, want) => expect(currencyOf(c)).toBe(want));
  it('reads any code whatever its case and surrounding blanks, and nothing from a blank cell', () => {
    const code = fc.stringMatching(/^[A-Za-z]{3}$/);
    const blank = fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000');
    fc.assert(fc.property(code, blank, blank, (c, a, b) => currencyOf(`${a}${c}${b}`) === c.toUpperCase()));
    fc.assert(fc.property(blank, blank, (a, b) => currencyOf(a + b) === null));
  });
});

describe('isPendingStatus', () => {
  it.each(['Pending', 'pending', 'Pending - Waiting for Pick Up', 'PENDING'])(
    '%j is pending', (s) => expect(isPendingStatus(s)).toBe(true));
  it.each(['', 'Shipped', 'Shipping', 'Unshipped', 'paid', '배송대기', '발송대기', '결제완료'])('%j is not', (s) => expect(isPendingStatus(s)).toBe(false));
});

describe('keepsSaleDespiteCancelDate', () => {
  it.each(['취소철회', '취소거부', 'cancellation rejected', 'Cancel declined', '부분취소', 'partially cancelled', '취소반려', '반품요청 반려', '취소불가', '배송완료(반품철회)', 'Delivered (return refused)'])(
    '%j keeps the sale', (s) => expect(keepsSaleDespiteCancelDate(s)).toBe(true));
  it.each(['', 'paid', 'pending', 'partially_refunded', '부분환불', '배송완료', 'voided', '판매불가', '배송불가', '반려', '취소(수취거부)', '결제완료(교환불가 상품)', '배송완료(반품불가)'])(
    '%j does not', (s) => expect(keepsSaleDespiteCancelDate(s)).toBe(false));
});

describe('isTotalLabel', () => {
  it.each(['합계', '총계', '소계', ' 합 계 ', '합계:', 'Total', 'TOTAL:', 'Grand Total', 'grand_total', 'Subtotal', 'Sub-total', 'sum',
    '총 4091건', '총4,091건', '4091건', '2,938 건', '총 12 개', '4091 record(s) downloaded', '1 record downloaded', '3,759 Records Downloaded', '１２ record(s) downloaded',
    'record(s) downloaded', '5990 record(s) downloaded,from Nov-29-24 to Jan-27-26',
    '페이지 소계', '페이지합계', '전체 합계', 'Page total', '[소계]', '소계(50건)', '합계 50건', '일계', '누계',
    '4월 소계', '2025-04 소계', '2025년 04월 소계', '2025-04 합계', '2025.04 합계', '12월소계', '평균', 'Average',
    // a total named by what it sums or over what, or set off by marks (testers' footers and subtotals)
    '합계금액', '=SUM(E2:E301)', '=subtotal(9, E2:E301)', '결제금액 합계', '매출합계', '금액합계', '누적합계', '총액', '기간 합계', '일 합계', '월 합계', '11월 합계금액', '소계금액', '총합',
    '합계(전체)', '주간합계', '1주차 소계', '스마트스토어 소계', '[스마트스토어] 소계', '【합계】', '‹합계>', '▶합계', '<소계>',
    // Excel's 부분합 (Subtotal) by date, in the date column
    '2025-08-01 요약', '2025-08-01 Total', '2025.08.01 합계'])(
    '%j marks a summary row', (s) => expect(isTotalLabel(s)).toBe(true));
  it.each(['2025-11-29', 'totals by day 2025', '', '   ', '총', '총 건', '총 4091원', '4091개', 'records downloaded', 'Seller ID: xyz', '합계표시 용품',
    '주문합계수량', '합계 사과 3kg', 'Total Gym', '2025-08-01 요약본 정리', '요약', '혼합계', '종합계', '감소계', '권총계', '비누계', 'total price', '12,000', '=E2*2', '=SUMIF(A:A,1)', `합계${' '.repeat(80)}`, 'from Nov-29-24 to Jan-27-26'])('%j does not', (s) => expect(isTotalLabel(s)).toBe(false));
});

describe('hasTotalLabelIn (a daily report\'s breakdown columns)', () => {
  it.each(['합계', '전체', 'All', 'all devices', '전체 디바이스', '평균'])('%j is the total of the breakdown', (c) => expect(hasTotalLabelIn(['2025-01-01', c, '10'], [1])).toBe(true));
  it.each(['PC', '모바일', '전체상품A', 'allbirds'])('%j is a part', (c) => expect(hasTotalLabelIn(['2025-01-01', c, '10'], [1])).toBe(false));
  it('asks only the given columns', () => expect(hasTotalLabelIn(['전체', 'PC', '10'], [1])).toBe(false));
});

describe('memoReason (a ledger\'s 비고)', () => {
  it.each([['취소', 'cancelled'], [' 주문취소 ', 'cancelled'], ['(반품)', 'returned'], ['환불완료', 'refunded'], ['Canceled', 'cancelled']] as const)('%j → %s', (c, r) => expect(memoReason(c)).toBe(r));
  it.each(['', '단골', '취소 요청 후 배송함', '취소철회', '부분취소', '교환', `취소${' '.repeat(20)}`])('%j says nothing', (c) => expect(memoReason(c)).toBeNull());
});

describe('isNoteLine and isTitleLine (rows without a readable date)', () => {
  it.each([
    [['출력일시: 2026-01-26 10:22:01']], [['출력일시 : 2026-01-26', '', '']], [['출력자', '홍길동', '']], [['', '출력일시:', '2026-01-26']],
    [['Printed on: 2026-01-26']], [['Seller ID : myshop', '']], [['판매자: 다라몰', '', '']], [['조회기간 : 2025-06-01 ~ 2026-01-26']],
    [['Report generated', '2026-01-26 10:00']], [['ＰＲＩＮＴＥＤ: 2026-01-26']],
    // comment lines (GA4's exports): a `#` and words or rules, alone in the row
    [['# ----------------------------------------']], [['# Grand total', '', '']], [['#']], [['## note']],
    // a Korean report's notes under the data: a mark, or a note word and its time without a colon
    [['※ 본 자료는 2026-01-16 10:00 기준입니다.']], [['* 취소/반품 건은 제외된 금액입니다', '', '']], [['(주의) 정산예정금액은 변동될 수 있습니다']],
    [['[참고] 배송비 별도']], [['유의사항: 부가세 포함']], [['다운로드 일시 2026-01-16 10:00', '']],
    [['- 이하 여백 -']], [['<끝>', '', '']], [['[끝]']], [['End of report']], [['1 / 3']], [['페이지 1/3']], [['Page 2 of 5']], [['Downloaded 2026-01-16 10:00']],
    [['출력일 2026-01-16']], [['(단위: 원)']],
  ])('%j is a note line', (rec) => expect(isNoteLine(rec)).toBe(true));
  it.each([
    [['ORD:123', '', '']], [['A1:B2']], [['출력일시: 2026-01-26', 'x', 'y']], [['출력자', '', '']], [['출력일시: x', '12,300']], [['note:', '']],
    [['Seller ID: myshop', '12300']], [['', '', '']], [['12345', '', '']], [['상품A', '1', '12,300']],
    [['#1001', '', '']], [['# total', '12300']], [['#A-12']], [['* 상품A', '12,300']], [['다운로드 일시']], [['출력일시 오늘']], [['1 / 3', '12,000']], [['끝판왕 세트']],
  ])('%j is not', (rec) => expect(isNoteLine(rec)).toBe(false));
  it.each([[['[스토어B]']], [['', 'Store B orders', '']], [['ABC-123', '']]])('%j is a possible title line', (rec) => expect(isTitleLine(rec)).toBe(true));
  it.each([[['12345', '']], [['₩12,300']], [['', '']], [['a', 'b']], [[`${'x'.repeat(81)}`]]])('%j is not', (rec) => expect(isTitleLine(rec)).toBe(false));
});

describe('isRoundedId', () => {
  it.each(['2.02511E+15', '2.0241E+15', '2,02511E+15', ' 1.2E+11 ', '2E+15', '2.02511e15'])('%j is an id a spreadsheet rounded', (s) => expect(isRoundedId(s)).toBe(true));
  it.each(['2025112912345678', '1.2E+10', '1.5E-15', 'A1.2E+15', '2.0E+15X', '', '#1001', '111-0000001-0000001'])('%j is not', (s) => expect(isRoundedId(s)).toBe(false));
});

describe('RecentIds (distinct order ids)', () => {
  it('counts each id once however far apart its lines are, and every blank id', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(''), fc.string({ maxLength: 6 })), { maxLength: 300 }), fc.integer({ min: 2, max: 16 }), (ids, window) => {
      const r = new RecentIds(window); // a tiny window: most repeats are found by the filter
      const counted = ids.filter((id) => r.isNew(id)).length;
      const blanks = ids.filter((id) => id.trim() === '').length;
      const distinct = new Set(ids.filter((id) => id.trim() !== '')).size;
      expect(counted).toBe(distinct + blanks);
    }), { numRuns: 500 });
  });

  it('counts 300,000 orders of two lines each, shuffled, within the filter\'s bound', () => {
    const n = 300_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`order-${i}`, `order-${i}`);
    let x = 12345; // a fixed shuffle (LCG), so the count is the same every run
    for (let i = lines.length - 1; i > 0; i--) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const j = x % (i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    const r = new RecentIds();
    const counted = lines.filter((id) => r.isNew(id)).length;
    // a false positive misses a new order: expected below n × 2e-6 = 0.6
    expect(counted).toBeLessThanOrEqual(n);
    expect(counted).toBeGreaterThanOrEqual(n - 3);
  });

  it('stops growing when full, says so, and still counts within the window', () => {
    const r = new RecentIds(4, new IdFilter(4, 2)); // room for 4 + 8 ids
    for (let i = 0; i < 12; i++) expect(r.isNew(`o${i}`)).toBe(true);
    expect(r.saturated).toBe(false);
    expect(r.isNew('o0')).toBe(false); // far behind the window, found by the filter
    expect(r.isNew('o12')).toBe(true);
    expect(r.saturated).toBe(true);
    expect(r.isNew('o12')).toBe(false); // the window
    for (let i = 13; i < 20; i++) r.isNew(`o${i}`);
    expect(r.isNew('o12')).toBe(true); // past the window and not in the full filter: counted again
    expect(r.isNew('o3')).toBe(false); // held before the filter filled
  });

  it('keeps the filter\'s false-positive rate under its bound at capacity', () => {
    const f = new IdFilter();
    for (let i = 0; i < 200_000; i++) expect(f.addIfNew(`in-${i}`)).toBe(true);
    let hits = 0;
    for (let i = 0; i < 200_000; i++) if (f.has(`out-${i}`)) hits++;
    expect(hits).toBeLessThanOrEqual(2); // bound 2e-6 × 200,000 = 0.4
    for (let i = 0; i < 200_000; i += 997) expect(f.has(`in-${i}`)).toBe(true);
  });
});
