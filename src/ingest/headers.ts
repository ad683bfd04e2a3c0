// Header names → logical fields. The table is exported so the README can show it.
import type { Field } from '../core/types.js';
import { fail } from '../errors.js';

/**
 * Header synonyms per field, English and Korean. `specific` names beat `generic` ones when a
 * file has both (e.g. 결제금액 wins over 금액, "order id" over "id"); within a tier the
 * leftmost column wins. Matching ignores case, spaces, `_ - . ( ) [ ] /` and a BOM.
 */
export const HEADER_SYNONYMS: Record<Field, { specific: string[]; generic: string[] }> = {
  date: {
    specific: ['order date', 'order_date', 'ordered at', 'order time', 'created at', 'payment date', 'paid at', '주문일시', '주문일',
      '주문일자', '결제일', '결제일시', '결제일자', '거래일', '거래일시', '판매일', '판매일자'],
    generic: ['date', 'datetime', 'timestamp', 'day', 'week', 'month', 'period', '일자', '날짜', '일시', '주', '월', '연월', '년월', '기간',
      '정산월', '정산일', '정산기간'],
  },
  amount: {
    specific: ['order amount', 'payment amount', 'paid amount', 'amount paid', 'total price', 'price total', 'line total', 'order total',
      '결제금액', '결제액', '주문금액', '판매금액', '총결제금액', '실결제금액', '판매가합계', '총주문금액', '상품별총주문금액'],
    generic: ['amount', 'total', 'sales', '매출액', '금액', '합계금액'],
  },
  price: {
    specific: ['unit price', 'item price', 'sale price', '판매가', '단가', '상품가격', '판매단가'],
    generic: ['price', '가격'],
  },
  quantity: {
    specific: ['order quantity', 'units', '구매수량', '주문수량', '판매수량'],
    generic: ['quantity', 'qty', '수량'],
  },
  orders: {
    specific: ['order count', 'orders count', 'num orders', 'number of orders', '주문수', '주문건수', '주문 수', '판매건수'],
    generic: ['orders', 'count', '건수'],
  },
  revenue: {
    specific: ['sales amount', 'gross sales', 'daily revenue', 'daily sales', 'total sales', '일매출', '판매액', '매출금액', '일매출액'],
    generic: ['revenue', '매출'],
  },
  status: {
    specific: ['order status', 'financial status', 'payment status', '주문상태', '처리상태', '결제상태', '주문처리상태'],
    generic: ['status', 'state', '상태', '배송상태'],
  },
  id: {
    specific: ['order id', 'order no', 'order number', 'order #', 'order_id', '주문번호', '주문 번호', '주문id', '상품주문번호'],
    generic: ['id', 'no', '번호'],
  },
  seller: {
    specific: ['seller id', 'seller', 'vendor id', 'shop id', 'store id', '판매자', '판매자id', '판매자 id', '업체명', '업체id', '판매자명'],
    generic: ['shop', 'store', 'vendor', 'merchant', '상점', '스토어', '업체'],
  },
};

/** Header text reduced for matching: `normalizeHeader(' Order_Date (KST) ') === 'orderdatekst'`. */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[\s_\-.()[\]/\ufeff#]/g, '');
}

const withoutParens = (h: string) => h.replace(/[([].*?[)\]]/g, '');

type Tiered = { field: Field; tier: number };
const LOOKUP = new Map<string, Tiered>();
for (const [field, tiers] of Object.entries(HEADER_SYNONYMS) as [Field, { specific: string[]; generic: string[] }][]) {
  tiers.specific.forEach((s) => LOOKUP.set(normalizeHeader(s), { field, tier: 0 }));
  tiers.generic.forEach((s) => LOOKUP.set(normalizeHeader(s), { field, tier: 1 }));
}

/** The field a header names, if any; a unit in brackets is ignored as a fallback (`결제금액(원)`). */
export function fieldOfHeader(h: string): Tiered | undefined {
  return LOOKUP.get(normalizeHeader(h)) ?? LOOKUP.get(normalizeHeader(withoutParens(h)));
}

/** Column index per field, and the header each field was read from. */
export interface ColumnMap {
  index: Partial<Record<Field, number>>;
  columns: Partial<Record<Field, string>>;
}

/**
 * Map a header row to fields. `override` (`--columns`) wins and must name existing headers
 * (matched exactly, then normalised); `exclude` are indexes taken already (the `--by` column).
 */
export function mapHeaders(headers: string[], file: string, override: Partial<Record<Field, string>> = {}, exclude: number[] = []): ColumnMap {
  const index: Partial<Record<Field, number>> = {};
  const taken = new Set(exclude);
  for (const [field, name] of Object.entries(override) as [Field, string][]) {
    const i = findHeader(headers, name);
    if (i < 0) fail('UNKNOWN_COLUMN', `${file}: --columns ${field}=${name}: no such column; the headers are ${listHeaders(headers)}`,
      'name a header exactly as it appears in the first line of the file');
    index[field] = i;
    taken.add(i);
  }
  const best: Partial<Record<Field, { i: number; tier: number }>> = {};
  headers.forEach((h, i) => {
    const m = taken.has(i) ? undefined : fieldOfHeader(h);
    if (!m || index[m.field] !== undefined) return;
    const cur = best[m.field];
    if (!cur || m.tier < cur.tier) best[m.field] = { i, tier: m.tier };
  });
  for (const [field, b] of Object.entries(best) as [Field, { i: number }][]) index[field] = b.i;
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, i] of Object.entries(index) as [Field, number][]) columns[field] = headers[i];
  return { index, columns };
}

/** Index of the header named `name`: exact (trimmed) first, then normalised; -1 if none. */
export function findHeader(headers: string[], name: string): number {
  const exact = headers.findIndex((h) => h.trim() === name.trim());
  if (exact >= 0) return exact;
  const n = normalizeHeader(name);
  return headers.findIndex((h) => normalizeHeader(h) === n);
}

/** Headers for a message: `"주문일시", "금액"` (at most 30, each cut at 60 characters: a message stays a line). */
export function listHeaders(headers: string[]): string {
  const cut = (h: string) => (h.length > 60 ? `${h.slice(0, 60)}…` : h);
  const shown = headers.slice(0, 30).map((h) => JSON.stringify(cut(h.replace(/^\ufeff/, '')))).join(', ');
  return headers.length > 30 ? `${shown}, … (${headers.length} in all)` : shown || '(none)';
}

/** The synonyms tried for some fields, for a hint. */
export function synonymsHint(fields: Field[]): string {
  return fields.map((f) => `${f}: ${[...HEADER_SYNONYMS[f].specific, ...HEADER_SYNONYMS[f].generic].join(', ')}`).join('; ');
}
