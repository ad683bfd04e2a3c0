// Sending sellers to the runner: chunks (one message per chunk), a bound on sellers in flight
// (backpressure for a --by file that delivers sellers as fast as it groups them), rows as they
// come back, and the progress line.
import { setMaxListeners } from 'node:events';
import type { SummaryRow } from '../render/summary-schema.js';
import { Cancelled, type SellerRunner } from './pool.js';
import type { Progress } from './progress.js';
import type { SellerTask } from './seller.js';

/** Thrown by submit() once the run was interrupted (SIGINT). */
export class Interrupted extends Error {}

/** Sellers in flight per job: a worker never waits for the main thread (--by tasks hold a series each, ~10 kB). */
const IN_FLIGHT_PER_JOB = 4 * 16;

/** Sellers per message to a worker, at most. */
const MAX_CHUNK = 16;

/** Chunks of sellers sent to the runner, at most `jobs × IN_FLIGHT_PER_JOB` sellers in flight; rows gathered as they finish. */
export class Scheduler {
  readonly rows: SummaryRow[] = [];
  total: number | null = null;
  resumed = 0;
  /** sha256 of each estimated seller file → its sellers: more than one is the same file counted twice. */
  readonly inputs = new Map<string, string[]>();
  private notOk = 0;
  private chunk: { task: SellerTask; after?: () => unknown }[] = [];
  private chunks = 0;
  private running = 0;
  private wake: (() => void) | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly limit: number;

  constructor(private readonly runner: SellerRunner, private readonly jobs: number, private readonly progress: Progress, private readonly signal: AbortSignal) {
    // in-process (--jobs 1) there is no message to save: one seller at a time, the next one's file I/O overlapping
    this.limit = jobs <= 1 ? 2 : jobs * IN_FLIGHT_PER_JOB;
    setMaxListeners(this.limit + 10, signal); // the pool listens on the signal once per chunk in flight
  }

  /**
   * Chunk size: with a known total, about a quarter of a job's share (so every thread gets
   * work), at most MAX_CHUNK; while a --by file is still delivering sellers, 1, 1, 2, 2, … up.
   */
  private chunkSize(): number {
    if (this.jobs <= 1) return 1;
    const n = this.total !== null ? Math.ceil(this.total / (this.jobs * 4)) : 1 + Math.floor(this.chunks / this.jobs);
    return Math.max(1, Math.min(MAX_CHUNK, n));
  }

  /** Queue a task (sent when its chunk is full); `after` runs once it is done. Throws Interrupted once the signal fired. */
  async submit(task: SellerTask, after?: () => unknown): Promise<void> {
    if (this.signal.aborted) throw new Interrupted();
    this.chunk.push({ task, after });
    if (this.chunk.length >= this.chunkSize()) this.flush();
    while (this.running >= this.limit) await new Promise<void>((w) => (this.wake = w));
    if (this.signal.aborted) throw new Interrupted();
  }

  /** Send the chunk being filled. */
  private flush(): void {
    if (this.chunk.length === 0) return;
    const items = this.chunk;
    this.chunk = [];
    this.chunks++;
    this.running += items.length;
    const p: Promise<void> = this.runner
      .run(items.map((i) => i.task), this.signal)
      .then((outs) => {
        for (const out of outs) {
          this.rows.push(out.row);
          if (out.input !== undefined) this.inputs.set(out.input, [...(this.inputs.get(out.input) ?? []), out.row.seller]);
          if (out.row.status !== 'ok') this.notOk++;
          if (out.resumed) this.resumed++;
        }
        this.progress.update({ done: this.rows.length, total: this.total, notOk: this.notOk, resumed: this.resumed }, this.rows.length === this.total);
      }, (e) => {
        if (!(e instanceof Cancelled)) throw e;
      })
      .finally(() => {
        this.running -= items.length;
        this.pending.delete(p);
        for (const i of items) i.after?.();
        const w = this.wake;
        this.wake = null;
        w?.();
      });
    this.pending.add(p);
  }

  /** Send what is left and wait for everything in flight. */
  async drain(): Promise<void> {
    if (!this.signal.aborted) this.flush();
    while (this.pending.size) await Promise.race(this.pending);
  }
}
