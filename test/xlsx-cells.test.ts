// Excel cell values → the texts the row reader takes: serial dates in both date systems,
// rich text, formulas, errors, and the width of a row.
import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from '../src/core/dates.js';
import { cellText, dateNumberText, rowTexts, serialToDay } from '../src/ingest/xlsx-cells.js';
import { resolveTarget, unescapeXml } from '../src/ingest/xlsx-book.js';
import { containerOf } from '../src/ingest/xlsx-container.js';

const day = (serial: number, d1904 = false) => fromDay(serialToDay(serial, d1904));

describe('serialToDay', () => {
  it('1900 system, with the Lotus leap-year bug', () => {
    expect(day(1)).toBe('1900-01-01');
    expect(day(59)).toBe('1900-02-28');
    expect(serialToDay(60, false)).toBeNaN(); // 1900-02-29 never was
    expect(day(61)).toBe('1900-03-01');
    expect(day(25569)).toBe('1970-01-01');
    expect(day(45990)).toBe('2025-11-29');
    expect(day(45990.999988)).toBe('2025-11-29'); // 23:59:59
    expect(day(45990.99999999999)).toBe('2025-11-30'); // float dust of midnight rounds to the ms first
    expect(serialToDay(0, false)).toBeNaN();
    expect(serialToDay(-1, false)).toBeNaN();
    expect(serialToDay(NaN, false)).toBeNaN();
  });

  it('1904 system: serial 0 is 1904-01-01, 1462 days after the 1900 system', () => {
    expect(day(0, true)).toBe('1904-01-01');
    expect(day(24107, true)).toBe('1970-01-01');
    expect(day(45990 - 1462, true)).toBe('2025-11-29');
    expect(day(44528.75, true)).toBe('2025-11-29');
    for (const s of [1462, 1500, 30000, 45990.25, 50000]) expect(serialToDay(s - 1462, true)).toBe(serialToDay(s, false));
  });

  it('agrees with the calendar for every day from 1900-03-01 to 2100', () => {
    for (let s = 61; s < 73051; s += 37) expect(serialToDay(s, false)).toBe(toDay('1900-03-01') + (s - 61));
  });
});

describe('cell texts', () => {
  it('a number in the date column: yyyymmdd stays text, a serial becomes its day', () => {
    expect(dateNumberText(20251129, false)).toBe('20251129');
    expect(dateNumberText(45990, false)).toBe('2025-11-29');
    expect(dateNumberText(45990.5, false)).toBe('2025-11-29 12:00:00');
    expect(dateNumberText(44528.5, true)).toBe('2025-11-29 12:00:00');
    expect(dateNumberText(45990 + (13 * 3600 + 5 * 60 + 7) / 86400, false)).toBe('2025-11-29 13:05:07');
    expect(dateNumberText(45990.999988, false)).toBe('2025-11-29 23:59:58'); // 86398.96 s: whole seconds, never the next day
    expect(dateNumberText(45990.99999999999, false)).toBe('2025-11-30'); // float dust of midnight
    expect(dateNumberText(60, false)).toBe('60'); // the day that never was stays unreadable
  });

  it('a 16-digit order id Excel rounded (its digits past the 15th zeros), or one past 2^53, is written as a rounded id; other long numbers stay', () => {
    expect(cellText(2025080100000120, false, false)).toBe('2.02508010000012E+15');
    expect(cellText(12345678901234567890, false, false)).toBe('1.23456789012346E+19');
    expect(cellText(2025080100000123, false, false)).toBe('2025080100000123'); // exact: a library wrote it
    expect(cellText(202508010000012, false, false)).toBe('202508010000012'); // 15 digits: as Excel keeps them
    expect(cellText(12300, false, false)).toBe('12300');
    // a column that has shown one exact long id keeps the rest as they are: a library's ids end in 0 one time in ten
    const exact = new Set<number>();
    expect(rowTexts([undefined, 2025080100000130, 5], 2, -1, false, false, exact)).toEqual(['2.02508010000013E+15', '5']);
    expect(rowTexts([undefined, 2025080100000123, 5], 2, -1, false, false, exact)).toEqual(['2025080100000123', '5']);
    expect(rowTexts([undefined, 2025080100000130, 5], 2, -1, false, false, exact)).toEqual(['2025080100000130', '5']);
  });

  it('rich text, formulas, errors, booleans, hyperlinks and dates', () => {
    expect(cellText({ richText: [{ text: '[특가] ' }, { text: '감귤' }] }, false, false)).toBe('[특가] 감귤');
    expect(cellText({ formula: 'E5*F5', result: 24600 }, false, false)).toBe('24600');
    expect(cellText({ formula: 'A1', result: 45990.5 }, true, false)).toBe('2025-11-29 12:00:00');
    expect(cellText({ sharedFormula: 'G5', result: '12,300원' }, false, false)).toBe('12,300원');
    expect(cellText({ formula: 'E5*F5' }, false, false)).toBe('=E5*F5'); // no cached result: shown, not blank
    expect(cellText({ error: '#N/A' }, false, false)).toBe('#N/A');
    expect(cellText(true, false, false)).toBe('TRUE');
    expect(cellText({ text: '주문 123', hyperlink: 'https://example.invalid' }, false, false)).toBe('주문 123');
    expect(cellText(new Date(Date.UTC(2025, 10, 29, 23, 59, 59)), true, false)).toBe('2025-11-29 23:59:59'); // UTC fields are the wall time
    expect(cellText(new Date(Date.UTC(2025, 10, 29)), true, false)).toBe('2025-11-29');
    expect(cellText(12300, false, false)).toBe('12300');
    expect(cellText(0.1 + 0.2, false, false)).toBe('0.30000000000000004');
    expect(cellText(null, false, false)).toBe('');
    expect(cellText(undefined, true, false)).toBe('');
  });

  it('rowTexts pads to the header width and drops cells right of it', () => {
    expect(rowTexts([undefined, 'a', 45990], 4, 1, false)).toEqual(['a', '2025-11-29', '', '']);
    expect(rowTexts([undefined, 'a', 1, 2, 'note'], 2, -1, false)).toEqual(['a', '1']);
    expect(rowTexts([undefined, 'a', undefined, 'c'], -1, -1, false)).toEqual(['a', '', 'c']);
  });
});

describe('workbook bits', () => {
  it('magic bytes: zip and OLE', () => {
    expect(containerOf(Buffer.from('PK\x03\x04', 'latin1'))).toBe('zip');
    expect(containerOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('ole');
    expect(containerOf(Buffer.from('date,orders'))).toBeNull();
  });

  it('relationship targets and XML entities', () => {
    expect(resolveTarget('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(unescapeXml('A&amp;B &lt;1&gt; &quot;q&quot; &#44032;&#x AC00;')).toBe('A&B <1> "q" 가&#x AC00;');
  });
});
