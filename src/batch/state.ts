// What `--resume` trusts: a sidecar `DIR/.state/<name>.json` written (atomically) right after
// the seller's claim, recording what the claim was made from and a hash of the claim itself.
// A claim counts as done only when its sidecar matches the input, the options and the claim.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summaryRowSchema, type SummaryRow } from '../render/summary-schema.js';
import { writeAtomic } from '../io.js';

export const STATE_DIR = '.state';
const STATE_SCHEMA = 'loss-calc/batch-state@1';

/** The sidecar of one finished seller. */
export interface SellerState {
  schema: typeof STATE_SCHEMA;
  seller: string;
  /** sha256 of the input (the seller's file, or for `--by` its grouped series). */
  input: string;
  /** Hash of the options that shape the claim (see optionsHash). */
  options: string;
  /** sha256 of the claim file's bytes. */
  claim: string;
  /** sha256 of the HTML report's bytes (`--format html`), else null. */
  html: string | null;
  row: SummaryRow;
}

/** sha256 hex of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of everything besides the input that shapes a claim: a canonical JSON of it (keys sorted). */
export function optionsHash(parts: unknown): string {
  return sha256(canonicalJson(parts));
}

/** JSON with object keys sorted at every level: `canonicalJson({b: 1, a: 2}) === '{"a":2,"b":1}'`. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Where a seller's files go in DIR. */
export interface SellerPaths {
  claim: string;
  html: string;
  state: string;
}

/** Paths of a seller's claim, report and sidecar in `dir`. */
export function sellerPaths(dir: string, name: string): SellerPaths {
  return { claim: join(dir, `${name}.json`), html: join(dir, `${name}.html`), state: join(dir, STATE_DIR, `${name}.json`) };
}

/** Write the sidecar (after the claim: a crash between the two only costs a re-run). */
export async function writeState(path: string, s: Omit<SellerState, 'schema'>): Promise<void> {
  await writeAtomic(path, `${JSON.stringify({ schema: STATE_SCHEMA, ...s })}\n`);
}

/**
 * The stored row of a seller already done with this input and these options, or null. The
 * claim file must still be there, unchanged; `inputHash` is computed only when the rest matches.
 */
export async function doneRow(paths: SellerPaths, options: string, inputHash: () => Promise<string>): Promise<SummaryRow | null> {
  let s: SellerState;
  try {
    s = JSON.parse(await readFile(paths.state, 'utf8')) as SellerState;
  } catch {
    return null;
  }
  if (s?.schema !== STATE_SCHEMA || s.options !== options) return null;
  const row = summaryRowSchema.safeParse(s.row);
  if (!row.success) return null;
  const claim = await readFile(paths.claim).catch(() => null);
  if (!claim || sha256(claim) !== s.claim) return null;
  if (s.html) {
    const html = await readFile(paths.html).catch(() => null);
    if (!html || sha256(html) !== s.html) return null;
  }
  if ((await inputHash().catch(() => '')) !== s.input) return null;
  return row.data;
}

/** The report hash an existing sidecar records (read before the sidecar is replaced), or null. */
export async function previousHtml(path: string): Promise<string | null> {
  try {
    const s = JSON.parse(await readFile(path, 'utf8')) as Partial<SellerState>;
    return typeof s?.html === 'string' ? s.html : null;
  } catch {
    return null;
  }
}

/** Forget a seller's claim and sidecar (it failed this time: an old claim must not look current). */
export async function forget(paths: SellerPaths): Promise<void> {
  await rm(paths.state, { force: true });
  await rm(paths.claim, { force: true });
  await rm(paths.html, { force: true });
}
