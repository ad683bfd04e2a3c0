// The batch run: sellers (a folder's files, or the groups of a --by file as they come) →
// tasks → a bounded number in flight on the runner → rows, sorted by seller at the end.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreOptions } from '../core/estimate.js';
import type { Ingested } from '../core/types.js';
import { toDay } from '../core/dates.js';
import { LossCalcError, fail } from '../errors.js';
import { MAX_DATE_SPAN_DAYS } from '../ingest/aggregate.js';
import { ingestGrouped, type FilePath, type IngestOptions } from '../ingest/index.js';
import type { EstimateOptions } from '../options.js';
import type { SummaryRow } from '../render/summary-schema.js';
import { VERSION } from '../version.js';
import { byCodeUnits, discoverSellers, type SkippedFile } from './discover.js';
import { sellerEntry, sellerOptions, type Manifest } from './manifest.js';
import { NameBook } from './names.js';
import { clearRunFiles, sweepStale } from './outdir.js';
import { makeRunner } from './pool.js';
import type { Progress } from './progress.js';
import { Interrupted, Scheduler } from './scheduler.js';
import type { SellerTask } from './seller.js';
import { optionsHash, STATE_DIR } from './state.js';

/** The id of a --by file's rows whose seller cell is blank: kept (nothing dropped), under a name that says so. */
export const BLANK_SELLER = '(blank seller)';

/** Everything a run needs, validated by the command. */
export interface BatchPlan {
  input: string;
  by?: string;
  recursive: boolean;
  base: EstimateOptions;
  /** No --incident: every seller takes it from the manifest. */
  incidentFromManifest: boolean;
  manifest: Manifest | null;
  /** The manifest's path: a folder holding it does not read it as a seller. */
  manifestPath?: string;
  outDir: string | null;
  resume: boolean;
  jobs: number;
  /** `--format html`: each ok seller's report beside its claim (index.html is the command's). */
  html: SellerTask['html'];
  /** The core's options for one seller (commands/estimate coreOptions). */
  coreOptions: (o: EstimateOptions, seller: string) => CoreOptions;
}

/** How the run ended. */
export interface BatchResult {
  rows: SummaryRow[];
  complete: boolean;
  /** Sellers in the batch (an interrupted --by file: those seen so far, see totalKnown). */
  sellers: number;
  totalKnown: boolean;
  resumed: number;
  /** Manifest sellers that are not in the batch, with their line. */
  unknownManifest: { seller: string; line: number }[];
  /** Sellers whose files are byte for byte the same (a download saved twice, `shop (1).csv`): each group counted as many times. */
  sameFiles: string[][];
  /** Seller id → file-name stem in DIR (with --out). */
  names: Map<string, string>;
  /** Entries of the folder that are not sellers (said on stderr, listed in summary.json). */
  skipped: SkippedFile[];
  /** Sellers of earlier runs, not in this one, whose outputs a complete run removed from DIR. */
  removed: string[];
  /** The id given the rows of a --by file with a blank seller cell (BLANK_SELLER, numbered when a seller has that name), null when none. */
  blankSeller: string | null;
}


/** The id of a --by file's blank seller: BLANK_SELLER, or with a number when a seller of the file is called so. */
function blankId(sellers: ReadonlySet<string>): string {
  let id = BLANK_SELLER;
  for (let k = 2; sellers.has(id); k++) id = `${BLANK_SELLER} ${k}`;
  return id;
}

