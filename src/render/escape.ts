// HTML/SVG text escaping, in one place so every renderer escapes the same way.

/** Escape text for HTML and SVG (content and attributes): `escapeHtml('<a>') === '&lt;a&gt;'`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
