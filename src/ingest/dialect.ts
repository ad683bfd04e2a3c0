// The CSV dialect: which delimiter, csv-parse's options, and csv-parse's errors as our codes.
import type { Options } from 'csv-parse';
import { CsvError } from 'csv-parse';
import { LossCalcError } from '../errors.js';

/** Delimiters we detect, in tie-break order. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Longest record (line, or lines of one quoted field) csv-parse buffers, in chars: the limit on
 * line length and field size alike. Past it a line is surely an unclosed quote or not an export.
 */
export const MAX_RECORD_CHARS = 1 << 20;
/** Most header columns we accept. */
export const MAX_COLUMNS = 1000;

/** Human name of a delimiter: `delimiterName('\t') === 'tab'`. */
export function delimiterName(d: string): string {
  return d === ',' ? 'comma' : d === '\t' ? 'tab' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : JSON.stringify(d);
}

/**
 * The delimiter of a file from its head: Excel's `sep=;` line if present; else the one that splits
 * the first line naming two fields or more (`names`: a cell's field, if any) into the most such
 * cells, when no other splits as many — a header is what a person reads a file by,
 * and rows that leave their trailing empty cells out (`1,2,a:b;c:d`) outvote it on counts; else
 * the one whose count outside quotes is the same on the most of its first 20 lines that have any —
 * a header and its rows agree on it, where a title line above them (`주문내역 조회, 기간: …, 총
 * 2,489건` over a TSV) or `₩12,000` cells in a TSV's rows do not. On a tie, the most frequent on the
 * first such line: a `;` file's decimal commas (`12,50`) never reach its header.
 * `detectDelimiter('a;b;c\n1;2;3') === ';'`.
 */
export function detectDelimiter(text: string, names?: (cell: string) => string | undefined): Delimiter {
  const sep = /^\s*sep=([,;\t|])\s*$/im.exec(text.slice(0, 20));
  if (sep) return sep[1] as Delimiter;
  const named = names === undefined ? -1 : mostNamed(text, names);
  if (named >= 0) return DELIMITERS[named];
  const lines = delimiterCounts(text, 20);
  if (lines.length === 0) return DELIMITERS[0];
  const first = lines[0];
  let best = 0;
  let bestScore = -1;
  DELIMITERS.forEach((_, k) => {
    const score = agreeing(lines.map((c) => c[k]));
    const better = score > bestScore || (score === bestScore && first[k] > first[best]);
    if (better) [best, bestScore] = [k, score];
  });
  return DELIMITERS[best];
}

/**
 * The index of the delimiter under which the first line of the first 20 that names two or more
 * distinct fields under any names the most (no tie), or -1: that line is the header, the rows
 * below it are not asked (a wide file's hundreds of cells a line).
 */
function mostNamed(text: string, names: (cell: string) => string | undefined): number {
  for (const line of text.split(/\r\n|\n|\r/, 20)) {
    const named = DELIMITERS.map((d) => (line.includes(d) ? new Set(line.split(d).map((c) => names(c.trim().replace(/^"(.*)"$/, '$1'))).filter((f) => f !== undefined)).size : 0));
    const top = Math.max(...named);
    if (top >= 2) return named.filter((m) => m === top).length === 1 ? named.indexOf(top) : -1;
  }
  return -1;
}

/** Counts of each delimiter outside quotes on the first `max` lines that have any (a quoted line break stays in its line). */
function delimiterCounts(text: string, max: number): number[][] {
  const out: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuote = false;
  for (let i = 0; i <= text.length && out.length < max; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (inQuote && c !== undefined) continue;
    else if (c === '\n' || c === '\r' || c === undefined) {
      if (counts.some((k) => k > 0)) out.push(counts);
      counts = [0, 0, 0, 0];
    } else {
      const k = DELIMITERS.indexOf(c as Delimiter);
      if (k >= 0) counts[k]++;
    }
  }
  return out;
}

/** How many lines share the most common non-zero count (0 when none has any). */
function agreeing(counts: number[]): number {
  const seen = new Map<number, number>();
  let most = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const m = (seen.get(n) ?? 0) + 1;
    seen.set(n, m);
    if (m > most) most = m;
  }
  return most;
}

