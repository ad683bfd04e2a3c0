// ingestFile / ingestGrouped on real files in a temp dir: behaviour, and properties over generated exports.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LossCalcError } from '../src/errors.js';
import { ingestFile, ingestGrouped } from '../src/ingest/index.js';
import { SKIP_REASONS } from '../src/ingest/aggregate.js';
import { NOT_SALE, isoOf, ordersArb, orderCells, rejection, shopifyCsv, toCsv, truth, write, type GenOrder, type ShopifyOrder } from './ingest-helpers.js';

const TZ = { tz: 'Asia/Seoul' };
const HEADER = ['주문번호', '주문일시', '결제금액', '주문상태'];
const sum = (a: (number | null)[]) => a.reduce<number>((s, x) => s + (x ?? 0), 0);

describe('order-level exports', () => {
  it('sum lines per day, count distinct order ids, skip cancellations by reason', async () => {
    const csv = toCsv(HEADER, [
      ['A1', '2025-11-30 10:00:00', '₩12,000', '배송완료'],
      ['A1', '2025-11-30 10:00:00', '3,000원', '배송완료'], // a second line of order A1
      ['A2', '2025-11-30 09:00:00', '5000', '취소완료'],
      ['A3', '2025-11-28 23:10:00', '7,000', '반품완료'],
      ['A4', '2025-11-28 08:00:00', '1,000', '환불완료'],
      ['A5', '2025-11-28 08:00:00', '2,500', '결제완료'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-28', orders: [1, 0, 1], revenue: [2500, 0, 15000] });
    expect(r.info).toMatchObject({ kind: 'orders', rows: 6, rowsUsed: 3, rowsSkipped: { cancelled: 1, returned: 1, refunded: 1 }, emptyDays: 1 });
    expect(r.info.columns).toEqual({ id: '주문번호', date: '주문일시', amount: '결제금액', status: '주문상태' });
    expect(r.info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses price × quantity without an amount column, and one order per row without ids', async () => {
    const csv = toCsv(['date', 'unit price', 'qty'], [['2025-01-01', '1,000', '3'], ['2025-01-01', '500', '2개'], ['2025-01-02', '₩700', '1']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [2, 1], revenue: [4000, 700] });
  });

  it('skips negative amounts and summary rows, counting them', async () => {
    const csv = toCsv(['date', 'amount'], [['2025-01-01', '1000'], ['2025-01-01', '-400'], ['2025-01-02', '(300)'], ['합계', '300']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series.revenue).toEqual([1000, 0]);
    expect(r.info.rowsSkipped).toEqual({ 'negative-amount': 2, 'total-row': 1 });
    expect(r.warnings.map((w) => w.code)).toContain('NEGATIVE_AMOUNTS');
  });

  it('skips summary rows whose label is in any column, and the footer lines under the last one', async () => {
    const header = ['주문번호', '주문일시', '결제금액', '주문상태'];
    const data = [['A1', '2025-01-01 10:00', '1,000', '결제완료'], ['A2', '2025-01-02 11:00', '2,000', '결제완료']];
    const footers: [string, number][] = [
      ['합계,,"3,000",\n', 1], // the label in the first column; the date column is another and empty
      ['총 2건,,,\n', 1],
      ['총 2건\n', 1], // shorter than the header: not a BAD_CSV row
      ['\n"2 record(s) downloaded",,,\n"Seller ID: myshop",,,\n', 2], // eBay: the seller line has no label, but is under one
      ['소계,,"3,000",\n합계,,"3,000",\nprinted by admin,,,\n', 3],
      // eBay's other footers: lines shorter than the header under the count, the count in a cell of its own or beside the range
      ['\n"2 record(s) downloaded","from Nov-29-24 to Jan-27-26"\nSeller ID : myshop\n', 2],
      ['"2","record(s) downloaded","from Nov-29-24 to Jan-27-26",\n', 1],
      ['\n"2 record(s) downloaded,from Nov-29-24 to Jan-27-26"\n"Seller ID: myshop"\n', 2],
    ];
    for (const [footer, n] of footers) {
      const r = await ingestFile(write(toCsv(header, data) + footer), TZ);
      expect(r.series, footer).toEqual({ start: '2025-01-01', orders: [1, 1], revenue: [1000, 2000] });
      expect(r.info, footer).toMatchObject({ rows: 2 + n, rowsUsed: 2, rowsSkipped: { 'total-row': n } });
    }
  });

  it('a summary row in the middle is skipped; rows without a date after it are bad dates once data goes on', async () => {
    const csv = toCsv(['date', 'memo', 'amount'], [
      ['2025-01-01', 'a', '100'], ['', '소계', '100'], ['2025-01-02', 'b', '200'], ['', 'Total', '300'],
      ['', 'no date here', '50'], ['2025-01-03', 'c', '300'], // a real row held after "Total", then data: not a footer
    ]);
    const e = await rejection(ingestFile(write(csv), TZ));
    expect([e.code, e.message]).toEqual(['BAD_DATES', expect.stringMatching(/1 row\(s\).*line 6: cannot read date ""$/)]);
    // without the held row: both summaries skipped; a dated row labelled 합계 in a list without order ids is a
    // subtotal too, though it sums nothing above it, and named so (counted, it would double a ledger's revenue)
    const ok = toCsv(['date', 'memo', 'amount'], [['2025-01-01', 'a', '100'], ['', '소계', '100'], ['2025-01-02', 'b', '200'], ['2025-01-02', '합계', '250'], ['', 'Total', '300']]);
    const r = await ingestFile(write(ok), TZ);
    expect(r.series.revenue).toEqual([100, 200]);
    expect(r.info).toMatchObject({ rows: 5, rowsUsed: 2, rowsSkipped: { 'total-row': 3 } });
    expect(r.warnings.map((w) => w.code)).toContain('SUBTOTALS_DIFFER');
  });

  it('a dated summary row of an order list — no order id, a label — is a summary; with an id it is an order', async () => {
    const rows = [['A1', '2025-01-01 10:00', '상품', '100'], ['A2', '2025-01-02 11:00', '상품', '200'], ['', '2025-01-02', '합계', '300']];
    const r = await ingestFile(write(toCsv(['주문번호', '주문일시', '상품명', '결제금액'], rows)), TZ);
    expect([r.series.revenue, r.info.rowsSkipped]).toEqual([[100, 200], { 'total-row': 1 }]);
    const named = await ingestFile(write(toCsv(['주문번호', '주문일시', '상품명', '결제금액'], [...rows.slice(0, 2), ['A3', '2025-01-02', '합계', '300']])), TZ);
    expect(named.series.revenue).toEqual([100, 500]);
    // a count in its own cell (`2,938건`) under the orders
    const count = await ingestFile(write(toCsv(['주문번호', '주문일시', '결제금액'], [['A1', '2025-01-01', '100'], ['2건', '', '100']])), TZ);
    expect([count.series.revenue, count.info.rowsSkipped]).toEqual([[100], { 'total-row': 1 }]);
  });

  it('rows missing only empty cells right of every column read, repeated headers and page marks are read as the table they are', async () => {
    const header = ['주문번호', '주문일시', '결제금액', '메모', '비고'];
    const text = `${header.join(',')}\nA1,2025-01-01 10:00,100,,\nA2,2025-01-01 11:00,200\n- 1 -\n\ufeff${header.join(',')}\nA3,2025-01-02 09:00,400,x\nPage 2 of 2\n`;
    const r = await ingestFile(write(text), TZ);
    expect([r.series, r.info.rows]).toEqual([{ start: '2025-01-01', orders: [2, 1], revenue: [300, 400] }, 3]);
    // a missing cell that is read (the amount) is still a broken row
    const cut = `${header.join(',')}\nA1,2025-01-01 10:00,100,,\nA2,2025-01-01 11:00\n`;
    expect((await rejection(ingestFile(write(cut), TZ))).code).toBe('BAD_CSV');
  });

  it('rows without a date and no summary above them, or too many under one, are bad dates', async () => {
    const e = await rejection(ingestFile(write('date,memo,amount\n2025-01-01,a,100\n,seller xyz,\n'), TZ));
    expect([e.code, e.message]).toEqual(['BAD_DATES', expect.stringMatching(/line 3/)]);
    const many = `date,memo,amount\n2025-01-01,a,100\n,합계,100\n${',x,1\n'.repeat(25)}`;
    const m = await rejection(ingestFile(write(many), TZ));
    expect([m.code, m.message]).toEqual(['BAD_DATES', expect.stringMatching(/^\S+: 25 row\(s\).*line 4: .*line 8: .*and 20 more/)]);
  });

  it('a report\'s note lines (출력일시: …) are never data; a title line is one only above the header again', async () => {
    const head = 'date,memo,amount\n2025-01-01,a,100\n';
    // at the end with no summary row, alone on its line or in cells; between the rows (a page break)
    for (const [csv, n] of [[`${head}출력일시: 2026-01-26 10:22:01\n`, 1], [`${head}\n출력자,홍길동,\n"Printed on: 2026-01-26",,\n`, 2],
      [`${head}Printed on: 2026-01-26,,\n2025-01-02,b,200\n`, 1]] as const) {
      const r = await ingestFile(write(csv), TZ);
      expect(r.info, csv).toMatchObject({ rowsUsed: csv.includes('2025-01-02') ? 2 : 1, rowsSkipped: { 'total-row': n } });
      expect(r.warnings, csv).toEqual([]);
    }
    // a line of words that no header follows is a row with a bad date (or a broken line), as before
    expect((await rejection(ingestFile(write(`${head}[스토어B]\n`), TZ))).code).toBe('BAD_CSV');
    for (const tail of [',메모,\n', 'ORD:123,,\n', '[스토어B],,\n2025-01-02,b,200\n', '"판매자: 다라몰",,\n,x,1\n']) {
      const e = await rejection(ingestFile(write(head + tail), TZ));
      expect([e.code, e.message], tail).toEqual(['BAD_DATES', expect.stringContaining('1 row(s)')]);
    }
    // above the header again it is the next table's title, with no summary row between
    const header = ['주문번호', '주문일시', '상품명', '결제금액'];
    for (const title of ['[스토어B]', '판매자: 다라몰,,,', '"Store B",,,']) {
      const csv = `${toCsv(header, [['1', '2025-11-29 10:00', 'x', '100']])}${title}\n${toCsv(header, [['2', '2025-11-30 10:00', 'y', '200']])}`;
      const r = await ingestFile(write(csv), TZ);
      expect([r.series.revenue, r.info.rowsSkipped, r.warnings.map((w) => w.code)], title).toEqual([[100, 200], { 'total-row': 1 }, ['STACKED_TABLES']]);
      expect(r.warnings[0].message, title).toContain('line 3: ');
    }
  });

  it('puts instants with an offset on the --tz calendar day', async () => {
    const p = write(toCsv(['date', 'amount'], [['2025-11-28T16:30:00Z', '100'], ['2025-11-28T14:00:00Z', '10']]));
    expect((await ingestFile(p, { tz: 'Asia/Seoul' })).series).toEqual({ start: '2025-11-28', orders: [1, 1], revenue: [10, 100] });
    expect((await ingestFile(p, { tz: 'UTC' })).series).toEqual({ start: '2025-11-28', orders: [2], revenue: [110] });
  });

  it('warn when times carry an offset of another zone than UTC or --tz, and the days they moved (a US Shopify store read for Seoul)', async () => {
    const p = write(toCsv(['Created at', 'Total'], [
      ['2025-11-28 08:00:00 -0500', '10'], // 13:00Z → 22:00 KST, the 28th still
      ['2025-11-28 12:00:00 -0500', '20'], // 17:00Z → 02:00 KST on the 29th: moved
      ['2025-07-04 12:00:00 -0500', '30'], // -05:00 in a New York July: EST written all year, still New York's clock
      ['2025-11-28 23:00:00 Z', '40'], // UTC: never foreign
    ]));
    const seoul = await ingestFile(p, { tz: 'Asia/Seoul' });
    expect(seoul.warnings.find((w) => w.code === 'FOREIGN_OFFSET')?.message).toMatch(
      /^3 time\(s\) carry an offset of neither UTC nor Asia\/Seoul \(first UTC-05:00\): they were counted on Asia\/Seoul days, which moved 2 row\(s\)/);
    const ny = await ingestFile(p, { tz: 'America/New_York' });
    expect(ny.warnings.map((w) => w.code)).not.toContain('FOREIGN_OFFSET');
    expect(ny.series.start).toBe('2025-07-04');
  });

  it('reads past blank lines, ",,," rows, a title line, CRLF, a trailing delimiter and multi-line fields', async () => {
    const text = '주문 내역 (2025.01)\r\n\r\nid,date,memo,amount,\r\n1,2025-01-01,"two\r\nlines",100,\r\n,,,,\r\n\r\n2,2025-01-02,x,200,\r\n';
    const r = await ingestFile(write(text), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [1, 1], revenue: [100, 200] });
    expect(r.info.rows).toBe(2);
    expect(r.warnings.map((w) => w.code)).toContain('PREAMBLE');
  });

  it('warns when a seller column holds several sellers, and when every day has one row', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, String(1000 + i), i % 2 ? 's1' : 's2']);
    const r = await ingestFile(write(toCsv(['date', 'amount', 'seller'], rows)), TZ);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['MULTIPLE_SELLERS', 'ONE_ROW_PER_DAY']);
  });

  it('reads a header on two lines (카드 | 적립금 | 합계 under a merged 결제금액) with the total as the amount', async () => {
    const text = '주문번호,주문일시,결제금액,,,주문상태\n,,카드,적립금,합계,\n1,2025-11-29 10:00,1200,1000,2200,배송완료\n2,2025-11-30 09:00,15600,0,15600,배송완료\n';
    const r = await ingestFile(write(text), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 1], revenue: [2200, 15600] });
    expect(r.info).toMatchObject({ rows: 2, rowsUsed: 2, headers: ['주문번호', '주문일시', '결제금액 카드', '결제금액 적립금', '결제금액', '주문상태'] });
    expect(r.warnings.map((w) => w.code)).toEqual(['TWO_LINE_HEADER']);
    // the joined names are what --columns names
    expect((await ingestFile(write(text), { ...TZ, columns: { amount: '결제금액 카드' } })).series.revenue).toEqual([1200, 15600]);
    // a title line padded with commas over a header, and a header's blank column over data, are not two header lines
    const titled = await ingestFile(write('주문 내역,,\n주문번호,주문일시,결제금액\n1,2025-11-29 10:00,1200\n'), TZ);
    expect([titled.info.headers, titled.warnings.map((w) => w.code)]).toEqual([['주문번호', '주문일시', '결제금액'], ['PREAMBLE']]);
    const blankCol = await ingestFile(write(',주문일시,결제금액\nx,2025-11-29 10:00,1200\n'), TZ);
    expect([blankCol.info.rows, blankCol.warnings]).toEqual([1, []]);
  });

  it('reads a table with its dates across the header (구분 | 2025-01-01 | …) by its 주문수 and 매출 rows', async () => {
    const dates = Array.from({ length: 8 }, (_, i) => `2025-01-0${i + 1}`.replace(/0(\d\d)$/, '$1'));
    const csv = toCsv(['구분', ...dates, '합계'], [
      ['주문수', '3', '4', '', '2', '0', '5', '1', '2', '17'],
      ['매출', '30,000', '40,000', '', '20,000', '0', '50,000', '10,000', '20,000', '170,000'],
      ['합계', '', '', '', '', '', '', '', '', ''],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [3, 4, null, 2, 0, 5, 1, 2], revenue: [30000, 40000, null, 20000, 0, 50000, 10000, 20000] });
    expect(r.info).toMatchObject({ kind: 'daily', rows: 3, rowsUsed: 2, rowsSkipped: { 'total-row': 1 }, columns: { orders: '주문수 (row 2)', revenue: '매출 (row 3)' } });
    // rows of products say nothing of money or counts: refused, saying so
    const products = toCsv(['상품명', ...dates], [['A세트', ...dates.map(() => '10000')], ['B단품', ...dates.map(() => '20000')]]);
    const e = await rejection(ingestFile(write(products), TZ));
    expect([e.code, e.message]).toEqual(['NO_AMOUNT_COLUMN', expect.stringContaining('its rows are "A세트", "B단품", which do not say whether they hold money or counts')]);
  });

  it('a table of dates across: its revenue row chosen as a column would be, its unit read, an order list below it read instead', async () => {
    const dates = Array.from({ length: 7 }, (_, i) => `2025-01-0${i + 1}`);
    const ones = dates.map(() => '1');
    // 총매출 and 순매출: net revenue, as for columns; the other revenue row is skipped
    const two = await ingestFile(write(toCsv(['구분', ...dates], [['주문수', ...ones], ['총매출', ...dates.map(() => '10')], ['순매출', ...dates.map(() => '9')]])), TZ);
    expect([two.series.revenue, two.info.columns.revenue, two.info.rowsSkipped]).toEqual([Array(7).fill(9), '순매출 (row 4)', { 'no-values': 1 }]);
    // the same label twice is still a repeated measure
    const dup = await rejection(ingestFile(write(toCsv(['구분', ...dates], [['주문수', ...ones], ['주문수', ...ones]])), TZ));
    expect([dup.code, dup.message]).toEqual(['DUPLICATE_DATES', expect.stringContaining('the orders on lines 2 and 3')]);
    // a unit on the revenue row's label, or on a title line above the table
    const own = await ingestFile(write(toCsv(['구분', ...dates], [['주문수', ...ones], ['매출액(천원)', ...dates.map(() => '12')]])), TZ);
    expect([own.series.revenue[0], own.warnings.map((w) => w.code)]).toEqual([12000, ['MONEY_UNIT']]);
    const title = await ingestFile(write(`(단위: 천원)\n${toCsv(['구분', ...dates], [['매출액', ...dates.map(() => '3')]])}`), TZ);
    expect([title.series.revenue[0], title.warnings.map((w) => w.code)]).toEqual([3000, ['PREAMBLE', 'MONEY_UNIT', 'NO_ORDERS_COLUMN']]);
    // a summary block above the orders: the orders are the table
    const csv = `일별 요약\n${toCsv(['구분', ...dates], [['주문수', ...ones]])}\n${toCsv(['주문번호', '주문일시', '결제금액'], [['A1', '2025-01-01 10:00', '100'], ['A2', '2025-01-01 11:00', '200'], ['A3', '2025-01-02 09:00', '50']])}`;
    const below = await ingestFile(write(csv), TZ);
    expect([below.info.kind, below.series, below.info.rows]).toEqual(['orders', { start: '2025-01-01', orders: [2, 1], revenue: [300, 50] }, 3]);
    expect(below.warnings).toEqual([{ code: 'PREAMBLE', message: 'lines 1–4 above the header (line 5), a summary with its dates across, were not read' }]);
    // a unit over the summary is the summary's, not the orders'
    const unit = await ingestFile(write(csv.replace('일별 요약', '일별 요약 (단위: 천원)')), TZ);
    expect([unit.series.revenue, unit.warnings.map((w) => w.code)]).toEqual([[300, 50], ['PREAMBLE']]);
    // a header under the table with no rows of its own: the table was the file's
    const empty = await ingestFile(write(`${toCsv(['구분', ...dates], [['주문수', ...ones]])}\n주문번호,주문일시,결제금액\n`), TZ);
    expect([empty.info.kind, empty.series.orders, empty.info.rows, empty.warnings.map((w) => w.code)]).toEqual(['daily', ones.map(Number), 2, ['NO_REVENUE_COLUMN']]);
  });

  it('leaves out the rows of monthly exports joined over an overlapping day, once, and says so', async () => {
    const header = ['주문번호', '주문일시', '상품명', '결제금액'];
    const shared = [['A2', '2025-11-30 10:00', 'x', '200'], ['A2', '2025-11-30 10:00', 'y', '50'], ['A4', '2025-11-30 11:00', 'x', '30']];
    const nov = [['A1', '2025-11-29 10:00', 'x', '100'], ...shared];
    const dec = [...shared, ['A3', '2025-12-01 09:00', 'x', '70']];
    const r = await ingestFile(write(toCsv(header, nov) + toCsv(header, dec)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 2, 1], revenue: [100, 280, 70] });
    expect([r.info.rows, r.info.rowsSkipped, r.warnings.map((w) => w.code)]).toEqual([8, { 'duplicate-row': 3 }, ['DUPLICATE_ROWS']]);
    expect(r.warnings[0].message).toContain('3 row(s) (from line 7) repeat');
    // joined without the header again (an order list: ids), the same; an order's identical lines, or two, are no repeat
    const bare = await ingestFile(write(toCsv(header, [...nov, ...dec])), TZ);
    expect([bare.series, bare.info.rowsSkipped, bare.warnings[0].message]).toEqual([r.series, { 'duplicate-row': 3 }, expect.stringContaining('3 row(s) (from line 6) repeat')]);
    const twice = [['A1', '2025-11-29 10:00', 'x', '100'], ['A1', '2025-11-29 10:00', 'x', '100'], ['A2', '2025-11-29 11:00', 'x', '10'], ['A2', '2025-11-29 11:00', 'y', '5']];
    const lines = await ingestFile(write(toCsv(header, [...twice, ...twice.slice(2)])), TZ);
    expect([lines.series.revenue, lines.warnings]).toEqual([[230], []]);
    // one order's lines repeating a block of three (two identical gift sets, a date without a time): its own lines
    const set = [['G1', '2025-11-29', 'a', '10'], ['G1', '2025-11-29', 'b', '20'], ['G1', '2025-11-29', 'c', '30']];
    const gifts = await ingestFile(write(toCsv(header, [...set, ...set])), TZ);
    expect([gifts.series.revenue, gifts.warnings]).toEqual([[120], []]);
    // a page break between two identical lines of an order, or a run that stops short of the end above: read as usual
    const page = await ingestFile(write(toCsv(header, [...nov, shared[2]]) + toCsv(header, [shared[2], ['A5', '2025-12-01 10:00', 'x', '5']])), TZ);
    expect([page.series.revenue, page.warnings]).toEqual([[100, 340, 5], []]);
    const short = await ingestFile(write(toCsv(header, nov) + toCsv(header, [...shared.slice(0, 2), ['A6', '2025-12-01 10:00', 'x', '5']])), TZ);
    expect([short.series.revenue, short.warnings]).toEqual([[100, 530, 5], []]);
    // a page's 누계 in the id column ends its page; the repeat is found above it
    const paged = await ingestFile(write(`${toCsv(header, nov)}누계,,,380\n${toCsv(header, dec)}`), TZ);
    expect([paged.series.revenue, paged.info.rowsSkipped]).toEqual([[100, 280, 70], { 'total-row': 1, 'duplicate-row': 3 }]);
  });

  it('reads tables stacked in one file (a subtotal, a title line, the header again) as one, and says so', async () => {
    const header = ['주문번호', '주문일시', '상품명', '결제금액'];
    const table = (rows: string[][], total: number) => `${toCsv(header, rows)},소계,,${total}\n\n`;
    const csv = `판매자: 가나상회\n${table([['1', '2025-11-29 10:00', 'x', '100'], ['2', '2025-11-30 10:00', 'y', '200']], 300)}` +
      `판매자: 다라몰\n${table([['3', '2025-11-29 11:00', 'z', '50']], 50)}`;
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 1], revenue: [150, 200] });
    // each 소계 and the title line between are the tables' totals
    expect(r.info).toMatchObject({ rows: 6, rowsUsed: 3, rowsSkipped: { 'total-row': 3 } });
    expect(r.warnings.map((w) => w.code)).toEqual(['PREAMBLE', 'STACKED_TABLES']);
    expect(r.warnings[1].message).toContain('1 more table(s) follow the first');
    expect(r.warnings[1].message).toContain('line 7: "판매자: 다라몰"');
    // a 전체 table repeating the stores' orders would count them twice: refused
    const rows = Array.from({ length: 6 }, (_, k) => [`O${k}`, `2025-11-29 1${k}:00`, 'x', '100']);
    const all = `판매자: 가나상회\n${table(rows.slice(0, 3), 300)}판매자: 다라몰\n${table(rows.slice(3), 300)}전체\n${table(rows, 600)}`;
    const e = await rejection(ingestFile(write(all), TZ));
    expect([e.code, e.message]).toEqual(['REPEATED_TABLE', expect.stringContaining('at line 16 repeats orders of the tables above it (5 of its 6 sale rows')]);
    // a paged report's last page going on with the order the page above ended with is no repeat
    const header2 = ['주문번호', '주문일시', '상품명', '결제금액'];
    const page = (rows2: string[][], n: number) => `${n}페이지\n${toCsv(header2, rows2)},페이지 소계,,0\n`;
    const paged = page([['P1', '2025-11-29 10:00', 'x', '100'], ['P2', '2025-11-29 11:00', 'x', '200']], 1) +
      page([['P2', '2025-11-29 11:00', 'y', '50'], ['P2', '2025-11-29 11:00', 'z', '50']], 2);
    const p = await ingestFile(write(paged), TZ);
    expect([p.series, p.warnings.map((w) => w.code)]).toEqual([{ start: '2025-11-29', orders: [2], revenue: [400] }, ['PREAMBLE', 'STACKED_TABLES']]);
  });

  it('reads a table with one row a day and no id or status (일자,판매수량,판매금액) as daily totals, orders unknown', async () => {
    const rows = Array.from({ length: 14 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, String(30 + i), String(100_000 + i)]);
    const r = await ingestFile(write(toCsv(['일자', '판매수량', '판매금액'], rows)), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: Array(14).fill(null), revenue: rows.map((x) => Number(x[2])) });
    expect([r.info.kind, r.warnings.map((w) => w.code)]).toEqual(['daily', ['ONE_ROW_PER_DAY']]);
    // a day with two rows (or none) makes it an order list again: 13 days are too few to tell
    const orderList = await ingestFile(write(toCsv(['일자', '판매수량', '판매금액'], [...rows, ['2025-01-14', '1', '500']])), TZ);
    expect([orderList.info.kind, orderList.series.orders.slice(-2)]).toEqual(['orders', [1, 2]]);
    const short = await ingestFile(write(toCsv(['일자', '판매수량', '판매금액'], rows.slice(1))), TZ);
    expect([short.info.kind, short.series.orders[0]]).toEqual(['orders', 1]);
  });
});

