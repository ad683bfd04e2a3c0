// Date options as people type them: year-first layouts read as ISO, everything else refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOptionsSchema, typedDate, windowSchema } from '../src/options.js';

describe('typedDate', () => {
  it('reads every real date in each year-first layout as the same ISO date (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    fc.assert(fc.property(day, fc.boolean(), (d, pad) => {
      const iso = d.toISOString().slice(0, 10);
      const [y, m, dd] = iso.split('-');
      const p = (v: string) => (pad ? v : String(+v));
      for (const typed of [iso, `${y}.${p(m)}.${p(dd)}`, `${y}/${p(m)}/${p(dd)}`, `${y}${m}${dd}`, `${y}년 ${+m}월 ${+dd}일`, ` ${iso} `]) {
        expect(typedDate(typed)).toBe(iso);
      }
    }), { numRuns: 500 });
  });

  it('refuses impossible dates, day- or month-first ones, mixed separators and times', () => {
    for (const s of ['2025-02-30', '2025-13-01', '11/29/2025', '29.11.2025', '2025-11/29', '2025-11-29 13:05', '251129', 'yesterday', '']) {
      expect(typedDate(s)).toBeNull();
    }
  });

  it('gives the options and windows ISO dates', () => {
    const o = estimateOptionsSchema.parse({ incident: '2025.11.29', until: '2026년 1월 5일', baseline: '2024.12.01..2025/11/28' });
    expect([o.incident, o.until, o.baseline]).toEqual(['2025-11-29', '2026-01-05', { start: '2024-12-01', end: '2025-11-28' }]);
    expect(windowSchema.safeParse('2025.11.01...2025.11.30').success).toBe(false);
  });
});

describe('--margin and --interest-rate: a fraction or a percentage', () => {
  const parse = (margin: unknown, interestRate?: unknown) =>
    estimateOptionsSchema.safeParse({ incident: '2025-11-29', margin, ...(interestRate === undefined ? {} : { interestRate, asOf: '2026-11-29' }) });
  it.each([['0.3', 0.3], ['30%', 0.3], [' 30 % ', 0.3], ['100%', 1], [0.25, 0.25], ['1', 1]])('%j → %s', (typed, want) => {
    const r = parse(typed);
    expect(r.success && r.data.margin).toBe(want);
  });
  it('refuses a bare percentage, zero, text and more than 100 %, saying how to write it', () => {
    for (const typed of ['30', '0', '0%', 'abc', '120%', '', -0.1, '%', ' % ']) {
      const r = parse(typed);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/like 0\.3 or 30%/);
    }
  });
  it('reads the interest rate the same way; a rate of 0 is allowed', () => {
    expect(parse('0.3', '5%').data?.interestRate).toBe(0.05);
    expect(parse('0.3', '0').data?.interestRate).toBe(0);
    expect(parse('0.3', '6').success).toBe(false);
  });
});

describe('--level and other numbers: decimals, a level as a percentage too', () => {
  const parse = (o: Record<string, unknown>) => estimateOptionsSchema.safeParse({ incident: '2025-11-29', ...o });
  it.each([['0.9', 0.9], ['95%', 0.95], [' 80 % ', 0.8], [0.99, 0.99]])('--level %j → %s', (typed, want) => {
    expect(parse({ level: typed }).data?.level).toBe(want);
  });
  it('refuses a bare 95, 50 % and 100 %, and numbers in hex, octal or binary (Number() reads them)', () => {
    for (const level of ['95', '50%', '100%', 'abc']) expect(parse({ level }).error?.issues[0].message, level).toMatch(/like 0\.95 or 95%/);
    for (const o of [{ seed: '0x10' }, { seed: '0o7' }, { margin: '0x1' }, { margin: '0b1' }, { level: '0x1' }]) expect(parse(o).success, JSON.stringify(o)).toBe(false);
    expect(parse({ seed: '1e3' }).data?.seed).toBe(1000);
  });
});

describe('--columns', () => {
  const message = (columns: unknown) => estimateOptionsSchema.safeParse({ incident: '2025-11-29', columns }).error?.issues[0].message;
  it('says what is wrong: the form, a field named twice, a header named for two fields', () => {
    for (const c of ['date', 'bogus=Total', 'amount=']) expect(message(c), c).toMatch(/^expected key=Header with key one of date, amount/);
    expect(message('amount=a,amount=b')).toBe('amount is named twice ("a" and "b")');
    expect(message('date=주문일시,amount=주문일시')).toBe('"주문일시" is named for both date and amount');
    expect(estimateOptionsSchema.parse({ incident: '2025-11-29', columns: 'Date = 일자 , amount=금액' }).columns).toEqual({ date: '일자', amount: '금액' });
    expect(estimateOptionsSchema.parse({ incident: '2025-11-29', columns: { date: '일자' } }).columns).toEqual({ date: '일자' }); // --config's object
  });
});
