// .xlsx through ingest: header detection below title rows, sheet choice, cell types, date
// systems, encrypted workbooks, limits (zip bombs) and the formats refused.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LossCalcError } from '../src/errors.js';
import { ingestFile, ingestGrouped, type WorkbookInfo } from '../src/ingest/index.js';
import { isPeriodName } from '../src/ingest/xlsx.js';
import { XLSX_LIMITS, dateCellsAsText, withCellRefs } from '../src/ingest/xlsx-zip.js';
import { FIXTURE_PASSWORD, wallDate, type Cell } from '../src/sim/write-xlsx.js';
import { FIXTURES } from './cli-helpers.js';
import { rejection, write } from './ingest-helpers.js';
import { bookParts, oleOf, orderRowsSerial, put, sheetXml, xlsxFile, zipOf } from './xlsx-helpers.js';

const TZ = { tz: 'Asia/Seoul' };
const wbInfo = (ing: { info: object }) => (ing.info as { workbook?: WorkbookInfo }).workbook!;
const ENCRYPTED = `${FIXTURES}/xlsx/smartstore-orders-encrypted.xlsx`;

/** Header and three days of orders, the dates as date cells. */
const ORDERS: Cell[][] = [
  ['주문번호', '주문일시', '결제금액', '주문상태'],
  ['1', wallDate('2025-11-01 09:00:00'), 12300, '결제완료'],
  ['2', wallDate('2025-11-01 23:59:59'), '12,300원', '배송완료'],
  ['3', wallDate('2025-11-02 00:00:00'), { formula: 'C2*2', result: 24600 }, '취소완료'],
  ['4', wallDate('2025-11-03 13:05:00'), 5000, '구매확정'],
];

