// What kind of file this is, decided once from the mapped header (so rows never need storing).
import type { Field, InputKind } from '../core/types.js';
import { fail } from '../errors.js';
import { fieldOfHeader, isClaimStatus, isMemo, isRegister, isTimeOfDay, isLineAmount, isOrderTotal, isPaymentDate, isRowNumber, listHeaders, normalizeHeader, synonymsHint, type ColumnMap } from './headers.js';

/** Column indexes the row reader uses (-1 = absent), the kind, and why. */
export interface Layout {
  kind: InputKind;
  kindReason: string;
  date: number;
  /** orders: the line total; else price × quantity (quantity defaults to 1). */
  amount: number;
  price: number;
  quantity: number;
  status: number;
  /**
   * A second status column, read beside the first when one of them is a claim column (클레임상태,
   * C/S, 취소상태: cancellations and returns) and the other the order's (주문상태: 결제대기…). -1 else.
   */
  status2: number;
  /** A memo column (비고) of a file without a status or type column: a cell that is a cancellation word alone marks the row (values.ts memoReason); -1 else. */
  memo: number;
  /** A time of day in a column of its own (`Time`, 승인시간), read with the date when the date cell has none; -1 else. */
  time: number;
  /** A POS terminal's number beside the order id (포스번호): the id is the terminal's and the receipt's together; -1 else. */
  register: number;
  /** A cancellation date or flag: a filled cell (not `N`, `0`, `-`…) means the order was cancelled. */
  cancelled: number;
  /** A refund date or flag, the same way. */
  refunded: number;
  /** A ledger's transaction type: a currency conversion, a withdrawal or a fee is no order. */
  type: number;
  /** The type column is named as a ledger's (`Type`, 거래구분), not a generic 구분: its money-moved words count (classifyType). */
  typeLedger: boolean;
  id: number;
  /** The date is when the order was paid (`paid_at`, 결제일시): a row without one is an unpaid order. */
  paymentDate: boolean;
  /** The currency of each row's amounts (either kind). */
  currency: number;
  /** daily aggregates */
  orders: number;
  revenue: number;
  /** The amount is an order's total, repeated on its further lines: counted once per order id. */
  orderTotal: boolean;
  /**
   * A generic amount beside an order id, which may be the order's total repeated on each line
   * (LineRepeats decides from the rows); the line's price and quantity columns, -1 when absent.
   */
  repeat: { price: number; quantity: number } | null;
  /** The header each used field is read from (recorded in `info.columns`). */
  columns: Partial<Record<Field, string>>;
}

/** A layout of `kind` with its date column and no other (the kind's reason and the columns still to fill in). */
export function emptyLayout(kind: InputKind, date: number): Layout {
  return {
    kind, kindReason: '', date, amount: -1, price: -1, quantity: -1, status: -1, status2: -1, memo: -1, time: -1, register: -1, cancelled: -1, refunded: -1, type: -1, typeLedger: false, id: -1, paymentDate: false,
    currency: -1, orders: -1, revenue: -1, orderTotal: false, repeat: null, columns: {},
  };
}

/**
 * The other status column read beside `status` when one of the two is a claim column (see
 * Layout.status2): the claim column, or beside it the best other status column not mapped to another field. -1 when none.
 */
function besideClaim(headers: string[], status: number, map: ColumnMap): number {
  if (status < 0) return -1;
  const used = new Set(Object.values(map.index));
  const free = (i: number) => i !== status && !used.has(i);
  if (!isClaimStatus(headers[status])) return headers.findIndex((h, i) => free(i) && isClaimStatus(h));
  const other = (tier: 0 | 1) => headers.findIndex((h, i) => free(i) && !isClaimStatus(h) && fieldOfHeader(h)?.field === 'status' && fieldOfHeader(h)?.tier === tier);
  const specific = other(0);
  return specific >= 0 ? specific : other(1);
}

/** The column money is read from: a daily file's revenue, an order list's amount, else its price (-1: none). */
export const moneyColumn = (L: Layout) => (L.kind === 'daily' ? L.revenue : L.amount >= 0 ? L.amount : L.price);

const ORDER_LEVEL: Field[] = ['id', 'quantity', 'status', 'price', 'cancelled', 'refunded'];
/** Date headers that name a period (a settlement month, a week): its rows are totals, not orders. */
const PERIOD_HEADERS = new Set(['week', 'month', 'period', '주', '월', '연월', '년월', '기간', '정산월', '정산기간'].map(normalizeHeader));

/**
 * The kind rule, in one place. A table of daily (or weekly, monthly) totals when:
 * - `--columns` names an orders or revenue column; or
 * - an orders or revenue column, and no order-level column (id, quantity, status, price,
 *   cancellation date) —
 *   a row number (`No`, 번호, 순번) is never an id (unless named), and a specific orders count
 *   (주문수) outweighs a quantity, price or generic status column (a report's 판매수량 or 상태
 *   next to 주문수); or
 * - a date column named as a period (정산월, month, week) and none of the order-level columns.
 * Otherwise an order-level export: each row an order or order line (one order per row
 * without an id). A money column plays the role the kind gives it: `amount` is the day's revenue
 * in an aggregate (매출액 next to 주문수), `revenue` is the line total in an order list.
 */
