// The data formats (json, ndjson, csv, tsv), and loading one format's renderer on its own:
// `estimate --format json` needs none of the table (chalk, cli-table3), text or html (charts)
// code. index.ts joins every renderer into one registry for batch and the tests.
import type { Claim } from '../core/claim.js';
import type { Format } from '../options.js';
import { table } from './csv.js';
import type { RenderOptions } from './index.js';

/** Renders a claim in one format. */
export type Renderer = (claim: Claim, opts: RenderOptions) => string;

/** snake_case summary columns of `--format csv|tsv` for one claim. */
export const SUMMARY_COLUMNS = [
  'seller', 'incident_start', 'incident_end', 'baseline_start', 'baseline_end', 'model', 'level',
  'actual_orders', 'expected_orders', 'lost_orders', 'lost_orders_lower', 'lost_orders_upper',
  'actual_revenue', 'expected_revenue', 'lost_revenue', 'lost_revenue_lower', 'lost_revenue_upper',
  'lost_profit', 'lost_profit_lower', 'lost_profit_upper', 'p_value', 'warnings',
] as const;

/** snake_case columns of `--daily`. */
export const DAILY_COLUMNS = [
  'date', 'orders', 'expected_orders', 'orders_lower', 'orders_upper',
  'revenue', 'expected_revenue', 'revenue_lower', 'revenue_upper', 'excluded', 'lost_orders', 'lost_revenue',
] as const;

function summaryRow(c: Claim) {
  const { orders: o, revenue: r, profit: p } = c.totals;
  return [
    c.seller, c.windows.incident.start, c.windows.incident.end, c.windows.baseline.start, c.windows.baseline.end,
    c.model.name, c.level, o.actual, o.expected, o.lost, o.lower, o.upper,
    r.actual, r.expected, r.lost, r.lower, r.upper, p?.lost, p?.lower, p?.upper,
    c.significance.orders.pValue ?? c.significance.revenue.pValue, [...new Set(c.warnings.map((w) => w.code))].join(' '),
  ];
}

function delimited(c: Claim, o: RenderOptions, sep: string): string {
  if (o.daily) {
    const rows = c.daily.map((d) => [d.date, d.orders, d.expectedOrders, d.ordersLower, d.ordersUpper,
      // an excluded day's loss is not in the totals: blank, so the column sums to the claim's
      d.revenue, d.expectedRevenue, d.revenueLower, d.revenueUpper, d.excluded, d.excluded ? null : d.lostOrders, d.excluded ? null : d.lostRevenue]);
    return table([...DAILY_COLUMNS], rows, sep, o.bom);
  }
  return table([...SUMMARY_COLUMNS], [summaryRow(c)], sep, o.bom);
}

/** The renderers of the data formats. */
export const DATA_RENDERERS = {
  json: (c) => `${JSON.stringify(c, null, 2)}\n`,
  ndjson: (c) => `${JSON.stringify(c)}\n`,
  csv: (c, o) => delimited(c, o, ','),
  tsv: (c, o) => delimited(c, o, '\t'),
} satisfies Record<Exclude<Format, 'table' | 'text' | 'html'>, Renderer>;

/** The renderer of `format`, importing only its own modules. */
export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'text':
      return (await import('./text.js')).renderText;
    case 'html':
      return (await import('./html.js')).renderHtml;
    default:
      return DATA_RENDERERS[format];
  }
}
