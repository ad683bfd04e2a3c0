// `npm run bench:huge`: one `estimate` over an order-level export of ≥ 2 GB, generated on the fly
// into a temp file (never committed, deleted afterwards), timed as a whole process.
//   node bench/huge.mjs [--size-gb 2.2] [--dir /tmp] [--keep] [--eol lf|crlf]
// Reports MB/s (file bytes / wall seconds of the whole process) and peak RSS (the kernel's
// high-water mark, from /usr/bin/time -v when present, else from process.resourceUsage() in
// the child). Checks that nothing was lost: the claim's row counts equal what was generated.
// stdout: a Markdown block for bench/PERFORMANCE.md; stderr: progress.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'loss-calc.js');
const INCIDENT = '2025-11-29';
const FIRST = Date.UTC(2024, 10, 29); // 2024-11-29: a 365-day baseline before the incident
const DAYS = 426; // … and 61 days after it
const RSS_TARGET_MB = 256;

const { values: a } = parseArgs({
  options: {
    'size-gb': { type: 'string', default: '2.2' }, // > 2 GiB (2.147 GB)
    dir: { type: 'string', default: tmpdir() },
    keep: { type: 'boolean', default: false },
    eol: { type: 'string', default: 'lf' },
  },
});
const target = Math.round(Number(a['size-gb']) * 1e9);
const EOL = a.eol === 'crlf' ? '\r\n' : '\n';
const say = (s) => process.stderr.write(`${s}\n`);

/** Deterministic 32-bit LCG (Numerical Recipes), so every run writes the same bytes. */
let state = 12345;
const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);

const pad = (n, w = 2) => String(n).padStart(w, '0');
const STATUS = ['배송완료', '구매확정', '결제완료', '배송중'];
const PRODUCTS = ['무선 이어폰', '텀블러 500ml', '캠핑 의자', '"특가" 세트, 2개', '키보드'];

/**
 * Write an order-level export of about `bytes` bytes: header 주문번호,주문일시,상품명,수량,결제금액,주문상태;
 * rows in time order over DAYS days, 1–2 lines per order, ~3 % cancelled/refunded. Returns what was written.
 */