describe('exports written by other programs', () => {
  it('a kiosk\'s order numbers that start again each day (0001…) count per day; an order history spanning weeks does not', async () => {
    const rows: string[][] = [];
    const truth: number[] = [];
    for (let d = 0; d < 120; d++) {
      const date = new Date(Date.UTC(2025, 5, 1 + d)).toISOString().slice(0, 10);
      const n = 3 + (d % 4);
      truth.push(n);
      for (let k = 1; k <= n; k++) for (const menu of k % 2 ? ['아메리카노'] : ['라떼', '쿠키']) rows.push([`${date} 1${k}:00`, String(k).padStart(4, '0'), menu, '1000']);
    }
    const r = await ingestFile(write(toCsv(['주문일시', '주문번호', '메뉴명', '금액'], rows)), TZ);
    expect([r.series.orders, r.warnings.map((w) => w.code)]).toEqual([truth, ['IDS_RESTART_DAILY']]);
    expect(r.warnings[0].message).toContain('start again each day');
    // a B2B order shipped on eight days over ten weeks is one order (ids recurring on 20 days or more restart)
    const b2b = Array.from({ length: 40 }, (_, k) => Array.from({ length: k % 3 === 0 ? 8 : 1 }, (_, j) =>
      [new Date(Date.UTC(2025, 3, 1 + k * 3 + j * 9)).toISOString().slice(0, 10), `PO-${k}`, 'x', '100'])).flat();
    const po = await ingestFile(write(toCsv(['주문일시', '주문번호', '메뉴명', '금액'], b2b)), TZ);
    expect([po.series.orders.reduce((a, b) => a + (b ?? 0), 0), po.warnings.map((w) => w.code)]).toEqual([40, []]);
    // the same ids, each order's rows within 40 days (a sale, then its 구매확정): one order each, no warning
    const log = Array.from({ length: 60 }, (_, k) => [[`2025-06-${String(1 + (k % 28)).padStart(2, '0')} 10:00`, `A${k}`, '결제완료', '1000'],
      [`2025-07-${String(1 + (k % 28)).padStart(2, '0')} 10:00`, `A${k}`, '구매확정', '1000']]).flat();
    const l = await ingestFile(write(toCsv(['주문일시', '주문번호', '주문상태', '결제금액'], log)), TZ);
    expect([l.series.orders.reduce((a, b) => a + (b ?? 0), 0), l.warnings.map((w) => w.code)]).toEqual([60, ['REPEATED_ORDER_TOTALS']]);
  });

  it('a POS receipt list of two terminals, each numbering its receipts from 0001 every day: terminal and receipt are the order', async () => {
    const rows: string[][] = [];
    for (let d = 0; d < 60; d++) { // (ids restarting each day are told after 45 days: FAR_DAYS)
      for (const pos of ['01', '02']) {
        for (let k = 1; k <= 3; k++) {
          const receipt = String(k).padStart(4, '0');
          // receipt 0002 has two lines (two items), each line its own row
          for (let line = 0; line < (k === 2 ? 2 : 1); line++) rows.push([isoOf(d), pos, receipt, `${String(9 + k).padStart(2, '0')}:0${line}`, '5000']);
        }
      }
    }
    const r = await ingestFile(write(toCsv(['영업일자', '포스번호', '영수증번호', '판매시간', '실매출'], rows)), TZ);
    expect([r.series.orders.slice(0, 3), r.series.revenue.slice(0, 3), r.info.columns.id, r.warnings.map((w) => w.code)]).toEqual([[6, 6, 6], [40000, 40000, 40000], '영수증번호', ['IDS_RESTART_DAILY']]);
    // one terminal: its receipts alone are the orders, as before
    const one = await ingestFile(write(toCsv(['영업일자', '포스번호', '영수증번호', '판매시간', '실매출'], rows.filter((x) => x[1] === '01'))), TZ);
    expect(one.series.orders.slice(0, 3)).toEqual([3, 3, 3]);
  });

  it('amounts with a currency sign and no currency column: CURRENCY_MISMATCH when the sign is not --currency\'s', async () => {
    const file = (cells: string[]) => write(toCsv(['id', 'date', 'amount'], cells.map((c, k) => [`A${k}`, `2025-11-0${k + 1}`, c])));
    const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);
    const usd = await ingestFile(file(['$24.50', '$1,200.00']), { ...TZ, currency: 'KRW' });
    expect([usd.series.revenue, codes(usd)]).toEqual([[24.5, 1200], ['CURRENCY_MISMATCH']]);
    expect(usd.warnings[0].message).toContain('the amounts carry $ (a dollar/MXN/CLP/COP/ARS/UYU), such as "$24.50", but the claim is in KRW');
    expect(codes(await ingestFile(file(['$24.50', '$3.00']), { ...TZ, currency: 'USD' }))).toEqual([]);
    expect(codes(await ingestFile(file(['₩12,000', '12,000원']), { ...TZ, currency: 'KRW' }))).toEqual([]);
    expect(codes(await ingestFile(file(['12000', '3000']), { ...TZ, currency: 'USD' }))).toEqual([]); // no sign, nothing to say
    expect(codes(await ingestFile(file(['€12', '3,50 €']), { ...TZ, currency: 'KRW' }))).toEqual(['CURRENCY_MISMATCH', 'DECIMAL_COMMA']);
  });

  it('a refund column of amounts (a partial refund\'s sum) flags nothing; true or a date does, dotted dates too', async () => {
    const rows = [['c1', '2025-11-01 10:00', '325.00', '0.00'], ['c2', '2025-11-01 11:00', '65.00', '12.50'], ['c3', '2025-11-01 12:00', '40.00', 'true'], ['c4', '2025-11-01 13:00', '20.00', '2025-11-03'],
      ['c5', '2025-11-01 14:00', '1,200.00', '1,025.50'], ['c6', '2025-11-01 15:00', '10.00', '2025.11.02'], ['c7', '2025-11-01 16:00', '10.00', '25.11.02'], ['c8', '2025-11-01 17:00', '10.00', '02.11.2025']];
    const r = await ingestFile(write(toCsv(['id', 'created', 'amount', 'refunded'], rows)), TZ);
    expect([r.series.orders, r.series.revenue, r.info.rowsSkipped]).toEqual([[3], [1590], { refunded: 5 }]);
  });

  it('reads a pipe-delimited export (a database or Hive dump)', async () => {
    const r = await ingestFile(write('order_id|created_at|total\nA1|2025-11-01 10:00|1200\nA2|2025-11-01 11:00|800\nA3|2025-11-02 09:00|500\n'), TZ);
    expect([r.info.delimiter, r.series.orders, r.series.revenue]).toEqual(['|', [2, 1], [2000, 500]]);
  });

  it('an unlabelled sum row under an order list (Excel\'s =SUM(), no Total beside it) is a total, not a further line of the last order', async () => {
    const header = ['Order ID', 'Sale Date', 'Item', 'Quantity', 'Item Total'];
    // twelve orders over two days, 10.00 each but the last (30.00): the column sums to 140.00
    const rows = Array.from({ length: 12 }, (_, k) => [`${1001 + k}`, k < 6 ? '2025-11-01' : '2025-11-02', 'mug', '1', k === 11 ? '30.00' : '10.00']);
    const sum = ['', '', '', '12', '140.00'];
    for (const extra of [[sum], [['', '', '', '', ''], sum], [['', '', '', '5', '60.00']]]) { // the whole column's sum, after a blank line, a filtered sum
      const r = await ingestFile(write(toCsv(header, [...rows, ...extra])), TZ);
      expect([r.series, r.info.rowsSkipped], JSON.stringify(extra)).toEqual([{ start: '2025-11-01', orders: [6, 6], revenue: [60, 80] }, { 'total-row': 1 }]);
    }
    const full = await ingestFile(write(toCsv(header, [...rows, sum])), TZ);
    expect(full.warnings.map((w) => w.message)).toEqual(['1 row(s) without a date or an order id (line 14) hold a sum of the amount column (the sum over every row above them, ' +
      "or numbers only, twice any row's or more, with nothing but such lines after them): left out as totals (total-row), as Excel's =SUM() under a list leaves them"]);
    // the whole column's sum with more rows after it (a page's sum) is one too; a row of numbers only followed by orders is a bad date
    const mid = await ingestFile(write(toCsv(header, [...rows, sum, ['1013', '2025-11-02', 'cup', '1', '10.00']])), TZ);
    expect([mid.series.revenue, mid.info.rowsSkipped]).toEqual([[60, 90], { 'total-row': 1 }]);
    expect((await rejection(ingestFile(write(toCsv(header, [...rows, ['', '', '', '5', '60.00'], ['1013', '2025-11-02', 'cup', '1', '10.00']])), TZ))).code).toBe('BAD_DATES');
    // a further line of numbers only (a numeric SKU, a ledger's `,2,15000`) no larger than the rows above stays a line
    const sku = await ingestFile(write(toCsv(header, [...rows, ['', '', '8809990', '2', '20.00']])), TZ);
    expect([sku.series.revenue, sku.info.rowsSkipped]).toEqual([[60, 100], {}]);
    // under only a few rows an order's line may equal the sum of those above it: a further line
    const few = await ingestFile(write(toCsv(header, [...rows.slice(0, 3), ['', '', 'lid', '1', '30.00']])), TZ);
    expect(few.series.revenue).toEqual([60]);
    // a further line whose amount is not the column's sum stays the order's (and a line under a blank line is no further line)
    const further = await ingestFile(write(toCsv(header, [...rows, ['', '', 'lid', '1', '5.00']])), TZ);
    expect([further.series.revenue, further.warnings.map((w) => w.code)]).toEqual([[60, 85], ['MERGED_CELLS']]);
    expect((await rejection(ingestFile(write(toCsv(header, [...rows, ['', '', '', '', ''], ['', '', 'lid', '1', '5.00']])), TZ))).code).toBe('BAD_DATES');
  });

  it('an order\'s cells merged down over its lines (고도몰, saved as CSV): further lines with the id and date blank are that order\'s', async () => {
    const header = ['주문번호', '주문일시', '주문상태', '상품명', '결제금액'];
    const rows = [['A1', '2025-11-29 10:00', '배송완료', 'x', '100'], ['', '', '', 'y', '50'], ['', '', '', 'z', '0'], ['A2', '2025-11-29 11:00', '취소완료', 'x', '70'],
      ['', '', '', 'y', '30'], ['A3', '2025-11-30 09:00', '배송완료', 'x', '10'], ['', '', '', '합계', '260']];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect([r.series, r.info.rowsSkipped, r.warnings.map((w) => w.code)]).toEqual([{ start: '2025-11-29', orders: [1, 1], revenue: [150, 10] }, { cancelled: 2, 'total-row': 1 }, ['MERGED_CELLS']]);
    expect(r.warnings[0].message).toContain('3 row(s) (from line 3) with the order id and date blank');
    // not under an order's row (the first data row, or under a bad one): a bad date, as before
    const e = await rejection(ingestFile(write(toCsv(header, [['', '', '', 'y', '50'], ...rows.slice(0, 1)])), TZ));
    expect([e.code, e.message]).toEqual(['BAD_DATES', expect.stringContaining('line 2')]);
  });

  it('a claim column (클레임상태, C/S, 취소상태) and the order\'s status are both read: a row not a sale by either is none', async () => {
    const rows = [['1', '2025-11-29 10:00', '결제완료', '', '100'], ['2', '2025-11-29 11:00', '배송완료', '반품완료', '200'], ['3', '2025-11-29 12:00', '결제대기', '', '400'],
      ['4', '2025-11-30 09:00', '취소', '취소완료', '800'], ['5', '2025-11-30 10:00', '배송완료', '취소철회', '1600']];
    for (const [order, claim] of [['주문상태', '클레임상태'], ['상태', 'C/S'], ['주문상태', '취소상태']]) {
      const r = await ingestFile(write(toCsv(['주문번호', '주문일시', order, claim, '결제금액'], rows)), TZ);
      expect([r.series.revenue, r.info.rowsSkipped], `${order} + ${claim}`).toEqual([[100, 1600], { returned: 1, unpaid: 1, cancelled: 1 }]);
      expect(r.info.kindReason).toContain(' is read beside ');
    }
  });

  it('a hand-kept ledger\'s dated 소계 rows (no order ids) are left out, named when they do not sum the rows above; a product named 합계 is not one', async () => {
    const rows = [['2025-11-29', '사과', '1', '3000'], ['2025-11-29', '배', '1', '2000'], ['2025-11-29', '소계', '', '5000'], ['2025-11-30', '합계 세트', '1', '7000'],
      ['2025-11-30', '소계', '', '7000'], ['2025-11-30', '11월 합계', '', '12000'], ['2025-12-01', '사과', '1', '3000'], ['2025-12-01', '소계', '', '9999'],
      ['2025-12-02', '소계', '', '0'], ['2025-12-03', '배', '1', '2000'], ['2025-12-03', '소계', '', '2000']];
    const r = await ingestFile(write(toCsv(['날짜', '품목', '수량', '금액'], rows)), TZ);
    // a mistyped 소계 (9999 for 3000) is a subtotal still, and the next one (2000) sums from it: nothing doubled
    expect([r.series.revenue, r.series.orders, r.info.rowsSkipped]).toEqual([[5000, 7000, 3000, 0, 2000], [2, 1, 1, 0, 1], { 'total-row': 6 }]); // a closed day's 0 subtotal is no order of ₩0
    expect(r.warnings.find((w) => w.code === 'SUBTOTALS_DIFFER')?.message).toMatch(/^1 dated row\(s\) labelled as a subtotal .* \(first: line 9, "9999"\)/);
  });

  it('a payment gateway\'s 거래일자 (not its 정산일), `20251129 13:05:09`, and a report\'s total over a period or 전체', async () => {
    const pg = await ingestFile(write(toCsv(['No', '거래일자', '거래상태', '주문번호', '거래금액', '정산일'],
      [['1', '20251129 13:05:09', '승인', 'A1', '1000', '20251203'], ['2', '20251130 09:00:00', '입금확인전', 'A2', '2000', '20251204']])), TZ);
    expect([pg.info.columns.date, pg.series, pg.info.rowsSkipped]).toEqual(['거래일자', { start: '2025-11-29', orders: [1, 0], revenue: [1000, 0] }, { unpaid: 1 }]);
    for (const label of ['2025-11-29 ~ 2025-11-30', '전체']) {
      const d = await ingestFile(write(toCsv(['날짜', '결제건수', '결제금액'], [[label, '3', '300'], ['2025-11-29', '1', '100'], ['2025-11-30', '2', '200']])), TZ);
      expect([d.series.revenue, d.info.rowsSkipped], label).toEqual([[100, 200], { 'total-row': 1 }]);
    }
  });

  it('a settlement\'s reversal rows (−the whole amount, the same order id and purchase time) take the sale back', async () => {
    const rows = [['2025-11-29 10:00', 'A1', '1000'], ['2025-11-29 11:00', 'A2', '2000'], ['2025-11-29 12:00', 'A3', '4000'], ['2025-11-29 10:00', 'A1', '-1000'],
      ['2025-11-30 09:00', 'A4', '8000'], ['2025-11-29 12:00', 'A3', '-4000']];
    const r = await ingestFile(write(toCsv(['구매일시', '주문번호', '판매금액'], rows)), TZ);
    expect([r.series, r.info.rowsSkipped]).toEqual([{ start: '2025-11-29', orders: [1, 1], revenue: [2000, 8000] }, { refunded: 2, 'negative-amount': 2 }]);
    expect(r.warnings.map((w) => w.code)).toContain('LATER_CANCELLATIONS');
  });

  it('a time in a column of its own (승인일자 | 승인시간) is read with the date: a same-day 취소 takes its approval back', async () => {
    const header = ['승인일자', '승인시간', '승인번호', '승인구분', '승인금액'];
    const rows = [['2025-11-29', '10:00:00', '111', '승인', '1000'], ['2025-11-29', '11:00:00', '222', '승인', '2000'], ['2025-11-29', '23:59:59', '111', '취소', '1000'],
      ['2025-11-30', '09:00:00', '333', '승인', '4000'], ['2025-11-30', '14:00-16:00', '444', '승인', '8000']];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect([r.series, r.info.rowsSkipped, r.info.kindReason]).toEqual([{ start: '2025-11-29', orders: [1, 2], revenue: [2000, 12000] }, { cancelled: 2 },
      expect.stringContaining('the time of day from 승인시간')]);
  });

  it('a payment list of 20,000 approvals: a 취소 300 rows after its 승인 takes it back at every size of the memory of recent sales, past its wrap at 16,384', async () => {
    const header = ['승인일시', '승인번호', '승인구분', '승인금액'];
    const rows: string[][] = [];
    const at = (k: number) => { // ten approvals a minute from 01:00, each day
      const m = k % 10_000;
      return `2025-${k < 10_000 ? '11-29' : '11-30'} ${String(Math.floor(m / 600) + 1).padStart(2, '0')}:${String(Math.floor((m % 600) / 10)).padStart(2, '0')}:00`;
    };
    for (let k = 0; k < 20_000; k++) {
      rows.push([at(k), `P${k}`, '승인', String(1000 + (k % 7))]);
      if (k >= 300 && k % 10 === 0) rows.push([at(k), `P${k - 300}`, '취소', String(1000 + ((k - 300) % 7))]); // every tenth order, 300 orders on
    }
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    // the truth, day by day: orders k < 10,000 on 11-29; cancelled are k − 300 for k ≥ 300, k % 10 = 0
    const cancelled = (k: number) => k % 10 === 0 && k + 300 < 20_000;
    const expected = [0, 1].map((d) => {
      const ks = Array.from({ length: 10_000 }, (_, i) => d * 10_000 + i).filter((k) => !cancelled(k));
      return [ks.length, ks.reduce((s, k) => s + 1000 + (k % 7), 0)];
    });
    expect([r.series.orders, r.series.revenue, r.info.rowsSkipped]).toEqual([expected.map((e) => e[0]), expected.map((e) => e[1]), { cancelled: 2 * 1970 }]);
  });

  it('a hand-kept ledger: 취소 alone in its 비고 is a cancellation, a date written once per day holds for the rows under it', async () => {
    const rows = [['2025-11-29', '사과', '3000', ''], ['', '배', '2000', '취소'], ['', '감', '1000', '취소 요청 후 배송함'], ['2025-11-30', '사과', '3000', '(반품)'],
      ['', '배', '2000', '단골']];
    const r = await ingestFile(write(toCsv(['날짜', '품목', '금액', '비고'], rows)), TZ);
    expect([r.series, r.info.rowsSkipped, r.warnings.map((w) => w.code)]).toEqual([{ start: '2025-11-29', orders: [2, 1], revenue: [4000, 2000] },
      { cancelled: 1, returned: 1 }, ['MERGED_CELLS']]);
    expect(r.warnings[0].message).toContain('3 row(s) (from line 3) with the date blank, right under a dated row');
    expect(r.info.kindReason).toContain('비고 read for a cancellation');
    // beside a status column the memo is the buyer's note: the status says what happened
    const shop = await ingestFile(write(toCsv(['Name', 'Created at', 'Financial Status', 'Total', 'Notes'], [['#1', '2025-11-29 10:00', 'paid', '10', 'cancel']])), TZ);
    expect([shop.series.revenue, shop.info.rowsSkipped]).toEqual([[10], {}]);
  });

  it('a date column Excel saved in General format (serial numbers) is read; codes like them elsewhere are not dates', async () => {
    const r = await ingestFile(write(toCsv(['Order ID', 'Order Date', 'Amount', 'Store'], [['1', '45990.4375', '10', '45990'], ['2', '45991', '20', '45991'], ['3', '45991.999', '30', '45990']])), TZ);
    expect([r.series, r.info.columns.date]).toEqual([{ start: '2025-11-29', orders: [1, 2], revenue: [10, 50] }, 'Order Date']);
  });

  it('JavaScript\'s toLocaleString dates (`11/30/2025, 1:05:00 PM`) are read month first, their times too', async () => {
    const csv = toCsv(['Order ID', 'Order Date', 'Amount'], [['1', '11/29/2025, 11:59:59 PM', '10.50'], ['2', '11/30/2025, 12:00:01\u202fAM', 'US$2.00'], ['3', '11/30/2025, 1:05:00 PM', 'CA$5']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 2], revenue: [10.5, 7] });
  });

  it('Magento\'s order grid: `Closed` is a full refund (a credit memo), held and fraud-checked orders are not sales; elsewhere `Closed` is a sale', async () => {
    const rows = [['1', '2025-11-29 10:00', 'Complete', '10'], ['2', '2025-11-29 11:00', 'Closed', '20'], ['3', '2025-11-29 12:00', 'Suspected Fraud', '40'],
      ['4', '2025-11-29 13:00', 'Canceled', '80'], ['5', '2025-11-29 14:00', 'Processing', '160']];
    const magento = await ingestFile(write(toCsv(['ID', 'Purchase Date', 'Status', 'Grand Total (Purchased)', 'Bill-to Name'].slice(0, 4).concat('Bill-to Name'), rows.map((x) => [...x, 'Kim']))), TZ);
    expect([magento.series.revenue, magento.info.rowsSkipped]).toEqual([[170], { refunded: 1, unpaid: 1, cancelled: 1 }]);
    const other = await ingestFile(write(toCsv(['Order ID', 'Order Date', 'Status', 'Total'], rows)), TZ);
    expect(other.series.revenue).toEqual([190]);
  });

  it('PayPal\'s activity download with shopping cart details: the item rows detail the payment, counted once', async () => {
    const header = ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Transaction ID'];
    const rows = [['11/29/2025', '10:00:00', 'KST', 'Kim', 'Express Checkout Payment', 'Completed', 'USD', '141.00', 'T1'],
      ['11/29/2025', '10:00:00', 'KST', 'Kim', 'Shopping Cart Item', 'Completed', 'USD', '117.00', 'T1'], ['11/29/2025', '10:00:00', 'KST', 'Kim', 'Shopping Cart Item', 'Completed', 'USD', '24.00', 'T1'],
      ['11/30/2025', '09:00:00', 'KST', 'Lee', 'Express Checkout Payment', 'Completed', 'USD', '24.00', 'T2'], ['11/30/2025', '09:00:00', 'KST', 'Lee', 'Shopping Cart Item', 'Completed', 'USD', '24.00', 'T2']];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect([r.series.orders, r.series.revenue, r.info.rowsSkipped]).toEqual([[1, 1], [141, 24], { 'not-a-sale': 3 }]);
  });

  it('a POS\'s 취소여부 of 정상/취소 (부분취소 keeps the sale), month subtotals (4월 소계), and a device report\'s 전체 rows', async () => {
    const pos = await ingestFile(write(toCsv(['거래번호', '거래일시', '결제금액', '취소여부'],
      [['1', '2025-11-29 10:00', '1000', '정상'], ['2', '2025-11-29 11:00', '2000', '취소'], ['3', '2025-11-30 09:00', '4000', '부분취소'], ['4', '2025-11-30 10:00', '8000', '해당없음']])), TZ);
    expect([pos.series.revenue, pos.info.rowsSkipped]).toEqual([[1000, 12000], { cancelled: 1 }]);
    const months = await ingestFile(write(toCsv(['일자', '주문수', '매출액'], [['2025-04-29', '3', '300'], ['2025-04-30', '4', '400'], ['4월 소계', '7', '700'], ['2025-05-01', '5', '500'], ['2025-05 합계', '5', '500'], ['평균', '4', '400']])), TZ);
    expect([months.series.revenue, months.info.rowsSkipped]).toEqual([[300, 400, 500], { 'total-row': 3 }]);
    const device = await ingestFile(write(toCsv(['날짜', '디바이스', '주문수', '매출액'],
      [['2025-11-29', '전체', '3', '300'], ['2025-11-29', 'PC', '1', '100'], ['2025-11-29', '모바일', '2', '200'], ['2025-11-30', 'All', '5', '500'], ['2025-11-30', 'PC', '5', '500']])), TZ);
    expect([device.series.orders, device.series.revenue, device.info.rowsSkipped]).toEqual([[3, 5], [300, 500], { 'total-row': 2 }]);
  });

  it('order ids Excel rounded to scientific notation: told apart by their time, warned; without a time each row is an order', async () => {
    const csv = toCsv(HEADER, [
      ['2.02511E+15', '2025-11-29 10:00:05', '12,000', '배송완료'],
      ['2.02511E+15', '2025-11-29 10:00:05', '3,000', '배송완료'], // the second line of that order
      ['2.02511E+15', '2025-11-29 11:30:00', '5,000', '배송완료'],
      ['2.02511E+15', '2025-11-30 09:00:00', '7,000', '배송완료'],
      ['2025113000001', '2025-11-30 09:10:00', '1,000', '배송완료'], // an id typed out in full: as always
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 2], revenue: [20000, 8000] });
    expect(r.warnings.find((w) => w.code === 'ROUNDED_ORDER_IDS')?.message).toMatch(/^4 row\(s\) have an order id .*\("2\.02511E\+15"\)/);
    const days = toCsv(HEADER, [['2.02511E+15', '2025-11-29', '12,000', '배송완료'], ['2.02511E+15', '2025-11-29', '3,000', '배송완료']]);
    expect((await ingestFile(write(days), TZ)).series).toEqual({ start: '2025-11-29', orders: [2], revenue: [15000] });
  });

  it('read a payments export whose date header names UTC (Stripe style): days in --tz, failed payments left out', async () => {
    const csv = toCsv(['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'], [
      ['ch_1', '2025-11-28 14:59:00', '10000', '0', 'krw', 'Paid'], // 23:59 in Seoul: the 28th
      ['ch_2', '2025-11-28 15:00:00', '20000', '0', 'krw', 'Paid'], // 00:00 in Seoul: the 29th
      ['ch_3', '2025-11-28 16:00:00', '5000', '0', 'krw', 'Declined'],
      ['ch_4', '2025-11-29 02:00:00', '7000', '0', 'krw', 'Paid'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-28', orders: [1, 2], revenue: [10000, 27000] });
    expect(r.info).toMatchObject({ rows: 4, rowsUsed: 3, rowsSkipped: { cancelled: 1 }, columns: { date: 'Created (UTC)', id: 'id' } });
    expect(r.warnings.find((w) => w.code === 'HEADER_TIME_ZONE')?.message).toMatch(/read as UTC and counted on Asia\/Seoul days, which moved 2 row/);
    // the same file read for a seller in UTC moves nothing and says nothing
    const utc = await ingestFile(write(csv), { tz: 'UTC' });
    expect(utc.series).toEqual({ start: '2025-11-28', orders: [2, 1], revenue: [30000, 7000] });
    expect(utc.warnings.map((w) => w.code)).not.toContain('HEADER_TIME_ZONE');
  });

  it('a cancellation date written as NULL, \\N or 0000-00-00 (database dumps) is no cancellation', async () => {
    const csv = toCsv(['order_id', 'created_at', 'total', 'cancelled_at'], [
      ['1', '2025-11-28 10:00:00', '100', '0000-00-00 00:00:00'], ['2', '2025-11-28 11:00:00', '200', '\\N'], ['3', '2025-11-28 12:00:00', '300', 'NULL'],
      ['4', '2025-11-28 13:00:00', '400', '2025-11-29 09:00:00'], ['5', '2025-11-28 14:00:00', '500', ''],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.info).toMatchObject({ rows: 5, rowsUsed: 4, rowsSkipped: { cancelled: 1 } });
    expect(r.series.revenue).toEqual([1100]);
  });

  it('read a TSV that does not quote (an Amazon flat file) with a stray quote opening a cell: no lines merged', async () => {
    const tsv = ['amazon-order-id\tpurchase-date\torder-status\tproduct-name\tcurrency\titem-price',
      '111-1\t2025-11-10T01:00:00+00:00\tShipped\t"Organic Brown Rice 4kg\tUSD\t19.90',
      '111-2\t2025-11-11T01:00:00+00:00\tShipped\tCast iron pan\tUSD\t39.00',
      '111-3\t2025-11-12T01:00:00+00:00\tShipped\tDeluxe 10" bowl\tUSD\t15.00', ''].join('\n');
    const r = await ingestFile(write(tsv), { tz: 'UTC' });
    expect(r.info).toMatchObject({ rows: 3, rowsUsed: 3, delimiter: '\t' });
    expect(r.series).toEqual({ start: '2025-11-10', orders: [1, 1, 1], revenue: [19.9, 39, 15] });
  });

  it('read a ledger (PayPal activity download) by its Type: conversions, bank moves and refund rows are no sales', async () => {
    const H = ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID', 'Reference Txn ID'];
    const csv = toCsv(H, [
      ['11/14/2025', '11:00:00', 'PST', 'Hans Meier', 'Express Checkout Payment', 'Completed', 'EUR', '50.00', '-1.75', '48.25', 'T2', ''],
      ['11/14/2025', '11:00:00', 'PST', '', 'General Currency Conversion', 'Completed', 'EUR', '-48.25', '0.00', '-48.25', 'T3', 'T2'],
      ['11/14/2025', '11:00:00', 'PST', '', 'General Currency Conversion', 'Completed', 'USD', '52.11', '0.00', '52.11', 'T4', 'T2'],
      ['11/13/2025', '10:00:00', 'PST', 'Jane Doe', 'Express Checkout Payment', 'Completed', 'USD', '40.00', '-1.46', '38.54', 'T1', ''],
      ['11/15/2025', '09:00:00', 'PST', '', 'Bank Deposit to PP Account', 'Completed', 'USD', '200.00', '0.00', '200.00', 'T5', ''],
      ['11/15/2025', '09:30:00', 'PST', 'Jane Doe', 'Payment Refund', 'Completed', 'USD', '-40.00', '1.46', '-38.54', 'T6', 'T1'],
      ['11/16/2025', '09:00:00', 'PST', '', 'General Withdrawal', 'Completed', 'USD', '-150.00', '0.00', '-150.00', 'T7', ''],
      ['11/16/2025', '10:00:00', 'PST', 'Ann Lee', 'Website Payment', 'Completed', 'USD', '12.50', '-0.66', '11.84', 'T8', ''],
    ]);
    const r = await ingestFile(write(csv), TZ);
    // the two payments of the 13th and 14th and the one of the 16th; 50 EUR + 40 USD are summed as they are (MIXED_CURRENCIES)
    expect(r.series).toEqual({ start: '2025-11-13', orders: [1, 1, 0, 1], revenue: [40, 50, 0, 12.5] });
    expect(r.info).toMatchObject({ rows: 8, rowsUsed: 3, rowsSkipped: { 'not-a-sale': 4, refunded: 1 }, columns: { type: 'Type', amount: 'Gross' } });
    expect(r.warnings.find((w) => w.code === 'NOT_SALES')?.message).toBe(
      '4 row(s) whose Type is not a sale ("General Currency Conversion", "Bank Deposit to PP Account", "General Withdrawal") were left out: ' +
        'currency conversions, transfers, withdrawals, holds and fees are no orders');
  });

  it('read a marketplace export by its own headers (Shopee: creation date, line subtotal, order status)', async () => {
    const csv = toCsv(['Order ID', 'Order Status', 'Order Creation Date', 'Order Paid Time', 'Product Name', 'Deal Price', 'Quantity', 'Product Subtotal', 'Grand Total'], [
      ['250101A', 'Completed', '2025-01-01 10:00', '2025-01-02 09:00', 'a', '5000', '2', '10000', '13000'],
      ['250101A', 'Completed', '2025-01-01 10:00', '2025-01-02 09:00', 'b', '3000', '1', '3000', '13000'],
      ['250101B', 'Cancelled', '2025-01-01 11:00', '', 'a', '5000', '1', '5000', '5000'],
      ['250102C', 'To ship', '2025-01-02 12:00', '2025-01-02 12:01', 'c', '8000', '1', '8000', '8000'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [1, 1], revenue: [13000, 8000] });
    expect(r.info).toMatchObject({ rowsUsed: 3, rowsSkipped: { cancelled: 1 }, columns: { date: 'Order Creation Date', amount: 'Product Subtotal' } });
  });

  it('count an order total repeated (or blank) on an order\'s further lines once (Cafe24 style)', async () => {
    const csv = toCsv(['주문번호', '주문일시', '상품명', '총 결제금액'], [
      ['C1', '2025-11-30 10:00', 'a', '15,000'], ['C1', '2025-11-30 10:00', 'b', '15,000'], ['C1', '2025-11-30 10:00', 'c', ''],
      ['C2', '2025-11-30 11:00', 'a', '7,000'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-30', orders: [2], revenue: [22000] });
    expect(r.info).toMatchObject({ rows: 4, rowsUsed: 4 });
  });

  it('take a line with a blank amount as a further line of an order read before, and leave it out with a cancelled order', async () => {
    const csv = toCsv(['주문번호', '주문일시', '상품명', '결제금액', '주문상태'], [
      ['A1', '2025-11-30 10:00', 'a', '15,000', '결제완료'],
      ['A1', '2025-11-30 10:00', 'b', '', ''], // the order's cells left blank on its further lines
      ['A1', '', 'c', '', ''], // the date too
      ['A2', '2025-11-30 11:00', 'a', '7,000', '취소완료'],
      ['A2', '2025-11-30 11:00', 'b', '', ''], // a further line of a cancelled order: cancelled with it
      ['A3', '2025-12-01 09:00', 'a', '2,000', '결제완료'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-30', orders: [1, 1], revenue: [15000, 2000] });
    expect(r.info).toMatchObject({ rows: 6, rowsUsed: 4, rowsSkipped: { cancelled: 2 } });
  });

  it('still report a blank amount on an order\'s first line, without an id, or beside an unreadable date', async () => {
    const header = ['주문번호', '주문일시', '결제금액', '주문상태'];
    const cases: [string[][], string, RegExp][] = [
      [[['B1', '2025-11-30', '', '결제완료'], ['B1', '2025-11-30', '1,000', '결제완료']], 'BAD_NUMBERS', /1 row\(s\).*line 2: cannot read amount ""/],
      [[['B1', '2025-11-30', '1,000', '결제완료'], ['', '2025-11-30', '', '']], 'BAD_NUMBERS', /line 3: cannot read amount ""/],
      [[['B1', '2025-11-30', '1,000', '결제완료'], ['B2', '2025-11-30', '', '']], 'BAD_NUMBERS', /line 3: cannot read amount ""/], // B2 not read before
      [[['B1', '2025-11-30', '1,000', '결제완료'], ['B1', '2025-11-31', '', '']], 'BAD_DATES', /line 3: cannot read date "2025-11-31"/],
      [[['B1', '2025-11-30', '1,000', '취소완료'], ['B1', '2025-11-30', '', '결제완료']], 'BAD_NUMBERS', /line 3/], // its own status: not a further line of the cancelled one
    ];
    for (const [rows, code, message] of cases) {
      const e = await rejection(ingestFile(write(toCsv(header, rows)), TZ));
      expect([e.code, e.message], JSON.stringify(rows)).toEqual([code, expect.stringMatching(message)]);
    }
  });

  it('read a Shopify orders_export.csv: one order per Name, its Total once, non-sales left out with all their lines', async () => {
    const line = (qty: number, item: string, price: number) => ({ qty, item, price });
    const orders: ShopifyOrder[] = [ // newest first, as Shopify writes them
      // cancelled without a refund: Shopify's status still says paid, Cancelled at says what happened
      { name: '#1008', created: '2025-11-04 18:00:00 +0900', financial: 'paid', total: '16000.00', cancelledAt: '2025-11-04 19:30:00 +0900', lines: [line(2, 'jam', 6500)] },
      { name: '#1007', created: '2025-11-04 16:45:00 +0900', financial: 'authorized', total: '12500.00', lines: [line(1, 'jam', 4500), line(1, 'tea', 5000)] },
      { name: '#1006', created: '2025-11-04 09:00:00 +0900', financial: 'paid', total: '9000.00', lines: [line(1, 'honey', 6000)] },
      { name: '#1005', created: '2025-11-03 10:00:00 +0900', financial: 'refunded', total: '30000.00', refunded: '30000.00', lines: [line(1, 'tea', 5000), line(2, 'rice', 11000)] },
      { name: '#1004', created: '2025-11-02 15:10:00 +0000', financial: 'pending', total: '22000.00', lines: [line(1, 'rice', 11000), line(1, 'tea', 8000)] }, // 00:10 on 11-03 in Seoul
      { name: '#1003', created: '2025-11-02 23:30:00 +0900', financial: 'partially_refunded', total: '15000.00', refunded: '5000.00', lines: [line(1, 'gift box', 12000)] },
      { name: '#1002', created: '2025-11-02 18:20:00 +0900', financial: 'voided', total: '20000.00', lines: [line(1, 'honey', 6000), line(1, 'jam', 11000)] },
      { name: '#1001', created: '2025-11-02 14:03:11 +0900', financial: 'paid', total: '38000.00', lines: [line(2, 'tangerine', 12000), line(1, 'jam', 8000), line(1, 'tea', 3000)] },
    ];
    const r = await ingestFile(write(shopifyCsv(orders), 'orders_export.csv'), TZ);
    expect(r.info.columns).toMatchObject({ id: 'Name', date: 'Created at', amount: 'Total', status: 'Financial Status', cancelled: 'Cancelled at' });
    // 11-02: #1001 38,000 + #1003 15,000 (partly refunded: still a sale, gross); 11-03: #1004 (pending); 11-04: #1006 + #1007
    expect(r.series).toEqual({ start: '2025-11-02', orders: [2, 1, 2], revenue: [53000, 22000, 21500] });
    // 14 lines: #1008 (cancelled), #1002 (voided) and #1005 (refunded) are left out with every one of their lines
    expect(r.info).toMatchObject({ rows: 14, rowsUsed: 9, rowsSkipped: { cancelled: 3, refunded: 2 }, currencies: ['KRW'] });
    expect(r.warnings).toEqual([]);
  });

  it('leave out an order with a cancellation date unless its status says the cancellation was withdrawn or partial', async () => {
    const csv = toCsv(['주문번호', '주문일시', '결제금액', '주문상태', '취소일시'], [
      ['K1', '2025-11-30 10:00', '10,000', '결제완료', '2025-11-30 12:00'], // cancelled
      ['K2', '2025-11-30 11:00', '20,000', '취소철회', '2025-11-30 12:00'], // the cancellation withdrawn: a sale
      ['K3', '2025-11-30 12:00', '30,000', '부분취소', '2025-12-01 09:00'], // part of it cancelled: a sale
      ['K4', '2025-11-30 13:00', '40,000', '배송완료', ''],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.info.columns.cancelled).toBe('취소일시');
    expect(r.series).toEqual({ start: '2025-11-30', orders: [3], revenue: [90000] });
    expect(r.info.rowsSkipped).toEqual({ cancelled: 1 });
  });

  it('read an Amazon All Orders report: item-price is the line\'s amount, not a unit price', async () => {
    const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
      'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
      'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
      'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order',
      'purchase-order-number', 'price-designation'];
    // [order id, purchase-date (UTC), order-status, item-status, quantity, item-price]
    const lines: string[][] = [
      ['111-0000001-0000001', '2025-11-02T05:03:11+00:00', 'Shipped', 'Shipped', '2', '30.00'], // 2 × 15.00: the line is 30, not 60
      ['111-0000001-0000001', '2025-11-02T05:03:11+00:00', 'Shipped', 'Shipped', '1', '12.50'], // a second line of the same order
      ['111-0000002-0000002', '2025-11-02T16:30:00+00:00', 'Shipping', 'Unshipped', '3', '45.00'], // 01:30 on 11-03 in Seoul
      ['111-0000003-0000003', '2025-11-03T02:00:00+00:00', 'Cancelled', 'Cancelled', '0', ''], // no price: never read
      ['111-0000004-0000004', '2025-11-03T03:00:00+00:00', 'Pending', 'Unshipped', '1', '20.00'], // priced: a sale, like Shopify's pending
      ['111-0000005-0000005', '2025-11-03T04:00:00+00:00', 'Pending', 'Unshipped', '1', ''], // not priced until the payment is authorised:
      ['111-0000005-0000005', '2025-11-03T04:00:00+00:00', 'Pending', 'Unshipped', '2', ''], // left out and counted, not an error
    ];
    const rows = lines.map(([id, at, status, item, qty, price]) => header.map((h) => ({
      'amazon-order-id': id, 'purchase-date': at, 'last-updated-date': at, 'order-status': status, 'fulfillment-channel': 'Merchant',
      'sales-channel': 'Amazon.com', 'product-name': 'Tea', sku: 'T-1', asin: 'B000TEA', 'item-status': item, quantity: qty, currency: price ? 'USD' : '',
      'item-price': price, 'item-tax': price ? '1.00' : '', 'shipping-price': price ? '4.99' : '', 'ship-country': 'US', 'is-business-order': 'false',
    } as Record<string, string>)[h] ?? ''));
    const r = await ingestFile(write(toCsv(header, rows, '\t'), 'amazon.txt'), TZ);
    expect(r.info.columns).toMatchObject({ id: 'amazon-order-id', date: 'purchase-date', amount: 'item-price', status: 'order-status' });
    expect(r.series).toEqual({ start: '2025-11-02', orders: [1, 2], revenue: [42.5, 65] });
    expect(r.info).toMatchObject({ rows: 7, rowsUsed: 4, rowsSkipped: { cancelled: 1, 'pending-unpriced': 2 }, currencies: ['USD'] });
    expect(r.warnings.map((w) => w.code)).toEqual(['PENDING_UNPRICED']);
    // a blank amount on a row that is not pending is still an error
    const shipped = rows.map((row) => row.map((c) => (c === 'Pending' ? 'Shipped' : c)));
    expect((await rejection(ingestFile(write(toCsv(header, shipped, '\t'), 'amazon.txt'), TZ))).code).toBe('BAD_NUMBERS');
  });

  it('note the currencies of the rows used, and warn when they are mixed (never converting)', async () => {
    const header = ['order id', 'date', 'amount', 'status', 'Currency'];
    const one = await ingestFile(write(toCsv(header, [
      ['1', '2025-11-30', '10.00', 'paid', 'USD'], ['2', '2025-11-30', '5.00', 'paid', ' usd '], ['2', '2025-11-30', '', '', ''], // a further line
      ['3', '2025-11-30', '900', 'cancelled', 'JPY'], // not used: not noted
    ])), TZ);
    expect(one.info).toMatchObject({ currencies: ['USD'], columns: { currency: 'Currency' } });
    expect(one.warnings).toEqual([]);
    const mixed = await ingestFile(write(toCsv(header, [['1', '2025-11-30', '10.00', 'paid', 'USD'], ['2', '2025-12-01', '9.00', 'paid', 'EUR']])), TZ);
    expect(mixed.info.currencies).toEqual(['EUR', 'USD']);
    expect(mixed.series.revenue).toEqual([10, 9]); // summed as they are
    expect(mixed.warnings).toEqual([{ code: 'MIXED_CURRENCIES', message: expect.stringMatching(/"Currency" holds 2 currencies \(EUR, USD\).*not converted/) }]);
    const won = await ingestFile(write(toCsv(['주문번호', '주문일시', '결제금액', '통화'], [['1', '2025-11-30', '1000', '￦'], ['2', '2025-11-30', '2000', '원'], ['3', '2025-11-30', '3000', 'KRW']])), TZ);
    expect(won.info.currencies).toEqual(['KRW']);
    const none = await ingestFile(write(toCsv(['date', 'amount'], [['2025-11-30', '1000']])), TZ);
    expect(none.info.currencies).toBeUndefined();
    const daily = await ingestFile(write(toCsv(['date', 'orders', 'revenue', 'currency'], [['2025-11-30', '3', '30', 'GBP'], ['2025-12-01', '2', '20', '£']])), TZ);
    expect([daily.info.kind, daily.info.currencies]).toEqual(['daily', ['GBP']]);
  });

  it('leave out orders never paid for (입금전, Pending payment), with their further lines, and warn', async () => {
    const csv = toCsv(['주문번호', '주문일시', '상품구매금액', '주문상태'], [
      ['A1', '2025-11-29 10:00', '10,000', '배송완료'], ['A2', '2025-11-29 11:00', '20,000', '입금전'], ['A2', '', '', ''],
      ['A3', '2025-11-30 09:00', '30,000', '입금전 취소'], ['A4', '2025-11-30 12:00', '7,000', 'pending'],
    ]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 1], revenue: [10000, 7000] });
    expect(r.info).toMatchObject({ rows: 5, rowsUsed: 2, rowsSkipped: { unpaid: 2, cancelled: 1 } });
    expect(r.warnings.map((w) => w.code)).toEqual(['UNPAID_ORDERS']);
  });

  it('count an order total repeated on each line of its order (orders JOIN order_items) once per order, and say so', async () => {
    // 30 orders of 2–3 items; total_amount is the order's, unit_price × quantity the line's
    const rows: string[][] = [];
    let want = 0;
    for (let k = 0; k < 30; k++) {
      const lines = 2 + (k % 2);
      const total = 1000 * (k + 3);
      want += total;
      for (let j = 0; j < lines; j++) rows.push([`o${k}`, '2025-11-29 10:00', String(total), `SKU${j}`, '1', String(Math.round(total / lines))]);
    }
    const header = ['order_id', 'created_at', 'total_amount', 'sku', 'quantity', 'unit_price'];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [30], revenue: [want] });
    expect(r.warnings.map((w) => w.code)).toEqual(['REPEATED_ORDER_TOTALS']);
    // lines that each carry their own amount, the same within an order (a shop of one price per order), are summed
    const own = rows.map(([id, at, , sku, q, p]) => [id, at, p, sku, q, p]);
    const lineSum = own.reduce((s, x) => s + Number(x[2]), 0);
    const o = await ingestFile(write(toCsv(header, own)), TZ);
    expect([o.series.revenue, o.warnings]).toEqual([[lineSum], []]);
    // without price columns: many different repeated amounts are totals, one repeated price is not
    const bare = rows.map((x) => x.slice(0, 3));
    expect((await ingestFile(write(toCsv(header.slice(0, 3), bare)), TZ)).series.revenue).toEqual([want]);
    const onePrice = bare.map(([id, at]) => [id, at, '9900']);
    expect((await ingestFile(write(toCsv(header.slice(0, 3), onePrice)), TZ)).series.revenue).toEqual([9900 * rows.length]);
    // the lines need not be adjacent: sorted by SKU, an order's lines lie far apart
    const bySku = [...rows].sort((a, b) => a[3].localeCompare(b[3]) || a[0].localeCompare(b[0]));
    expect((await ingestFile(write(toCsv(header, bySku)), TZ)).series.revenue).toEqual([want]);
  });

  it('read cancellation and refund flags (취소여부 Y/N, is_canceled 0/1) and refund dates', async () => {
    const ko = toCsv(['주문번호', '주문일시', '결제상태', '취소여부', '환불여부', '결제금액'], [
      ['A1', '2025-11-29 10:00', '결제완료', 'N', 'N', '100'], ['A2', '2025-11-29 11:00', '결제완료', 'Y', 'N', '200'], ['A3', '2025-11-29 12:00', '결제완료', 'N', 'Y', '400'],
    ]);
    const k = await ingestFile(write(ko), TZ);
    expect([k.series.revenue, k.info.rowsSkipped, k.info.columns.cancelled, k.info.columns.refunded]).toEqual([[100], { cancelled: 1, refunded: 1 }, '취소여부', '환불여부']);
    const db = toCsv(['order_id', 'created_at', 'total_amount', 'is_canceled', 'refunded_at'], [
      ['1', '2025-11-29 10:00', '100', '0', ''], ['2', '2025-11-29 11:00', '200', '1', ''], ['3', '2025-11-29 12:00', '400', 'false', '2025-12-01 09:00'], ['4', '2025-11-29 13:00', '800', 'FALSE', 'NULL'],
    ]);
    const d = await ingestFile(write(db), TZ);
    expect([d.series.orders, d.series.revenue, d.info.rowsSkipped]).toEqual([[2], [900], { cancelled: 1, refunded: 1 }]);
    // a return's flag (반품여부), and 취소유무: a returned order's money was given back
    const ret = toCsv(['주문번호', '주문일자', '판매금액', '취소유무', '반품여부'], [['1', '2025-11-29', '100', 'N', 'N'], ['2', '2025-11-29', '200', 'N', 'Y'], ['3', '2025-11-29', '400', 'Y', 'N']]);
    const r = await ingestFile(write(ret), TZ);
    expect([r.series.revenue, r.info.rowsSkipped, r.info.columns.cancelled, r.info.columns.refunded]).toEqual([[100], { cancelled: 1, refunded: 1 }, '취소유무', '반품여부']);
    // 유/무 and 반품/미반품 say it as well as Y/N
    const words = toCsv(['주문번호', '주문일자', '판매금액', '취소유무', '반품여부'], [['1', '2025-11-29', '100', '무', '미반품'], ['2', '2025-11-29', '200', '무', '반품'], ['3', '2025-11-29', '400', '유', '미반품']]);
    expect((await ingestFile(write(words), TZ)).info.rowsSkipped).toEqual({ cancelled: 1, refunded: 1 });
  });

  it('note each seller\'s currencies apart in a --by file', async () => {
    const csv = toCsv(['seller', 'date', 'amount', 'currency'], [['a', '2025-11-30', '10', 'USD'], ['b', '2025-11-30', '1000', 'KRW'], ['a', '2025-12-01', '12', 'USD']]);
    const out = await ingestGrouped(write(csv), { ...TZ, by: 'seller' });
    const a = out.get('a') as { info: { currencies?: string[] }; warnings: unknown[] };
    const b = out.get('b') as { info: { currencies?: string[] }; warnings: unknown[] };
    expect([a.info.currencies, b.info.currencies, a.warnings, b.warnings.map((w) => (w as { code: string }).code)]).toEqual([['USD'], ['KRW'], [], ['SELLER_ENDS_EARLY']]);
  });

  it('read a European-locale ;-file: 12.900 is twelve thousand nine hundred, 135,50 has cents', async () => {
    const text = '주문번호;주문일시;결제금액\nE1;2025-11-30 10:00;12.900\nE2;2025-11-30 11:00;1.234.500 ₩\nE3;2025-12-01 09:00;135,50\n';
    expect((await ingestFile(write(text), TZ)).series).toEqual({ start: '2025-11-30', orders: [2, 1], revenue: [1247400, 135.5] });
  });

  it('read a comma CSV whose amounts have a decimal comma (Stripe in a European locale) when its own cells show it, and say so', async () => {
    const csv = toCsv(['id', 'Created (UTC)', 'Amount', 'Currency', 'Status'], [
      ['ch_1', '2025-11-29 04:05:22', '12,50', 'eur', 'Paid'], ['ch_2', '2025-11-30 04:05:22', '1.234,00', 'eur', 'Paid'], ['ch_3', '2025-11-30 05:00:00', '7', 'eur', 'Paid'],
    ]);
    const r = await ingestFile(write(csv), { tz: 'UTC' });
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 2], revenue: [12.5, 1241] });
    expect(r.warnings.map((w) => w.code)).toContain('DECIMAL_COMMA');
    // commas grouping thousands elsewhere in the file: 12,5 is a typo, not a decimal comma — an error as before
    const us = toCsv(['date', 'amount'], [['2025-11-29', '1,234'], ['2025-11-30', '12,5']]);
    expect(await rejection(ingestFile(write(us), TZ))).toMatchObject({ code: 'BAD_NUMBERS' });
  });

  it('read dots grouping thousands (Vietnamese, Indonesian shops) when the cells or the currency show it; else warn when every dot could', async () => {
    const header = ['Order ID', 'Order Creation Date', 'Grand Total'];
    const rows = [['1', '2025-11-29', '1.930.000'], ['2', '2025-11-29', '457.000'], ['3', '2025-11-30', '12']];
    const shown = await ingestFile(write(toCsv(header, rows)), TZ);
    expect([shown.series.revenue, shown.warnings.map((w) => w.code)]).toEqual([[2387000, 12], ['DOT_THOUSANDS']]);
    const ambiguous = rows.slice(1);
    const plain = await ingestFile(write(toCsv(header, ambiguous)), TZ);
    expect([plain.series.revenue, plain.warnings.map((w) => w.code)]).toEqual([[457, 12], ['AMBIGUOUS_DOTS']]);
    expect((await ingestFile(write(toCsv(header, ambiguous)), { ...TZ, currency: 'VND' })).series.revenue).toEqual([457000, 12]);
    const column = await ingestFile(write(toCsv([...header, 'Currency'], ambiguous.map((r) => [...r, 'IDR']))), TZ);
    expect(column.series.revenue).toEqual([457000, 12]);
    const named = await ingestFile(write(toCsv(['Order ID', 'Order Creation Date', 'Grand Total (VND)'], ambiguous)), TZ);
    expect(named.series.revenue).toEqual([457000, 12]);
    // a dot beside two decimals elsewhere: 457.000 is a decimal after all, and nothing is said
    const cents = await ingestFile(write(toCsv(header, [...ambiguous, ['4', '2025-11-30', '3.50']])), TZ);
    expect([cents.series.revenue, cents.warnings]).toEqual([[457, 15.5], []]);
  });

  it('read a daily report with a row-number column, and a monthly settlement statement', async () => {
    const daily = toCsv(['No', '일자', '주문수', '매출액'], [['1', '2025-11-29', '4', '100,000'], ['2', '2025-11-30', '6', '150,000']]);
    const d = await ingestFile(write(daily), TZ);
    expect(d.series).toEqual({ start: '2025-11-29', orders: [4, 6], revenue: [100000, 150000] });
    expect(d.info.kind).toBe('daily');
    const settle = toCsv(['정산월', '판매금액', '정산금액'], [['2025-10', '8,000,000', '7,600,000'], ['2025-11', '3,000,000', '0']]);
    const m = await ingestFile(write(settle), TZ);
    expect(m.info).toMatchObject({ kind: 'daily', columns: { date: '정산월', revenue: '판매금액' } });
    expect(m.series.revenue[0]).toBe(8000000);
    expect(m.series.revenue[31]).toBe(3000000); // 2025-11-01; the days between are unknown, not zero
    expect(m.series.revenue[1]).toBeNull();
    expect(m.series.orders.every((o) => o === null)).toBe(true);
  });
});

describe('dates with slashes', () => {
  it('read month first when a date of the file shows it (an Etsy-like export), and say so', async () => {
    const csv = toCsv(['Sale Date', 'Order ID', 'Order Total', 'Status'],
      [['12/01/25', '1003', '10.00', 'Completed'], ['11/30/25', '1002', '33.00', 'Completed'], ['11/29/25', '1001', '22.00', 'Completed']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 1, 1], revenue: [22, 33, 10] });
    expect(r.warnings.find((w) => w.code === 'SLASH_DATES')?.message).toMatch(/month first/);
  });

  it('read dots with a 2-digit year as slashes are: 25.04.01 (Korean receipts) year first, 01.04.25 (LibreOffice in German) day first', async () => {
    const days = Array.from({ length: 40 }, (_, d) => new Date(Date.UTC(2025, 3, 1 + d)));
    const two = (n: number) => String(n).padStart(2, '0');
    const ko = days.map((t, k) => [`K${k}`, `${two(t.getUTCFullYear() % 100)}.${two(t.getUTCMonth() + 1)}.${two(t.getUTCDate())} 10:00`, '1000']);
    const de = days.map((t, k) => [`D${k}`, `${two(t.getUTCDate())}.${two(t.getUTCMonth() + 1)}.${two(t.getUTCFullYear() % 100)}`, '1000']);
    for (const [rows, how] of [[ko, /year first/], [de, /day first/]] as const) {
      const r = await ingestFile(write(toCsv(['주문번호', '주문일시', '결제금액'], rows)), TZ);
      expect([r.info.firstDate, r.info.lastDate, r.series.orders.every((o) => o === 1)]).toEqual(['2025-04-01', '2025-05-10', true]);
      expect(r.warnings.find((w) => w.code === 'SLASH_DATES')?.message).toMatch(how);
    }
    // every part 12 or less: nothing tells, the dates stay unread
    const e = await rejection(ingestFile(write(toCsv(['주문번호', '주문일시', '결제금액'], [['1', '01.02.03', '1'], ['2', '03.02.01', '1']])), TZ));
    expect(e.code).toBe('BAD_DATES');
  });

  it('read a POS\'s yy/mm/dd (few first parts, many last ones) year first, and say so; a day-first file stays day-first', async () => {
    const days = Array.from({ length: 12 }, (_, k) => [`25/11/${String(k + 10)}`, String(1000 * (k + 1))]);
    const r = await ingestFile(write(toCsv(['판매일자', '판매금액'], days)), TZ);
    expect([r.info.firstDate, r.info.lastDate, r.series.revenue[0]]).toEqual(['2025-11-10', '2025-11-21', 1000]);
    expect(r.warnings.find((w) => w.code === 'SLASH_DATES')?.message).toMatch(/year first/);
    const dmy = Array.from({ length: 12 }, (_, k) => [`${String(k + 13)}/11/25`, '1000']);
    expect((await ingestFile(write(toCsv(['판매일자', '판매금액'], dmy)), TZ)).info).toMatchObject({ firstDate: '2025-11-13', lastDate: '2025-11-24' });
    // a 4-day POS export: day first would be 25 November of 2021 … 2024
    const short = ['21', '22', '23', '24'].map((d) => [`25/11/${d} 10:00`, '1000']);
    expect((await ingestFile(write(toCsv(['판매일시', '판매금액'], short)), TZ)).info).toMatchObject({ firstDate: '2025-11-21', lastDate: '2025-11-24' });
    // three day-first days of one year are not that: few first parts, one last
    const dmyShort = ['21', '22', '23'].map((d) => [`${d}/11/25`, '1000']);
    expect((await ingestFile(write(toCsv(['판매일자', '판매금액'], dmyShort)), TZ)).info).toMatchObject({ firstDate: '2025-11-21', lastDate: '2025-11-23' });
  });

  it('read day first in a daily file whose dates show it, also grouped with --by', async () => {
    const rows = [['01/12/2025', 'a', '3', '30'], ['13/12/2025', 'a', '4', '40'], ['02/12/2025', 'b', '5', '50']];
    const r = await ingestGrouped(write(toCsv(['date', 'seller', 'orders', 'revenue'], rows)), { ...TZ, by: 'seller' });
    const a = r.get('a');
    if (a instanceof LossCalcError || !a) throw new Error('seller a failed');
    expect(a.series.start).toBe('2025-12-01');
    expect(a.series.orders[12]).toBe(4);
    expect(a.warnings.map((w) => w.code)).toContain('SLASH_DATES');
  });

  it('stay unreadable (BAD_DATES, nothing guessed) when no date tells month from day, or both do', async () => {
    const either = toCsv(['date', 'orders', 'revenue'], [['01/02/2025', '3', '30'], ['02/03/2025', '4', '40']]);
    expect((await rejection(ingestFile(write(either), TZ))).code).toBe('BAD_DATES');
    const mixed = toCsv(['date', 'orders', 'revenue'], [['13/01/2025', '3', '30'], ['01/14/2025', '4', '40']]);
    expect((await rejection(ingestFile(write(mixed), TZ))).code).toBe('BAD_DATES');
  });
});

describe('daily aggregates', () => {
  it('a breakdown\'s row without the label every other row of its date has (채널 blank), carrying their sums, is the day\'s total', async () => {
    const header = ['일자', '요일', '채널', '주문수', '결제금액'];
    const rows = [['2025.08.01', '금', '스토어', '7', '119,000'], ['2025.08.01', '금', '앱', '10', '210,000'], ['2025.08.01', '금', '', '17', '329,000'],
      ['2025.08.02', '토', '스토어', '2', '34,000'], ['2025.08.02', '토', '앱', '0', '0'], ['2025.08.02', '토', '', '2', '34,000'],
      // a third part that is no total: its own label, or blank but not the sum
      ['2025.08.03', '일', '스토어', '1', '10,000'], ['2025.08.03', '일', '앱', '2', '20,000'], ['2025.08.03', '일', '', '4', '40,000']];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect(r.series).toEqual({ start: '2025-08-01', orders: [17, 2, 7], revenue: [329000, 34000, 70000] });
    expect(r.info.rowsSkipped).toEqual({ 'total-row': 2 });
  });

  it('sum a report broken down by device or product per date, leave its 합계 rows out, and say so; the same row twice is a repeated date', async () => {
    const header = ['날짜', '디바이스', '결제수', '결제자수', '결제금액'];
    const rows = [['2025-01-01', 'PC', '3', '3', '30,000'], ['2025-01-01', '모바일', '5', '4', '50,000'], ['2025-01-01', '합계', '8', '7', '80,000'],
      ['2025-01-02', '합계', '9', '8', '90,000'], ['2025-01-02', 'PC', '4', '4', '40,000'], ['2025-01-02', '모바일', '5', '5', '50,000'],
      ['2025-01-03', '합계', '2', '2', '20,000']]; // a day with only its total: the total is the day
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [8, 9, 2], revenue: [80000, 90000, 20000] });
    expect(r.info).toMatchObject({ rows: 7, rowsUsed: 5, rowsSkipped: { 'total-row': 2 } });
    expect(r.warnings.map((w) => w.code)).toEqual(['BREAKDOWN_SUMMED']);
    const twice = toCsv(header, [rows[0], rows[1], rows[0]]);
    expect((await rejection(ingestFile(write(twice), TZ))).code).toBe('DUPLICATE_DATES');
    // rows that differ only in numbers (a row number, a count) are a repeated date, not a breakdown
    const typo = toCsv(['No', '일자', '주문수', '매출액', '방문자수'], [['1', '2025-01-01', '3', '300', '40'], ['2', '2025-01-01', '4', '400', '50']]);
    expect((await rejection(ingestFile(write(typo), TZ))).code).toBe('DUPLICATE_DATES');
  });

  it('multiply amounts by the unit a header or a title line states (천원, 백만원, $000), and say so', async () => {
    const own = await ingestFile(write(toCsv(['일자', '주문수', '매출(천원)'], [['2025-11-29', '4', '1,234.5'], ['2025-11-30', '6', '1.234']])), TZ);
    expect(own.series).toEqual({ start: '2025-11-29', orders: [4, 6], revenue: [1234500, 1234] });
    expect(own.warnings).toContainEqual({ code: 'MONEY_UNIT', message: 'the header "매출(천원)" says "(천원)": amounts of "매출(천원)" were multiplied by 1,000' });
    // amounts in cents (a payment API's export): hundredths, to the cent
    const cents = await ingestFile(write(toCsv(['id', 'created', 'amount_cents'], [['ch_1', '2025-11-01 10:00', '2499'], ['ch_2', '2025-11-01 11:00', '1001']])), TZ);
    expect([cents.series.revenue, cents.warnings.map((w) => w.message)]).toEqual([[35], ['the header "amount_cents" says "cents": amounts of "amount_cents" were divided by 100']]);
    const title = await ingestFile(write(`일별 매출 현황,,\n,,(단위: 백만원)\n일자,주문수,매출액\n2025-11-29,4,2.5\n`), TZ);
    expect(title.series.revenue).toEqual([2500000]);
    expect(title.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['PREAMBLE', 'MONEY_UNIT']));
    // the column's own unit wins over the title's; 원 is a unit of one
    const won = await ingestFile(write('(단위: 천원)\n일자,주문수,매출액(원)\n2025-11-29,4,"12,000"\n'), TZ);
    expect([won.series.revenue, won.warnings.map((w) => w.code)]).toEqual([[12000], ['PREAMBLE']]);
    const orders = await ingestFile(write(toCsv(['Order ID', 'Order Date', 'Amount ($000)'], [['1', '2025-11-29', '1.5'], ['2', '2025-11-29', '0.25']])), TZ);
    expect(orders.series.revenue).toEqual([1750]);
    const trailing = await ingestFile(write(toCsv(['일자', '주문수', '매출액_천원'], [['2025-11-29', '4', '7']])), TZ);
    expect([trailing.info.columns.revenue, trailing.series.revenue]).toEqual(['매출액_천원', [7000]]);
  });

  it('leave missing days unknown and warn', async () => {
    const csv = toCsv(['date', 'orders', 'revenue'], [['2025-01-04', '5', '50000'], ['2025-01-01', '3', '30000'], ['2025-01-02', '0', '0']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [3, 0, null, 5], revenue: [30000, 0, null, 50000] });
    expect(r.info).toMatchObject({ kind: 'daily', emptyDays: 1, rows: 3, rowsUsed: 3 });
    expect(r.warnings.find((w) => w.code === 'MISSING_DAYS')?.message).toMatch(/2025-01-03/);
  });

  it('a line describing each column right under the header (TikTok Shop) is passed over with DESCRIPTION_LINE', async () => {
    const csv = ['Order ID,Order Status,Order Amount,Created Time', 'Platform unique order ID.,Current order status.,Total order amount.,Order creation time.',
      '5764614130\t,Canceled\t,USD 59.97\t,09/01/2025 08:09:05 PM\t', '5764614131\t,Shipped\t,USD 19.99\t,09/13/2025 10:00:00 AM\t', ''].join('\n');
    const r = await ingestFile(write(csv), TZ);
    expect(r.info).toMatchObject({ rows: 2, rowsUsed: 1, rowsSkipped: { cancelled: 1 }, columns: { date: 'Created Time', amount: 'Order Amount' } });
    expect([r.series.start, r.series.revenue.at(-1)]).toEqual(['2025-09-01', 19.99]); // the cancelled order's day is a day without sales
    expect(r.warnings[0]).toEqual({ code: 'DESCRIPTION_LINE',
      message: 'line 2, right under the header, describes its columns ("Platform unique order ID.", "Current order status.", "Total order amount.", …) and was not read' });
    // a first data row with a bad date and no amount is no description: it is a bad date, as before
    const bad = write(['주문번호,주문일시,상품명,결제금액,비고', 'A-1,미정,상품A,,메모', 'A-2,2025-09-01,상품B,1000,메모', ''].join('\n'));
    expect((await rejection(ingestFile(bad, TZ))).code).toBe('BAD_DATES');
  });

  it('a weekly report whose rows are date ranges: each week on its first day; a range over several weeks is its total', async () => {
    const csv = ['기간,주문수,매출액', '2025.09.01 ~ 2025.09.07,152,1672000', '2025.09.08 ~ 2025.09.14,166,1826000', '2025.09.15 ~ 2025.09.21,140,1540000',
      '2025.09.01 ~ 2025.09.21,458,5038000', ''].join('\n');
    const r = await ingestFile(write(csv), TZ);
    expect(r.series.start).toBe('2025-09-01');
    expect([r.series.orders[0], r.series.orders[7], r.series.orders[14], r.series.orders.length]).toEqual([152, 166, 140, 15]);
    expect(r.info).toMatchObject({ kind: 'daily', rowsUsed: 3, rowsSkipped: { 'total-row': 1 }, emptyDays: 0 });
    const monthly = await ingestFile(write('기간,매출\n2025-01-01~2025-01-31,100\n2025-02-01~2025-02-28,200\n2025-03-01~2025-03-31,300\n'), TZ);
    expect([monthly.series.start, monthly.series.revenue[31], monthly.info.rowsUsed]).toEqual(['2025-01-01', 200, 3]);
    // in a daily table a range is a summary's label, as before
    const daily = await ingestFile(write('날짜,주문수\n2025-09-01,3\n2025-09-02,4\n2025-09-01~2025-09-07,7\n'), TZ);
    expect([daily.series.orders, daily.info.rowsSkipped]).toEqual([[3, 4], { 'total-row': 1 }]);
    // a total first, a cut first and last week: the whole weeks decide, the cut ones are left out and named
    const cut = ['기간,주문수', '합계,458', '2025.08.28 ~ 2025.08.31,60', '2025.09.01 ~ 2025.09.07,152', '2025.09.08 ~ 2025.09.14,166', '2025.09.15 ~ 2025.09.21,140',
      '2025.09.22 ~ 2025.09.24,70', ''].join('\n');
    const c = await ingestFile(write(cut), TZ);
    expect([c.series.start, c.info.rowsUsed, c.info.rowsSkipped]).toEqual(['2025-09-01', 3, { 'total-row': 3 }]);
    expect(c.warnings.find((w) => w.code === 'PARTIAL_PERIODS')?.message).toMatch(/^2 row\(s\) cover part of a week or month \("2025\.08\.28 ~ 2025\.08\.31", "2025\.09\.22 ~ 2025\.09\.24"\)/);
    // in a monthly table a last month cut at 7 days is part of a month, not a week; in a weekly one a month is a total
    const months = ['기간,매출', '2025.07.01 ~ 2025.07.31,100', '2025.08.01 ~ 2025.08.31,100', '2025.09.01 ~ 2025.09.30,100', '2025.10.01 ~ 2025.10.07,20', ''].join('\n');
    const m = await ingestFile(write(months), TZ);
    expect([m.info.rowsUsed, m.info.lastDate, m.warnings.map((w) => w.code)]).toEqual([3, '2025-09-01', ['PARTIAL_PERIODS', 'NO_ORDERS_COLUMN']]);
    const weeks = ['기간,주문수', '2025.09.01 ~ 2025.09.07,1', '2025.09.08 ~ 2025.09.14,2', '2025.09.15 ~ 2025.09.21,3', '2025.09.01 ~ 2025.09.30,6', '2025.09.01 ~ 2025.09.21,6', ''].join('\n');
    const w = await ingestFile(write(weeks), TZ);
    expect([w.info.rowsUsed, w.info.rowsSkipped, w.warnings.map((x) => x.code)]).toEqual([3, { 'total-row': 2 }, ['NO_REVENUE_COLUMN']]); // no PARTIAL_PERIODS
  });

  it('a POS export flagging voids in a column of its own (Toast\'s Voided, true/false) leaves the voided checks out', async () => {
    const csv = 'Order #,Order Date,Amount,Voided\n101,2025-09-01 10:00,12000,false\n102,2025-09-01 11:00,8000,true\n103,2025-09-02 09:30,5000,FALSE\n';
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-09-01', orders: [1, 1], revenue: [12000, 5000] });
    expect(r.info).toMatchObject({ columns: { cancelled: 'Voided' }, rowsSkipped: { cancelled: 1 } });
  });

  it('Korean card and accounting summaries: net 합계 beside 승인/취소, a card company\'s net day below 0, 주계 rows, 승인년월, 더존\'s 합계', async () => {
    // 여신금융협회's daily sales by card company: 합계건수/합계금액 are net of 취소; one company's day may be negative
    const card = await ingestFile(write(toCsv(['승인일자', '카드사', '승인건수', '승인금액', '취소건수', '취소금액', '합계건수', '합계금액'], [
      ['2025.07.01', '신한카드', '2', '46,100', '0', '0', '2', '46,100'], ['2025.07.01', 'KB국민카드', '0', '0', '1', '3,400', '-1', '-3,400'],
      ['2025.07.02', '신한카드', '3', '30,000', '0', '0', '3', '30,000']])), TZ);
    expect([card.info.kind, card.info.columns.orders, card.info.columns.revenue, card.series.orders, card.series.revenue]).toEqual(['daily', '합계건수', '합계금액', [1, 3], [42700, 30000]]);
    // a day summing below 0 is still refused, naming the day
    const below = await rejection(ingestFile(write(toCsv(['승인일자', '카드사', '합계건수', '합계금액'], [['2025.07.01', 'A', '1', '100'], ['2025.07.01', 'B', '-2', '-300']])), TZ));
    expect([below.code, below.message]).toEqual(['NEGATIVE_VALUES', expect.stringContaining('2025-07-01 (its rows from line 2 summed): orders -1')]);
    const net = await ingestFile(write(toCsv(['승인일자', '승인건수', '승인금액', '취소건수', '취소금액', '순매출건수', '순매출금액'], [['20250701', '24', '276,000', '2', '18,000', '22', '258,000']])), TZ);
    expect([net.info.columns.orders, net.info.columns.revenue, net.series.revenue]).toEqual(['순매출건수', '순매출금액', [258000]]);
    // 홈택스's monthly card sales; a POS report's weekly 주계 rows
    const hometax = await ingestFile(write(toCsv(['승인년월', '건수', '매출액합계'], [['2025-01', '368', '3,054,400'], ['2025-02', '485', '5,432,000'], ['2025-03', '400', '4,000,000']])), TZ);
    expect([hometax.info.columns.date, hometax.info.columns.revenue, hometax.series.revenue[31]]).toEqual(['승인년월', '매출액합계', 5432000]);
    const pos = await ingestFile(write(toCsv(['영업일자', '매출건수', '순매출액'], [['2025-07-01', '27', '224200'], ['2025-07-02', '37', '237500'], ['주계', '64', '461700']])), TZ);
    expect([pos.series.orders, pos.info.rowsSkipped]).toEqual([[27, 37], { 'total-row': 1 }]);
    // 더존's 매입매출장: 합계 (공급가액 + 부가세) is the line's amount, not 단가 × 수량
    const ledger = await ingestFile(write(toCsv(['일자', '유형', '품명', '수량', '단가', '공급가액', '부가세', '합계'], [['2025-07-01', '과세', '상품0', '1', '24,000', '24,000', '2,400', '26,400']])), TZ);
    expect([ledger.info.columns.amount, ledger.series.revenue]).toEqual(['합계', [26400]]);
    // 더존's 매입매출장 with dates of month and day only: the year from the title's period, across a new year too
    const yearless = ['매입매출장', '기간 : 2025년 12월 01일 ~ 2026년 01월 31일', '', '일자,품명,수량,공급가액,부가세,합계', '12-31,상품0,1,"1,000",100,"1,100"', '01-02,상품1,1,"2,000",200,"2,200"', ''].join('\n');
    const y = await ingestFile(write(yearless), TZ);
    expect([y.series.start, y.series.revenue[0], y.series.revenue[2], y.warnings.map((w) => w.code)]).toEqual(['2025-12-31', 1100, 2200, ['PREAMBLE', 'YEAR_FROM_TITLE']]);
    // 세무사랑's 월 | 일 columns under such a title: the month and the day of one date
    const split = ['매입매출전표 리스트', '2025년 07월 01일 ~ 2025년 09월 30일', '', '월,일,번호,품목,합계금액', '07,01,50000,상품,"47,400"', '07,02,50000,상품,"24,400"', ''].join('\n');
    const k = await ingestFile(write(split), TZ);
    expect([k.series.start, k.series.revenue, k.warnings.map((w) => w.code)]).toEqual(['2025-07-01', [47400, 24400], expect.arrayContaining(['YEAR_FROM_TITLE'])]);
    // without a period above, a date without its year is unreadable, as before
    expect((await rejection(ingestFile(write('일자,금액\n12-31,1000\n01-02,2000\n'), TZ))).code).toBe('BAD_DATES');
    // 이카운트's 일자-No.: the date and that day's slip number
    const ecount = await ingestFile(write(toCsv(['일자-No.', '거래처명', '품목명', '금액'], [['2025/07/01 -1', 'A', 'x', '1000'], ['2025/07/01 -2', 'B', 'y', '2000'], ['2025/07/02 -1', 'A', 'x', '500']])), TZ);
    expect([ecount.info.columns.date, ecount.series]).toEqual(['일자-No.', { start: '2025-07-01', orders: [2, 1], revenue: [3000, 500] }]);
  });

  it('pandas to_csv with an unnamed date index: the blank first header is the date column', async () => {
    const r = await ingestFile(write(',orders,revenue\n2025-09-01,6,60000.0\n2025-09-02,7,70000.0\n'), TZ);
    expect(r.series).toEqual({ start: '2025-09-01', orders: [6, 7], revenue: [60000, 70000] });
    expect(r.info).toMatchObject({ kind: 'daily', columns: { date: '', orders: 'orders', revenue: 'revenue' } });
    // a multi-level header's top line (`,amount,amount`: groupby().agg([...])) is no such header: the lines under it are read as before
    const multi = await ingestFile(write(',amount,amount\n,count,sum\norder_date,,\n2025-09-01,6,60000\n2025-09-02,7,70000\n'), TZ);
    expect([multi.info.columns.date, multi.series.orders]).toEqual(['order_date', [6, 7]]);
    // a row-number index (pandas' default) is no date: the error says which column was taken, and how to name another
    const e = await rejection(ingestFile(write(',orders,revenue\n0,6,600\n1,7,700\n'), TZ));
    expect([e.code, e.hint]).toEqual(['BAD_DATES', expect.stringContaining('--columns date=')]);
  });

  it('a GA4 export: # comment lines above the table, and under it over the grand total\'s own header and row', async () => {
    const days = ['20250901,10,230005.0', '20250902,17,391008.5', '20250903,0,0'];
    const csv = ['# ----------------------------------------', '# Ecommerce purchases', '# Start date: 20250901', '', 'Date,Transactions,Purchase revenue',
      ...days, '', '# ----------------------------------------', '# Grand total', 'Transactions,Purchase revenue', '27,621013.5', ''].join('\n');
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-09-01', orders: [10, 17, 0], revenue: [230005, 391008.5, 0] });
    expect(r.info).toMatchObject({ kind: 'daily', rowsUsed: 3, rowsSkipped: { 'total-row': 4 } });
    // a grand total that reads as an Excel date serial (43591 transactions) is still the total
    const big = await ingestFile(write(csv.replace('27,621013.5', '43591,2179550')), TZ);
    expect([big.series.orders, big.info.rowsSkipped]).toEqual([[10, 17, 0], { 'total-row': 4 }]);
    // only under a comment: short dated rows after an ordinary 합계 and a title line are data, never dropped
    const stacked = ['Date,Transactions,Purchase revenue', ...days, '합계,27,621013.5', '[스토어B],,', '20250904,5', '20250905,6', ''].join('\n');
    expect((await rejection(ingestFile(write(stacked), TZ))).code).toMatch(/^BAD_(DATES|CSV)$/);
  });

  it('weekly totals on Sundays: a missing week is a missing day, the Mondays are not', async () => {
    const weeks = Array.from({ length: 10 }, (_, k) => isoOf(183 + 7 * k)).filter((d) => d !== '2025-09-14').map((d) => [d, '70', '700000']);
    expect(weeks[0][0]).toBe('2025-08-31'); // a Sunday
    const r = await ingestFile(write(toCsv(['week', 'orders', 'revenue'], weeks)), TZ);
    expect([r.info.emptyDays, r.warnings.find((w) => w.code === 'MISSING_DAYS')?.message]).toEqual([1, '1 day(s) have no row or no values (2025-09-14): left unknown, not zero']);
  });

  it('monthly totals: a missing month is a missing day, the days between months are not', async () => {
    const months = ['2025-01-01', '2025-02-01', '2025-04-01', '2025-05-01'].map((d) => [d, '30', '300000']);
    const r = await ingestFile(write(toCsv(['월', '주문수', '매출'], months)), TZ);
    expect(r.info.emptyDays).toBe(1);
    expect(r.warnings.find((w) => w.code === 'MISSING_DAYS')?.message).toBe('1 day(s) have no row or no values (2025-03-01): left unknown, not zero');
    const whole = await ingestFile(write(toCsv(['월', '주문수', '매출'], months.slice(2).concat([['2025-06-01', '30', '300000']]))), TZ); // 3 rows: fewer cannot show a period
    expect([whole.info.emptyDays, whole.warnings.map((w) => w.code)]).toEqual([0, []]);
  });

  it('read 날짜/주문수/매출액 with 건 and 원, and null a measure without a column', async () => {
    const r = await ingestFile(write(toCsv(['날짜', '매출액'], [['2025.01.01', '1,000원'], ['2025.01.02', '2,000원']])), TZ);
    expect(r.info.kind).toBe('orders'); // date + amount alone is an order list…
    const d = await ingestFile(write(toCsv(['날짜', '일매출'], [['2025.01.01', '1,000원'], ['2025.01.02', '2,000원']])), TZ);
    expect(d.info.kind).toBe('daily'); // …a revenue name makes it an aggregate
    expect(d.series).toEqual({ start: '2025-01-01', orders: [null, null], revenue: [1000, 2000] });
    expect(d.warnings.map((w) => w.code)).toContain('NO_ORDERS_COLUMN');
    const o = await ingestFile(write(toCsv(['일자', '주문건수'], [['20250101', '3건'], ['20250102', '4건']])), TZ);
    expect(o.series).toEqual({ start: '2025-01-01', orders: [3, 4], revenue: [null, null] });
    expect(o.warnings.map((w) => w.code)).toContain('NO_REVENUE_COLUMN');
  });

  it('skip a total row labelled in a row-number column', async () => {
    const csv = toCsv(['순번', '일자', '주문수', '매출액'], [['1', '2025.01.01(수)', '3', '30,000'], ['2', '2025.01.02(목)', '4', '40,000'], ['합계', '', '7', '70,000']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [3, 4], revenue: [30000, 40000] });
    expect(r.info).toMatchObject({ kind: 'daily', rows: 3, rowsUsed: 2, rowsSkipped: { 'total-row': 1 } });
  });

  it('treat empty cells as unknown and a row without values as skipped', async () => {
    const csv = toCsv(['date', 'orders', 'revenue'], [['2025-01-01', '3', ''], ['2025-01-02', '', ''], ['2025-01-03', '2', '200']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [3, null, 2], revenue: [null, null, 200] });
    expect(r.info).toMatchObject({ rows: 3, rowsUsed: 2, rowsSkipped: { 'no-values': 1 }, emptyDays: 1 });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['EMPTY_VALUES', 'MISSING_DAYS']);
  });

  it('read dates without a row as unknown, with a hint when no row has 0 orders; as days without sales with --missing-days zero', async () => {
    // a GROUP BY query's output: the 2nd and 4th had no orders, so no row; the 6th's cells are empty (unknown whatever the option)
    const csv = toCsv(['date', 'orders', 'revenue'], [['2025-01-01', '3', '300'], ['2025-01-03', '1', '100'], ['2025-01-05', '2', '200'],
      ['2025-01-06', '', ''], ['2025-01-07', '4', '400']]);
    const p = write(csv);
    const unknown = await ingestFile(p, TZ);
    expect(unknown.series.orders).toEqual([3, null, 1, null, 2, null, 4]);
    expect(unknown.warnings.find((w) => w.code === 'MISSING_DAYS')?.message).toMatch(/no row has 0 orders, .* if those 2 day\(s\) had none, pass --missing-days zero$/);
    const zero = await ingestFile(p, { ...TZ, missingDays: 'zero' });
    expect(zero.series).toEqual({ start: '2025-01-01', orders: [3, 0, 1, 0, 2, null, 4], revenue: [300, 0, 100, 0, 200, null, 400] });
    expect(zero.info.emptyDays).toBe(1);
    expect(zero.warnings.find((w) => w.code === 'MISSING_DAYS_AS_ZERO')?.message).toMatch(/^2 day\(s\) without a row \(2025-01-02, 2025-01-04\)/);
    // a file that writes its zero days means its gaps: no hint
    const withZeros = await ingestFile(write(toCsv(['date', 'orders'], [['2025-01-01', '0'], ['2025-01-02', '1'], ['2025-01-04', '2']])), TZ);
    expect(withZeros.warnings.find((w) => w.code === 'MISSING_DAYS')?.message).not.toMatch(/missing-days/);
    // weekly rows: the days between them are no days without sales, whatever the option
    const weekly = await ingestFile(write(toCsv(['week', 'orders'], [['2025-01-06', '20'], ['2025-01-13', '25'], ['2025-01-20', '22']])), { ...TZ, missingDays: 'zero' });
    expect(weekly.series.orders.filter((o) => o === 0)).toEqual([]);
  });

  it('read NA, #N/A and NULL as unknown (R, Excel, SQL) and Excel\'s accounting dash as zero', async () => {
    const csv = toCsv(['', 'date', 'orders', 'revenue'], [['1', '2025-01-01', '3', 'NA'], ['2', '2025-01-02', '#N/A', 'NULL'], ['3', '2025-01-03', ' - ', '₩ -']]);
    const r = await ingestFile(write(csv), TZ);
    expect(r.series).toEqual({ start: '2025-01-01', orders: [3, null, 0], revenue: [null, null, 0] });
    expect(r.info).toMatchObject({ rows: 3, rowsUsed: 2, rowsSkipped: { 'no-values': 1 } });
  });
});

