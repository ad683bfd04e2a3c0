// The batch summary: one row per seller (the row schema lives in render/summary-schema.ts),
// totals over ok sellers, and its renderings. Pure: (rows, opts) → string.
import Table from 'cli-table3';
import { table } from '../render/csv.js';
import { formatMoney, formatOrders } from '../render/i18n.js';
import { BATCH_SUMMARY_COLUMNS, type SummaryRow, type SummaryStatus } from '../render/summary-schema.js';
import type { SkippedFile } from './discover.js';

/** Formats the summary can be written in. */
export const SUMMARY_FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const BATCH_SUMMARY_SCHEMA = 'loss-calc/batch-summary@1';

/** Sums over the ok sellers; profit is null when no ok seller has one (no --margin). */
export interface SummaryTotals {
  lost_orders: number;
  lost_revenue: number;
  lost_profit: number | null;
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
  let orders = 0, revenue = 0, profit = 0, withProfit = 0;
  for (const r of rows) {
    counts[r.status]++;
    if (r.status !== 'ok') continue;
    orders += r.lost_orders ?? 0;
    revenue += r.lost_revenue ?? 0;
    if (r.lost_profit !== null) {
      profit += r.lost_profit;
      withProfit++;
    }
  }
  const totals = { lost_orders: round(orders, 10), lost_revenue: round(revenue, 100), lost_profit: withProfit ? round(profit, 100) : null };
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
    const what = reason === 'not a seller file' ? 'file' : 'folder';
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
}

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

/** The terminal view: a row per seller, then the totals over ok sellers. */
function summaryTable(rows: SummaryRow[], o: SummaryRenderOptions): string {
  const money = (v: number | null) => formatMoney(v, o.currency);
  const orders = (v: number | null) => formatOrders(v, 'en');
  const range = (lo: number | null, hi: number | null, f: (v: number | null) => string) => (lo === null && hi === null ? '' : `${f(lo)} – ${f(hi)}`);
  const pct = Math.round(o.level * 100);
  const t = new Table({
    head: ['seller', 'status', 'model', 'lost orders', `${pct}% interval`, 'lost revenue', `${pct}% interval`, 'lost profit', 'lost %', 'warnings / error'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, // no rule between sellers
  });
  for (const r of rows) {
    t.push([
      r.seller, r.status, r.model ?? '', orders(r.lost_orders), range(r.lost_orders_lower, r.lost_orders_upper, orders),
      money(r.lost_revenue), range(r.lost_revenue_lower, r.lost_revenue_upper, money), r.lost_profit === null ? '' : money(r.lost_profit),
      r.lost_pct === null ? '' : `${r.lost_pct}%`, r.error ?? r.warnings,
    ].map(oneLine));
  }
  const { counts, totals } = totalsOf(rows);
  const lines = [
    t.toString(),
    `${rows.length} seller(s)${o.complete ? '' : ' (interrupted: partial)'}: ${counts.ok} ok, ${counts['insufficient-data']} insufficient-data, ${counts.failed} failed`,
    `Total over ${counts.ok} ok seller(s): lost orders ${orders(totals.lost_orders)} · lost revenue ${money(totals.lost_revenue)}` +
      (totals.lost_profit === null ? '' : ` · lost profit ${money(totals.lost_profit)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A cell on one line, without terminal control characters from a seller id or message. */
function oneLine(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
