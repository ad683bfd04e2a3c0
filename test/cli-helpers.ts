// Run the built binary the way a user does, and capture everything it says.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'loss-calc.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface Run {
  status: number | null;
  /** The signal that ended it (runBin only). */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run `loss-calc …args` (no TTY, no colour) and return exit status and output. */
export function run(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DEBUG: '', ...env },
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'loss-calc-'));
}

/** Write `content` to a file in a fresh temp dir and return its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

/** The binary, asynchronously (several at once); SIGKILL after `killAfter` ms (a minute). */
export function runBin(args: string[], env: Record<string, string> = {}, killAfter = 60_000): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DEBUG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
  });
}

/** Every file below `dir` (hidden ones too) → its bytes, keyed by relative path. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}
