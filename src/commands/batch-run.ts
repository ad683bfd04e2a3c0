// `loss-calc batch`: validate → run → write the summary → tally and exit status (registered in batch.ts).
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readManifest, sellerOptions, type Manifest } from '../batch/manifest.js';
import { Progress } from '../batch/progress.js';
import { BLANK_SELLER, runBatch, type BatchResult } from '../batch/run.js';
import { renderSummary, skippedNotice, SUMMARY_FORMATS, totalsOf, type SummaryFormat } from '../batch/summary.js';
import { toDay } from '../core/dates.js';
import { MAX_DATE_SPAN_DAYS } from '../ingest/aggregate.js';
import { renderBatchIndex } from '../render/batch-index.js';
import { printableLine } from '../render/escape.js';
import { EXIT, LossCalcError, fail } from '../errors.js';
import { writeAtomic, writeStdout } from '../io.js';
import type { EstimateOptions } from '../options.js';
import { defaultJobs } from './batch.js';
import { generatedAt, readConfig, resolveOptions } from './common.js';

/** batch's options beyond the estimate's: flags, or keys of --config. */
const BATCH_KEYS = ['by', 'manifest', 'jobs', 'resume', 'recursive'] as const;
import { coreOptions } from './estimate.js';

/** Validate → run → write the summary → tally and exit status. */
export async function runBatchCommand(input: string, given: Record<string, unknown>): Promise<void> {
  // batch's own options may come from --config as well (flags win)
  const config = await readConfig(given.config as string | undefined, BATCH_KEYS);
  checkConfigTypes(config, given.config as string);
  const flags = { ...Object.fromEntries(BATCH_KEYS.filter((k) => config[k] !== undefined).map((k) => [k, config[k]])), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const { by, manifest: manifestPath, jobs: jobsFlag, resume, recursive, ...rest } = flags;
  const { base, incidentFromManifest } = await baseOptions(rest, manifestPath !== undefined);
  checkBatchOptions(base, manifestPath !== undefined, incidentFromManifest);
  const html = base.format === 'html';
  const format = (html ? 'table' : base.format ?? 'table') as SummaryFormat;
  const jobs = parseJobs(jobsFlag);
  const outDir = base.out ? resolve(base.out) : null;
  if (html && !outDir) fail('USAGE', '--format html needs --out <dir>: a report per seller and index.html linking them');
  if (resume && !outDir) fail('USAGE', '--resume needs --out <dir>: it reuses the claims in that folder');
  if (by !== undefined) await checkByInput(input, String(by));
  if (outDir) await checkOutDir(outDir, input);
  if (outDir) await guardBatchInputs(outDir, [by !== undefined ? input : undefined, manifestPath, rest.config].filter((p): p is string => typeof p === 'string'));
  const manifest: Manifest | null = manifestPath ? await readManifest(String(manifestPath)) : null;
  if (manifest) checkManifestWindows(manifest, base, String(manifestPath));
  const progress = new Progress();
  const reportTime = generatedAt(); // one clock reading for every report of the run
  const controller = new AbortController();
  const onSigint = () => {
    progress.note('loss-calc: interrupted: stopping; writing the summary of the sellers that finished (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  let result: BatchResult;
  try {
    result = await runBatch({
      input, by: by as string | undefined, recursive: Boolean(recursive), base, incidentFromManifest, manifest, manifestPath: manifestPath === undefined ? undefined : String(manifestPath), outDir,
      resume: Boolean(resume), jobs, coreOptions, html: html ? { lang: base.lang, generatedAt: reportTime } : null,
    }, progress, controller.signal);
  } catch (e) {
    process.removeListener('SIGINT', onSigint);
    throw e;
  } finally {
    progress.clear();
  }
  const summaryOpts = { complete: result.complete, currency: base.currency.toUpperCase(), level: base.level, bom: base.bom, skipped: by === undefined ? result.skipped : undefined, lang: base.lang };
  if (outDir) {
    await writeAtomic(join(outDir, 'summary.csv'), renderSummary(result.rows, 'csv', summaryOpts));
    await writeAtomic(join(outDir, 'summary.json'), renderSummary(result.rows, 'json', summaryOpts));
    if (html) {
      const href = (r: { seller: string }) => `${encodeURIComponent(result.names.get(r.seller) ?? '')}.html`;
      await writeAtomic(join(outDir, 'index.html'), renderBatchIndex(result.rows, { lang: base.lang, currency: summaryOpts.currency, href, generatedAt: reportTime }));
    }
  }
  if (!outDir || (base.format && !html)) await writeStdout(renderSummary(result.rows, format, summaryOpts));
  process.removeListener('SIGINT', onSigint); // a Ctrl-C while the summary was written changed nothing
  warnUnknownManifest(result, String(manifestPath));
  for (const line of skippedNotice(result.skipped)) process.stderr.write(`loss-calc: note: ${line}\n`);
  for (const g of result.sameFiles.slice(0, 10)) {
    process.stderr.write(`loss-calc: warning: ${g.map((id) => JSON.stringify(printableLine(id))).join(', ')} are the same file, byte for byte (a download saved twice?): the totals count it ${g.length} times\n`);
  }
  if (result.blankSeller !== null) process.stderr.write(`loss-calc: warning: --by ${String(by)}: rows with an empty seller cell are kept as seller "${result.blankSeller}" (warning BLANK_SELLER)\n`);
  if (result.removed.length) process.stderr.write(`loss-calc: note: ${removedNotice(result.removed)}\n`);
  process.stderr.write(`${tally(result, progress.seconds, outDir)}\n`);
  const { counts } = totalsOf(result.rows);
  if (!result.complete) process.exitCode = 130;
  else if (counts.failed + counts['insufficient-data'] > 0) process.exitCode = EXIT.batchFailures;
}

/** batch's keys from --config must be what their flags give: `"resume": "false"` would read as true. */
function checkConfigTypes(config: Record<string, unknown>, path: string): void {
  const want: Record<(typeof BATCH_KEYS)[number], string> = { by: 'string', manifest: 'string', jobs: 'number', resume: 'boolean', recursive: 'boolean' };
  for (const k of BATCH_KEYS) {
    const v = config[k];
    if (v === undefined || typeof v === want[k] || (k === 'jobs' && typeof v === 'string')) continue;
    fail('BAD_CONFIG', `--config ${path}: "${k}" must be a ${want[k] === 'boolean' ? 'true or false' : want[k]}, got ${JSON.stringify(v)}`);
  }
}

/** The shared options; without --incident a manifest may give each seller's (checked per seller later). */
async function baseOptions(flags: Record<string, unknown>, hasManifest: boolean): Promise<{ base: EstimateOptions; incidentFromManifest: boolean }> {
  try {
    return { base: await resolveOptions(flags, BATCH_KEYS), incidentFromManifest: false };
  } catch (e) {
    // resolveOptions says USAGE only when no incident came from the flags or --config
    if (!(e instanceof LossCalcError && e.code === 'USAGE' && flags.incident === undefined && hasManifest)) throw e;
    return { base: await resolveOptions({ ...flags, incident: '1970-01-01' }, BATCH_KEYS), incidentFromManifest: true };
  }
}

/** Options that mean nothing for a batch, or that this version cannot do yet. */
function checkBatchOptions(o: EstimateOptions, hasManifest: boolean, incidentFromManifest: boolean): void {
  if (o.seller !== undefined) fail('BAD_OPTION', '--seller does not apply to batch: ids come from the file names, or from the --by column');
  if (o.daily) fail('BAD_OPTION', '--daily does not apply to batch: the per-day rows are in each seller\'s claim (--out DIR)');
  if (o.format && o.format !== 'html' && !(SUMMARY_FORMATS as readonly string[]).includes(o.format)) {
    fail('BAD_OPTION', `--format ${o.format} is not a batch format`, `choose one of: ${SUMMARY_FORMATS.join(', ')}, or html with --out (a report per seller)`);
  }
  if (o.control) fail('BAD_OPTION', '--control does not apply to batch: a control series belongs to one seller', 'run estimate --control for that seller');
  if (o.until !== undefined && !incidentFromManifest && o.until < o.incident) fail('UNTIL_BEFORE_INCIDENT', `--until ${o.until} is before --incident ${o.incident}`);
  if (o.until !== undefined && !incidentFromManifest && toDay(o.until) - toDay(o.incident) >= MAX_DATE_SPAN_DAYS) {
    fail('BAD_WINDOW', `--until ${o.until} is ${toDay(o.until) - toDay(o.incident)} days after --incident ${o.incident}; the loss window can be at most ${MAX_DATE_SPAN_DAYS} days (20 years)`, 'check the year of --until');
  }
  if (o.interestRate !== undefined && o.margin === undefined && !hasManifest) {
    fail('BAD_OPTION', '--interest-rate needs --margin: interest runs on lost profit', 'e.g. --margin 0.3 --interest-rate 0.05 --as-of 2026-06-30');
  }
}

/** A manifest row's until before its incident, one of them given by the flag (`--incident`, `--until`): a usage error naming the line. */
function checkManifestWindows(manifest: Manifest, base: EstimateOptions, path: string): void {
  for (const entry of manifest.values()) {
    const o = sellerOptions(base, entry);
    if (o.until === undefined || !o.incident || o.until >= o.incident) continue;
    const from = (key: 'incident' | 'until') => (entry.overrides[key] !== undefined ? key : `--${key}`);
    fail('UNTIL_BEFORE_INCIDENT', `${path}: line ${entry.line}: ${from('until')} ${o.until} is before ${from('incident')} ${o.incident}`);
  }
}

/** --jobs: a whole number from 1 to 256 (default: the CPUs). */
function parseJobs(v: unknown): number {
  if (v === undefined) return defaultJobs();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) fail('BAD_OPTION', `--jobs: expected a whole number from 1 to 256, got "${String(v)}"`);
  return n;
}

/** --by splits one file: a folder there is a usage mistake, not unreadable data. */
async function checkByInput(input: string, by: string): Promise<void> {
  const st = await stat(input).catch(() => null);
  if (st?.isDirectory()) {
    fail('USAGE', `--by ${by} needs one file of many sellers, and ${input} is a folder`, `drop --by to read the folder (one seller per file), or give the long file: loss-calc batch all-orders.csv --by ${by}`);
  }
}

/** --out is a folder (created when missing), and not the input folder itself. */
async function checkOutDir(outDir: string, input: string): Promise<void> {
  const st = await stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) fail('USAGE', `--out ${outDir} is a file: batch writes a folder (a claim per seller, summary.csv, summary.json)`);
  if (resolve(input) === outDir) fail('OUT_IS_INPUT', `--out ${outDir} is the input folder: summary.csv would be read as a seller next time`, 'write to a separate folder');
}

/**
 * Refuse inputs that the batch would overwrite: a --by file, --manifest or --config that is one of
 * the summary files written to DIR (summary.csv, summary.json, index.html), by its path or as a link.
 * (A seller's claim name is known only once the sellers are read: an input named like one is the
 * user's to avoid, README says.)
 */
async function guardBatchInputs(outDir: string, inputs: string[]): Promise<void> {
  const written = ['summary.csv', 'summary.json', 'index.html'];
  const links = await Promise.all(written.map((f) => stat(join(outDir, f)).catch(() => null)));
  for (const p of inputs) {
    const inDir = resolve(dirname(p)) === outDir && written.includes(basename(p));
    const st = inDir ? null : await stat(p).catch(() => null);
    const linked = st ? written.find((_, k) => links[k] && links[k]!.dev === st.dev && links[k]!.ino === st.ino) : undefined;
    if (inDir || linked) {
      fail('OUT_IS_INPUT', `${p} is in --out ${outDir} as a file the batch writes (${linked ?? basename(p)}); it would be overwritten`, 'keep the inputs outside the output folder, or write to another one');
    }
  }
}

function warnUnknownManifest(r: BatchResult, path: string): void {
  const list = r.unknownManifest;
  if (!r.complete) return; // not yet seen is not unknown
  for (const u of list.slice(0, 10)) process.stderr.write(`loss-calc: warning: --manifest ${path} line ${u.line}: seller ${JSON.stringify(u.seller)} is not in the batch\n`);
  if (list.length > 10) process.stderr.write(`loss-calc: warning: … and ${list.length - 10} more manifest sellers not in the batch\n`);
}

/** `removed the outputs of 2 earlier sellers not in this run: "a", "b"`. */
function removedNotice(ids: string[]): string {
  const shown = ids.slice(0, 5).map((s) => JSON.stringify(s)).join(', ');
  return `removed the claims and reports of ${ids.length} earlier seller(s) not in this run: ${shown}${ids.length > 5 ? ', …' : ''}`;
}

/** The final line: `loss-calc: batch: 120 sellers in 3.1 s (38.7/s): 118 ok, 1 insufficient-data, 1 failed → out/`. */
function tally(r: BatchResult, seconds: number, outDir: string | null): string {
  const { counts } = totalsOf(r.rows);
  const rate = seconds > 0 ? r.rows.length / seconds : 0;
  const head = r.complete ? `${r.rows.length} sellers` : `interrupted: ${r.rows.length} of ${r.sellers}${r.totalKnown ? '' : '+'} sellers done`;
  return `loss-calc: batch: ${head} in ${seconds.toFixed(1)} s (${rate.toFixed(1)}/s): ${counts.ok} ok, ${counts['insufficient-data']} insufficient-data, ${counts.failed} failed` +
    (r.resumed ? ` (${r.resumed} resumed)` : '') + (outDir ? ` → ${outDir}` : '') +
    (r.complete ? '' : outDir ? '; run the same command with --resume to finish' : '');
}
