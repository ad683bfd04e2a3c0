// What kind of file this is, decided once from the mapped header (so rows never need storing).
import type { Field, InputKind } from '../core/types.js';
import { fail } from '../errors.js';
import { listHeaders, synonymsHint, type ColumnMap } from './headers.js';

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
  id: number;
  /** daily aggregates */
  orders: number;
  revenue: number;
  /** The header each used field is read from (recorded in `info.columns`). */
  columns: Partial<Record<Field, string>>;
}

const ORDER_LEVEL: Field[] = ['id', 'quantity', 'status', 'price'];

/**
 * The kind rule, in one place:
 * - any order-level column (id, quantity, status, price) → order-level export;
 * - else an orders or revenue column → daily aggregate (one row per date; a duplicate date is an error);
 * - else date + amount → order-level, one order per row.
 * A money column plays the role the kind gives it: `amount` is the day's revenue in an aggregate
 * (매출액 next to 주문수), and `revenue` is the line total in an order list.
 */
export function planLayout(headers: string[], map: ColumnMap, file: string): Layout {
  const ix = (f: Field) => map.index[f] ?? -1;
  if (ix('date') < 0) {
    fail('NO_DATE_COLUMN', `${file}: no date column among the headers ${listHeaders(headers)}`,
      `name it with --columns date=<header>; recognised names: ${synonymsHint(['date'])}`);
  }
  const layout: Layout = {
    kind: 'orders', kindReason: '', date: ix('date'), amount: -1, price: -1, quantity: -1, status: -1, id: -1, orders: -1, revenue: -1, columns: {},
  };
  const named = (fs: Field[]) => fs.filter((f) => ix(f) >= 0).map((f) => `${map.columns[f]} → ${f}`).join(', ');
  const orderLevel = ORDER_LEVEL.filter((f) => ix(f) >= 0);
  if (orderLevel.length === 0 && (ix('orders') >= 0 || ix('revenue') >= 0)) {
    layout.kind = 'daily';
    layout.orders = ix('orders');
    layout.revenue = ix('revenue') >= 0 ? ix('revenue') : ix('amount');
    layout.kindReason = `orders/revenue columns (${named(['orders', 'revenue'])}) and no order id, quantity, status or price column → daily aggregate, one row per date`;
  } else {
    layout.amount = ix('amount') >= 0 ? ix('amount') : ix('revenue');
    layout.price = layout.amount < 0 ? ix('price') : -1;
    layout.quantity = layout.price >= 0 ? ix('quantity') : -1;
    layout.status = ix('status');
    layout.id = ix('id');
    if (layout.amount < 0 && layout.price < 0) {
      fail('NO_AMOUNT_COLUMN', `${file}: no amount, price, orders or revenue column among the headers ${listHeaders(headers)}`,
        `name one with --columns amount=<header>; recognised names: ${synonymsHint(['amount', 'price', 'orders', 'revenue'])}`);
    }
    layout.kindReason = orderLevel.length
      ? `order-level columns (${named(orderLevel)}) → order-level export, each row an order or order line`
      : `a date and an amount column only → order-level export, each row one order`;
  }
  const use: [Field, number][] = [['date', layout.date], ['amount', layout.amount], ['price', layout.price], ['quantity', layout.quantity],
    ['status', layout.status], ['id', layout.id], ['orders', layout.orders], ['revenue', layout.revenue]];
  for (const [f, i] of use) if (i >= 0) layout.columns[f] = headers[i];
  if (ix('seller') >= 0) layout.columns.seller = headers[ix('seller')];
  return layout;
}
