// .xlsx through the built binary: the same orders as CSV and as xlsx give the same claim, the
// password of an encrypted workbook appears in no output on any path, sheets, limits, refusals.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it, vi } from 'vitest';
import { simulateSeller } from '../src/sim/simulate.js';
import { writeLines } from '../src/sim/write.js';
import { FIXTURES as SIM_FIXTURES } from '../src/sim/write-fixtures.js';
import {
  FIXTURE_PASSWORD, MONTHLY_PARAMS, MONTHLY_SEED, WING_PARAMS, WING_SEED, settlementSheet, sheetCsvLines, wallDate, wingSheet, workbookBytes,
  type Cell, type SheetSpec,
} from '../src/sim/write-xlsx.js';
import { FIXTURES, run, tempDir, type Run } from './cli-helpers.js';
import { bookParts, oleOf, orderRowsSerial, sheetXml, zipOf } from './xlsx-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const X = join(FIXTURES, 'xlsx');
const WING = join(X, 'coupang-wing-orders.xlsx');
const ENCRYPTED = join(X, 'smartstore-orders-encrypted.xlsx');
const SETTLEMENT = join(X, 'settlement-monthly.xlsx');
const DAILY_1904 = join(X, 'daily-sales-1904.xlsx');

/** A claim with the fields that name the input file (not its content) removed. */
function content(stdout: string): Record<string, unknown> {
  const c = JSON.parse(stdout);
  for (const k of ['file', 'sha256', 'encoding', 'delimiter']) delete c.input[k];
  return c;
}

/** The CSV twin of a generated sheet, written as `name` in a fresh dir. */
function csvTwin(sheet: SheetSpec, name: string): string {
  const p = join(tempDir(), name);
  writeLines(p, sheetCsvLines(sheet));
  return p;
}

const ok = (r: Run) => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
};

describe('the same data as CSV and as xlsx give the same claim', () => {
  it('Coupang-Wing-like orders: title rows, merged note, date cells, formulas, rich text (json and table)', () => {
    const csv = csvTwin(wingSheet(simulateSeller(WING_PARAMS, WING_SEED), WING_SEED), 'coupang-wing-orders.csv');
    const args = ['--incident', '2025-11-29', '--margin', '0.3'];
    const a = ok(run(['estimate', csv, ...args, '--format', 'json'])).stdout;
    const b = ok(run(['estimate', WING, ...args, '--format', 'json'])).stdout;
    expect(JSON.parse(a).input).toMatchObject({ file: 'coupang-wing-orders.csv', encoding: 'utf-8', delimiter: ',' });
    expect(JSON.parse(b).input).toMatchObject({ file: 'coupang-wing-orders.xlsx', encoding: 'xlsx', delimiter: '' });
    expect(JSON.stringify(content(b))).toBe(JSON.stringify(content(a)));
    expect(JSON.parse(b).warnings[0]).toEqual({ code: 'PREAMBLE', message: '2 line(s) above the header (line 4) were not read' });
    expect(ok(run(['estimate', WING, ...args])).stdout).toBe(ok(run(['estimate', csv, ...args])).stdout);
  });

  it('times of day count as in CSV: a partial last day is left out, a (UTC) date header moves orders to their Seoul day', async () => {
    const sheet = wingSheet(simulateSeller(WING_PARAMS, WING_SEED), WING_SEED);
    const day = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : '');
    const lastDay = sheet.rows.map((r) => day(r[1])).reduce((a, b) => (a > b ? a : b));
    // downloaded at 01:00 of its last day, and the same export with its date column headed in UTC
    const cut = { ...sheet, rows: sheet.rows.filter((r) => !(day(r[1]) === lastDay && (r[1] as Date).getUTCHours() >= 1)) };
    const utc = { ...sheet, rows: sheet.rows.map((r, i) => (i === 3 ? r.map((c) => (c === '주문일시' ? '주문일시(UTC)' : c)) : r)) };
    const args = ['--incident', '2025-11-29', '--format', 'json'];
    for (const [name, spec, code] of [['cut', cut, 'PARTIAL_LAST_DAY'], ['utc', utc, 'HEADER_TIME_ZONE']] as const) {
      const xlsx = join(tempDir(), `${name}.xlsx`);
      writeFileSync(xlsx, await workbookBytes([spec]));
      const a = ok(run(['estimate', csvTwin(spec, `${name}.csv`), ...args])).stdout;
      const b = ok(run(['estimate', xlsx, ...args])).stdout;
      expect(JSON.stringify(content(b))).toBe(JSON.stringify(content(a)));
      expect(JSON.parse(b).warnings.map((w: { code: string }) => w.code)).toContain(code);
    }
  });

  it('daily aggregate in the 1904 date system = fixtures/daily-sales.csv', () => {
    const args = ['--incident', '2025-11-29', '--seller', 'daily', '--format', 'json'];
    const a = ok(run(['estimate', join(FIXTURES, 'daily-sales.csv'), ...args])).stdout;
    const b = ok(run(['estimate', DAILY_1904, ...args])).stdout;
    expect(JSON.stringify(content(b))).toBe(JSON.stringify(content(a)));
  });

  it('a monthly settlement statement (serial-number month cells) is read as a monthly series, as its CSV twin is', () => {
    const csv = csvTwin(settlementSheet(simulateSeller(MONTHLY_PARAMS, MONTHLY_SEED)), 'settlement-monthly.csv');
    const a = ok(run(['estimate', csv, '--incident', '2025-11-01', '--format', 'json'])).stdout;
    const b = ok(run(['estimate', SETTLEMENT, '--incident', '2025-11-01', '--format', 'json'])).stdout;
    expect(JSON.stringify(content(b))).toBe(JSON.stringify(content(a)));
    const claim = JSON.parse(b);
    expect(claim.period).toBe('month');
    expect(claim.input).toMatchObject({ kind: 'daily', columns: { date: '정산월', orders: '주문건수', revenue: '판매금액' }, rowsSkipped: { 'total-row': 1 } });
    expect(claim.daily.map((d: { date: string }) => d.date)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(claim.totals.revenue.lost).toBeGreaterThan(0);
  });
});

