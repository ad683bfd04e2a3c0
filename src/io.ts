// The only fs writes of the tool: stdout, or a file written atomically (temp + rename).
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from './errors.js';

/** Write text to `path` atomically: a crash leaves the old file or the new one, never half. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined); // rm itself fails when the parent is not a directory
    fail('WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Write to stdout and wait until it is flushed (large JSON through a pipe). */
export function writeStdout(text: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once('drain', done);
  });
}
