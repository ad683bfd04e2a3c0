// `loss-calc batch` through the built binary on small simulated sellers: folder vs --by,
// manifest, isolation of bad sellers, --jobs determinism, resume after a kill, SIGINT,
// unsafe ids, and the summary contract.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimSchema } from '../src/core/claim.js';
import { MAX_NAME_BYTES, NameBook, safeStem, shortHash } from '../src/batch/names.js';
import { dailyLines, designSeller } from '../src/sim/index.js';
import { BIN, run, snapshot, tempDir } from './cli-helpers.js';

/** DESIGN §4 "Batch outputs", verbatim. */
const DESIGN_COLUMNS = 'seller, status, model, lost_orders, lost_orders_lower, lost_orders_upper, lost_revenue, lost_revenue_lower, lost_revenue_upper, lost_profit, lost_pct, warnings, error'.split(', ');

let root: string;
/** A folder of daily-aggregate sellers, the same sellers as one long file, and a manifest of their incidents. */
let folder: string, long: string, manifest: string;
const incidents: Record<string, string> = {};
const SELLERS = 5;


const csvRows = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split(','));
const claimOf = (dir: string, seller: string) => claimSchema.parse(JSON.parse(readFileSync(join(dir, `${seller}.json`), 'utf8')));

beforeAll(() => {
  root = tempDir();
  folder = join(root, 'sellers');
  mkdirSync(folder);
  const longLines: string[] = [];
  const manifestLines = ['seller,incident'];
  for (let i = 0; i < SELLERS; i++) {
    const { sim } = designSeller('placebo', i, 11);
    const id = `shop-${i}`;
    const lines = [...dailyLines(sim)];
    writeFileSync(join(folder, `${id}.csv`), `${lines.join('\n')}\n`);
    for (const l of lines.slice(1)) longLines.push(`${l.slice(0, 10)},${id},${l.slice(11)}`);
    incidents[id] = sim.incident;
    manifestLines.push(`${id},${sim.incident}`);
  }
  // rows in any order: by date, sellers interleaved, as a warehouse query returns them
  longLines.sort();
  long = join(root, 'long.csv');
  writeFileSync(long, `date,seller_id,orders,revenue\n${longLines.join('\n')}\n`);
  manifest = join(root, 'manifest.csv');
  writeFileSync(manifest, `${manifestLines.join('\n')}\n`);
});