/** Run the batch; `signal` (SIGINT) stops it, keeping the rows of the sellers that finished. */
export async function runBatch(plan: BatchPlan, progress: Progress, signal: AbortSignal): Promise<BatchResult> {
  if (plan.outDir) {
    await sweepTemp(plan.outDir);
    await clearRunFiles(plan.outDir); // a run killed from here on leaves no summary that claims to be complete
  }
  const runner = makeRunner(plan.jobs);
  const s = new Scheduler(runner, plan.jobs, progress, signal);
  const book = new NameBook();
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const task = (seller: string, source: { path?: FilePath; ingested?: Ingested; error?: { code: LossCalcError['code']; message: string } }): SellerTask => {
    // the blank seller of a --by file answers to the manifest's blank seller row too
    const key = seller === blankSeller && plan.by !== undefined && !sellerEntry(plan.manifest, seller) ? '' : seller;
    seen.add(key);
    const entry = sellerEntry(plan.manifest, key);
    const o = sellerOptions(plan.base, entry);
    const ingest: IngestOptions = { columns: o.columns, tz: o.tz, sheet: o.sheet, password: o.password, missingDays: o.missingDays, currency: o.currency };
    const core = plan.coreOptions(o, seller);
    let error = source.error ? { code: source.error.code, message: source.error.message } : undefined;
    if (!error && plan.incidentFromManifest && !entry?.overrides.incident) {
      error = { code: 'USAGE' as const, message: 'no incident date: give --incident, or an incident in its --manifest row' };
    }
    if (!error && o.until !== undefined && toDay(o.until) - toDay(o.incident) >= MAX_DATE_SPAN_DAYS) {
      error = { code: 'BAD_WINDOW' as const, message: `until ${o.until} is more than ${MAX_DATE_SPAN_DAYS} days after incident ${o.incident}: check the year` };
    }
    if (!error && o.interestRate !== undefined && o.margin === undefined) {
      error = { code: 'BAD_OPTION' as const, message: '--interest-rate needs a margin: give --margin, or a margin in its --manifest row' };
    }
    const name = plan.outDir ? book.take(seller) : null;
    if (name !== null) names.set(seller, name);
    // the password only opens a workbook (and must not leave a trace); the report's clock is not the claim's
    const hashed = { version: VERSION, core, ingest: { ...ingest, password: undefined }, by: plan.by ?? null, html: plan.html?.lang ?? null };
    return {
      seller, name, outDir: plan.outDir, core, ingest, path: source.path, ingested: source.ingested, error,
      resume: plan.resume, html: plan.html, optionsHash: optionsHash(hashed),
    };
  };
  let complete = true;
  let skipped: SkippedFile[] = [];
  let blankSeller: string | null = null;
  try {
    if (plan.by === undefined) {
      const found = await discoverSellers(plan.input, { recursive: plan.recursive, skip: plan.outDir ?? undefined, manifest: plan.manifestPath });
      const files = found.sellers;
      skipped = found.skipped;
      if (files.length === 0) {
        fail('NO_ROWS', `${plan.input}: no seller files (.csv, .tsv, .txt, .xlsx)${plan.recursive ? '' : ' (sub-folders need --recursive)'}` +
          (skipped.length ? `; skipped: ${skipped.slice(0, 5).map((k) => k.file).join(', ')}${skipped.length > 5 ? ', …' : ''}` : ''));
      }
      if (plan.incidentFromManifest) requireIncidents(files.map((f) => f.seller), plan.manifest!);
      s.total = files.length;
      for (const f of files) await s.submit(task(f.seller, { path: f.path, error: f.error }));
    } else {
      const b = plan.base;
      await ingestGrouped(plan.input, { columns: b.columns, tz: b.tz, sheet: b.sheet, password: b.password, missingDays: b.missingDays, currency: b.currency, by: plan.by }, async (cell, r, all) => {
        if (cell === '') blankSeller = blankId(all);
        const seller = cell === '' ? blankSeller! : cell;
        if (cell === '' && !(r instanceof LossCalcError)) r.warnings.push({ code: 'BLANK_SELLER', message: `these rows have an empty ${plan.by} cell: kept together as seller "${seller}"` });
        const t = r instanceof LossCalcError ? task(seller, { error: r }) : task(seller, { ingested: r });
        // the grouped result map keeps every seller's object: drop the series once it is estimated
        await s.submit(t, () => r instanceof LossCalcError || ((r.series.orders = []), (r.series.revenue = [])));
      });
    }
    await s.drain();
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    complete = false;
  } finally {
    if (signal.aborted) complete = false;
    await s.drain().catch(() => undefined);
    await runner.close();
  }
  const seenNfc = new Set([...seen].map((id) => id.normalize('NFC')));
  const unknownManifest = [...(plan.manifest ?? [])].filter(([seller]) => !seenNfc.has(seller)).map(([seller, e]) => ({ seller, line: e.line }));
  const rows = s.rows.sort((a, b) => byCodeUnits(a.seller, b.seller));
  const totalKnown = s.total !== null || complete;
  const removed = complete && plan.outDir ? await sweepStale(plan.outDir, new Set(names.values())) : [];
  const sameFiles = [...s.inputs.values()].filter((g) => g.length > 1).map((g) => g.sort(byCodeUnits)).sort((a, b) => byCodeUnits(a[0], b[0]));
  return { rows, complete, sellers: s.total ?? seen.size, totalKnown, resumed: s.resumed, unknownManifest, sameFiles, names, skipped, removed, blankSeller };
}

/** Without --incident every seller needs one in the manifest: say which do not, before any work. */
function requireIncidents(sellers: string[], manifest: Manifest): void {
  const missing = sellers.filter((id) => !sellerEntry(manifest, id)?.overrides.incident);
  if (missing.length) {
    const shown = missing.slice(0, 5).map((m) => JSON.stringify(m)).join(', ');
    fail('USAGE', `missing --incident, and ${missing.length} seller(s) have no incident in the manifest: ${shown}${missing.length > 5 ? ', …' : ''}`,
      'give --incident <date> for all, or an incident in each seller\'s manifest row');
  }
}

/** Leftovers of writes killed mid-way (writeAtomic's `.<name>.<pid>.<ms>.tmp`). */
async function sweepTemp(dir: string): Promise<void> {
  for (const d of [dir, join(dir, STATE_DIR)]) {
    const names = await readdir(d).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => /^\..+\.\d+\.\d+\.tmp$/.test(n)).map((n) => rm(join(d, n), { force: true })));
  }
}
