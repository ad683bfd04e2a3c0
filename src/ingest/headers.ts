// Header names → logical fields. The table is exported so the README can show it.
import type { Field } from '../core/types.js';
import { fail } from '../errors.js';
import { withoutTrailingUnit } from './money-unit.js';

/**
 * Amount headers that name an order's total, repeated (or left blank) on the order's further
 * lines in line-item exports: counted once per order id.
 */
const ORDER_TOTALS = ['총결제금액', '총주문금액', '최종주문금액', '결제총액', '주문합계', '주문합계금액', 'order total', 'total paid', 'order total amount', 'grand total', 'tổng giá trị đơn hàng', 'tổng thanh toán'];
/** Date headers that name when an order was paid: a blank (or zero) one says it was not, yet. */
const PAYMENT_DATES = ['payment date', 'paid at', 'paid on date', 'order paid time', 'payment time', '결제일', '결제일시', '결제일자',
  '결제완료일', '결제완료일시', '입금확인일', '입금확인일시', '승인일', '승인일자', '승인일시', 'paid time'];
/** Id headers that are usually a row number (`No`, 번호): not an order id in a table of daily totals. */
const ROW_NUMBERS = ['no', '번호', '순번'];

/** Synonyms of one field, strongest tier first. */
export interface Synonyms {
  /** Beat the field's other specific names (an order's own date over its payment date). */
  preferred?: string[];
  specific: string[];
  /** Specific, but lose to the other specific names (an order's total, repeated on its lines). */
  deferred?: string[];
  generic: string[];
}

/**
 * Header synonyms per field, English and Korean, in tiers: preferred, specific, deferred,
 * generic. A higher tier wins (결제금액 over 금액, "order id" over "id", 주문일시 over 결제일,
 * 주문번호 over 상품주문번호, a line's amount over the order's total); within a tier the leftmost
 * column wins. Matching ignores case, spaces, `_ - . ( ) [ ] /` and a BOM.
 */
