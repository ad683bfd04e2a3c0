// Seller ids → file names inside the output folder. An id comes from a file name or a
// cell of someone's export, so it may be `../x`, `/etc/y`, `CON`, empty, or 10 kB long;
// the name it gets must stay inside DIR on every OS and never clash with another seller's.
import { createHash } from 'node:crypto';

/** Names Windows reserves whatever the extension (`CON.json` is the console). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Names batch itself writes in DIR (case-insensitive filesystems included); `index` is --format html's index.html. */
const OURS = /^(summary|index|\.state|\.loss-calc-state)$/i;
/** Longest name stem in UTF-8 bytes: 255 minus `.json`, writeAtomic's `.<name>.<pid>.<ms>.tmp` and a margin. */
export const MAX_NAME_BYTES = 180;

/** Short stable hash of a string: `shortHash('a') === 'ca978112'`. */
export function shortHash(s: string, n = 8): string {
  return createHash('sha256').update(s).digest('hex').slice(0, n);
}

/**
 * A file-name stem for a seller id, safe on Linux, macOS and Windows: path separators,
 * control and Windows-forbidden characters become `_`; leading dots (`..`, hidden files) and
 * trailing dots/spaces become `_`; reserved names get a `_` prefix; empty → `_`; too long →
 * cut + `~` + hash. `safeStem('../x') === '_._x'`, `safeStem('CON') === '_CON'`.
 */
export function safeStem(id: string): string {
  let s = id.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\<>:"|?*]/g, '_');
  s = s.replace(/^\.+/, (m) => '_'.repeat(m.length)).replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (s === '') return '_';
  if (RESERVED.test(s) || OURS.test(s)) s = `_${s}`;
  if (Buffer.byteLength(s) > MAX_NAME_BYTES) s = `${cutBytes(s, MAX_NAME_BYTES - 9)}~${shortHash(id)}`;
  return s;
}

/** The longest prefix of `s` within `max` UTF-8 bytes, never splitting a character. */
function cutBytes(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * Hands out unique stems in call order (callers go in a deterministic order). Uniqueness is
 * case-insensitive, as on macOS and Windows: a clash gets `~<hash of the id>`, then a counter.
 */
export class NameBook {
  private readonly used = new Set<string>();

  /** The stem for `id`: `safeStem(id)`, or a variant of it when that is taken. */
  take(id: string): string {
    const base = safeStem(id);
    let name = base;
    if (this.used.has(name.toLowerCase())) name = `${cutBytes(base, MAX_NAME_BYTES - 9)}~${shortHash(id)}`;
    for (let k = 2; this.used.has(name.toLowerCase()); k++) name = `${cutBytes(base, MAX_NAME_BYTES - 14)}~${shortHash(id)}-${k}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
