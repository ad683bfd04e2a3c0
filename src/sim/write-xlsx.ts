// The bundled Excel fixtures, written deterministically from fixed seeds (exceljs to write):
//   node dist/sim/write-xlsx.js [outDir]     (default fixtures/xlsx; part of `npm run fixtures`)
// Zip timestamps and document dates are pinned, so regenerating gives byte-identical workbooks —
// except the encrypted one: Office encryption draws random salts and keys, so that file is only
// rewritten when its decrypted content would change (it always decrypts to the same bytes).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { bufferBytes, readDirectory } from '../ingest/xlsx-zip.js';
import { monthlyTotals } from './monthly.js';
import { simulateSeller, type SimulatedSeller } from './simulate.js';
import { thousands, writeLines } from './write.js';
import { FIXTURES } from './write-fixtures.js';
import {
  MONTHLY_PARAMS, MONTHLY_SEED, STORE_PARAMS, STORE_SEED, WING_PARAMS, WING_SEED, dailySheet, settlementSheet, storeSheet, wingSheet, type SheetSpec,
} from './xlsx-sheets.js';

export * from './xlsx-sheets.js';

/** The test password of the encrypted fixture (a fixture, not a secret). */
export const FIXTURE_PASSWORD = 'loss-calc-fixture-2025';

// ---------------------------------------------------------------------------------------------
// Writing

const FIXED = new Date(Date.UTC(2026, 0, 13, 9, 0, 0));

/** A workbook of `sheets` as deterministic .xlsx bytes (fixed document dates, zip timestamps pinned). */
export async function workbookBytes(sheets: SheetSpec[], opts: { date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'loss-calc fixtures';
  wb.lastModifiedBy = 'loss-calc fixtures';
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.lastPrinted = FIXED;
  if (opts.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.widths?.forEach((w, k) => (ws.getColumn(k + 1).width = w));
    for (const [k, row] of s.rows.entries()) {
      const r = ws.getRow(k + 1);
      row.forEach((c, j) => {
        if (c !== null && c !== '') r.getCell(j + 1).value = c as ExcelJS.CellValue;
      });
    }
    for (const [letter, fmt] of Object.entries(s.numFmt ?? {})) ws.getColumn(letter).numFmt = fmt;
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.merges?.length) ws.getCell('A1').font = { bold: true, size: 14 };
  }
  return pinZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Set every entry's DOS modification time (local header and directory) to 2026-01-13 09:00, in place. */
export async function pinZipTimes(zip: Buffer): Promise<Buffer> {
  const time = (9 << 11) | (0 << 5) | 0;
  const date = ((2026 - 1980) << 9) | (1 << 5) | 13;
  const entries = await readDirectory(bufferBytes(zip), 'fixture');
  // directory records: walk them by signature from the first entry's record
  for (const e of entries) {
    zip.writeUInt16LE(time, e.offset + 10);
    zip.writeUInt16LE(date, e.offset + 12);
  }
  for (let p = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), cd = zip.readUInt32LE(p + 16), k = 0; k < entries.length; k++) {
    zip.writeUInt16LE(time, cd + 12);
    zip.writeUInt16LE(date, cd + 14);
    cd += 46 + zip.readUInt16LE(cd + 28) + zip.readUInt16LE(cd + 30) + zip.readUInt16LE(cd + 32);
  }
  return zip;
}

/** One bundled workbook: file name, how it is made, and a README paragraph. */
interface XlsxFixture {
  file: string;
  about: string;
  make: () => Promise<{ bytes: Buffer; sim: SimulatedSeller; rows: number }>;
  password?: string;
}

const sheetOf = (s: SheetSpec, n: number) => ({ rows: s.rows.length - n });

