// The batch's pure parts in-process: manifest parsing, resume state, summary totals and
// renderings, the progress line. (The CLI itself is tested in batch.test.ts.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/batch/manifest.js';
import { clock, progressLine } from '../src/batch/progress.js';
import { errorRow, INSUFFICIENT_DATA } from '../src/batch/seller.js';
import { canonicalJson, doneRow, sellerPaths, sha256, writeState } from '../src/batch/state.js';
import { renderSummary, totalsOf } from '../src/batch/summary.js';
import { LossCalcError } from '../src/errors.js';
import { failedRow, type SummaryRow } from '../src/render/summary-schema.js';
import { tempDir } from './cli-helpers.js';

const ok = (seller: string, lost: number, profit: number | null = null): SummaryRow => ({
  seller, status: 'ok', model: 'trend', lost_orders: lost, lost_orders_lower: lost - 1, lost_orders_upper: lost + 1,
  lost_revenue: lost * 1000, lost_revenue_lower: null, lost_revenue_upper: null, lost_profit: profit, lost_pct: 10, warnings: '', error: null,
});

describe('manifest', () => {
  it('reads overrides, several exclude windows, any delimiter and case, and CP949', async () => {
    const dir = tempDir();
    const f = join(dir, 'm.csv');
    writeFileSync(f, iconv.encode('Seller;INCIDENT;until;margin;exclude\n가게;2025-11-29;2026-01-31;0.3;"2025-12-24..2025-12-26; 2026-01-01..2026-01-01"\nb;;;;\n\n', 'cp949'));
    const m = await readManifest(f);
    expect(m.get('가게')).toEqual({
      line: 2,
      overrides: { incident: '2025-11-29', until: '2026-01-31', margin: 0.3, exclude: [{ start: '2025-12-24', end: '2025-12-26' }, { start: '2026-01-01', end: '2026-01-01' }] },
    });
    expect(m.get('b')?.overrides).toEqual({});
  });

  it('names the line of a bad value, a duplicate seller, an unknown column', async () => {
    const dir = tempDir();
    const f = join(dir, 'm.csv');
    const fails = async (text: string) => {
      writeFileSync(f, text);
      return readManifest(f).then(() => null, (e: LossCalcError) => `${e.code}: ${e.message}`);
    };
    expect(await fails('seller,baseline\na,2025-01-01\n')).toMatch(/^BAD_WINDOW: --manifest m\.csv line 2: baseline/);
    expect(await fails('seller,incident,until\na,2025-02-01,2025-01-01\n')).toMatch(/^UNTIL_BEFORE_INCIDENT: --manifest m\.csv line 2/);
    expect(await fails('seller,incident\na,2025-02-01\nb,2025-02-01\na,2025-03-01\n')).toMatch(/line 4: seller "a" is already on line 2/);
    expect(await fails('seller,model\na,trend\n')).toMatch(/^BAD_CONFIG: --manifest m\.csv line 1: unknown column\(s\) "model"/);
    expect(await fails('incident\n2025-01-01\n')).toMatch(/no "seller" column/);
    expect(await fails('seller;exclude\na;2025-01-01..2025-01-02;2025-02-01..2025-02-02\n')).toMatch(/line 2 has 3 cells but the header has 2/);
  });
});

