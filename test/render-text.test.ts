// The plain-words report and the terminal view: numbers identical to the claim's
// (formatted), both languages, and the sparkline that degrades to ASCII.
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/core/dates.js';
import { generatedAt, useUnicode } from '../src/commands/common.js';
import { formatMoney, formatOrders, formatPercent } from '../src/render/i18n.js';
import { renderTable } from '../src/render/table.js';
import { renderText } from '../src/render/text.js';
import { RAMPS, sparkline, sparkRows, squeeze } from '../src/render/sparkline.js';
import { opts, simClaim } from './render-helpers.js';

describe('renderText', () => {
  const claim = simClaim({ margin: 0.3 });
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: every number in the words is the claim's own number, formatted`, () => {
      const text = renderText(claim, opts({ lang }));
      const { orders, revenue, profit } = claim.totals;
      for (const k of ['actual', 'expected', 'lost', 'lower', 'upper'] as const) {
        expect(text).toContain(formatOrders(orders[k], lang));
        expect(text).toContain(formatMoney(revenue[k], 'KRW'));
      }
      for (const k of ['lost', 'lower', 'upper'] as const) expect(text).toContain(formatMoney(profit![k], 'KRW'));
      for (const m of ['orders', 'revenue'] as const) {
        expect(text).toContain(`p = ${claim.significance[m].pValue}`);
        expect(text).toContain(formatPercent(claim.significance[m].probabilityOfLoss));
      }
      expect(text).toContain(String(claim.model.calibration.revenue!.widening));
      const placebo = (claim.significance.revenue as { placebo?: { pValue: number | null } | null }).placebo;
      if (placebo) expect(text).toContain(`p = ${placebo.pValue}`);
      expect(text).toContain(claim.model.name);
    });

    it(`${lang}: a few paragraphs — what happened, how much, how sure, how estimated`, () => {
      const paras = renderText(claim, opts({ lang })).trim().split('\n\n');
      expect(paras.length).toBeGreaterThanOrEqual(4);
      const heads = lang === 'en' ? ['What happened', 'How much', 'How sure', 'How it was estimated'] : ['무슨 일이 있었나', '얼마나:', '얼마나 확실한가', '추정 방법'];
      heads.forEach((h, i) => expect(paras[i].startsWith(h)).toBe(true));
    });
  }

  it('keeps orders at the JSON precision (627.7 stays 627.7) and counts 건 in Korean', () => {
    expect(formatOrders(627.7, 'en')).toBe('627.7');
    expect(formatOrders(1955, 'ko')).toBe('1,955건');
    expect(formatOrders(-259.5, 'ko')).toBe('-259.5건');
  });

  it('adds interest on lost profit, with its own numbers, when the claim has it', () => {
    const c = simClaim({ margin: 0.3 }) as ReturnType<typeof simClaim> & Record<string, unknown>;
    c.interest = { rate: 0.05, asOf: '2026-06-30', amount: 123456, lower: 100000, upper: 150000 };
    const en = renderText(c, opts());
    for (const v of [123456, 100000, 150000]) expect(en).toContain(formatMoney(v, 'KRW'));
    expect(en).toContain('5.0% a year to 30 Jun 2026');
    expect(renderText(c, opts({ lang: 'ko' }))).toContain('2026년 6월 30일까지 연 5.0%의 이자 ₩123,456');
  });

  it('says when the interval reaches zero', () => {
    const c = simClaim();
    c.totals.revenue.lower = -5;
    expect(renderText(c, opts())).toContain('cannot rule out that there was no loss');
  });

  it('says there was no loss when every interval lies below zero, and gives no recovery date', () => {
    const c = simClaim() as ReturnType<typeof simClaim> & Record<string, unknown>;
    for (const t of [c.totals.orders, c.totals.revenue]) [t.lost, t.lower, t.upper] = [-(t.expected! * 0.2), -(t.expected! * 0.3), -(t.expected! * 0.1)];
    c.recovery = { date: c.windows.incident.start, metric: 'orders', days: 14 };
    const en = renderText(c, opts());
    expect(en).toContain('The whole interval is below zero: the seller sold more than expected, and the data show no loss.');
    expect(en).not.toContain('cannot rule out');
    expect(en).not.toContain('Recovery:');
    const ko = renderText(c, opts({ lang: 'ko' }));
    expect(ko).toContain('판매가 예상보다 많았으므로 자료상 손실은 없습니다');
    expect(ko).not.toContain('회복:');
    // one interval above zero: a loss is possible after all, and the usual words stand
    c.totals.revenue.upper = 10;
    expect(renderText(c, opts())).toContain('cannot rule out that there was no loss');
    // …but sales "back" on the incident's own day never fell: no recovery is told
    expect(renderText(c, opts())).not.toContain('Recovery:');
    c.recovery = { date: addDays(c.windows.incident.start, 20), metric: 'orders', days: 14 };
    expect(renderText(c, opts())).toContain('Recovery: sales returned to the expected level');
  });
});

