// Shared by the core estimate tests: default options and a series wrapped as ingest hands it over.
import type { CoreOptions } from '../src/core/estimate.js';
import { addDays } from '../src/core/dates.js';
import type { DailySeries, Ingested, InputKind } from '../src/core/types.js';

export const OPTS: CoreOptions = {
  seller: 's', incident: '2025-11-29', exclude: [], holidays: 'KR', model: 'auto', level: 0.95, seed: 1,
  currency: 'KRW', tz: 'Asia/Seoul', baselineMaxDays: 365, minBaselineDays: 28, version: 'test',
};

export function ingested(series: DailySeries, kind: InputKind = 'orders'): Ingested {
  const n = series.orders.length;
  return {
    info: {
      file: 'x.csv', sha256: '0'.repeat(64), kind, encoding: 'utf-8', delimiter: ',', rows: n, rowsUsed: n, rowsSkipped: {},
      firstDate: series.start, lastDate: addDays(series.start, n - 1), headers: [], columns: {}, kindReason: '', emptyDays: 0,
    },
    series,
    warnings: [],
  };
}
