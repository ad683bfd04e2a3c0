// `npm run fuzz`: a large fuzzing campaign over the ingest path (the same generators and oracle as
// test/fuzz-ingest.test.ts, many more cases). Needs the build (`npx tsc -p .`).
//   node bench/fuzz.mjs [--runs 200000] [--estimate-runs 2000] [--seed N] [--only bytes,text,mutated,grouped,estimate] [--hang-ms 10000]
// --runs is the total of ingest cases, split bytes 25 % · text 20 % · mutated 45 % · grouped 10 %;
// --estimate-runs whole estimate() calls on odd series with random options (each ~0.1 s). The seed
// defaults to a random one and is printed, so a failure can be replayed with --seed. On a failure
// fast-check shrinks the input; it is written to bench/out/fuzz-failure-<seed>.bin and the run
// exits 1. stdout: a Markdown summary; stderr: progress.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { estimate } from '../dist/core/estimate.js';
import { MODEL_NAMES } from '../dist/core/models/index.js';
import { ERROR_CODES, LossCalcError } from '../dist/errors.js';
import { MAX_DATE_SPAN_DAYS } from '../dist/ingest/aggregate.js';
import { ingestFile, ingestGrouped } from '../dist/ingest/index.js';
import { bytesArb, checkEstimate, checkOutcome, estimateCaseArb, mutatedExportArb, settle, textArb } from '../test/fuzz-inputs.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values: a } = parseArgs({
  options: {
    runs: { type: 'string', default: '200000' },
    seed: { type: 'string' },
    only: { type: 'string', default: 'bytes,text,mutated,grouped,estimate' },
    'estimate-runs': { type: 'string', default: '2000' },
    'hang-ms': { type: 'string', default: '10000' },
  },
});
const TOTAL = Number(a.runs);
const SEED = a.seed !== undefined ? Number(a.seed) : Math.floor(Math.random() * 2 ** 31);
const HANG_MS = Number(a['hang-ms']);
const DEPS = { LossCalcError, ERROR_CODES, MAX_DATE_SPAN_DAYS };
const TZ = { tz: 'Asia/Seoul' };
const say = (s) => process.stderr.write(`${s}\n`);

const SHARES = { bytes: 0.25, text: 0.2, mutated: 0.45, grouped: 0.1 };
const ARBS = {
  bytes: bytesArb, text: textArb, mutated: mutatedExportArb.map((m) => m.bytes), grouped: mutatedExportArb.map((m) => m.bytes),
  estimate: estimateCaseArb(MODEL_NAMES.filter((m) => m !== 'control')),
};
const only = a.only.split(',').filter((k) => k in ARBS);
const share = only.filter((k) => k in SHARES).reduce((s, k) => s + SHARES[k], 0);
const runsOf = (cat) => (cat === 'estimate' ? Number(a['estimate-runs']) : Math.round((TOTAL * SHARES[cat]) / share));

const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'loss-calc-fuzz-'));
const file = join(dir, 'case.csv');

/** Outcome counts per category: ok, or the error code. */
const tally = {};
const count = (cat, key) => {
  tally[cat] ??= {};
  tally[cat][key] = (tally[cat][key] ?? 0) + 1;
};

async function one(cat, bytes) {
  if (cat === 'estimate') {
    let out;
    try {
      out = { result: estimate(bytes.ing, bytes.opts) };
    } catch (error) {
      out = { error };
    }
    count(cat, out.error ? out.error.code ?? 'UNCODED' : 'ok');
    return checkEstimate(out, DEPS);
  }
  writeFileSync(file, bytes);
  if (cat !== 'grouped') {
    const out = await settle(ingestFile(file, TZ), HANG_MS);
    count(cat, out.error ? out.error.code ?? 'UNCODED' : 'ok');
    return checkOutcome(out, DEPS);
  }
  const out = await settle(ingestGrouped(file, { ...TZ, by: 'seller' }), HANG_MS);
  if (out.error !== undefined) {
    count(cat, out.error.code ?? 'UNCODED');
    return checkOutcome(out, DEPS);
  }
  for (const [seller, r] of out.result) {
    count(cat, r instanceof LossCalcError ? r.code : 'ok');
    const problem = checkOutcome(r instanceof LossCalcError ? { error: r } : { result: r }, DEPS);
    if (problem) return `seller ${JSON.stringify(seller.slice(0, 60))}: ${problem}`;
  }
  return null;
}

say(`fuzz: ${only.map((c) => `${c} ${runsOf(c).toLocaleString('en-US')}`).join(', ')}; seed ${SEED}, files in ${dir}`);
const t0 = Date.now();
let failed = false;
const rows = [];
try {
  for (const cat of only) {
    const numRuns = runsOf(cat);
    const c0 = Date.now();
    let done = 0;
    const details = await fc.check(
      fc.asyncProperty(ARBS[cat], async (bytes) => {
        if (++done % 10_000 === 0) say(`  ${cat}: ${done.toLocaleString('en-US')} / ${numRuns.toLocaleString('en-US')}`);
        const problem = await one(cat, bytes);
        if (problem) throw new Error(problem);
      }),
      { numRuns, seed: SEED },
    );
    const secs = (Date.now() - c0) / 1000;
    rows.push(`| ${cat} | ${numRuns.toLocaleString('en-US')} | ${secs.toFixed(0)} s | ${details.failed ? '**FAILED**' : 'ok'} | ${Object.entries(tally[cat] ?? {}).sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ')} |`);
    if (details.failed) {
      failed = true;
      const [input] = details.counterexample;
      mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
      const saved = join(ROOT, 'bench', 'out', `fuzz-failure-${SEED}-${cat}.${cat === 'estimate' ? 'json' : 'bin'}`);
      writeFileSync(saved, cat === 'estimate' ? JSON.stringify(input, null, 1) : input);
      say(`FAILED (${cat}): ${details.errorInstance?.message ?? details.error}\n  shrunk input saved to ${saved}; replay: node bench/fuzz.mjs --seed ${SEED} --only ${cat}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const total = only.reduce((s, c) => s + runsOf(c), 0);
console.log(`Fuzz campaign: seed ${SEED}, ${total.toLocaleString('en-US')} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s (node ${process.version})

| inputs | cases | time | result | outcomes (per seller for grouped; ok = a series, or for estimate a claim) |
|---|---|---|---|---|
${rows.join('\n')}`);
if (failed) process.exitCode = 1;
