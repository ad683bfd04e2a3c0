// Generators of hostile inputs for the ingest path, and the oracle every outcome must satisfy.
// Shared by test/fuzz-ingest.test.ts (npm test, a fixed seed) and bench/fuzz.mjs (`npm run fuzz`,
// a larger campaign), so it is plain JS that imports nothing from the project: the caller hands
// in the ingest functions and error class it uses (src under vitest, dist under node).
import fc from 'fast-check';
import iconv from 'iconv-lite';

/** Codes whose message must name a line: the problem is a row (or the header row). */
export const ROW_CODES = ['BAD_DATES', 'BAD_NUMBERS', 'DUPLICATE_DATES', 'NEGATIVE_VALUES', 'BAD_CSV', 'FIELD_TOO_LARGE', 'TOO_MANY_COLUMNS'];

const pad = (n) => String(n).padStart(2, '0');
/** ISO date of day offset `d` from 2025-03-01. */
const isoOf = (d) => new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10);

// ---------------------------------------------------------------- valid exports

const ORDER_HEADERS = [
  ['Order ID', 'Order Date', 'Amount', 'Status'],
  ['주문번호', '주문일시', '결제금액', '주문상태'],
  ['id', 'date', 'unit price', 'qty'],
];
const DAILY_HEADERS = [['date', 'orders', 'revenue'], ['일자', '주문건수', '일매출'], ['Date', 'Order Count', 'Daily Revenue']];
const STATUSES = ['paid', '결제완료', '배송완료', '', 'cancelled', '취소완료', '환불완료', 'returned'];
const MONEY = [(a) => String(a), (a) => `₩${a.toLocaleString('en-US')}`, (a) => `${a.toLocaleString('en-US')}원`, (a) => a.toLocaleString('en-US')];
const WHEN = [
  (iso, h) => `${iso} ${pad(h)}:05:00`, (iso) => iso.replace(/-/g, '.'), (iso, h) => `${iso.replace(/-/g, '/')} ${pad(h)}:05`,
  (iso) => iso.replace(/-/g, ''), (iso, h) => `${iso}T${pad(h)}:05:00+09:00`,
];

