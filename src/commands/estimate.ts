// `loss-calc estimate <file> --incident <date>`: one seller's claim.
import type { Command } from 'commander';

/** Register `estimate` on the program. */
export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .argument('<file>', 'a seller export (CSV/TSV)')
    .requiredOption('--incident <date>', 'first affected day')
    .action(async () => {
      throw new Error('estimate not implemented yet');
    });
}
