// CSV/TSV that spreadsheets open safely: text that Excel or Sheets would execute as a formula
// becomes text (OWASP CSV injection), numbers — negative ones too — stay numbers, --bom works.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cell, table } from '../src/render/csv.js';
import { RENDERERS } from '../src/render/index.js';
import { opts, simClaim } from './render-helpers.js';

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '@SUM(A1)', '-2+3', '\t=1+2', '\r=1+2'];

describe('cell', () => {
  it('prefixes formula-leading text with an apostrophe and quotes when needed', () => {
    expect(cell('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(cell('+cmd', ',')).toBe("'+cmd");
    expect(cell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(cell('-2+3', ',')).toBe("'-2+3");
    expect(cell('\tx', ',')).toBe("'\tx");
    expect(cell('\tx', '\t')).toBe('"\'\tx"');
    expect(cell('\rx', ',')).toBe('"\'\rx"');
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(cell(-3, ',')).toBe('-3');
    expect(cell(-259.5, ',')).toBe('-259.5');
    expect(cell(1234567, ',')).toBe('1234567');
    expect(cell(Number.NaN, ',')).toBe('');
    expect(cell(null, ',')).toBe('');
  });
});

describe('claim as CSV/TSV', () => {
  for (const [fmt, sep] of [['csv', ','], ['tsv', '\t']] as const) {
    it(`${fmt}: a dangerous seller id is text after parsing, numbers parse as numbers`, () => {
      for (const seller of DANGEROUS) {
        const c = simClaim();
        c.seller = seller;
        c.totals.orders.lower = -3;
        const out = RENDERERS[fmt](c, opts());
        const [head, row] = parse(out, { delimiter: sep, relax_quotes: false }) as string[][];
        const rec = Object.fromEntries(head.map((h, i) => [h, row[i]]));
        expect(rec.seller).toBe(`'${seller}`);
        expect(rec.lost_orders_lower).toBe('-3');
        expect(Number(rec.lost_revenue)).toBe(c.totals.revenue.lost);
        expect(Number(rec.lost_orders_upper)).toBe(c.totals.orders.upper);
      }
    });
  }

  it('--daily: one row per day, dates and numbers unquoted', () => {
    const c = simClaim();
    const lines = RENDERERS.csv(c, opts({ daily: true })).trimEnd().split('\n');
    expect(lines).toHaveLength(c.daily.length + 1);
    expect(lines[1].startsWith(`${c.daily[0].date},${c.daily[0].orders},`)).toBe(true);
  });

  it('--daily: an excluded day\'s lost_orders and lost_revenue are blank, so the columns sum to the totals', () => {
    const c = simClaim();
    c.daily[0].excluded = true;
    const [head, first, second] = RENDERERS.csv(c, opts({ daily: true })).split('\n').map((l) => l.split(','));
    expect(head.slice(-3)).toEqual(['excluded', 'lost_orders', 'lost_revenue']);
    expect(first.slice(-3)).toEqual(['true', '', '']);
    expect(Number(second.at(-2))).toBe(c.daily[1].lostOrders);
  });

  it('--bom puts U+FEFF first, and only then', () => {
    const c = simClaim();
    expect(RENDERERS.csv(c, opts({ bom: true })).charCodeAt(0)).toBe(0xfeff);
    expect(RENDERERS.tsv(c, opts({ bom: true })).charCodeAt(0)).toBe(0xfeff);
    expect(RENDERERS.csv(c, opts()).charCodeAt(0)).not.toBe(0xfeff);
    expect(table(['a'], [[1]], ',', true)).toBe('\uFEFFa\n1\n');
  });
});
