// `loss-calc inspect`: the report of a file, as aligned lines or JSON (registered in inspect.ts).
import { Chalk } from 'chalk';
import { z } from 'zod';
import { fromDay, toDay } from '../core/dates.js';
import { detectPeriod, isPeriodDay, weekAnchor } from '../core/period.js';
import type { Ingested, InputInfo, Warning } from '../core/types.js';
import { partway } from '../core/windows.js';
import { fail } from '../errors.js';
import { ingestFile, type WorkbookInfo } from '../ingest/index.js';
import { delimiterName } from '../ingest/dialect.js';
import { columnsSchema, DEFAULTS, isTimeZone, missingDaysSchema, sheetSchema } from '../options.js';
import { PASSWORD_ENV } from './common.js';

/** inspect's flags, validated at the edge. */
export const inspectOptionsSchema = z.object({
  columns: columnsSchema.optional(),
  tz: z.string().refine(isTimeZone, { message: 'expected an IANA time zone like Asia/Seoul' }).default(DEFAULTS.tz),
  format: z.enum(['table', 'json']).default('table'),
  sheet: sheetSchema.optional(),
  password: z.string().optional(),
  missingDays: missingDaysSchema,
});

/** What `inspect` reports: the claim's `input` block plus coverage details and warnings. */
export interface InspectReport extends InputInfo {
  /** Days from firstDate to lastDate, inclusive. */
  days: number;
  /** Days with no orders (order lists) or no row (aggregates), all of them. */
  emptyDates: string[];
  warnings: Warning[];
  /** xlsx input: the sheets, the one read and its header row. */
  workbook?: WorkbookInfo;
}

/** Validate flags, read the file, and return the text to print (testable without a process). */
export async function runInspect(file: string, flags: Record<string, unknown>, color = false): Promise<string> {
  const parsed = inspectOptionsSchema.safeParse(flags);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('BAD_OPTION', `--${String(issue.path[0] ?? '')}: ${issue.message}`);
  }
  const o = parsed.data;
  const password = o.password ?? (process.env[PASSWORD_ENV] || undefined);
  const report = inspectReport(await ingestFile(file, { columns: o.columns, tz: o.tz, sheet: o.sheet, password, missingDays: o.missingDays }));
  return o.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderInspect(report, color);
}

/** The report of an ingested file. */
export function inspectReport(ing: Ingested): InspectReport {
  const { info, series, warnings } = ing;
  const start = toDay(series.start);
  const emptyDates: string[] = [];
  // in weekly or monthly totals only a period's own day can be missing, as the ingest counts them
  const period = info.kind === 'daily' ? detectPeriod(series) : 'day';
  const anchor = period === 'week' ? weekAnchor(series) : 0;
  for (let i = 0; i < series.orders.length; i++) {
    const empty = info.kind === 'daily' ? series.orders[i] === null && series.revenue[i] === null && isPeriodDay(start + i, period, anchor) : series.orders[i] === 0;
    if (empty) emptyDates.push(fromDay(start + i));
  }
  const cut = info.partialLastDay;
  const all = cut ? [...warnings, { code: 'PARTIAL_LAST_DAY', message: `${partway(cut)}: estimate leaves it out of the loss window unless --until names it` }] : warnings;
  return { ...info, days: series.orders.length, emptyDates, warnings: all };
}

/** Plain aligned lines, labels bold on a terminal. */
export function renderInspect(r: InspectReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const n = (x: number) => x.toLocaleString('en-US');
  const skipped = Object.entries(r.rowsSkipped);
  const skippedTotal = skipped.reduce((s, [, k]) => s + k, 0);
  const mapping = Object.entries(r.columns).map(([f, h]) => `${f} ← ${h}`).join(' · ');
  const emptyWhat = r.kind === 'daily' ? 'with no row or no values (unknown, not zero)' : 'with no orders (counted as zero)';
  const lines: [string, string][] = [
    ['file', r.file],
    ['sha256', r.sha256],
    ['kind', `${r.kind}: ${r.kindReason}`],
    ...(r.workbook ? workbookLines(r.workbook) : [
      ['encoding', r.encoding],
      ['delimiter', `${delimiterName(r.delimiter)} (${JSON.stringify(r.delimiter)})`],
    ] satisfies [string, string][]),
    ['headers', r.headers.join(', ')],
    ['columns', mapping],
    // compared with --currency by estimate and batch (CURRENCY_MISMATCH), never converted
    ...(r.currencies ? [['currencies', r.currencies.join(', ') || 'none (the column is blank)'] satisfies [string, string]] : []),
    ['dates', `${r.firstDate} .. ${r.lastDate} (${n(r.days)} days)`],
    ['rows', `${n(r.rows)} read · ${n(r.rowsUsed)} used · ${n(skippedTotal)} skipped${skipped.length ? ` (${skipped.map(([k, v]) => `${k} ${n(v)}`).join(', ')})` : ''}`],
    ['empty days', r.emptyDays ? `${n(r.emptyDays)} ${emptyWhat}: ${few(r.emptyDates)}` : 'none'],
  ];
  for (const [i, w] of r.warnings.entries()) lines.push([i === 0 ? 'warnings' : '', `${w.code}: ${w.message}`]);
  if (r.warnings.length === 0) lines.push(['warnings', 'none']);
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${c.bold(k.padEnd(width))}  ${v}`).join('\n') + '\n';
}

/** The workbook lines of the report: format, every sheet (which was read, where its header is), the header row. */
export function workbookLines(w: WorkbookInfo): [string, string][] {
  const sheet = (s: WorkbookInfo['sheets'][number]) => {
    const state = s.index === w.sheet.index ? `header row ${w.headerRow} ← read`
      : w.alsoRead?.some((a) => a.index === s.index) ? `header row ${s.headerRow} ← read on (the same header)`
      : s.headerRow === null ? 'no header in its first rows' : s.headerRow === undefined ? 'not looked at' : `header row ${s.headerRow}`;
    return `${s.index} ${JSON.stringify(s.name)}${s.hidden ? ' (hidden)' : ''}: ${state}`;
  };
  return [
    ['format', `xlsx${w.encrypted ? ' (password-protected, decrypted in memory)' : ''}${w.date1904 ? ', 1904 date system' : ''}`],
    ['sheet', `${w.sheet.index} ${JSON.stringify(w.sheet.name)}, header row ${w.headerRow}`],
    ...w.sheets.map((s, i): [string, string] => [i === 0 ? 'sheets' : '', sheet(s)]),
  ];
}

/** First few dates: `2025-01-03, 2025-01-09, … (+4 more)`. */
function few(dates: string[], shown = 8): string {
  return dates.slice(0, shown).join(', ') + (dates.length > shown ? `, … (+${dates.length - shown} more)` : '');
}
