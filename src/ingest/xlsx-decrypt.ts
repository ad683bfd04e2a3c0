// The decryption of a password-protected workbook. An encrypted .xlsx is not a zip: Office wraps
// it in an OLE compound file (magic D0 CF 11 E0, the same container as a legacy .xls) holding an
// "EncryptionInfo" and an "EncryptedPackage" stream. We look inside the OLE file (cfb) to tell the
// two apart, and decrypt in memory with officecrypto-tool (ECMA-376 agile and standard encryption,
// key derivation on node:crypto). The password never enters a message: every error built here is
// worded without it and scrubbed of it all the same.
import CFB from 'cfb';
import officeCrypto from 'officecrypto-tool';
import { LossCalcError } from '../errors.js';
import { scrub } from './xlsx-container.js';
import { XLSX_LIMITS } from './xlsx-zip.js';

/** An OLE file: an encrypted OOXML package (its two streams), or something else (a legacy .xls, .doc…). */
export type OleContent = { encrypted: true; info: Buffer; pkg: Buffer } | { encrypted: false };

/** Look inside an OLE compound file; null if it cannot be parsed as one. */
export function readOle(bytes: Buffer): OleContent | null {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return null;
  }
  const info = CFB.find(cfb, '/EncryptionInfo');
  const pkg = CFB.find(cfb, '/EncryptedPackage');
  if (!info || !pkg) return { encrypted: false };
  const buf = (c: unknown) => (Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return { encrypted: true, info: buf(info.content), pkg: buf(pkg.content) };
}

/**
 * Decrypt an encrypted package with `password`; the zip bytes of the workbook.
 * Missing → PASSWORD_REQUIRED; wrong → WRONG_PASSWORD; both exit 1 and never echo the password.
 */
export async function decryptWorkbook(name: string, ole: Extract<OleContent, { encrypted: true }>, whole: Buffer, password: string | undefined): Promise<Buffer> {
  if (password === undefined || password === '') {
    throw new LossCalcError('PASSWORD_REQUIRED', `${name}: the workbook is password-protected`,
      'give the password in the LOSS_CALC_PASSWORD environment variable (it stays out of shell history) or with --password');
  }
  const version = ole.info.length >= 4 ? `${ole.info.readUInt16LE(0)}.${ole.info.readUInt16LE(2)}` : '?';
  if (version === '4.4') {
    // agile: the key-derivation rounds come from the file; a huge count would hang us, so cap it
    const spin = /spinCount="(\d+)"/.exec(ole.info.subarray(8, 64 * 1024).toString('utf8'));
    if (!spin) throw new LossCalcError('BAD_WORKBOOK', `${name}: the workbook's encryption header is damaged`, 'download the file again');
    if (Number(spin[1]) > XLSX_LIMITS.spinCount) {
      throw new LossCalcError('UNSUPPORTED_FORMAT', `${name}: the workbook's encryption asks for ${spin[1]} key rounds (at most ${XLSX_LIMITS.spinCount})`,
        'open it in Excel, remove the password (File → Info → Protect Workbook), and save it as .xlsx');
    }
  }
  try {
    return await officeCrypto.decrypt(whole, { password });
  } catch (e) {
    const msg = scrub(String((e as Error)?.message ?? e), password);
    if (/password is incorrect/i.test(msg)) {
      throw new LossCalcError('WRONG_PASSWORD', `${name}: the password does not open this workbook`,
        'check the password (the one the seller centre showed when you downloaded the file); it is case-sensitive');
    }
    throw new LossCalcError('UNSUPPORTED_FORMAT', `${name}: cannot decrypt the workbook (${msg}; encryption version ${version})`,
      'open it in Excel, remove the password, and save it as .xlsx');
  }
}