export const HEADER_SYNONYMS: Record<Field, Synonyms> = {
  date: {
    // Stripe `Created (UTC)`, Wix `Date created`, Shopee `Order Creation Date`, WooCommerce `Date ordered`;
    // a Hive/Spark table's `order_ts`, `created_ts`
    preferred: ['order date', 'order_date', 'ordered at', 'order time', 'created at', 'created date', 'creation date', 'purchase date',
      'sale date', 'created', 'date created', 'order creation date', 'order created', 'date ordered', 'order placed', 'order placed date',
      'order ts', 'order timestamp', 'order datetime', 'created ts', 'created timestamp',
      // TikTok Shop's `Created Time`, Mercari's `Sold Date`, Depop's `Date of sale`; Rakuten's and Qoo10 Japan's 注文日時
      'created time', 'sold date', 'date of sale', '注文日時', '注文日',
      '주문일시', '주문일', '주문일자', '주문날짜', '구매일', '구매일시', '구매일자', '주문접수일', '주문접수일시', '주문접수시간',
      '주문등록일', '주문등록일시',
      // Shopee in Vietnamese and Indonesian
      'ngày đặt hàng', 'thời gian đặt hàng', 'waktu pesanan dibuat', 'tanggal pesanan'],
    // a sale's own day: a POS's 영업일자 (business day), Coupang's 매출인식일 (over its 정산일, weeks later), 접수일시 (an order taken);
    // 주문시간 here, not preferred: beside a 주문일자 it may be the time of day alone
    // 이카운트 ERP's `일자-No.` (a date and its slip number: `2025/07/01 -1`)
    specific: ['transaction date', '일자-no', '주문시간', '주문시각', '판매일', '판매일자', '판매일시', '거래일', '거래일자', '거래일시', '매출일', '매출일자', '매출일시', '영업일', '영업일자',
      '매출인식일', '매출인식일자', '접수일', '접수일자', '접수일시', '신청일', '신청일자', '신청일시'],
    // when it was paid (결제완료일, 입금확인일) or a card payment approved (승인일자): a blank one says not yet
    deferred: PAYMENT_DATES,
    // `Row Labels` / 행 레이블: a pivot table's dates, pasted from Excel; 등록일 (a record's registration: an order's, or a product's)
    generic: ['date', 'datetime', 'timestamp', 'day', 'week', 'month', 'period', '일자', '날짜', '일시', '주', '월', '연월', '년월', '기간',
      '정산월', '정산일', '정산기준일', '정산기간', '등록일', '등록일시', '작성일자', '발급일자', 'row labels', '행 레이블', '승인년월', '매출년월'],
  },
  amount: {
    // a line's amount (unit price × quantity); Amazon's `item-price` is one: "aggregate of the quantity, not unit price"
    // (specific, not preferred: beside an `Item Total` it is the unit price, and the total wins)
    // (Shopee's `Product Subtotal` and SmartStore's `최종 상품별 총 주문금액` are a line's amount after discounts)
    // (아임웹's `품목 실결제가`, a line's amount paid, beside its order's `최종 주문금액`)
    preferred: ['line total', 'lineitem total', 'item total', 'item subtotal', 'product subtotal', '상품별총주문금액', '최종상품별총주문금액', '품목실결제가',
      '상품구매금액', '상품주문금액', '판매가합계'],
    // Amazon's Date Range report: `product sales` (gross) over its `total` (net of fees); a card list's 승인금액
    specific: ['order amount', 'payment amount', 'paid amount', 'amount paid', 'paid price', 'total price', 'price total', '결제금액', '결제액',
      // (TMON's and 위메프's partner exports: 구매금액, what the buyer paid)
      '주문금액', '판매금액', '실판매금액', '실결제금액', '최종결제금액', '거래금액', '승인금액', '구매금액', 'item price', 'product sales', 'total due',
      'thành tiền', 'total pembayaran', 'order price', '合計金額', '注文金額'],
    deferred: ORDER_TOTALS,
    // 상품금액 (goods before shipping and discounts) and 총금액 only when no other amount is named; `결제 상품금액`, a
    // two-line header's (결제 merged over 상품금액 | 배송비 | 결제금액), is the same goods amount and keeps its joined name
    generic: ['amount', 'total', 'total amount', 'gross', 'sales', '매출액', '금액', '합계금액', '총금액', '상품금액', '결제상품금액'],
  },
  price: {
    // (Gumroad's `Sale Price`, what the buyer paid, is its amount beside its `Item Price`: see isSalePrice)
    specific: ['unit price', 'lineitem price', 'sale price', '판매가', '판매가격', '단가', '상품가격', '판매단가'],
    generic: ['price', '가격'],
  },
  quantity: {
    specific: ['order quantity', 'quantity purchased', 'lineitem quantity', 'item quantity', 'total quantity', 'number of items', 'units',
      '구매수량', '주문수량', '판매수량', '구매수'],
    generic: ['quantity', 'qty', '수량'],
  },
  orders: {
    // a POS's daily 영수건수 (receipts) and 매출건수
    // a card company's daily 순매출건수 (net of cancellations) or 합계건수; its 승인건수 (approvals, gross) only without them
    specific: ['order count', 'orders count', 'num orders', 'number of orders', '주문수', '주문건수', '주문 수', '판매건수', '결제건수', '결제수', '구매건수',
      '영수건수', '영수증건수', '매출건수', '순매출건수', '합계건수'],
    deferred: ['승인건수'],
    // GA4's and Looker Studio's `Transactions` (purchases)
    // (거래 is GA4's Transactions in Korean)
    generic: ['orders', 'count', '건수', 'transactions', 'purchases', '거래'],
  },
  revenue: {
    // net of cancellations, like the sales of an order list (cancelled rows are left out)
    preferred: ['net sales', '실매출', '순매출', '실매출액', '순매출액', '순매출금액'],
    specific: ['sales amount', 'gross sales', 'daily revenue', 'daily sales', 'total sales', '일매출', '판매액', '매출금액', '일매출액', '총매출',
      '매출합계', '판매총액', 'purchase revenue', 'total revenue', 'ecommerce revenue', '구매수익', '매출액합계'],
    generic: ['revenue', '매출'],
  },
  status: {
    // a claim column (클레임상태: 취소완료, 반품완료, 교환…, blank for none) tells the cancellations and returns an order status may not
    preferred: ['클레임상태'],
    // 이지어드민's `C/S` (정상, 배송전 전체취소…)
    specific: ['order status', 'financial status', 'payment status', '주문상태', '처리상태', '결제상태', '주문처리상태', '거래상태', '진행상태',
      '주문진행상태', '상품주문상태', '판매상태', 'c/s', 'trạng thái đơn hàng', 'status pesanan', '注文ステータス', 'ステータス',
      // Clover's `Payment State` (Paid, Refunded…)
      'payment state'],
    // cancellations only: an order status beside it also says returns
    deferred: ['취소상태'],
    // (`State` beside `City`, `Zip Code`, … is a buyer's address: see isBareState)
    // Qoo10's `Shipping status` (Canceled, Refunded, …), like 배송상태
    generic: ['status', 'state', '상태', '배송상태', 'shipping status', 'delivery status'],
  },
  // when an order was cancelled: a filled cell means it was (Shopify's status may still say "paid"); or a flag (Y/N, 1/0)
  cancelled: {
    specific: ['cancelled at', 'canceled at', 'cancelled date', 'canceled date', 'cancellation date', 'cancel date', 'date cancelled',
      '취소일', '취소일시', '취소일자', '취소완료일', '취소완료일시', '취소여부', '취소유무', 'is cancelled', 'is canceled',
      'cancel yn', 'cancel flag', 'is cancel', 'voided', 'is voided', 'void'],
    generic: [],
  },
  // when an order was refunded, the same way: a date or a flag
  refunded: {
    // Gumroad's `Fully Refunded?` (0/1; its `Refunded?` is 1 on a partial refund too, and is not read)
    // a return's flag or date (반품여부 Y/N, 반품완료일): the order's money given back, read as a refund
    specific: ['refunded at', 'refund date', 'refunded date', 'date refunded', '환불일', '환불일시', '환불일자', '환불완료일', '환불여부', '환불유무',
      '반품여부', '반품유무', '반품일', '반품일자', '반품일시', '반품완료일', '반품완료일시',
      // Stripe's charges' `refunded`: true only when the whole charge was refunded
      'is refunded', 'refund yn', 'refund flag', 'fully refunded?', 'fully refunded', 'refunded'],
    generic: [],
  },
  // the currency of the row's amounts: compared with --currency, never converted
  currency: {
    specific: ['currency', 'currency code', '통화', '통화코드', '결제통화', '화폐', '화폐단위', '통화단위'],
    generic: [],
  },
  // what a ledger row is (PayPal's activity download, Stripe's balance history, Amazon's settlement report):
  // a payment, a refund, or money moved (a currency conversion, a withdrawal, a fee) that is no order
  type: {
    // Lightspeed's `Line Type` (Sale, Sale Line, Payment)
    specific: ['transaction type', 'txn type', 'activity type', 'entry type', 'line type', 'type', '거래유형', '거래종류', '거래구분'],
    // a payment list's 구분 (승인/취소) or a sales ledger's (결제/환불): read for its status words only (classifyTypeWords)
    generic: ['구분', '처리구분', '승인구분', '승인취소', '승인취소구분', '매출구분'],
  },
  id: {
    // an order-management tool's (사방넷) marketplace order number, one per order, over its own (one per line)
    preferred: ['쇼핑몰주문번호', '주문번호(쇼핑몰)'],
    specific: ['order id', 'order no', 'order number', 'order #', 'order_id', 'order name', 'amazon order id', '주문번호', '주문 번호', '주문id',
      'mã đơn hàng', 'no pesanan', 'no. pesanan', '注文番号'],
    // one per order line (SmartStore); a payment's own number (Square, PayPal, Gumroad, Toss): when there is no order number
    // (not `Payment ID`: Shopify's is on an order's first line only, where Name is on every line)
    // (a card list's 승인번호: its 취소 row carries the approval's)
    // a POS's receipt (Lightspeed's `Receipt Number`, 영수증번호: one per sale; Shopify's is its POS orders' only)
    deferred: ['상품주문번호', '사방넷주문번호', '주문번호(사방넷)', 'transaction id', 'purchase id', 'charge id', '거래번호', '결제번호', '승인번호',
      'receipt number', 'receipt no', 'receipt id', '영수증번호'],
    generic: ['id', ...ROW_NUMBERS],
  },
  seller: {
    specific: ['seller id', 'seller', 'vendor id', 'shop id', 'store id', '판매자', '판매자id', '판매자 id', '업체명', '업체id', '판매자명'],
    generic: ['shop', 'store', 'merchant', '상점', '스토어', '업체'],
  },
};

