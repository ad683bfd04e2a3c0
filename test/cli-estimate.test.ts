// `loss-calc estimate` through the built binary: outputs, the contract, bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { claimSchema } from '../src/core/claim.js';
import { FIXTURES, run, tempDir, tempFile } from './cli-helpers.js';
import { shopifyCsv, type ShopifyOrder } from './ingest-helpers.js';

vi.setConfig({ testTimeout: 60_000 }); // each run spawns a process; slow under a loaded machine

const COUPANG = join(FIXTURES, 'coupang-orders-cp949.csv');
const ENGLISH = join(FIXTURES, 'shop-orders-en.csv');
const DAILY = join(FIXTURES, 'daily-sales.csv');
const truth = (f: string) => JSON.parse(readFileSync(f.replace(/\.csv$/, '.truth.json'), 'utf8'));

/** `estimate <file> --incident 2025-11-29 --format json` once per file: most tests read the same claim. */
const claims = new Map<string, ReturnType<typeof run>>();
function jsonRun(file: string) {
  if (!claims.has(file)) claims.set(file, run(['estimate', file, '--incident', '2025-11-29', '--format', 'json']));
  return claims.get(file)!;
}

describe('estimate on the bundled fixtures', () => {
  for (const file of [COUPANG, ENGLISH, DAILY]) {
    const name = file.split('/').pop()!;
    it(`${name}: a valid claim whose interval holds the injected loss`, () => {
      const r = jsonRun(file);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const claim = claimSchema.parse(JSON.parse(r.stdout));
      const t = truth(file);
      expect(claim.schema).toBe('loss-calc/claim@1');
      expect(claim.input.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(claim.totals.orders.lower!).toBeLessThanOrEqual(t.trueLossOrders);
      expect(claim.totals.orders.upper!).toBeGreaterThanOrEqual(t.trueLossOrders);
      expect(claim.totals.revenue.lower!).toBeLessThanOrEqual(t.trueLossRevenue);
      expect(claim.totals.revenue.upper!).toBeGreaterThanOrEqual(t.trueLossRevenue);
      expect(claim.totals.orders.lost).toBeCloseTo(claim.totals.orders.expected! - claim.totals.orders.actual!, 0);
    });
  }

  it('reads the CP949 Korean export, newest first, leaving cancellations out', () => {
    const c = JSON.parse(jsonRun(COUPANG).stdout);
    expect(c.input.encoding).toBe('cp949');
    expect(c.input.kind).toBe('orders');
    expect(Object.keys(c.input.rowsSkipped).sort()).toEqual(['cancelled', 'refunded', 'returned']);
    expect(c.input.rows).toBe(c.input.rowsUsed + Object.values<number>(c.input.rowsSkipped).reduce((a, b) => a + b, 0));
  });

  it('--missing-days zero reads a GROUP BY export (no row for a day without orders) as the full table it came from', () => {
    // the fixture with its first four loss-window days sold out to nothing: written with zero rows, or without rows
    const lines = readFileSync(DAILY, 'utf8').trim().split('\n');
    const stopped = new Set(['2025-11-29', '2025-11-30', '2025-12-01', '2025-12-02']);
    const full = lines.map((l) => (stopped.has(l.slice(0, 10)) ? `${l.slice(0, 10)},0,0` : l));
    const grouped = lines.filter((l) => !stopped.has(l.slice(0, 10)));
    const args = (f: string, ...more: string[]) => ['estimate', f, '--incident', '2025-11-29', '--format', 'json', ...more];
    // (the fixture has a few days without a row of its own: read alike in both, days without sales)
    const a = JSON.parse(run(args(tempFile('full.csv', full.join('\n')), '--missing-days', 'zero')).stdout);
    const unknown = JSON.parse(run(args(tempFile('grouped.csv', grouped.join('\n')))).stdout);
    const zero = run(args(tempFile('grouped.csv', grouped.join('\n')), '--missing-days', 'zero'));
    expect(zero.status).toBe(0);
    const b = JSON.parse(zero.stdout);
    expect(b.totals).toEqual(a.totals);
    expect(b.options.missingDays).toBe('zero');
    expect(b.warnings.map((w: { code: string }) => w.code)).toContain('MISSING_DAYS_AS_ZERO');
    // read as unknown, the four stopped days drop out of the loss, and the claim says what they may be
    expect(unknown.totals.orders.lost).toBeLessThan(a.totals.orders.lost);
    expect(unknown.warnings.find((w: { code: string }) => w.code === 'MISSING_LOSS_DAYS')?.message).toMatch(/--missing-days zero/);
    expect(run(args(DAILY, '--missing-days', 'maybe')).status).toBe(2);
  });

  it('gives byte-identical JSON for the same input and seed, and other draws for another seed', () => {
    const args = ['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'json'];
    const a = jsonRun(ENGLISH).stdout;
    expect(run(args).stdout).toBe(a);
    const other = JSON.parse(run([...args, '--seed', '7']).stdout);
    expect(other.totals.orders.expected).toBe(JSON.parse(a).totals.orders.expected);
    expect(other.totals.orders.lower).not.toBe(JSON.parse(a).totals.orders.lower);
  });

  it('reads --incident typed as 2025.11.29 or 2025년 11월 29일 as the ISO date: the same claim', () => {
    const a = jsonRun(ENGLISH).stdout;
    expect(run(['estimate', ENGLISH, '--incident', '2025.11.29', '--format', 'json']).stdout).toBe(a);
    expect(run(['estimate', ENGLISH, '--incident', '2025년 11월 29일', '--format', 'json']).stdout).toBe(a);
  });

  it('prints a readable table without colour off a terminal', () => {
    const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--margin', '0.3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Orders');
    expect(r.stdout).toContain('Profit (margin 30%)');
    expect(r.stdout).toMatch(/₩[\d,]+/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('speaks Korean with --lang ko', () => {
    const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--lang', 'ko']);
    expect(r.stdout).toContain('주문');
    expect(r.stdout).toMatch(/[\d,]+건/);
  });

  it('writes one CSV summary row, or one row per day with --daily', () => {
    const s = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'csv']).stdout.trim().split('\n');
    expect(s).toHaveLength(2);
    expect(s[0].split(',')).toContain('lost_orders');
    const d = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'csv', '--daily']).stdout.trim().split('\n');
    const claim = JSON.parse(jsonRun(ENGLISH).stdout);
    expect(d).toHaveLength(claim.daily.length + 1);
    expect(d[0]).toBe('date,orders,expected_orders,orders_lower,orders_upper,revenue,expected_revenue,revenue_lower,revenue_upper,excluded,lost_orders,lost_revenue');
    // each day's loss is the claim's own, as the JSON rows have it
    const first = d[1].split(',');
    expect([Number(first[10]), Number(first[11])]).toEqual([claim.daily[0].lostOrders, claim.daily[0].lostRevenue]);
  });

  it('writes --out atomically with the format from the extension and nothing on stdout', () => {
    const out = join(tempDir(), 'claim.json');
    const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(claimSchema.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
  });

  it('--out claim.text is the text report; --out claim.xlsx is refused, nothing written (a table would not open in Excel)', () => {
    const dir = tempDir();
    expect(run(['estimate', ENGLISH, '--incident', '2025-11-29', '--out', join(dir, 'claim.text')]).status).toBe(0);
    expect(readFileSync(join(dir, 'claim.text'), 'utf8')).toMatch(/^What happened: /);
    const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--out', join(dir, 'claim.xlsx')]);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('BAD_OPTION: --out')]);
    expect(existsSync(join(dir, 'claim.xlsx'))).toBe(false);
    // a name of another file type would hold the terminal's table: refused too, unless --format says what to write
    const gz = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--out', join(dir, 'claim.csv.gz')]);
    expect([gz.status, gz.stderr]).toEqual([2, expect.stringContaining('no output format is named .gz')]);
    expect(run(['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'json', '--out', join(dir, 'claim.out')]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'claim.out'), 'utf8')).seller).toBe('shop-orders-en');
    // `-` is stdout
    const dash = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'json', '--out', '-']); // (run from the repository's root)
    expect([dash.status, JSON.parse(dash.stdout).seller, existsSync('-')]).toEqual([0, 'shop-orders-en', false]);
  });

  it('takes options from --config, with flags winning', () => {
    const cfg = tempFile('c.json', JSON.stringify({ incident: '2025-11-29', margin: 0.5, 'interest-rate': undefined, seller: 'from-config' }));
    const c = JSON.parse(run(['estimate', ENGLISH, '--config', cfg, '--margin', '0.25', '--format', 'json']).stdout);
    expect(c.seller).toBe('from-config');
    expect(c.options.margin).toBe(0.25);
  });

  it('honours --until, --baseline and --exclude', () => {
    const c = JSON.parse(run(['estimate', ENGLISH, '--incident', '2025-11-29', '--until', '2025-12-20', '--baseline', '2025-03-01..2025-11-28',
      '--exclude', '2025-12-01..2025-12-02', '--format', 'json']).stdout);
    expect(c.windows.incident).toEqual({ start: '2025-11-29', end: '2025-12-20', days: 22 });
    expect(c.windows.baseline).toEqual({ start: '2025-03-01', end: '2025-11-28', days: 273 });
    expect(c.windows.excluded).toEqual([{ start: '2025-12-01', end: '2025-12-02' }]);
    expect(c.daily.filter((d: { excluded: boolean }) => d.excluded)).toHaveLength(2);
  });

  it('an --exclude over the whole loss window leaves nothing to compare: NO_LOSS_WINDOW_DATA, not a claim of no loss', () => {
    const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--until', '2025-12-05', '--exclude', '2025-11-29..2025-12-05', '--format', 'json']);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', expect.stringMatching(/^loss-calc: NO_LOSS_WINDOW_DATA: no day of the loss window 2025-11-29\.\.2025-12-05 has data outside --exclude/)]);
  });

  it('reads monthly settlement totals as a monthly series', () => {
    const lines = ['month,매출액,주문건수'];
    for (let i = 0; i < 38; i++) {
      const y = 2023 + Math.floor(i / 12);
      const m = (i % 12) + 1;
      const orders = i < 36 ? 3000 + 10 * i : 1500;
      lines.push(`${y}-${String(m).padStart(2, '0')}-01,${orders * 20000},${orders}`);
    }
    const f = tempFile('settlement.csv', lines.join('\n'));
    const r = run(['estimate', f, '--incident', '2026-01-01', '--format', 'json']);
    expect(r.stderr).toBe('');
    const c = JSON.parse(r.stdout);
    expect(c.period).toBe('month');
    expect(c.daily.map((d: { date: string }) => d.date)).toEqual(['2026-01-01', '2026-02-01']);
    expect(c.totals.orders.lost).toBeGreaterThan(2 * 1500 * 0.9);
    expect(c.totals.orders.lost).toBeLessThan(2 * 1900 * 1.1);
    expect(c.warnings.map((w: { code: string }) => w.code)).not.toContain('MISSING_DAYS');
  });

  it('sums a daily export into weeks with --period week', () => {
    const c = JSON.parse(run(['estimate', ENGLISH, '--incident', '2025-11-29', '--period', 'week', '--format', 'json']).stdout);
    expect(c.period).toBe('week');
    expect(c.windows.incident.start).toBe('2025-11-24'); // the Monday of the incident's week
    expect(c.warnings.map((w: { code: string }) => w.code)).toContain('INCIDENT_MID_PERIOD');
  });

  describe('--control', () => {
    // a seller and a control channel that share a market swing; the seller loses 40 % from the incident
    const make = (hitControl: boolean) => {
      let seller = 'date,orders,revenue\n';
      let control = 'date,orders,revenue\n';
      let level = 0;
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let d = Date.parse('2024-06-01'); d <= Date.parse('2026-01-15'); d += 86_400_000) {
        const iso = new Date(d).toISOString().slice(0, 10);
        level = 0.97 * level + 0.05 * (rand() - 0.5) * 3.4;
        const m = 60 * Math.exp(level) * (1 + (0.4 * (d - Date.parse('2024-06-01'))) / 3.15e10);
        const cf = Math.round(m * (0.9 + 0.2 * rand()));
        const ctl = Math.round(2 * m * (0.9 + 0.2 * rand()));
        const after = iso >= '2025-11-29';
        seller += `${iso},${after ? Math.round(cf * 0.6) : cf},${cf * 20000}\n`;
        control += `${iso},${after && hitControl ? Math.round(ctl * 0.6) : ctl},${ctl * 20000}\n`;
      }
      return { seller: tempFile('seller.csv', seller), control: tempFile('control.csv', control) };
    };
    it('uses the control as the yardstick', () => {
      const { seller, control } = make(false);
      const r = run(['estimate', seller, '--incident', '2025-11-29', '--control', control, '--format', 'json']);
      expect(r.stderr).toBe('');
      const c = JSON.parse(r.stdout);
      expect(c.model.name).toBe('control');
      expect(c.model.parameters.orders.controlElasticity).toBeGreaterThan(0.5);
      expect(c.totals.orders.lost).toBeGreaterThan(0);
    });
    it('refuses a control that dropped at the incident too', () => {
      const { seller, control } = make(true);
      const r = run(['estimate', seller, '--incident', '2025-11-29', '--control', control]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^loss-calc: CONTROL_AFFECTED: /);
    });
    it('needs --control for --model control', () => {
      const r = run(['estimate', ENGLISH, '--incident', '2025-11-29', '--model', 'control']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^loss-calc: USAGE: /);
    });
  });

  it('reads a Shopify export in USD: one order per Name, and CURRENCY_MISMATCH unless --currency says USD', () => {
    // 70 days from 2025-09-01, three paid orders of two lines a day (Total 25.50, first line only) and one voided
    const orders: ShopifyOrder[] = [];
    for (let d = 0; d < 70; d++) {
      const day = new Date(Date.UTC(2025, 8, 1 + d)).toISOString().slice(0, 10);
      for (let k = 0; k < 4; k++) {
        orders.push({
          name: `#${1000 + 4 * d + k}`, created: `${day} ${10 + k}:15:00 +0900`, financial: k === 3 ? 'voided' : 'paid', total: k === 3 ? '99.00' : '25.50',
          currency: 'USD', lines: [{ qty: 1, item: 'tea', price: 12 }, { qty: 1, item: 'jam', price: 10.5 }],
        });
      }
    }
    const f = tempFile('orders_export.csv', shopifyCsv(orders));
    const claimOf = (extra: string[]) => {
      const r = run(['estimate', f, '--incident', '2025-10-27', '--format', 'json', ...extra]); // the last 14 days: 2025-10-27..11-09
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return claimSchema.parse(JSON.parse(r.stdout));
    };
    const krw = claimOf([]);
    expect(krw.input).toMatchObject({ rows: 560, rowsUsed: 420, rowsSkipped: { cancelled: 140 }, columns: { id: 'Name', amount: 'Total', currency: 'Currency' } });
    expect([krw.totals.orders.actual, krw.totals.revenue.actual]).toEqual([14 * 3, 14 * 3 * 25.5]);
    expect(krw.warnings.find((w) => w.code === 'CURRENCY_MISMATCH')?.message).toMatch(/says USD, but the claim is in KRW/);
    const usd = claimOf(['--currency', 'USD']);
    expect(usd.currency).toBe('USD');
    expect(usd.warnings.map((w) => w.code)).not.toContain('CURRENCY_MISMATCH');
    expect(usd.totals.revenue.actual).toBe(1071);
  });

  it('exits quietly when the reader closes the pipe', () => {
    const r = spawnSync('bash', ['-c', `node bin/loss-calc.js estimate ${ENGLISH} --incident 2025-11-29 --format csv --daily | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('bad input: a coded error, nothing on stdout, no stack trace', () => {
  const cases: [string, string[], string, number][] = [
    ['missing file', ['estimate', '/nonexistent/x.csv', '--incident', '2025-11-29'], 'FILE_NOT_FOUND', 1],
    ['a directory', ['estimate', FIXTURES, '--incident', '2025-11-29'], 'FILE_UNREADABLE', 1],
    ['an empty file', ['estimate', tempFile('e.csv', ''), '--incident', '2025-11-29'], 'EMPTY_FILE', 1],
    ['a binary file', ['estimate', tempFile('b.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0xff, 0x00, 0x13])), '--incident', '2025-11-29'], 'BINARY_FILE', 1],
    ['no date column', ['estimate', tempFile('n.csv', 'foo,amount\n1,2\n'), '--incident', '2025-11-29'], 'NO_DATE_COLUMN', 1],
    ['no amount column', ['estimate', tempFile('n.csv', 'date,foo\n2025-01-01,2\n'), '--incident', '2025-11-29'], 'NO_AMOUNT_COLUMN', 1],
    ['unreadable dates', ['estimate', tempFile('d.csv', 'date,amount\n2025-01-01,1\nyesterday,2\n'), '--incident', '2025-11-29'], 'BAD_DATES', 1],
    ['unreadable amounts', ['estimate', tempFile('d.csv', 'date,amount\n2025-01-01,1\n2025-01-02,lots\n'), '--incident', '2025-11-29'], 'BAD_NUMBERS', 1],
    ['incident after the data', ['estimate', ENGLISH, '--incident', '2027-01-01'], 'INCIDENT_OUTSIDE_DATA', 1],
    ['incident before the data', ['estimate', ENGLISH, '--incident', '2020-01-01'], 'INCIDENT_OUTSIDE_DATA', 1],
    ['a short baseline', ['estimate', ENGLISH, '--incident', '2025-11-29', '--baseline', '2025-11-10..2025-11-28'], 'BASELINE_TOO_SHORT', 1],
    ['--until before --incident', ['estimate', ENGLISH, '--incident', '2025-11-29', '--until', '2025-11-01'], 'UNTIL_BEFORE_INCIDENT', 2],
    ['a malformed window', ['estimate', ENGLISH, '--incident', '2025-11-29', '--baseline', '2025-01-01-2025-06-01'], 'BAD_WINDOW', 2],
    ['a window ending before it starts', ['estimate', ENGLISH, '--incident', '2025-11-29', '--exclude', '2025-12-05..2025-12-01'], 'BAD_WINDOW', 2],
    ['a bad date', ['estimate', ENGLISH, '--incident', '2025-13-01'], 'BAD_DATE', 2],
    ['a bad level', ['estimate', ENGLISH, '--incident', '2025-11-29', '--level', '2'], 'BAD_OPTION', 2],
    ['a level of 95 (not 95%)', ['estimate', ENGLISH, '--incident', '2025-11-29', '--level', '95'], 'BAD_OPTION', 2],
    ['a hex seed (Number() would read it)', ['estimate', ENGLISH, '--incident', '2025-11-29', '--seed', '0x10'], 'BAD_OPTION', 2],
    ['a hex margin', ['estimate', ENGLISH, '--incident', '2025-11-29', '--margin', '0x1'], 'BAD_OPTION', 2],
    ['a bad margin', ['estimate', ENGLISH, '--incident', '2025-11-29', '--margin', 'lots'], 'BAD_OPTION', 2],
    ['a bad format', ['estimate', ENGLISH, '--incident', '2025-11-29', '--format', 'xml'], 'BAD_OPTION', 2],
    ['a currency that is no ISO 4217 code (a typo of KRW)', ['estimate', ENGLISH, '--incident', '2025-11-29', '--currency', 'KWR'], 'BAD_OPTION', 2],
    ['an unknown model', ['estimate', ENGLISH, '--incident', '2025-11-29', '--model', 'magic'], 'UNKNOWN_MODEL', 2],
    ['an unknown holiday calendar', ['estimate', ENGLISH, '--incident', '2025-11-29', '--holidays', 'XX'], 'UNKNOWN_HOLIDAYS', 2],
    ['no --incident', ['estimate', ENGLISH], 'USAGE', 2],
    ['a config that is not JSON', ['estimate', ENGLISH, '--config', tempFile('c.json', '{nope')], 'BAD_CONFIG', 2],
    ['a config that fails the schema', ['estimate', ENGLISH, '--config', tempFile('c.json', '{"incident":"2025-11-29","level":"high"}')], 'BAD_CONFIG', 2],
    ['--out equal to the input', ['estimate', ENGLISH, '--incident', '2025-11-29', '--out', ENGLISH], 'OUT_IS_INPUT', 2],
    ['--out equal to the --config', ((c) => ['estimate', ENGLISH, '--config', c, '--out', c])(tempFile('o.json', '{"incident":"2025-11-29"}')), 'OUT_IS_INPUT', 2],
    ['--columns naming a missing header', ['estimate', ENGLISH, '--incident', '2025-11-29', '--columns', 'date=Nope'], 'UNKNOWN_COLUMN', 2],
  ];
  for (const [what, args, code, status] of cases) {
    it(`${what} → ${code} (exit ${status})`, () => {
      const r = run(args);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^loss-calc: ${code}: `));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.status).toBe(status);
    });
  }

  it('names the file and the lines of unreadable dates', () => {
    const f = tempFile('dates.csv', 'date,amount\n2025-01-01,1\nyesterday,2\n2025-01-02,3\nsoon,4\n');
    const r = run(['estimate', f, '--incident', '2025-11-29']);
    expect(r.stderr).toContain('dates.csv');
    expect(r.stderr).toMatch(/line 3/);
    expect(r.stderr).toMatch(/line 5|5/);
  });

  it('never leaves a half-written --out behind a failing run', () => {
    const out = join(tempDir(), 'claim.json');
    run(['estimate', '/nonexistent.csv', '--incident', '2025-11-29', '--out', out]);
    expect(existsSync(out)).toBe(false);
  });
});