describe('encodings', () => {
  const text = toCsv(['주문일시', '결제금액', '주문상태'], [['2025-01-01', '₩12,000', '결제완료'], ['2025-01-01', '3,000원', '취소완료'], ['2025-01-03', '500', '배송완료']]);
  const want = { start: '2025-01-01', orders: [1, 0, 1], revenue: [12000, 0, 500] };
  it.each([
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8-bom', Buffer.from(`\ufeff${text}`, 'utf8')],
    ['utf-16le', Buffer.from(`\ufeff${text}`, 'utf16le')],
    ['utf-16be', iconv.encode(`\ufeff${text}`, 'utf-16be')],
    ['cp949', iconv.encode(text.replace(/₩/g, '￦'), 'cp949')], // CP949 has only the full-width ￦
    ['cp949', iconv.encode(text.replace(/₩/g, '\\'), 'cp949')], // or a backslash, shown as ₩ by Korean fonts
  ])('%s', async (enc, bytes) => {
    const r = await ingestFile(write(bytes), TZ);
    expect(r.info.encoding).toBe(enc);
    expect(r.series).toEqual(want);
    expect(r.info.headers[0]).toBe('주문일시');
  });

  it('re-reads as CP949 a file that is ASCII for its first 64 KB', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`2025-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, '1000', 'paid']);
    rows.push(['2025-01-05 11:00:00', '5000', '취소완료'], ['2025-01-05 12:00:00', '7000', '배송완료']);
    const bytes = iconv.encode(toCsv(['date', 'amount', 'status'], rows), 'cp949');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const r = await ingestFile(write(bytes), TZ);
    expect(r.info.encoding).toBe('cp949');
    expect(r.info.rowsSkipped).toEqual({ cancelled: 1 });
    expect(r.info.rowsUsed).toBe(3001);
  });

  it('reads Windows-1252 (Excel on a Western Windows), in the head or only after 64 KB of ASCII', async () => {
    // a German ;-file
    const csv = 'Order ID;Order Date;Kunde;Amount\r\n1001;29.11.2025 13:05;Müller;12,50 €\r\n1002;30.11.2025 13:05;Café Zürich;1.234,50 €\r\n';
    const r = await ingestFile(write(iconv.encode(csv, 'windows-1252')), TZ);
    expect(r.info.encoding).toBe('windows-1252');
    expect(r.series).toEqual({ start: '2025-11-29', orders: [1, 1], revenue: [12.5, 1234.5] });
    const rows = Array.from({ length: 3000 }, (_, i) => [`2025-01-${String((i % 28) + 1).padStart(2, '0')}`, '1000', 'paid']);
    rows.push(['2025-01-05', '5000', 'Café Zürich']);
    const late = await ingestFile(write(iconv.encode(toCsv(['date', 'amount', 'note'], rows), 'windows-1252')), TZ);
    expect(late.info).toMatchObject({ encoding: 'windows-1252', rowsUsed: 3001 });
  });
});

describe('ingestGrouped', () => {
  it('splits a long file by seller; one bad seller does not stop the others', async () => {
    const csv = toCsv(['seller', 'date', 'orders', 'revenue'], [
      ['s1', '2025-01-01', '3', '300'], ['s2', '2025-01-01', '1', '10'], ['s1', '2025-01-02', '4', '400'],
      ['s3', '2025-13-01', '1', '1'], ['s2', '2025-01-03', '2', '20'],
    ]);
    const seen: string[] = [];
    const m = await ingestGrouped(write(csv), { ...TZ, by: 'seller' }, (s) => void seen.push(s));
    expect(seen).toEqual(['s1', 's2', 's3']);
    const s1 = m.get('s1');
    const s2 = m.get('s2');
    if (s1 instanceof LossCalcError || s2 instanceof LossCalcError) throw new Error('unexpected error');
    expect(s1?.series).toEqual({ start: '2025-01-01', orders: [3, 4], revenue: [300, 400] });
    expect(s2?.series).toEqual({ start: '2025-01-01', orders: [1, null, 2], revenue: [10, null, 20] });
    expect(s2?.info.rows).toBe(2);
    expect((m.get('s3') as LossCalcError).code).toBe('BAD_DATES');
    expect((m.get('s3') as LossCalcError).message).toMatch(/seller "s3".*line 5/);
  });

  it('an order list\'s seller whose orders stop before the file ends sold nothing on the days between: 0 orders up to the file\'s last day', async () => {
    const csv = toCsv(['seller', 'order_id', 'created_at', 'total'], [
      ['a', 'A1', '2025-01-01 10:00', '100'], ['b', 'B1', '2025-01-01 11:00', '50'], ['a', 'A2', '2025-01-02 10:00', '200'],
      ['b', 'B2', '2025-01-05 09:00', '70'],
    ]);
    const m = await ingestGrouped(write(csv), { ...TZ, by: 'seller' });
    const [a, b] = [m.get('a'), m.get('b')];
    if (!a || !b || a instanceof LossCalcError || b instanceof LossCalcError) throw new Error('unexpected error');
    expect([a.series, a.info.lastDate, a.info.emptyDays]).toEqual([{ start: '2025-01-01', orders: [1, 1, 0, 0, 0], revenue: [100, 200, 0, 0, 0] }, '2025-01-05', 3]);
    expect(a.warnings.find((w) => w.code === 'SELLER_ENDS_EARLY')?.message).toMatch(/last order is on 2025-01-02, 3 day\(s\) before the file's last day \(2025-01-05\)/);
    expect([b.series.orders, b.warnings.some((w) => w.code === 'SELLER_ENDS_EARLY')]).toEqual([[1, 0, 0, 0, 1], false]);
    // a daily file's seller without rows at the end: those days are unknown, as ever
    const daily = await ingestGrouped(write(toCsv(['seller', 'date', 'orders'], [['a', '2025-01-01', '3'], ['b', '2025-01-03', '1']])), { ...TZ, by: 'seller' });
    expect((daily.get('a') as { series: unknown }).series).toEqual({ start: '2025-01-01', orders: [3], revenue: [null] });
  });

  it('a total row under a long file (Total in the seller column, no date) is no seller: left out and said', async () => {
    const m = await ingestGrouped(write(toCsv(['seller', 'date', 'orders', 'revenue'], [['a', '2025-01-01', '3', '300'], ['b', '2025-01-01', '1', '10'], ['합계', '', '4', '310']])), { ...TZ, by: 'seller' });
    expect([...m.keys()]).toEqual(['a', 'b']);
    expect((m.get('a') as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toEqual(['TOTAL_NOT_A_SELLER']);
    // a 합계 on each date (a query's ROLLUP) is the others' sum: no seller either; a seller named Total that is not, is one
    const rows = [['2025-01-01', 'a', '3', '300'], ['2025-01-01', 'b', '1', '10'], ['2025-01-01', '합계', '4', '310'], ['2025-01-02', 'a', '2', '200'],
      ['2025-01-02', '합계', '2', '200'], ['2025-01-03', 'b', '1', '10'], ['2025-01-03', '합계', '1', '10']];
    const rollup = await ingestGrouped(write(toCsv(['date', 'seller', 'orders', 'revenue'], rows)), { ...TZ, by: 'seller' });
    expect([...rollup.keys()]).toEqual(['a', 'b']);
    const named = rows.map((r) => (r[1] === '합계' ? [r[0], 'Total', '9', '900'] : r));
    expect([...(await ingestGrouped(write(toCsv(['date', 'seller', 'orders', 'revenue'], named)), { ...TZ, by: 'seller' })).keys()]).toEqual(['a', 'b', 'Total']);
  });

  it('reads seller cells trimmed and in NFC: a name typed on a Mac (NFD) is the same seller', async () => {
    const nfd = '가게'.normalize('NFD');
    const m = await ingestGrouped(write(toCsv(['seller', 'date', 'orders'], [['가게', '2025-01-01', '3'], [nfd, '2025-01-02', '4'], [' 가게 ', '2025-01-03', '5']])), { ...TZ, by: 'seller' });
    expect([...m.keys()]).toEqual(['가게']);
    const r = m.get('가게') as { series: { orders: number[] }; warnings: { code: string }[] };
    expect([r.series.orders, r.warnings.map((w) => w.code)]).toEqual([[3, 4, 5], ['NO_REVENUE_COLUMN', 'SELLER_ID_FORMS']]);
    // a daily file whose two forms repeat dates: the error says why they met
    const dup = await ingestGrouped(write(toCsv(['seller', 'date', 'orders'], [['가게', '2025-01-01', '3'], [nfd, '2025-01-01', '4']])), { ...TZ, by: 'seller' });
    expect((dup.get('가게') as LossCalcError).message).toMatch(/repeated date.*1 of its rows have the seller's name in another Unicode form/);
  });

  it('names the seller column by header or by field, and rejects an unknown one', async () => {
    const p = write(toCsv(['판매자', '주문일시', '결제금액'], [['a', '2025-01-01', '1'], ['b', '2025-01-01', '2']]));
    expect([...(await ingestGrouped(p, { ...TZ, by: '판매자' })).keys()]).toEqual(['a', 'b']);
    expect([...(await ingestGrouped(p, { ...TZ, by: 'seller' })).keys()]).toEqual(['a', 'b']);
    expect((await rejection(ingestGrouped(p, { ...TZ, by: 'shop_id' }))).code).toBe('UNKNOWN_COLUMN');
  });
});

/** Ingest a generated export; NO_ROWS when every line is a non-sale. */
async function ingestGenerated(orders: GenOrder[], rows = orderCells(orders), delimiter = ',', encode = (s: string): Uint8Array => Buffer.from(s)) {
  try {
    return await ingestFile(write(encode(toCsv(HEADER, rows, delimiter))), TZ);
  } catch (e) {
    if (e instanceof LossCalcError && e.code === 'NO_ROWS') return 'NO_ROWS' as const;
    throw e;
  }
}

describe('properties of generated order exports', () => {
  it('a footer (a summary row, then lines without a date) changes nothing but the total-row count', async () => {
    const label = fc.constantFrom('합계', '총계', 'Total', 'Grand Total', '총 123건', '4091 record(s) downloaded', 'Subtotal');
    const junk = fc.array(fc.constantFrom('Seller ID: myshop', '출력일: 2025-02-01', 'www.example.com', '※ 취소 주문 포함', 'x'), { maxLength: 4 });
    await fc.assert(fc.asyncProperty(ordersArb, label, fc.nat(3), junk, async (orders, lab, col, lines) => {
      const footer = [[lab, '', '', ''].map((_, k) => (k === col ? lab : k === 2 ? '999' : '')), ...lines.map((j) => [j, '', '', ''])];
      footer[0][1] = col === 1 ? lab : ''; // the date cell is the label or blank
      const a = await ingestGenerated(orders);
      const b = await ingestGenerated(orders, [...orderCells(orders), ...footer]);
      if (a === 'NO_ROWS') return void expect(b).toBe('NO_ROWS');
      if (b === 'NO_ROWS') throw new Error('unexpected NO_ROWS');
      expect(b.series).toEqual(a.series);
      expect(b.info.rows).toBe(a.info.rows + footer.length);
      expect(b.info.rowsSkipped).toEqual({ ...a.info.rowsSkipped, 'total-row': footer.length });
    }), { numRuns: 60 });
  });

  it('rows = used + Σ skipped; the series is the true one', async () => {
    await fc.assert(fc.asyncProperty(ordersArb, async (orders) => {
      const t = truth(orders);
      const r = await ingestGenerated(orders);
      if (t.used === 0) return void expect(r).toBe('NO_ROWS');
      if (r === 'NO_ROWS') throw new Error('unexpected NO_ROWS');
      const skipped = Object.values(r.info.rowsSkipped).reduce((a, b) => a + b, 0);
      expect(r.info.rows).toBe(r.info.rowsUsed + skipped);
      expect(r.info.rows).toBe(t.rows);
      expect(r.info.rowsSkipped).toEqual(t.skipped);
      expect(Object.keys(r.info.rowsSkipped).every((k) => (SKIP_REASONS as readonly string[]).includes(k))).toBe(true);
      expect(sum(r.series.orders)).toBe(orders.filter((o) => o.lines.some((l) => !(l.status in NOT_SALE))).length); // distinct non-cancelled orders
      expect(sum(r.series.revenue)).toBe(t.series.revenue.reduce((a, b) => a + b, 0));
      expect(r.series).toEqual(t.series);
    }), { numRuns: 60 });
  });

  it('an order\'s amount and status on its first line only (Shopify\'s shape) give the same orders and totals, wherever its further lines are', async () => {
    await fc.assert(fc.asyncProperty(ordersArb, fc.boolean(), fc.boolean(), async (orders, apart, blankDates) => {
      const firsts: string[][] = [];
      const further: string[][] = [];
      const byDay = new Map<number, { orders: number; revenue: number }>();
      const skipped: Record<string, number> = {};
      let used = 0;
      orders.forEach((o, k) => {
        const id = `#${1000 + k}`;
        const when = `${isoOf(o.day)} ${String(o.hour).padStart(2, '0')}:05:00`;
        const total = o.lines.reduce((a, l) => a + l.amount, 0);
        const status = o.lines[0].status; // the order's status, on its first line only
        firsts.push([id, when, String(total), status]);
        o.lines.slice(1).forEach((_, j) => further.push([id, blankDates && j % 2 === 0 ? '' : when, '', '']));
        const reason = NOT_SALE[status];
        if (reason) skipped[reason] = (skipped[reason] ?? 0) + o.lines.length;
        else {
          used += o.lines.length;
          const t = byDay.get(o.day) ?? { orders: 0, revenue: 0 };
          byDay.set(o.day, { orders: t.orders + 1, revenue: t.revenue + total });
        }
      });
      let rows: string[][];
      if (apart) rows = [...firsts, ...further]; // every further line after every first line: far from its order's
      else {
        rows = [];
        let f = 0;
        orders.forEach((o, k) => rows.push(firsts[k], ...further.slice(f, (f += o.lines.length - 1))));
      }
      const r = await ingestGenerated(orders, rows);
      if (used === 0) return void expect(r).toBe('NO_ROWS');
      if (r === 'NO_ROWS') throw new Error('unexpected NO_ROWS');
      const days = orders.map((o) => o.day);
      const lo = Math.min(...days);
      const want = { start: isoOf(lo), orders: [] as number[], revenue: [] as number[] };
      for (let d = lo; d <= Math.max(...days); d++) {
        want.orders.push(byDay.get(d)?.orders ?? 0);
        want.revenue.push(byDay.get(d)?.revenue ?? 0);
      }
      expect(r.series).toEqual(want);
      expect(r.info).toMatchObject({ rows: firsts.length + further.length, rowsUsed: used, rowsSkipped: skipped });
    }), { numRuns: 60 });
  });

  it('shuffling the rows changes nothing', async () => {
    await fc.assert(fc.asyncProperty(ordersArb, fc.integer(), async (orders, seed) => {
      const rows = orderCells(orders);
      const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { seed, numRuns: 1 })[0];
      const a = await ingestGenerated(orders, rows);
      const b = await ingestGenerated(orders, shuffled);
      if (a === 'NO_ROWS' || b === 'NO_ROWS') return void expect(a).toBe(b);
      expect(b.series).toEqual(a.series);
      expect({ ...b.info, sha256: '', file: '' }).toEqual({ ...a.info, sha256: '', file: '' });
    }), { numRuns: 40 });
  });

  it('UTF-8, UTF-8 BOM, UTF-16 LE/BE and CP949 give the same series; so do comma, tab and semicolon', async () => {
    const encoders: ((s: string) => Uint8Array)[] = [
      (s) => Buffer.from(s), (s) => Buffer.from(`\ufeff${s}`), (s) => Buffer.from(`\ufeff${s}`, 'utf16le'),
      (s) => iconv.encode(`\ufeff${s}`, 'utf-16be'), (s) => iconv.encode(s.replace(/₩/g, '￦'), 'cp949'), // CP949 has only the full-width ￦
    ];
    await fc.assert(fc.asyncProperty(ordersArb, fc.nat(encoders.length - 1), fc.constantFrom(',', '\t', ';'), async (orders, k, delimiter) => {
      const base = await ingestGenerated(orders);
      const other = await ingestGenerated(orders, undefined, delimiter, encoders[k]);
      if (base === 'NO_ROWS' || other === 'NO_ROWS') return void expect(other).toBe(base);
      expect(other.series).toEqual(base.series);
      expect(other.info.rowsSkipped).toEqual(base.info.rowsSkipped);
      expect(other.info.delimiter).toBe(delimiter);
    }), { numRuns: 60 });
  });
});

