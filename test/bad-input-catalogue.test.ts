// The bad-input catalogue (test/bad-inputs/index.json) through the built binary: each input gets
// its coded error and exit status — `loss-calc: CODE: message` on stderr naming the lines at
// fault, nothing on stdout, no stack trace — or, for the tricky-but-valid ones, a claim.
// Large inputs (a 3 MB line, a field over 1 MiB, 64 KB of UTF-8 then CP949), a directory, an
// unreadable file and links are made at test time; nothing large is committed.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, EXIT, type ErrorCode } from '../src/errors.js';
import { BIN, ROOT, runBin, tempDir } from './cli-helpers.js';

interface Case {
  name: string;
  file?: string;
  make?: string;
  argv?: string[];
  code: ErrorCode | null;
  status: number;
  message?: string;
  skipAsRoot?: boolean;
}

const DIR = path.join(ROOT, 'test', 'bad-inputs');
const { cases } = JSON.parse(fs.readFileSync(path.join(DIR, 'index.json'), 'utf8')) as { cases: Case[] };
const DEFAULT_ARGV = ['estimate', '{file}', '--incident', '2025-03-15', '--model', 'trend', '--format', 'csv'];
const isRoot = process.getuid?.() === 0;
let tmp: string;

/** Build a `make` input in tmp; returns its path. */
function make(c: Case): string {
  const p = path.join(tmp, `${c.make}.csv`);
  switch (c.make) {
    case 'field-1mib':
      fs.writeFileSync(p, `date,memo,amount\n2025-01-01,"${'x'.repeat(1_100_000)}",1000\n`);
      return p;
    case 'line-3mb':
      fs.writeFileSync(p, `date,amount\n2025-01-01,${'1'.repeat(3_000_000)}\n`);
      return p;
    case 'utf8-then-cp949': {
      const rows = Array.from({ length: 2500 }, (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, '0')},"₩1,000",결제완료`);
      fs.writeFileSync(p, Buffer.concat([Buffer.from(`date,amount,status\n${rows.join('\n')}\n`), iconv.encode('2025-01-02,1000,취소완료\n', 'cp949')]));
      return p;
    }
    case 'dir':
      fs.mkdirSync(path.join(tmp, 'a-folder.csv'));
      return path.join(tmp, 'a-folder.csv');
    case 'unreadable':
      fs.writeFileSync(p, fs.readFileSync(path.join(DIR, 'ok-daily.csv')));
      fs.chmodSync(p, 0o000);
      return p;
    case 'missing':
      return path.join(tmp, 'no-such-file.csv');
    case 'symlink-out':
      return path.join(DIR, c.file!);
    default:
      throw new Error(`unknown make: ${c.make}`);
  }
}


/** Run every case, three processes at a time; results by case name. */
const results = new Map<string, { status: number | null; stdout: string; stderr: string }>();
beforeAll(async () => {
  tmp = tempDir();
  const todo = cases.filter((c) => !(c.skipAsRoot && isRoot));
  const argvOf = (c: Case) => {
    const file = c.make ? make(c) : path.join(DIR, c.file!);
    let out = '';
    if (c.make === 'symlink-out') {
      out = path.join(tmp, 'link-to-input.csv');
      fs.symlinkSync(file, out);
    }
    return (c.argv ?? DEFAULT_ARGV).map((a) => a.replace('{file}', file).replace('{dir}', DIR).replace('{out}', out));
  };
  const queue = todo.map((c) => [c.name, argvOf(c)] as const);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) results.set(job[0], await runBin(job[1]));
  };
  await Promise.all([worker(), worker(), worker()]);
}, 180_000);
afterAll(() => {
  const unreadable = path.join(tmp, 'unreadable.csv');
  if (fs.existsSync(unreadable)) fs.chmodSync(unreadable, 0o600);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the bad-input catalogue', () => {
  it('holds at least 30 bad inputs, each with a known code whose exit status is the contract\'s', () => {
    const bad = cases.filter((c) => c.code !== null);
    expect(bad.length).toBeGreaterThanOrEqual(30);
    for (const c of bad) {
      expect(Object.keys(ERROR_CODES), c.name).toContain(c.code);
      expect(EXIT[ERROR_CODES[c.code!]], c.name).toBe(c.status);
    }
    for (const c of cases) if (c.file) expect(fs.statSync(path.join(DIR, c.file)).size, c.file).toBeLessThan(16 * 1024); // each small
  });

  for (const c of cases) {
    const skip = c.skipAsRoot && isRoot;
    it.skipIf(skip)(`${c.name} → ${c.code ?? 'read'} (exit ${c.status})${skip ? ' [skipped as root: root reads any file]' : ''}`, () => {
      const r = results.get(c.name)!;
      expect(r.stderr).not.toMatch(/\n\s+at |INTERNAL/);
      if (c.code === null) {
        expect(r.stderr).toBe('');
        expect(r.stdout.split('\n')[0]).toMatch(/^seller,incident_start,/);
      } else {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`^loss-calc: ${c.code}: `));
        if (c.message) expect(r.stderr.split('\n')[0]).toMatch(new RegExp(c.message));
      }
      expect(r.status, r.stderr).toBe(c.status);
    });
  }

  it('left the input behind every --out refusal untouched', () => {
    expect(fs.readFileSync(path.join(DIR, 'ok-daily.csv'), 'utf8')).toMatch(/^date,orders,revenue\n2025-01-01,/);
    expect(fs.lstatSync(path.join(tmp, 'link-to-input.csv')).isSymbolicLink()).toBe(true);
  });
});
