// `loss-calc estimate <file> --incident <date>`: one seller's claim.
import type { Command } from 'commander';
import { fail } from '../errors.js';
import { estimate } from '../core/estimate.js';
import { ingestFile } from '../ingest/index.js';
import { writeAtomic, writeStdout } from '../io.js';
import { DEFAULTS, type EstimateOptions } from '../options.js';
import { render } from '../render/index.js';
import { VERSION } from '../version.js';
import { addEstimateOptions, chooseFormat, generatedAt, guardOut, resolveOptions, sellerFromFile, useColor, useUnicode } from './common.js';

const EXAMPLES = `
Examples:
  $ loss-calc estimate orders.csv --incident 2025-11-29
  $ loss-calc estimate orders.csv --incident 2025-11-29 --margin 0.3 --lang ko
  $ loss-calc estimate orders.csv --incident 2025-11-29 --format json > claim.json
  $ loss-calc estimate daily.csv --incident 2025-11-29 --until 2026-01-31 --out claim.csv --daily`;

/** Register `estimate` on the program. */
export function registerEstimate(program: Command): void {
  const cmd = program
    .command('estimate')
    .description("estimate one seller's lost orders, revenue and profit after an incident")
    .argument('<file>', 'a seller export: order-level or daily aggregate (CSV/TSV)')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: Record<string, unknown>) => runEstimate(file, flags));
  addEstimateOptions(cmd);
}

/** Parse → ingest → estimate → render → write. */
async function runEstimate(file: string, flags: Record<string, unknown>): Promise<void> {
  const o = await resolveOptions(flags);
  checkCombinations(o);
  guardOut(o.out, [file]);
  const format = chooseFormat(o.format, o.out);
  const ingested = await ingestFile(file, { columns: o.columns, tz: o.tz, sheet: o.sheet, password: o.password });
  const control = o.control ? await ingestFile(o.control, { tz: o.tz }) : undefined;
  const claim = estimate(ingested, { ...coreOptions(o, o.seller ?? sellerFromFile(file)), control });
  const text = render(claim, format, { lang: o.lang, color: useColor(Boolean(o.out)), daily: o.daily, bom: o.bom, unicode: useUnicode(), generatedAt: generatedAt() });
  if (o.out) await writeAtomic(o.out, text);
  else await writeStdout(text);
}

/** The core's options from the validated CLI options. */
export function coreOptions(o: EstimateOptions, seller: string) {
  return {
    seller,
    incident: o.incident,
    until: o.until,
    baseline: o.baseline,
    exclude: o.exclude,
    holidays: o.holidays.toUpperCase() === 'NONE' ? 'none' : o.holidays.toUpperCase(),
    model: o.model,
    level: o.level,
    seed: o.seed,
    margin: o.margin,
    period: o.period,
    interestRate: o.interestRate,
    asOf: o.asOf,
    currency: o.currency.toUpperCase(),
    tz: o.tz,
    baselineMaxDays: DEFAULTS.baselineMaxDays,
    minBaselineDays: DEFAULTS.minBaselineDays,
    version: VERSION,
  };
}

/** Options that only make sense together. */
function checkCombinations(o: EstimateOptions): void {
  if (o.interestRate !== undefined && o.margin === undefined) {
    fail('BAD_OPTION', '--interest-rate needs --margin: interest runs on lost profit', 'e.g. --margin 0.3 --interest-rate 0.05 --as-of 2026-06-30');
  }
}
