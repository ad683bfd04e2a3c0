// `--format html`: a self-contained claim page (no scripts, no network). Every string
// from the input is escaped.
import type { Claim } from '../core/claim.js';
import { formatMoney, formatOrders, LABELS } from './i18n.js';
import type { RenderOptions } from './index.js';
import { renderText } from './text.js';

/** Escape text for HTML: `escapeHtml('<a>') === '&lt;a&gt;'`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** The claim as one HTML document. */
export function renderHtml(c: Claim, o: RenderOptions): string {
  const L = LABELS[o.lang];
  const e = escapeHtml;
  const m = (v: number | null) => e(formatMoney(v, c.currency));
  const n = (v: number | null) => e(formatOrders(v, o.lang));
  const row = (label: string, t: Claim['totals']['orders'], f: (v: number | null) => string) =>
    `<tr><th>${e(label)}</th><td>${f(t.actual)}</td><td>${f(t.expected)}</td><td><b>${f(t.lost)}</b></td><td>${f(t.lower)} – ${f(t.upper)}</td></tr>`;
  const paragraphs = renderText(c, o).trim().split('\n\n').map((p) => `<p>${e(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><title>${e(L.title)} — ${e(c.seller)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{padding:.3rem .7rem;border-bottom:1px solid #ddd;text-align:right}th:first-child{text-align:left}</style>
</head><body>
<h1>${e(L.title)} — ${e(c.seller)}</h1>
<table><thead><tr><th></th><th>${e(L.actual)}</th><th>${e(L.expected)}</th><th>${e(L.lost)}</th><th>${e(L.interval(Math.round(c.level * 100)))}</th></tr></thead><tbody>
${row(L.orders, c.totals.orders, n)}
${row(L.revenue, c.totals.revenue, m)}
${c.totals.profit && c.options.margin !== null ? row(L.profit(Math.round(c.options.margin * 100)), c.totals.profit, m) : ''}
</tbody></table>
${paragraphs}
<p><small>${e(c.input.file)} · sha256 ${e(c.input.sha256)} · loss-calc ${e(c.generator.version)}</small></p>
</body></html>
`;
}