/** Every synonym of a field, strongest tier first. */
export const synonymsOf = (s: Synonyms) => [...(s.preferred ?? []), ...s.specific, ...(s.deferred ?? []), ...s.generic];

/** Header text reduced for matching: `normalizeHeader(' Order_Date (KST) ') === 'orderdatekst'`. */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[\s_\-.()[\]/\ufeff#]/g, '');
}

const withoutParens = (h: string) => h.replace(/[([].*?[)\]]/g, '');

/** How a field's column was found: named with --columns, by a specific synonym, or a generic one. */
export type Found = 'named' | 'specific' | 'generic';
type Ranked = { field: Field; rank: number };
/** Tier ranks: preferred 0, specific 1, deferred 2, generic 3 (lower wins). */
const GENERIC_RANK = 3;
const LOOKUP = new Map<string, Ranked>();
for (const [field, syn] of Object.entries(HEADER_SYNONYMS) as [Field, Synonyms][]) {
  [syn.preferred ?? [], syn.specific, syn.deferred ?? [], syn.generic].forEach((names, rank) => {
    for (const name of names) LOOKUP.set(normalizeHeader(name), { field, rank });
  });
}

/** The field a header names, if any; a unit is ignored as a fallback (`결제금액(원)`, `매출액_천원`). */
export function fieldOfHeader(h: string): { field: Field; tier: 0 | 1 } | undefined {
  const m = rankOf(h);
  return m && { field: m.field, tier: m.rank < GENERIC_RANK ? 0 : 1 };
}

