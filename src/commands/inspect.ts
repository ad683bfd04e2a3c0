// `loss-calc inspect <file>`: what was detected, before anyone trusts a number.
import type { Command } from 'commander';

/** Register `inspect` on the program. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .argument('<file>', 'a seller export (CSV/TSV)')
    .description('show the detected format, columns, coverage and problems of a file')
    .action(async () => {
      throw new Error('inspect not implemented yet');
    });
}
