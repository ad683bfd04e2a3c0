// `loss-calc batch` under interruption and hostile seller ids, through the built binary on small
// simulated sellers (src/sim designSeller + dailyLines). Beyond test/batch.test.ts:
// - SIGKILL three times at different moments, each run resuming the last: at every moment only
//   complete files are visible in --out (watched while the runs go), and the end state is
//   byte-identical to one uninterrupted run (claims, sidecars, summaries).
// - SIGINT, then --resume: the partial summary lists only finished sellers with their claims;
//   the resumed run ends byte-identical to the uninterrupted one.
// - seller ids that try to leave --out or clash with each other or with batch's own files:
//   every file stays inside DIR, names are unique and the same for --jobs 1 and 2.
// - a --by column with one value per row stops with a coded error instead of exhausting memory.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimSchema } from '../src/core/claim.js';
import { dailyLines, designSeller } from '../src/sim/index.js';
import { BIN, ROOT, snapshot, tempDir } from './cli-helpers.js';

const SELLERS = 8;
let root: string;
let folder: string;
let manifest: string;
let reference: string;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the binary; `until` decides when to send `signal` (polled every few ms). */
function runBin(args: string[], stop?: { signal: NodeJS.Signals; when: () => boolean }, watch?: () => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      watch?.();
      if (stop && !sent && stop.when()) {
        sent = true;
        child.kill(stop.signal);
      }
    }, 4);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (status, signal) => {
      clearInterval(poll);
      clearTimeout(deadline);
      watch?.();
      done({ status, signal, stdout, stderr });
    });
  });
}


const claimsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => /^s\d+\.json$/.test(n)).length : 0);

/**
 * A watcher asserting that every visible file in `dir` is complete at the moment it is seen:
 * claims and sidecars parse (claims against the schema), summaries end with a newline and parse.
 * writeAtomic's hidden `.name.pid.ms.tmp` files are the only partial files allowed.
 */
function completeFilesOnly(dir: string): { check: () => void; seen: () => number; problems: string[] } {
  const problems: string[] = [];
  let seen = 0;
  const check = () => {
    for (const d of [dir, join(dir, '.state')]) {
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        continue;
      }
      for (const n of names) {
        if (n === '.state' || /^\..+\.\d+\.\d+\.tmp$/.test(n)) continue;
        let text: string;
        try {
          text = readFileSync(join(d, n), 'utf8');
        } catch {
          continue; // replaced between readdir and read
        }
        seen++;
        try {
          if (n.endsWith('.json')) {
            const v = JSON.parse(text);
            if (d === dir && n !== 'summary.json') claimSchema.parse(v);
          } else if (!text.endsWith('\n')) throw new Error('no final newline');
        } catch (e) {
          problems.push(`${relative(dir, join(d, n))}: ${(e as Error).message.slice(0, 200)} (${text.length} bytes)`);
        }
      }
    }
  };
  return { check, seen: () => seen, problems };
}

beforeAll(() => {
  root = tempDir();
  folder = join(root, 'sellers');
  mkdirSync(folder);
  const lines = ['seller,incident'];
  for (let i = 0; i < SELLERS; i++) {
    const { sim } = designSeller(i % 2 ? 'growing' : 'placebo', i, 17);
    const id = `s${String(i).padStart(2, '0')}`;
    writeFileSync(join(folder, `${id}.csv`), `${[...dailyLines(sim)].join('\n')}\n`);
    lines.push(`${id},${sim.incident}`);
  }
  manifest = join(root, 'manifest.csv');
  writeFileSync(manifest, `${lines.join('\n')}\n`);
});

const batchArgs = (out: string, jobs: number, extra: string[] = []) =>
  ['batch', folder, '--manifest', manifest, '--model', 'trend', '--margin', '0.3', '--out', out, '--jobs', String(jobs), ...extra];

