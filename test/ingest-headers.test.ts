// Header mapping, the kind rule, delimiter and encoding detection: pure functions on small inputs.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LossCalcError } from '../src/errors.js';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvOptions, detectDelimiter, tsvQuotes } from '../src/ingest/dialect.js';
import { completeUtf8Prefix, detectEncoding } from '../src/ingest/encoding.js';
import { HEADER_SYNONYMS, fieldOfHeader, mapHeaders, normalizeHeader, synonymsOf } from '../src/ingest/headers.js';
import { planLayout } from '../src/ingest/kind.js';
import { SHOPIFY_HEADER } from './ingest-helpers.js';

const columnsOf = (headers: string[], override = {}) => mapHeaders(headers, 'f.csv', override).columns;
const layoutOf = (headers: string[], override = {}) => planLayout(headers, mapHeaders(headers, 'f.csv', override), 'f.csv');
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as LossCalcError).code;
  }
  return 'no error';
};

describe('header synonyms', () => {
  it('name each normalised header for one field only', () => {
    const seen = new Map<string, string>();
    for (const [field, tiers] of Object.entries(HEADER_SYNONYMS)) {
      for (const s of synonymsOf(tiers)) {
        const n = normalizeHeader(s);
        expect(seen.get(n) ?? field, `${s} is in ${seen.get(n)} and ${field}`).toBe(field);
        seen.set(n, field);
      }
    }
  });

  it('normalise case, spaces, punctuation and a BOM', () => {
    expect(normalizeHeader('\ufeff Order_Date ')).toBe('orderdate');
    expect(normalizeHeader('Order-Date (KST)')).toBe('orderdatekst');
    expect(fieldOfHeader('ORDER DATE')?.field).toBe('date');
    expect(fieldOfHeader('결제금액(원)')?.field).toBe('amount'); // unit in brackets ignored as a fallback
    expect(fieldOfHeader('주문 수')?.field).toBe('orders');
    expect(fieldOfHeader('판매자 ID')?.field).toBe('seller');
    expect(fieldOfHeader('상품명')).toBeUndefined();
  });

  it('map a Korean order export', () => {
    expect(columnsOf(['주문번호', '주문일시', '상품명', '옵션', '수량', '판매가', '결제금액', '주문상태'])).toEqual({
      id: '주문번호', date: '주문일시', quantity: '수량', price: '판매가', amount: '결제금액', status: '주문상태',
    });
  });

  it('map an English order export', () => {
    expect(columnsOf(['Order ID', 'Created At', 'Product', 'Quantity', 'Unit Price', 'Total', 'Financial Status'])).toEqual({
      id: 'Order ID', date: 'Created At', quantity: 'Quantity', price: 'Unit Price', amount: 'Total', status: 'Financial Status',
    });
  });

  it('prefer a field-specific name over a generic one, else the leftmost column', () => {
    expect(columnsOf(['날짜', '금액', '결제금액', '결제일']).amount).toBe('결제금액');
    expect(columnsOf(['날짜', '금액', '결제금액', '결제일']).date).toBe('결제일');
    expect(columnsOf(['id', 'order id', 'date', 'amount']).id).toBe('order id');
    expect(columnsOf(['주문일시', '결제일시', '결제금액']).date).toBe('주문일시');
  });

  it('prefer the order\'s own date, number and line amount over the payment date, the line number and the order total', () => {
    // SmartStore: 상품주문번호 (one per line) left of 주문번호, 결제일 left of 주문일시
    expect(columnsOf(['상품주문번호', '주문번호', '결제일', '주문일시', '결제금액'])).toMatchObject({ id: '주문번호', date: '주문일시' });
    // Shopify: Paid at (blank on unpaid orders) left of Created at
    expect(columnsOf(['Name', 'Paid at', 'Total', 'Created at']).date).toBe('Created at');
    // Cafe24: the order's total repeated on each line, left of the line's own amount
    expect(columnsOf(['주문번호', '주문일시', '총 결제금액(KRW)', '상품구매금액(KRW)']).amount).toBe('상품구매금액(KRW)');
    // Amazon: item-price is the line's amount ("aggregate of the quantity, not unit price"), never × quantity
    expect(columnsOf(['amazon-order-id', 'purchase-date', 'quantity', 'item-price'])).toEqual({ id: 'amazon-order-id', date: 'purchase-date', quantity: 'quantity', amount: 'item-price' });
    expect(layoutOf(['amazon-order-id', 'purchase-date', 'quantity-purchased', 'item-price'])).toMatchObject({ amount: 3, price: -1, quantity: -1 });
    // an export whose Item Price is a unit price says so with --columns: price × quantity again
    expect(layoutOf(['Order ID', 'Date', 'Quantity', 'Item Price'], { price: 'Item Price' })).toMatchObject({ amount: -1, price: 3, quantity: 2 });
    // equally specific names: the leftmost (11번가: 주문금액 left of 결제금액)
    expect(columnsOf(['주문번호', '주문일시', '주문금액', '판매자할인', '결제금액']).amount).toBe('주문금액');
    expect(columnsOf(['날짜', '총매출', '취소금액', '실매출']).revenue).toBe('실매출');
    expect(columnsOf(['날짜', '총매출액', '순매출액']).revenue).toBe('순매출액');
    // a gross 총매출액 beside 매출액 after refunds is not taken over it
    expect(layoutOf(['일자', '주문수', '총매출액', '환불액', '매출액'])).toMatchObject({ kind: 'daily', revenue: 4 });
  });

  it('take Name as the order id of a line-item export (Shopify), and nowhere else', () => {
    // Shopify: Name (#1001) is on every line of an order, Id on its first line only
    expect(columnsOf(SHOPIFY_HEADER)).toEqual({
      id: 'Name', date: 'Created at', amount: 'Total', status: 'Financial Status', quantity: 'Lineitem quantity', price: 'Lineitem price',
      cancelled: 'Cancelled at', currency: 'Currency',
    });
    expect(columnsOf(['Id', 'Name', 'Line item name', 'Created at', 'Total']).id).toBe('Name');
    expect(columnsOf(['Order ID', 'Name', 'Lineitem name', 'Created at', 'Total']).id).toBe('Order ID'); // a specific id wins
    expect(columnsOf(SHOPIFY_HEADER, { id: 'Id' }).id).toBe('Id'); // so does --columns
    // a payer's or product's name elsewhere (PayPal's activity export) is never an id
    expect(columnsOf(['Date', 'Name', 'Status', 'Currency', 'Gross']).id).toBeUndefined();
    expect(columnsOf(['Date', 'Id', 'Name', 'Amount']).id).toBe('Id');
    expect(columnsOf(['Order Name', 'Date', 'Amount']).id).toBe('Order Name');
  });

  it('map the order exports of the platforms sellers download from', () => {
    // each header as the platform's export writes it (a subset of its columns, in its order)
    const smartStore = ['상품주문번호', '주문번호', '주문상태', '결제일', '상품명', '수량', '상품가격', '상품별 할인액', '최종 상품별 총 주문금액', '주문일시'];
    expect(columnsOf(smartStore)).toEqual({ id: '주문번호', status: '주문상태', date: '주문일시', quantity: '수량', price: '상품가격', amount: '최종 상품별 총 주문금액' });
    const coupangWing = ['번호', '묶음배송번호', '주문번호', '출고일(발송일)', '주문일', '등록상품명', '결제액', '배송비', '구매수(수량)', '옵션판매가(판매단가)', '주문상태'];
    expect(columnsOf(coupangWing)).toEqual({ id: '주문번호', date: '주문일', amount: '결제액', quantity: '구매수(수량)', status: '주문상태' });
    const toss = ['거래일시', '주문번호', '결제수단', '상태', '거래금액', '취소금액'];
    expect(columnsOf(toss)).toEqual({ date: '거래일시', id: '주문번호', status: '상태', amount: '거래금액' });
    const stripe = ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'];
    expect(columnsOf(stripe)).toEqual({ id: 'id', date: 'Created (UTC)', amount: 'Amount', currency: 'Currency', status: 'Status' });
    const shopee = ['Order ID', 'Order Status', 'Order Creation Date', 'Order Paid Time', 'Deal Price', 'Quantity', 'Product Subtotal', 'Grand Total'];
    expect(columnsOf(shopee)).toMatchObject({ id: 'Order ID', date: 'Order Creation Date', amount: 'Product Subtotal' });
    expect(columnsOf(['Order ID', 'Order Creation Date', 'Grand Total']).amount).toBe('Grand Total'); // the order's total, once per order
    expect(layoutOf(['Order ID', 'Order Creation Date', 'Grand Total']).orderTotal).toBe(true);
    const woo = ['Order ID', 'Order Status', 'Order Date', 'Order Total Amount', 'Item Name', 'Quantity'];
    expect(layoutOf(woo)).toMatchObject({ kind: 'orders', amount: 3, orderTotal: true });
    expect(columnsOf(['Order number', 'Date created', 'Qty', 'Price', 'Total', 'Payment status']).date).toBe('Date created'); // Wix
    expect(columnsOf(['Order Number', 'Created at', 'Unit Price', 'Paid Price', 'Status']).amount).toBe('Paid Price'); // Lazada
    // a payment's own number is the id only without an order number
    const square = ['Date', 'Time', 'Gross Sales', 'Net Sales', 'Transaction ID', 'Payment ID'];
    expect(layoutOf(square)).toMatchObject({ kind: 'orders', id: 4, amount: 3 });
    expect(columnsOf(['Transaction ID', 'Order ID', 'Created', 'Gross']).id).toBe('Order ID');
    // PayPal's activity export: Gross is the amount, the transaction id the id; Name (the payer) is not
    expect(columnsOf(['Date', 'Time', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID'])).toEqual({
      date: 'Date', status: 'Status', type: 'Type', currency: 'Currency', amount: 'Gross', id: 'Transaction ID',
    });
  });

  it('map Korean POS daily reports, card approval lists and Coupang\'s 매출내역 by the sale\'s own date', () => {
    // OKPOS-style 일자별 매출현황: 영업일자 (the business day), 영수건수 (receipts) the orders, 실매출액 the revenue
    const okpos = ['영업일자', '요일', '총매출액', '총할인액', '실매출액', '가액', '부가세', '영수건수', '객수', '객단가', '현금', '카드'];
    expect(layoutOf(okpos)).toMatchObject({ kind: 'daily', date: 0, orders: 7, revenue: 4 });
    expect(layoutOf(['매출일자', '매출건수', '총매출', '할인', '순매출'])).toMatchObject({ kind: 'daily', date: 0, orders: 1, revenue: 4 });
    // a card company's / VAN's 승인내역: 승인일자, 승인금액; its 취소 rows carry the approval's 승인번호 (the id), not the row's No
    const card = ['No', '승인일자', '승인시간', '카드사', '카드번호', '승인번호', '할부', '승인금액', '구분'];
    expect(columnsOf(card)).toEqual({ id: '승인번호', date: '승인일자', amount: '승인금액', type: '구분' });
    // TMON's partner export: 구매금액 is what the buyer paid
    expect(columnsOf(['주문번호', '구매일시', '딜명', '구매수량', '구매금액', '주문상태'])).toMatchObject({ id: '주문번호', amount: '구매금액', status: '주문상태' });
    expect(layoutOf(card)).toMatchObject({ kind: 'orders', id: 5, paymentDate: true });
    expect(columnsOf(['주문번호', '승인번호', '주문일시', '승인일시', '결제금액'])).toMatchObject({ id: '주문번호', date: '주문일시' });
    // Coupang Wing 매출내역: 매출인식일 (the sale) over 정산일 (its payout, weeks later), on either side
    const coupang = ['주문번호', '옵션ID', '상품명', '매출인식일', '정산일', '판매유형', '판매가', '수량', '매출금액', '판매수수료', '정산금액'];
    expect(columnsOf(coupang)).toEqual({ id: '주문번호', date: '매출인식일', price: '판매가', quantity: '수량', revenue: '매출금액' });
    expect(columnsOf(['주문번호', '정산일', '매출인식일', '매출금액']).date).toBe('매출인식일');
    // TMON's 정산내역: 정산기준일, a settlement date like 정산일
    expect(columnsOf(['정산기준일', '주문번호', '딜번호', '수량', '판매금액', '수수료', '정산금액', '구분'])).toEqual({
      date: '정산기준일', id: '주문번호', quantity: '수량', amount: '판매금액', type: '구분',
    });
  });

  it('read more Korean date headers, in their tiers: an order\'s or sale\'s own date over a payment date over a settlement date', () => {
    const tier = (h: string) => mapHeaders([h], 'f.csv').found.date;
    for (const h of ['주문날짜', '구매일자']) expect([h, fieldOfHeader(h)?.field, columnsOf(['결제일시', '판매일시', h]).date]).toEqual([h, 'date', h]); // preferred
    for (const h of ['판매일시', '매출일', '매출일자', '매출일시', '영업일', '영업일자', '매출인식일', '주문시간', '주문시각', '접수일', '접수일시']) {
      expect([h, tier(h), columnsOf(['결제완료일', h]).date, columnsOf([h, '주문일시']).date]).toEqual([h, 'specific', h, '주문일시']);
    }
    for (const h of ['결제완료일', '결제완료일시', '입금확인일', '입금확인일시', '승인일자', '승인일시']) {
      expect([h, tier(h), columnsOf(['정산일', h]).date, columnsOf([h, '판매일자']).date]).toEqual([h, 'specific', h, '판매일자']); // deferred
      expect(layoutOf(['주문번호', h, '결제금액']).paymentDate).toBe(true); // a blank one: not paid yet
    }
    for (const h of ['정산기준일', '등록일', '등록일시']) expect([h, tier(h), columnsOf([h, '입금확인일']).date]).toEqual([h, 'generic', '입금확인일']);
    expect(columnsOf(['주문번호', '등록일시', '상품명', '결제금액']).date).toBe('등록일시');
    expect(columnsOf(['접수일시', '주문번호', '주문유형', '결제금액', '처리상태'])).toMatchObject({ date: '접수일시', amount: '결제금액' }); // a delivery app's
  });

  it('read more Korean amount, price and orders-count headers, keeping a line\'s amount over the order\'s total', () => {
    expect(columnsOf(['주문번호', '주문일시', '실판매금액'])).toMatchObject({ amount: '실판매금액' });
    expect(columnsOf(['주문번호', '주문일시', '판매가격', '수량'])).toMatchObject({ price: '판매가격', quantity: '수량' });
    expect(layoutOf(['주문번호', '주문일시', '판매가격', '수량'])).toMatchObject({ amount: -1, price: 2, quantity: 3 });
    // an order's total, counted once per order: 결제총액, 주문합계
    for (const h of ['결제총액', '주문합계', '주문합계금액']) {
      expect(layoutOf(['주문번호', '주문일시', '상품명', h])).toMatchObject({ amount: 3, orderTotal: true });
      expect(columnsOf(['주문번호', '주문일시', h, '상품주문금액']).amount).toBe('상품주문금액'); // a line's amount wins
    }
    // 상품금액 and 총금액: read when no other amount is named; a payment amount or an order total wins
    expect(columnsOf(['주문번호', '주문일시', '상품명', '수량', '상품금액'])).toMatchObject({ amount: '상품금액' });
    expect(layoutOf(['품목', '판매일자', '단가', '수량', '총금액'])).toMatchObject({ amount: 4, price: -1 });
    expect(columnsOf(['주문번호', '주문일시', '상품명', '수량', '상품금액', '결제금액', '주문 상태']).amount).toBe('결제금액'); // Toss shopping
    const godo = ['주문번호', '주문일시', '주문상태', '상품명', '수량', '상품금액', '배송비', '총 결제금액'];
    expect(layoutOf(godo)).toMatchObject({ amount: 7, orderTotal: true }); // 고도몰: the order's total (with shipping), once per order
    expect(fieldOfHeader('결제 상품금액')?.field).toBe('amount'); // a two-line header's joined name
    // 판매총액 (total sales) is revenue: a daily report's, or an order list's amount when there is no other
    expect(layoutOf(['일자', '판매건수', '판매총액'])).toMatchObject({ kind: 'daily', orders: 1, revenue: 2 });
    expect(layoutOf(['주문번호', '주문일자', '판매총액'])).toMatchObject({ kind: 'orders', amount: 2 });
    for (const h of ['영수건수', '영수증건수', '매출건수', '결제건수', '판매건수', '주문건수']) {
      expect([h, mapHeaders(['일자', h, '매출액'], 'f.csv').found.orders]).toEqual([h, 'specific']);
      expect(layoutOf(['일자', h, '상태', '매출액'])).toMatchObject({ kind: 'daily', orders: 1, revenue: 3 });
    }
  });

  it('take the marketplace\'s order number of an order-management tool\'s export (사방넷), in either header shape', () => {
    // 사방넷's own number is one per line; 쇼핑몰주문번호 one per order
    const a = ['사방넷주문번호', '쇼핑몰명', '쇼핑몰주문번호', '주문일자', '수집일자', '상품명(확정)', '옵션(확정)', '수량', '판매가', '결제금액', '주문상태'];
    expect(columnsOf(a)).toEqual({ id: '쇼핑몰주문번호', date: '주문일자', quantity: '수량', price: '판매가', amount: '결제금액', status: '주문상태' });
    const b = ['주문번호(사방넷)', '쇼핑몰명', '주문번호(쇼핑몰)', '주문일자', '수집일자', '상품명(확정)', '옵션(확정)', '수량', '판매가', '결제금액', '주문상태'];
    expect(columnsOf(b)).toEqual({ id: '주문번호(쇼핑몰)', date: '주문일자', quantity: '수량', price: '판매가', amount: '결제금액', status: '주문상태' });
    expect(layoutOf(b)).toMatchObject({ kind: 'orders', id: 2 });
    // the marketplace's number over a bare 주문번호 too; 사방넷's alone is still an id
    expect(columnsOf(['주문번호', '쇼핑몰주문번호', '주문일자', '결제금액']).id).toBe('쇼핑몰주문번호');
    expect(columnsOf(['주문번호(사방넷)', '주문일자', '결제금액']).id).toBe('주문번호(사방넷)');
    expect(columnsOf(['사방넷주문번호', '주문일자', '결제금액']).id).toBe('사방넷주문번호');
    // other brackets after 주문번호 still name 주문번호 (and a row number's own brackets its order number)
    expect(columnsOf(['주문번호(KST)', '주문일자', '결제금액']).id).toBe('주문번호(KST)');
    expect(layoutOf(['No(주문번호)', '주문일시', '결제금액'])).toMatchObject({ kind: 'orders', id: 0 });
  });

  it('read claim and progress status columns; a claim column over the order status', () => {
    for (const h of ['클레임상태', '진행상태', '주문진행상태', '상품주문상태', '상품 주문 상태', '취소상태', '판매상태', 'C/S']) {
      expect([h, columnsOf(['주문번호', '주문일시', '결제금액', '상태', h]).status]).toEqual([h, h]);
      expect(layoutOf(['일자', '주문수', '매출액', h]).kind).toBe('orders'); // an order's status, not a report's
    }
    // SmartStore: 클레임상태 (취소완료, 반품완료; blank for none) tells the cancellations and returns, wherever it stands
    const smartStore = ['상품주문번호', '주문번호', '주문상태', '클레임상태', '결제일', '상품명', '수량', '최종 상품별 총 주문금액', '주문일시'];
    expect(columnsOf(smartStore)).toMatchObject({ id: '주문번호', status: '클레임상태', date: '주문일시' });
    expect(columnsOf(['주문번호', '클레임상태', '주문상태', '결제금액', '주문일시']).status).toBe('클레임상태');
    // 취소상태 says cancellations only: an order status beside it wins
    expect(columnsOf(['주문번호', '취소상태', '주문상태', '결제금액', '주문일시']).status).toBe('주문상태');
    // 이지어드민: C/S (정상, 배송전 전체취소) over its generic 상태 (접수, 배송)
    const ezadmin = ['관리번호', '주문번호', '판매처', '주문일', '발주일', '상품명', '옵션', '수량', '판매가', '상태', 'C/S', '송장번호', '배송일'];
    expect(columnsOf(ezadmin)).toEqual({ id: '주문번호', date: '주문일', quantity: '수량', price: '판매가', status: 'C/S' });
    // ZigZag
    const zigzag = ['주문 번호', '상품 주문 번호', '주문 일시', '상품명', '수량', '상품 가격', '결제 금액', '상품 주문 상태'];
    expect(columnsOf(zigzag)).toMatchObject({ id: '주문 번호', date: '주문 일시', amount: '결제 금액', status: '상품 주문 상태' });
  });

  it('map Amazon\'s Date Range report by its gross product sales, and a Hive table\'s order_ts', () => {
    const dateRange = ['date/time', 'settlement id', 'type', 'order id', 'sku', 'description', 'quantity', 'marketplace', 'account type', 'fulfillment',
      'order city', 'order state', 'order postal', 'tax collection model', 'product sales', 'product sales tax', 'shipping credits', 'shipping credits tax',
      'gift wrap credits', 'giftwrap credits tax', 'Regulatory Fee', 'Tax On Regulatory Fee', 'promotional rebates', 'promotional rebates tax',
      'marketplace withheld tax', 'selling fees', 'fba fees', 'other transaction fees', 'other', 'total'];
    expect(columnsOf(dateRange)).toEqual({ date: 'date/time', type: 'type', id: 'order id', quantity: 'quantity', amount: 'product sales' }); // not `total`, net of fees
    expect(layoutOf(dateRange)).toMatchObject({ kind: 'orders', amount: 14, id: 3, type: 2, typeLedger: true });
    // Amazon's All Orders report as before: item-price the line's amount
    const allOrders = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel',
      'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax',
      'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state',
      'ship-postal-code', 'ship-country', 'promotion-ids'];
    expect(columnsOf(allOrders)).toEqual({ id: 'amazon-order-id', date: 'purchase-date', status: 'order-status', quantity: 'quantity', currency: 'currency', amount: 'item-price' });
    // Hive / Spark dumps
    expect(columnsOf(['order_id', 'seller_id', 'order_ts', 'order_status', 'amount', 'cancelled_at'])).toEqual({
      id: 'order_id', seller: 'seller_id', date: 'order_ts', status: 'order_status', amount: 'amount', cancelled: 'cancelled_at',
    });
    for (const h of ['created_ts', 'order_timestamp', 'order_datetime']) expect(columnsOf(['id', 'updated_at', 'event_date', h, 'amount']).date).toBe(h);
  });

  it('map Lightspeed Retail X-Series\' sales export: Receipt Number the order, Line Type the type (its Sale Line rows detail the Sale)', () => {
    const lightspeed = ['Date', 'Receipt Number', 'Line Type', 'Customer Code', 'Customer Name', 'Note', 'Quantity', 'Subtotal', 'Sales Tax', 'Discount',
      'Loyalty', 'Total', 'Paid', 'Details', 'Register', 'User', 'Status', 'Sku', 'AccountCodeSale', 'AccountCodePurchase'];
    expect(columnsOf(lightspeed)).toEqual({ date: 'Date', id: 'Receipt Number', type: 'Line Type', quantity: 'Quantity', amount: 'Total', status: 'Status' });
  });

  it('map Gumroad\'s sales export: Sale Price paid, Item Price a unit price, Fully Refunded? the refund, State an address\'s', () => {
    const gumroad = ['Purchase ID', 'Item Name', 'Buyer Name', 'Purchase Email', 'Buyer Email', 'Do not contact?', 'Purchase Date',
      'Purchase Time (UTC timezone)', 'Subtotal ($)', 'Taxes ($)', 'Shipping ($)', 'Sale Price ($)', 'Fees ($)', 'Net Total ($)', 'Tip ($)',
      'Tax Included in Price?', 'Street Address', 'City', 'Zip Code', 'State', 'Country', 'Referrer', 'Refunded?', 'Partial Refund ($)', 'Fully Refunded?',
      'Disputed?', 'Dispute Won?', 'Variants', 'Discount Code', 'Recurring Charge?', 'Free trial purchase?', 'Pre-order authorization?', 'Product ID',
      'Order Number', 'Pre-order authorization time (UTC timezone)', 'Custom Fields', 'Item Price ($)', 'Variants Price ($)', 'Giftee Email', 'SKU ID',
      'Quantity', 'Recurrence', 'Affiliate', 'Affiliate commission ($)', 'Discover?', 'Subscription End Date', 'Rating', 'Review', 'License Key',
      'Payment Type', 'PayPal Transaction ID', 'PayPal Fee Amount', 'PayPal Fee Currency', 'Stripe Transaction ID', 'Stripe Fee Amount',
      'Stripe Fee Currency', 'Purchasing Power Parity Discounted?', 'Upsold?', 'Sent Abandoned Cart Email?', 'UTM Source', 'UTM Medium', 'UTM Campaign',
      'UTM Term', 'UTM Content'];
    expect(columnsOf(gumroad)).toEqual({
      id: 'Order Number', date: 'Purchase Date', amount: 'Sale Price ($)', price: 'Item Price ($)', quantity: 'Quantity', refunded: 'Fully Refunded?',
    });
    expect(layoutOf(gumroad)).toMatchObject({ kind: 'orders', amount: 11, price: -1, status: -1, refunded: 24, id: 33 });
    // --columns still names the amount
    expect(columnsOf(gumroad, { amount: 'Item Price ($)' })).toMatchObject({ amount: 'Item Price ($)', price: 'Sale Price ($)' });
    // a sale price alone is a (discounted) unit price: price × quantity
    expect(layoutOf(['Order ID', 'Date', 'Sale Price', 'Quantity'])).toMatchObject({ amount: -1, price: 2, quantity: 3 });
    expect(columnsOf(['Order ID', 'Date', 'Item Price', 'Quantity']).amount).toBe('Item Price'); // Amazon's rule, untouched
    // a bare State is an order's status without address columns, and not beside them (a Country alone is no address)
    expect(columnsOf(['id', 'created_at', 'state', 'total']).status).toBe('state');
    expect(columnsOf(['id', 'created_at', 'state', 'country', 'total']).status).toBe('state');
    expect(columnsOf(['Order ID', 'Date', 'City', 'State', 'Zip', 'Total']).status).toBeUndefined();
    expect(columnsOf(['Order ID', 'Date', 'City (Billing)', 'State (Billing)', 'Status', 'Total']).status).toBe('Status');
  });

  it('map pivot tables, GA4 reports, SQL Server\'s TotalDue and Shopee in Vietnamese and Indonesian', () => {
    expect(layoutOf(['Row Labels', 'Count of Order ID', 'Sum of Amount'])).toMatchObject({ kind: 'daily', date: 0, orders: 1, revenue: 2 });
    expect(layoutOf(['행 레이블', '개수 : 주문번호', '합계 : 결제금액'])).toMatchObject({ kind: 'daily', date: 0, orders: 1, revenue: 2 });
    expect(columnsOf(['Row Labels', 'Sum of Orders', 'Average of Amount'])).toEqual({ date: 'Row Labels', orders: 'Sum of Orders' }); // an average is no total
    expect(layoutOf(['Date', 'Transactions', 'Purchase revenue'])).toMatchObject({ kind: 'daily', orders: 1, revenue: 2 });
    expect(columnsOf(['OrderID', 'OrderDate', 'TotalDue'])).toEqual({ id: 'OrderID', date: 'OrderDate', amount: 'TotalDue' });
    const vn = ['Mã đơn hàng', 'Trạng Thái Đơn Hàng', 'Ngày đặt hàng', 'Tổng giá trị đơn hàng (VND)'];
    expect(layoutOf(vn)).toMatchObject({ kind: 'orders', id: 0, status: 1, date: 2, amount: 3, orderTotal: true });
    expect(columnsOf(['No. Pesanan', 'Status Pesanan', 'Waktu Pesanan Dibuat', 'Total Pembayaran'])).toEqual({
      id: 'No. Pesanan', status: 'Status Pesanan', date: 'Waktu Pesanan Dibuat', amount: 'Total Pembayaran',
    });
  });

  it('map GA4 in Korean, Qoo10, TikTok Shop, Rakuten and 아임웹 exports', () => {
    expect(layoutOf(['날짜', '거래', '구매 수익'])).toMatchObject({ kind: 'daily', date: 0, orders: 1, revenue: 2 });
    expect(columnsOf(['Shipping status', 'Order no.', 'Order date', 'Qty.', 'Total price'])).toEqual({
      status: 'Shipping status', id: 'Order no.', date: 'Order date', quantity: 'Qty.', amount: 'Total price',
    });
    expect(columnsOf(['Order ID', 'Order Status', 'Order Amount', 'Created Time', 'Paid Time'])).toMatchObject({ date: 'Created Time', status: 'Order Status', amount: 'Order Amount' });
    expect(columnsOf(['注文番号', 'ステータス', '注文日時', '合計金額'])).toEqual({ id: '注文番号', status: 'ステータス', date: '注文日時', amount: '合計金額' });
    expect(columnsOf(['주문번호', '주문일', '주문 상태', '품목 실결제가', '최종 주문금액'])).toMatchObject({ amount: '품목 실결제가' }); // a line's amount over the order's total
    expect(columnsOf(['주문번호', '주문일', '최종 주문금액'])).toMatchObject({ amount: '최종 주문금액' });
    expect(layoutOf(['주문번호', '주문일', '최종 주문금액'])).toMatchObject({ orderTotal: true });
  });

  it('map a currency column in either kind of file, without changing the kind', () => {
    expect(columnsOf(['amazon-order-id', 'purchase-date', 'currency', 'item-price']).currency).toBe('currency');
    expect(columnsOf(['주문번호', '주문일시', '결제금액', '결제통화']).currency).toBe('결제통화');
    expect(layoutOf(['date', 'orders', 'revenue', 'Currency Code'])).toMatchObject({ kind: 'daily', currency: 3 });
    expect(columnsOf(['date', 'amount', 'cur'], { currency: 'cur' }).currency).toBe('cur');
  });

  it('let --columns win, matched exactly then normalised', () => {
    const h = ['주문일시', '결제일시', '결제금액', '실결제금액'];
    expect(columnsOf(h, { date: '결제일시', amount: '실결제금액' })).toEqual({ date: '결제일시', amount: '실결제금액' });
    expect(columnsOf(['Paid At', 'Total'], { date: 'paid_at' }).date).toBe('Paid At');
    expect(codeOf(() => columnsOf(h, { amount: '합계' }))).toBe('UNKNOWN_COLUMN');
  });

  it('read a header written on two lines of its cell (주문일시⏎Order Date) by either line', () => {
    const h = ['주문번호\nOrder No.', '주문일시\nOrder Date', '상품명\nItem', '결제금액\nPaid Amount', '총결제금액\r\nTotal Paid'];
    expect(columnsOf(h)).toEqual({ id: h[0], date: h[1], amount: h[3] });
    expect(layoutOf(['주문번호', '주문일시', '총결제금액\nTotal Paid']).orderTotal).toBe(true);
    // lines that name different fields name none
    expect(fieldOfHeader('주문일시\n결제금액')).toBeUndefined();
    expect(fieldOfHeader('Order Date\n(KST)')?.field).toBe('date');
  });
});