describe('a last day exported partway', () => {
  /** 40 days of 8 orders at each of 09:00, 13:00, 17:00 and 21:00, then a last day with `last` of them up to `cut`. */
  const export_ = (cut: string, last = 8) => {
    const rows: string[][] = [];
    for (let d = 0; d <= 40; d++) {
      for (const t of ['09:00', '13:00', '17:00', '21:00']) {
        for (let k = 0; k < (d < 40 ? 8 : last); k++) if (d < 40 || t <= cut) rows.push([`${d}-${t}-${k}`, `${isoOf(d)} ${t}:0${k}`, '10000', '결제완료']);
      }
    }
    return write(toCsv(HEADER, rows));
  };

  it('is told by its last order coming before most of a usual day’s orders', async () => {
    // 16 orders by 13:00 where a usual day has half of its orders: 0.5^16 ≈ 1.5e-5
    expect((await ingestFile(export_('13:00'), TZ)).info.partialLastDay).toEqual({ date: '2025-04-10', lastOrderAt: '13:00', shareOfDay: 0.5 });
  });

  it('is not claimed for a whole day, a bad day whose few orders came early, or a file without times', async () => {
    expect((await ingestFile(export_('23:00'), TZ)).info.partialLastDay).toBeUndefined();
    expect((await ingestFile(export_('09:00', 2), TZ)).info.partialLastDay).toBeUndefined(); // 2 orders by 09:00: 0.25^2 = 0.06
    const dates = toCsv(HEADER, Array.from({ length: 300 }, (_, i) => [`${i}`, isoOf(i % 30), '10000', '결제완료']));
    expect((await ingestFile(write(dates), TZ)).info.partialLastDay).toBeUndefined();
  });
});

