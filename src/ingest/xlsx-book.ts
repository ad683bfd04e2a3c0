// The workbook's own map of itself: which parts are its sheets (in tab order, with names and
// visibility), where the shared strings are, and whether dates count from 1904. Read from three
// small XML parts with linear, anchored patterns (no backtracking on hostile input); the sheet
// data itself is left to exceljs.
import { Budget, readPart, type ZipBytes, type ZipEntry } from './xlsx-zip.js';
import { unsupported } from './xlsx-container.js';

/** One worksheet, in tab order. */
export interface BookSheet {
  /** 1-based tab position among the worksheets. */
  index: number;
  name: string;
  hidden: boolean;
  /** Its part in the zip (null: the workbook names a part that is missing). */
  entry: ZipEntry | null;
}

/** What the reader needs from a workbook before reading a sheet. */
export interface Book {
  sheets: BookSheet[];
  sharedStrings: ZipEntry | null;
  date1904: boolean;
  /**
   * The workbook asks to be calculated when opened (`<calcPr fullCalcOnLoad="1"/>`): written by a
   * library (xlsxwriter, openpyxl), its formulas' cached 0 is a placeholder, not a result.
   */
  recalc: boolean;
}

const TAG = /<(?:[A-Za-z_][\w.-]*:)?(sheet|Relationship|workbookPr|Override|Default)\s([^<>]*?)\/?>/g;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** XML entities of an attribute value: `unescapeXml('A&amp;B') === 'A&B'`. */
export function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (m, hex: string, dec: string, named: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named] ?? m;
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** The tags named `tag` in `xml`, each as its attributes (local names, e.g. `r:id` → `id`, and full names). */
function tags(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(TAG)) {
    if (m[1] !== tag) continue;
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(ATTR)) {
      const v = unescapeXml(a[2] ?? a[3] ?? '');
      attrs[a[1]] = v;
      const colon = a[1].indexOf(':');
      if (colon >= 0 && attrs[a[1].slice(colon + 1)] === undefined) attrs[a[1].slice(colon + 1)] = v;
    }
    out.push(attrs);
  }
  return out;
}

/** A relationship target resolved against the folder of the part that owns it: `resolveTarget('xl/', '../x.xml') === 'x.xml'`. */
export function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/**
 * Read the workbook's map, or null when the zip is not a spreadsheet workbook at all.
 * A macro-enabled workbook (a VBA project, or a macro content type) → UNSUPPORTED_FORMAT.
 */
export async function readBook(bytes: ZipBytes, entries: ZipEntry[], name: string, budget: Budget): Promise<Book | null> {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/\\/g, '/').replace(/^\//, ''), e);
  const find = (p: string) => byName.get(p) ?? [...byName.entries()].find(([k]) => k.toLowerCase() === p.toLowerCase())?.[1];
  const part = async (p: string) => {
    const e = find(p);
    return e ? readPart(bytes, e, name, budget) : null;
  };
  const types = (await part('[Content_Types].xml')) ?? '';
  const rootRels = (await part('_rels/.rels')) ?? '';
  const office = tags(rootRels, 'Relationship').find((r) => /\/officeDocument$/.test(r.Type ?? ''));
  const bookPath = office?.Target ? resolveTarget('', office.Target) : 'xl/workbook.xml';
  // the workbook part's own type says macro-enabled (.xlsm), not any Default line: SheetJS declares
  // a macro type for `.bin` parts in every workbook it writes, with no such part
  const bookType = tags(types, 'Override').find((o) => (o.PartName ?? '').replace(/^\//, '').toLowerCase() === bookPath.toLowerCase())?.ContentType ?? '';
  if ([...byName.keys()].some((k) => /(^|\/)vbaProject\.bin$/i.test(k)) || /macroEnabled/i.test(bookType)) {
    throw unsupported(name, 'a macro-enabled workbook');
  }
  const bookXml = await part(bookPath);
  if (bookXml === null || !/<(?:[\w.-]+:)?workbook[\s>]/.test(bookXml)) return null;
  const baseDir = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  const rels = new Map<string, { type: string; target: string }>();
  for (const r of tags((await part(relsOf(bookPath))) ?? '', 'Relationship')) {
    if (r.Id && r.Target && r.TargetMode !== 'External') rels.set(r.Id, { type: r.Type ?? '', target: resolveTarget(baseDir, r.Target) });
  }
  const sheets: BookSheet[] = [];
  for (const s of tags(bookXml, 'sheet')) {
    const rel = rels.get(s.id ?? '');
    if (rel && !/\/worksheet$/.test(rel.type)) continue; // chart sheets and dialog sheets hold no table
    sheets.push({ index: sheets.length + 1, name: s.name ?? `Sheet${sheets.length + 1}`, hidden: s.state === 'hidden' || s.state === 'veryHidden',
      entry: rel ? find(rel.target) ?? null : null });
  }
  const ss = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const pr = tags(bookXml, 'workbookPr')[0];
  const recalc = /<(?:[\w.-]+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(bookXml);
  return { sheets, sharedStrings: ss ? find(ss.target) ?? null : null, date1904: pr?.date1904 === '1' || pr?.date1904 === 'true', recalc };
}