function rankOf(h: string): Ranked | undefined {
  if (h.includes('\n')) return linesRank(h);
  return LOOKUP.get(normalizeHeader(h)) ?? LOOKUP.get(normalizeHeader(withoutParens(h))) ?? LOOKUP.get(normalizeHeader(withoutTrailingUnit(h))) ?? pivotRank(h);
}

/**
 * A header written on several lines of its cell (Excel's Alt+Enter: `주문일시⏎Order Date`, a
 * bilingual export): the strongest of its lines' fields, the first line on a tie; none when its
 * lines name different fields.
 */
function linesRank(h: string): Ranked | undefined {
  let best: Ranked | undefined;
  for (const line of h.split(/\r?\n/)) {
    const m = line.trim() === '' ? undefined : rankOf(line);
    if (m === undefined) continue;
    if (best !== undefined && m.field !== best.field) return undefined;
    if (best === undefined || m.rank < best.rank) best = m;
  }
  return best;
}

// A pivot table's value headers, as Excel names them: `Sum of Amount`, `Count of Order ID`, `합계 : 결제금액`, `개수 : 주문번호`.
const PIVOT = /^\s*(?:(sum|count|distinct count) of\s+|(합계|개수)\s*:\s*)(.+)$/i;
const MONEY: readonly Field[] = ['amount', 'price', 'revenue'];

/** A pivot value header's field: a sum of money is the day's revenue, of orders the orders; a count of anything is orders. */
function pivotRank(h: string): Ranked | undefined {
  const m = PIVOT.exec(h.normalize('NFKC'));
  if (!m) return undefined;
  if (/count/i.test(m[1] ?? '') || m[2] === '개수') return { field: 'orders', rank: 1 };
  const inner = rankOf(m[3]);
  if (inner && MONEY.includes(inner.field)) return { field: 'revenue', rank: 1 };
  return inner?.field === 'orders' ? { field: 'orders', rank: 1 } : undefined;
}