describe('kind rule', () => {
  it('orders/revenue columns without order-level columns → daily', () => {
    const l = layoutOf(['date', 'orders', 'revenue']);
    expect(l.kind).toBe('daily');
    expect(l.kindReason).toMatch(/daily aggregate/);
  });
  it('an amount column next to 주문수 is the day revenue (매출액)', () => {
    const l = layoutOf(['날짜', '주문수', '매출액']);
    expect(l.kind).toBe('daily');
    expect(l.columns).toEqual({ date: '날짜', orders: '주문수', revenue: '매출액' });
  });
  it('any id/quantity/status/price column → order-level', () => {
    expect(layoutOf(['date', 'order id', 'revenue']).kind).toBe('orders');
    expect(layoutOf(['date', 'order id', 'revenue']).columns.amount).toBe('revenue'); // the line total here
    expect(layoutOf(['date', 'status', 'orders', 'amount']).kind).toBe('orders');
    expect(layoutOf(['일자', '결제금액']).kind).toBe('orders');
    expect(layoutOf(['일자', '결제금액']).kindReason).toMatch(/one order/);
  });
  it('a row number (No, 번호, 순번) is never an order id: it restarts on every page or day', () => {
    expect(layoutOf(['No', '일자', '주문수', '매출액'])).toMatchObject({ kind: 'daily', id: -1, orders: 2, revenue: 3 });
    expect(layoutOf(['번호', '정산월', '판매금액'])).toMatchObject({ kind: 'daily', revenue: 2 });
    expect(layoutOf(['No', '주문일시', '결제금액'])).toMatchObject({ kind: 'orders', id: -1 }); // each row an order
    expect(layoutOf(['판매일자', '순번', '판매시간', '품목', '수량', '금액'])).toMatchObject({ kind: 'orders', id: -1 }); // a POS's daily 순번
    expect(layoutOf(['No', '주문번호', '주문일시', '결제금액'])).toMatchObject({ kind: 'orders', id: 1 });
    expect(layoutOf(['No', '주문일시', '결제금액'], { id: 'No' })).toMatchObject({ kind: 'orders', id: 0 }); // named: as the user says
    expect(layoutOf(['No(주문번호)', '주문일시', '결제금액'])).toMatchObject({ kind: 'orders', id: 0 }); // a number, but the order's
    expect(layoutOf(['No.\n번호', '주문일시', '결제금액'])).toMatchObject({ kind: 'orders', id: -1 });
    expect(layoutOf(['No(순번)', '일자', '주문수', '매출액'])).toMatchObject({ kind: 'daily', id: -1 });
    expect(layoutOf(['판매일자', '순번(No)', '금액'])).toMatchObject({ kind: 'orders', id: -1 });
  });
  it('a generic status (상태) beside a specific orders count is a report\'s: a daily aggregate', () => {
    expect(layoutOf(['No', '정산일', '상태', '결제건수', '결제금액'])).toMatchObject({ kind: 'daily', orders: 3, revenue: 4 });
    expect(layoutOf(['날짜', '결제수', '결제금액'])).toMatchObject({ kind: 'daily', orders: 1, revenue: 2 });
    expect(layoutOf(['주문일', '주문상태', '주문수', '결제금액'])).toMatchObject({ kind: 'orders' }); // a specific status: an order's
  });
  it('a specific orders count outweighs a quantity or price column, not an order id or a status', () => {
    expect(layoutOf(['일자', '주문수', '판매수량', '매출액'])).toMatchObject({ kind: 'daily', orders: 1, revenue: 3 });
    expect(layoutOf(['주문번호', '일자', '주문수', '매출액']).kind).toBe('orders');
    expect(layoutOf(['일자', '주문상태', '주문수', '매출액']).kind).toBe('orders');
  });
  it('orders or revenue named with --columns make a daily aggregate whatever else the header holds', () => {
    const l = layoutOf(['No', '일자', '주문수', '판매수량', '매출액', '상태'], { orders: '주문수', revenue: '매출액' });
    expect(l).toMatchObject({ kind: 'daily', orders: 2, revenue: 4 });
    expect(l.kindReason).toMatch(/--columns/);
  });
  it('a settlement month with an amount is a table of monthly totals', () => {
    const l = layoutOf(['정산월', '판매금액', '정산금액']);
    expect(l).toMatchObject({ kind: 'daily', orders: -1, revenue: 1 });
    expect(l.kindReason).toMatch(/period date column \(정산월\)/);
    expect(layoutOf(['month', 'status', 'amount']).kind).toBe('orders');
  });
  it('an order total (총결제금액) beside an order id is counted once per order', () => {
    expect(layoutOf(['주문번호', '주문일시', '총 결제금액']).orderTotal).toBe(true);
    expect(layoutOf(['주문일시', '총 결제금액']).orderTotal).toBe(false); // no id: each row is an order
    expect(layoutOf(['주문번호', '주문일시', '결제금액']).orderTotal).toBe(false);
  });
  it('price × quantity when there is no amount', () => {
    const l = layoutOf(['date', 'unit price', 'qty']);
    expect([l.amount, l.price, l.quantity]).toEqual([-1, 1, 2]);
  });
  it('fails without a date or a money column', () => {
    expect(codeOf(() => layoutOf(['상품명', '결제금액']))).toBe('NO_DATE_COLUMN');
    expect(codeOf(() => layoutOf(['주문일시', '상품명', '주문번호']))).toBe('NO_AMOUNT_COLUMN');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n"₩1,000"\t2\t3', '\t'],
    ['a;b;c\n1,5;2;3', ';'],
    ['주문일시\t결제금액\n2025-01-01\t₩12,000,000', '\t'], // commas in TSV data rows do not outvote the header's tab
    ['"a,b";c;d\n', ';'], // delimiters inside quotes do not count
    ['주문 내역\n\n날짜;금액\n', ';'], // a title line with none is passed over
    ['sep=;\na;b\n', ';'],
    ['single\n1\n', ','],
    // a title line with commas over a TSV; a TSV whose rows all carry two money cells
    ['주문내역 조회, 기간: 2024-11-29 ~ 2026-01-27, 총 2,489건\n주문번호\t주문일시\t결제금액\n1\t2025-01-01\t10,300\n2\t2025-01-02\t7,700\n', '\t'],
    ['id\tdate\tgross\tnet\n1\t2025-01-01\t₩1,000\t₩900\n2\t2025-01-02\t₩2,000\t₩1,800\n', '\t'],
    // a ;-file with decimal commas in every row, even two to a row
    ['date;amount;fee\n2025-01-01;12,50;0,50\n2025-01-02;3,10;0,10\n', ';'],
    // a CSV with ;-lists in one column
    ['id,date,tags\n1,2025-01-01,a;b\n2,2025-01-02,c;d\n', ','],
    // a database or Hive dump with pipes; a CSV whose product names hold a pipe
    ['id|date|amount\n1|2025-01-01|100\n2|2025-01-02|200\n', '|'],
    ['id,date,name\n1,2025-01-01,A | B\n2,2025-01-02,C | D\n', ','],
  ])('%j → %j', (text, d) => expect(detectDelimiter(text)).toBe(d));

  // with the header's names: a line that names fields decides, ahead of the counts
  const names = (cell: string) => fieldOfHeader(cell)?.field;
  it.each([
    // rows that leave their trailing empty cells out, and carry `a:b;c:d` options: `;` agrees on more lines
    ['date,id,amount,option,memo,gift\n2025-11-01,A1,1000,color:red;size:M\n2025-11-01,A2,2000,color:blue;size:L,hi\n2025-11-02,A3,3000,color:red;size:S,,wrap\n2025-11-02,A4,3000,color:red;size:S\n', ','],
    ['주문내역 조회, 기간: 2024-11-29 ~ 2026-01-27, 총 2,489건\n주문번호\t주문일시\t결제금액\n1\t2025-01-01\t10,300\n', '\t'],
    ['"Datum";"Betrag";"Menge"\n2025-01-01;12,50;1\n', ';'],
    ['amazon-order-id|purchase-date|item-price\n111-1|2025-11-01T10:00:00Z|12.50\n', '|'],
    // no line names two fields: the counts decide
    ['x;y\n1;2\n3;4\n', ';'],
  ])('%j → %j', (text, d) => expect(detectDelimiter(text, names)).toBe(d));
});