describe('resume state', () => {
  it('trusts a claim only with the same options, input and claim bytes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.state'));
    const paths = sellerPaths(dir, 's');
    writeFileSync(paths.claim, '{"claim":1}\n');
    await writeState(paths.state, { seller: 's', input: 'in', options: 'opt', claim: sha256('{"claim":1}\n'), html: null, row: ok('s', 3) });
    expect(await doneRow(paths, 'opt', async () => 'in')).toEqual(ok('s', 3));
    expect(await doneRow(paths, 'other', async () => 'in')).toBeNull();
    expect(await doneRow(paths, 'opt', async () => 'changed')).toBeNull();
    writeFileSync(paths.claim, '{"claim":2}\n');
    expect(await doneRow(paths, 'opt', async () => 'in')).toBeNull();
    // with a report (--format html) the report must be there, unchanged, too
    writeFileSync(paths.claim, '{"claim":1}\n');
    await writeState(paths.state, { seller: 's', input: 'in', options: 'opt', claim: sha256('{"claim":1}\n'), html: sha256('<p>'), row: ok('s', 3) });
    expect(await doneRow(paths, 'opt', async () => 'in')).toBeNull();
    writeFileSync(paths.html, '<p>');
    expect(await doneRow(paths, 'opt', async () => 'in')).toEqual(ok('s', 3));
  });

  it('hashes options canonically', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe('summary', () => {
  it('sorts failures into insufficient-data and failed by code; anything uncoded is a bug', () => {
    expect(errorRow('a', new LossCalcError('BASELINE_TOO_SHORT', 'x')).status).toBe('insufficient-data');
    expect(errorRow('a', new LossCalcError('BAD_CSV', 'x'))).toMatchObject({ status: 'failed', error: 'BAD_CSV: x' });
    expect(errorRow('a', new TypeError('boom')).error).toMatch(/^INTERNAL: boom \(this is a bug/);
    expect([...INSUFFICIENT_DATA].sort()).toEqual(['BASELINE_TOO_SHORT', 'EMPTY_FILE', 'INCIDENT_OUTSIDE_DATA', 'NO_LOSS_WINDOW_DATA', 'NO_ROWS']);
  });

  it('totals ok rows only, without float dust; profit null when no row has one', () => {
    const rows = [ok('a', 0.1), ok('b', 0.2), failedRow('c', 'failed', 'BAD_CSV: x')];
    expect(totalsOf(rows)).toEqual({ counts: { ok: 2, 'insufficient-data': 0, failed: 1 }, totals: { lost_orders: 0.3, lost_revenue: 300, lost_profit: null, lost_orders_sellers: 2, lost_revenue_sellers: 2, lost_profit_sellers: 0 } });
    // the profit total covers only the sellers with a margin, and says how many
    expect(totalsOf([ok('a', 1, 10.5), ok('b', 1)]).totals).toMatchObject({ lost_profit: 10.5, lost_profit_sellers: 1 });
    // files of orders only: the revenue total is null (not in the data), never 0, and the table says –
    const ordersOnly = [{ ...ok('a', 1), lost_revenue: null }, { ...ok('b', 2), lost_revenue: null }];
    expect(totalsOf(ordersOnly).totals).toMatchObject({ lost_orders: 3, lost_revenue: null, lost_revenue_sellers: 0 });
    const table = renderSummary(ordersOnly, 'table', { complete: true, currency: 'KRW', level: 0.95, bom: false });
    expect(table).toMatch(/lost orders 3(\.0)? · lost revenue –/);
    // some sellers without revenue: the total says whom it covers
    expect(renderSummary([ordersOnly[0], ok('c', 1)], 'table', { complete: true, currency: 'KRW', level: 0.95, bom: false })).toMatch(/lost revenue ₩[\d,]+ \(1 of 2 sellers with it\)/);
  });

  it('renders CSV one row per seller with formulas neutralised, JSON with totals, a table with totals', () => {
    const rows = [ok('=cmd()', 2), failedRow('@x', 'failed', '-BAD: "q"')];
    const o = { complete: true, currency: 'KRW', level: 0.95, bom: false };
    const csv = renderSummary(rows, 'csv', o).split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[1].startsWith("'=cmd()")).toBe(true);
    expect(csv[2]).toBe(`'@x,failed,,,,,,,,,,,"'-BAD: ""q"""`);
    const doc = JSON.parse(renderSummary(rows, 'json', o));
    expect(doc).toMatchObject({ schema: 'loss-calc/batch-summary@1', complete: true, sellers: 2, counts: { ok: 1, failed: 1 }, totals: { lost_orders: 2 } });
    expect(renderSummary(rows, 'table', o)).toMatch(/Total over 1 ok seller\(s\): lost orders 2 · lost revenue ₩2,000\n$/);
    expect(renderSummary([ok('a\x1b[31m', 1)], 'table', o)).not.toContain('\x1b');
  });
});

describe('progress', () => {
  it('shows done/total, rate, ETA and failures, fitted to the terminal', () => {
    expect(progressLine({ done: 50, total: 200, notOk: 2, resumed: 0 }, 10, 100)).toBe('[######------------------] 50/200 (25%) · 5.0/s · ETA 0:30 · 2 not ok');
    expect(progressLine({ done: 50, total: null, notOk: 0, resumed: 4 }, 10, 100)).toBe('50 sellers · 5.0/s · 0 not ok · 4 resumed');
    expect(progressLine({ done: 50, total: 200, notOk: 2, resumed: 0 }, 10, 30).length).toBeLessThanOrEqual(29);
    expect([clock(5), clock(65), clock(3725), clock(Infinity)]).toEqual(['0:05', '1:05', '1:02:05', '–']);
  });
});
