// Round trips: the same sales written in different ways must read back as the same daily series,
// and the same series must give the same claim. An order export vs the daily aggregate of the
// same orders; rows shuffled; UTF-8 / UTF-8+BOM / UTF-16 LE/BE / CP949; comma / tab / semicolon;
// LF / CRLF / CR and a mix; every cell quoted. Then through estimate(): identical claims.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { estimate } from '../src/core/estimate.js';
import type { Ingested } from '../src/core/types.js';
import { ingestFile } from '../src/ingest/index.js';
import { coupangLines, dailyLines, designSeller, englishLines } from '../src/sim/index.js';
import { DELIMITERS, ENCODINGS, encode, toText } from './fuzz-inputs.mjs';
import { NOT_SALE, isoOf, orderCells, ordersArb as anyOrders, truth, type GenOrder } from './ingest-helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251129);
const TZ = { tz: 'Asia/Seoul' };
const base = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').isDirectory() ? '/dev/shm' : os.tmpdir();
const DIR = fs.mkdtempSync(path.join(base, 'loss-calc-roundtrip-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));
let seq = 0;
const write = (bytes: Uint8Array) => {
  const p = path.join(DIR, `f${seq++ % 8}.csv`);
  fs.writeFileSync(p, bytes);
  return p;
};
const read = (bytes: Uint8Array) => ingestFile(write(bytes), TZ);

/** Order lists with at least one sale (else there is nothing to read: NO_ROWS). */
const ordersArb = anyOrders.filter((os) => os.some((o) => o.lines.some((l) => !NOT_SALE[l.status])));

const HEADER = ['주문번호', '주문일시', '결제금액', '주문상태'];

/** The daily aggregate of generated orders: every day of the coverage, zero days included. */
function dailyOf(orders: GenOrder[]): string[][] {
  const t = truth(orders);
  const lo = Math.min(...orders.map((o) => o.day));
  return t.series.orders.map((n, i) => [isoOf(lo + i), String(n), String(t.series.revenue[i])]);
}

/** What must not change between two readings of the same sales. */
const essence = (r: Ingested) => ({
  series: r.series, rows: r.info.rows, rowsUsed: r.info.rowsUsed, rowsSkipped: r.info.rowsSkipped,
  firstDate: r.info.firstDate, lastDate: r.info.lastDate, kind: r.info.kind, columns: r.info.columns,
});

describe('round trips', { timeout: 60_000 }, () => {
  it('an order export and its daily aggregate give the same daily series (200 generated order lists)', async () => {
    await fc.assert(
      fc.asyncProperty(ordersArb, async (orders) => {
        const o = await read(encode(toText(HEADER, orderCells(orders)), 'utf-8'));
        const d = await read(encode(toText(['date', 'orders', 'revenue'], dailyOf(orders)), 'utf-8'));
        expect(d.info.kind).toBe('daily');
        expect(d.series).toEqual(o.series);
        expect(o.series).toEqual(truth(orders).series);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('shuffled rows, any encoding, delimiter, line ending or quoting: the same reading (300 cases)', async () => {
    const variant = fc.record({
      shuffle: fc.boolean(),
      encoding: fc.constantFrom(...ENCODINGS),
      delimiter: fc.constantFrom(...DELIMITERS),
      eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
      quoteAll: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(ordersArb, variant, fc.infiniteStream(fc.nat()), async (orders, v, rnd) => {
        const rows = orderCells(orders);
        const reference = essence(await read(encode(toText(HEADER, rows), 'utf-8')));
        let cells = rows;
        if (v.shuffle) {
          const keys = rows.map(() => rnd.next().value as number);
          cells = rows.map((r, i) => [keys[i], r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        }
        let text = toText(HEADER, cells, v.delimiter, v.eol === 'mixed' ? '\n' : v.eol, v.quoteAll);
        if (v.eol === 'mixed') {
          let k = 0;
          text = text.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
        }
        const r = await read(encode(text, v.encoding));
        expect(essence(r)).toEqual(reference);
        expect(r.info.delimiter).toBe(v.delimiter);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('cells forced to text for Excel (="2025-03-01", \'12000) read as their text (150 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(ordersArb, fc.infiniteStream(fc.nat(2)), fc.boolean(), async (orders, how, quoteAll) => {
        const rows = orderCells(orders);
        const reference = essence(await read(encode(toText(HEADER, rows), 'utf-8')));
        const forced = rows.map((r) => r.map((c) => {
          const k = how.next().value as number;
          return k === 0 ? `="${c}"` : k === 1 && c !== '' ? `'${c}` : c;
        }));
        expect(essence(await read(encode(toText(HEADER, forced, ',', '\n', quoteAll), 'utf-8')))).toEqual(reference);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('the same sales as a Korean CP949 export, an English UTF-8 export and a daily aggregate: identical claims', async () => {
    for (const [design, i] of [['placebo', 0], ['growing', 1]] as const) {
      const { sim } = designSeller(design, i, 11);
      expect(sim.missing.some(Boolean)).toBe(false); // an aggregate's missing day is unknown, not zero
      const daily = await read(Buffer.from(`${[...dailyLines(sim)].join('\n')}\n`));
      const korean = await read(iconv.encode(`${[...coupangLines(sim, 3)].join('\r\n')}\r\n`, 'cp949'));
      const english = await read(Buffer.from(`\ufeff${[...englishLines(sim, 4)].join('\n')}\n`));
      expect([korean.info.kind, korean.info.encoding, english.info.encoding, daily.info.kind]).toEqual(['orders', 'cp949', 'utf-8-bom', 'daily']);
      expect(korean.series).toEqual(daily.series);
      expect(english.series).toEqual(daily.series);
      const opts = {
        seller: `rt-${design}`, incident: sim.incident, exclude: [], holidays: 'KR', model: 'auto', level: 0.95, seed: 7, margin: 0.3,
        currency: 'KRW', tz: 'Asia/Seoul', baselineMaxDays: 365, minBaselineDays: 28, version: 'test',
      };
      const claims = [daily, korean, english].map((ing) => estimate(ing, opts));
      // the input block describes each file; everything estimated from the series is the same
      const estimated = claims.map((c) => JSON.stringify({ ...c, input: null }));
      expect(estimated[1]).toBe(estimated[0]);
      expect(estimated[2]).toBe(estimated[0]);
      expect(claims[1].totals).toEqual(claims[0].totals);
      expect(claims[0].totals.orders.lost).not.toBeNull();
    }
  });
});