describe('terminal sparkline', () => {
  it('maps values onto the ramp on a shared scale; unknown days are blank', () => {
    expect(sparkline([0, 5, 10, null], 10, true)).toBe('▁▅█ ');
    expect(sparkline([0, 5, 10, null], 10, false)).toBe('_-# ');
    expect(sparkline([3], 0, true)).toBe('▁');
  });

  it('squeezes long windows into at most 60 characters by averaging', () => {
    expect(squeeze([1, 3, null, null, 5], 3)).toEqual([2, null, 5]);
    expect(squeeze(Array(200).fill(1), 60).length).toBeLessThanOrEqual(60);
  });

  it('the table shows actual and expected rows, block characters or pure ASCII', () => {
    const c = simClaim();
    const uni = renderTable(c, opts({ unicode: true }));
    const ascii = renderTable(c, opts({ unicode: false }));
    const rows = (s: string, label: string) => s.split('\n').filter((l) => l.trimStart().startsWith(label));
    expect(rows(uni, 'actual')).toHaveLength(1);
    expect(rows(uni, 'expected')).toHaveLength(1);
    const spark = (l: string) => l.replace(/^\s*\S+\s+/, ''); // no unknown days here, so no leading blank
    expect(spark(rows(uni, 'actual')[0])).toMatch(new RegExp(`^[${RAMPS.unicode} ]{${c.daily.length}}$`));
    for (const l of [...rows(ascii, 'actual'), ...rows(ascii, 'expected')]) expect(l).toMatch(/^[\x20-\x7e]+$/);
    expect(rows(renderTable(c, opts({ unicode: false, lang: 'ko' })), '실제')).toHaveLength(1);
    expect(sparkRows(c, 'en', true)[0]).toContain('Daily orders');
  });

  it('the table shows interest on the lost profit when the claim has it, in both languages', () => {
    const interest = { rate: 0.05, asOf: '2026-12-31', amount: 1213911, lower: 949215, upper: 1626962 };
    const c = { ...simClaim({ margin: 0.3 }), interest } as ReturnType<typeof simClaim>;
    const line = (s: string, label: string) => s.split('\n').find((l) => l.includes(label)) ?? '';
    const en = line(renderTable(c, opts({ unicode: false })), 'Interest');
    expect(en).toContain('Interest (5.0% a year to 2026-12-31)');
    expect(en).toMatch(/₩1,213,911 .*₩949,215 – ₩1,626,962/);
    expect(line(renderTable(c, opts({ unicode: false, lang: 'ko' })), '이자')).toContain('이자 (연 5.0%, 2026-12-31까지)');
    expect(renderTable(simClaim({ margin: 0.3 }), opts())).not.toContain('Interest');
  });

  it('useUnicode: an explicit locale decides, else TERM (not dumb or the Linux console)', () => {
    expect(useUnicode({ LANG: 'ko_KR.UTF-8' }, 'linux')).toBe(true);
    expect(useUnicode({ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, 'linux')).toBe(false);
    expect(useUnicode({ LC_CTYPE: 'en_US.utf8' }, 'linux')).toBe(true);
    expect(useUnicode({ LANG: 'C', TERM: 'xterm-256color' }, 'linux')).toBe(false);
    expect(useUnicode({ TERM: 'xterm-256color' }, 'linux')).toBe(true);
    expect(useUnicode({ TERM: 'dumb' }, 'linux')).toBe(false);
    expect(useUnicode({ TERM: 'linux' }, 'linux')).toBe(false);
    expect(useUnicode({}, 'linux')).toBe(false);
    expect(useUnicode({}, 'win32')).toBe(true);
  });

  it('generatedAt honours SOURCE_DATE_EPOCH for reproducible reports', () => {
    expect(generatedAt({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01T00:00:00Z');
    expect(generatedAt({}, new Date('2026-02-01T09:30:12.345Z'))).toBe('2026-02-01T09:30:12Z');
  });
});

describe('terminal safety', () => {
  it('shows control characters from the input as \\x escapes in the table and the text', async () => {
    const { printable } = await import('../src/render/escape.js');
    expect(printable('x\u001b]0;pwned\u0007\u001b[2Jy')).toBe('x\\x1b]0;pwned\\x07\\x1b[2Jy');
    expect(printable('줄\t바꿈\n')).toBe('줄\t바꿈\n');
  });

  it('shows a seller id\'s or file name\'s newline and tab as \\x0a and \\x09: one line in the table and the text', async () => {
    const { printableLine } = await import('../src/render/escape.js');
    expect(printableLine('evil\u001b[2Jx\nnl\tt')).toBe('evil\\x1b[2Jx\\x0anl\\x09t');
  });
});
