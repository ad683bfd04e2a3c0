// Where sellers run: in this thread (--jobs 1) or in a tinypool of worker threads. Either
// way the same runSeller does the work, so results cannot depend on --jobs. A worker that
// dies (a crash, out of memory) costs only its seller a `failed` row.
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { errorRow, runSeller, type SellerOutcome, type SellerTask } from './seller.js';

/** Runs seller tasks; `close` stops its threads. */
export interface SellerRunner {
  run(task: SellerTask, signal?: AbortSignal): Promise<SellerOutcome>;
  close(): Promise<void>;
}

/** Default --jobs: the CPUs this process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Thrown by run() for a task cancelled by the signal before it finished (it has no row). */
export class Cancelled extends Error {}

/** A runner with `jobs` parallel sellers. */
export function makeRunner(jobs: number): SellerRunner {
  if (jobs <= 1) {
    return {
      run: async (task, signal) => {
        if (signal?.aborted) throw new Cancelled();
        return runSeller(task);
      },
      close: async () => undefined,
    };
  }
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
  });
  return {
    run: async (task, signal) => {
      try {
        return (await pool.run(task, { signal })) as SellerOutcome;
      } catch (e) {
        if (signal?.aborted) throw new Cancelled();
        return { row: errorRow(task.seller, new Error(`worker stopped: ${(e as Error)?.message ?? String(e)}`)), resumed: false };
      }
    },
    close: () => pool.destroy(),
  };
}
