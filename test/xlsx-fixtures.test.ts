// The committed workbooks are what the generator makes: byte-identical for the plain ones, the
// same decrypted content for the encrypted one (its salts are random), each under 1 MB.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, XLSX_FIXTURES, decryptsTo, writeXlsxFixtures } from '../src/sim/write-xlsx.js';
import { FIXTURES } from './cli-helpers.js';

const DIR = join(FIXTURES, 'xlsx');

describe('xlsx fixtures', () => {
  it('regenerate byte-identically (the encrypted one is kept: it decrypts to the same workbook)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-calc-xlsx-'));
    try {
      for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(dir, f));
      await writeXlsxFixtures(dir);
      expect(readdirSync(dir).sort()).toEqual(readdirSync(DIR).sort());
      for (const f of readdirSync(dir)) {
        expect(readFileSync(join(dir, f)).equals(readFileSync(join(DIR, f))), `${f} differs; run npm run build && npm run fixtures`).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('from scratch: plain workbooks byte-identical, a fresh encryption with other salts but the same content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-calc-xlsx-'));
    try {
      await writeXlsxFixtures(dir);
      for (const f of XLSX_FIXTURES) {
        const made = readFileSync(join(dir, f.file));
        const committed = readFileSync(join(DIR, f.file));
        if (!f.password) {
          expect(made.equals(committed), f.file).toBe(true);
          continue;
        }
        expect(made.equals(committed)).toBe(false); // random salts and keys
        const plain = await officeCrypto.decrypt(made, { password: f.password });
        expect(await decryptsTo(committed, f.password, plain)).toBe(true);
        expect(await decryptsTo(committed, 'not-the-password', plain)).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('each workbook is under 1 MB; the README names the test password; the encrypted one is an OLE file', () => {
    for (const f of XLSX_FIXTURES) expect(statSync(join(DIR, f.file)).size, f.file).toBeLessThan(1_000_000);
    expect(readFileSync(join(DIR, 'README.md'), 'utf8')).toContain(`Test password of the encrypted fixture: \`${FIXTURE_PASSWORD}\``);
    expect([...readFileSync(join(DIR, 'smartstore-orders-encrypted.xlsx')).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(readFileSync(join(DIR, 'coupang-wing-orders.xlsx')).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });
});