/** A test of a header against a set of names: any line of it (`총결제금액⏎Total Paid`), brackets ignored. */
const namedIn = (names: readonly string[]) => {
  const set = new Set(names.map(normalizeHeader));
  return (h: string) => h.split('\n').some((line) => set.has(normalizeHeader(withoutParens(line))));
};
/** Whether a header names an order's total (see ORDER_TOTALS). */
export const isOrderTotal = namedIn(ORDER_TOTALS);
/** Whether a header names a line's own amount (the amount's preferred names: `Lineitem total`, 상품별 총 주문금액). */
export const isLineAmount = namedIn(HEADER_SYNONYMS.amount.preferred ?? []);
/** Whether a header names a payment date (see PAYMENT_DATES). */
export const isPaymentDate = namedIn(PAYMENT_DATES);
/** A time of day in a column of its own beside the date (PayPal's `Time`, a card list's 승인시간): read with the date (kind.ts). */
export const isTimeOfDay = namedIn(['time', '시간', '시각', '거래시간', '승인시간', '결제시간', '주문시간', '주문시각', '판매시간', '매출시간', '접수시간',
  'transaction time', 'order time', 'sale time']);
/**
 * A POS terminal's number beside a receipt number (OKPOS, 포스뱅크: 포스번호 01/02, each numbering
 * its receipts from 0001): part of the order id (kind.ts, order-rows.ts), so two terminals' receipt
 * 0001 are two orders.
 */
export const isRegister = namedIn(['포스번호', 'pos번호', '포스', 'pos', 'posno', 'pos no', 'pos id', '포스id', '단말기번호', '단말기', '단말기id',
  '계산대', '계산대번호', 'register', 'register id', 'register no', 'terminal', 'terminal id', 'terminal no', 'device name']);
/** A memo column (비고, 메모, `Note`): read only for a cell that is a cancellation word and nothing else (values.ts memoReason). */
export const isMemo = namedIn(['비고', '메모', '적요', '특이사항', 'memo', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments']);
/** Status columns of a claim (a cancellation, return or exchange), not of the order: read beside the order's (kind.ts). */
export const isClaimStatus = namedIn(['클레임상태', '클레임', 'c/s', '취소상태', '반품상태', 'claim status']);
/** Whether a header is usually a row number (see ROW_NUMBERS). */
export const isRowNumber = (h: string) => namedAsRowNumber(h) && !bracketsNameAnId(h);
const namedAsRowNumber = namedIn(ROW_NUMBERS);
/** `No(주문번호)`: a number, but the order's; `No(순번)` is still a row number. */
function bracketsNameAnId(h: string): boolean {
  for (const [, inner] of h.matchAll(/[([](.*?)[)\]]/g)) if (!namedAsRowNumber(inner) && fieldOfHeader(inner)?.field === 'id') return true;
  return false;
}

/** Column index per field, the header each field was read from, and how it was found. */
export interface ColumnMap {
  index: Partial<Record<Field, number>>;
  columns: Partial<Record<Field, string>>;
  found: Partial<Record<Field, Found>>;
}

/**
 * Map a header row to fields. `override` (`--columns`) wins and must name existing headers
 * (matched exactly, then normalised); `exclude` are indexes taken already (the `--by` column).
 */
export function mapHeaders(headers: string[], file: string, override: Partial<Record<Field, string>> = {}, exclude: number[] = [], oneLine = true): ColumnMap {
  const index: Partial<Record<Field, number>> = {};
  const found: Partial<Record<Field, Found>> = {};
  const taken = new Set(exclude);
  for (const [field, name] of Object.entries(override) as [Field, string][]) {
    const i = findHeader(headers, name);
    if (i < 0) fail('UNKNOWN_COLUMN', `${file}: --columns ${field}=${name}: no such column; the headers are ${listHeaders(headers)}`,
      'name a header exactly as it appears in the first line of the file');
    index[field] = i;
    found[field] = 'named';
    taken.add(i);
  }
  const best: Partial<Record<Field, { i: number; rank: number }>> = {};
  const address = headers.some(isAddressPart);
  headers.forEach((h, i) => {
    const m = taken.has(i) || (address && isBareState(h)) ? undefined : rankOf(h);
    if (!m || index[m.field] !== undefined) return;
    const cur = best[m.field];
    if (!cur || m.rank < cur.rank) best[m.field] = { i, rank: m.rank };
  });
  for (const [field, b] of Object.entries(best) as [Field, { i: number; rank: number }][]) {
    index[field] = b.i;
    found[field] = b.rank < GENERIC_RANK ? 'specific' : 'generic';
  }
  // pandas' `to_csv` writes an unnamed index (its dates) first, under the one blank header: `,orders,revenue`
  // (not a header's top line with blanks under merged cells, nor a multi-level header's, `,amount,amount`
  // or `,count,sum` over `date,,`: two measures named, each once, on one line)
  const rest = headers.slice(1).map((h) => h.trim());
  const measures = (['orders', 'revenue', 'amount', 'price', 'quantity'] as const).filter((f) => index[f] !== undefined).length;
  if (oneLine && index.date === undefined && measures >= 2 && headers[0].trim() === '' && !taken.has(0) && rest.every((h) => h !== '') && new Set(rest).size === rest.length) {
    [index.date, found.date] = [0, 'generic'];
  }
  // over a generic id, or a deferred one (Shopify's `Receipt Number`, its POS orders' only)
  const name = found.id === undefined || found.id === 'generic' || best.id?.rank === GENERIC_RANK - 1 ? lineItemOrderName(headers, taken) : -1;
  if (name >= 0) [index.id, found.id] = [name, 'specific'];
  // a card sales summary (여신금융협회, a card company's 일자별 매출): 승인금액 beside 취소금액 is gross, its 합계금액 the net
  const net = index.amount !== undefined && normalizeHeader(headers[index.amount]) === '승인금액' && headers.some((h) => normalizeHeader(h) === '취소금액')
    ? headers.findIndex((h, i) => !taken.has(i) && normalizeHeader(h) === '합계금액') : -1;
  if (net >= 0 && found.amount !== 'named') index.amount = net;
  // an accounting program's sales ledger (더존's 매입매출장): 합계 beside 공급가액 and 부가세 is each line's amount, VAT included
  const has = (name: string) => headers.findIndex((h, i) => !taken.has(i) && normalizeHeader(h) === name);
  if (index.amount === undefined && has('공급가액') >= 0 && has('부가세') >= 0 && has('합계') >= 0) [index.amount, found.amount] = [has('합계'), 'specific'];
  if (found.amount === 'specific' && found.price === 'specific' && isItemPrice(headers[index.amount!]) && isSalePrice(headers[index.price!])) {
    [index.amount, index.price] = [index.price, index.amount];
  }
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, i] of Object.entries(index) as [Field, number][]) columns[field] = headers[i];
  return { index, columns, found };
}

