// Files from a simulated seller: a Korean CP949 order export (newest first), an English
// UTF-8 export (oldest first), daily and monthly aggregates, and the `.truth.json` sidecar.
// Line generators are pure; the write* functions stream them to disk in chunks.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { fromDay } from '../core/dates.js';
import { PRODUCTS } from './catalog.js';
import { monthlyTotals } from './monthly.js';
import { orderRows } from './orders.js';
import type { SimFormat } from './params.js';
import { truthOver, type SimulatedSeller } from './simulate.js';

/** The file kinds a seller can be written as. */
export type SimFileKind = 'coupang' | 'english' | 'daily' | 'monthly';

/** The natural file kind for a seller's format: order exports alternate Korean/English by `i`. */
export function fileKindFor(format: SimFormat, i = 0): SimFileKind {
  return format === 'orders' ? (i % 2 === 0 ? 'coupang' : 'english') : format;
}

/** Thousands separators: `thousands(1234567) === '1,234,567'`. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** Header of the Korean export (Coupang Wing-like order list). */
export const COUPANG_HEADER = '주문번호,주문일시,상품명,옵션,수량,판매가,결제금액,주문상태';

/**
 * Lines of a Coupang-style Korean order export, newest first, header first.
 * Money is written as Excel shows it, `"12,300"`. (No recipient column: it is personal data
 * and would push the bundled fixture past 3 MB.)
 */
export function* coupangLines(sim: SimulatedSeller, seed: number): Generator<string> {
  yield COUPANG_HEADER;
  for (const r of orderRows(sim, seed, { newestFirst: true, products: PRODUCTS.length })) {
    const p = PRODUCTS[r.product];
    yield r.id + ',' + r.timestamp + ',' + csvField(p.ko) + ',' + p.option + ',' + r.quantity + ',"' +
      thousands(r.unitPrice) + '","' + thousands(r.amount) + '",' + r.status;
  }
}

/** Header of the English export (Shopify-like). */
export const ENGLISH_HEADER = 'Order ID,Created At,Product,Quantity,Unit Price,Total,Financial Status';

const EN_STATUS: Record<string, string> = {
  결제완료: 'paid', 배송완료: 'paid', 구매확정: 'paid', 취소완료: 'cancelled', 반품완료: 'refunded', 환불완료: 'refunded',
};

/** Lines of an English order export, oldest first: ISO times with +09:00, money as `"₩12,300"`. */
export function* englishLines(sim: SimulatedSeller, seed: number): Generator<string> {
  yield ENGLISH_HEADER;
  let n = 1001;
  for (const r of orderRows(sim, seed, { products: PRODUCTS.length })) {
    yield '#' + n++ + ',' + r.timestamp.replace(' ', 'T') + '+09:00,' + csvField(PRODUCTS[r.product].en) + ',' +
      r.quantity + ',"₩' + thousands(r.unitPrice) + '","₩' + thousands(r.amount) + '",' + EN_STATUS[r.status];
  }
}

/** Lines of a daily aggregate `date,orders,revenue`; missing days have no line. */
export function* dailyLines(sim: SimulatedSeller): Generator<string> {
  yield 'date,orders,revenue';
  for (let i = 0; i < sim.days; i++) {
    if (!sim.missing[i]) yield fromDay(sim.startDay + i) + ',' + sim.orders[i] + ',' + sim.revenue[i];
  }
}

/** Lines of monthly totals `date,orders,revenue`, the date being the month's first day. */
export function* monthlyLines(sim: SimulatedSeller): Generator<string> {
  yield 'date,orders,revenue';
  for (const m of monthlyTotals(sim)) yield m.month + ',' + m.orders + ',' + m.revenue;
}

/** The `.truth.json` sidecar: what an estimate of this file should find. */
export function truthRecord(sim: SimulatedSeller, extra: Record<string, unknown> = {}) {
  const t = sim.truth;
  const inc = sim.incidentIndex;
  const lossDaily = [];
  for (let i = inc; i < sim.days; i++) {
    lossDaily.push({
      date: fromDay(sim.startDay + i), cfOrders: sim.cfOrders[i], orders: sim.orders[i],
      cfRevenue: sim.cfRevenue[i], revenue: sim.revenue[i], ...(sim.missing[i] ? { missing: true } : {}),
    });
  }
  const base = truthOver(sim, 0, inc - 1);
  return {
    seed: sim.seed,
    ...extra,
    params: sim.params,
    incident: sim.incident,
    until: sim.until,
    trueLossOrders: t.lossOrders,
    trueLossRevenue: t.lossRevenue,
    expectedLossOrders: t.expectedLossOrders,
    expectedLossRevenue: t.expectedLossRevenue,
    counterfactual: { orders: t.cfOrders, revenue: t.cfRevenue },
    actual: { orders: t.actualOrders, revenue: t.actualRevenue },
    windows: {
      baseline: { start: sim.start, end: fromDay(sim.startDay + inc - 1), days: inc },
      incident: { start: sim.incident, end: sim.until, days: sim.days - inc },
    },
    baselineTotals: { orders: base.actualOrders, revenue: base.actualRevenue },
    missingDates: Array.from(sim.missing.keys()).filter((i) => sim.missing[i]).map((i) => fromDay(sim.startDay + i)),
    lossWindowDaily: lossDaily,
  };
}

/** JSON text of a truth record (Infinity, e.g. a Poisson `size`, written as the string "Infinity"). */
export function truthJson(record: object): string {
  return JSON.stringify(record, (_k, v) => (v === Infinity ? 'Infinity' : v), 2) + '\n';
}

/** Stream lines to `path` in ~64 KB chunks, encoded as CP949 or UTF-8, with the given line end. */
export function writeLines(path: string, lines: Iterable<string>, encoding: 'cp949' | 'utf8' = 'utf8', eol = '\n'): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let buf = '';
    const flush = () => {
      writeSync(fd, encoding === 'cp949' ? iconv.encode(buf, 'cp949') : Buffer.from(buf, 'utf8'));
      buf = '';
    };
    for (const line of lines) {
      buf += line + eol;
      if (buf.length > 65_536) flush();
    }
    if (buf) flush();
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `sim` as `<dir>/<name>.csv` of the given kind plus `<dir>/<name>.truth.json`.
 * Coupang exports are CP949 with CRLF (as Windows tools save them); the rest UTF-8 with LF.
 */
export function writeSeller(dir: string, name: string, sim: SimulatedSeller, kind: SimFileKind, rowsSeed = sim.seed,
  extra: Record<string, unknown> = {}): { file: string; truth: string } {
  const file = join(dir, name + '.csv');
  if (kind === 'coupang') writeLines(file, coupangLines(sim, rowsSeed), 'cp949', '\r\n');
  else if (kind === 'english') writeLines(file, englishLines(sim, rowsSeed));
  else if (kind === 'daily') writeLines(file, dailyLines(sim));
  else writeLines(file, monthlyLines(sim));
  const truth = join(dir, name + '.truth.json');
  const rows = kind === 'coupang' || kind === 'english' ? { rowsSeed } : {};
  writeLines(truth, [truthJson(truthRecord(sim, { file: name + '.csv', kind, ...rows, ...extra })).trimEnd()]);
  return { file, truth };
}
