// Real claims for the render, schema and browser tests: a simulated seller (src/sim) run
// through the core's estimate(), exactly as `loss-calc estimate` would after ingest.
import type { Claim } from '../src/core/claim.js';
import { estimate, type CoreOptions } from '../src/core/estimate.js';
import type { Ingested } from '../src/core/types.js';
import type { RenderOptions } from '../src/render/index.js';
import { failedRow, summaryRowOf, type SummaryRow } from '../src/render/summary-schema.js';
import { designSeller, toDailySeries } from '../src/sim/index.js';

/** Which simulated seller and which core options. */
export interface SimClaimOptions {
  design?: string;
  i?: number;
  seed?: number;
  seller?: string;
  file?: string;
  margin?: number;
  holidays?: string;
}

const cache = new Map<string, Claim>();

/** A claim from a simulated seller (cached per options: estimate is deterministic). */
export function simClaim(o: SimClaimOptions = {}): Claim {
  const key = JSON.stringify(o);
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const { sim } = designSeller(o.design ?? 'weekday-heavy', o.i ?? 0, o.seed ?? 7);
  const series = toDailySeries(sim);
  const n = series.orders.length;
  const known = series.orders.filter((v) => v !== null).length;
  const ing: Ingested = {
    info: {
      file: o.file ?? 'shop-orders.csv', sha256: 'ab'.repeat(32), kind: 'daily', encoding: 'utf-8', delimiter: ',',
      rows: known + 3, rowsUsed: known, rowsSkipped: { cancelled: 2, refunded: 1 }, firstDate: series.start, lastDate: sim.until,
      headers: ['date', 'orders', 'revenue'], columns: { date: 'date', orders: 'orders', revenue: 'revenue' },
      kindReason: 'simulated', emptyDays: n - known,
    },
    series,
    warnings: [],
  };
  const core: CoreOptions = {
    seller: o.seller ?? 'shop-1', incident: sim.incident, until: sim.until, exclude: [], holidays: o.holidays ?? 'KR',
    model: 'auto', level: 0.95, seed: 1, currency: 'KRW', tz: 'Asia/Seoul', baselineMaxDays: 365, minBaselineDays: 28,
    version: '0.0.0-test', ...(o.margin !== undefined ? { margin: o.margin } : {}),
  };
  const claim = estimate(ing, core);
  cache.set(key, claim);
  return structuredClone(claim);
}

/** Render options with defaults a test can override. */
export function opts(o: Partial<RenderOptions> = {}): RenderOptions {
  return { lang: 'en', color: false, daily: false, bom: false, ...o };
}

/** Three ok sellers, one failed, one with a hostile id. */
export function indexRows(): SummaryRow[] {
  const a = summaryRowOf(simClaim({ seller: 'alpha' }));
  const b = summaryRowOf(simClaim({ seller: 'bravo', design: 'weekend-heavy', i: 2, seed: 5 }));
  const c = summaryRowOf(simClaim({ seller: '<script>x</script>', design: 'holiday-window', i: 1, seed: 3 }));
  return [a, b, c, failedRow('delta', 'insufficient-data', 'BASELINE_TOO_SHORT: 10 days')];
}
