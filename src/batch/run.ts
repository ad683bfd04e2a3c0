// The batch run: sellers (a folder's files, or the groups of a --by file as they come) →
// tasks → a bounded number in flight on the runner → rows, sorted by seller at the end.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreOptions } from '../core/estimate.js';
import type { Ingested } from '../core/types.js';
import { LossCalcError, fail } from '../errors.js';
import { ingestGrouped, type IngestOptions } from '../ingest/index.js';
import type { EstimateOptions } from '../options.js';
import type { SummaryRow } from '../render/summary-schema.js';
import { VERSION } from '../version.js';
import { byCodeUnits, discoverSellers } from './discover.js';
import { sellerOptions, type Manifest } from './manifest.js';
import { NameBook } from './names.js';
import { Cancelled, makeRunner, type SellerRunner } from './pool.js';
import type { Progress } from './progress.js';
import type { SellerTask } from './seller.js';
import { optionsHash, STATE_DIR } from './state.js';

/** Everything a run needs, validated by the command. */
export interface BatchPlan {
  input: string;
  by?: string;
  recursive: boolean;
  base: EstimateOptions;
  /** No --incident: every seller takes it from the manifest. */
  incidentFromManifest: boolean;
  manifest: Manifest | null;
  outDir: string | null;
  resume: boolean;
  jobs: number;
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
}

class Interrupted extends Error {}

/** Run the batch; `signal` (SIGINT) stops it, keeping the rows of the sellers that finished. */
export async function runBatch(plan: BatchPlan, progress: Progress, signal: AbortSignal): Promise<BatchResult> {
  if (plan.outDir) await sweepTemp(plan.outDir);
  const runner = makeRunner(plan.jobs);
  const s = new Scheduler(runner, Math.max(2, plan.jobs * 2), progress, signal);
  const names = new NameBook();
  const seen = new Set<string>();
  const task = (seller: string, source: { path?: string; ingested?: Ingested; error?: LossCalcError }): SellerTask => {
    seen.add(seller);
    const entry = plan.manifest?.get(seller);
    const o = sellerOptions(plan.base, entry);
    const ingest: IngestOptions = { columns: o.columns, tz: o.tz };
    const core = plan.coreOptions(o, seller);
    let error = source.error ? { code: source.error.code, message: source.error.message } : undefined;
    if (!error && plan.incidentFromManifest && !entry?.overrides.incident) {
      error = { code: 'USAGE' as const, message: 'no incident date: give --incident, or an incident in its --manifest row' };
    }
    if (!error && o.interestRate !== undefined && o.margin === undefined) {
      error = { code: 'BAD_OPTION' as const, message: '--interest-rate needs a margin: give --margin, or a margin in its --manifest row' };
    }
    return {
      seller, name: plan.outDir ? names.take(seller) : null, outDir: plan.outDir, core, ingest,
      path: source.path, ingested: source.ingested, error, resume: plan.resume,
      optionsHash: optionsHash({ version: VERSION, core, ingest, by: plan.by ?? null }),
    };
  };
  let complete = true;
  try {
    if (plan.by === undefined) {
      const files = await discoverSellers(plan.input, { recursive: plan.recursive, skip: plan.outDir ?? undefined });
      if (files.length === 0) fail('NO_ROWS', `${plan.input}: no seller files (.csv, .tsv)${plan.recursive ? '' : ' (sub-folders need --recursive)'}`);
      if (plan.incidentFromManifest) requireIncidents(files.map((f) => f.seller), plan.manifest!);
      s.total = files.length;
      for (const f of files) await s.submit(task(f.seller, { path: f.path }));
    } else {
      await ingestGrouped(plan.input, { columns: plan.base.columns, tz: plan.base.tz, by: plan.by }, async (seller, r) => {
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
  const unknownManifest = [...(plan.manifest ?? [])].filter(([seller]) => !seen.has(seller)).map(([seller, e]) => ({ seller, line: e.line }));
  const rows = s.rows.sort((a, b) => byCodeUnits(a.seller, b.seller));
  const totalKnown = s.total !== null || complete;
  return { rows, complete, sellers: s.total ?? seen.size, totalKnown, resumed: s.resumed, unknownManifest };
}

/** Without --incident every seller needs one in the manifest: say which do not, before any work. */
function requireIncidents(sellers: string[], manifest: Manifest): void {
  const missing = sellers.filter((id) => !manifest.get(id)?.overrides.incident);
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

/** At most `limit` sellers in flight; rows gathered as they finish. */
class Scheduler {
  readonly rows: SummaryRow[] = [];
  total: number | null = null;
  resumed = 0;
  private notOk = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly runner: SellerRunner, private readonly limit: number, private readonly progress: Progress, private readonly signal: AbortSignal) {}

  /** Queue a task once there is room; `after` runs when it is done. Throws Interrupted once the signal fired. */
  async submit(t: SellerTask, after?: () => unknown): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.signal.aborted) throw new Interrupted();
    const p: Promise<void> = this.runner
      .run(t, this.signal)
      .then((out) => {
        this.rows.push(out.row);
        if (out.row.status !== 'ok') this.notOk++;
        if (out.resumed) this.resumed++;
        this.tick();
      }, (e) => {
        if (!(e instanceof Cancelled)) throw e;
      })
      .finally(() => {
        this.inFlight.delete(p);
        after?.();
      });
    this.inFlight.add(p);
  }

  /** Wait for everything in flight. */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.race(this.inFlight);
  }

  private tick(): void {
    this.progress.update({ done: this.rows.length, total: this.total, notOk: this.notOk, resumed: this.resumed }, this.rows.length === this.total);
  }
}