function generate(path, bytes) {
  const fd = openSync(path, 'w');
  // orders a day from the measured size of a line (~78 bytes, 1.3 lines an order) and the
  // days' weights (the loss window has 60 % of the orders), with 1 % to spare: ≥ `bytes` written
  const lossDays = DAYS - Math.round((Date.parse(INCIDENT) - FIRST) / 86_400_000);
  const perDay = Math.ceil((bytes * 1.01) / 77.7 / 1.3 / (DAYS - lossDays + 0.6 * lossDays));
  let written = 0, rows = 0, skipped = 0, orderNo = 0;
  let buf = `주문번호,주문일시,상품명,수량,결제금액,주문상태${EOL}`;
  const flush = () => {
    writeSync(fd, buf);
    written += Buffer.byteLength(buf);
    buf = '';
  };
  for (let d = 0; d < DAYS && written < bytes; d++) {
    const date = new Date(FIRST + d * 86_400_000).toISOString().slice(0, 10);
    const n = Math.round(perDay * (date >= INCIDENT ? 0.6 : 1) * (0.85 + 0.3 * rand()));
    for (let k = 0; k < n; k++) {
      const sec = Math.floor((k / n) * 86_400);
      const when = `${date} ${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;
      const id = `2025${pad(++orderNo, 10)}`;
      const lines = rand() < 0.3 ? 2 : 1;
      const r = rand();
      const status = r < 0.02 ? '취소완료' : r < 0.03 ? '환불완료' : STATUS[Math.floor(rand() * STATUS.length)];
      for (let j = 0; j < lines; j++) {
        const qty = 1 + Math.floor(rand() * 3);
        const amount = (qty * (5 + Math.floor(rand() * 300)) * 100).toLocaleString('en-US');
        const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
        buf += `${id},${when},${product.includes(',') ? `"${product.replace(/"/g, '""')}"` : product},${qty},"₩${amount}",${status}${EOL}`;
        rows++;
        if (status === '취소완료' || status === '환불완료') skipped++;
      }
      if (buf.length > 1 << 20) flush();
    }
  }
  flush();
  closeSync(fd);
  return { bytes: written, rows, skipped };
}

/** Run the CLI timed: wall seconds, peak RSS (MB), exit status and stderr. */
function timedRun(args) {
  // the preload prints the child's own high-water mark, so the figure exists without /usr/bin/time too
  const probe = "process.on('exit',()=>process.stderr.write('@@maxrss '+process.resourceUsage().maxRSS+'\\n'))";
  const nodeArgs = ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, BIN, ...args];
  const useTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...nodeArgs], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const selfRss = /@@maxrss (\d+)/.exec(r.stderr);
  const rssKb = timeRss ? +timeRss[1] : selfRss ? +selfRss[1] : NaN;
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr), sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpu = user && sys ? +user[1] + +sys[1] : NaN;
  const stderr = r.stderr.split('\n').filter((l) => l.startsWith('loss-calc')).join('\n');
  return { wall, cpu, rss: rssKb / 1024, status: r.status, stderr, via: timeRss ? '/usr/bin/time -v' : 'process.resourceUsage()' };
}

const dir = mkdtempSync(join(a.dir, 'loss-calc-huge-'));
const file = join(dir, 'huge-orders.csv');
const out = join(dir, 'claim.json');
try {
  const fs = statfsSync(a.dir);
  const free = fs.bavail * fs.bsize;
  if (free < target * 1.2) throw new Error(`only ${(free / 1e9).toFixed(1)} GB free in ${a.dir}; need ${(target * 1.2 / 1e9).toFixed(1)} GB`);
  say(`generating ${(target / 1e9).toFixed(2)} GB in ${file} …`);
  const g0 = Date.now();
  const gen = generate(file, target);
  say(`  ${gen.rows.toLocaleString('en-US')} rows, ${(gen.bytes / 1e9).toFixed(3)} GB in ${((Date.now() - g0) / 1000).toFixed(0)} s`);
  const args = ['estimate', file, '--incident', INCIDENT, '--format', 'json', '--out', out];
  say(`running loss-calc ${args.join(' ')} …`);
  const before = loadavg()[0].toFixed(1);
  const r = timedRun(args);
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  const claim = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = Object.values(claim.input.rowsSkipped).reduce((s, n) => s + n, 0);
  const intact = claim.input.rows === gen.rows && skipped === gen.skipped && claim.input.rowsUsed === gen.rows - gen.skipped;
  const size = statSync(file).size;
  const mbps = size / 1e6 / r.wall;
  const cmd = `node bench/huge.mjs --size-gb ${a['size-gb']}${a.eol === 'crlf' ? ' --eol crlf' : ''}`;
  console.log(`| file | rows | wall | CPU (user+sys) | throughput (wall) | throughput (per CPU-second) | peak RSS | rows intact |
|---|---|---|---|---|---|---|---|
| ${(size / 1e9).toFixed(2)} GB order-level CSV (UTF-8, ${a.eol.toUpperCase()}) | ${gen.rows.toLocaleString('en-US')} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | **${mbps.toFixed(0)} MB/s** | ${(size / 1e6 / r.cpu).toFixed(0)} MB/s | **${r.rss.toFixed(0)} MB** (target ≤ ${RSS_TARGET_MB}) | ${intact ? 'yes' : 'NO'} (rows ${claim.input.rows}, used ${claim.input.rowsUsed}, skipped ${skipped}) |

Command: \`${cmd}\` → \`node bin/loss-calc.js ${args.map((x) => x.replace(dir, '$TMP')).join(' ')}\`, peak RSS via ${r.via};
node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, load average before the run ${before}. Lost orders ${claim.totals.orders.lost} (the generator cut orders by 40 % from the incident).`);
  if (!intact || r.rss > RSS_TARGET_MB) process.exitCode = 1;
} finally {
  if (!a.keep) rmSync(dir, { recursive: true, force: true });
  else say(`kept ${dir}`);
}
