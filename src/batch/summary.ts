// The batch summary: one row per seller (the row schema lives in render/summary-schema.ts),
// totals over ok sellers, and its renderings. Pure: (rows, opts) → string.
import Table from 'cli-table3';
import { table } from '../render/csv.js';
import { formatMoney, formatOrders, type Lang } from '../render/i18n.js';
import { BATCH_SUMMARY_COLUMNS, type SummaryRow, type SummaryStatus } from '../render/summary-schema.js';
import type { SkippedFile } from './discover.js';
import { printableLine } from '../render/escape.js';

/** Formats the summary can be written in. */
export const SUMMARY_FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const BATCH_SUMMARY_SCHEMA = 'loss-calc/batch-summary@1';

/**
 * Sums over the ok sellers that have the measure: profit needs a margin, which some sellers may
 * lack (a manifest margin for a few), and a file may hold orders or revenue only. Each total sums
 * its `_sellers` ok sellers, and is null when none has it (null is "not in the data", never 0).
 */
export interface SummaryTotals {
  lost_orders: number | null;
  lost_revenue: number | null;
  lost_profit: number | null;
  /** How many ok sellers each total covers (additive fields: compare with counts.ok). */
  lost_orders_sellers: number;
  lost_revenue_sellers: number;
  lost_profit_sellers: number;
}

/** The summary.json document. */
export interface SummaryDoc {
  schema: typeof BATCH_SUMMARY_SCHEMA;
  /** false when the run was interrupted: rows hold only the sellers that finished. */
  complete: boolean;
  currency: string;
  level: number;
  sellers: number;
  counts: Record<SummaryStatus, number>;
  totals: SummaryTotals;
  rows: SummaryRow[];
  /** Folder batches: the entries that are not sellers, and why (additive: absent for --by). */
  skipped?: SkippedFile[];
}

/** Orders to 0.1 and money to 0.01, so float dust from adding thousands of numbers never shows. */
const round = (x: number, k: number) => Math.round(x * k) / k;

/** Counts by status and totals over ok rows: `totalsOf([okRow]).totals.lost_orders === okRow.lost_orders`. */
export function totalsOf(rows: SummaryRow[]): { counts: Record<SummaryStatus, number>; totals: SummaryTotals } {
  const counts: Record<SummaryStatus, number> = { ok: 0, 'insufficient-data': 0, failed: 0 };
  const sum = { orders: 0, revenue: 0, profit: 0 };
  const have = { orders: 0, revenue: 0, profit: 0 };
  const add = (k: keyof typeof sum, v: number | null) => {
    if (v === null) return;
    sum[k] += v;
    have[k]++;
  };
  for (const r of rows) {
    counts[r.status]++;
    if (r.status !== 'ok') continue;
    add('orders', r.lost_orders);
    add('revenue', r.lost_revenue);
    add('profit', r.lost_profit);
  }
  const totals = {
    lost_orders: have.orders ? round(sum.orders, 10) : null, lost_revenue: have.revenue ? round(sum.revenue, 100) : null,
    lost_profit: have.profit ? round(sum.profit, 100) : null,
    lost_orders_sellers: have.orders, lost_revenue_sellers: have.revenue, lost_profit_sellers: have.profit,
  };
  return { counts, totals };
}

/** The summary.json document of `rows` (in their order). */
export function summaryDoc(rows: SummaryRow[], o: { complete: boolean; currency: string; level: number; skipped?: SkippedFile[] }): SummaryDoc {
  const doc: SummaryDoc = { schema: BATCH_SUMMARY_SCHEMA, complete: o.complete, currency: o.currency, level: o.level, sellers: rows.length, ...totalsOf(rows), rows };
  return o.skipped ? { ...doc, skipped: o.skipped } : doc;
}

/**
 * The stderr notice of what a folder batch left out, a line per reason:
 * `3 files skipped (not a seller file: a.pdf, b.md, c.zip)`.
 */
export function skippedNotice(skipped: SkippedFile[], shown = 5): string[] {
  const by = new Map<SkippedFile['reason'], string[]>();
  for (const k of skipped) by.set(k.reason, [...(by.get(k.reason) ?? []), k.file]);
  return [...by].map(([reason, files]) => {
    const what = reason === 'not a seller file' || reason === 'the --manifest file' || reason.startsWith('an Excel lock file') ? 'file' : 'folder';
    const list = `${files.slice(0, shown).join(', ')}${files.length > shown ? ', …' : ''}`;
    return `${files.length} ${what}${files.length === 1 ? '' : 's'} skipped (${reason}: ${list})`;
  });
}

/** Options of the summary renderers. */
export interface SummaryRenderOptions {
  complete: boolean;
  currency: string;
  level: number;
  bom: boolean;
  skipped?: SkippedFile[];
  /** Language of the table (the machine formats keep the contract's English field names and status values). */
  lang?: Lang;
}

