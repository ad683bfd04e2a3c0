// `loss-calc batch <folder | file --by <column>>`: every seller's claim and one summary.
// This file registers the command; batch-run.ts does the work.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { addEstimateOptions } from './common.js';

const EXAMPLES = `
Examples:
  $ loss-calc batch sellers/ --incident 2025-11-29 --out claims/
  $ loss-calc batch sellers/ --incident 2025-11-29 --format csv > summary.csv
  $ loss-calc batch all-orders.csv --by seller_id --incident 2025-11-29 --out claims/ --jobs 8
  $ loss-calc batch sellers/ --manifest sellers.csv --margin 0.3 --out claims/ --resume
  $ loss-calc batch sellers/ --incident 2025-11-29 --out reports/ --format html --lang ko

With --out DIR: DIR/<seller>.json (a claim each), DIR/summary.csv and DIR/summary.json;
without it the summary goes to stdout in --format (table, csv, tsv, json, ndjson).
--out DIR --format html adds each seller's HTML report and DIR/index.html linking them.
Summary rows are sorted by seller id. Exit status 3 when any seller is not ok
(status insufficient-data or failed); 130 when interrupted (Ctrl-C) — the sellers that
finished are in the summary, and --resume finishes the rest.
Manifest columns: seller,incident,until,baseline,margin,exclude (several exclude windows
separated by ";" or spaces); a non-empty cell replaces the option for that seller.`;

/** Default --jobs: the CPUs this process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Register `batch` on the program. */
export function registerBatch(program: Command): void {
  const cmd = program
    .command('batch')
    .description('estimate every seller of a folder (one file each) or of one long file grouped by a seller column')
    .argument('<input>', 'a folder of seller exports (.csv/.tsv/.xlsx), or one file with --by <column>')
    .option('--by <column>', 'read <input> as one file of many sellers, grouped by this column (a header, or "seller")')
    .option('--manifest <csv>', 'per-seller overrides: seller,incident,until,baseline,margin,exclude')
    .option('--jobs <n>', `sellers estimated in parallel (default: the CPUs, here ${defaultJobs()})`)
    .option('--resume', 'with --out: skip sellers whose claim in the folder matches the same input and options')
    .option('--recursive', 'also read sub-folders (seller id = path below the folder)')
    .addHelpText('after', EXAMPLES)
    // the batch machinery (worker pool, summaries) loads only when batch runs
    .action(async (input: string, flags: Record<string, unknown>) => (await import('./batch-run.js')).runBatchCommand(input, flags));
  addEstimateOptions(cmd); // --out here is a folder: claims, summary.csv, summary.json (created when missing)
}