describe('tsvQuotes', () => {
  it.each([
    ['id\tname\n1\t"Organic Brown Rice 4kg\t3\n2\tpan 12"\t4\n', false], // Amazon: a stray quote would swallow a line
    ['id\tname\n1\t"Gift box" set\t3\n', false], // a quote closed mid-field, then a tab
    ['id\tname\n1\tpan 12"\t3\n', false], // no field opens with a quote: nothing to read as quoted
    ['id\tname\n1\t"pan 12"" with lid"\t3\n', true], // Excel's quoting
    ['"id"\t"name"\n1\t"two\nlines"\t3\n', true], // a quoted line break, quoting shown on one line
    ['id\tname\n1\t"two\nlines"\t3\n', false], // a line break between quotes alone may be two stray quotes ('"' ending a line, '"' starting the next)
    ['id\tname\n1\t"still open where the head ends', false],
    ['"id"\t"name"\n1\t"still open where the head ends', true], // quoting shown, the long field goes on
  ])('%j → %s', (text, want) => expect(tsvQuotes(text)).toBe(want));

  const read = (text: string) => parse(text, { ...csvOptions('\t', tsvQuotes(text)), record_delimiter: '\n' }) as string[][];
  const cell = fc.stringMatching(/^[A-Za-z0-9 ",.₩-]{0,12}$/);
  const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 });
  // a whole cell in quotes ("Organic") reads as quoted whoever wrote it: the one case left to the reader's usual rule
  const rawCell = cell.filter((c) => !/^".*"$/.test(c));
  const rawTable = fc.array(fc.array(rawCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 });
  it('reads back any table a program wrote without quoting (quotes anywhere but around a whole cell, no tabs or line breaks)', () => {
    fc.assert(fc.property(rawTable, (rows) => {
      const body = [['id', 'name', 'price'], ...rows];
      expect(read(body.map((r) => r.join('\t')).join('\n') + '\n')).toEqual(body);
    }));
  });
  it('reads back any table Excel wrote, quoting the cells with quotes or line breaks in them (one with a quote in the head)', () => {
    const quote = (c: string) => (/["\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const withBreak = fc.tuple(cell, cell).map(([a, b]) => `${a}\n${b}`);
    fc.assert(fc.property(table, withBreak, (rows, broken) => {
      const body = [['id', 'name', 'price'], ['0', broken, '12" pan'], ...rows];
      expect(read(body.map((r) => r.map(quote).join('\t')).join('\n') + '\n')).toEqual(body);
    }));
  });
});

describe('detectEncoding', () => {
  const enc = (b: Uint8Array, complete = true) => detectEncoding(b, complete);
  it('reads BOMs', () => {
    expect(enc(Buffer.from('\ufeffa,b', 'utf8'))).toMatchObject({ encoding: 'utf-8-bom', bomLength: 3 });
    expect(enc(Buffer.from('\ufeffa,b', 'utf16le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(enc(iconv.encode('\ufeffa,b', 'utf-16be'))).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
    // a UTF-8 BOM some tools put over CP949 text: the bytes after it decide
    const bomCp949 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('주문일시,결제금액\n2025-01-01,1000\n', 'cp949')]);
    expect(enc(bomCp949)).toMatchObject({ encoding: 'cp949', bomLength: 3 });
  });
  it('tells UTF-8 from CP949', () => {
    expect(enc(Buffer.from('주문일시,결제금액\n', 'utf8'))).toMatchObject({ encoding: 'utf-8', asciiOnly: false });
    expect(enc(Buffer.from('date,amount\n'))).toMatchObject({ encoding: 'utf-8', asciiOnly: true });
    expect(enc(iconv.encode('주문일시,결제금액\n', 'cp949'))).toMatchObject({ encoding: 'cp949' });
  });
  it('does not mistake a character cut at the sniff boundary for CP949', () => {
    const b = Buffer.from('주문일시', 'utf8').subarray(0, 5); // 주 + 2 of 문's 3 bytes
    expect(completeUtf8Prefix(b)).toBe(3);
    expect(enc(b, false)).toMatchObject({ encoding: 'utf-8' });
    expect((enc(b, true) as { encoding: string }).encoding).not.toMatch(/^utf/); // the whole file: really not UTF-8 (a legacy code page)
  });
  it('tells CP949 from Windows-1252 (Excel on a Western Windows) in any mix of words', () => {
    const korean = fc.constantFrom('주문일시', '결제금액', '배송완료', '취소', '서울특별시 강남구', '김민수', '제주 감귤 5kg', '무료배송', '똠방각하', '햏', '원');
    const western = fc.constantFrom('Müller', 'Café', 'Crème brûlée', '12,50 €', 'Straße', 'Ångström', 'naïve', 'Œuvre', '“quoted”', 'São Paulo', 'Zürich', '½ kg', 'Señor');
    const ascii = fc.constantFrom('2025-11-29', '12000', 'paid', 'id', ';', ',', '\r\n', ' ');
    const text = (words: fc.Arbitrary<string>) => fc.array(fc.oneof(words, ascii), { minLength: 1, maxLength: 40 }).map((w) => w.join(''))
      .filter((t) => /[^\x00-\x7f]/.test(t));
    // a Korean export has common syllables (its header's at least), rare ones (햏, 똠) only among them
    const withHeader = (t: string) => `주문일시,결제금액\r\n${t}`;
    fc.assert(fc.property(text(korean), (t) => (enc(iconv.encode(withHeader(t), 'cp949')) as { encoding: string }).encoding === 'cp949'));
    fc.assert(fc.property(text(western), (t) => (enc(iconv.encode(t, 'windows-1252')) as { encoding: string }).encoding === 'windows-1252'));
  });
  it('finds UTF-16 without a BOM and calls other NUL bytes binary', () => {
    expect(enc(Buffer.from('date,amount\n2025-01-01,1\n', 'utf16le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 0 });
    expect(enc(iconv.encode('date,amount\n2025-01-01,1\n', 'utf-16be'))).toMatchObject({ encoding: 'utf-16be' });
    expect(enc(Buffer.from([1, 2, 0, 0, 0, 5, 6, 0, 9, 9, 0, 0]))).toMatchObject({ text: false });
    expect(enc(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ text: false });
  });
});
