// The sheets of the bundled Excel fixtures, as plain data (rows of cells), and their CSV twins:
// a Coupang-Wing-like order export, a Smartstore-like order download, a monthly settlement
// statement (정산내역) and a daily aggregate. Written to .xlsx by write-xlsx.ts.
import { fromDay } from '../core/dates.js';
import { PRODUCTS } from './catalog.js';
import { monthlyTotals } from './monthly.js';
import { orderRows } from './orders.js';
import type { SellerParams } from './params.js';
import type { SimulatedSeller } from './simulate.js';
import { csvField, thousands } from './write.js';

/** A cell as the generator writes it: text, number, a wall-clock date/time (UTC fields), a formula with its result, or rich text. */
export type Cell = string | number | Date | null | { formula: string; result: number } | { richText: { text: string; font?: { bold?: boolean } }[] };

/** One sheet: rows of cells (top to bottom, from row 1), merged ranges and number formats by column letter. */
export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  numFmt?: Record<string, string>;
  widths?: number[];
}

/** A wall-clock time 'YYYY-MM-DD HH:MM:SS' as the Date exceljs writes as that serial (UTC fields = wall time). */
export function wallDate(s: string): Date {
  return new Date(`${s.replace(' ', 'T')}Z`);
}

// ---------------------------------------------------------------------------------------------
// The sellers (exported so tests can write the same rows as CSV)

export const WING_PARAMS: SellerParams = {
  incident: '2025-11-29', baselineDays: 365, lossDays: 45,
  level: 11, weekday: [1, 1, 1, 1, 1, 1.5, 1.5], trend: 0.1, trendKind: 'linear', size: 40,
  aov: 28_000, aovCv: 0.7, valueRound: 100, drop: 0.5, holdDays: 10, recovery: 0.4, cancelRate: 0.03, format: 'orders',
};
export const WING_SEED = 72025;

export const STORE_PARAMS: SellerParams = {
  incident: '2025-11-29', baselineDays: 365, lossDays: 30,
  level: 7, weekday: [1.05, 1, 1, 1, 0.95, 0.9, 1.1], size: 30,
  aov: 35_000, aovCv: 0.6, valueRound: 10, drop: 0.4, holdDays: 7, recovery: 0.5, cancelRate: 0.04, format: 'orders',
};
export const STORE_SEED = 30303;

export const MONTHLY_PARAMS: SellerParams = {
  incident: '2025-11-01', baselineDays: 1035, lossDays: 92,
  level: 60, weekday: [1, 1, 1, 1, 1, 1.3, 1.3], trend: 0.08, trendKind: 'multiplicative', yearlyAmplitude: 0.15,
  size: 40, aov: 32_000, aovCv: 0.8, valueRound: 100, drop: 0.6, holdDays: 30, recovery: 0.2, format: 'monthly',
};
export const MONTHLY_SEED = 202511;

/**
 * Rows of the Coupang-Wing-like order sheet: a title row, a merged note, a blank row, the
 * Korean header (row 4), orders newest first with date cells, formulas for the line totals and
 * rich text product names, and a 합계 row.
 */
export function wingSheet(sim: SimulatedSeller, seed: number): SheetSpec {
  const rows: Cell[][] = [
    ['쿠팡 Wing 주문목록'],
    [`조회기간 ${sim.start} ~ ${sim.until} · 개인정보가 포함된 파일입니다`],
    [],
    ['주문번호', '주문일시', '상품명', '옵션', '수량', '판매가', '결제금액', '주문상태'],
  ];
  let qty = 0;
  let total = 0;
  for (const r of orderRows(sim, seed, { newestFirst: true, products: PRODUCTS.length })) {
    const n = rows.length + 1;
    const p = PRODUCTS[r.product];
    const name: Cell = r.product === 0 ? { richText: [{ text: '[특가] ', font: { bold: true } }, { text: p.ko }] } : p.ko;
    rows.push([r.id, wallDate(r.timestamp), name, p.option, r.quantity, r.unitPrice, { formula: `E${n}*F${n}`, result: r.amount }, r.status]);
    qty += r.quantity;
    total += r.amount;
  }
  const last = rows.length;
  rows.push(['', '합계', '', '', { formula: `SUM(E5:E${last})`, result: qty }, '', { formula: `SUM(G5:G${last})`, result: total }, '']);
  return { name: '주문목록', rows, merges: ['A1:H1', 'A2:H2'], numFmt: { B: 'yyyy-mm-dd hh:mm:ss', F: '#,##0', G: '#,##0' },
    widths: [16, 20, 28, 10, 6, 10, 12, 10] };
}