describe('batch under interruption', { timeout: 120_000 }, () => {
  it('an uninterrupted reference run', async () => {
    reference = join(root, 'reference');
    const r = await runBin(batchArgs(reference, 2));
    expect(r.status, r.stderr).toBe(0);
    expect(claimsIn(reference)).toBe(SELLERS);
  });

  it('SIGKILL at three moments, resuming each time: only complete files at every moment, then the same bytes as the reference', async () => {
    const out = join(root, 'killed');
    const watch = completeFilesOnly(out);
    // kill after 1 claim, then (resuming) after 3, then after 6; the last --resume finishes
    const kills: Run[] = [];
    for (const [k, jobs] of [[1, 1], [3, 2], [6, 1]] as const) {
      const args = batchArgs(out, jobs, kills.length ? ['--resume'] : []);
      kills.push(await runBin(args, { signal: 'SIGKILL', when: () => claimsIn(out) >= k }, watch.check));
    }
    const killed = kills.filter((r) => r.signal === 'SIGKILL').length;
    expect(killed, kills.map((r) => r.stderr).join('\n')).toBeGreaterThanOrEqual(2); // the first one always lands mid-run
    expect(existsSync(join(out, 'summary.json')) && JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).complete === true).toBe(killed < 3);
    const last = await runBin(batchArgs(out, 2, ['--resume']), undefined, watch.check);
    expect(last.status, last.stderr).toBe(0);
    expect(last.stderr).toMatch(/\(\d+ resumed\)/);
    expect(watch.problems).toEqual([]);
    expect(watch.seen()).toBeGreaterThan(SELLERS);
    expect(snapshot(out)).toEqual(snapshot(reference));
  });

  it('SIGINT: a clean stop with a partial summary of finished sellers, and --resume completes it to the same bytes', async () => {
    const out = join(root, 'interrupted');
    const watch = completeFilesOnly(out);
    const r = await runBin(batchArgs(out, 1), { signal: 'SIGINT', when: () => claimsIn(out) >= 2 }, watch.check);
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    if (r.status === 130) {
      expect(r.stderr).toMatch(/interrupted/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(doc.complete).toBe(false);
      expect(doc.rows.length).toBeLessThan(SELLERS);
      for (const row of doc.rows) claimSchema.parse(JSON.parse(readFileSync(join(out, `${row.seller}.json`), 'utf8')));
      const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
      expect(csv.length - 1).toBe(doc.rows.length);
    } else {
      expect(r.status, 'the run finished before SIGINT arrived').toBe(0); // a machine fast enough to finish first
    }
    const resumed = await runBin(batchArgs(out, 2, ['--resume']), undefined, watch.check);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(watch.problems).toEqual([]);
    expect(snapshot(out)).toEqual(snapshot(reference));
  });
});

describe('batch: seller ids', { timeout: 120_000 }, () => {
  it('ids that try to leave --out or clash stay inside DIR, unique, the same names for --jobs 1 and 2', async () => {
    const incident = readFileSync(manifest, 'utf8').split('\n')[1].split(',')[1];
    // 60 days before the incident and the loss window: enough for an estimate, cheap for 25 sellers × 2 runs
    const src = readFileSync(join(folder, 's00.csv'), 'utf8').trim().split('\n').slice(1)
      .filter((l) => Date.parse(l.slice(0, 10)) >= Date.parse(incident) - 60 * 86_400_000);
    const ids = [
      '..', '.', '../../escape', 'a/../../b', 'C:\\Windows\\x', '/abs/path', '\\\\server\\share', 'summary', 'SUMMARY', '.state', 'con.txt', 'x.',
      'Shop', 'shop', 'SHOP', 'a/b', 'a:b', 'a*b', 'caf\u00e9', 'Caf\u00e9', // (NFD 'cafe\u0301' is the NFC café: one seller) 'x'.repeat(5000), '가'.repeat(200), 'nul\u0000byte', 'new\nline', 'esc\u001b[2J',
    ];
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = ids.flatMap((id) => src.map((l) => `${quote(id)},${l}`));
    const long = join(root, 'hostile.csv');
    writeFileSync(long, `seller,date,orders,revenue\n${rows.join('\n')}\n`);
    const parent = join(root, 'nest');
    const [a, b] = await Promise.all([1, 2].map((jobs) =>
      runBin(['batch', long, '--by', 'seller', '--incident', incident, '--model', 'trend', '--out', join(parent, `out-${jobs}`), '--jobs', String(jobs)])));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['out-1', 'out-2']); // nothing written beside the two folders
    expect(readdirSync(root).filter((n) => !['sellers', 'manifest.csv', 'reference', 'killed', 'interrupted', 'nest', 'hostile.csv', 'many.csv'].includes(n))).toEqual([]);
    const out = join(parent, 'out-1');
    const names = readdirSync(out);
    expect(names).toEqual(readdirSync(join(parent, 'out-2')));
    const claims = names.filter((n) => n.endsWith('.json') && n !== 'summary.json');
    expect(claims).toHaveLength(ids.length); // one claim each: no id overwrote another, none went elsewhere
    expect(new Set(claims.map((n) => n.toLowerCase())).size).toBe(ids.length); // unique on case-insensitive disks
    for (const n of claims) {
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
      expect(n).not.toMatch(/[\u0000-\u001f/\\:*?"<>|]|^\.|^(summary|con)\.json$/i);
    }
    const bySeller = new Map(claims.map((n) => [JSON.parse(readFileSync(join(out, n), 'utf8')).seller as string, n]));
    expect([...bySeller.keys()].sort()).toEqual([...ids].sort()); // every id maps to its own file
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).rows).toHaveLength(ids.length);
    expect(snapshot(out)).toEqual(snapshot(join(parent, 'out-2')));
  });

  it('a --by column with one value per row (an order id) stops with BAD_OPTION before memory runs out', async () => {
    const many = join(root, 'many.csv');
    const lines = ['date,order_id,orders,revenue'];
    for (let i = 0; i <= 100_000; i++) lines.push(`2025-01-${String(1 + (i % 28)).padStart(2, '0')},o${i},1,100`);
    writeFileSync(many, `${lines.join('\n')}\n`);
    const r = await runBin(['batch', many, '--by', 'order_id', '--incident', '2025-01-20']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^loss-calc: BAD_OPTION: many\.csv: line 100002: the --by column "order_id" holds more than 100000 different values/);
    expect(r.stdout).toBe('');
  });
});
