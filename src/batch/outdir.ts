// Keeping --out DIR honest across runs: a folder never shows a summary that does not match
// its claims (an old one is removed before the run starts), and a complete run leaves no
// outputs of sellers it did not have. Only files provably written by loss-calc are removed:
// summaries by their schema tag or header, claims and reports by the sha256 in their sidecar.
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilePath } from '../ingest/index.js';
import { BATCH_SUMMARY_COLUMNS } from '../render/summary-schema.js';
import { sellerPaths, sha256, STATE_DIR, type SellerState } from './state.js';

/** What identifies each run-level file as ours, from its first bytes. */
const RUN_FILES: Record<string, (head: string) => boolean> = {
  'summary.json': (h) => h.includes('"schema": "loss-calc/batch-summary@'),
  'summary.csv': (h) => h.replace(/^\uFEFF/, '').startsWith(`${BATCH_SUMMARY_COLUMNS.join(',')}\n`),
  'index.html': (h) => h.includes('<meta name="generator" content="loss-calc '),
};

/** Whether `path` is a summary.json loss-calc wrote (its schema tag in the first bytes). */
export async function isOurSummary(path: FilePath): Promise<boolean> {
  return RUN_FILES['summary.json'](await head(path));
}

/** Remove the previous run's summary.json, summary.csv and index.html (when ours), before any claim changes. */
export async function clearRunFiles(dir: string): Promise<void> {
  for (const [name, ours] of Object.entries(RUN_FILES)) {
    const path = join(dir, name);
    if (ours(await head(path))) await rm(path, { force: true });
  }
}

/** The first bytes of a regular file as text ('' when missing or not a file: a FIFO is never opened). */
async function head(path: FilePath, n = 1024): Promise<string> {
  try {
    if (!(await stat(path)).isFile()) return '';
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

/**
 * After a complete run: the outputs of sellers not in it (a sidecar whose name this run did not
 * use). A claim or report goes only when its bytes still match the sidecar's hash (a file the
 * user edited stays); the sidecar goes with them. Returns the seller ids whose outputs went.
 */
export async function sweepStale(dir: string, used: Set<string>): Promise<string[]> {
  const names = await readdir(join(dir, STATE_DIR)).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const file of names.filter((n) => n.endsWith('.json')).sort()) {
    const name = file.slice(0, -'.json'.length);
    if (used.has(name)) continue;
    const paths = sellerPaths(dir, name);
    let s: SellerState;
    try {
      s = JSON.parse(await readFile(paths.state, 'utf8')) as SellerState;
    } catch {
      continue; // not a sidecar we can read: nothing proves the files are ours
    }
    if (typeof s?.claim !== 'string' || typeof s.seller !== 'string') continue;
    // an edited claim or report stays, and so does the sidecar that names it
    const claim = await removeIfHash(paths.claim, s.claim);
    const html = typeof s.html === 'string' ? await removeIfHash(paths.html, s.html) : 'missing';
    if (claim === 'kept' || html === 'kept') continue;
    await rm(paths.state, { force: true });
    removed.push(s.seller);
  }
  return removed;
}

/** Remove `path` when its sha256 is `hash`: 'removed', 'missing' (nothing there) or 'kept' (other bytes). */
export async function removeIfHash(path: string, hash: string): Promise<'removed' | 'missing' | 'kept'> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) return 'missing';
  if (sha256(bytes) !== hash) return 'kept';
  await rm(path, { force: true });
  return 'removed';
}
