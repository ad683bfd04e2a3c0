// Order-level rows of a simulated seller, produced lazily one day at a time, so a file of
// millions of rows can be streamed. Sale rows of day d add up exactly to the simulated
// orders and revenue of d; cancelled/refunded/returned rows are extra rows, not sales.
import { fromDay } from '../core/dates.js';
import type { SimulatedSeller } from './simulate.js';
import { subRng } from './rand.js';
import type { Rng } from '../core/random.js';

/** One row of an order export (local Korean time, no offset). */
export interface OrderRow {
  /** 13-digit order number, increasing with time. */
  id: string;
  /** Local time 'YYYY-MM-DD HH:MM:SS'. */
  timestamp: string;
  /** Paid amount, KRW (= quantity × unitPrice). */
  amount: number;
  quantity: number;
  unitPrice: number;
  /** 결제완료/배송완료/구매확정 for sales; 취소완료/반품완료/환불완료 for the extra non-sale rows. */
  status: string;
  /** Whether the row is a sale (false: cancelled, returned or refunded). */
  sale: boolean;
  /** Index into the product catalogue (0 is the best seller). */
  product: number;
}

/** Options of {@link orderRows}. */
export interface OrderRowOptions {
  /** Newest day first and newest row first within a day (Korean seller centres export so). */
  newestFirst?: boolean;
  /** Number of products to spread orders over (Zipf-like weights). */
  products?: number;
}

/** Relative order intensity by hour of day, KST: night trough, lunch shoulder, 21–22 h peak. */
export const HOUR_WEIGHTS: readonly number[] = [
  3.0, 1.8, 1.0, 0.6, 0.5, 0.6, 1.0, 1.8, 2.8, 3.8, 4.6, 5.0,
  5.2, 5.0, 4.8, 4.7, 4.6, 4.4, 4.2, 4.6, 5.4, 6.2, 6.4, 5.0,
];
const HOUR_CUM = cumulative(HOUR_WEIGHTS);
const QTY_CUM = cumulative([0.8, 0.14, 0.06]); // 1, 2 or 3 pieces
const CANCEL_STATUS = ['취소완료', '취소완료', '취소완료', '반품완료', '환불완료'];
const DAY_STREAM = 0x10000; // rows of day i use sub-stream DAY_STREAM + i of the rows seed

function cumulative(w: readonly number[]): Float64Array {
  const c = new Float64Array(w.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) c[i] = s += w[i];
  for (let i = 0; i < w.length; i++) c[i] /= s;
  return c;
}

function draw(rng: Rng, cum: Float64Array): number {
  const u = rng.uniform();
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]) k++;
  return k;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** Sale status by the order's age in days at the end of the data (Coupang auto-confirms after ~7 days). */
function saleStatus(rng: Rng, age: number): string {
  if (age <= 1) return '결제완료';
  if (age <= 3) return rng.uniform() < 0.4 ? '결제완료' : '배송완료';
  if (age <= 9) return rng.uniform() < 0.3 ? '구매확정' : '배송완료';
  return rng.uniform() < 0.02 ? '배송완료' : '구매확정';
}

/**
 * Order rows of `sim`, lazily, oldest first (or newest first). Sale values come from
 * the simulated day totals; `seed` drives the rest (times, split of the total, products,
 * quantities, cancellations, statuses). Same sim + seed → the same rows.
 */
export function* orderRows(sim: SimulatedSeller, seed: number, opts: OrderRowOptions = {}): Generator<OrderRow> {
  const p = sim.params;
  const shape = 1 / (p.aovCv * p.aovCv);
  const unit = p.valueRound;
  const cancelMean = p.cancelRate / (1 - p.cancelRate); // cancels per sale
  const prodCum = cumulative(Array.from({ length: Math.max(1, opts.products ?? 12) }, (_, k) => 1 / (k + 1.5)));
  for (let step = 0; step < sim.days; step++) {
    const i = opts.newestFirst ? sim.days - 1 - step : step;
    const n = sim.orders[i];
    const rng = subRng(seed, DAY_STREAM + i);
    const c = n > 0 ? rng.poisson(n * cancelMean) : 0;
    if (n + c === 0) continue;
    const day = buildDay(sim, i, n, c, rng, shape, unit, prodCum);
    if (opts.newestFirst) for (let j = day.length - 1; j >= 0; j--) yield day[j];
    else yield* day;
  }
}

/** The rows of day i in time order: n sales splitting the day's revenue, c extra cancelled rows. */
function buildDay(sim: SimulatedSeller, i: number, n: number, c: number, rng: Rng, shape: number, unit: number,
  prodCum: Float64Array): OrderRow[] {
  // sale amounts in units: one unit each, the rest split by Gamma(shape) weights (Dirichlet),
  // floored, and the leftover units handed out one at a time; the total is exact
  const units = new Float64Array(n);
  let rest = Math.round(sim.revenue[i] / unit) - n;
  let G = 0;
  for (let j = 0; j < n; j++) G += units[j] = rng.gamma(shape);
  let given = 0;
  for (let j = 0; j < n; j++) {
    const u = Math.floor((rest * units[j]) / G);
    units[j] = 1 + u;
    given += u;
  }
  for (rest -= given; rest > 0; rest--) units[rng.int(n)]++;

  // times: key = second of day × 2^20 + row index, sorted, so sales and cancels interleave
  const total = n + c;
  const keys = new Float64Array(total);
  for (let j = 0; j < total; j++) {
    const h = draw(rng, HOUR_CUM);
    keys[j] = (h * 3600 + rng.int(3600)) * 1048576 + j;
  }
  keys.sort();
  const d = sim.startDay + i;
  const prefix = fromDay(d) + ' ';
  const age = sim.days - 1 - i;
  let seq = rng.int(50_000);
  const rows: OrderRow[] = new Array(total);
  for (let r = 0; r < total; r++) {
    const key = keys[r];
    const j = key % 1048576;
    const sec = (key - j) / 1048576;
    seq += 1 + rng.int(3);
    const sale = j < n;
    const amountUnits = sale ? units[j] : Math.max(1, Math.round((rng.gamma(shape) * sim.params.aov) / shape / unit));
    let q = draw(rng, QTY_CUM) + 1;
    if (amountUnits % q !== 0) q = 1;
    rows[r] = {
      id: String(1_000_000_000_000 + d * 1_000_000 + seq),
      timestamp: prefix + pad2(Math.floor(sec / 3600)) + ':' + pad2(Math.floor(sec / 60) % 60) + ':' + pad2(sec % 60),
      amount: amountUnits * unit,
      quantity: q,
      unitPrice: (amountUnits / q) * unit,
      status: sale ? saleStatus(rng, age) : CANCEL_STATUS[rng.int(CANCEL_STATUS.length)],
      sale,
      product: draw(rng, prodCum),
    };
  }
  return rows;
}
