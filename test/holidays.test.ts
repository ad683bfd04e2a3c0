// Korean public holidays against the official calendar (KASI 월력요항 and the 관보
// announcements of temporary and election holidays), 2023–2026, worked out by hand.
import { describe, expect, it } from 'vitest';
import { computeHolidays, holidays, isKnownCountry } from '../src/core/holidays.js';
import { KR_FIRST_YEAR, KR_LAST_YEAR, KR_TABLE } from '../src/core/holidays-kr.js';

const OFFICIAL: Record<number, string[]> = {
  2023: ['01-01', '01-21', '01-22', '01-23', '01-24', '03-01', '05-05', '05-27', '05-29', '06-06', '08-15',
    '09-28', '09-29', '09-30', '10-02', '10-03', '10-09', '12-25'],
  2024: ['01-01', '02-09', '02-10', '02-11', '02-12', '03-01', '04-10', '05-05', '05-06', '05-15', '06-06',
    '08-15', '09-16', '09-17', '09-18', '10-01', '10-03', '10-09', '12-25'],
  2025: ['01-01', '01-27', '01-28', '01-29', '01-30', '03-01', '03-03', '05-05', '05-06', '06-03', '06-06',
    '08-15', '10-03', '10-05', '10-06', '10-07', '10-08', '10-09', '12-25'],
  // 2026: 제헌절 (07-17) is a public holiday again from 2026 (date-holidays follows the amendment)
  2026: ['01-01', '02-16', '02-17', '02-18', '03-01', '03-02', '05-05', '05-24', '05-25', '06-03', '06-06',
    '07-17', '08-15', '08-17', '09-24', '09-25', '09-26', '10-03', '10-05', '10-09', '12-25'],
};

const MAJOR: Record<number, string[]> = {
  2023: ['01-21', '01-22', '01-23', '01-24', '09-28', '09-29', '09-30'],
  2024: ['02-09', '02-10', '02-11', '02-12', '09-16', '09-17', '09-18'],
  2025: ['01-28', '01-29', '01-30', '10-05', '10-06', '10-07', '10-08'],
  2026: ['02-16', '02-17', '02-18', '09-24', '09-25', '09-26'],
};

describe('KR holidays', () => {
  for (const year of [2023, 2024, 2025, 2026]) {
    it(`match the official list for ${year}`, () => {
      const got = holidays('KR', year, year).map((h) => h.date.slice(5));
      expect(got).toEqual(OFFICIAL[year]);
    });
    it(`mark the Seollal and Chuseok breaks (with substitutes) as major in ${year}`, () => {
      const got = holidays('KR', year, year).filter((h) => h.kind === 'major').map((h) => h.date.slice(5));
      expect(got).toEqual(MAJOR[year]);
    });
  }

  it('gives nothing for none and knows other countries', () => {
    expect(holidays('none', 2025, 2025)).toEqual([]);
    expect(isKnownCountry('US')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(holidays('US', 2025, 2025).some((h) => h.date === '2025-07-04')).toBe(true);
  });
});

describe('the generated Korean table', () => {
  it('equals the library plus the corrections, year by year', () => {
    const fresh = computeHolidays('KR', KR_FIRST_YEAR, KR_LAST_YEAR).map((h) => [h.date, h.name, h.kind]);
    expect(KR_TABLE).toEqual(fresh); // else: npm run holidays:kr
  });
  it('serves the same answers as the library inside its range', () => {
    expect(holidays('KR', 2024, 2025)).toEqual(computeHolidays('KR', 2024, 2025));
  });
});
