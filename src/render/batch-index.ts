// The batch's DIR/index.html: every seller's summary row, linking each seller's report,
// sortable by loss without any script — radio buttons pick a CSS `order` per row (ranks
// computed here), so the page stays self-contained like the reports it links.
import { escapeHtml as e } from './escape.js';
import { formatMoney, formatOrders, type Lang } from './i18n.js';
import type { SummaryRow } from './summary-schema.js';
import { VERSION } from '../version.js';

/** What the index needs besides the rows. */
export interface BatchIndexOptions {
  lang: Lang;
  currency: string;
  /** Link of a seller's report relative to index.html (null: no report, e.g. failed). */
  href: (row: SummaryRow) => string | null;
  generatedAt?: string;
}

const WORDS = {
  en: {
    title: 'Estimated incident loss — all sellers', sortBy: 'Sort by', loss: 'lost revenue', pct: 'lost %', seller: 'seller',
    head: ['Seller', 'Status', 'Model', 'Lost orders', 'Lost revenue', 'Interval', 'Lost %', 'Warnings / error'], generated: 'Generated',
    count: (n: number) => `${n} sellers`,
  },
  ko: {
    title: '사고로 인한 추정 손실 — 전체 판매자', sortBy: '정렬', loss: '매출 손실', pct: '손실 %', seller: '판매자',
    head: ['판매자', '상태', '모형', '주문 손실', '매출 손실', '구간', '손실 %', '경고 / 오류'], generated: '작성 시각',
    count: (n: number) => `판매자 ${n}명`,
  },
} as const;

/** Ranks 1..n of `rows` by `key` descending (nulls last, ties by seller): `ranks([{v:1},{v:3}])` → [2, 1]. */
export function ranks<T extends { seller: string }>(rows: T[], key: (r: T) => number | null, descending = true): number[] {
  const idx = rows.map((_, i) => i).sort((a, b) => {
    const x = key(rows[a]);
    const y = key(rows[b]);
    if (x === null || y === null) return x === y ? rows[a].seller.localeCompare(rows[b].seller) : x === null ? 1 : -1;
    return x === y ? rows[a].seller.localeCompare(rows[b].seller) : (descending ? y - x : x - y);
  });
  const out = new Array<number>(rows.length);
  idx.forEach((row, rank) => { out[row] = rank + 1; });
  return out;
}

const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", sans-serif; color: #111827; max-width: 80rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
.sort input { position: absolute; opacity: 0; }
.sort label { display: inline-block; padding: .15rem .6rem; border: 1px solid #9ca3af; border-radius: 1rem; margin-right: .3rem; cursor: pointer; }
.sort input:checked + label { background: #111827; color: #fff; border-color: #111827; }
.sort input:focus-visible + label { outline: 2px solid #2563eb; }
.rows { display: flex; flex-direction: column; margin-top: .8rem; font-variant-numeric: tabular-nums; }
.row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.3fr) minmax(0, 2fr) minmax(0, .7fr) minmax(0, 2fr);
  gap: .5rem; padding: .3rem .2rem; border-bottom: 1px solid #e5e7eb; }
.row > span { overflow-wrap: anywhere; } /* long codes wrap instead of pushing the columns apart */
.row > span:nth-child(n+4):nth-child(-n+7) { text-align: right; }
.head { order: -1; font-weight: 600; border-bottom: 1.5px solid #6b7280; }
.failed { color: #b91c1c; } .insufficient-data { color: #b45309; }
#by-loss:checked ~ .rows > .row:not(.head) { order: var(--loss); }
#by-pct:checked ~ .rows > .row:not(.head) { order: var(--pct); }
#by-seller:checked ~ .rows > .row:not(.head) { order: var(--seller); }
@page { size: A4 landscape; margin: 12mm; }
@media print { .sort label { border: none; } .row { break-inside: avoid; } }
`;

/** The index page of a batch: one row per seller, sorted by lost revenue until the reader picks another key. */
export function renderBatchIndex(rows: SummaryRow[], o: BatchIndexOptions): string {
  const W = WORDS[o.lang];
  const money = (v: number | null) => e(formatMoney(v, o.currency));
  const byLoss = ranks(rows, (r) => r.lost_revenue ?? r.lost_orders);
  const byPct = ranks(rows, (r) => r.lost_pct);
  const bySeller = ranks(rows, () => 0); // all ties → alphabetical
  const body = rows.map((r, i) => {
    const link = r.status === 'ok' ? o.href(r) : null;
    const name = link ? `<a href="${e(link)}">${e(r.seller)}</a>` : e(r.seller);
    const interval = r.lost_revenue_lower === null ? '–' : `${money(r.lost_revenue_lower)} – ${money(r.lost_revenue_upper)}`;
    const note = r.error ?? r.warnings;
    return `<div class="row ${e(r.status)}" role="row" data-seller="${e(r.seller)}" style="--loss:${byLoss[i]};--pct:${byPct[i]};--seller:${bySeller[i]}">` +
      `<span role="cell">${name}</span><span role="cell">${e(r.status)}</span><span role="cell">${e(r.model ?? '–')}</span>` +
      `<span role="cell">${e(formatOrders(r.lost_orders, o.lang))}</span><span role="cell"><b>${money(r.lost_revenue)}</b></span>` +
      `<span role="cell">${interval}</span><span role="cell">${r.lost_pct === null ? '–' : `${r.lost_pct}%`}</span>` +
      `<span role="cell">${e(note)}</span></div>`;
  });
  const head = `<div class="row head" role="row">${W.head.map((h) => `<span role="columnheader">${e(h)}</span>`).join('')}</div>`;
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="loss-calc ${e(VERSION)}">
<title>${e(W.title)}</title><style>${CSS}</style></head><body>
<h1>${e(W.title)}</h1>
<p>${e(W.count(rows.length))}${o.generatedAt ? ` · ${e(W.generated)}: <time>${e(o.generatedAt)}</time>` : ''}</p>
<div class="sort">${e(W.sortBy)}:
<input type="radio" name="sort" id="by-loss" checked><label for="by-loss">${e(W.loss)} ↓</label>
<input type="radio" name="sort" id="by-pct"><label for="by-pct">${e(W.pct)} ↓</label>
<input type="radio" name="sort" id="by-seller"><label for="by-seller">${e(W.seller)} A–Z</label>
<div class="rows" role="table">
${head}
${body.join('\n')}
</div></div>
</body></html>
`;
}
