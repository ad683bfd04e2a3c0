// `npm run bench`: speed and memory of the built CLI on generated data (nothing large is committed).
//   node bench/speed.mjs [--sellers 10000] [--orders 5000000] [--by-sellers 2000] [--estimate-orders 50000]
//                        [--jobs N] [--only folder,by,estimate,peer] [--peer-sellers N] [--work DIR] [--keep]
// (1) `batch <dir>` over a folder of daily-aggregate sellers, 14 months each (365-day baseline,
//     61-day loss window), default --model auto; (2) `batch <file> --by seller` over one long
//     order-level file, rows sorted by time with sellers interleaved; (3) one `estimate` on a
//     1-year order export, whole process; (4) the statsmodels OLS loop (bench/ols_loop.py) over
//     the same folder in one Python process. Each run is timed with /usr/bin/time (wall, CPU,
//     peak RSS of the whole process, worker threads included). stdout: Markdown; stderr: progress.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dailyLines, designSeller, englishLines, orderRows, simulateSeller, writeLines } from '../dist/sim/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'loss-calc.js');
const PY = '/usr/bin/python3';
const INCIDENT = '2025-11-29';
const BASELINE_DAYS = 365, LOSS_DAYS = 61; // 426 days ≈ 14 months
const WINDOWS = { baselineStart: '2024-11-29', baselineEnd: '2025-11-28', incidentEnd: '2026-01-28' };
// daily designs of the accuracy benchmark, cycled so the folder is a realistic mix
const DESIGNS = ['weekday-heavy', 'weekend-heavy', 'growing', 'shrinking', 'gaps', 'holiday-window', 'placebo'];

