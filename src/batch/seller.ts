// One seller of a batch, from task to summary row: resume check → ingest → estimate → claim
// and sidecar written → row. Runs in a worker thread or in-process (--jobs 1); it takes and
// returns plain data only, and never throws: every problem becomes the seller's row.
import { estimate, type CoreOptions } from '../core/estimate.js';
import type { Ingested } from '../core/types.js';
import { LossCalcError, type ErrorCode } from '../errors.js';
import { fileSha256, ingestFile, type FilePath, type IngestOptions } from '../ingest/index.js';
import { writeAtomic } from '../io.js';
import type { Lang } from '../render/i18n.js';
import { render } from '../render/index.js';
import { failedRow, summaryRowOf, type SummaryRow } from '../render/summary-schema.js';
import { removeIfHash } from './outdir.js';
import { doneRow, forget, previousHtml, sellerPaths, sha256, writeState } from './state.js';

/** Work for one seller: a file to read, or (`--by`) its already grouped series. */
export interface SellerTask {
  seller: string;
  /** Stem of its claim in `outDir` (unique in the batch); null without --out. */
  name: string | null;
  outDir: string | null;
  core: CoreOptions;
  ingest: IngestOptions;
  /** The seller's file (raw bytes when its name is not UTF-8: a worker receives them as a Uint8Array). */
  path?: FilePath | Uint8Array;
  ingested?: Ingested;
  /** A problem found before the estimate (e.g. the seller's rows in a --by file). */
  error?: { code: ErrorCode; message: string };
  resume: boolean;
  /** `--format html`: also the seller's HTML report beside its claim. */
  html: { lang: Lang; generatedAt?: string } | null;
  /** Hash of the options that shape this seller's claim (state.ts optionsHash). */
  optionsHash: string;
}

/** What came of it. */
export interface SellerOutcome {
  row: SummaryRow;
  /** Taken from a previous run's claim (--resume). */
  resumed: boolean;
  /** The sha256 of the seller's file, when one was estimated (two sellers of one file are counted twice). */
  input?: string;
}

/** Codes meaning the data cannot support an estimate (status `insufficient-data`); any other error is `failed`. */
export const INSUFFICIENT_DATA: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BASELINE_TOO_SHORT', 'INCIDENT_OUTSIDE_DATA', 'NO_LOSS_WINDOW_DATA', 'NO_ROWS', 'EMPTY_FILE',
]);

/** The row of a seller whose estimate threw: coded errors keep their code; anything else is a bug. */
export function errorRow(seller: string, e: unknown): SummaryRow {
  if (e instanceof LossCalcError) {
    return failedRow(seller, INSUFFICIENT_DATA.has(e.code) ? 'insufficient-data' : 'failed', `${e.code}: ${e.message}`);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return failedRow(seller, 'failed', `INTERNAL: ${msg} (this is a bug in loss-calc; please report it)`);
}

/** Rows go through JSON once so the in-memory row equals the one a resumed run reads back (-0 → 0). */
const plain = (row: SummaryRow): SummaryRow => JSON.parse(JSON.stringify(row)) as SummaryRow;

/** Run one seller. Never throws. */
export async function runSeller(t: SellerTask): Promise<SellerOutcome> {
  const paths = t.outDir !== null && t.name !== null ? sellerPaths(t.outDir, t.name) : null;
  const file: FilePath | undefined = t.path === undefined || typeof t.path === 'string' || Buffer.isBuffer(t.path) ? t.path : Buffer.from(t.path);
  let hashed: Promise<string> | undefined; // once: a resumed seller's file is hashed to check it, and named by it
  const inputHash = () => (hashed ??= t.ingested ? Promise.resolve(sha256(JSON.stringify(t.ingested))) : fileSha256(file!));
  try {
    if (t.error) throw new LossCalcError(t.error.code, t.error.message);
    if (paths && t.resume) {
      const row = await doneRow(paths, t.optionsHash, inputHash);
      if (row) return { row, resumed: true, ...(t.ingested ? {} : { input: await inputHash() }) };
    }
    const ing = t.ingested ?? (await ingestFile(file!, t.ingest));
    const claim = estimate(ing, t.core);
    const row = plain(summaryRowOf(claim));
    if (paths) {
      const text = `${JSON.stringify(claim, null, 2)}\n`;
      await writeAtomic(paths.claim, text);
      let html: string | null = null;
      if (t.html) {
        const page = render(claim, 'html', { lang: t.html.lang, color: false, daily: false, bom: false, unicode: true, generatedAt: t.html.generatedAt });
        await writeAtomic(paths.html, page);
        html = sha256(page);
      }
      // an earlier run's report beside this claim would show other numbers: it goes while its sidecar still proves it ours
      if (!html) {
        const old = await previousHtml(paths.state);
        if (old) await removeIfHash(paths.html, old);
      }
      const input = t.ingested ? await inputHash() : claim.input.sha256;
      await writeState(paths.state, { seller: t.seller, input, options: t.optionsHash, claim: sha256(text), html, row });
    }
    return { row, resumed: false, ...(t.ingested ? {} : { input: claim.input.sha256 }) };
  } catch (e) {
    if (paths) await forget(paths).catch(() => undefined);
    return { row: plain(errorRow(t.seller, e)), resumed: false };
  }
}

/** Run a chunk of sellers, their I/O overlapping; outcomes in task order. Never throws. */
export function runSellers(tasks: SellerTask[]): Promise<SellerOutcome[]> {
  return Promise.all(tasks.map(runSeller));
}
