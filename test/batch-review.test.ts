// Findings of a black-box review of `batch`, each through the built binary: files that
// vanished from the summary, stale outputs beside a new run's claims, honest totals, the
// Korean table, non-UTF-8 file names, and usage errors in the contract's form.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { designSeller, dailyLines, simulateSeller } from '../src/sim/index.js';
import { BIN, ROOT, run, tempDir, tempFile } from './cli-helpers.js';

const INCIDENT = '2025-11-29';
let root: string;

/** A small daily-aggregate seller's CSV text, all with the same incident. */
function sellerCsv(i: number): string {
  const { params } = designSeller('placebo', i, 11);
  const sim = simulateSeller({ ...params, incident: INCIDENT, baselineDays: 120, lossDays: 20 }, 500 + i);
  return `${[...dailyLines(sim)].join('\n')}\n`;
}

/** A folder with `ids` as `<id>.csv` sellers. */
function folderOf(name: string, ids: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  ids.forEach((id, i) => writeFileSync(join(dir, `${id}.csv`), sellerCsv(i)));
  return dir;
}

/** One long file, `seller,date,orders,revenue`, of a small seller per id (each cell written as given: quote it yourself). */
function groupedFile(name: string, ids: string[]): string {
  const lines = ['seller,date,orders,revenue'];
  ids.forEach((id, i) => {
    for (const l of sellerCsv(i).trim().split('\n').slice(1)) lines.push(`${id},${l}`);
  });
  const f = join(root, name);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

beforeAll(() => {
  root = tempDir();
});

describe('usage errors in the contract form', () => {
  it.each([
    ['batch', ['batch', '--bogus', 'x']],
    ['estimate', ['estimate', 'x.csv', '--incidnt', INCIDENT]],
    ['inspect', ['inspect']],
    ['the program', ['nope']],
  ])('commander errors of %s are `loss-calc: USAGE: …`, exit 2', (_what, args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^loss-calc: USAGE: /);
    expect(r.stderr).not.toMatch(/^error:/m);
  });

  it('rejects unknown --config keys with BAD_CONFIG naming the key', () => {
    const dir = folderOf('cfg', ['a']);
    const cfg = tempFile('c.json', JSON.stringify({ incident: INCIDENT, marign: 0.3, 'interest-rate': undefined }));
    for (const args of [['batch', dir], ['estimate', join(dir, 'a.csv')]]) {
      const r = run([...args, '--config', cfg]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/BAD_CONFIG: .*"marign"/);
    }
  });

  it('takes batch\'s own options from --config too (jobs, recursive …); estimate does not', () => {
    const dir = folderOf('cfgbatch', ['a', 'b']);
    const cfg = tempFile('cb.json', JSON.stringify({ incident: INCIDENT, jobs: 1, recursive: true }));
    const r = run(['batch', dir, '--config', cfg, '--format', 'csv']);
    expect([r.status, r.stdout.trim().split('\n').length], r.stderr).toEqual([0, 3]);
    const e = run(['estimate', join(dir, 'a.csv'), '--config', cfg]);
    expect([e.status, e.stderr]).toEqual([2, expect.stringMatching(/BAD_CONFIG: .*"jobs", "recursive"/)]);
    // a bad value from the config is refused as the flag's would be
    expect(run(['batch', dir, '--config', tempFile('cj.json', JSON.stringify({ incident: INCIDENT, jobs: 0 }))]).stderr).toMatch(/--jobs: expected a whole number/);
    // and a value of the wrong type (a string for a switch) is refused, not read as true
    expect(run(['batch', dir, '--config', tempFile('cr.json', JSON.stringify({ incident: INCIDENT, resume: 'false' }))]).stderr).toMatch(/BAD_CONFIG: .*"resume" must be a true or false, got "false"/);
  });

  it('says --by needs one file when given a folder (USAGE, exit 2)', () => {
    const dir = folderOf('byfolder', ['a']);
    const r = run(['batch', dir, '--by', 'seller', '--incident', INCIDENT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/USAGE: --by seller needs one file/);
  });
});

const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const rowsBy = (doc: { rows: { seller: string; status: string; error: string | null }[] }) => Object.fromEntries(doc.rows.map((r) => [r.seller, r]));

describe('every file that looks like a seller export is in the summary', () => {
  it('reads UTF-16 .txt, gives refused formats, broken links and FIFOs a failed row, and notes what it skipped', () => {
    const dir = folderOf('kinds', ['a']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sellerCsv(1).replaceAll(',', '\t'), 'utf16le')]);
    writeFileSync(join(dir, 'unicode-text.txt'), utf16);
    const zip = Buffer.from('PK\x03\x04not really a workbook', 'latin1');
    for (const ext of ['xls', 'xlsm', 'xlsb', 'ods', 'numbers']) writeFileSync(join(dir, `old-${ext}.${ext}`), zip);
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'broken.csv'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.csv')]).status).toBe(0);
    for (const n of ['notes.pdf', 'readme.md', 'export.CSV.bak']) writeFileSync(join(dir, n), 'x');
    writeFileSync(join(dir, '.hidden.csv'), 'x');
    const out = join(root, 'kinds-out');
    const r = run(['batch', dir, '--incident', INCIDENT, '--out', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/note: 3 files skipped \(not a seller file: export\.CSV\.bak, notes\.pdf, readme\.md\)/);
    const doc = summaryOf(out);
    const rows = rowsBy(doc);
    expect(Object.keys(rows).sort()).toEqual(['a', 'broken', 'old-numbers', 'old-ods', 'old-xls', 'old-xlsb', 'old-xlsm', 'pipe', 'unicode-text']);
    expect(rows['unicode-text'].status).toBe('ok');
    for (const ext of ['xls', 'xlsm', 'xlsb', 'ods', 'numbers']) expect(rows[`old-${ext}`].error).toMatch(/^UNSUPPORTED_FORMAT: /);
    expect(rows.broken.error).toMatch(/^FILE_NOT_FOUND: .*broken symbolic link/);
    expect(rows.pipe.error).toMatch(/^FILE_UNREADABLE: .*FIFO/);
    expect(doc.skipped).toEqual([
      { file: 'export.CSV.bak', reason: 'not a seller file' }, { file: 'notes.pdf', reason: 'not a seller file' }, { file: 'readme.md', reason: 'not a seller file' },
    ]);
    // estimate says the same for a refused format
    const e = run(['estimate', join(dir, 'old-ods.ods'), '--incident', INCIDENT]);
    expect(e.stderr).toMatch(/^loss-calc: UNSUPPORTED_FORMAT: /);
  });

  it('Excel lock files (~$x.xlsx) are skipped and named; a Korean name from macOS (NFD) is its NFC id and takes its manifest row', () => {
    const dir = folderOf('mac', ['a']);
    writeFileSync(join(dir, '~$a.xlsx'), Buffer.from('\x05owner\x00\x00', 'latin1'));
    const nfd = '가게'.normalize('NFD');
    writeFileSync(join(dir, `${nfd}.csv`), sellerCsv(2));
    const manifest = tempFile('mac-manifest.csv', 'seller,margin\n가게,0.3\n');
    const out = join(root, 'mac-out');
    const r = run(['batch', dir, '--incident', INCIDENT, '--manifest', manifest, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: 1 file skipped \(an Excel lock file \(the file is open in Excel\): ~\$a\.xlsx\)/);
    expect(r.stderr).not.toMatch(/not in the batch/);
    const doc = summaryOf(out);
    const rows = rowsBy(doc);
    expect(Object.keys(rows).sort()).toEqual(['a', '가게']); // the NFC id, as typed
    expect(rows['가게'].lost_profit).not.toBeNull(); // the manifest's margin applied
    expect(existsSync(join(out, '가게.json'))).toBe(true);
  });

  it('two sellers of the same file, byte for byte (a download saved twice), are both estimated and named in a warning, resumed too', () => {
    const dir = folderOf('twice', ['shop', 'other']);
    writeFileSync(join(dir, 'shop (1).csv'), readFileSync(join(dir, 'shop.csv')));
    const out = join(root, 'twice-out');
    const warning = 'loss-calc: warning: "shop", "shop (1)" are the same file, byte for byte (a download saved twice?): the totals count it 2 times';
    const first = run(['batch', dir, '--incident', INCIDENT, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain(warning);
    expect(rowsBy(summaryOf(out))['shop (1)'].status).toBe('ok');
    const again = run(['batch', dir, '--incident', INCIDENT, '--out', out, '--resume']);
    expect(again.stderr).toContain(warning);
    expect(run(['batch', folderOf('once', ['shop', 'other']), '--incident', INCIDENT, '--format', 'csv']).stderr).not.toMatch(/same file/);
  });

  it('--recursive follows symlinked folders once (no loop) and never reads an earlier output folder as sellers', () => {
    const dir = folderOf('rec', ['a']);
    const north = join(dir, 'north');
    mkdirSync(north);
    writeFileSync(join(north, 'b.csv'), sellerCsv(1));
    const elsewhere = folderOf('rec-elsewhere', ['c']);
    symlinkSync(elsewhere, join(dir, 'linked'));
    symlinkSync(dir, join(north, 'loop')); // back to the top
    const old = run(['batch', join(root, 'rec-elsewhere'), '--incident', INCIDENT, '--out', join(dir, 'old-run'), '--jobs', '1']);
    expect(old.status, old.stderr).toBe(0);
    const flat = run(['batch', dir, '--incident', INCIDENT, '--format', 'json', '--jobs', '1']);
    expect(flat.stderr).toMatch(/note: 3 folders skipped \(a sub-folder \(add --recursive\): linked\/, north\/, old-run\/\)/);
    const r = run(['batch', dir, '--incident', INCIDENT, '--recursive', '--format', 'json', '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows.map((x: { seller: string }) => x.seller)).toEqual(['a', 'linked/c', 'north/b']);
    expect(doc.skipped).toEqual([{ file: 'old-run/', reason: 'a loss-calc output folder' }]);
  });

  it('--recursive names a folder linked from inside the input by its real path, whichever way the walk meets it', () => {
    const dir = folderOf('rec-alias', []);
    for (const sub of ['north', 'south']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'south', 'shop-2.csv'), sellerCsv(2));
    writeFileSync(join(dir, 'north', 'shop-1.csv'), sellerCsv(1));
    symlinkSync(join(dir, 'south'), join(dir, 'north', 'alias'));
    symlinkSync(join(dir, 'south'), join(dir, 'a-first'));
    const r = run(['batch', dir, '--incident', INCIDENT, '--recursive', '--format', 'json', '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((x: { seller: string }) => x.seller)).toEqual(['north/shop-1', 'south/shop-2']);
  });

  it('reads files whose names are CP949 bytes, with the id decoded', () => {
    const dir = folderOf('cp949', ['ok']);
    const name = Buffer.concat([Buffer.from(dir), Buffer.from('/'), iconv.encode('판매자', 'cp949'), Buffer.from('.csv')]);
    writeFileSync(name, sellerCsv(2));
    const out = join(root, 'cp949-out');
    const r = run(['batch', dir, '--incident', INCIDENT, '--out', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    const rows = rowsBy(summaryOf(out));
    expect(rows['판매자'].status).toBe('ok');
    expect(JSON.parse(readFileSync(join(out, '판매자.json'), 'utf8')).seller).toBe('판매자');
  });
});

describe('--out DIR never mixes runs', () => {
  it('a killed rerun leaves no complete summary of the previous run beside its new claims', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const dir = folderOf('kill', ids);
    const out = join(root, 'kill-out');
    const first = run(['batch', dir, '--incident', INCIDENT, '--out', out, '--format', 'html', '--jobs', '1']);
    expect(first.status, first.stderr).toBe(0);
    for (const f of ['summary.json', 'summary.csv', 'index.html']) expect(existsSync(join(out, f))).toBe(true);
    writeFileSync(join(dir, 's00.csv'), sellerCsv(3)); // a new seller, first in order: its claim means the rerun is under way
    const child = spawn(process.execPath, [BIN, 'batch', dir, '--incident', INCIDENT, '--out', out, '--jobs', '1'], { cwd: ROOT });
    const ended = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let killed = false;
    const poll = setInterval(() => {
      if (!killed && existsSync(join(out, 's00.json'))) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 2);
    await ended;
    clearInterval(poll);
    expect(killed).toBe(true);
    for (const f of ['summary.json', 'summary.csv', 'index.html']) expect(existsSync(join(out, f)), f).toBe(false);
  });

  it('a complete run removes the outputs of sellers it did not have, and reports of a format it did not write, only when provably ours', () => {
    const dir = folderOf('stale', ['a', 'b', 'c', 'd']);
    const out = join(root, 'stale-out');
    expect(run(['batch', dir, '--incident', INCIDENT, '--out', out, '--format', 'html', '--jobs', '2']).status).toBe(0);
    writeFileSync(join(out, 'mine.json'), '{"not": "a claim"}\n');
    writeFileSync(join(out, 'd.json'), '{"edited": true}\n'); // the user's now: it stays
    for (const s of ['c', 'd']) rmSync(join(dir, `${s}.csv`));
    const r = run(['batch', dir, '--incident', INCIDENT, '--out', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/removed the claims and reports of 1 earlier seller\(s\) not in this run: "c"/);
    const left = readdirSync(out).sort();
    // d's report was ours (its hash is in the sidecar) and goes; the edited claim and its sidecar stay
    expect(left).toEqual(['.state', 'a.json', 'b.json', 'd.json', 'mine.json', 'summary.csv', 'summary.json'].sort());
    expect(readdirSync(join(out, '.state')).sort()).toEqual(['a.json', 'b.json', 'd.json']);
  });
});

describe('the summary table', () => {
  it('says how many sellers the lost-profit total covers, in the table and in summary.json', () => {
    const dir = folderOf('margin', ['a', 'b', 'c']);
    const m = join(root, 'margin.csv');
    writeFileSync(m, 'seller,margin\nb,0.3\n');
    const r = run(['batch', dir, '--incident', INCIDENT, '--manifest', m, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Total over 3 ok seller\(s\): .* · lost profit ₩[\d,.-]+ \(1 of 3 sellers with a margin\)\n$/);
    const doc = JSON.parse(run(['batch', dir, '--incident', INCIDENT, '--manifest', m, '--format', 'json', '--jobs', '1']).stdout);
    expect(doc.totals.lost_profit_sellers).toBe(1);
    expect(doc.totals.lost_profit).toBe(doc.rows.find((x: { seller: string }) => x.seller === 'b').lost_profit);
    const all = run(['batch', dir, '--incident', INCIDENT, '--margin', '0.3', '--jobs', '1']);
    expect(all.stdout).toMatch(/lost profit ₩[\d,.-]+\n$/); // all have one: nothing to qualify
  });

  it('--lang ko translates the headers, status words and totals (csv/json keep the contract)', () => {
    const dir = folderOf('ko', ['a', 'b']);
    writeFileSync(join(dir, 'broken.csv'), 'nothing,here\n');
    const r = run(['batch', dir, '--incident', INCIDENT, '--lang', 'ko', '--jobs', '1']);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/판매자 .* 상태 .* 모형 .* 주문 손실 .* 95% 구간 .* 매출 손실/);
    expect(r.stdout).toMatch(/│ a +│ 정상 +│/);
    expect(r.stdout).toMatch(/│ broken +│ 실패 +│/);
    expect(r.stdout).toMatch(/판매자 3명: 정상 2명, 데이터 부족 0명, 실패 1명\n정상 판매자 2명 합계: 주문 손실 [\d,.-]+건 · 매출 손실 ₩/);
    expect(r.stdout).not.toMatch(/lost|seller|failed/);
    const csv = run(['batch', dir, '--incident', INCIDENT, '--lang', 'ko', '--format', 'csv', '--jobs', '1']).stdout;
    expect(csv.split('\n')[0]).toMatch(/^seller,status,/);
    expect(csv).toMatch(/\nbroken,failed,/);
  });
});

describe('manifest and --by', () => {
  it('reads a manifest with Korean and spelled-out headers', () => {
    const dir = folderOf('mko', ['a', 'b']);
    const m = join(root, 'mko.csv');
    writeFileSync(m, `판매자,사고일,마진\na,${INCIDENT},0.3\nb,${INCIDENT},\n`);
    const r = run(['batch', dir, '--manifest', m, '--format', 'json', '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    const rows = rowsBy(JSON.parse(r.stdout)) as Record<string, { lost_profit: number | null }>;
    expect(rows.a.lost_profit).not.toBeNull();
    expect(rows.b.lost_profit).toBeNull();
    writeFileSync(m, `Seller ID,Incident Date,margin\na,${INCIDENT},0.3\nb,${INCIDENT},\n`);
    expect(run(['batch', dir, '--manifest', m, '--format', 'json', '--jobs', '1']).status).toBe(0);
    writeFileSync(m, `seller,판매자\na,a\n`);
    expect(run(['batch', dir, '--manifest', m, '--incident', INCIDENT, '--jobs', '1']).stderr).toMatch(/BAD_CONFIG: .*more than one column for seller/);
  });

  it('keeps --by rows with a blank seller cell as a labelled seller, with a warning', () => {
    const f = groupedFile('blank.csv', ['a', 'b', '']);
    const out = join(root, 'blank-out');
    const r = run(['batch', f, '--by', 'seller', '--incident', INCIDENT, '--out', out, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: --by seller: rows with an empty seller cell are kept as seller "\(blank seller\)"/);
    const rows = rowsBy(summaryOf(out)) as Record<string, { status: string; warnings: string }>;
    expect(Object.keys(rows)).toEqual(['(blank seller)', 'a', 'b']);
    expect(rows['(blank seller)'].warnings).toMatch(/BLANK_SELLER/);
  });

  it('numbers the blank seller beside one literally named so, and reads a database\'s \\N or NULL seller as blank', () => {
    const f = groupedFile('blank-clash.csv', ['(blank seller)', '\\N', 'b']);
    const out = join(root, 'blank-clash-out');
    const r = run(['batch', f, '--by', 'seller', '--incident', INCIDENT, '--out', out, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('kept as seller "(blank seller) 2"');
    expect(Object.keys(rowsBy(summaryOf(out)))).toEqual(['(blank seller)', '(blank seller) 2', 'b']);
    expect(readdirSync(out).filter((n) => n.endsWith('.json')).sort()).toEqual(['(blank seller) 2.json', '(blank seller).json', 'b.json', 'summary.json']);
  });

  it('the table shows a seller id\'s newline as \\x0a, on one line', () => {
    const f = groupedFile('nl.csv', ['"line\nbreak"']);
    const r = run(['batch', f, '--by', 'seller', '--incident', INCIDENT, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('line\\x0abreak');
  });

  it('an --until before the incident (flag or manifest row) is a usage error naming its source; a manifest in the folder is no seller', () => {
    const dir = folderOf('until', ['a', 'b']);
    const flag = run(['batch', dir, '--incident', INCIDENT, '--until', '2025-11-01']);
    expect([flag.status, flag.stderr]).toEqual([2, expect.stringContaining('UNTIL_BEFORE_INCIDENT: --until 2025-11-01 is before --incident 2025-11-29')]);
    const m = join(dir, 'manifest.csv');
    writeFileSync(m, 'seller,until\na,2025-11-01\n');
    const row = run(['batch', dir, '--incident', INCIDENT, '--manifest', m]);
    expect([row.status, row.stderr]).toEqual([2, expect.stringContaining('manifest.csv: line 2: until 2025-11-01 is before --incident 2025-11-29')]);
    writeFileSync(m, 'seller,margin\na,0.3\n');
    const ok = run(['batch', dir, '--incident', INCIDENT, '--manifest', m, '--format', 'json', '--jobs', '1']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(Object.keys(rowsBy(JSON.parse(ok.stdout)))).toEqual(['a', 'b']);
    expect(ok.stderr).toContain('the --manifest file');
  });
});
