// Shared by the ingest tests: temp files, coded-error capture, and a generator of order exports
// whose true daily series is known.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { LossCalcError } from '../src/errors.js';

/** A temp dir for this test process. */
export const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'loss-calc-ingest-'));
let seq = 0;

/** Write a file into the temp dir and return its path (a fresh name each call unless given). */
export function write(content: string | Uint8Array, name = `f${seq++}.csv`): string {
  const p = path.join(TMP, name);
  fs.writeFileSync(p, content);
  return p;
}

/** The LossCalcError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<LossCalcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LossCalcError) return e;
    throw new Error(`expected a LossCalcError, got ${String(e)}`);
  }
  throw new Error('expected a rejection');
}

/** One order: its day (offset from 2025-03-01), and lines of [amount, status]. */
export interface GenOrder {
  day: number;
  hour: number;
  lines: { amount: number; status: string }[];
}

export const SALE = ['paid', '결제완료', '배송완료', '구매확정', '교환완료', ''];
export const NOT_SALE: Record<string, 'cancelled' | 'refunded' | 'returned'> = {
  cancelled: 'cancelled', 취소완료: 'cancelled', 주문취소: 'cancelled', refunded: 'refunded', 환불완료: 'refunded', 반품완료: 'returned', returned: 'returned',
};

/** Arbitrary order lists (1–60 orders over 20 days, 1–3 lines each, ~20 % non-sale lines). */
export const ordersArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 19 }),
    hour: fc.integer({ min: 0, max: 23 }),
    lines: fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 3_000_000 }),
        status: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SALE) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(NOT_SALE)) }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  { minLength: 1, maxLength: 60 },
);

const pad = (n: number) => String(n).padStart(2, '0');
/** The ISO date of day offset d from 2025-03-01. */
export const isoOf = (d: number) => new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10);

/** Cells of every line: [id, date-time, amount, status], amounts in mixed real-world formats. */
export function orderCells(orders: GenOrder[]): string[][] {
  const fmt = [(a: number) => String(a), (a: number) => `₩${a.toLocaleString('en-US')}`, (a: number) => `${a.toLocaleString('en-US')}원`, (a: number) => a.toLocaleString('en-US')];
  const rows: string[][] = [];
  orders.forEach((o, k) => {
    const [y, m, d] = isoOf(o.day).split('-');
    const when = [`${y}-${m}-${d} ${pad(o.hour)}:05:00`, `${y}.${m}.${d}`, `${y}/${m}/${d} ${pad(o.hour)}:05`, `${y}${m}${d}`][k % 4];
    o.lines.forEach((l, j) => rows.push([`ORD-${1000 + k}`, when, fmt[(k + j) % 4](l.amount), l.status]));
  });
  return rows;
}

/** CSV text with a header, quoting cells that need it. */
export function toCsv(header: string[], rows: string[][], delimiter = ',', eol = '\n'): string {
  const q = (c: string) => (c.includes(delimiter) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  return [header, ...rows].map((r) => r.map(q).join(delimiter)).join(eol) + eol;
}

/** The true daily series and counts of a generated order list. */
export function truth(orders: GenOrder[]) {
  const byDay = new Map<number, { orders: number; revenue: number }>();
  const skipped: Record<string, number> = {};
  let rows = 0;
  let used = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of orders) {
    lo = Math.min(lo, o.day);
    hi = Math.max(hi, o.day);
    const t = byDay.get(o.day) ?? { orders: 0, revenue: 0 };
    let sold = false;
    for (const l of o.lines) {
      rows++;
      const reason = NOT_SALE[l.status];
      if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
      else {
        used++;
        sold = true;
        t.revenue += l.amount;
      }
    }
    if (sold) t.orders++;
    byDay.set(o.day, t);
  }
  const days = hi - lo + 1;
  const series = { start: isoOf(lo), orders: [] as number[], revenue: [] as number[] };
  for (let d = lo; d <= hi; d++) {
    series.orders.push(byDay.get(d)?.orders ?? 0);
    series.revenue.push(byDay.get(d)?.revenue ?? 0);
  }
  return { rows, used, skipped, days, series };
}

/** Shopify's orders_export.csv header, in its order (one row per line item). */
export const SHOPIFY_HEADER = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency',
  'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity',
  'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable',
  'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City',
  'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1',
  'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance',
  'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name',
  'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number',
  'Duplicate Status', 'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References'];

/** One Shopify order: its own cells (Shopify writes them on the first line only) and its line items. */
export interface ShopifyOrder {
  name: string;
  created: string;
  financial: string;
  total: string;
  currency?: string;
  cancelledAt?: string;
  refunded?: string;
  lines: { qty: number; item: string; price: number }[];
}

/** An orders_export.csv as Shopify writes it: the order's name and date on every line, its other cells on the first. */
export function shopifyCsv(orders: ShopifyOrder[]): string {
  const rows = orders.flatMap((o, k) => o.lines.map((l, j) => {
    const cells: Record<string, string> = {
      Name: o.name, 'Created at': o.created, 'Lineitem quantity': String(l.qty), 'Lineitem name': l.item, 'Lineitem price': l.price.toFixed(2),
      'Lineitem sku': `SKU-${l.item}`, 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Lineitem fulfillment status': 'pending',
      Vendor: 'Jeju Farm', 'Lineitem discount': '0.00',
    };
    if (j === 0) {
      const subtotal = o.lines.reduce((s, x) => s + x.qty * x.price, 0);
      const paid = !['pending', 'authorized', 'voided'].includes(o.financial);
      Object.assign(cells, {
        Email: `buyer${k}@example.com`, 'Financial Status': o.financial, 'Paid at': paid ? o.created : '', 'Fulfillment Status': 'unfulfilled',
        'Accepts Marketing': 'no', Currency: o.currency ?? 'KRW', Subtotal: subtotal.toFixed(2), Shipping: '3000.00', Taxes: '0.00', Total: o.total,
        'Discount Amount': '0.00', 'Shipping Method': 'Standard', 'Billing Name': 'Kim', 'Billing Country': 'KR', 'Shipping Name': 'Kim',
        'Shipping Country': 'KR', 'Cancelled at': o.cancelledAt ?? '', 'Payment Method': 'Shopify Payments', 'Refunded Amount': o.refunded ?? '0.00',
        'Outstanding Balance': '0.00', Id: String(5_600_000_000_000 + k), 'Risk Level': 'Low', Source: 'web', 'Duplicate Status': '',
      });
    }
    return SHOPIFY_HEADER.map((h) => cells[h] ?? '');
  }));
  return toCsv(SHOPIFY_HEADER, rows);
}
