// CSV/TSV rows that spreadsheets open cleanly: quoted when needed, formulas neutralised.

/**
 * Text a spreadsheet may run as a formula (OWASP CSV injection): a cell starting with = + - @,
 * tab or CR — also after leading spaces, which some importers trim (` =1+2`).
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u00a0\u3000]*[=+\-@])/;

/**
 * One cell: numbers stay numbers; text that a spreadsheet would execute gets a leading
 * apostrophe; quotes and separators are quoted. `cell('=1+2', ',') === "'=1+2"`.
 */
export function cell(v: string | number | boolean | null | undefined, sep: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes('"') || s.includes(sep) || s.includes('\n') || s.includes('\r')) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A whole table: header row then data rows, CRLF-free, ending with a newline. */
export function table(header: string[], rows: (string | number | boolean | null | undefined)[][], sep: string, bom = false): string {
  const lines = [header.map((h) => cell(h, sep)).join(sep), ...rows.map((r) => r.map((v) => cell(v, sep)).join(sep))];
  return `${bom ? '\uFEFF' : ''}${lines.join('\n')}\n`;
}