/** A cell quoted when it must be (or always, with `all`). */
const quote = (c, delimiter, all) =>
  all || c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replace(/"/g, '""')}"` : c;

/** Table → text. */
export function toText(header, rows, delimiter = ',', eol = '\n', quoteAll = false) {
  return [header, ...rows].map((r) => r.map((c) => quote(c, delimiter, quoteAll)).join(delimiter)).join(eol) + eol;
}

/** Text → bytes in one of the encodings loss-calc reads. */
export function encode(text, encoding) {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.from(`\ufeff${text}`, 'utf8');
    case 'utf-16le':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf-16be':
      return iconv.encode(`\ufeff${text}`, 'utf-16be');
    case 'cp949':
      return iconv.encode(text.replace(/₩/g, '￦'), 'cp949');
    default:
      return Buffer.from(text, 'utf8');
  }
}
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp949'];
export const DELIMITERS = [',', '\t', ';'];

/** Small order-level rows: [id, when, amount, status] or [id, date, price, qty]. */
const orderRowsArb = fc.array(
  fc.record({ day: fc.nat(30), hour: fc.nat(23), amount: fc.nat(2_000_000), status: fc.nat(STATUSES.length - 1), lines: fc.integer({ min: 1, max: 2 }) }),
  { minLength: 1, maxLength: 12 },
);

/** A valid export as a table: order-level (three header styles) or a daily aggregate, optional seller column. */
export const exportArb = fc
  .record({
    daily: fc.boolean(),
    headerStyle: fc.nat(2),
    orders: orderRowsArb,
    seller: fc.boolean(),
    delimiter: fc.constantFrom(...DELIMITERS),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    encoding: fc.constantFrom(...ENCODINGS),
    quoteAll: fc.boolean(),
  })
  .map((g) => {
    let header, rows;
    if (g.daily) {
      header = [...DAILY_HEADERS[g.headerStyle]];
      const seen = new Set();
      rows = [];
      for (const o of g.orders) {
        if (seen.has(o.day)) continue; // an aggregate has one row per day
        seen.add(o.day);
        rows.push([isoOf(o.day), String(o.lines + o.hour), MONEY[o.hour % 4](o.amount)]);
      }
    } else {
      header = [...ORDER_HEADERS[g.headerStyle]];
      rows = [];
      g.orders.forEach((o, k) => {
        for (let j = 0; j < o.lines; j++) {
          rows.push(g.headerStyle === 2
            ? [`O${k}`, isoOf(o.day), MONEY[k % 4](o.amount), String(1 + (o.hour % 3))]
            : [`O${k}`, WHEN[k % WHEN.length](isoOf(o.day), o.hour), MONEY[(k + j) % 4](o.amount), STATUSES[o.status]]);
        }
      });
    }
    if (g.seller) {
      header.push('seller');
      rows.forEach((r, i) => r.push(`s${i % 3}`));
    }
    return { ...g, header, rows };
  });

// ---------------------------------------------------------------- mutations

const NASTY_CELLS = [
  '', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '9'.repeat(30), '-0', '0x10', '1,2,3', '"', '""', '"x', '합계', 'Total',
  'null', 'undefined', '2025-02-30', '2025-13-01', '9999-12-31', '1900-01-01', '2999-12-31', '-5', '(3,000)', '12,5', '١٢٣', '１２３',
  '\u00a0', '\u3000', '₩', '원', '=1+2', '@SUM(A1)', '<script>', '\\', '\u0000', '\ufeff', '\ud800', '2025-01-01T25:00', '2025-01-01T10:00+99:00',
  '20250101', '2025년 1월 1일', '오후 1:05', 'cancelled', '취소', '3건', '1e3', '.5', '-.5', '+5', '--5', '1 2', '12 000',
];
const INSERTS = ['"', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\ufeff', ' ', '\\', '=', '-', '₩', '원', 'x', '\u2028', '""', '\n\n', 'sep=;\n'];

/** One mutation: a kind and random numbers it uses (positions are taken modulo the length). */
export const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), what: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine'), k: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine'), k: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines'), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('eol'), to: fc.constantFrom('\n', '\r\n', '\r'), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('dupColumn'), k: fc.nat() }),
  fc.record({ kind: fc.constant('extraCell'), k: fc.nat(), all: fc.boolean(), what: fc.constantFrom('', 'x', '1', ' ') }),
  fc.record({ kind: fc.constant('dropCell'), k: fc.nat() }),
  fc.record({ kind: fc.constant('cell'), k: fc.nat(), c: fc.nat(), what: fc.constantFrom(...NASTY_CELLS) }),
  fc.record({ kind: fc.constant('cellText'), k: fc.nat(), c: fc.nat(), what: fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 12 }).map((cps) => String.fromCodePoint(...cps)) }),
  fc.record({ kind: fc.constant('title'), what: fc.constantFrom('주문 내역 (2025.01)', 'Report', 'sep=;', ',,,', '\ufeff', 'a,b,c,d,e') }),
  fc.record({ kind: fc.constant('longLine'), at: fc.nat(), n: fc.constantFrom(300, 5000, 70_000) }),
  fc.record({ kind: fc.constant('byteFlip'), at: fc.nat(), to: fc.nat(255) }),
  fc.record({ kind: fc.constant('byteInsert'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('byteTruncate'), at: fc.nat() }),
);

/** Any code points, lone surrogates included (cheaper to build than fc.string's 'binary' unit). */
const anyText = (maxLength) => fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength }).map((cps) => String.fromCodePoint(...cps));

const lineSplit = (text) => text.split(/(?<=\r\n|\n|\r(?!\n))/); // lines keep their endings

/** Apply a text-level mutation (byte-level ones are applied after encoding). */
function mutateText(text, m, delimiter) {
  const at = (n) => (text.length ? m.at % (text.length + 1) : 0);
  const lines = lineSplit(text);
  const L = lines.length;
  const withLines = (f) => {
    const ls = [...lines];
    f(ls);
    return ls.join('');
  };
  const cells = (line) => {
    const end = /\r\n|\n|\r$/.exec(line)?.[0] ?? '';
    return { cells: line.slice(0, line.length - end.length).split(delimiter), end };
  };
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at()) + m.what + text.slice(at());
    case 'delete':
      return text.slice(0, at()) + text.slice(at() + m.n);
    case 'truncate':
      return text.slice(0, at());
    case 'dupLine':
      return withLines((ls) => ls.splice(m.k % L, 0, ls[m.k % L]));
    case 'dropLine':
      return withLines((ls) => ls.splice(m.k % L, 1));
    case 'swapLines':
      return withLines((ls) => ([ls[m.i % L], ls[m.j % L]] = [ls[m.j % L], ls[m.i % L]]));
    case 'eol': {
      let k = 0;
      return text.replace(/\r\n|\n|\r/g, (e) => (k++ % m.every === 0 ? m.to : e));
    }
    case 'dupColumn':
      return withLines((ls) => ls.forEach((l, i) => {
        const { cells: cs, end } = cells(l);
        cs.splice(m.k % cs.length, 0, cs[m.k % cs.length]);
        ls[i] = cs.join(delimiter) + end;
      }));
    case 'extraCell':
      return withLines((ls) => ls.forEach((l, i) => {
        if (!m.all && i !== m.k % L) return;
        const { cells: cs, end } = cells(l);
        ls[i] = [...cs, m.what].join(delimiter) + end;
      }));
    case 'dropCell':
      return withLines((ls) => {
        const { cells: cs, end } = cells(ls[m.k % L]);
        ls[m.k % L] = cs.slice(0, -1).join(delimiter) + end;
      });
    case 'cell':
    case 'cellText':
      return withLines((ls) => {
        const { cells: cs, end } = cells(ls[m.k % L]);
        cs[m.c % cs.length] = m.what;
        ls[m.k % L] = cs.join(delimiter) + end;
      });
    case 'title':
      return `${m.what}\n${text}`;
    case 'longLine':
      return text.slice(0, at()) + 'x'.repeat(m.n) + text.slice(at());
    default:
      return text; // byte-level
  }
}

/** Apply a byte-level mutation. */
function mutateBytes(b, m) {
  const at = b.length ? m.at % (b.length + 1) : 0;
  switch (m.kind) {
    case 'byteFlip': {
      if (!b.length) return b;
      const c = Buffer.from(b);
      c[m.at % b.length] = m.to;
      return c;
    }
    case 'byteInsert':
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    case 'byteTruncate':
      return b.subarray(0, at);
    default:
      return b;
  }
}

/** A valid export with 0–4 mutations, as the bytes of a file. */
export const mutatedExportArb = fc.record({ ex: exportArb, mutations: fc.array(mutationArb, { maxLength: 4 }) }).map(({ ex, mutations }) => {
  let text = toText(ex.header, ex.rows, ex.delimiter, ex.eol, ex.quoteAll);
  for (const m of mutations) text = mutateText(text, m, ex.delimiter);
  let bytes = encode(text, ex.encoding);
  for (const m of mutations) bytes = mutateBytes(bytes, m);
  return { bytes, seller: ex.seller, describe: { ...ex, rows: ex.rows.length, mutations } };
});

/** Raw bytes: uniform, or biased toward the bytes CSV, UTF-8, CP949 and UTF-16 are made of. */
export const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.array(fc.constantFrom(0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0x30, 0x31, 0x32, 0x2d, 0x2e, 0x41, 0x61, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xea, 0xb0, 0x80, 0xc0, 0x5c, 0x20), { maxLength: 300 })
    .map((a) => Uint8Array.from(a)),
  fc.tuple(fc.constantFrom('date,amount\n', 'date,orders,revenue\n', '주문일시,결제금액\n', 'date\tamount\n'), fc.uint8Array({ maxLength: 200 }))
    .map(([h, b]) => Uint8Array.from(Buffer.concat([Buffer.from(h), b]))),
);

/** Arbitrary text in any encoding (every code point, lone surrogates included). */
export const textArb = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(',', '\n', '"', '\r', '\t', ';', '2025-01-01', '1,000', '₩', '\u0000'), anyText(1)), { maxLength: 200 }).map((a) => a.join('')),
    fc.constantFrom(...ENCODINGS), fc.constantFrom('', 'date,amount\n', '일자,주문건수,일매출\n'))
  .map(([t, enc, head]) => encode(head + t, enc));

// ---------------------------------------------------------------- the oracle

/**
 * Check one outcome of `ingestFile` (or one seller of `ingestGrouped`): a sane result or a coded
 * error. Returns null when fine, else what is wrong. `deps` are the caller's module instances.
 */
export function checkOutcome(outcome, deps) {
  const { LossCalcError, ERROR_CODES, MAX_DATE_SPAN_DAYS } = deps;
  if (outcome.error !== undefined) {
    const e = outcome.error;
    if (!(e instanceof LossCalcError)) return `uncoded ${e?.constructor?.name ?? typeof e}: ${e?.stack ?? e}`;
    if (!(e.code in ERROR_CODES)) return `unknown code ${e.code}`;
    if (e.code === 'INTERNAL') return `INTERNAL: ${e.message}`;
    if (typeof e.message !== 'string' || e.message.length === 0) return `${e.code} without a message`;
    if (e.message.length > 5000) return `${e.code}: a message of ${e.message.length} chars`;
    if (ROW_CODES.includes(e.code) && !/\blines? \d+/.test(e.message)) return `${e.code} does not name a line: ${e.message}`;
    return null;
  }
  const r = outcome.result;
  const { info, series } = r;
  const skipped = Object.values(info.rowsSkipped).reduce((s, n) => s + n, 0);
  if (info.rows !== info.rowsUsed + skipped) return `rows ${info.rows} ≠ used ${info.rowsUsed} + skipped ${skipped}`;
  if (info.rowsUsed < 1) return 'a result without a used row';
  const days = (Date.parse(info.lastDate) - Date.parse(info.firstDate)) / 86_400_000 + 1;
  if (!(days >= 1 && days <= MAX_DATE_SPAN_DAYS)) return `span of ${days} days`;
  if (series.start !== info.firstDate) return 'series.start ≠ firstDate';
  if (series.orders.length !== days || series.revenue.length !== days) return 'series length ≠ days';
  for (const v of [...series.orders, ...series.revenue]) {
    if (v !== null && !(Number.isFinite(v) && v >= 0)) return `a daily value ${v}`;
  }
  if (info.kind === 'orders' && series.orders.some((v) => v === null)) return 'an order-level day that is unknown';
  if (!/^[0-9a-f]{64}$/.test(info.sha256)) return 'sha256';
  for (const w of r.warnings) if (typeof w.code !== 'string' || typeof w.message !== 'string') return 'a malformed warning';
  return null;
}

/** Run `ingest(path)` with a deadline: a hang becomes an error (a synchronous loop still needs the test timeout). */
export async function settle(promise, ms) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HANG: no outcome within ${ms} ms`)), ms);
  });
  try {
    return { result: await Promise.race([promise, deadline]) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- series and options for estimate()

const DAY0 = Date.UTC(2024, 0, 1);
const isoDay = (d) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

/**
 * An ingested series of an odd shape (all zeros, constant, spiky, values near 2^53, sparse, with
 * unknown days, one metric only, weekly or monthly rows) and random estimate options. `models`
 * are the registry's names (control aside). Maps to `{ ing, opts }` for estimate().
 */
export const estimateCaseArb = (models) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 500 }),
      kind: fc.constantFrom('orders', 'daily'),
      shape: fc.constantFrom('zeros', 'const', 'poisson', 'spiky', 'huge', 'tiny', 'missing', 'ordersOnly', 'revenueOnly', 'weekly', 'monthly'),
      incident: fc.integer({ min: 0, max: 1000 }),
      model: fc.constantFrom('auto', ...models),
      level: fc.constantFrom(0.5000001, 0.8, 0.95, 0.999999),
      margin: fc.option(fc.constantFrom(0.0001, 0.3, 1)),
      seed: fc.nat(),
      exclude: fc.option(fc.tuple(fc.nat(500), fc.nat(30))),
      until: fc.option(fc.nat(100)),
      period: fc.option(fc.constantFrom('day', 'week', 'month')),
      holidays: fc.constantFrom('KR', 'none', 'US'),
    })
    .map((g) => {
      let seed = (g.seed % 2147483646) + 1;
      const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const step = g.shape === 'weekly' ? 7 : g.shape === 'monthly' ? 30 : 1;
      const len = ((g.shape === 'monthly' ? Math.min(g.n, 60) : g.n) - 1) * step + 1;
      const orders = [];
      const revenue = [];
      const gap = g.kind === 'daily' ? null : 0;
      for (let i = 0; i < len; i++) {
        if (i % step !== 0) {
          orders.push(gap);
          revenue.push(gap);
          continue;
        }
        const o = g.shape === 'zeros' ? 0 : g.shape === 'const' ? 7 : g.shape === 'huge' ? Math.round(9e15 * r()) : g.shape === 'tiny' ? (r() < 0.05 ? 1 : 0)
          : g.shape === 'spiky' ? (r() < 0.02 ? 10_000 : Math.round(5 * r())) : Math.round(50 * r());
        const unknown = g.shape === 'missing' && g.kind === 'daily' && r() < 0.3;
        orders.push(unknown || (g.shape === 'revenueOnly' && g.kind === 'daily') ? null : o);
        revenue.push(unknown || (g.shape === 'ordersOnly' && g.kind === 'daily') ? null : g.shape === 'huge' ? Math.round(9e15 * r()) : o * 12_345);
      }
      const ing = {
        info: { file: 'fuzz.csv', sha256: '0'.repeat(64), kind: g.kind, encoding: 'utf-8', delimiter: ',', headers: ['date', 'orders', 'revenue'],
          columns: { date: 'date' }, kindReason: 'fuzz', rows: len, rowsUsed: len, rowsSkipped: {}, firstDate: isoDay(0), lastDate: isoDay(len - 1), emptyDays: 0 },
        series: { start: isoDay(0), orders, revenue },
        warnings: [],
      };
      const opts = {
        seller: 'fuzz', incident: isoDay(Math.min(len - 1, 1 + Math.floor((g.incident / 1000) * len))),
        until: g.until !== null ? isoDay(len - 1 + g.until) : undefined,
        exclude: g.exclude ? [{ start: isoDay(g.exclude[0]), end: isoDay(g.exclude[0] + g.exclude[1]) }] : [],
        holidays: g.holidays, model: g.model, level: g.level, seed: g.seed % 1000, margin: g.margin ?? undefined, period: g.period ?? undefined,
        currency: 'KRW', tz: 'Asia/Seoul', baselineMaxDays: 365, minBaselineDays: 28, version: 'fuzz',
      };
      return { ing, opts, describe: { ...g, len } };
    });

/** Check what estimate() did: a claim with finite totals and ordered bounds, or a coded error (not INTERNAL). */
export function checkEstimate(outcome, deps) {
  if (outcome.error !== undefined) return checkOutcome(outcome, deps);
  const t = outcome.result.totals;
  for (const m of ['orders', 'revenue', 'profit']) {
    if (!t[m]) continue;
    for (const k of ['actual', 'expected', 'lost', 'lower', 'upper']) {
      const v = t[m][k];
      if (v !== null && !Number.isFinite(v)) return `totals.${m}.${k} = ${v}`;
    }
    if (t[m].lower !== null && t[m].upper !== null && !(t[m].lower <= t[m].upper)) return `totals.${m}: lower ${t[m].lower} > upper ${t[m].upper}`;
  }
  return null;
}
