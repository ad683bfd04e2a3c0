// `loss-calc inspect <file>`: what was detected, before anyone trusts a number.
// This file registers the command; inspect-run.ts builds and renders the report.
import type { Command } from 'commander';
import { writeStdout } from '../io.js';
import { DEFAULTS } from '../options.js';
import { PASSWORD_ENV, useColor } from './common.js';

const EXAMPLES = `
Examples:
  $ loss-calc inspect orders.csv
  $ loss-calc inspect 주문내역.csv --columns date=결제일시,amount=실결제금액
  $ loss-calc inspect daily.tsv --format json
  $ loss-calc inspect 정산내역.xlsx --sheet 2
  $ read -rs LOSS_CALC_PASSWORD && export LOSS_CALC_PASSWORD && loss-calc inspect smartstore-orders.xlsx`;

/** Register `inspect` on the program. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .argument('<file>', 'a seller export (CSV/TSV or .xlsx)')
    .description('show the detected format, columns, coverage and problems of a file')
    .option('--columns <k=Header,...>', 'header mapping override, e.g. date=주문일시,amount=결제금액')
    .option('--tz <zone>', `zone for timestamps with an offset (default: ${DEFAULTS.tz})`)
    .option('--format <f>', 'table or json (default: table)')
    .option('--missing-days <unknown|zero>', 'daily aggregates: a date without a row is unknown, or a day without sales (default: unknown)')
    .option('--sheet <name|n>', 'xlsx: the sheet to read, by name or tab number from 1 (default: the first sheet with a header)')
    .option('--password <pw>', `xlsx: password of an encrypted workbook (better: the ${PASSWORD_ENV} environment variable)`)
    .addHelpText('after', EXAMPLES)
    // the report and its renderer load only when inspect runs
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { runInspect } = await import('./inspect-run.js');
      await writeStdout(await runInspect(file, flags, useColor(false)));
    });
}