/** The same sheet as CSV lines (dates as `YYYY-MM-DD HH:MM:SS`, formulas by their result), for the CSV-vs-xlsx tests. */
export function* sheetCsvLines(sheet: SheetSpec): Generator<string> {
  for (const row of sheet.rows) yield row.map((c) => csvField(cellPlain(c))).join(',');
}

/** A generator cell as the text a CSV export would hold. */
export function cellPlain(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof c === 'object') return 'formula' in c ? String(c.result) : c.richText.map((r) => r.text).join('');
  return String(c);
}

/** Rows of the Smartstore-like order sheet: header on row 1, text dates `2025.11.29 13:05:22`, money as text `12,300원`. */
export function storeSheet(sim: SimulatedSeller, seed: number): SheetSpec {
  const rows: Cell[][] = [['주문번호', '상품주문번호', '결제일', '상품명', '수량', '상품가격', '상품별 총 주문금액', '주문상태']];
  let line = 0;
  for (const r of orderRows(sim, seed, { newestFirst: true, products: PRODUCTS.length })) {
    const p = PRODUCTS[r.product];
    rows.push([`2025${r.id.slice(-12)}`, `${r.id}${String(++line % 100).padStart(2, '0')}`, r.timestamp.replace(/-/g, '.'), p.ko, r.quantity,
      `${thousands(r.unitPrice)}원`, `${thousands(r.amount)}원`, r.status]);
  }
  return { name: '주문조회', rows, widths: [18, 20, 20, 28, 6, 12, 16, 10] };
}

/** A monthly settlement statement (정산내역): title, blank row, header, one row per month with a date cell on the 1st, fee and payout formulas, 합계. */
export function settlementSheet(sim: SimulatedSeller): SheetSpec {
  const rows: Cell[][] = [['판매자 정산내역 (월별)'], [], ['정산월', '주문건수', '판매금액', '수수료', '정산금액']];
  const first = rows.length + 1;
  for (const m of monthlyTotals(sim)) {
    const n = rows.length + 1;
    const fee = Math.round(m.revenue * 0.108);
    rows.push([wallDate(`${m.month} 00:00:00`), m.orders, m.revenue, { formula: `ROUND(C${n}*0.108,0)`, result: fee }, { formula: `C${n}-D${n}`, result: m.revenue - fee }]);
  }
  const last = rows.length;
  const sum = (c: string) => rows.slice(first - 1).reduce((s, r) => s + cellNumber(r[c.charCodeAt(0) - 65]), 0);
  rows.push(['합계', { formula: `SUM(B${first}:B${last})`, result: sum('B') }, { formula: `SUM(C${first}:C${last})`, result: sum('C') },
    { formula: `SUM(D${first}:D${last})`, result: sum('D') }, { formula: `SUM(E${first}:E${last})`, result: sum('E') }]);
  return { name: '정산내역', rows, merges: ['A1:E1'], numFmt: { A: 'yyyy-mm', B: '#,##0', C: '#,##0', D: '#,##0', E: '#,##0' }, widths: [12, 10, 16, 14, 16] };
}

const cellNumber = (c: Cell) => (typeof c === 'number' ? c : c && typeof c === 'object' && 'formula' in c ? c.result : 0);

/** A daily aggregate `date, orders, revenue` with date cells; missing days have no row (as the CSV). */
export function dailySheet(sim: SimulatedSeller): SheetSpec {
  const rows: Cell[][] = [['date', 'orders', 'revenue']];
  for (let i = 0; i < sim.days; i++) if (!sim.missing[i]) rows.push([wallDate(`${fromDay(sim.startDay + i)} 00:00:00`), sim.orders[i], sim.revenue[i]]);
  return { name: 'daily', rows, numFmt: { A: 'yyyy-mm-dd' } };
}
