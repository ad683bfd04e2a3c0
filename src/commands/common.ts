// What `estimate` and `batch` share: their flags, the --config merge, validation at the
// edge, and choosing the output format.
import { readFile } from 'node:fs/promises';
import { extname, basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { fail, type ErrorCode } from '../errors.js';
import { isKnownCountry } from '../core/holidays.js';
import { MODEL_NAMES } from '../core/models/index.js';
import { DEFAULTS, estimateOptionsSchema, FORMATS, type EstimateOptions, type Format } from '../options.js';

/** Environment variable holding an encrypted workbook's password (kept out of shell history and `ps`). */
export const PASSWORD_ENV = 'LOSS_CALC_PASSWORD';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Register the options of DESIGN §4 "Shared options" on a command. */
export function addEstimateOptions(cmd: Command): Command {
  return cmd
    .option('--incident <date>', 'first affected day, YYYY-MM-DD (required here or in --config)')
    .option('--until <date>', 'last day of the loss window (default: last day in the data)')
    .option('--baseline <start..end>', `baseline window, inclusive (default: up to ${DEFAULTS.baselineMaxDays} days before the incident; up to 3 years when the data hold 2)`)
    .option('--exclude <start..end>', 'days left out of fitting and of the totals; repeatable', collect)
    .option('--holidays <CC|none>', `holiday calendar (default: ${DEFAULTS.holidays})`)
    .option('--model <name>', `counterfactual model: auto, ${MODEL_NAMES.join(', ')} (default: auto)`)
    .option('--control <file>', 'a control series (the same seller on another channel)')
    .option('--margin <fraction>', 'contribution margin, e.g. 0.3, to report lost profit')
    .option('--level <p>', `interval level (default: ${DEFAULTS.level})`)
    .option('--seed <n>', `random seed; same input + seed → identical output (default: ${DEFAULTS.seed})`)
    .option('--format <f>', `${FORMATS.join(', ')} (default: table, or from --out's extension)`)
    .option('--out <path>', 'write there atomically instead of stdout')
    .option('--daily', 'csv/tsv: one row per day instead of the summary row')
    .option('--columns <k=Header,...>', 'header mapping override, e.g. date=주문일시,amount=결제금액')
    .option('--tz <zone>', `zone for timestamps with an offset (default: ${DEFAULTS.tz})`)
    .option('--currency <code>', `currency label and rounding (default: ${DEFAULTS.currency})`)
    .option('--seller <id>', 'seller id in the claim (default: file name stem)')
    .option('--config <file.json>', 'options from a JSON file; flags override it')
    .option('--lang <en|ko>', 'language of text, table labels and reports (default: en)')
    .option('--period <day|week|month>', 'period of an aggregate series (default: detected)')
    .option('--interest-rate <r>', 'simple annual interest on lost profit, e.g. 0.05')
    .option('--as-of <date>', 'date interest runs to')
    .option('--bom', 'UTF-8 BOM on CSV/TSV for Excel')
    .option('--keep-one-offs', 'fit the baseline as it is: no spike or closure is left out (SPIKES_LEFT_OUT, CLOSED_DAYS)')
    .option('--missing-days <unknown|zero>', 'daily aggregates: a date without a row is unknown, or a day without sales (a GROUP BY query writes none) (default: unknown)')
    .option('--sheet <name|n>', 'xlsx: the sheet to read, by name or tab number from 1 (default: the first sheet with a header)')
    .option('--password <pw>', `xlsx: password of an encrypted workbook (better: the ${PASSWORD_ENV} environment variable)`);
}

/**
 * Read --config: a JSON object whose keys are option names (camelCase or kebab-case); `extra` are
 * the command's own options beyond the estimate's (batch: by, manifest, jobs …), kept in the result.
 */
export async function readConfig(path: string | undefined, extra: readonly string[] = []): Promise<Record<string, unknown>> {
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    fail('BAD_CONFIG', `cannot read --config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail('BAD_CONFIG', `--config ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('BAD_CONFIG', `--config ${path} must hold a JSON object of options`);
  const out: Record<string, unknown> = {};
  // a misspelt key ("marign") silently ignored would give a claim without what the user asked for
  const known = [...Object.keys(estimateOptionsSchema.shape), ...extra];
  const camel = (k: string) => k.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
  for (const [k, v] of Object.entries(data)) out[camel(k)] = v;
  const unknown = Object.keys(data).filter((k) => !known.includes(camel(k)));
  if (unknown.length) {
    fail('BAD_CONFIG', `--config ${path}: unknown option(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}`,
      `the keys are option names (camelCase or kebab-case): ${known.join(', ')}`);
  }
  if (typeof out.exclude === 'string') out.exclude = [out.exclude];
  return out;
}

/** Merge --config and flags (flags win), validate with zod, and check names against registries; `extra`: see readConfig (left out here). */
export async function resolveOptions(flags: Record<string, unknown>, extra: readonly string[] = []): Promise<EstimateOptions> {
  const config = await readConfig(flags.config as string | undefined, extra);
  for (const k of extra) delete config[k];
  const merged: Record<string, unknown> = { ...config };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined && k !== 'config') merged[k] = v;
  if (merged.incident === undefined) fail('USAGE', 'missing --incident <date> (the first affected day)', 'e.g. --incident 2025-11-29');
  if (merged.password === undefined && process.env[PASSWORD_ENV]) merged.password = process.env[PASSWORD_ENV];
  const parsed = estimateOptionsSchema.safeParse(merged);
  if (!parsed.success) throw zodToError(parsed.error, flags.config !== undefined);
  const o = parsed.data;
  if (o.model !== 'auto' && !MODEL_NAMES.includes(o.model)) {
    fail('UNKNOWN_MODEL', `unknown --model "${o.model}"`, `choose one of: auto, ${MODEL_NAMES.join(', ')}`);
  }
  if (!isKnownCountry(o.holidays)) fail('UNKNOWN_HOLIDAYS', `unknown holiday calendar "${o.holidays}"`, 'use a two-letter country code such as KR, JP, US, or none');
  return o;
}

/** A zod failure as one coded usage error naming the option. */
function zodToError(err: z.ZodError, fromConfig: boolean): Error {
  const issue = err.issues[0];
  const key = String(issue.path[0] ?? '');
  const flag = `--${key.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
  const code: ErrorCode = ['incident', 'until', 'asOf'].includes(key) ? 'BAD_DATE'
    : ['baseline', 'exclude'].includes(key) ? 'BAD_WINDOW' : fromConfig ? 'BAD_CONFIG' : 'BAD_OPTION';
  try {
    fail(code, `${flag}: ${issue.message}`);
  } catch (e) {
    return e as Error;
  }
}

const EXTENSIONS: Record<string, Format> = {
  '.json': 'json', '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
  '.html': 'html', '.htm': 'html', '.txt': 'text', '.text': 'text', '.md': 'text',
};

/** Extensions of files loss-calc cannot write: a table inside would not open in the program they name. */
const UNWRITABLE = new Set(['.xlsx', '.xls', '.xlsm', '.ods', '.pdf', '.doc', '.docx', '.hwp', '.hwpx']);

/** Other file types' extensions: a name ending so (`claim.csv.gz`) would hold the terminal's table; a version (`claim.v2`) is no type. */
const OTHER_TYPES = new Set(['.gz', '.zip', '.7z', '.bz2', '.xz', '.tar', '.tgz', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg',
  '.odt', '.rtf', '.xml', '.yaml', '.yml', '.parquet', '.pages', '.key', '.ppt', '.pptx', '.numbers', '.hwpml']);

/** --format wins; else --out's extension; else table. */
export function chooseFormat(format: Format | undefined, out: string | undefined): Format {
  if (format) return format;
  const ext = out ? extname(out).toLowerCase() : '';
  if (UNWRITABLE.has(ext)) {
    fail('BAD_OPTION', `--out ${out}: loss-calc does not write ${ext} files`, 'write .csv (Excel opens it), .html (print it to PDF) or .txt');
  }
  // another file type's name (claim.csv.gz, report.xml) would hold the terminal's table: say so instead
  if (OTHER_TYPES.has(ext)) {
    fail('BAD_OPTION', `--out ${out}: no output format is named ${ext}`, `name it .json, .csv, .tsv, .ndjson, .html or .txt, or give --format`);
  }
  return EXTENSIONS[ext] ?? 'table';
}

/** Refuse to overwrite the input with the output. */
export function guardOut(out: string | undefined, inputs: string[]): void {
  if (out && inputs.some((i) => resolve(i) === resolve(out))) fail('OUT_IS_INPUT', `--out ${out} is the input file; it would be overwritten`);
}

/** Seller id from a file name: `sellerFromFile('a/b/shop-1.csv') === 'shop-1'`. */
export function sellerFromFile(path: string): string {
  return basename(path, extname(path));
}

/** Colour only on a terminal and never under NO_COLOR. */
export function useColor(toFile: boolean): boolean {
  return !toFile && Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);
}

/**
 * Whether the terminal can show the table's block-character sparkline. An explicit locale
 * decides (LC_ALL, then LC_CTYPE, then LANG: UTF-8 or not — `LANG=C` asks for ASCII);
 * without one, any TERM but `dumb` and the Linux console (few glyphs) is trusted.
 */
export function useUnicode(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (locale) return /utf-?8/i.test(locale);
  if (platform === 'win32') return true;
  const term = env.TERM ?? '';
  return term !== '' && term !== 'dumb' && term !== 'linux';
}

/** The report's generated-at time: SOURCE_DATE_EPOCH (reproducible builds) when set, else now; ISO, whole seconds. */
export function generatedAt(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const t = env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return `${t.toISOString().slice(0, 19)}Z`;
}