describe('password-protected workbooks', () => {
  const PW = FIXTURE_PASSWORD;
  const WRONG = 'Wr0ng-pässwörd-7f3a';
  const dir = tempDir();
  const grouped = join(dir, 'all-sellers.xlsx');

  /** Every output of a run, and every file it wrote, must be free of both passwords. */
  const clean = (r: Run, files: string[] = []) => {
    for (const text of [r.stdout, r.stderr, ...files.map((f) => readFileSync(f, 'utf8'))]) {
      expect(text).not.toContain(PW);
      expect(text).not.toContain(WRONG);
    }
    return r;
  };
  const code = (r: Run) => /^loss-calc: ([A-Z_]+):/.exec(r.stderr)?.[1];

  it('missing or wrong password: coded errors, exit 1, fast; the right one opens it; never echoed', () => {
    const base = ['estimate', ENCRYPTED, '--incident', '2025-11-29'];
    const missing = clean(run(base, { LOSS_CALC_PASSWORD: '' }));
    expect([missing.status, code(missing)]).toEqual([1, 'PASSWORD_REQUIRED']);
    expect(missing.stderr).toMatch(/LOSS_CALC_PASSWORD/);
    for (const r of [run([...base, '--password', WRONG]), run(base, { LOSS_CALC_PASSWORD: WRONG }), run([...base, '--password', WRONG], { DEBUG: '1' })]) {
      clean(r);
      expect([r.status, code(r)]).toEqual([1, 'WRONG_PASSWORD']);
    }
    const t0 = Date.now();
    const wrongInspect = clean(run(['inspect', ENCRYPTED, '--password', WRONG, '--format', 'json']));
    expect([wrongInspect.status, code(wrongInspect)]).toEqual([1, 'WRONG_PASSWORD']);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('the password is absent from stdout, stderr, the claim and every file written, whatever the path', () => {
    const out = tempDir();
    const base = ['estimate', ENCRYPTED, '--incident', '2025-11-29', '--margin', '0.25'];
    const claims: string[] = [];
    // every format renders the same claim; json and html (the one that prints provenance) stand for them
    for (const format of ['json', 'html']) {
      const r = clean(ok(run([...base, '--password', PW, '--format', format])));
      if (format === 'json') claims.push(r.stdout);
    }
    const file = join(out, 'claim.html');
    clean(ok(run([...base, '--out', file], { LOSS_CALC_PASSWORD: PW })), [file]);
    const cfg = join(out, 'config.json');
    writeFileSync(cfg, JSON.stringify({ password: PW, format: 'json' }));
    claims.push(clean(ok(run([...base, '--config', cfg]))).stdout);
    claims.push(clean(ok(run([...base, '--format', 'json'], { LOSS_CALC_PASSWORD: PW }))).stdout);
    expect(new Set(claims).size).toBe(1); // flag, config and environment open the same workbook
    const claim = JSON.parse(claims[0]);
    expect(claim.input).toMatchObject({ file: 'smartstore-orders-encrypted.xlsx', encoding: 'xlsx', rows: 2808 });
    expect(claim.input.sha256).toBe(createHash('sha256').update(readFileSync(ENCRYPTED)).digest('hex')); // of the file as stored
    clean(ok(run(['inspect', ENCRYPTED, '--password', PW])));
    const info = JSON.parse(clean(ok(run(['inspect', ENCRYPTED, '--format', 'json'], { LOSS_CALC_PASSWORD: PW }))).stdout);
    expect(info.workbook.encrypted).toBe(true);
  });

  it('batch --by over an encrypted workbook with LOSS_CALC_PASSWORD: claims and summary without the password', async () => {
    const f = SIM_FIXTURES.find((x) => x.name === 'daily-sales')!;
    const sim = simulateSeller(f.params, f.seed);
    const rows: Cell[][] = [['판매자별 일매출'], ['판매자', 'date', 'orders', 'revenue']];
    for (let i = 0; i < sim.days; i++) {
      if (sim.missing[i]) continue;
      const day = wallDate(`${new Date((sim.startDay + i) * 864e5).toISOString().slice(0, 10)} 00:00:00`);
      rows.push(['shop-a', day, sim.orders[i], sim.revenue[i]], ['shop-b', day, sim.orders[i] * 2, sim.revenue[i] * 2]);
    }
    writeFileSync(grouped, officeCrypto.encrypt(await workbookBytes([{ name: 'all', rows }]), { password: PW }));
    const out = join(tempDir(), 'claims');
    const r = clean(run(['batch', grouped, '--by', '판매자', '--incident', '2025-11-29', '--out', out, '--format', 'csv'], { LOSS_CALC_PASSWORD: PW }));
    expect(r.status).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).filter((n) => statSync(join(out, n)).isFile()).map((n) => join(out, n));
    expect(files.some((n) => n.endsWith('shop-a.json'))).toBe(true);
    clean(r, files);
    const noPw = run(['batch', grouped, '--by', '판매자', '--incident', '2025-11-29', '--format', 'csv'], { LOSS_CALC_PASSWORD: '' });
    expect(noPw.status).not.toBe(0);
    expect(noPw.stderr + noPw.stdout).toMatch(/PASSWORD_REQUIRED/);
  });
});

describe('sheets, inspect, limits and refusals through the CLI', () => {
  it('inspect lists the sheets and the header row it took (table and json)', () => {
    const table = ok(run(['inspect', WING])).stdout;
    expect(table).toMatch(/^format\s+xlsx$/m);
    expect(table).toMatch(/^sheet\s+2 "주문목록", header row 4$/m);
    expect(table).toMatch(/^sheets\s+1 "안내": no header in its first rows$/m);
    expect(table).toMatch(/^\s+2 "주문목록": header row 4 ← read$/m);
    const json = JSON.parse(ok(run(['inspect', WING, '--format', 'json'])).stdout);
    expect(json.workbook).toEqual({
      encrypted: false, date1904: false, sheet: { index: 2, name: '주문목록' }, headerRow: 4,
      sheets: [{ index: 1, name: '안내', hidden: false, headerRow: null }, { index: 2, name: '주문목록', hidden: false, headerRow: 4 }],
    });
    expect(ok(run(['inspect', DAILY_1904])).stdout).toMatch(/^format\s+xlsx, 1904 date system$/m);
  });

  it('--sheet by number or name; a sheet without a table or an unknown sheet are coded errors', () => {
    const base = ['estimate', WING, '--incident', '2025-11-29', '--format', 'json'];
    expect(ok(run([...base, '--sheet', '2'])).stdout).toBe(ok(run([...base, '--sheet', '주문목록'])).stdout);
    const none = run([...base, '--sheet', '안내']);
    expect([none.status, none.stderr]).toEqual([1, expect.stringMatching(/^loss-calc: NO_DATE_COLUMN: coupang-wing-orders\.xlsx \(sheet "안내"\)/)]);
    const unknown = run([...base, '--sheet', '정산']);
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringMatching(/^loss-calc: UNKNOWN_SHEET: .*1 "안내", 2 "주문목록"/)]);
    const cfg = join(tempDir(), 'c.json');
    writeFileSync(cfg, JSON.stringify({ sheet: 2 }));
    ok(run([...base, '--config', cfg]));
  });

  it('zip bomb → FILE_TOO_LARGE; .xls and .xlsm → UNSUPPORTED_FORMAT; all exit 1 with a hint', () => {
    const d = tempDir();
    const bomb = join(d, 'bomb.xlsx');
    writeFileSync(bomb, zipOf([...bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }]), { name: 'xl/a.bin', data: 'x', declared: 0xfffffff0 }]));
    const xls = join(d, 'old.xls');
    writeFileSync(xls, oleOf({ Workbook: Buffer.alloc(700, 7) }));
    const xlsm = join(d, 'macro.xlsm');
    writeFileSync(xlsm, zipOf(bookParts([{ name: 's', xml: sheetXml(orderRowsSerial(3)) }])));
    for (const [file, want] of [[bomb, 'FILE_TOO_LARGE'], [xls, 'UNSUPPORTED_FORMAT'], [xlsm, 'UNSUPPORTED_FORMAT']]) {
      const r = run(['estimate', file, '--incident', '2025-11-29']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^loss-calc: ${want}: `));
      expect(r.stderr).toMatch(/\n {2}hint: /);
    }
    expect(run(['estimate', xls, '--incident', '2025-11-29']).stderr).toMatch(/save it as \.xlsx/);
  });
});