/** The bundled workbooks. Changing anything here changes the committed files: regenerate and commit. */
export const XLSX_FIXTURES: readonly XlsxFixture[] = [
  {
    file: 'coupang-wing-orders.xlsx',
    about: 'Coupang-Wing-like order export: a first sheet `안내` with a note only (no table), then `주문목록` with a title row, ' +
      'a merged note row and a blank row above the Korean header (row 4); 주문일시 as date cells, 결제금액 as formulas ' +
      '(=수량×판매가, cached results), rich-text product names, newest first, a 합계 row at the end. ~11 orders/day; −50 % from 2025-11-29.',
    async make() {
      const sim = simulateSeller(WING_PARAMS, WING_SEED);
      const sheet = wingSheet(sim, WING_SEED);
      const note: SheetSpec = { name: '안내', rows: [['엑셀 다운로드 안내'], ['주문목록 시트에 조회기간의 주문이 있습니다']] };
      return { bytes: await workbookBytes([note, sheet]), sim, ...sheetOf(sheet, 5) };
    },
  },
  {
    file: 'smartstore-orders-encrypted.xlsx',
    about: `Smartstore-like order download, **password-protected** (Office agile encryption, AES-256/SHA-512) with the test password \`${FIXTURE_PASSWORD}\`. ` +
      'Header on row 1, 결제일 as text `2025.11.29 13:05:22`, money as text `12,300원`. ~7 orders/day; −40 % from 2025-11-29.',
    password: FIXTURE_PASSWORD,
    async make() {
      const sim = simulateSeller(STORE_PARAMS, STORE_SEED);
      const sheet = storeSheet(sim, STORE_SEED);
      return { bytes: await workbookBytes([sheet]), sim, ...sheetOf(sheet, 1) };
    },
  },
  {
    file: 'settlement-monthly.xlsx',
    about: 'Monthly settlement statement (정산내역): a merged title row and a blank row above the header 정산월, 주문건수, 판매금액, 수수료, 정산금액; ' +
      '정산월 as date cells on the 1st (shown `yyyy-mm`, stored as serial numbers), fee and payout as formulas, a 합계 row. ' +
      `${monthlyTotals(simulateSeller(MONTHLY_PARAMS, MONTHLY_SEED)).length} complete months; −60 % from 2025-11-01 for a month, 20 % recovered.`,
    async make() {
      const sim = simulateSeller(MONTHLY_PARAMS, MONTHLY_SEED);
      const sheet = settlementSheet(sim);
      return { bytes: await workbookBytes([sheet]), sim, ...sheetOf(sheet, 4) };
    },
  },
  {
    file: 'daily-sales-1904.xlsx',
    about: 'The `daily-sales.csv` seller as a workbook in the **1904 date system** (Mac Excel\'s old default): `date` as date cells, ' +
      '`orders`, `revenue`; the same 6 missing days. Its claim equals the CSV\'s apart from the file name, hash, encoding and delimiter.',
    async make() {
      const f = FIXTURES.find((x) => x.name === 'daily-sales')!;
      const sim = simulateSeller(f.params, f.seed);
      const sheet = dailySheet(sim);
      return { bytes: await workbookBytes([sheet], { date1904: true }), sim, ...sheetOf(sheet, 1) };
    },
  },
];

/**
 * Write the workbooks and their README into `outDir`; returns the paths written. An encrypted
 * workbook already there that decrypts to the same bytes is kept (its salts are random).
 */
export async function writeXlsxFixtures(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const sections: string[] = [];
  for (const f of XLSX_FIXTURES) {
    const { bytes, sim, rows } = await f.make();
    const path = join(outDir, f.file);
    if (f.password) {
      if (!(existsSync(path) && (await decryptsTo(readFileSync(path), f.password, bytes)))) {
        writeFileSync(path, officeCrypto.encrypt(bytes, { password: f.password }));
      }
    } else writeFileSync(path, bytes);
    written.push(path);
    const t = sim.truth;
    sections.push(`## \`${f.file}\`\n\n${f.about}\n\n` +
      `- seed ${sim.seed}; data ${sim.start} … ${sim.until}; ${thousands(rows)} data rows; loss window ${sim.incident} … ${sim.until}\n` +
      `- true loss (realized counterfactual − actual): **${thousands(t.lossOrders)} orders, ₩${thousands(t.lossRevenue)}**\n`);
  }
  const readme = join(outDir, 'README.md');
  writeLines(readme, [README_HEAD + sections.join('\n') + README_TAIL]);
  written.push(readme);
  return written;
}

/** Whether an encrypted workbook opens with `password` to exactly `plain`. */
export async function decryptsTo(encrypted: Buffer, password: string, plain: Buffer): Promise<boolean> {
  try {
    return (await officeCrypto.decrypt(encrypted, { password })).equals(plain);
  } catch {
    return false;
  }
}

const README_HEAD = `# fixtures/xlsx

Excel workbooks in the shapes Korean seller centres hand out, made by
\`src/sim/write-xlsx.ts\` from seeded simulated sellers (exceljs writes them; do not edit
by hand). Regenerate with

\`\`\`
npm run build && npm run fixtures        # also runs node dist/sim/write-xlsx.js fixtures/xlsx
\`\`\`

The plain workbooks regenerate byte-identically (document dates and zip timestamps are
pinned). The encrypted one cannot: Office encryption draws random salts and keys, so the
generator keeps the committed file whenever it decrypts to the same workbook bytes, and
\`test/xlsx-fixtures.test.ts\` checks the decrypted content instead.

**Test password of the encrypted fixture: \`${FIXTURE_PASSWORD}\`** (a fixture, not a secret).

`;

const README_TAIL = `
Try them:

\`\`\`
loss-calc inspect fixtures/xlsx/coupang-wing-orders.xlsx
loss-calc estimate fixtures/xlsx/coupang-wing-orders.xlsx --incident 2025-11-29
LOSS_CALC_PASSWORD=${FIXTURE_PASSWORD} loss-calc estimate fixtures/xlsx/smartstore-orders-encrypted.xlsx --incident 2025-11-29
loss-calc estimate fixtures/xlsx/settlement-monthly.xlsx --incident 2025-11-01
\`\`\`
`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ?? join('fixtures', 'xlsx');
  for (const p of await writeXlsxFixtures(out)) process.stderr.write(`wrote ${p}\n`);
}
