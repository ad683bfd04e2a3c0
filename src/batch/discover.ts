// Which files of a folder are sellers, and their ids. Sorted, so every run (and every
// --jobs) sees the same sellers in the same order.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fail } from '../errors.js';

/** File extensions read as one seller each (case-insensitive). */
export const SELLER_EXTENSIONS = ['.csv', '.tsv', '.xlsx'] as const;

/** A seller file found in the folder. */
export interface SellerFile {
  /** Seller id: the path below the folder without the extension, `/`-separated (`north/shop-1`). */
  seller: string;
  path: string;
}

/** Code-unit order, the same in every locale: `byCodeUnits('B', 'a') < 0`. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The seller files of `dir` (sub-folders too with `recursive`), sorted by seller id. Hidden
 * files and folders (`.x`) and anything under `skip` (the output folder) are left out. Two
 * files with the same stem (`a.csv`, `a.tsv`) keep their extension in the id so ids stay unique.
 */
export async function discoverSellers(dir: string, opts: { recursive: boolean; skip?: string }): Promise<SellerFile[]> {
  const root = resolve(dir);
  const st = await stat(root).catch(() => fail('FILE_NOT_FOUND', `${dir}: no such folder`, 'give a folder of seller files, or a file with --by <column>'));
  if (!st.isDirectory()) fail('USAGE', `${dir} is a file: give a folder of seller files, or add --by <column> to split this file by its seller column`);
  const skip = opts.skip ? resolve(opts.skip) : undefined;
  const found: { rel: string; path: string }[] = [];
  await walk(root, root, opts.recursive, skip, found);
  const stems = new Map<string, number>();
  const stemOf = (rel: string) => rel.slice(0, rel.length - extname(rel).length);
  for (const f of found) stems.set(stemOf(f.rel), (stems.get(stemOf(f.rel)) ?? 0) + 1);
  return found
    .map((f) => ({ seller: stems.get(stemOf(f.rel))! > 1 ? f.rel : stemOf(f.rel), path: f.path }))
    .sort((a, b) => byCodeUnits(a.seller, b.seller));
}

async function walk(root: string, dir: string, recursive: boolean, skip: string | undefined, out: { rel: string; path: string }[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    fail('FILE_UNREADABLE', `${dir}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (skip && (path === skip || path.startsWith(skip + sep))) continue;
    // symlinked folders are not followed (no loops); symlinked files are read
    const isFile = e.isFile() || (e.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)));
    if (e.isDirectory()) {
      if (recursive) await walk(root, path, recursive, skip, out);
    } else if (isFile && (SELLER_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) {
      out.push({ rel: relative(root, path).split(sep).join('/'), path });
    }
  }
}
