// Which files of a folder are sellers, and their ids. Sorted, so every run (and every
// --jobs) sees the same sellers in the same order. Nothing that looks like a seller's export
// is dropped without a word: it is a seller (maybe a failed one), or it is listed as skipped.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fail, type ErrorCode } from '../errors.js';
import { decodeName, type FilePath } from '../ingest/index.js';
import { REFUSED_EXTENSIONS, unsupported } from '../ingest/xlsx-container.js';
import { isOurSummary } from './outdir.js';

/**
 * File extensions read as one seller each (case-insensitive). `.txt` is Excel's "Unicode text"
 * export (UTF-16, tab-separated); ingest sniffs the content, whatever the extension.
 */
export const SELLER_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

/** Spreadsheet formats a seller may have exported that ingest refuses with a coded error: they get a `failed` row, as in `estimate`. */
export const REFUSED_SELLER_EXTENSIONS = Object.keys(REFUSED_EXTENSIONS);

/** A seller file found in the folder. */
export interface SellerFile {
  /** Seller id: the path below the folder without the extension, `/`-separated (`north/shop-1`). */
  seller: string;
  /** Where to open it: text, or raw bytes when a name is not valid UTF-8. */
  path: FilePath;
  /** Why it cannot be read at all (a broken link, a FIFO), found while listing. */
  error?: { code: ErrorCode; message: string };
}

/** A non-hidden entry that is not a seller, and why (for the stderr notice and summary.json). */
export interface SkippedFile {
  file: string;
  reason: 'not a seller file' | 'a loss-calc output folder' | 'a sub-folder (add --recursive)' | 'the --manifest file' | 'an Excel lock file (the file is open in Excel)';
}

/** What a folder holds. */
export interface Discovered {
  sellers: SellerFile[];
  skipped: SkippedFile[];
}

/** Code-unit order, the same in every locale: `byCodeUnits('B', 'a') < 0`. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a file name's extension makes it a seller's export (read, or refused with a code). */
export function looksLikeSeller(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return (SELLER_EXTENSIONS as readonly string[]).includes(ext) || REFUSED_SELLER_EXTENSIONS.includes(ext);
}

/** Names a batch writes besides claims: never sellers when they sit in a loss-calc output folder. */
const OUTPUT_FILES = new Set(['summary.csv', 'summary.json', 'index.html']);

/**
 * The seller files of `dir` (sub-folders too with `recursive`, symlinked ones followed once
 * each), sorted by seller id. Hidden files and folders (`.x`), anything under `skip` (the
 * output folder), the `manifest` file and earlier loss-calc output folders are left out. Two files with the same
 * stem (`a.csv`, `a.tsv`) keep their extension in the id so ids stay unique.
 */
export async function discoverSellers(dir: string, opts: { recursive: boolean; skip?: string; manifest?: string }): Promise<Discovered> {
  const root = resolve(dir);
  const st = await stat(root).catch(() => fail('FILE_NOT_FOUND', `${dir}: no such folder`, 'give a folder of seller files, or a file with --by <column>'));
  if (!st.isDirectory()) fail('USAGE', `${dir} is a file: give a folder of seller files, or add --by <column> to split this file by its seller column`);
  const w: Walk = {
    recursive: opts.recursive, skip: opts.skip ? resolve(opts.skip) : undefined, manifest: opts.manifest ? resolve(opts.manifest) : undefined,
    root: await realpath(root), seen: new Set([await realpath(root)]), found: [], skipped: [],
  };
  await walk(w, Buffer.from(root), []);
  // ids in NFC: a Korean name from macOS (NFD) reads, sorts and matches a manifest as typed
  const stemOf = (rel: string) => rel.slice(0, rel.length - extname(rel).length).normalize('NFC');
  const stems = new Map<string, number>();
  for (const f of w.found) stems.set(stemOf(f.rel), (stems.get(stemOf(f.rel)) ?? 0) + 1);
  const ids = w.found.map((f) => (stems.get(stemOf(f.rel))! > 1 ? f.rel.normalize('NFC') : stemOf(f.rel)));
  const uses = new Map<string, number>();
  for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1);
  const sellers = w.found
    // names told apart only by their normalisation (NFC and NFD side by side) keep their own form
    .map((f, k) => ({ seller: uses.get(ids[k])! > 1 ? f.rel : ids[k], path: f.path, ...(f.error ? { error: f.error } : {}) }))
    .sort((a, b) => byCodeUnits(a.seller, b.seller));
  return { sellers, skipped: w.skipped.sort((a, b) => byCodeUnits(a.file, b.file)) };
}

interface Walk {
  recursive: boolean;
  skip: string | undefined;
  manifest: string | undefined;
  /** The input folder's real path: a folder reached through a link inside it is named by where it really is. */
  root: string;
  /** Real paths of the folders read so far: a symlink loop ends at the second visit. */
  seen: Set<string>;
  found: { rel: string; path: FilePath; error?: SellerFile['error'] }[];
  skipped: SkippedFile[];
}