/**
 * The `Name` column of a line-item export (a header names `Lineitem …` / `Line item …` columns),
 * or -1. There — Shopify's orders_export — `Name` is the order's name (`#1001`) on every line,
 * while `Id` is filled on the order's first line only, so `Name` is the order id over a generic
 * one. Anywhere else `Name` is a customer's or product's (PayPal's payer) and never an id.
 */
function lineItemOrderName(headers: string[], taken: Set<number>): number {
  if (!headers.some((h) => normalizeHeader(h).startsWith('lineitem'))) return -1;
  return headers.findIndex((h, i) => !taken.has(i) && normalizeHeader(h) === 'name');
}

/**
 * Gumroad's sales export: its `Sale Price ($)` is what the buyer paid (for all the units, with
 * the variant's price), its `Item Price ($)` the product's unit price. A `Sale Price` beside an
 * `Item Price` is the amount, then, and the item price the price. (Alone, a sale price is a
 * discounted unit price, and an item price Amazon's line amount: see the table.)
 */
const isItemPrice = namedIn(['item price']);
const isSalePrice = namedIn(['sale price']);

/**
 * A `State` beside address columns (`City`, `Zip Code`, `Street Address`: Gumroad's buyer address)
 * is a state of the address, not the order's status. (A `Country` alone says nothing: a marketplace's.)
 */
const isBareState = namedIn(['state']);
const isAddressPart = namedIn(['city', 'zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'street address', 'street', 'address']);

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
  return fields.map((f) => `${f}: ${synonymsOf(HEADER_SYNONYMS[f]).join(', ')}`).join('; ');
}
