// The machine-readable contract: JSON Schema generated from the zod schemas validates real
// claims (Ajv, draft 2020-12) and so does zod itself; the summary row schema matches DESIGN;
// `loss-calc schema` prints the same; README.md documents every field.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { claimSchema } from '../src/core/claim.js';
import { RENDERERS } from '../src/render/index.js';
import { jsonSchemaOf } from '../src/render/json-schema.js';
import { BATCH_SUMMARY_COLUMNS, failedRow, lostPct, summaryRowOf, summaryRowSchema } from '../src/render/summary-schema.js';
import { opts, simClaim, type SimClaimOptions } from './render-helpers.js';

const ROOT = join(import.meta.dirname, '..');
const CASES: SimClaimOptions[] = [
  {}, { margin: 0.3 }, { design: 'weekend-heavy', i: 2, seed: 5 }, { design: 'holiday-window', i: 1, seed: 3, holidays: 'none' },
  { design: 'yearly-peak', i: 0, seed: 1, margin: 0.25 },
];

const validator = (schema: object) => new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

describe('claim JSON Schema', () => {
  const open = validator(jsonSchemaOf('claim'));
  const strict = validator(jsonSchemaOf('claim', { strict: true }));

  it('is draft 2020-12 with an id and a title', () => {
    const s = jsonSchemaOf('claim');
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.title).toBe('loss-calc/claim@1');
    expect(s.$id).toBe('urn:loss-calc:claim@1');
  });

  for (const c of CASES) {
    it(`validates a real claim (${JSON.stringify(c)}) as written by --format json, with Ajv and with zod`, () => {
      const written = JSON.parse(RENDERERS.json(simClaim(c), opts()));
      expect(open(written), JSON.stringify(open.errors)).toBe(true);
      // strict: no field the zod schema does not declare slipped into the output
      expect(strict(written), JSON.stringify(strict.errors)).toBe(true);
      expect(claimSchema.safeParse(written).success).toBe(true);
    });
  }

  it('rejects claims that break the contract', () => {
    const good = JSON.parse(RENDERERS.json(simClaim(), opts()));
    const bad = [
      { ...good, schema: 'loss-calc/claim@2' },
      { ...good, totals: undefined },
      { ...good, daily: [{ ...good.daily[0], date: '29/11/2025' }] },
      { ...good, input: { ...good.input, kind: 'weekly' } },
      { ...good, level: '0.95' },
    ];
    for (const b of bad) {
      expect(open(b)).toBe(false);
      expect(claimSchema.safeParse(b).success).toBe(false);
    }
  });

  it('is open to fields a later claim@1 adds (strict mode is for tests only)', () => {
    const later = { ...JSON.parse(RENDERERS.json(simClaim(), opts())), someFutureField: { date: '2025-12-20' } };
    expect(open(later)).toBe(true);
    expect(strict(later)).toBe(false);
  });
});

describe('summary row schema', () => {
  const check = validator(jsonSchemaOf('summary'));

  it('has exactly the columns of DESIGN §4 "Batch outputs", in order', () => {
    expect(BATCH_SUMMARY_COLUMNS).toEqual([
      'seller', 'status', 'model', 'lost_orders', 'lost_orders_lower', 'lost_orders_upper', 'lost_revenue',
      'lost_revenue_lower', 'lost_revenue_upper', 'lost_profit', 'lost_pct', 'warnings', 'error',
    ]);
  });

  it('validates rows built from real claims and failure rows, with Ajv and zod', () => {
    const rows = [...CASES.map((c) => summaryRowOf(simClaim(c))), failedRow('s9', 'insufficient-data', 'BASELINE_TOO_SHORT: 10 days'), failedRow('s8', 'failed', 'BAD_CSV: x')];
    for (const r of rows) {
      expect(check(r), JSON.stringify(check.errors)).toBe(true);
      expect(summaryRowSchema.parse(r)).toEqual(r);
    }
    const c = simClaim({ margin: 0.3 });
    const r = summaryRowOf(c);
    expect(r.lost_revenue).toBe(c.totals.revenue.lost);
    expect(r.lost_profit).toBe(c.totals.profit!.lost);
    expect(r.lost_pct).toBe(lostPct(c.totals.revenue.lost, c.totals.revenue.expected));
    expect(check({ ...r, status: 'skipped' })).toBe(false);
  });

  it('lostPct is a percentage with one decimal, null when undefined', () => {
    expect(lostPct(236, 1000)).toBe(23.6);
    expect(lostPct(5, 0)).toBeNull();
    expect(lostPct(null, 10)).toBeNull();
  });
});

describe('loss-calc schema (built CLI)', () => {
  const bin = join(ROOT, 'bin', 'loss-calc.js');
  const built = existsSync(join(ROOT, 'dist', 'commands', 'schema.js'));
  it.skipIf(!built)('prints the generated schemas; an unknown name is a usage error (exit 2)', () => {
    for (const name of ['claim', 'summary'] as const) {
      const r = spawnSync(process.execPath, [bin, 'schema', name], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(jsonSchemaOf(name));
    }
    expect(JSON.parse(spawnSync(process.execPath, [bin, 'schema'], { encoding: 'utf8' }).stdout).title).toBe('loss-calc/claim@1');
    const bad = spawnSync(process.execPath, [bin, 'schema', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^loss-calc: USAGE: /);
  });
});

describe('README.md', () => {
  /** Every property path of a JSON Schema: `a`, `a.b`, `a[].c`. */
  const paths = (s: Record<string, unknown>, prefix = ''): string[] => {
    const out: string[] = [];
    const props = (s.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [k, v] of Object.entries(props)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p, ...paths(v, p));
    }
    if (s.items) out.push(...paths(s.items as Record<string, unknown>, `${prefix}[]`));
    for (const alt of (s.anyOf ?? []) as Record<string, unknown>[]) out.push(...paths(alt, prefix));
    return out;
  };
  // per-metric blocks are documented once as <metric>
  const generic = (p: string) => p.replace(/^(totals|significance|model\.calibration)\.(orders|revenue|profit)\b/, '$1.<metric>');

  it('documents every field of the claim and of the summary row', () => {
    const doc = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = [...paths(jsonSchemaOf('claim')), ...paths(jsonSchemaOf('summary'))]
      .map(generic).filter((p) => !doc.includes(`\`${p}\``));
    expect(missing).toEqual([]);
  });
});