/** A path as bytes → the form fs calls take: text when it is valid UTF-8 (messages stay readable), else the bytes. */
function fsPath(bytes: Buffer): FilePath {
  const text = decodeName(bytes);
  return Buffer.from(text).equals(bytes) ? text : bytes;
}

async function walk(w: Walk, dir: Buffer, relParts: string[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { encoding: 'buffer', withFileTypes: true });
  } catch (e) {
    fail('FILE_UNREADABLE', `${decodeName(dir)}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const names = entries.map((e) => decodeName(e.name));
  const isOutput = names.includes('summary.json') && (await isOurSummary(Buffer.concat([dir, Buffer.from(`${sep}summary.json`)])));
  if (isOutput && relParts.length > 0) {
    w.skipped.push({ file: `${relParts.join('/')}/`, reason: 'a loss-calc output folder' });
    return;
  }
  for (const [k, e] of entries.entries()) {
    const name = names[k];
    if (name.startsWith('.')) continue;
    if (name.startsWith('~$')) { // Excel's owner file beside a workbook (or CSV) open in it: no seller's
      w.skipped.push({ file: [...relParts, name].join('/'), reason: 'an Excel lock file (the file is open in Excel)' });
      continue;
    }
    if (isOutput && OUTPUT_FILES.has(name)) continue; // the input folder holds an earlier run's outputs: not sellers
    const bytes = Buffer.concat([dir, Buffer.from(sep), e.name]);
    const path = fsPath(bytes);
    const rel = [...relParts, name].join('/');
    if (w.skip && typeof path === 'string' && (path === w.skip || path.startsWith(w.skip + sep))) continue;
    if (path === w.manifest) {
      w.skipped.push({ file: rel, reason: 'the --manifest file' });
      continue;
    }
    const target = e.isSymbolicLink() ? await stat(bytes).catch((err: NodeJS.ErrnoException) => err) : null;
    const isDir = e.isDirectory() || (isStats(target) && target.isDirectory());
    if (isDir && !/\.numbers$/i.test(name)) { // a Numbers document may be a folder (a macOS package): it is a refused seller below
      if (!w.recursive) w.skipped.push({ file: `${rel}/`, reason: 'a sub-folder (add --recursive)' });
      else if (await firstVisit(w, bytes)) await walk(w, bytes, await folderParts(w, bytes, [...relParts, name], e.isSymbolicLink()));
      continue;
    }
    if (!looksLikeSeller(name)) {
      w.skipped.push({ file: rel, reason: 'not a seller file' });
      continue;
    }
    w.found.push({ rel, path, error: unreadable(e, target, name) });
  }
}

/**
 * The id parts of a folder's sellers: the path it was reached by, or for a link to a folder
 * inside the input its real path there (`north/alias → ../south` holds `south/…`, whichever way
 * the walk meets it first), so ids and manifest rows do not hang on the order of the walk.
 */
async function folderParts(w: Walk, dir: Buffer, parts: string[], link: boolean): Promise<string[]> {
  if (!link) return parts;
  const real = await realpath(dir).catch(() => null);
  const rel = real === null ? '' : relative(w.root, real);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? parts : rel.split(sep);
}

/** A folder not read yet (by its real path); a symlink back to an ancestor is read no second time. */
async function firstVisit(w: Walk, dir: Buffer): Promise<boolean> {
  const real = await realpath(dir).catch(() => null);
  if (real === null || w.seen.has(real)) return false;
  w.seen.add(real);
  return true;
}

const isStats = (t: Stats | NodeJS.ErrnoException | null): t is Stats => t !== null && typeof (t as Stats).isFile === 'function';

/** Why a seller-looking entry cannot be read as a file at all, or undefined when it can (or ingest will say). */
function unreadable(e: Dirent<Buffer>, target: Stats | NodeJS.ErrnoException | null, name: string): SellerFile['error'] {
  if (target && !isStats(target)) {
    return target.code === 'ENOENT'
      ? { code: 'FILE_NOT_FOUND' as const, message: `${name}: a broken symbolic link (its target does not exist)` }
      : { code: 'FILE_UNREADABLE' as const, message: `${name}: cannot follow the symbolic link (${target.code ?? target.message})` };
  }
  const s = target ?? e;
  if (s.isFile()) return undefined;
  if (s.isDirectory()) { // a Numbers document saved as a macOS package
    const ext = extname(name).toLowerCase();
    const u = unsupported(name, REFUSED_EXTENSIONS[ext] ?? ext);
    return { code: u.code, message: u.message };
  }
  const what = s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : 'a device';
  return { code: 'FILE_UNREADABLE' as const, message: `${name}: not a regular file (${what})` };
}