describe('batch', { timeout: 60_000 }, () => {
  it('gives the same per-seller results for a folder and for one long file with --by', () => {
    const a = join(root, 'out-folder'), b = join(root, 'out-by');
    const ra = run(['batch', folder, '--manifest', manifest, '--out', a, '--jobs', '2']);
    const rb = run(['batch', long, '--by', 'seller_id', '--manifest', manifest, '--out', b, '--jobs', '2']);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    expect(ra.stdout).toBe('');
    expect(ra.stderr).toMatch(/batch: 5 sellers .*5 ok, 0 insufficient-data, 0 failed/);
    expect(readFileSync(join(a, 'summary.csv'), 'utf8')).toBe(readFileSync(join(b, 'summary.csv'), 'utf8'));
    for (let i = 0; i < SELLERS; i++) {
      const ca = claimOf(a, `shop-${i}`), cb = claimOf(b, `shop-${i}`);
      expect(ca.seller).toBe(`shop-${i}`);
      expect(ca.windows.incident.start).toBe(incidents[`shop-${i}`]);
      // the input block names its own file; everything estimated is the same
      expect({ ...cb, input: null }).toEqual({ ...ca, input: null });
      expect(cb.input.rowsUsed).toBe(ca.input.rowsUsed);
    }
    const doc = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(doc.complete).toBe(true);
    expect(doc.counts).toEqual({ ok: 5, 'insufficient-data': 0, failed: 0 });
    const sum = doc.rows.reduce((s: number, r: { lost_orders: number }) => s + r.lost_orders, 0);
    expect(doc.totals.lost_orders).toBeCloseTo(sum, 6);
  });

  it('applies manifest overrides per seller, warns about unknown sellers and rejects bad values by line', () => {
    const out = join(root, 'out-manifest');
    const m = join(root, 'm2.csv');
    const inc = incidents['shop-1'];
    const exA = `${inc}..${inc}`;
    writeFileSync(m, `Seller;Incident;Margin;Exclude\nshop-1;${inc};0.25;${exA} ${inc}..${inc}\nnobody;2025-01-01;;\n`);
    const r = run(['batch', folder, '--incident', incidents['shop-0'], '--manifest', m, '--out', out, '--jobs', '1']);
    expect([0, 3]).toContain(r.status);
    expect(r.stderr).toMatch(/warning: --manifest .*m2\.csv line 3: seller "nobody" is not in the batch/);
    const c1 = claimOf(out, 'shop-1');
    expect(c1.windows.incident.start).toBe(inc);
    expect(c1.options.margin).toBe(0.25);
    expect(c1.totals.profit).toBeDefined();
    expect(c1.windows.excluded.length).toBeGreaterThan(0);
    const c0 = claimOf(out, 'shop-0');
    expect(c0.windows.incident.start).toBe(incidents['shop-0']);
    expect(c0.options.margin).toBeNull();

    writeFileSync(m, 'seller,incident,margin\nshop-1,2025-02-30,\n');
    const bad = run(['batch', folder, '--incident', incidents['shop-0'], '--manifest', m]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^loss-calc: BAD_DATE: --manifest m2\.csv line 2: incident/);
    writeFileSync(m, 'seller,margin\nshop-1,1.5\n');
    expect(run(['batch', folder, '--incident', incidents['shop-0'], '--manifest', m]).stderr).toMatch(/BAD_OPTION: --manifest m2\.csv line 2: margin/);
    writeFileSync(m, 'seller,incident\nshop-1,2025-01-01\n');
    const missing = run(['batch', folder, '--manifest', m]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/USAGE: missing --incident, and 4 seller\(s\) have no incident/);
  });

  it('isolates bad sellers: others ok, coded rows, exit 3', () => {
    const dir = join(root, 'mixed');
    mkdirSync(dir);
    for (let i = 0; i < 2; i++) writeFileSync(join(dir, `shop-${i}.csv`), readFileSync(join(folder, `shop-${i}.csv`)));
    writeFileSync(join(dir, 'garbage.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'short.csv'), readFileSync(join(folder, 'shop-0.csv'), 'utf8').split('\n').slice(0, 20).join('\n'));
    const r = run(['batch', dir, '--incident', incidents['shop-0'], '--manifest', manifest, '--format', 'csv', '--jobs', '2']);
    expect(r.status).toBe(3);
    const rows = Object.fromEntries(csvRows(r.stdout).map((c) => [c[0], c]));
    expect(Object.keys(rows)).toEqual(['garbage', 'shop-0', 'shop-1', 'short']);
    expect(rows['shop-0'][1]).toBe('ok');
    expect(rows['shop-1'][1]).toBe('ok');
    expect(rows.garbage[1]).toBe('failed');
    expect(rows.garbage.at(-1)).toMatch(/^BINARY_FILE: /);
    expect(rows.short[1]).toBe('insufficient-data');
    expect(rows.short.at(-1)).toMatch(/^(INCIDENT_OUTSIDE_DATA|BASELINE_TOO_SHORT): /);
    expect(r.stderr).toMatch(/2 ok, 1 insufficient-data, 1 failed/);
  });

  it('writes byte-identical outputs with --jobs 1 and --jobs 2', () => {
    const a = join(root, 'out-j1'), b = join(root, 'out-j2');
    const ra = run(['batch', folder, '--manifest', manifest, '--margin', '0.3', '--out', a, '--jobs', '1', '--format', 'table']);
    const rb = run(['batch', folder, '--manifest', manifest, '--margin', '0.3', '--out', b, '--jobs', '2', '--format', 'table']);
    expect(ra.status).toBe(0);
    expect(rb.stdout).toBe(ra.stdout);
    expect(ra.stdout).toMatch(/Total over 5 ok seller\(s\): lost orders -?[\d,.]+ · lost revenue -?₩[\d,]+ · lost profit -?₩[\d,]+/);
    expect(ra.stdout).not.toMatch(/\x1b\[/);
    const sa = snapshot(a), sb = snapshot(b);
    expect(Object.keys(sa).sort()).toEqual(['.state/shop-0.json', '.state/shop-1.json', '.state/shop-2.json', '.state/shop-3.json', '.state/shop-4.json',
      'shop-0.json', 'shop-1.json', 'shop-2.json', 'shop-3.json', 'shop-4.json', 'summary.csv', 'summary.json']);
    expect(sb).toEqual(sa);
  });

  it('resumes a run killed mid-way (SIGKILL) or with files deleted to the same bytes as one uninterrupted run', async () => {
    const many = join(root, 'many');
    mkdirSync(many);
    const m = ['seller,incident'];
    for (let k = 0; k < 8; k++) {
      const i = k % SELLERS;
      writeFileSync(join(many, `s${String(k).padStart(2, '0')}.csv`), readFileSync(join(folder, `shop-${i}.csv`)));
      m.push(`s${String(k).padStart(2, '0')},${incidents[`shop-${i}`]}`);
    }
    const mf = join(root, 'm-many.csv');
    writeFileSync(mf, `${m.join('\n')}\n`);
    const ref = join(root, 'out-ref'), out = join(root, 'out-killed');
    expect(run(['batch', many, '--manifest', mf, '--out', ref, '--jobs', '2']).status).toBe(0);

    const child = spawn(process.execPath, [BIN, 'batch', many, '--manifest', mf, '--out', out, '--jobs', '1'], { stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    for (let t = 0; t < 600 && !(existsSync(out) && readdirSync(out).filter((n) => n.endsWith('.json')).length >= 3); t++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const partial = readdirSync(out).filter((n) => /^s\d+\.json$/.test(n));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(8);
    for (const n of partial) claimSchema.parse(JSON.parse(readFileSync(join(out, n), 'utf8'))); // only complete files
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);

    const r = run(['batch', many, '--manifest', mf, '--out', out, '--jobs', '2', '--resume']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\(\d+ resumed\)/);
    expect(snapshot(out)).toEqual(snapshot(ref));

    rmSync(join(out, 's03.json'));
    rmSync(join(out, '.state', 's07.json'));
    writeFileSync(join(out, 's05.json'), '{"tampered": true}\n');
    const again = run(['batch', many, '--manifest', mf, '--out', out, '--jobs', '1', '--resume']);
    expect(again.stderr).toMatch(/8 ok.*\(5 resumed\)/);
    expect(snapshot(out)).toEqual(snapshot(ref));
  });

  it('stops on SIGINT with a partial summary of the sellers that finished (exit 130)', async () => {
    const out = join(root, 'out-int');
    const child = spawn(process.execPath, [BIN, 'batch', join(root, 'many'), '--manifest', join(root, 'm-many.csv'), '--out', out, '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (let t = 0; t < 600 && !(existsSync(out) && readdirSync(out).filter((n) => n.endsWith('.json')).length >= 2); t++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(doc.complete).toBe(false);
    expect(doc.rows.length).toBeGreaterThan(0);
    expect(doc.rows.length).toBeLessThan(8);
    for (const row of doc.rows) expect(existsSync(join(out, `${row.seller}.json`))).toBe(true);
  });

  it('makes unsafe seller ids safe file names inside DIR, and neutralises them in CSV', () => {
    const src = readFileSync(long, 'utf8').trim().split('\n').slice(1);
    const ids: Record<string, string> = { 'shop-0': '../x', 'shop-1': '/etc/y', 'shop-2': 'CON', 'shop-3': '', 'shop-4': '=HYPERLINK("x")' };
    const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = src.map((l) => {
      const [date, seller, ...rest] = l.split(',');
      return [date, quote(ids[seller]), ...rest].join(',');
    });
    lines.push(...src.filter((l) => l.includes(',shop-2,')).map((l) => l.replace(',shop-2,', ',con,'))); // CON again on Windows/macOS
    const f = join(root, 'unsafe.csv');
    writeFileSync(f, `date,seller,orders,revenue\n${lines.join('\n')}\n`);
    const m = join(root, 'm-unsafe.csv');
    writeFileSync(m, `seller,incident\n${Object.entries(ids).map(([k, id]) => `${quote(id)},${incidents[k]}`).join('\n')}\ncon,${incidents['shop-2']}\n`);
    const out = join(root, 'nest', 'out-unsafe');
    const r = run(['batch', f, '--by', 'seller', '--manifest', m, '--out', out, '--jobs', '1', '--model', 'trend', '--format', 'html']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // a blank seller cell is kept as seller "(blank seller)" (warning BLANK_SELLER); its manifest row is the blank one
    const stems = ['=HYPERLINK(_x_)', '(blank seller)', '_CON', `_con~${shortHash('con')}`, '___x', '_etc_y'];
    const files = readdirSync(out).filter((n) => !n.startsWith('summary.') && n !== 'index.html').sort();
    expect(files).toEqual(['.state', ...stems.flatMap((n) => [`${n}.json`, `${n}.html`])].sort());
    // index.html links every seller's report by its safe name
    const links = [...readFileSync(join(out, 'index.html'), 'utf8').matchAll(/<a href="([^"]+)">/g)].map((x) => decodeURIComponent(x[1]));
    expect(links.sort()).toEqual(stems.map((n) => `${n}.html`).sort());
    expect(readdirSync(join(root, 'nest'))).toEqual(['out-unsafe']);
    expect(existsSync(join(root, 'x.json'))).toBe(false);
    expect(claimOf(out, '___x').seller).toBe('../x');
    expect(claimOf(out, '(blank seller)').seller).toBe('(blank seller)');
    expect(claimOf(out, '(blank seller)').windows.incident.start).toBe(incidents['shop-3']);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(summary).toContain(`\n"'=HYPERLINK(""x"")",ok,`);
    const sellers = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).rows.map((x: { seller: string }) => x.seller);
    expect(sellers).toEqual(['(blank seller)', '../x', '/etc/y', '=HYPERLINK("x")', 'CON', 'con']);
  });

  it('names: safe on every OS, bounded, unique case-insensitively', () => {
    expect(['../x', '/etc/y', 'CON', 'lpt1.txt', '', '.hidden', 'a:b*c?', 'summary', 'dots...'].map(safeStem))
      .toEqual(['___x', '_etc_y', '_CON', '_lpt1.txt', '_', '_hidden', 'a_b_c_', '_summary', 'dots___']);
    const long = '가'.repeat(300);
    expect(Buffer.byteLength(safeStem(long))).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safeStem(long)).toMatch(/~[0-9a-f]{8}$/);
    const book = new NameBook();
    const names = ['A', 'a', 'a', long, long].map((id) => book.take(id));
    expect(names.slice(0, 3)).toEqual(['A', `a~${shortHash('a')}`, `a~${shortHash('a')}-2`]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('writes exactly the DESIGN summary columns, in every format', () => {
    const out = join(root, 'out-folder'); // from the first test
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').split('\n')[0].split(',')).toEqual(DESIGN_COLUMNS);
    for (const row of JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).rows) expect(Object.keys(row)).toEqual(DESIGN_COLUMNS);
    const tsv = run(['batch', folder, '--manifest', manifest, '--format', 'tsv', '--bom', '--jobs', '1', '--model', 'trend']);
    expect(tsv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(tsv.stdout.slice(1).split('\n')[0].split('\t')).toEqual(DESIGN_COLUMNS);
    const nd = run(['batch', long, '--by', 'seller_id', '--manifest', manifest, '--format', 'ndjson', '--jobs', '1', '--model', 'trend']);
    const rows = nd.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.seller)).toEqual(['shop-0', 'shop-1', 'shop-2', 'shop-3', 'shop-4']);
    for (const row of rows) expect(Object.keys(row)).toEqual(DESIGN_COLUMNS);
    expect(nd.stdout).toBe(run(['batch', folder, '--manifest', manifest, '--format', 'ndjson', '--jobs', '1', '--model', 'trend']).stdout);
  });

  it('rejects options that do not apply to a batch (exit 2)', () => {
    const inc = ['--incident', incidents['shop-0']];
    expect(run(['batch', folder, ...inc, '--resume']).stderr).toMatch(/USAGE: --resume needs --out/);
    expect(run(['batch', folder, ...inc, '--format', 'html']).status).toBe(2);
    expect(run(['batch', folder, ...inc, '--seller', 'x']).status).toBe(2);
    expect(run(['batch', folder, ...inc, '--jobs', '0']).status).toBe(2);
    expect(run(['batch', long, ...inc]).status).toBe(2); // a file without --by
    expect(run(['batch', long, ...inc, '--by', 'nope']).stderr).toMatch(/UNKNOWN_COLUMN/);
    expect(run(['batch', folder, ...inc, '--out', folder]).stderr).toMatch(/OUT_IS_INPUT/);
  });

  it('refuses a --by file, --manifest or --config that it would overwrite in --out (exit 2, the file untouched)', () => {
    const inc = ['--incident', incidents['shop-0']];
    const dir = join(root, 'inputs-in-out');
    mkdirSync(dir, { recursive: true });
    const asSummary = join(dir, 'summary.csv');
    writeFileSync(asSummary, readFileSync(long));
    const by = run(['batch', asSummary, '--by', 'seller_id', ...inc, '--out', dir]);
    expect([by.status, by.stderr]).toEqual([2, expect.stringMatching(/OUT_IS_INPUT: .*summary\.csv is in --out .* as a file the batch writes \(summary\.csv\)/)]);
    expect(readFileSync(asSummary, 'utf8')).toBe(readFileSync(long, 'utf8'));
    const man = join(dir, 'summary.json');
    writeFileSync(man, readFileSync(manifest));
    expect(run(['batch', long, '--by', 'seller_id', '--manifest', man, '--out', dir]).stderr).toMatch(/OUT_IS_INPUT/);
    const config = join(dir, 'index.html');
    writeFileSync(config, JSON.stringify({ incident: incidents['shop-0'] }));
    expect(run(['batch', folder, '--config', config, '--out', dir]).stderr).toMatch(/OUT_IS_INPUT/);
    expect(readFileSync(config, 'utf8')).toBe(JSON.stringify({ incident: incidents['shop-0'] }));
    expect(existsSync(join(dir, 'shop-1.json'))).toBe(false); // nothing ran
    // a config of another name kept in DIR (for --resume runs) is fine
    const kept = join(dir, 'options.json');
    writeFileSync(kept, JSON.stringify({ incident: incidents['shop-0'] }));
    expect(run(['batch', folder, '--config', kept, '--out', dir, '--jobs', '1']).status).not.toBe(2);
  });
});