/**
 * Whether a tab-separated file quotes its fields, from its head. Excel's TSV does (`"12"" pan"`, a
 * field with a line break in quotes); Amazon's flat files and database dumps write cells as they
 * are, so a product named `"Organic Brown Rice` would open a quote that swallows the lines up to
 * the next `"` — rows merged without a word. A TSV is read with quotes only when its head shows a
 * quoted field on one line (a quote opening a field, closed right before a tab or line end) and no
 * field that, read so, would hold a tab: a quoted cell with a tab in it is a stray quote far more
 * often than a cell with a tab. `tsvQuotes('a\t"b\tc"\n') === false`, `tsvQuotes('a\t"b ""x"""\n') === true`.
 */
export function tsvQuotes(head: string): boolean {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const atFieldStart = i === 0 || head[i - 1] === '\t' || head[i - 1] === '\n' || head[i - 1] === '\r';
    if (!atFieldStart || head[i] !== '"') continue;
    const end = closingQuote(head, i + 1);
    if (end < 0) return quoted && head.indexOf('\t', i) < 0; // still open where the head ends
    const inside = head.slice(i + 1, end);
    if (inside.includes('\t')) return false;
    // a field closed on its own line shows quoting; one spanning lines may be two stray quotes
    if (!inside.includes('\n') && !inside.includes('\r')) quoted = true;
    i = end;
  }
  return quoted;
}

/** Index of the quote closing a field opened before `from` (one followed by a tab, a line end or the end), or -1. */
function closingQuote(text: string, from: number): number {
  for (let j = text.indexOf('"', from); j >= 0; j = text.indexOf('"', j + 1)) {
    const next = text[j + 1];
    if (next === '"') j++; // a doubled quote inside the field
    else if (next === undefined || next === '\t' || next === '\n' || next === '\r') return j;
  }
  return -1;
}

/**
 * csv-parse options. Blank lines are passed through (not `skip_empty_lines`) because we count
 * physical lines ourselves: csv-parse's per-record `info` (on_record) costs ~1.7 µs a row.
 * Column counts are checked by us too, so the error names the line and both counts.
 */
export function csvOptions(delimiter: Delimiter, quotes = true): Options {
  return {
    delimiter,
    quote: quotes ? '"' : false, // see tsvQuotes
    // every line ending, in any mix: csv-parse would otherwise fix the first one it sees, so a
    // CRLF file with LF lines appended merges rows, and a quoted field before \r\n keeps its quotes
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: false, // stripped from the raw bytes already, for every encoding alike
    relax_column_count: true,
    relax_quotes: true, // 12" TV in an unquoted field is kept as typed
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    encoding: 'utf8',
  };
}

/**
 * csv-parse's error as a coded LossCalcError naming the file and line. `nextLine` is where the
 * record being read started (csv-parse reports where it stopped, e.g. at the end of the file).
 */
export function csvErrorToCoded(e: unknown, file: string, nextLine: number): LossCalcError | null {
  if (!(e instanceof CsvError)) return null;
  const at = (e as CsvError & { lines?: number }).lines;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new LossCalcError('BAD_CSV', `${file}: line ${nextLine}: a quoted field opened here is never closed (the file ends at line ${at})`,
        'a quote (") inside a field must be doubled ("") or the field left unquoted');
    case 'CSV_MAX_RECORD_SIZE':
      return new LossCalcError('FIELD_TOO_LARGE', `${file}: line ${nextLine}: a line or field longer than ${MAX_RECORD_CHARS} characters`,
        'usually an unclosed quote (") that swallows the rest of the file, or a file that is not an export');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new LossCalcError('BAD_CSV', `${file}: line ${at ?? nextLine}: text follows a closing quote inside a field`,
        'a quote (") inside a quoted field must be doubled ("")');
    default:
      return new LossCalcError('BAD_CSV', `${file}: line ${at ?? nextLine}: ${e.message}`);
  }
}
