// The batch index page: ranks per sort key, links to ok reports only, everything escaped, no script.
import { describe, expect, it } from 'vitest';
import { ranks, renderBatchIndex } from '../src/render/batch-index.js';
import { indexRows } from './render-helpers.js';

describe('renderBatchIndex', () => {
  it('ranks descending with nulls last and ties alphabetical', () => {
    const rows = [{ seller: 'c', v: 1 }, { seller: 'a', v: null }, { seller: 'b', v: 3 }, { seller: 'd', v: 1 }];
    expect(ranks(rows, (r) => r.v)).toEqual([2, 4, 1, 3]);
    expect(ranks(rows, () => 0)).toEqual([3, 1, 2, 4]);
  });

  it('links ok sellers to their reports, escapes ids, and has no script', () => {
    const rows = indexRows();
    const html = renderBatchIndex(rows, { lang: 'en', currency: 'KRW', href: (r) => `${encodeURIComponent(r.seller)}.html` });
    expect(html).toContain('<a href="alpha.html">alpha</a>');
    expect(html).not.toContain('<a href="delta.html">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('BASELINE_TOO_SHORT: 10 days');
    const order = [...html.matchAll(/style="--loss:(\d+);--pct:(\d+);--seller:(\d+)"/g)].map((m) => m.slice(1).map(Number));
    expect(order).toHaveLength(4);
    expect(order[3][0]).toBe(4); // the failed seller sorts last by loss
    expect(renderBatchIndex(rows, { lang: 'ko', currency: 'KRW', href: () => null })).toContain('전체 판매자');
  });
});
