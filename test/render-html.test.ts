// The HTML claim: self-contained, escaped, every section present, in both languages,
// print rules for A4, and the generated-at time only where it belongs.
import { describe, expect, it } from 'vitest';
import { chartMetrics, renderHtml } from '../src/render/html.js';
import { formatMoney, formatOrders } from '../src/render/i18n.js';
import { RENDERERS } from '../src/render/index.js';
import { opts, simClaim } from './render-helpers.js';

const EVIL = '<script>alert("x")</script>';
const EVIL_FILE = '"><img src=x onerror=alert(1)>.csv';

describe('renderHtml', () => {
  const claim = simClaim({ margin: 0.3 });
  const html = renderHtml(claim, opts());

  it('is one self-contained document: no script, no external resource, inline CSS and SVG', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(|src=/i);
    // the only URLs are the SVG namespace and the schema id, never fetched
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).toContain('<style>');
    expect((html.match(/<svg /g) ?? []).length).toBe(3 * chartMetrics(claim).length);
  });

  it('prints to A4 with a page per section and charts that scale instead of clipping', () => {
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toMatch(/section\.page \+ section\.page \{ break-before: page;/);
    expect(html).toMatch(/figure svg \{[^}]*width: 100%; height: auto;/);
    expect(html).toMatch(/figure \{[^}]*break-inside: avoid;/);
    expect((html.match(/<section class="page"/g) ?? []).length).toBe(6); // summary, revenue, orders, model, provenance, method
  });

  it('has the summary, significance, model, warnings, provenance and methodology sections', () => {
    for (const h of ['Summary', 'How sure', 'Charts — Revenue', 'Charts — Orders', 'The model and why', 'Warnings', 'Provenance', 'Method in plain words']) {
      expect(html).toContain(`<h2>${h}</h2>`);
    }
    expect(html).toContain(formatMoney(claim.totals.revenue.lost, 'KRW'));
    expect(html).toContain(formatMoney(claim.totals.profit!.lost, 'KRW'));
    expect(html).toContain(String(claim.significance.revenue.pValue));
    expect(html).toContain(claim.input.sha256);
    expect(html).toContain('cancelled: 2, refunded: 1');
    for (const c of claim.model.candidates) expect(html).toContain(`<td>${c.name}`);
    expect(html).toContain('simulates many possible futures of the whole loss window');
  });

  it('escapes every string from the input: a <script> seller id renders as text', () => {
    const c = simClaim({ seller: EVIL, file: EVIL_FILE });
    c.warnings.push({ code: 'X<b>', message: '<i>bad</i> & "quoted"' });
    c.input.columns = { date: '<주문일>' };
    const out = renderHtml(c, opts());
    expect(out).not.toContain(EVIL);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<i>bad</i>');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(out).toContain('&lt;i&gt;bad&lt;/i&gt; &amp; &quot;quoted&quot;');
    expect(out).toContain('date ← &lt;주문일&gt;');
  });

  it('speaks Korean with --lang ko: labels, 1,234건, ₩ amounts, Korean dates', () => {
    const ko = renderHtml(claim, opts({ lang: 'ko' }));
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<h2>요약</h2>');
    expect(ko).toContain('<h2>추정 방법 설명</h2>');
    expect(ko).toContain(formatOrders(claim.totals.orders.actual, 'ko'));
    expect(formatOrders(1234, 'ko')).toBe('1,234건');
    expect(formatMoney(12345678, 'KRW')).toBe('₩12,345,678');
    const [y, m, d] = claim.windows.incident.start.split('-').map(Number);
    expect(ko).toContain(`${y}년 ${m}월 ${d}일`);
    expect(ko).not.toContain('<h2>Summary</h2>');
  });

  it('shows generated-at only when given, and JSON stays byte-identical either way', () => {
    expect(html).not.toContain('Generated');
    const at = renderHtml(claim, opts({ generatedAt: '2026-02-01T09:30:00Z' }));
    expect(at).toContain('<time>2026-02-01T09:30:00Z</time>');
    expect(RENDERERS.json(claim, opts({ generatedAt: '2026-02-01T09:30:00Z' }))).toBe(RENDERERS.json(claim, opts()));
  });

  it('renders recovery only when the claim carries it', () => {
    const without: Record<string, unknown> = { ...claim };
    delete without.recovery; // older claims have none
    expect(renderHtml(without as typeof claim, opts())).not.toContain('<h2>Recovery</h2>');
    const rec = renderHtml({ ...claim, recovery: { date: '2025-12-20', metric: 'orders', days: 7 } } as typeof claim, opts());
    expect(rec).toContain('<h2>Recovery</h2>');
    expect(rec).toContain('20 Dec 2025');
    expect(rec).toContain('orders over 7 days inside the expected band for their total, with at least three quarters of the first 7 days&#39; drop won back');
    const not = renderHtml({ ...claim, recovery: { date: null, metric: 'orders', days: 7 } } as typeof claim, opts());
    expect(not).toContain('not shown to be back at the expected level');
    // back on the incident's own day: there was no drop to recover from
    expect(renderHtml({ ...claim, recovery: { date: claim.windows.incident.start, metric: 'orders', days: 7 } } as typeof claim, opts())).not.toContain('<h2>Recovery</h2>');
  });

  it('says so when the seller sold more than expected (every interval below zero), and gives no recovery', () => {
    const c = structuredClone(claim) as typeof claim & Record<string, unknown>;
    for (const t of [c.totals.orders, c.totals.revenue]) [t.lost, t.lower, t.upper] = [-(t.expected! * 0.2), -(t.expected! * 0.3), -(t.expected! * 0.1)];
    c.recovery = { date: '2025-12-20', metric: 'orders', days: 7 };
    const out = renderHtml(c, opts());
    expect(out).toContain('Every interval lies below zero: the seller sold more than expected, and the data show no loss.');
    expect(out).not.toContain('<h2>Recovery</h2>');
    expect(renderHtml(c, opts({ lang: 'ko' }))).toContain('판매가 예상보다 많았으므로 자료상 손실은 없습니다');
    expect(renderHtml(claim, opts())).not.toContain('sold more than expected');
  });

  it('shows interest and the placebo p-value when the claim carries them', () => {
    const c = structuredClone(claim) as typeof claim & Record<string, unknown>;
    c.interest = { rate: 0.05, asOf: '2026-06-30', amount: 123456, lower: 100000, upper: 150000 };
    (c.significance.revenue as Record<string, unknown>).placebo = { windows: 8, exceeding: 0, pValue: 0.1111 };
    const out = renderHtml(c, opts());
    expect(out).toContain('Interest on lost profit (5.0% a year, to 30 Jun 2026)');
    expect(out).toContain('₩123,456');
    expect(out).toContain('0.1111 (0/8)');
    const none = structuredClone(claim) as typeof claim & Record<string, unknown>;
    for (const m of ['orders', 'revenue'] as const) (none.significance[m] as Record<string, unknown>).placebo = null;
    delete none.interest;
    const plain = renderHtml(none, opts());
    expect(plain).not.toContain('Placebo');
    expect(plain).not.toContain('Interest on lost profit');
  });

  it('leaves out the profit row without --margin, and charts of a metric the claim lacks', () => {
    const c = simClaim();
    expect(renderHtml(c, opts())).not.toContain('Profit (margin');
    const ordersOnly = structuredClone(c);
    ordersOnly.totals.revenue = { actual: null, expected: null, lost: null, lower: null, upper: null };
    for (const d of ordersOnly.daily) Object.assign(d, { revenue: null, expectedRevenue: null, revenueLower: null, revenueUpper: null });
    expect(chartMetrics(ordersOnly)).toEqual(['orders']);
    expect((renderHtml(ordersOnly, opts()).match(/<svg /g) ?? []).length).toBe(3);
  });
});