export function planLayout(headers: string[], map: ColumnMap, file: string): Layout {
  const ix = (f: Field) => map.index[f] ?? -1;
  if (ix('date') < 0) {
    fail('NO_DATE_COLUMN', `${file}: no date column among the headers ${listHeaders(headers)}`,
      `name it with --columns date=<header>; recognised names: ${synonymsHint(['date'])}`);
  }
  const layout = emptyLayout('orders', ix('date'));
  layout.currency = ix('currency');
  const named = (fs: Field[]) => fs.filter((f) => ix(f) >= 0).map((f) => `${map.columns[f]} → ${f}`).join(', ');
  const totals = ix('orders') >= 0 || ix('revenue') >= 0;
  const periodDate = PERIOD_HEADERS.has(normalizeHeader(map.columns.date ?? ''));
  // a row number restarts on every page or day (a POS's 순번): as an order id it would merge a day's orders into a few
  const rowNumber = map.found.id === 'generic' && isRowNumber(map.columns.id ?? '');
  const orderLevel = ORDER_LEVEL.filter((f) => ix(f) >= 0 && !(f === 'id' && rowNumber));
  // a generic status (상태) beside a specific orders count (결제건수) is a report's, not an order's
  const strong = orderLevel.filter((f) => f === 'id' || (f === 'status' && map.found.status !== 'generic'));
  const reason =
    map.found.orders === 'named' || map.found.revenue === 'named' ? `--columns names ${named(['orders', 'revenue'])}`
    : totals && orderLevel.length === 0 ? `orders/revenue columns (${named(['orders', 'revenue'])}) and no order id, quantity, status or price column`
    : map.found.orders === 'specific' && strong.length === 0 ? `an orders count (${named(['orders'])}) next to ${named(orderLevel)}`
    : periodDate && orderLevel.length === 0 && ix('amount') >= 0 ? `a period date column (${map.columns.date}) and no order-level column`
    : null;
  if (reason !== null) {
    layout.kind = 'daily';
    layout.orders = ix('orders');
    layout.revenue = ix('revenue') >= 0 ? ix('revenue') : ix('amount');
    layout.kindReason = `${reason} → daily aggregate, one row per date`;
  } else {
    layout.amount = ix('amount') >= 0 ? ix('amount') : ix('revenue');
    layout.price = layout.amount < 0 ? ix('price') : -1;
    layout.quantity = layout.price >= 0 ? ix('quantity') : -1;
    layout.status = ix('status');
    layout.status2 = besideClaim(headers, layout.status, map);
    const used = new Set(Object.values(map.index));
    layout.time = headers.findIndex((h, i) => !used.has(i) && isTimeOfDay(h));
    layout.cancelled = ix('cancelled');
    layout.refunded = ix('refunded');
    layout.type = ix('type');
    // only without a status or type column: beside one, a memo is a buyer's note (Shopify's `Notes`), the status says what happened
    layout.memo = layout.status < 0 && layout.type < 0 ? headers.findIndex((h, i) => !used.has(i) && isMemo(h)) : -1;
    layout.typeLedger = map.found.type !== 'generic';
    layout.paymentDate = isPaymentDate(headers[layout.date]);
    layout.id = rowNumber ? -1 : ix('id');
    layout.register = layout.id >= 0 ? headers.findIndex((h, i) => !used.has(i) && isRegister(h)) : -1;
    layout.orderTotal = layout.id >= 0 && layout.amount >= 0 && isOrderTotal(headers[layout.amount]);
    if (layout.id >= 0 && layout.amount >= 0 && !layout.orderTotal && !isLineAmount(headers[layout.amount])) {
      layout.repeat = { price: ix('price'), quantity: ix('quantity') };
    }
    if (layout.amount < 0 && layout.price < 0) {
      fail('NO_AMOUNT_COLUMN', `${file}: no amount, price, orders or revenue column among the headers ${listHeaders(headers)}`,
        `name one with --columns amount=<header>; recognised names: ${synonymsHint(['amount', 'price', 'orders', 'revenue'])}`);
    }
    layout.kindReason = orderLevel.length
      ? `order-level columns (${named(orderLevel)}) → order-level export, each row an order or order line`
      : `a date and an amount column only → order-level export, each row one order`;
    if (layout.orderTotal) layout.kindReason += `; ${headers[layout.amount]} is the order's total, counted once per ${headers[layout.id]}`;
    if (layout.time >= 0) layout.kindReason += `; the time of day from ${headers[layout.time]}`;
    if (layout.memo >= 0) layout.kindReason += `; ${headers[layout.memo]} read for a cancellation, return or refund word alone (취소, 반품, 환불)`;
    if (layout.status2 >= 0) layout.kindReason += `; ${headers[layout.status2]} is read beside ${headers[layout.status]}, a row not a sale by either is none`;
  }
  const use: [Field, number][] = [['date', layout.date], ['amount', layout.amount], ['price', layout.price], ['quantity', layout.quantity],
    ['status', layout.status], ['cancelled', layout.cancelled], ['refunded', layout.refunded], ['type', layout.type], ['id', layout.id], ['orders', layout.orders], ['revenue', layout.revenue], ['currency', layout.currency]];
  for (const [f, i] of use) if (i >= 0) layout.columns[f] = headers[i];
  if (ix('seller') >= 0) layout.columns.seller = headers[ix('seller')];
  return layout;
}
