// `loss-calc estimate <file> --incident <date>`: one seller's claim.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { toDay } from '../core/dates.js';
import { fail } from '../errors.js';
import { estimate } from '../core/estimate.js';
import { MAX_DATE_SPAN_DAYS } from '../ingest/aggregate.js';
import { ingestFile } from '../ingest/index.js';
import { writeAtomic, writeStdout } from '../io.js';
import { DEFAULTS, type EstimateOptions } from '../options.js';
import { loadRenderer } from '../render/formats.js';
import { VERSION } from '../version.js';
import { addEstimateOptions, chooseFormat, generatedAt, guardOut, resolveOptions, sellerFromFile, useColor, useUnicode } from './common.js';

const EXAMPLES = `
Examples:
  $ loss-calc estimate orders.csv --incident 2025-11-29
  $ loss-calc estimate orders.csv --incident 2025-11-29 --margin 0.3 --lang ko
  $ loss-calc estimate orders.csv --incident 2025-11-29 --format json > claim.json
  $ loss-calc estimate daily.csv --incident 2025-11-29 --until 2026-01-31 --out claim.csv --daily
  $ loss-calc estimate 주문내역.xlsx --incident 2025-11-29 --sheet 주문목록
  $ read -rs LOSS_CALC_PASSWORD && export LOSS_CALC_PASSWORD   # typed, not echoed or kept in history
  $ loss-calc estimate smartstore-orders.xlsx --incident 2025-11-29`;

/** Register `estimate` on the program. */
export function registerEstimate(program: Command): void {
  const cmd = program
    .command('estimate')
    .description("estimate one seller's lost orders, revenue and profit after an incident")
    .argument('<file>', 'a seller export: order-level or daily aggregate (CSV/TSV or .xlsx)')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: Record<string, unknown>) => runEstimate(file, flags));
  addEstimateOptions(cmd);
}

/** Parse → ingest → estimate → render → write. */
async function runEstimate(file: string, flags: Record<string, unknown>): Promise<void> {
  const o = await resolveOptions(flags);
  checkCombinations(o);
  // every file read: the export, the control, the --config (an --out over any of them would replace it)
  const inputs = [file, o.control, typeof flags.config === 'string' ? flags.config : undefined].filter((p): p is string => p !== undefined);
  guardOut(o.out, inputs);
  await guardSameFile(o.out, inputs);
  const format = chooseFormat(o.format, o.out);
  const ingested = await ingestFile(file, { columns: o.columns, tz: o.tz, sheet: o.sheet, password: o.password, missingDays: o.missingDays, currency: o.currency });
  const control = o.control ? await ingestFile(o.control, { tz: o.tz }) : undefined;
  const claim = estimate(ingested, { ...coreOptions(o, o.seller ?? sellerFromFile(file)), control });
  const render = await loadRenderer(format);
  const text = render(claim, { lang: o.lang, color: useColor(Boolean(o.out)), daily: o.daily, bom: o.bom, unicode: useUnicode(), generatedAt: generatedAt() });
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
    keepOneOffs: o.keepOneOffs,
    currency: o.currency.toUpperCase(),
    tz: o.tz,
    missingDays: o.missingDays,
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
  // days past the data count as 0 sales, so a mistyped --until year would make the core simulate centuries
  if (o.until !== undefined && toDay(o.until) - toDay(o.incident) >= MAX_DATE_SPAN_DAYS) {
    fail('BAD_WINDOW', `--until ${o.until} is ${toDay(o.until) - toDay(o.incident)} days after --incident ${o.incident}; the loss window can be at most ${MAX_DATE_SPAN_DAYS} days (20 years)`,
      'check the year of --until');
  }
}

/**
 * Refuse an --out that is an input under another name: another relative path, a symlink or a
 * hard link to it (same device and inode). guardOut compares the paths only.
 */
async function guardSameFile(out: string | undefined, inputs: string[]): Promise<void> {
  if (!out) return;
  const o = await stat(out).catch(() => null);
  if (!o) return; // nothing there yet, so it cannot be an input
  for (const input of inputs) {
    const i = await stat(input).catch(() => null);
    if (i && i.dev === o.dev && i.ino === o.ino) fail('OUT_IS_INPUT', `--out ${out} is the input file ${input}; it would be overwritten`);
  }
}