describe('xlsx: finding the table', () => {
  it('finds the header below a title row, a merged note and a blank row', async () => {
    const p = await xlsxFile([{ name: '주문', rows: [['주문목록'], ['조회기간 2025-11-01 ~ 2025-11-03'], [], ...ORDERS], merges: ['A2:D2'] }]);
    const ing = await ingestFile(p, TZ);
    expect(ing.info).toMatchObject({ kind: 'orders', encoding: 'xlsx', delimiter: '', rows: 4, rowsUsed: 3, rowsSkipped: { cancelled: 1 },
      firstDate: '2025-11-01', lastDate: '2025-11-03', headers: ['주문번호', '주문일시', '결제금액', '주문상태'] });
    expect(ing.series).toEqual({ start: '2025-11-01', orders: [2, 0, 1], revenue: [24600, 0, 5000] });
    expect(ing.warnings).toEqual([{ code: 'PREAMBLE', message: '2 line(s) above the header (line 4) were not read' }]);
    expect(wbInfo(ing)).toMatchObject({ headerRow: 4, sheet: { index: 1, name: '주문' }, encrypted: false, date1904: false });
  });

  it('reads a header on two rows, 결제 merged across 상품금액 | 배송비 | 결제금액 over the second', async () => {
    const rows: (Cell | null)[][] = [['주문번호', '주문일시', '결제', null, null, '상태'], [null, null, '상품금액', '배송비', '결제금액', null],
      ['1', wallDate('2025-11-01 09:00:00'), 12000, 3000, 15000, '배송완료'], ['2', wallDate('2025-11-02 10:00:00'), 8000, 0, 8000, '배송완료']];
    const ing = await ingestFile(await xlsxFile([{ name: '주문목록', rows, merges: ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2'] }]), TZ);
    expect(ing.series).toEqual({ start: '2025-11-01', orders: [1, 1], revenue: [15000, 8000] });
    expect(ing.info).toMatchObject({ rows: 2, headers: ['주문번호', '주문일시', '결제 상품금액', '결제 배송비', '결제금액', '상태'] });
    expect(ing.warnings.map((w) => w.code)).toEqual(['TWO_LINE_HEADER']);
    // the merged cell last: the top row's values end at 결제, the second row's run on
    const last: (Cell | null)[][] = [['주문번호', '주문일시', '결제'], [null, null, '상품금액', '배송비', '결제금액'],
      ['1', wallDate('2025-11-01 09:00:00'), 12000, 3000, 15000], ['2', wallDate('2025-11-02 10:00:00'), 8000, 0, 8000]];
    const l = await ingestFile(await xlsxFile([{ name: '주문목록', rows: last, merges: ['A1:A2', 'B1:B2', 'C1:E1'] }]), TZ);
    expect([l.series.revenue, l.info.headers]).toEqual([[15000, 8000], ['주문번호', '주문일시', '결제 상품금액', '결제 배송비', '결제금액']]);
  });

  it('reads a sheet with its dates across the header by its 주문수 and 매출액 rows', async () => {
    const days = Array.from({ length: 7 }, (_, i) => wallDate(`2025-11-0${i + 1} 00:00:00`));
    const rows: (Cell | null)[][] = [['일별 실적'], ['구분', ...days], ['주문수', 3, 1, 4, 1, 5, 9, 2], ['매출액', 30000, 10000, 40000, 10000, 50000, 90000, 20000]];
    const ing = await ingestFile(await xlsxFile([{ name: '실적', rows }]), TZ);
    expect(ing.series).toEqual({ start: '2025-11-01', orders: [3, 1, 4, 1, 5, 9, 2], revenue: [30000, 10000, 40000, 10000, 50000, 90000, 20000] });
    expect(ing.info).toMatchObject({ kind: 'daily', rows: 2, rowsUsed: 2, columns: { orders: '주문수 (row 3)', revenue: '매출액 (row 4)' } });
    // newest first too
    const desc = [rows[0], ['구분', ...[...days].reverse()], ['주문수', 2, 9, 5, 1, 4, 1, 3]];
    const d = await ingestFile(await xlsxFile([{ name: '실적', rows: desc }]), TZ);
    expect(d.series.orders).toEqual([3, 1, 4, 1, 5, 9, 2]);
    // store codes across, not dates: whole numbers in the serial range, under a label no table of dates has
    const codes = [['매장코드', 40001, 40002, 40003, 40004, 40005, 40006, 40007], ['주문수', 3, 1, 4, 1, 5, 9, 2]];
    expect((await rejection(ingestFile(await xlsxFile([{ name: '매장', rows: codes }]), TZ))).code).toBe('NO_DATE_COLUMN');
    // a Seollal closure (five days without a column) is still a calendar's step
    const gap = [['구분', ...[45677, 45678, 45679, 45685, 45686, 45687, 45688, 45689]], ['주문수', 1, 2, 3, 4, 5, 6, 7, 8]];
    const g = await ingestFile(await xlsxFile([{ name: '실적', rows: gap }]), TZ);
    expect([g.series.orders.length, g.series.orders.filter((o) => o !== null)]).toEqual([13, [1, 2, 3, 4, 5, 6, 7, 8]]);
    // codes stepping by 3 under 항목 step as no calendar does
    const byThree = [['항목', ...Array.from({ length: 7 }, (_, k) => 45001 + 3 * k)], ['주문수', 3, 1, 4, 1, 5, 9, 2]];
    expect((await rejection(ingestFile(await xlsxFile([{ name: '상품', rows: byThree }]), TZ))).code).toBe('NO_DATE_COLUMN');
  });

  it('reads cells merged down over rows as their value on each row: a day\'s 일자, an order\'s 주문번호 and 주문일시', async () => {
    const byDay: (Cell | null)[][] = [['주문일자', '주문번호', '상품명', '결제금액'],
      [wallDate('2025-11-01 00:00:00'), 'A1', 'x', 1000], [null, 'A2', 'y', 2000], [null, 'A3', 'z', 3000], [wallDate('2025-11-02 00:00:00'), 'A4', 'x', 500]];
    const d = await ingestFile(await xlsxFile([{ name: '일별주문', rows: byDay, merges: ['A2:A4'] }]), TZ);
    expect(d.series).toEqual({ start: '2025-11-01', orders: [3, 1], revenue: [6000, 500] });
    expect(d.warnings.map((w) => w.code)).toEqual(['MERGED_CELLS']);
    expect(d.warnings[0].message).toContain('("주문일자")');
    // an order's id and time merged over its lines, each line its own amount; an amount merged over lines counts once
    const lines: (Cell | null)[][] = [['주문번호', '주문일시', '상품명', '결제금액'],
      ['B1', wallDate('2025-11-01 09:00:00'), 'x', 1000], [null, null, 'y', 1500], ['B2', wallDate('2025-11-01 10:00:00'), 'z', 700],
      ['B3', wallDate('2025-11-02 11:00:00'), 'x', 4000], [null, null, 'y', null]];
    const o = await ingestFile(await xlsxFile([{ name: '주문', rows: lines, merges: ['A2:A3', 'B2:B3', 'A5:A6', 'B5:B6', 'D5:D6'] }]), TZ);
    expect(o.series).toEqual({ start: '2025-11-01', orders: [2, 1], revenue: [3200, 4000] });
    expect(o.info).toMatchObject({ rows: 5, rowsUsed: 5 });
    // a title merged down over two rows above the header changes no row
    const head = await ingestFile(await xlsxFile([{ name: 's', rows: [['주문목록'], [null], ...ORDERS], merges: ['A1:A2'] }]), TZ);
    expect(head.warnings.map((w) => w.code)).toEqual(['PREAMBLE']);
    expect(head.series.revenue).toEqual([24600, 0, 5000]);
  });

  it('reads ISO 8601 date cells (t="d", SheetJS and Strict writers) as their dates, and error cells as their text', async () => {
    const rows = [['주문번호', '주문일시', '결제금액'], ['1', '2024-11-29T05:57:58', 1000], ['2', '2024-11-30T23:10:00', 2000], ['3', '2024-11-30', 500]];
    const cell = (v: string | number, r: number, c: number) => {
      const at = `${'ABC'[c]}${r}`;
      if (typeof v === 'number') return `<c r="${at}"><v>${v}</v></c>`;
      return r > 1 && c === 1 ? `<c r="${at}" t="d"><v>${v}</v></c>` : `<c r="${at}" t="inlineStr"><is><t>${v}</t></is></c>`;
    };
    const body = rows.map((row, i) => `<row r="${i + 1}">${row.map((v, j) => cell(v, i + 1, j)).join('')}</row>`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
    const ing = await ingestFile(put(zipOf(bookParts([{ name: 'Sheet1', xml }])), 'iso-cells.xlsx'), TZ);
    expect(ing.series).toEqual({ start: '2024-11-29', orders: [1, 2], revenue: [1000, 2500] });
  });

  it('dateCellsAsText retypes t="d" however the chunks cut it, and nothing else', async () => {
    const xml = '<c r="B2" t="d"><v>2024-11-29</v></c><c r="C2" t="s"><v>3</v></c><c t="d" r="B3"><v>2024-12-01</v></c>';
    for (let cut = 1; cut < xml.length; cut += 3) {
      async function* parts() {
        yield Buffer.from(xml.slice(0, cut));
        yield Buffer.from(xml.slice(cut));
      }
      const out: Buffer[] = [];
      for await (const b of dateCellsAsText(parts())) out.push(b);
      expect(Buffer.concat(out).toString()).toBe(xml.replaceAll(' t="d"', ' t="e"'));
    }
  });

  it('reads a sheet whose rows and cells carry no references (r is optional; minimal writers leave it out)', async () => {
    const rows = [['주문번호', '주문일시', '결제금액'], ['1', '2024-11-29 10:00', 1000], ['2', '2024-11-30 11:00', 2000]];
    const cell = (v: string | number) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${
      rows.map((r) => `<row>${r.map(cell).join('')}</row>`).join('')}</sheetData></worksheet>`;
    const ing = await ingestFile(put(zipOf(bookParts([{ name: 'Sheet1', xml }])), 'no-refs.xlsx'), TZ);
    expect(ing.series).toEqual({ start: '2024-11-29', orders: [1, 1], revenue: [1000, 2000] });
    expect(wbInfo(ing).headerRow).toBe(1);
  });

  it('withCellRefs numbers rows and cells after the last given reference, and leaves other tags alone', () => {
    expect(withCellRefs('<cols><col min="1"/></cols><row><c><v>1</v></c><c/></row><row r="5"><c r="C5"/><c t="s"><v>0</v></c></row><row><c/></row>'))
      .toBe('<cols><col min="1"/></cols><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="5"><c r="C5"/><c r="D5" t="s"><v>0</v></c></row><row r="6"><c r="A6"/></row>');
    const wide = `<row>${'<c/>'.repeat(28)}</row>`;
    expect(withCellRefs(wide)).toContain('<c r="Z1"/><c r="AA1"/><c r="AB1"/>');
  });

  it('takes the money unit a title row states (단위: 천원) over a daily report', async () => {
    const p = await xlsxFile([{ name: '일별', rows: [['일별 매출 현황', '', '(단위: 천원)'], ['일자', '주문수', '매출액'],
      [wallDate('2025-11-29 00:00:00'), 4, 1234.5], [wallDate('2025-11-30 00:00:00'), 6, 2000]] }]);
    const ing = await ingestFile(p, TZ);
    expect(ing.series).toEqual({ start: '2025-11-29', orders: [4, 6], revenue: [1234500, 2000000] });
    expect(ing.warnings.map((w) => w.code)).toEqual(['PREAMBLE', 'MONEY_UNIT']);
  });

  it('reads on through later sheets with the same header (one sheet a month), each ending its own footer; --sheet reads one', async () => {
    const month = (m: number, n: number): (string | number)[][] => [['주문목록'], ['주문번호', '주문일시', '결제금액'],
      ...Array.from({ length: n }, (_, k) => [`${m}-${k}`, `2024-${String(m).padStart(2, '0')}-0${k + 1} 10:00`, 1000 * m]), ['합계', '', 1000 * m * n], ['출력일: 2025-01-01']];
    const p = put(zipOf(bookParts([
      { name: '11월', xml: sheetXml(month(11, 2)) }, { name: '요약', xml: sheetXml([['월', '합계'], ['11월', 22000]]) }, { name: '12월', xml: sheetXml(month(12, 3)) },
    ])), 'monthly.xlsx');
    const ing = await ingestFile(p, TZ);
    expect(ing.info).toMatchObject({ firstDate: '2024-11-01', lastDate: '2024-12-03', rows: 9, rowsUsed: 5, rowsSkipped: { 'total-row': 4 } });
    expect(ing.series.revenue.filter((r) => r).reduce((a, b) => a! + b!, 0)).toBe(2 * 11000 + 3 * 12000);
    expect(wbInfo(ing).alsoRead).toEqual([{ index: 3, name: '12월', headerRow: 2 }]);
    expect(ing.warnings.map((w) => w.code)).toEqual(['PREAMBLE', 'SHEETS_COMBINED']);
    const one = await ingestFile(p, { ...TZ, sheet: '12월' });
    expect([one.info.rowsUsed, wbInfo(one).alsoRead]).toEqual([3, undefined]);
    // a sheet of another name with the same header (전체: the same orders again?) is named, not read
    const all = put(zipOf(bookParts([{ name: '11월', xml: sheetXml(month(11, 2)) }, { name: '전체', xml: sheetXml(month(11, 2)) }])), 'all.xlsx');
    const a = await ingestFile(all, TZ);
    expect([a.info.rowsUsed, wbInfo(a).alsoRead, a.warnings.map((w) => w.code)]).toEqual([2, undefined, ['PREAMBLE', 'OTHER_SHEETS']]);
  });

  it('a first sheet of monthly totals over a sheet of orders: the orders are read, with SUMMARY_SHEET_SKIPPED; --sheet 1 reads the totals', async () => {
    const orders = [['주문번호', '주문일시', '결제금액'], ...['2025-01-03', '2025-01-20', '2025-02-05', '2025-03-11'].map((d, k) => [`A${k}`, `${d} 10:00`, 1000 * (k + 1)])];
    const p = put(zipOf(bookParts([
      { name: '요약', xml: sheetXml([['월', '주문수', '매출합계'], ['2025-01', 2, 3000], ['2025-02', 1, 3000], ['2025-03', 1, 4000]]) },
      { name: '메모', xml: sheetXml([['작성자', '홍길동']]) },
      { name: '주문내역', xml: sheetXml(orders) },
    ])), 'summary-first.xlsx');
    const ing = await ingestFile(p, TZ);
    expect([ing.info.kind, ing.info.rowsUsed, ing.info.firstDate, ing.info.lastDate]).toEqual(['orders', 4, '2025-01-03', '2025-03-11']);
    expect(wbInfo(ing).sheet).toEqual({ index: 3, name: '주문내역' });
    expect(wbInfo(ing).sheets.map((s) => s.headerRow)).toEqual([1, null, 1]);
    expect(ing.warnings[0]).toMatchObject({ code: 'SUMMARY_SHEET_SKIPPED' });
    expect(ing.warnings[0].message).toContain('"요약" holds weekly or monthly totals, so the days of sheet "주문내역" were read instead (--sheet 1');
    const totals = await ingestFile(p, { ...TZ, sheet: '1' });
    expect([totals.info.kind, totals.info.rowsUsed, totals.warnings.map((w) => w.code)]).toEqual(['daily', 3, []]);
    // a sheet a month after the summary: read on as one table, as without the summary
    const month = (m: number) => ({ name: `${m}월`, xml: sheetXml([['주문번호', '주문일시', '결제금액'], ...[1, 2].map((d) => [`${m}-${d}`, `2025-0${m}-0${d} 10:00`, 1000])]) });
    const months = put(zipOf(bookParts([{ name: '요약', xml: sheetXml([['월', '매출'], ['2025-01', 2000], ['2025-02', 2000], ['2025-03', 2000]]) }, month(1), month(2), month(3)])), 'months.xlsx');
    const m = await ingestFile(months, TZ);
    expect([m.info.rowsUsed, m.info.firstDate, m.info.lastDate, wbInfo(m).sheet.name]).toEqual([6, '2025-01-01', '2025-03-02', '1월']);
    expect(m.warnings.map((w) => w.code)).toEqual(['SUMMARY_SHEET_SKIPPED', 'SHEETS_COMBINED']);
    // two summaries (월별, then 주별) before the days: both passed over
    const week = sheetXml([['주', '매출'], ['2025-01-06', 700], ['2025-01-13', 700], ['2025-01-20', 700]]);
    const two = put(zipOf(bookParts([{ name: '월별 요약', xml: sheetXml([['월', '매출'], ['2025-01', 2000], ['2025-02', 2000], ['2025-03', 2000]]) }, { name: '주별 요약', xml: week }, month(1)])), 'two.xlsx');
    const t = await ingestFile(two, TZ);
    expect([wbInfo(t).sheet.name, t.info.rowsUsed, t.warnings[0].code]).toEqual(['1월', 2, 'SUMMARY_SHEET_SKIPPED']);
    // no later sheet of days: the totals are what there is, read as before
    const alone = put(zipOf(bookParts([{ name: '요약', xml: sheetXml([['월', '매출합계'], ['2025-01', 3000], ['2025-02', 3000], ['2025-03', 4000]]) }, { name: '메모', xml: sheetXml([['x']]) }])), 'alone.xlsx');
    const a = await ingestFile(alone, TZ);
    expect([wbInfo(a).sheet.name, a.warnings.some((w) => w.code === 'SUMMARY_SHEET_SKIPPED')]).toEqual(['요약', false]);
  });

  it.each(['2025-01', '2025.1', '25년 1월', '2025년 12월', '1월', '11', 'Nov 2024', '2024 November', 'jan-25',
    '6월 주문', '2025년 6월 매출', '주문내역_202506', '202506', 'Orders Jun 2025', '판매 7월', 'September', 'Sept 2025'])('%j is a month\'s sheet', (n) => expect(isPeriodName(n)).toBe(true));
  it.each(['전체', 'Sheet1', '원본', '13월', '2025', '요약', 'Orders', '주문내역', '202513', '2025061', '주문 전체',
    '주문 1', 'Orders 2', 'Sales-3', 'Sales Decline', 'Orders Marketing', 'Decline', 'Mayday'])('%j is not', (n) => expect(isPeriodName(n)).toBe(false));
  it('a second sheet of a month already read is not read on (the same orders again), and is named', async () => {
    const month = (name: string, m: number) => ({ name, xml: sheetXml([['주문번호', '주문일시', '결제금액'], ...[1, 2].map((d) => [`${m}-${d}`, `2025-${String(m).padStart(2, '0')}-0${d} 10:00`, 1000])]) });
    const p = put(zipOf(bookParts([month('2025-10', 10), month('2025-11', 11), month('주문_202511', 11)])), 'copy.xlsx');
    const ing = await ingestFile(p, TZ);
    expect([ing.info.rowsUsed, wbInfo(ing).alsoRead?.map((s) => s.name)]).toEqual([4, ['2025-11']]);
    expect(ing.warnings.find((w) => w.code === 'OTHER_SHEETS')?.message).toMatch(/were not read: "주문_202511"; .*each month once/);
  });

  it('the default sheet is the first visible one with a header; --sheet picks by name or tab number, hidden ones too', async () => {
    const other = [['date', 'orders', 'revenue'], [wallDate('2025-01-01 00:00:00'), 3, 30000], [wallDate('2025-01-02 00:00:00'), 4, 40000]];
    const p = put(zipOf(bookParts([
      { name: '안내', xml: sheetXml([['엑셀 다운로드 안내'], ['주문은 다음 시트에 있습니다']]) },
      { name: 'hidden', xml: sheetXml(orderRowsSerial(3, 45000)), hidden: true },
      { name: '주문목록', xml: sheetXml(orderRowsSerial(5)) },
      { name: '일별', xml: sheetXml(other.map((r) => r.map((c) => (c instanceof Date ? c.getTime() / 864e5 + 25569 : (c as string | number))))) },
    ])), 'book.xlsx');
    const first = await ingestFile(p, TZ);
    expect(wbInfo(first).sheet).toEqual({ index: 3, name: '주문목록' });
    expect(wbInfo(first).sheets).toEqual([
      { index: 1, name: '안내', hidden: false, headerRow: null },
      { index: 2, name: 'hidden', hidden: true },
      { index: 3, name: '주문목록', hidden: false, headerRow: 1 },
      { index: 4, name: '일별', hidden: false },
    ]);
    expect(first.info.firstDate).toBe('2025-01-01');
    expect((await ingestFile(p, { ...TZ, sheet: '일별' })).info).toMatchObject({ kind: 'daily', firstDate: '2025-01-01', rows: 2 });
    expect(wbInfo(await ingestFile(p, { ...TZ, sheet: '4' })).sheet.name).toBe('일별');
    expect(wbInfo(await ingestFile(p, { ...TZ, sheet: ' 일별 ' })).sheet.name).toBe('일별');
    expect((await ingestFile(p, { ...TZ, sheet: 'HIDDEN' })).info.firstDate).toBe('2023-03-15');
    const e = await rejection(ingestFile(p, { ...TZ, sheet: '정산' }));
    expect(e.code).toBe('UNKNOWN_SHEET');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('1 "안내", 2 "hidden" (hidden), 3 "주문목록", 4 "일별"');
    expect((await rejection(ingestFile(p, { ...TZ, sheet: '9' }))).code).toBe('UNKNOWN_SHEET');
  });

  it('no header in any sheet: the row reader\'s own code, naming the sheets; an empty workbook is EMPTY_FILE', async () => {
    const p = put(zipOf(bookParts([
      { name: 'a', xml: sheetXml([['title'], ['주문번호', '메모'], ['1', 'x']]) },
      { name: 'b', xml: sheetXml([['note']]) },
    ])), 'none.xlsx');
    const e = await rejection(ingestFile(p, TZ));
    expect(e.code).toBe('NO_DATE_COLUMN');
    expect(e.message).toContain('"a" (no header), "b" (no header)');
    expect(e.hint).toMatch(/--sheet/);
    const chosen = await rejection(ingestFile(p, { ...TZ, sheet: 'a' }));
    expect(chosen.code).toBe('NO_DATE_COLUMN');
    expect(chosen.message).toContain('none.xlsx (sheet "a")');
    const empty = put(zipOf(bookParts([{ name: 'a', xml: sheetXml([]) }])), 'empty.xlsx');
    expect((await rejection(ingestFile(empty, TZ))).code).toBe('EMPTY_FILE');
  });

  it('--by a column no sheet has: UNKNOWN_COLUMN with the headers of the sheet that has the rest, not "no header"', async () => {
    const p = await xlsxFile([
      { name: '안내', rows: [['엑셀 다운로드 안내'], ['개인정보 보호에 유의하세요']] },
      { name: '주문', rows: [['주문번호', '주문일시', '결제금액'], ['1', wallDate('2025-11-01 10:00:00'), 7000]] },
    ]);
    const e = await rejection(ingestGrouped(p, { ...TZ, by: '판매자' }));
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toContain('(sheet "주문"): --by 판매자: no such column; the headers are "주문번호", "주문일시", "결제금액"');
    expect(e.message).toContain('"안내" (no header), "주문" (no column "판매자")');
    expect(e.hint).toMatch(/--sheet/);
  });

  it('--columns names the header row (a title row that happens to map is passed over)', async () => {
    const p = await xlsxFile([{ name: 's', rows: [['date', 'amount'], ['주문', '일시', '금액합계'], ['1', wallDate('2025-11-01 10:00:00'), 7000]] }]);
    const ing = await ingestFile(p, { ...TZ, columns: { date: '일시', amount: '금액합계' } });
    expect(wbInfo(ing).headerRow).toBe(2);
    expect(ing.series.revenue).toEqual([7000]);
  });
});

describe('xlsx: cells as Excel stores them', () => {
  it('dates in the 1900 and 1904 systems give the same series; so do yyyymmdd numbers and date text', async () => {
    const a = await ingestFile(await xlsxFile([{ name: 's', rows: ORDERS }]), TZ);
    const b = await ingestFile(await xlsxFile([{ name: 's', rows: ORDERS }], 'b.xlsx', { date1904: true }), TZ);
    expect(wbInfo(b).date1904).toBe(true);
    expect(b.series).toEqual(a.series);
    const asText = ORDERS.map((r, i) => (i === 0 ? r : [r[0], 20251101 + (i === 4 ? 2 : i === 3 ? 1 : 0), r[2], r[3]]));
    expect((await ingestFile(await xlsxFile([{ name: 's', rows: asText }]), TZ)).series).toEqual(a.series);
    const hand = put(zipOf(bookParts([{ name: 's', xml: sheetXml([['date', 'amount'], [45962 - 1462, 100], ['2025-11-02', 200]]) }], { date1904: true })), 'h.xlsx');
    expect((await ingestFile(hand, TZ)).series).toEqual({ start: '2025-11-01', orders: [1, 1], revenue: [100, 200] });
  });

  it('monthly settlement: month cells as `2025-11` text or as date cells on the 1st make the same monthly series', async () => {
    const text: Cell[][] = [['정산내역'], [], ['정산월', '주문건수', '판매금액'], ['2025-09', 10, 100000], ['2025-10', 12, 120000], ['2025년 11월', 8, 80000], ['합계', 30, 300000]];
    const dates: Cell[][] = text.map((r) => (typeof r[0] === 'string' && /^2025/.test(r[0]) ? [wallDate(`2025-${r[0].replace(/\D+/g, '').slice(4).padStart(2, '0')}-01 00:00:00`), ...r.slice(1)] : r));
    const a = await ingestFile(await xlsxFile([{ name: '정산내역', rows: text }]), TZ);
    const b = await ingestFile(await xlsxFile([{ name: '정산내역', rows: dates, numFmt: { A: 'yyyy-mm' } }]), TZ);
    expect(a.info).toMatchObject({ kind: 'daily', columns: { date: '정산월', orders: '주문건수', revenue: '판매금액' }, rowsSkipped: { 'total-row': 1 } });
    expect(b.series).toEqual(a.series);
    expect(a.series.start).toBe('2025-09-01');
    expect(a.series.orders.filter((x) => x !== null)).toEqual([10, 12, 8]);
  });

  it('empty trailing rows and columns are ignored; notes right of the table are not data', async () => {
    const rows: Cell[][] = [...ORDERS.map((r, i) => (i === 2 ? [...r, null, '메모: 확인 필요'] : r)), [], [], ['', '', '', '']];
    const ing = await ingestFile(await xlsxFile([{ name: 's', rows, widths: [10, 10, 10, 10, 10, 30] }]), TZ);
    expect(ing.info.headers).toHaveLength(4);
    expect(ing.info.rows).toBe(4);
    expect(ing.series.revenue).toEqual([24600, 0, 5000]);
  });

  it('a formula without a cached result is BAD_NUMBERS naming the formula, never a silent zero', async () => {
    const xml = sheetXml([['date', 'amount'], ['2025-11-01', 100]]).replace('</sheetData>', '<row r="3"><c r="A3" t="inlineStr"><is><t>2025-11-02</t></is></c><c r="B3"><f>B2*2</f></c></row></sheetData>');
    const e = await rejection(ingestFile(put(zipOf(bookParts([{ name: 's', xml }])), 'f.xlsx'), TZ));
    expect(e.code).toBe('BAD_NUMBERS');
    expect(e.message).toContain('line 3: cannot read amount "=B2*2"');
  });

  it('hand-made workbooks: inline strings, no shared strings, odd part names, absolute targets', async () => {
    const rows = orderRowsSerial(4);
    const p = put(zipOf(bookParts([{ name: 'Orders & Co', xml: sheetXml(rows), path: 'xl/worksheets/Data_1.xml' }], { absolute: true })), 'odd.xlsx');
    const ing = await ingestFile(p, TZ);
    expect(ing.series).toEqual({ start: '2025-01-01', orders: [1, 1, 1, 1], revenue: [10000, 10000, 10000, 10000] });
    expect(wbInfo(ing).sheet.name).toBe('Orders & Co');
  });

  it('ZIP64 directories (sizes and offsets in the extra field) read the same', async () => {
    const parts = bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(6)) }]);
    const a = await ingestFile(put(zipOf(parts), 'plain.xlsx'), TZ);
    const b = await ingestFile(put(zipOf(parts, true), 'zip64.xlsx'), TZ);
    expect(b.series).toEqual(a.series);
    const bomb = [...parts, { name: 'xl/media/big.bin', data: 'x', declared: 0xfffffff0 }];
    expect((await rejection(ingestFile(put(zipOf(bomb, true), 'bomb64.xlsx'), TZ))).code).toBe('FILE_TOO_LARGE');
  });

  it('batch --by: a grouped workbook splits by its seller column', async () => {
    const rows: Cell[][] = [['판매자', '주문일시', '결제금액']];
    for (let d = 0; d < 5; d++) for (const s of ['s1', 's2']) rows.push([s, wallDate(`2025-11-0${d + 1} 12:00:00`), s === 's1' ? 1000 : 2000]);
    const got = await ingestGrouped(await xlsxFile([{ name: 'all', rows: [['전체 판매자 주문'], ...rows] }]), { ...TZ, by: '판매자' });
    expect([...got.keys()]).toEqual(['s1', 's2']);
    expect((got.get('s2') as { series: { revenue: number[] } }).series.revenue).toEqual([2000, 2000, 2000, 2000, 2000]);
  });
});

describe('xlsx: password-protected workbooks', () => {
  const saved = process.env.LOSS_CALC_PASSWORD;
  afterEach(() => {
    if (saved === undefined) delete process.env.LOSS_CALC_PASSWORD;
    else process.env.LOSS_CALC_PASSWORD = saved;
  });

  it('PASSWORD_REQUIRED without one, WRONG_PASSWORD for a wrong one, neither echoing it; opens with the right one or LOSS_CALC_PASSWORD', async () => {
    delete process.env.LOSS_CALC_PASSWORD;
    const missing = await rejection(ingestFile(ENCRYPTED, TZ));
    expect([missing.code, missing.exitCode]).toEqual(['PASSWORD_REQUIRED', 1]);
    const wrong = await rejection(ingestFile(ENCRYPTED, { ...TZ, password: 'hunter2-wrong' }));
    expect([wrong.code, wrong.exitCode]).toEqual(['WRONG_PASSWORD', 1]);
    expect(`${wrong.message} ${wrong.hint} ${wrong.stack}`).not.toContain('hunter2-wrong');
    const ok = await ingestFile(ENCRYPTED, { ...TZ, password: FIXTURE_PASSWORD });
    expect(wbInfo(ok).encrypted).toBe(true);
    expect(ok.info).toMatchObject({ kind: 'orders', rows: 2808, columns: { date: '결제일', amount: '상품별 총 주문금액', id: '주문번호', status: '주문상태' } });
    expect(JSON.stringify(ok)).not.toContain(FIXTURE_PASSWORD);
    process.env.LOSS_CALC_PASSWORD = FIXTURE_PASSWORD;
    expect((await ingestFile(ENCRYPTED, TZ)).series).toEqual(ok.series);
  }, 30_000);
});

describe('xlsx: limits and refused formats', () => {
  const rowsLimit = XLSX_LIMITS.rows;
  afterEach(() => {
    (XLSX_LIMITS as { rows: number }).rows = rowsLimit;
  });

  it('zip bomb: a directory declaring more than the limit is refused before anything is inflated', async () => {
    const parts = bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }]);
    parts.push({ name: 'xl/media/image1.png', data: Buffer.alloc(10), declared: 0xfffffff0 });
    const e = await rejection(ingestFile(put(zipOf(parts), 'bomb.xlsx'), TZ));
    expect([e.code, e.exitCode]).toEqual(['FILE_TOO_LARGE', 1]);
  });

  it('a directory that under-declares a part is caught while inflating (no byte past the declared size)', async () => {
    const big = sheetXml([['date', 'amount'], ...Array.from({ length: 20000 }, (_, i) => [45658 + (i % 30), 100 + i])]);
    const parts = bookParts([{ name: 's', xml: big }]);
    parts[parts.length - 1].declared = 1000;
    const e = await rejection(ingestFile(put(zipOf(parts), 'liar.xlsx'), TZ));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/more than the 1000 bytes its zip directory declares/);
  });

  it('more rows than the limit → FILE_TOO_LARGE', async () => {
    (XLSX_LIMITS as { rows: number }).rows = 10;
    const e = await rejection(ingestFile(put(zipOf(bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(20)) }])), 'rows.xlsx'), TZ));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/more than 10 rows/);
  });

  it('formula cells whose cached value is 0 or FALSE keep it (exceljs drops falsy results): an amount of 0, a cancel flag of 0', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>주문번호</t></is></c><c r="B1" t="inlineStr"><is><t>주문일자</t></is></c><c r="C1" t="inlineStr"><is><t>결제금액</t></is></c><c r="D1" t="inlineStr"><is><t>취소여부</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>2025-09-01</t></is></c><c r="C2"><f>5000*2</f><v>10000</v></c><c r="D2"><f>IF(C2&gt;0,0,1)</f><v>0</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>A2</t></is></c><c r="B3" t="inlineStr"><is><t>2025-09-01</t></is></c><c r="C3"><f>5000*0</f><v>0</v></c><c r="D3" t="b"><f>FALSE()</f><v>0</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>A3</t></is></c><c r="B4" t="inlineStr"><is><t>2025-09-02</t></is></c><c r="C4"><f>3000</f><v>3000</v></c><c r="D4"><f>1</f><v>1</v></c></row>' +
      '</sheetData></worksheet>';
    const ing = await ingestFile(put(zipOf(bookParts([{ name: 's', xml }])), 'formulas.xlsx'), TZ);
    expect(ing.info).toMatchObject({ rows: 3, rowsUsed: 2, rowsSkipped: { cancelled: 1 }, columns: { cancelled: '취소여부' } });
    // a workbook that asks to be calculated on opening (xlsxwriter, openpyxl) holds 0 for formulas it never computed:
    // no result, so the rows are unreadable, named — never a silent 0 or a flag read as set
    const uncalculated = bookParts([{ name: 's', xml }]).map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: String(p.data).replace('</workbook>', '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>') } : p));
    const e = await rejection(ingestFile(put(zipOf(uncalculated), 'uncalculated.xlsx'), TZ));
    expect([e.code, e.message]).toEqual(['BAD_NUMBERS', expect.stringMatching(/cannot read (amount "=5000\*0"|cancelled "=IF\(C2>0,0,1\)")/)]);
    expect(ing.series).toEqual({ start: '2025-09-01', orders: [2, 0], revenue: [10000, 0] }); // the order of 0 counts; the 2nd's is cancelled
  });

  it('16-digit order ids Excel stored as rounded numbers are told apart by their time, and warned (ROUNDED_ORDER_IDS)', async () => {
    // twelve orders a day, ids 2025080100000100 … 111 as Excel keeps them (…100 or …110), each at its own minute
    const rows: (string | number)[][] = [['주문번호', '주문일시', '결제금액']];
    for (let d = 1; d <= 2; d++) for (let k = 0; k < 12; k++) rows.push([2025080100000100 + 10 * Math.floor(k / 10), `2025-08-0${d} 10:${String(k).padStart(2, '0')}`, 1000]);
    const r = await ingestFile(put(zipOf(bookParts([{ name: 's', xml: sheetXml(rows) }])), 'rounded-ids.xlsx'), TZ);
    expect(r.series.orders).toEqual([12, 12]); // read as numbers: 2 orders a day
    expect(r.warnings.map((w) => w.code)).toContain('ROUNDED_ORDER_IDS');
  });

  it('.xls, .xlsm and a VBA project are refused with UNSUPPORTED_FORMAT ("save it as .xlsx"); macros never run', async () => {
    const xls = await rejection(ingestFile(put(oleOf({ Workbook: Buffer.alloc(600, 1) }), 'legacy.xls'), TZ));
    expect([xls.code, xls.exitCode]).toEqual(['UNSUPPORTED_FORMAT', 1]);
    expect(xls.message).toMatch(/save it as \.xlsx/);
    const sameNamedXlsx = await rejection(ingestFile(put(oleOf({ Workbook: Buffer.alloc(600, 1) }), 'legacy.xlsx'), TZ));
    expect(sameNamedXlsx.code).toBe('UNSUPPORTED_FORMAT');
    const book = zipOf(bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }]));
    expect((await rejection(ingestFile(put(book, 'macro.xlsm'), TZ))).code).toBe('UNSUPPORTED_FORMAT');
    // an .xlsx named .xls (an admin site's download): its zip is read as the workbook it is
    expect((await ingestFile(put(book, 'download.xls'), TZ)).info.rowsUsed).toBe(3);
    const vba = zipOf([...bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }]), { name: 'xl/vbaProject.bin', data: Buffer.alloc(100) }]);
    expect((await rejection(ingestFile(put(vba, 'renamed.xlsx'), TZ))).code).toBe('UNSUPPORTED_FORMAT');
    // the workbook part's own type decides, not a Default line: SheetJS declares a macro type for .bin parts in every file
    const typed = (types: string) => zipOf(bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }]).map((p) => (p.name === '[Content_Types].xml'
      ? { ...p, data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${types}</Types>` } : p)));
    const sheetjs = typed('<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>');
    expect((await ingestFile(put(sheetjs, 'sheetjs.xlsx'), TZ)).info.rowsUsed).toBe(3);
    const xlsm = typed('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect((await rejection(ingestFile(put(xlsm, 'renamed2.xlsx'), TZ))).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('zips that are no workbook: BINARY_FILE as before when named .csv, BAD_WORKBOOK when named .xlsx', async () => {
    const cut = Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1');
    expect((await rejection(ingestFile(write(cut), TZ))).code).toBe('BINARY_FILE');
    expect((await rejection(ingestFile(put(cut, 'cut.xlsx'), TZ))).code).toBe('BAD_WORKBOOK');
    const other = zipOf([{ name: 'readme.txt', data: 'hello' }]);
    expect((await rejection(ingestFile(put(other, 'a.csv'), TZ))).code).toBe('BINARY_FILE');
    expect((await rejection(ingestFile(put(other, 'a.xlsx'), TZ))).code).toBe('BAD_WORKBOOK');
    const real = zipOf(bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(40)) }]));
    const truncated = await rejection(ingestFile(put(real.subarray(0, real.length - 30), 'truncated.xlsx'), TZ));
    expect(truncated.code).toBe('BAD_WORKBOOK');
    const ole = await rejection(ingestFile(put(oleOf({ WordDocument: Buffer.alloc(600) }), 'x.doc'), TZ));
    expect(ole.code).toBe('BINARY_FILE');
  });
});

describe('xlsx: damaged workbooks', () => {
  it('random byte damage gives a series or a coded data error: never a hang, a crash or INTERNAL', async () => {
    const good = zipOf(bookParts([{ name: 's', xml: sheetXml([['title'], ...orderRowsSerial(30)]) }]));
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
        const bad = Buffer.from(good);
        for (const [at, v] of flips) bad[at] = v;
        try {
          await ingestFile(put(bad, 'damaged.xlsx'), TZ);
          codes.add('ok');
        } catch (e) {
          expect(e).toBeInstanceOf(LossCalcError);
          expect((e as LossCalcError).code).not.toBe('INTERNAL');
          codes.add((e as LossCalcError).code);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(codes.size).toBeGreaterThan(2);
  }, 120_000);
});