describe('a last day exported partway, in a file of many sellers', () => {
  /** Seller a as export_ above (8 orders at each of four hours, 41 days, the last cut at `cut`); b, one order a day at 09:00; c, two at 17:00 until day 30. */
  const sellers = (cut: string) => {
    const rows: string[][] = [];
    for (let d = 0; d <= 40; d++) {
      for (const t of ['09:00', '13:00', '17:00', '21:00']) for (let k = 0; k < 8; k++) if (d < 40 || t <= cut) rows.push(['a', `a${d}-${t}-${k}`, `${isoOf(d)} ${t}:0${k}`, '10000', '결제완료']);
      rows.push(['b', `b${d}`, `${isoOf(d)} 09:00:00`, '5000', '결제완료']);
      for (let k = 0; k < (d <= 30 ? 2 : 0); k++) rows.push(['c', `c${d}-${k}`, `${isoOf(d)} 17:0${k}:00`, '7000', '결제완료']);
    }
    return write(toCsv(['seller', ...HEADER], rows));
  };
  const cuts = async (file: string) => {
    const m = await ingestGrouped(file, { ...TZ, by: 'seller' });
    return ['a', 'b', 'c'].map((k) => (m.get(k) as { info: { partialLastDay?: { date: string; lastOrderAt: string; shareOfDay: number } } }).info.partialLastDay);
  };

  it('is the file\'s: a seller too small to tell it, or one that sold nothing that day (padded), has its day cut too', async () => {
    const [a, b, c] = await cuts(sellers('13:00'));
    expect(a).toEqual({ date: '2025-04-10', lastOrderAt: '13:00', shareOfDay: 0.5 });
    // pooled: a's 1,280 orders of whole days, b's 40 at 09:00, c's 62 at 17:00; by 13:14 a's 640 and b's 40 → 680 / 1,382
    expect(b).toEqual({ date: '2025-04-10', lastOrderAt: '13:00', shareOfDay: 0.492 });
    expect(c).toEqual(b);
  });

  it('is no one\'s when the file\'s last day is whole', async () => {
    expect(await cuts(sellers('23:00'))).toEqual([undefined, undefined, undefined]);
  });
});

