// Fuzzing the whole ingest path (bytes → encoding → dialect → header → rows → daily series):
// arbitrary bytes, arbitrary text in every encoding, and valid exports mutated (quotes,
// delimiters, BOMs, encodings, truncation, long lines, NUL bytes, mixed line endings, duplicate
// headers, extra and missing cells). Every input must end in a sane series or a LossCalcError
// with a known code (never INTERNAL) whose message names the line when a row is at fault —
// never another exception or a hang. 10,000+ cases on a fixed seed (FUZZ_SEED to vary it; a
// bigger campaign: `npm run fuzz`). Files go to /dev/shm when there is one: a case costs ~1 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, LossCalcError } from '../src/errors.js';
import { MAX_DATE_SPAN_DAYS } from '../src/ingest/aggregate.js';
import { ingestFile, ingestGrouped } from '../src/ingest/index.js';
import { BIN, ROOT, runBin } from './cli-helpers.js';
import { bytesArb, checkOutcome, mutatedExportArb, settle, textArb } from './fuzz-inputs.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20251129);
const DEPS = { LossCalcError, ERROR_CODES, MAX_DATE_SPAN_DAYS };
const TZ = { tz: 'Asia/Seoul' };
const HANG_MS = 5000;
const base = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').isDirectory() ? '/dev/shm' : os.tmpdir();
const DIR = fs.mkdtempSync(path.join(base, 'loss-calc-fuzz-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** Every case counted, to report the total. */
const runs: Record<string, number> = {};

/** Write `bytes` to one reused file and ingest it; returns what is wrong, or null. */
async function ingestCase(name: string, bytes: Uint8Array, grouped = false): Promise<string | null> {
  runs[name] = (runs[name] ?? 0) + 1;
  const p = path.join(DIR, `${name}.csv`);
  fs.writeFileSync(p, bytes);
  if (!grouped) return checkOutcome(await settle(ingestFile(p, TZ), HANG_MS), DEPS);
  const out = await settle(ingestGrouped(p, { ...TZ, by: 'seller' }), HANG_MS);
  if (out.error !== undefined) return checkOutcome(out, DEPS);
  for (const [seller, r] of out.result as Map<string, unknown>) {
    const problem = checkOutcome(r instanceof LossCalcError ? { error: r } : { result: r }, DEPS);
    if (problem) return `seller ${JSON.stringify(seller)}: ${problem}`;
  }
  return null;
}

/** fast-check over an async property that returns a problem string or null. */
async function fuzz<T>(arb: fc.Arbitrary<T>, numRuns: number, check: (v: T) => Promise<string | null>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async (v) => {
      const problem = await check(v);
      if (problem) throw new Error(problem);
    }),
    { numRuns, seed: SEED, endOnFailure: false },
  );
}

describe('fuzzing ingest', { timeout: 120_000 }, () => {
  it('arbitrary bytes: 2,500 cases', async () => {
    await fuzz(bytesArb, 2500, (b) => ingestCase('bytes', b));
  });

  it('arbitrary text in UTF-8, UTF-8+BOM, UTF-16 LE/BE and CP949: 2,000 cases', async () => {
    await fuzz(textArb, 2000, (b) => ingestCase('text', b));
  });

  it('valid exports with up to 4 mutations: 4,500 cases', async () => {
    await fuzz(mutatedExportArb, 4500, (m) => ingestCase('mutated', m.bytes));
  });

  it('the same mutated exports split by seller (ingestGrouped, as batch --by): 1,000 cases', async () => {
    await fuzz(mutatedExportArb, 1000, (m) => ingestCase('grouped', m.bytes, true));
  });

  it('a few mutated exports through the built binary: a claim or `loss-calc: CODE:`, never a stack trace', async () => {
    const samples = fc.sample(mutatedExportArb, { numRuns: 6, seed: SEED });
    const results = await Promise.all(samples.map((m, i) => {
      const p = path.join(DIR, `bin-${i}.csv`);
      fs.writeFileSync(p, m.bytes);
      return runBin(['estimate', p, '--incident', '2025-03-10', '--format', 'json', '--model', 'trend']);
    }));
    runs.binary = results.length;
    for (const r of results) {
      expect(r.stderr).not.toMatch(/\n\s+at |INTERNAL/);
      if (r.status === 0) expect(JSON.parse(r.stdout).schema).toBe('loss-calc/claim@1');
      else {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^loss-calc: [A-Z_]+: /);
        expect([1, 2]).toContain(r.status);
      }
    }
  });

  it('counted at least 10,000 generated cases', () => {
    const total = Object.values(runs).reduce((s, n) => s + n, 0);
    expect(total, JSON.stringify(runs)).toBeGreaterThanOrEqual(10_000);
  });
});

