// What kind of Office file this is, from its magic bytes, and the refusals. Light on purpose:
// the CSV path imports it, so the workbook reader (exceljs loads in ~0.4 s) is only imported
// when a file turns out to be a zip or an OLE compound file.
import { LossCalcError } from '../errors.js';

/** The container a file's first bytes announce. */
export type Container = 'zip' | 'ole';

/** Which container the head bytes start with, if any: `containerOf(Buffer.from('PK\x03\x04'))` is 'zip'. */
export function containerOf(head: Uint8Array): Container | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  return null;
}

/** Thrown by openSource when the head is a zip or OLE file: ingest hands the file to the workbook reader. */
export class WorkbookFile extends Error {
  constructor(readonly container: Container, readonly binary: LossCalcError) {
    super(binary.message);
  }
}

/** Extensions of Office formats that can carry macros or are binary: refused, never opened. */
export const REFUSED_EXTENSIONS: Record<string, string> = {
  '.xlsm': 'a macro-enabled workbook (.xlsm)',
  '.xltm': 'a macro-enabled template (.xltm)',
  '.xlam': 'an Excel add-in (.xlam)',
  '.xlsb': 'a binary workbook (.xlsb)',
  '.xls': 'a legacy Excel 97–2003 workbook (.xls)',
  '.xlt': 'a legacy Excel 97–2003 template (.xlt)',
  '.ods': 'an OpenDocument spreadsheet (.ods)',
  '.numbers': 'an Apple Numbers file (.numbers)',
};

const SAVE_AS = 'open it in Excel and use File → Save As → "Excel Workbook (*.xlsx)", or save the sheet as CSV; loss-calc never runs macros';

/** UNSUPPORTED_FORMAT for a workbook kind we refuse. */
export function unsupported(name: string, what: string): LossCalcError {
  return new LossCalcError('UNSUPPORTED_FORMAT', `${name}: ${what} is not read (save it as .xlsx)`, SAVE_AS);
}

/** `text` with every occurrence of `secret` replaced, so a library message cannot leak it. */
export function scrub(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}