describe('a row that takes back another row\'s sale of the same order (order-history logs, payment lists)', () => {
  const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);
  const skippedSum = (r: { info: { rowsSkipped: Record<string, number> } }) => Object.values(r.info.rowsSkipped).reduce((a, b) => a + b, 0);

  // 24 orders, one row per status change, the order's amount (all different) on each: 결제완료, 배송중, then
  // for every 4th 취소완료 (a day later) and every 6th 반품완료 (both: the cancellation comes first and decides)
  function historyLog(): { rows: string[][]; orders: number[]; revenue: number[] } {
    const rows: string[][] = [];
    const orders = [0, 0];
    const revenue = [0, 0];
    for (let k = 0; k < 24; k++) {
      const day = k < 12 ? '2025-11-29' : '2025-11-30';
      const amount = String(1000 * (k + 1));
      const id = `H${k}`;
      rows.push([id, `${day} 09:00`, '결제완료', amount], [id, `${day} 09:00`, '배송중', amount]);
      if (k % 4 === 0) rows.push([id, `${day} 09:00`, '취소완료', amount]);
      else if (k % 6 === 0) rows.push([id, `${day} 09:00`, '반품완료', amount]);
      else {
        orders[k < 12 ? 0 : 1]++;
        revenue[k < 12 ? 0 : 1] += 1000 * (k + 1);
      }
    }
    return { rows, orders, revenue };
  }
  const LOG = ['주문번호', '주문일시', '처리상태', '결제금액'];

  it('an order-history log counts an order by its last status, in time order or newest first', async () => {
    const { rows, orders, revenue } = historyLog();
    const r = await ingestFile(write(toCsv(LOG, rows)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders, revenue });
    // 24 orders of which 6 cancelled (k = 0, 4, …, 20) and 2 returned (k = 6, 18): 16 left
    expect(orders[0] + orders[1]).toBe(16);
    expect(codes(r)).toEqual(['LATER_CANCELLATIONS', 'REPEATED_ORDER_TOTALS']);
    // each taken-back order's two sale rows count with its cancellation row
    expect(r.info).toMatchObject({ rows: 56, rowsUsed: 32, rowsSkipped: { cancelled: 18, returned: 6 } });
    expect(r.info.rowsUsed + skippedSum(r)).toBe(r.info.rows);
    const newestFirst = await ingestFile(write(toCsv(LOG, [...rows].reverse())), TZ);
    expect([newestFirst.series, newestFirst.info.rowsSkipped]).toEqual([r.series, r.info.rowsSkipped]);
  });

  it('an order-history log of few prices (a row per status, each at its own time) counts each order\'s amount once; a shop\'s lines of one price and time are summed', async () => {
    const prices = ['19900', '24900', '19900'];
    const log: string[][] = [];
    const lines: string[][] = [];
    for (let k = 0; k < 30; k++) {
      const at = (m: number) => `2025-11-29 ${String(9 + (k % 10)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      ['결제완료', '배송중', '배송완료'].forEach((st, j) => log.push([`H${k}`, at(10 * j), st, prices[k % 3]]));
      lines.push([`L${k}`, at(0), '배송완료', prices[k % 3]], [`L${k}`, at(0), '배송완료', prices[k % 3]]); // two shirts of one price
    }
    const once = prices.reduce((s, p) => s + Number(p) * 10, 0); // ten orders at each index of prices
    const h = await ingestFile(write(toCsv(LOG, log)), TZ);
    expect([h.series.orders, h.series.revenue, codes(h)]).toEqual([[30], [once], ['REPEATED_ORDER_TOTALS']]);
    // a shop of one price
    const onePrice = log.map(([id, at, st]) => [id, at, st, '19900']);
    const o = await ingestFile(write(toCsv(LOG, onePrice)), TZ);
    expect([o.series.orders, o.series.revenue, codes(o)]).toEqual([[30], [30 * 19900], ['REPEATED_ORDER_TOTALS']]);
    const l = await ingestFile(write(toCsv(LOG, lines)), TZ);
    expect([l.series.orders, l.series.revenue, codes(l)]).toEqual([[30], [2 * once], []]);
  });

  it('a line-item export of few prices is summed: lines a second apart, or with the date left blank, are no history log', async () => {
    const secs: string[][] = [];
    const blank: string[][] = [];
    let want = 0;
    for (let k = 0; k < 30; k++) {
      const price = k % 2 ? '9900' : '19800';
      const at = `2025-11-29 ${String(9 + (k % 12)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`;
      secs.push([`S${k}`, `${at}:01`, '배송완료', price], [`S${k}`, `${at}:02`, '배송완료', price]);
      blank.push([`B${k}`, at, '배송완료', price], [`B${k}`, '', '', price]);
      want += 2 * Number(price);
    }
    // lines minutes apart (each line's own time) of one status are no history log either
    const mins = secs.map(([id, at, st, p], j) => [id, `${at.slice(0, 14)}${String((Number(at.slice(14, 16)) + (j % 2) * 3) % 60).padStart(2, '0')}`, st, p]);
    for (const rows of [secs, blank, mins]) {
      const r = await ingestFile(write(toCsv(LOG, rows)), TZ);
      expect([r.series.orders, r.series.revenue, codes(r)]).toEqual([[30], [want], []]);
    }
    // an order's 소계 row, its date blank, is a total (not a further line)
    const sub = await ingestFile(write(toCsv(LOG, [['A1', '2025-11-29 10:00', '배송완료', '1000'], ['A1', '2025-11-29 10:00', '배송완료', '2000'], ['A1', '', '소계', '3000']])), TZ);
    expect([sub.series.revenue, sub.info.rowsSkipped]).toEqual([[3000], { 'total-row': 1 }]);
  });

  it('an order whose lines cross midnight counts on its first line\'s day, its total with it, newest first too', async () => {
    const header = ['주문번호', '주문일시', '상품명', '총결제금액'];
    const rows = [['A', '2025-11-29 10:00', 'x', '10000'], ['B', '2025-11-29 23:58', 'x', '30000'], ['B', '2025-11-30 00:01', 'y', '30000'], ['C', '2025-12-01 09:00', 'x', '20000']];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 0, 1], revenue: [40000, 0, 20000] });
    const n = await ingestFile(write(toCsv(header, [...rows].reverse())), TZ);
    expect(n.series).toEqual(r.series);
  });

  it('a line-item order of one price on several days keeps its lines when one is cancelled (no history log)', async () => {
    const rows = [['L1', '2025-11-29 10:00', '배송완료', '10000'], ['L2', '2025-11-29 11:00', '배송완료', '12000'], ['L1', '2025-11-30 09:00', '배송완료', '10000'],
      ['L1', '2025-12-01 09:00', '취소완료', '10000'], ['L3', '2025-11-30 12:00', '배송완료', '8000']];
    const r = await ingestFile(write(toCsv(LOG, rows)), TZ);
    expect([r.series.orders, r.series.revenue, r.info.rowsSkipped]).toEqual([[2, 1, 0], [22000, 18000, 0], { cancelled: 1 }]);
  });

  it('a history log over several days takes a cancelled order back, in time order or newest first', async () => {
    const rows: string[][] = [];
    for (let k = 0; k < 30; k++) {
      const [d, amount] = [29 + (k % 2), String(1000 * ((k % 7) + 1))];
      rows.push([`H${k}`, `2025-11-${d} 10:${String(k).padStart(2, '0')}`, '결제완료', amount], [`H${k}`, `2025-12-0${k % 3 + 1} 09:00`, '배송중', amount]);
      if (k % 5 === 0) rows.push([`H${k}`, `2025-12-05 09:${String(k).padStart(2, '0')}`, '취소완료', amount]);
    }
    rows.sort((a, b) => a[1].localeCompare(b[1]));
    const kept = Array.from({ length: 30 }, (_, k) => k).filter((k) => k % 5 !== 0);
    const want = [0, 1].map((p) => kept.filter((k) => k % 2 === p));
    const r = await ingestFile(write(toCsv(LOG, rows)), TZ);
    expect(r.series.orders.slice(0, 2)).toEqual(want.map((ks) => ks.length));
    expect(r.series.revenue.slice(0, 2)).toEqual(want.map((ks) => ks.reduce((s, k) => s + 1000 * ((k % 7) + 1), 0)));
    expect(codes(r)).toEqual(['LATER_CANCELLATIONS', 'REPEATED_ORDER_TOTALS']);
    const n = await ingestFile(write(toCsv(LOG, [...rows].reverse())), TZ);
    expect([n.series.orders, n.series.revenue]).toEqual([r.series.orders, r.series.revenue]);
  });

  it('a payment approved again after its cancellation, across days: newest first reads as in time order', async () => {
    const rows = [
      ['P1', '2025-11-29 10:00', '승인', '1000'], ['P2', '2025-11-29 11:00', '승인', '500'], ['P3', '2025-11-29 12:00', '승인', '700'],
      ['P1', '2025-11-30 09:00', '취소', '1000'], ['P3', '2025-11-30 09:30', '취소', '700'], ['P1', '2025-11-30 09:10', '승인', '1000'],
    ].sort((a, b) => a[1].localeCompare(b[1]));
    const header = ['주문번호', '거래일시', '구분', '금액'];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    // P1 counts on its first day, its money on the day it was paid again; P3 is cancelled
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 0], revenue: [500, 1000] });
    const n = await ingestFile(write(toCsv(header, [...rows].reverse())), TZ);
    expect([n.series, n.info.rowsSkipped]).toEqual([r.series, r.info.rowsSkipped]);
    expect(n.warnings[0].message).toContain('1 more were sold again');
  });

  it('an order sold again after its cancellation (withdrawn, paid again) counts once, in time order or newest first', async () => {
    const rows = [
      ['A1', '2025-11-29 10:00', '결제완료', '10000'], ['A2', '2025-11-29 10:10', '결제완료', '20000'],
      ['A1', '2025-11-29 10:20', '취소요청', '10000'], ['A3', '2025-11-29 11:00', '결제완료', '5000'],
      ['A1', '2025-11-29 12:00', '배송완료', '10000'], // the request withdrawn: A1 stands
      ['A3', '2025-11-30 09:00', '취소완료', '5000'], // A3 cancelled for good
    ];
    const r = await ingestFile(write(toCsv(LOG, rows)), TZ);
    // A1 10,000 once and A2 20,000; A1's 결제완료 row before the request counts with it as cancelled
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 0], revenue: [30000, 0] });
    expect(r.info).toMatchObject({ rows: 6, rowsUsed: 2, rowsSkipped: { cancelled: 4 } });
    expect(r.warnings.find((w) => w.code === 'LATER_CANCELLATIONS')?.message).toMatch(/^1 order\(s\).*; 1 more were sold again/);
    const newestFirst = await ingestFile(write(toCsv(LOG, [...rows].reverse())), TZ);
    expect([newestFirst.series, newestFirst.info.rowsSkipped]).toEqual([r.series, r.info.rowsSkipped]);
  });

  it('a payment list\'s 구분 (승인/취소) takes the approval back; a partial cancellation leaves it counted in full', async () => {
    const header = ['No', '구분', '거래일시', '주문번호', '결제수단', '금액'];
    const rows = [
      ['1', '승인', '2025-11-29 10:00', 'P1', '신용카드', '15,400'],
      ['2', '승인', '2025-11-29 11:00', 'P2', '무통장입금', '10,900'],
      ['3', '승인', '2025-11-29 12:00', 'P3', '신용카드', '8,000'],
      ['4', '취소', '2025-11-30 09:00', 'P1', '신용카드', '15,400'], // P1 cancelled the next day: off 29 Nov
      ['5', '승인', '2025-11-30 10:00', 'P4', '계좌이체', '5,000'],
      ['6', '부분취소', '2025-11-30 11:00', 'P3', '신용카드', '3,000'], // part of P3: P3 stays, gross
      ['7', '취소', '2025-11-30 12:00', 'P4', '계좌이체', '-5,000'], // a cancellation written negative
    ];
    const r = await ingestFile(write(toCsv(header, rows)), TZ);
    expect(r.info.columns).toMatchObject({ type: '구분', amount: '금액', id: '주문번호' });
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 0], revenue: [18900, 0] });
    expect(r.info).toMatchObject({ rows: 7, rowsUsed: 2, rowsSkipped: { cancelled: 5 } });
    expect(codes(r)).toEqual(['LATER_CANCELLATIONS']);
  });

  it('a ledger\'s refund of −amount takes the sale back; a refund of part of it is left out, the sale gross', async () => {
    const rows = [
      ['R1', '2025-11-29 10:00', '20,000'], ['R2', '2025-11-29 11:00', '30,000'], ['R3', '2025-11-29 12:00', '7,000'],
      ['R1', '2025-12-01 10:00', '-20,000'], ['R2', '2025-12-01 11:00', '△10,000'],
    ];
    const r = await ingestFile(write(toCsv(['주문번호', '거래일시', '금액'], rows)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [2, 0, 0], revenue: [37000, 0, 0] });
    expect(r.info).toMatchObject({ rows: 5, rowsUsed: 2, rowsSkipped: { refunded: 1, 'negative-amount': 2 } });
    expect(codes(r)).toEqual(['LATER_CANCELLATIONS', 'NEGATIVE_AMOUNTS']);
  });

  it('a line-item export\'s cancelled lines beside sold lines of the order take nothing back', async () => {
    // four orders with one line of two cancelled, one of them (L4) at the sold line's price
    const rows = [
      ['L1', '2025-11-29 10:00', '12,000', '배송완료'], ['L1', '2025-11-29 10:00', '3,000', '취소완료'],
      ['L2', '2025-11-29 11:00', '8,000', '배송완료'], ['L2', '2025-11-29 11:00', '2,500', '취소완료'],
      ['L3', '2025-11-29 12:00', '9,000', '배송완료'], ['L3', '2025-11-29 12:00', '4,000', '반품완료'],
      ['L4', '2025-11-29 13:00', '5,000', '배송완료'], ['L4', '2025-11-29 13:00', '5,000', '취소완료'],
    ];
    const r = await ingestFile(write(toCsv(['주문번호', '주문일시', '상품주문금액', '주문상태'], rows)), TZ);
    expect(r.series).toEqual({ start: '2025-11-29', orders: [4], revenue: [34000] });
    expect(codes(r)).toEqual([]);
    // one order's two lines at one price, one cancelled, at the order's own time, is no sign of a later cancellation
    const one = [['M1', '2025-11-29 10:00', '5,000', '배송완료'], ['M1', '2025-11-29 10:00', '5,000', '취소완료'], ['M2', '2025-11-29 11:00', '7,000', '배송완료']];
    const o = await ingestFile(write(toCsv(['주문번호', '주문일시', '상품주문금액', '주문상태'], one)), TZ);
    expect([o.series.orders, o.series.revenue, codes(o)]).toEqual([[2], [12000], []]);
  });

  it('a refund of one seller\'s order id takes nothing from another seller\'s order of the same id (--by)', async () => {
    const csv = toCsv(['seller', '주문번호', '거래일시', '금액'], [
      ['a', 'X1', '2025-11-29 10:00', '9,000'], ['b', 'X1', '2025-11-29 10:00', '9,000'], ['b', 'X1', '2025-11-30 10:00', '-9,000'], ['a', 'X2', '2025-11-30 10:00', '1,000'],
    ]);
    const out = await ingestGrouped(write(csv), { ...TZ, by: 'seller' });
    const a = out.get('a') as { series: unknown };
    const b = out.get('b') as LossCalcError;
    expect(a.series).toEqual({ start: '2025-11-29', orders: [1, 1], revenue: [9000, 1000] });
    expect([b.code, b.message]).toEqual(['NO_ROWS', expect.stringContaining('none of the 2 row(s) is a sale')]);
  });

  it('a payment-date column left blank or 0 (PortOne\'s "never") is an unpaid order, not an unreadable date', async () => {
    const rows = [['imp1', 'paid', '8,300', '1732813327'], ['imp2', 'ready', '9,600', '0'], ['imp3', 'failed', '7,300', '0'], ['imp4', 'paid', '1,000', '1732899727'], ['imp5', '', '2,000', '']];
    const r = await ingestFile(write(toCsv(['imp_uid', 'status', 'amount', 'paid_at'], rows)), TZ);
    expect(r.series).toEqual({ start: '2024-11-29', orders: [1, 1], revenue: [8300, 1000] });
    expect(r.info.rowsSkipped).toEqual({ unpaid: 2, cancelled: 1 });
    // an order's further line leaves Paid at blank (Shopify fills it on the first line): the line counts on the order's day
    const lines = [['#1001', '2025-11-01 10:00:00 +0900', 'Shirt', '1000', '1'], ['#1001', '', 'Pants', '2000', '1'], ['#1002', '2025-11-02 11:00:00 +0900', 'Hat', '5000', '1'], ['#1003', '', 'Hat', '7000', '1']];
    const s = await ingestFile(write(toCsv(['Name', 'Paid at', 'Lineitem name', 'Lineitem price', 'Lineitem quantity'], lines)), TZ);
    expect(s.series).toEqual({ start: '2025-11-01', orders: [1, 1], revenue: [3000, 5000] });
    expect([s.info.rowsUsed, s.info.rowsSkipped]).toEqual([3, { unpaid: 1 }]);
    // any other date column's blank is still an error
    const e = await rejection(ingestFile(write(toCsv(['id', 'order date', 'amount'], [['1', '2025-11-29', '10'], ['2', '', '20']])), TZ));
    expect(e.code).toBe('BAD_DATES');
  });
});