/** The table's words; status values stay as in the contract for csv/json. */
const WORDS = {
  en: {
    head: (pct: number) => ['seller', 'status', 'model', 'lost orders', `${pct}% interval`, 'lost revenue', `${pct}% interval`, 'lost profit', 'lost %', 'warnings / error'],
    status: { ok: 'ok', 'insufficient-data': 'insufficient-data', failed: 'failed' } as Record<SummaryStatus, string>,
    sellers: (n: number) => `${n} seller(s)`,
    partial: ' (interrupted: partial)',
    counts: (ok: string, insufficient: string, failed: string) => `${ok}, ${insufficient}, ${failed}`,
    count: (n: number, status: string) => `${n} ${status}`,
    total: (n: number) => `Total over ${n} ok seller(s)`,
    lostOrders: 'lost orders', lostRevenue: 'lost revenue', lostProfit: 'lost profit',
    withMargin: (k: number, n: number) => ` (${k} of ${n} sellers with a margin)`,
    withMeasure: (k: number, n: number) => ` (${k} of ${n} sellers with it)`,
  },
  ko: {
    head: (pct: number) => ['판매자', '상태', '모형', '주문 손실', `${pct}% 구간`, '매출 손실', `${pct}% 구간`, '이익 손실', '손실 %', '경고 / 오류'],
    status: { ok: '정상', 'insufficient-data': '데이터 부족', failed: '실패' } as Record<SummaryStatus, string>,
    sellers: (n: number) => `판매자 ${n}명`,
    partial: ' (중단됨: 일부)',
    counts: (ok: string, insufficient: string, failed: string) => `${ok}, ${insufficient}, ${failed}`,
    count: (n: number, status: string) => `${status} ${n}명`,
    total: (n: number) => `정상 판매자 ${n}명 합계`,
    lostOrders: '주문 손실', lostRevenue: '매출 손실', lostProfit: '이익 손실',
    withMargin: (k: number, n: number) => ` (정상 판매자 ${n}명 중 마진이 있는 ${k}명)`,
    withMeasure: (k: number, n: number) => ` (정상 판매자 ${n}명 중 자료가 있는 ${k}명)`,
  },
} as const;

const cells = (r: SummaryRow) => BATCH_SUMMARY_COLUMNS.map((c) => r[c]);

/** Render the summary; CSV/TSV/NDJSON are one row per seller, totals only in json and table. */
export function renderSummary(rows: SummaryRow[], format: SummaryFormat, o: SummaryRenderOptions): string {
  switch (format) {
    case 'csv':
      return table([...BATCH_SUMMARY_COLUMNS], rows.map(cells), ',', o.bom);
    case 'tsv':
      return table([...BATCH_SUMMARY_COLUMNS], rows.map(cells), '\t', o.bom);
    case 'json':
      return `${JSON.stringify(summaryDoc(rows, o), null, 2)}\n`;
    case 'ndjson':
      return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    case 'table':
      return summaryTable(rows, o);
  }
}

/** The terminal view: a row per seller, then the totals over ok sellers (in `o.lang`). */
function summaryTable(rows: SummaryRow[], o: SummaryRenderOptions): string {
  const lang = o.lang ?? 'en';
  const W = WORDS[lang];
  const money = (v: number | null) => formatMoney(v, o.currency);
  const orders = (v: number | null) => formatOrders(v, lang);
  const range = (lo: number | null, hi: number | null, f: (v: number | null) => string) => (lo === null && hi === null ? '' : `${f(lo)} – ${f(hi)}`);
  const pct = Math.round(o.level * 100);
  const t = new Table({
    head: W.head(pct),
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, // no rule between sellers
  });
  for (const r of rows) {
    t.push([
      r.seller, W.status[r.status], r.model ?? '', orders(r.lost_orders), range(r.lost_orders_lower, r.lost_orders_upper, orders),
      money(r.lost_revenue), range(r.lost_revenue_lower, r.lost_revenue_upper, money), r.lost_profit === null ? '' : money(r.lost_profit),
      r.lost_pct === null ? '' : `${r.lost_pct}%`, r.error ?? r.warnings,
    ].map(oneLine));
  }
  const { counts, totals } = totalsOf(rows);
  const c = (s: SummaryStatus) => W.count(counts[s], W.status[s]);
  // a profit total over fewer sellers than the others must say so
  const partialProfit = totals.lost_profit_sellers < counts.ok ? W.withMargin(totals.lost_profit_sellers, counts.ok) : '';
  // and so must an orders or revenue total that some sellers' files do not have
  const partial = (k: number) => (k > 0 && k < counts.ok ? W.withMeasure(k, counts.ok) : '');
  const lines = [
    t.toString(),
    `${W.sellers(rows.length)}${o.complete ? '' : W.partial}: ${W.counts(c('ok'), c('insufficient-data'), c('failed'))}`,
    `${W.total(counts.ok)}: ${W.lostOrders} ${orders(totals.lost_orders)}${partial(totals.lost_orders_sellers)} · ${W.lostRevenue} ${money(totals.lost_revenue)}${partial(totals.lost_revenue_sellers)}` +
      (totals.lost_profit === null ? '' : ` · ${W.lostProfit} ${money(totals.lost_profit)}${partialProfit}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A cell on one line, its terminal control characters from a seller id or message shown as `\x..` (as estimate's table does). */
function oneLine(s: string): string {
  const flat = printableLine(s);
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
