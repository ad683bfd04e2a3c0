// Which text encoding a file is in, from its first bytes, and decoders for the stream.
// iconv-lite does CP949 and UTF-16 BE in pure JS on every Node build (TextDecoder has EUC-KR
// only with full ICU), streams, and keeps multi-byte characters split across chunks intact.
import { isUtf8 } from 'node:buffer';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';

/** Encodings we read, as recorded in `info.encoding`. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949' | 'windows-1252';

/** How many leading bytes are sniffed for the encoding, the delimiter and the header. */
export const SNIFF_BYTES = 64 * 1024;

/** What the first bytes say: text in an encoding (after a BOM of `bomLength` bytes), or binary. */
export type Sniffed =
  | { text: true; encoding: Encoding; bomLength: number; asciiOnly: boolean }
  | { text: false; what: string };

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Detect the encoding: a BOM first; NUL bytes mean UTF-16 (when they sit on one side of each
 * byte pair) or binary; else valid UTF-8 → 'utf-8', anything else → 'cp949' or, when its bytes
 * are not Korean text, 'windows-1252' (legacyEncoding).
 * `complete` says `head` is the whole file (no character can be cut at its end).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): Sniffed {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) {
    const rest = head.subarray(3);
    const body = rest.subarray(0, complete ? rest.length : completeUtf8Prefix(rest));
    if (isUtf8(body)) return { text: true, encoding: 'utf-8-bom', bomLength: 3, asciiOnly: false };
    // a UTF-8 BOM over CP949 text (some tools prepend one to whatever they write): the bytes decide
    return { text: true, encoding: legacyEncoding(body), bomLength: 3, asciiOnly: false };
  }
  if (startsWith(head, 0xff, 0xfe)) return { text: true, encoding: 'utf-16le', bomLength: 2, asciiOnly: false };
  if (startsWith(head, 0xfe, 0xff)) return { text: true, encoding: 'utf-16be', bomLength: 2, asciiOnly: false };
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return { text: false, what: 'a ZIP archive (an Excel .xlsx workbook?)' };
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) return { text: false, what: 'an Excel .xls workbook' };
  if (head.includes(0)) {
    const side = utf16Side(head);
    return side ? { text: true, encoding: side, bomLength: 0, asciiOnly: false } : { text: false, what: 'binary data (NUL bytes)' };
  }
  const end = complete ? head.length : completeUtf8Prefix(head);
  const sample = head.subarray(0, end);
  if (isUtf8(sample)) return { text: true, encoding: 'utf-8', bomLength: 0, asciiOnly: !sample.some((b) => b >= 0x80) };
  return { text: true, encoding: legacyEncoding(sample), bomLength: 0, asciiOnly: false };
}

/**
 * The legacy code page of text that is not UTF-8: CP949 (Korean Windows) or Windows-1252 (Excel
 * on a Western-European or US Windows: `12,50 €`, `Müller`). CP949 writes a common Hangul
 * syllable as 0xB0–0xC8 then 0xA1–0xFE (KS X 1001); its symbols, hanja and rarer syllables (햏, 똠)
 * otherwise. Windows-1252 writes single high bytes among ASCII (`é `, `ü` + `l`, `€\r\n`), which
 * CP949 mostly cannot read at all, and now and then two in a row (`é½`). Windows-1252 when those
 * and the rarer pairs are at least as many as the Hangul ones, and some bytes are no CP949 — or
 * there is no Hangul at all.
 */
export function legacyEncoding(b: Uint8Array): 'cp949' | 'windows-1252' {
  let ksx = 0;
  let rare = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    const t = i + 1 < b.length ? b[i + 1] : -1;
    if (c >= 0xb0 && c <= 0xc8 && t >= 0xa1 && t <= 0xfe) ksx++; // a Hangul syllable of KS X 1001
    else if (c >= 0xa1 && c <= 0xfe && t >= 0xa1 && t <= 0xfe) rare++; // its symbols and hanja, or two Latin letters (`é½`)
    else if (c >= 0x81 && c <= 0xc6 && ((t >= 0x41 && t <= 0x5a) || (t >= 0x61 && t <= 0x7a) || (t >= 0x81 && t <= 0xfe))) rare++;
    else {
      invalid++;
      continue; // one byte: what follows is read on its own
    }
    i++;
  }
  // Korean text always has common syllables too: rare pairs alone are 1252's `Œu`, `“q`
  return (invalid > 0 && invalid + rare >= ksx) || (ksx === 0 && rare > 0) ? 'windows-1252' : 'cp949';
}

/** UTF-16 without a BOM: NULs only at odd offsets (LE) or only at even ones (BE), in ≥ 30 % of pairs. */
function utf16Side(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  const n = Math.min(b.length, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  if (even === 0 && odd >= 0.3 * (n / 2)) return 'utf-16le';
  if (odd === 0 && even >= 0.3 * (n / 2)) return 'utf-16be';
  return null;
}

/**
 * Length of `b` without a trailing UTF-8 sequence cut short, so a sniff that ends mid-character
 * still validates: `completeUtf8Prefix(Buffer.from([0x41, 0xea, 0xb0])) === 1`.
 */
export function completeUtf8Prefix(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const c = b[n - k];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    if (c < 0xc0) return n; // ASCII ends the text cleanly
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return need > k ? n - k : n;
  }
  return n;
}

/** Text of the sniffed bytes (BOM removed), for the delimiter and header; a cut last char is harmless. */
export function decodeHead(head: Uint8Array, s: { encoding: Encoding; bomLength: number }): string {
  const body = Buffer.from(head.buffer, head.byteOffset + s.bomLength, head.length - s.bomLength);
  if (s.encoding === 'utf-8' || s.encoding === 'utf-8-bom') return body.toString('utf8');
  return iconv.decode(body, s.encoding, { stripBOM: false });
}

/** A streaming decoder to UTF-8 strings, or null for UTF-8 (csv-parse reads those bytes directly). */
export function decoderFor(encoding: Encoding): Transform | null {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return null;
  return iconv.decodeStream(encoding, { stripBOM: false }) as unknown as Transform;
}

/** Checks UTF-8 validity across chunk boundaries (a file may be ASCII for 64 KB and CP949 later). */
export class Utf8Check {
  private carry: Buffer | null = null;
  /** Whether the bytes so far are valid UTF-8 (an incomplete tail is held for the next chunk). */
  push(chunk: Buffer): boolean {
    const b = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Prefix(b);
    this.carry = cut < b.length ? Buffer.from(b.subarray(cut)) : null;
    return isUtf8(b.subarray(0, cut));
  }
  /** Whether the stream ended without a cut character. */
  end(): boolean {
    return this.carry === null;
  }
}
