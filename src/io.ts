// The only fs writes of the tool: stdout, or a file written atomically (temp + rename).
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from './errors.js';

/**
 * Write text to `path` atomically: a crash leaves the old file or the new one, never half.
 * A symlink is followed (its target is replaced, the link stays). A device, FIFO or socket
 * (`--out /dev/null`, `/dev/stdout`, a named pipe) is written into, never renamed over: a
 * rename would put a regular file in its place, and as root that replaces /dev/null itself.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await realpath(path).catch(() => resolve(path));
  const st = await stat(target).catch(() => null);
  if (st?.isDirectory()) fail('WRITE_FAILED', `cannot write ${path}: it is a directory`);
  if (st && !st.isFile()) {
    try {
      await writeFile(target, data);
      return;
    } catch (e) {
      fail('WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`);
    }
  }
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await makeDirs(dir);
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined); // rm itself fails when the parent is not a directory
    fail('WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`);
  }
}

/**
 * `mkdir -p`, one level at a time: Node's `mkdir(…, { recursive: true })` spins forever where a
 * folder cannot be made under one that exists (`/proc/x`); here the second ENOENT is the error.
 */
async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // a file there fails the write after, with its own message
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
    await makeDirs(dirname(dir));
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** Write to stdout and wait until it is flushed (large JSON through a pipe). */
export function writeStdout(text: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once('drain', done);
  });
}
