// estimate() on series of odd shapes (all zeros, constant, spiky, values near 2^53, sparse, unknown
// days, one metric, weekly/monthly rows) with random options: a claim with finite totals and
// lower ≤ upper, or a coded error — never an uncoded exception. Each case is a whole estimate,
// so npm test runs 30 (a larger run: `npm run fuzz -- --estimate-runs 2000`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../src/core/estimate.js';
import { MODEL_NAMES } from '../src/core/models/index.js';
import type { Ingested } from '../src/core/types.js';
import { ERROR_CODES, LossCalcError } from '../src/errors.js';
import { MAX_DATE_SPAN_DAYS } from '../src/ingest/aggregate.js';
import { checkEstimate, estimateCaseArb } from './fuzz-inputs.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20251129);
const DEPS = { LossCalcError, ERROR_CODES, MAX_DATE_SPAN_DAYS };

describe('fuzzing estimate()', () => {
  it('30 odd series with random options: a sane claim or a coded error', { timeout: 120_000 }, () => {
    const outcomes: Record<string, number> = {};
    fc.assert(
      fc.property(estimateCaseArb(MODEL_NAMES.filter((m) => m !== 'control')), ({ ing, opts }) => {
        let outcome: { result?: unknown; error?: unknown };
        try {
          outcome = { result: estimate(ing as Ingested, opts as Parameters<typeof estimate>[1]) };
        } catch (error) {
          outcome = { error };
        }
        const key = outcome.error ? ((outcome.error as LossCalcError).code ?? 'uncoded') : 'ok';
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        const problem = checkEstimate(outcome, DEPS);
        if (problem) throw new Error(problem);
      }),
      { numRuns: 30, seed: SEED },
    );
    expect(outcomes.ok, JSON.stringify(outcomes)).toBeGreaterThan(0);
  });
});