const { values: a } = parseArgs({
  options: {
    sellers: { type: 'string', default: '10000' },
    orders: { type: 'string', default: '5000000' },
    'by-sellers': { type: 'string', default: '2000' },
    'estimate-orders': { type: 'string', default: '50000' },
    jobs: { type: 'string' },
    only: { type: 'string', default: 'folder,by,estimate,peer' },
    'peer-sellers': { type: 'string' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const only = new Set(a.only.split(','));
const N = +a.sellers, ORDERS = +a.orders, BY_SELLERS = +a['by-sellers'], EST_ORDERS = +a['estimate-orders'];
const work = a.work ?? mkdtempSync(join(tmpdir(), 'loss-calc-bench-'));
mkdirSync(work, { recursive: true });
const jobsArgs = a.jobs ? ['--jobs', a.jobs] : [];
const say = (s) => process.stderr.write(`${s}\n`);
const mb = (bytes) => bytes / 1e6;

/** Run a command under /usr/bin/time: wall and CPU seconds, peak RSS (MB), exit status, stdout. */
function timed(cmd, args, opts = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const line = r.stderr.split('\n').find((l) => l.startsWith('@@time'));
  if (!line) throw new Error(`${cmd} ${args.join(' ')}: no timing (${r.stderr.slice(-500)})`);
  const [wall, user, sys, rssKb] = line.split(' ').slice(1).map(Number);
  const stderr = r.stderr.split('\n').filter((l) => !l.startsWith('@@time')).join('\n').trim();
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: r.status, stdout: r.stdout, stderr };
}

/** Total bytes of the files in a folder. */
function folderBytes(dir) {
  return readdirSync(dir).reduce((s, n) => s + statSync(join(dir, n)).size, 0);
}

/** A seller of design `name` moved onto the platform incident: 365 + 61 days of data. */
function benchSeller(i, extra = {}) {
  const name = DESIGNS[i % DESIGNS.length];
  const { params } = designSeller(name, Math.floor(i / DESIGNS.length), 2025);
  return simulateSeller({ ...params, incident: INCIDENT, baselineDays: BASELINE_DAYS, lossDays: LOSS_DAYS, ...extra }, 1000 + i);
}

function makeFolder(dir, n) {
  if (existsSync(join(dir, '.complete'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    writeLines(join(dir, `seller-${String(i).padStart(5, '0')}.csv`), dailyLines(benchSeller(i, { format: 'daily' })));
    if (i % 1000 === 999) say(`  generated ${i + 1}/${n} sellers (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  writeLines(join(dir, '.complete'), ['']);
}

/** One long order-level file: rows in time order, sellers interleaved (as a warehouse query returns them). */
function makeLongOrders(path, sellers, orders) {
  if (existsSync(`${path}.complete`)) return; // made by an earlier run with --work
  const days = BASELINE_DAYS + LOSS_DAYS;
  const level = orders / sellers / days; // orders/day at weekday multiplier 1
  const sims = Array.from({ length: sellers }, (_, i) => benchSeller(i, { level: level * (0.3 + 1.4 * ((i * 7919) % 1000) / 1000), cancelRate: 0.03 }));
  const its = sims.map((sim, i) => orderRows(sim, 77 + i));
  const peek = its.map((it) => it.next());
  const fd = openSync(path, 'w');
  let buf = 'seller,order_id,created_at,amount,status\n';
  let rows = 0;
  const t0 = performance.now();
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < sellers; s++) {
      const day = sims[s].startDay + d;
      for (let p = peek[s]; !p.done && dayOf(p.value.timestamp) <= day; p = peek[s] = its[s].next()) {
        const r = p.value;
        buf += `S${String(s).padStart(4, '0')},${r.id},${r.timestamp},${r.amount},${r.sale ? 'paid' : 'cancelled'}\n`;
        rows++;
        if (buf.length > 1 << 20) {
          writeSync(fd, buf);
          buf = '';
        }
      }
    }
    if (d % 100 === 99) say(`  long file: day ${d + 1}/${days}, ${rows.toLocaleString('en')} rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  writeSync(fd, buf);
  closeSync(fd);
  writeLines(`${path}.complete`, [String(rows)]);
}

const dayOf = (ts) => Math.round(Date.parse(`${ts.slice(0, 10)}T00:00:00Z`) / 86_400_000);

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

const results = [];
const env = { ...process.env, NO_COLOR: '1' };
const load0 = loadavg().map((x) => x.toFixed(2)).join(' ');
say(`bench: work dir ${work}; ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}); load ${load0}`);

let folderPerSeller = null, folderCpuPerSeller = null;
const folder = join(work, `folder-${N}`);
if (only.has('folder') || only.has('peer')) {
  say(`(1) generating ${N} daily sellers in ${folder}`);
  makeFolder(folder, N);
}
if (only.has('folder')) {
  const out = join(work, 'out-folder');
  rmSync(out, { recursive: true, force: true });
  const args = [BIN, 'batch', folder, '--incident', INCIDENT, '--out', out, ...jobsArgs];
  say(`(1) node ${args.slice(1).join(' ')}`);
  const t = timed(process.execPath, args, { env });
  say(`    ${t.stderr.split('\n').at(-1)}`);
  const bytes = folderBytes(folder);
  folderPerSeller = t.wall / N;
  folderCpuPerSeller = t.cpu / N;
  results.push(['(1) `batch <dir>`, ' + N.toLocaleString('en') + ' daily sellers × 14 months', t.wall.toFixed(1), (N / t.wall).toFixed(1) + ' sellers/s',
    (mb(bytes) / t.wall).toFixed(2), t.rss.toFixed(0), (1000 * t.cpu / N).toFixed(1) + ' ms CPU/seller', `exit ${t.status}`]);
}

if (only.has('by')) {
  const long = join(work, `long-${ORDERS}-${BY_SELLERS}.csv`);
  say(`(2) generating ${ORDERS.toLocaleString('en')} orders over ${BY_SELLERS} sellers in ${long}`);
  makeLongOrders(long, BY_SELLERS, ORDERS);
  const out = join(work, 'out-by');
  rmSync(out, { recursive: true, force: true });
  const args = [BIN, 'batch', long, '--by', 'seller', '--incident', INCIDENT, '--out', out, ...jobsArgs];
  say(`(2) node ${args.slice(1).join(' ')}`);
  const t = timed(process.execPath, args, { env });
  say(`    ${t.stderr.split('\n').at(-1)}`);
  const size = statSync(long).size;
  results.push([`(2) \`batch <file> --by seller\`, ${mb(size).toFixed(0)} MB order-level file, ${BY_SELLERS.toLocaleString('en')} sellers`, t.wall.toFixed(1),
    (BY_SELLERS / t.wall).toFixed(1) + ' sellers/s', (mb(size) / t.wall).toFixed(2), t.rss.toFixed(0), (1000 * t.cpu / BY_SELLERS).toFixed(1) + ' ms CPU/seller', `exit ${t.status}`]);
}

if (only.has('estimate')) {
  const file = join(work, `one-${EST_ORDERS}.csv`);
  if (!existsSync(file)) {
    const sim = simulateSeller({ ...designSeller('placebo', 0, 2025).params, incident: '2025-10-01', baselineDays: 304, lossDays: 61, level: EST_ORDERS / 365, cancelRate: 0.03, format: 'orders' }, 5);
    writeLines(file, englishLines(sim, 9));
  }
  const args = [BIN, 'estimate', file, '--incident', '2025-10-01', '--format', 'json'];
  say(`(3) node ${args.slice(1).join(' ')} > /dev/null   (×5, median)`);
  const runs = Array.from({ length: 5 }, () => timed(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })).sort((x, y) => x.wall - y.wall);
  const t = runs[2];
  const size = statSync(file).size;
  results.push([`(3) \`estimate\`, 1-year order export (${EST_ORDERS.toLocaleString('en')} orders, ${mb(size).toFixed(1)} MB), whole process`, t.wall.toFixed(2),
    '', (mb(size) / t.wall).toFixed(2), t.rss.toFixed(0), `${t.cpu.toFixed(2)} s CPU`, `exit ${t.status}`]);
}

let peer = null;
if (only.has('peer')) {
  const limit = a['peer-sellers'] ? +a['peer-sellers'] : N;
  const args = [join(ROOT, 'bench', 'ols_loop.py'), folder, '--baseline-start', WINDOWS.baselineStart, '--baseline-end', WINDOWS.baselineEnd,
    '--incident-start', INCIDENT, '--incident-end', WINDOWS.incidentEnd, '--limit', String(limit)];
  if (!existsSync(PY)) say(`(4) ${PY} missing: run bash /work/shared/peers/install.sh`);
  else {
    say(`(4) ${PY} ${args.join(' ')}`);
    const t = timed(PY, args);
    if (t.status !== 0) say(`    failed: ${t.stderr.slice(-400)}`);
    else {
      peer = { ...JSON.parse(t.stdout), wall: t.wall, cpu: t.cpu, rss: t.rss };
      results.push([`(4) statsmodels OLS loop, one Python process, ${peer.sellers.toLocaleString('en')} of the same sellers`, t.wall.toFixed(1),
        (peer.sellers / t.wall).toFixed(1) + ' sellers/s', '', t.rss.toFixed(0), (1000 * t.cpu / peer.sellers).toFixed(1) + ' ms CPU/seller', `${peer.failed} failed`]);
    }
  }
}

console.log(`loss-calc speed — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} CPUs; load average at the start ${load0}, at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}` +
  ' (above the CPU count other processes shared the machine: compare CPU columns, not wall)\n');
console.log(row(['run', 'wall s', 'throughput', 'MB/s', 'peak RSS MB', 'CPU', 'status']));
console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---']));
for (const r of results) console.log(row(r));
if (peer && folderPerSeller !== null) {
  const ratio = (ours, theirs) => (ours < theirs ? `loss-calc ${(theirs / ours).toFixed(2)}× faster` : `loss-calc ${(ours / theirs).toFixed(2)}× slower`);
  const ms = (s) => `${(1000 * s).toFixed(1)} ms`;
  console.log(`\nper seller, wall: loss-calc ${ms(folderPerSeller)} (all CPUs) vs statsmodels loop ${ms(peer.wall / peer.sellers)} (one process) → ${ratio(folderPerSeller, peer.wall / peer.sellers)}`);
  console.log(`per seller, CPU:  loss-calc ${ms(folderCpuPerSeller)} vs statsmodels loop ${ms(peer.cpu / peer.sellers)} → ${ratio(folderCpuPerSeller, peer.cpu / peer.sellers)}` +
    ` (the loop alone, without interpreter start and imports: ${ms(peer.per_seller)} wall/seller)`);
  console.log(`wall on ${availableParallelism()} idle CPUs, from CPU time: loss-calc ≈ ${(folderCpuPerSeller * N / availableParallelism()).toFixed(0)} s for ${N} sellers; statsmodels loop ≈ ${(peer.cpu / peer.sellers * N).toFixed(0)} s`);
}
if (!a.keep && !a.work) rmSync(work, { recursive: true, force: true });
