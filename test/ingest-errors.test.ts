// Every coded error ingest raises: the code (tests check codes), and that messages name the file and lines.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest/index.js';
import { TMP, rejection, toCsv, write } from './ingest-helpers.js';

const TZ = { tz: 'Asia/Seoul' };
const fails = (p: string, opts = {}) => rejection(ingestFile(p, { ...TZ, ...opts }));

describe('files that cannot be read', () => {
  it('FILE_NOT_FOUND', async () => {
    expect((await fails(path.join(TMP, 'nope.csv'))).code).toBe('FILE_NOT_FOUND');
    expect((await fails(path.join(TMP, 'nope', 'x.csv'))).code).toBe('FILE_NOT_FOUND');
  });
  it('FILE_UNREADABLE for a directory', async () => {
    expect((await fails(TMP)).code).toBe('FILE_UNREADABLE');
  });
  it.skipIf(process.getuid?.() === 0)('FILE_UNREADABLE without permission', async () => {
    const p = write('date,amount\n2025-01-01,1\n');
    fs.chmodSync(p, 0o000);
    expect((await fails(p)).code).toBe('FILE_UNREADABLE');
  });
  it.each([['0 bytes', ''], ['a BOM only', '\ufeff'], ['whitespace only', ' \r\n\t\n']])('EMPTY_FILE: %s', async (_, text) => {
    expect((await fails(write(text))).code).toBe('EMPTY_FILE');
  });
  it('BINARY_FILE for NUL bytes and workbooks', async () => {
    expect((await fails(write(Buffer.from([0x89, 0x50, 0, 0, 0, 0x0d, 0, 0x0a, 1, 0, 0, 0])))).code).toBe('BINARY_FILE');
    const xlsx = await fails(write(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')));
    expect([xlsx.code, xlsx.hint]).toEqual(['BINARY_FILE', expect.stringMatching(/CSV/)]);
  });
  const table = '<table border=1><tr><th>주문일시</th><th>결제금액</th></tr><tr><td>2025-01-01</td><td>1000</td></tr></table>';
  it.each([
    ['an HTML table named .xls', `<html><head><meta charset='utf-8'></head><body>${table}</body></html>`, 'orders.xls'],
    ['a doctype, after a BOM and blank lines', `\ufeff\r\n  \n<!DOCTYPE html>\n<html lang="ko">${table}</html>`, 'a.csv'],
    ['a bare table', `${table}\n`, 'b.xls'],
    ['Excel\'s HTML with office namespaces', `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${table}`, 'c.xls'],
    ['a meta tag first', `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">${table}`, 'd.xls'],
    ['an Excel 2003 XML spreadsheet', '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n</Workbook>\n', 'e.xls'],
  ])('UNSUPPORTED_FORMAT for %s, with the hint to save it as CSV UTF-8 or .xlsx', async (_, text, name) => {
    const e = await fails(write(text, name));
    expect([e.code, e.exitCode]).toEqual(['UNSUPPORTED_FORMAT', 1]);
    expect(e.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: an? (HTML page or table|Excel 2003 XML spreadsheet)`));
    expect(e.hint).toMatch(/CSV UTF-8.*xlsx/);
  });
  it.each([
    ['JSON lines', '{"order_id": 1, "created_at": "2025-01-01", "amount": 1000}\n{"order_id": 2, "created_at": "2025-01-02", "amount": 500}\n'],
    ['a JSON array', '[\n  {"order_id": 1, "amount": 1000}\n]\n'],
  ])('UNSUPPORTED_FORMAT for %s named .csv, with a hint to export CSV', async (_, text) => {
    const e = await fails(write(text, 'orders.csv'));
    expect([e.code, e.message, e.hint]).toEqual(['UNSUPPORTED_FORMAT', expect.stringMatching(/^orders\.csv: JSON/), expect.stringMatching(/as CSV/)]);
  });
  it('a CSV whose first header is quoted with braces is still a CSV', async () => {
    expect((await fails(write('"{id}",date\n1,2025-01-01\n'))).code).not.toBe('UNSUPPORTED_FORMAT');
  });
  it('UNSUPPORTED_FORMAT for HTML in UTF-16 and CP949 too', async () => {
    const html = `<html><head><meta charset="euc-kr"></head><body>${table}</body></html>`;
    expect((await fails(write(Buffer.from(`\ufeff${html}`, 'utf16le'), 'u16.xls'))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await fails(write(iconv.encode(html, 'cp949'), 'cp949.xls'))).code).toBe('UNSUPPORTED_FORMAT');
  });
  it('other XML, and a CSV whose cells hold tags, are still read as CSV', async () => {
    expect((await fails(write('<?xml version="1.0"?>\n<orders><order/></orders>\n'))).code).toBe('NO_DATE_COLUMN');
    const r = await ingestFile(write('date,amount,memo\n2025-01-01,100,<b>gift</b>\n'), TZ);
    expect(r.info.rowsUsed).toBe(1);
  });
  it('BAD_ENCODING for a UTF-8 file that turns invalid after its head', async () => {
    const rows = Array.from({ length: 2500 }, () => ['2025-01-01', '₩1,000', '결제완료']);
    const bytes = Buffer.concat([Buffer.from(toCsv(['date', 'amount', 'status'], rows)), iconv.encode('2025-01-02,1000,취소완료\n', 'cp949')]);
    expect((await fails(write(bytes))).code).toBe('BAD_ENCODING');
  });
  it('NO_HEADER when nothing but blank lines fills more than the sniffed head', async () => {
    expect((await fails(write('\n'.repeat(70_000)))).code).toBe('NO_HEADER');
  });
});

describe('headers', () => {
  it('NO_DATE_COLUMN lists the headers found and the synonyms tried', async () => {
    const e = await fails(write('상품명,결제금액\nA,1000\n'));
    expect(e.code).toBe('NO_DATE_COLUMN');
    expect(e.message).toMatch(/"상품명", "결제금액"/);
    expect(e.hint).toMatch(/주문일시/);
  });
  it('passes over up to ten title lines (blank lines not counted) and reads the header under them', async () => {
    const titles = Array.from({ length: 10 }, (_, i) => `항목${i},값${i}\n\n`).join('');
    const r = await ingestFile(write(`${titles}주문일시,결제금액\n2025-01-01,1000\n`), TZ);
    expect(r.series.revenue).toEqual([1000]);
    expect(r.warnings).toContainEqual({ code: 'PREAMBLE', message: '10 line(s) above the header (line 21) were not read' });
  });
  it('NO_HEADER, not a title line named as the header, when more than ten lines come before it', async () => {
    const titles = Array.from({ length: 11 }, (_, i) => (i === 4 ? '조회기간,2025-01-01,~,2025-01-31\n' : `항목${i},값${i}\n`)).join('');
    const e = await fails(write(`${titles}주문일시,결제금액\n2025-01-01,1000\n`));
    expect(e.code).toBe('NO_HEADER');
    expect(e.message).toMatch(/: no header found in the first 11 non-blank lines: expected one with a date column and an amount, orders or revenue column; /);
    expect(e.message).toMatch(/the widest \(line 5\) has "조회기간", "2025-01-01", "~", "2025-01-31"$/);
    expect(e.hint).toMatch(/at most 10 title lines.*--columns date=/);
  });
  it('a header over its data rows is still named as the header when its date or amount name is not known', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => [String(i + 1), `2025-01-${String(i + 1).padStart(2, '0')}`, `$${i + 1}.00`]);
    const e = await fails(write(`\n${toCsv(['Sales Record Number', 'Sold On', 'Total Price'], rows)}`));
    expect(e.code).toBe('NO_DATE_COLUMN');
    expect(e.message).toMatch(/no date column among the headers "Sales Record Number", "Sold On", "Total Price"$/);
    const a = await fails(write(toCsv(['주문일시', '상품명', '입금액'], rows.map(([, d, x]) => [d, 'A', x]))));
    expect([a.code, a.message]).toEqual(['NO_AMOUNT_COLUMN', expect.stringMatching(/"주문일시", "상품명", "입금액"$/)]);
  });
  it('a short file still gets the widest line\'s own problem; --columns naming no header stays UNKNOWN_COLUMN', async () => {
    expect((await fails(write('주문 내역\n상품명,결제금액\nA,1000\n'))).code).toBe('NO_DATE_COLUMN');
    const rows = Array.from({ length: 20 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, '1']);
    const e = await fails(write(toCsv(['주문일시', '결제금액'], rows)), { columns: { amount: '실결제금액' } });
    expect([e.code, e.exitCode]).toEqual(['UNKNOWN_COLUMN', 2]);
  });
  it('NO_AMOUNT_COLUMN', async () => {
    const e = await fails(write('주문번호,주문일시,상품명\n1,2025-01-01,A\n'));
    expect(e.code).toBe('NO_AMOUNT_COLUMN');
    expect(e.hint).toMatch(/결제금액/);
  });
  it('UNKNOWN_COLUMN for a --columns header that does not exist', async () => {
    const e = await fails(write('주문일시,결제금액\n2025-01-01,1\n'), { columns: { amount: '실결제금액' } });
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toMatch(/"주문일시", "결제금액"/);
  });
  it('TOO_MANY_COLUMNS', async () => {
    const header = ['date', 'amount', ...Array.from({ length: 1000 }, (_, i) => `c${i}`)].join(',');
    expect((await fails(write(`${header}\n`))).code).toBe('TOO_MANY_COLUMNS');
  });
});

describe('broken CSV', () => {
  it('BAD_CSV for an unclosed quote, naming the line where it opens', async () => {
    const e = await fails(write('date,memo,amount\n2025-01-01,ok,1\n2025-01-02,"oops,2\n2025-01-03,x,3\n'));
    expect(e.code).toBe('BAD_CSV');
    expect(e.message).toMatch(/line 3/);
  });
  it('BAD_CSV for a row with a different number of fields, counting physical lines', async () => {
    const e = await fails(write('date,memo,amount\n\n2025-01-01,"two\nlines",1\n2025-01-02,x,1,000\n'));
    expect(e.code).toBe('BAD_CSV');
    expect(e.message).toMatch(/line 5 has 4 fields but the header \(line 1\) has 3/);
  });
  it('text after a closing quote is kept as typed (relax_quotes), so a mangled amount is still reported', async () => {
    const e = await fails(write('date,amount\n2025-01-01,"1"2\n'));
    expect([e.code, e.message]).toEqual(['BAD_NUMBERS', expect.stringMatching(/line 2/)]);
  });
  it('FIELD_TOO_LARGE', async () => {
    expect((await fails(write(`date,amount\n2025-01-01,"${'x'.repeat(1_100_000)}"\n`))).code).toBe('FIELD_TOO_LARGE');
  });
});

describe('values', () => {
  it('BAD_DATES names the file and the first five lines', async () => {
    const rows = [['2025-01-01', '1'], ['29/13/2025', '1'], ['2025-02-30', '1'], ['', '1'], ['x', '1'], ['y', '1'], ['z', '1']];
    const e = await fails(write(toCsv(['date', 'amount'], rows), 'bad-dates.csv'));
    expect(e.code).toBe('BAD_DATES');
    expect(e.message).toMatch(/^bad-dates\.csv: 6 row\(s\)/);
    expect(e.message).toMatch(/line 3: cannot read date "29\/13\/2025"; line 4: cannot read date "2025-02-30"; line 5/);
    expect(e.message).toMatch(/… and 1 more/);
  });
  it('BAD_NUMBERS for an amount, an empty amount and a quantity', async () => {
    // 12,5 beside 1,200: no decimal comma (the file groups thousands with commas), so unreadable
    const e = await fails(write(toCsv(['date', 'amount'], [['2025-01-01', '12,5'], ['2025-01-01', ''], ['2025-01-02', '1,200']])));
    expect(e.code).toBe('BAD_NUMBERS');
    expect(e.message).toMatch(/line 2: cannot read amount "12,5".*line 3: cannot read amount ""/);
    const q = await fails(write(toCsv(['date', 'price', 'qty'], [['2025-01-01', '100', 'two']])));
    expect([q.code, q.message]).toEqual(['BAD_NUMBERS', expect.stringMatching(/quantity "two"/)]);
  });
  it('a cancelled row is skipped even when its values are unreadable', async () => {
    const r = await ingestFile(write(toCsv(['date', 'amount', 'status'], [['2025-01-01', '1', 'paid'], ['??', 'n/a', 'cancelled']])), TZ);
    expect(r.info.rowsSkipped).toEqual({ cancelled: 1 });
  });
  it('DUPLICATE_DATES in a daily aggregate names the lines', async () => {
    const e = await fails(write(toCsv(['date', 'orders', 'revenue'], [['2025-01-01', '1', '1'], ['2025-01-02', '1', '1'], ['2025-01-01', '2', '2']])));
    expect(e.code).toBe('DUPLICATE_DATES');
    expect(e.message).toMatch(/2025-01-01 on lines 2 and 4/);
  });
  it('NEGATIVE_VALUES in a daily aggregate', async () => {
    const e = await fails(write(toCsv(['date', 'orders', 'revenue'], [['2025-01-01', '1', '1'], ['2025-01-02', '-1', '1']])));
    expect(e.code).toBe('NEGATIVE_VALUES');
    expect(e.message).toMatch(/line 3: orders -1/);
  });
  it('NO_ROWS for a header alone, and when every row is a cancellation', async () => {
    expect((await fails(write('date,amount\n'))).code).toBe('NO_ROWS');
    const e = await fails(write(toCsv(['date', 'amount', 'status'], [['2025-01-01', '1', '취소'], ['2025-01-02', '1', 'refunded']])));
    expect(e.code).toBe('NO_ROWS');
    expect(e.message).toMatch(/cancelled 1, refunded 1/);
  });
});
