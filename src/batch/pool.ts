// Where sellers run: in this thread (--jobs 1) or in a tinypool of worker threads. Either
// way the same runSeller does the work, so results cannot depend on --jobs. Sellers travel
// in small chunks (one message per chunk, not per seller: a message costs ~0.7 ms). A worker
// that dies (a crash, out of memory) costs only the seller that killed it a `failed` row:
// its chunk's sellers are retried one by one.
import Tinypool from 'tinypool';
import { errorRow, runSellers, type SellerOutcome, type SellerTask } from './seller.js';

/** Runs chunks of seller tasks, outcomes in task order; `close` stops its threads. */
export interface SellerRunner {
  run(tasks: SellerTask[], signal?: AbortSignal): Promise<SellerOutcome[]>;
  close(): Promise<void>;
}

/** Thrown by run() for a chunk cancelled by the signal before it finished (it has no rows). */
export class Cancelled extends Error {}

/** A runner with `jobs` parallel threads. */
export function makeRunner(jobs: number): SellerRunner {
  if (jobs <= 1) {
    return {
      run: async (tasks, signal) => {
        if (signal?.aborted) throw new Cancelled();
        return runSellers(tasks);
      },
      close: async () => undefined,
    };
  }
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    // one chunk's file I/O overlaps another's parsing and estimates in the same thread
    concurrentTasksPerWorker: 2,
  });
  const run = async (tasks: SellerTask[], signal?: AbortSignal): Promise<SellerOutcome[]> => {
    try {
      return (await pool.run(tasks, { signal })) as SellerOutcome[];
    } catch (e) {
      if (signal?.aborted) throw new Cancelled();
      if (tasks.length > 1) {
        const out: SellerOutcome[] = [];
        for (const t of tasks) out.push(...(await run([t], signal)));
        return out;
      }
      return [{ row: errorRow(tasks[0].seller, new Error(`worker stopped: ${(e as Error)?.message ?? String(e)}`)), resumed: false }];
    }
  };
  return { run, close: () => pool.destroy() };
}
