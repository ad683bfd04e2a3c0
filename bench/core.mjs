// `npm run bench:core`: CPU per seller of the estimate alone (warm, one thread), without
// file reading or process start — the figure batch speed hangs on; and, beside it, of reading
// a seller's file (ingestFile, warm: a second pass over the same files).
//   node bench/core.mjs [--sellers 200] [--warmup 20] [--model auto] [--out claims.ndjson]
// Sellers are the speed benchmark's (bench/speed.mjs): daily designs, 365-day baseline,
// 61-day loss window. `--out` writes every claim (one JSON per line) to compare runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { estimate } from '../dist/core/estimate.js';
import { coreOptions } from '../dist/commands/estimate.js';
import { estimateOptionsSchema } from '../dist/options.js';
import { ingestFile } from '../dist/ingest/index.js';
import { dailyLines, designSeller, simulateSeller, writeLines } from '../dist/sim/index.js';

const { values: a } = parseArgs({
  options: {
    sellers: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    model: { type: 'string', default: 'auto' },
    out: { type: 'string' },
  },
});
const DESIGNS = ['weekday-heavy', 'weekend-heavy', 'growing', 'shrinking', 'gaps', 'holiday-window', 'placebo'];
const INCIDENT = '2025-11-29';

const dir = mkdtempSync(join(tmpdir(), 'loss-calc-core-'));

/** The same sellers as bench/speed.mjs's folder, written as the daily CSV files it reads. */
async function seller(i) {
  const name = DESIGNS[i % DESIGNS.length];
  const { params } = designSeller(name, Math.floor(i / DESIGNS.length), 2025);
  const s = simulateSeller({ ...params, incident: INCIDENT, baselineDays: 365, lossDays: 61, format: 'daily' }, 1000 + i);
  const file = join(dir, `seller-${i}.csv`);
  writeLines(file, dailyLines(s));
  return file;
}

const n = +a.sellers;
const warm = +a.warmup;
const o = estimateOptionsSchema.parse({ incident: INCIDENT, model: a.model });
const files = [];
for (let i = 0; i < n; i++) files.push(await seller(i));
for (const f of files) await ingestFile(f, {}); // warm-up
const data = [];
const i0 = process.cpuUsage();
for (const f of files) data.push(await ingestFile(f, {}));
const ingestMs = cpuMs(process.cpuUsage(i0)) / n;
rmSync(dir, { recursive: true, force: true });
for (let i = 0; i < warm; i++) estimate(data[i % n], coreOptions(o, `seller-${i}`));
const claims = [];
const t0 = process.cpuUsage();
const w0 = performance.now();
for (let i = 0; i < n; i++) claims.push(estimate(data[i], coreOptions(o, `seller-${i}`)));
const cpu = process.cpuUsage(t0);
const wall = performance.now() - w0;
if (a.out) writeFileSync(a.out, claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
const ms = cpuMs(cpu) / n;
console.log(`estimate core, --model ${a.model}: ${n} sellers, ${ms.toFixed(2)} ms CPU/seller (${(wall / n).toFixed(2)} ms wall), node ${process.version}`);
console.log(`reading the sellers' files (ingestFile, warm): ${ingestMs.toFixed(2)} ms CPU/file`);

function cpuMs(c) {
  return (c.user + c.system) / 1000;
}
