// `inspect`: the action function directly, and once through the built CLI (exit codes, stdout/stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInspect, type InspectReport } from '../src/commands/inspect-run.js';
import { rejection, toCsv, write } from './ingest-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'loss-calc.js');

const orders = write(toCsv(['주문번호', '주문일시', '결제금액', '주문상태'], [
  ['1', '2025-01-01 10:00', '₩1,000', '결제완료'], ['2', '2025-01-01 11:00', '₩2,000', '취소완료'], ['3', '2025-01-04 09:00', '3,000원', '배송완료'],
]), 'inspect-orders.csv');
const daily = write(toCsv(['date', 'orders', 'revenue'], [['2025-01-01', '1', '10'], ['2025-01-03', '2', '20']]), 'inspect-daily.csv');

describe('runInspect', () => {
  it('reports kind, encoding, mapping, coverage and skipped rows as JSON', async () => {
    const r = JSON.parse(await runInspect(orders, { format: 'json' })) as InspectReport;
    expect(r).toMatchObject({
      file: 'inspect-orders.csv', kind: 'orders', encoding: 'utf-8', delimiter: ',', rows: 3, rowsUsed: 2, rowsSkipped: { cancelled: 1 },
      firstDate: '2025-01-01', lastDate: '2025-01-04', days: 4, emptyDays: 2, emptyDates: ['2025-01-02', '2025-01-03'],
      columns: { id: '주문번호', date: '주문일시', amount: '결제금액', status: '주문상태' },
    });
    expect(r.kindReason).toMatch(/order-level/);
  });

  it('lists a monthly file\'s missing month, not the days between its months', async () => {
    const monthly = write(toCsv(['월', '매출'], [['2025-01-01', '100'], ['2025-02-01', '100'], ['2025-04-01', '100'], ['2025-05-01', '100']]), 'inspect-monthly.csv');
    const r = JSON.parse(await runInspect(monthly, { format: 'json' })) as InspectReport;
    expect([r.emptyDays, r.emptyDates]).toEqual([1, ['2025-03-01']]);
  });

  it('prints a plain table by default, with missing days and warnings of an aggregate', async () => {
    const text = await runInspect(daily, {});
    expect(text).toMatch(/^kind +daily: /m);
    expect(text).toMatch(/^dates +2025-01-01 \.\. 2025-01-03 \(3 days\)$/m);
    expect(text).toMatch(/^empty days +1 with no row or no values \(unknown, not zero\): 2025-01-02$/m);
    expect(text).toMatch(/^warnings +MISSING_DAYS: /m);
    expect(text).not.toMatch(/\u001b\[/); // no colour unless asked
  });

  it('applies --columns and --tz', async () => {
    const p = write(toCsv(['created', 'paid', 'total'], [['2025-01-01T16:00:00Z', '2025-01-05', '5']]));
    const r = JSON.parse(await runInspect(p, { columns: 'date=created,amount=total', tz: 'UTC', format: 'json' })) as InspectReport;
    expect([r.firstDate, r.columns]).toEqual(['2025-01-01', { date: 'created', amount: 'total' }]);
    const seoul = JSON.parse(await runInspect(p, { columns: 'date=created,amount=total', format: 'json' })) as InspectReport;
    expect(seoul.firstDate).toBe('2025-01-02');
  });

  it('shows the currencies of a currency column, and warns when they are mixed', async () => {
    const p = write(toCsv(['order id', 'date', 'amount', 'currency'], [['1', '2025-01-01', '5.00', 'USD'], ['2', '2025-01-02', '4.00', 'EUR']]));
    const text = await runInspect(p, {});
    expect(text).toMatch(/^columns +.*currency ← currency$/m);
    expect(text).toMatch(/^currencies +EUR, USD$/m);
    expect(text).toMatch(/^warnings +MIXED_CURRENCIES: /m);
    expect(JSON.parse(await runInspect(orders, { format: 'json' })).currencies).toBeUndefined();
  });

  it('rejects bad options with usage codes', async () => {
    expect((await rejection(runInspect(orders, { tz: 'Mars/Olympus' }))).code).toBe('BAD_OPTION');
    expect((await rejection(runInspect(orders, { format: 'html' }))).code).toBe('BAD_OPTION');
    expect((await rejection(runInspect(orders, { columns: 'when=주문일시' }))).code).toBe('BAD_OPTION');
    expect((await rejection(runInspect(orders, { columns: 'date=없는열' }))).code).toBe('UNKNOWN_COLUMN');
  });
});

describe('loss-calc inspect (built CLI)', () => {
  const built = fs.existsSync(path.join(ROOT, 'dist', 'commands', 'inspect.js'));
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'inspect', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it.skipIf(!built)('prints JSON to stdout and exits 0', () => {
    const r = run(orders, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'orders', rows: 3 });
    expect(r.stderr).toBe('');
  });

  it.skipIf(!built)('reports a data error on stderr with its code and exit 1', () => {
    const r = run(write('상품명,금액\nA,1\n'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^loss-calc: NO_DATE_COLUMN: /);
  });

  it.skipIf(!built)('exits 2 on a bad option', () => {
    const r = run(orders, '--tz', 'Nowhere/Land');
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/BAD_OPTION/)]);
  });
});
