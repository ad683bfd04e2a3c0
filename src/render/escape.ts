// HTML/SVG text escaping, in one place so every renderer escapes the same way.

/** Escape text for HTML and SVG (content and attributes): `escapeHtml('<a>') === '&lt;a&gt;'`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

// C0/C1 controls and DEL, but not tab or newline: what a terminal would act on
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from the input made safe for a terminal: `printable('a\x1b[2Jb') === 'a\\x1b[2Jb'`. */
export function printable(s: string): string {
  return s.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// every control, tab and newline too: an id or a file name is one line
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A one-line value from the input (a seller id, a file name) made safe for a terminal, its newlines and tabs shown as `\x0a`, `\x09`. */
export function printableLine(s: string): string {
  return s.replace(LINE_CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * The claim with every string that came from the input (seller id, file name, column
 * headers, warnings) made printable, for the terminal renderers (table, text).
 */
export function printableClaim<T extends { seller: string; input: { file: string }; warnings: { code: string; message: string }[] }>(c: T): T {
  return {
    ...c,
    seller: printableLine(c.seller),
    input: { ...c.input, file: printableLine(c.input.file) },
    warnings: c.warnings.map((w) => ({ code: printable(w.code), message: printable(w.message) })),
  };
}
