// The default terminal view: a summary a seller understands at a glance.
import chalk, { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Claim, Total } from '../core/claim.js';
import { printableClaim } from './escape.js';
import { formatMoney, formatOrders, formatPercent, LABELS } from './i18n.js';
import type { RenderOptions } from './index.js';
import { interestOf } from './extras.js';
import { sparkRows } from './sparkline.js';
import { warningText } from './ko-prose.js';

/** Render the claim as a terminal table (colour only when `opts.color`). */
export function renderTable(raw: Claim, opts: RenderOptions): string {
  const claim = printableClaim(raw); // a seller id or file name must not drive the terminal
  const c = opts.color ? chalk : new Chalk({ level: 0 });
  const L = LABELS[opts.lang];
  const w = claim.windows;
  const pct = Math.round(claim.level * 100);
  const head = [
    c.bold(`${L.title} — ${claim.seller}`),
    `${L.incident}: ${w.incident.start} … ${w.incident.end} (${L.days(w.incident.days)})`,
    `${L.baseline}: ${w.baseline.start} … ${w.baseline.end} (${L.days(w.baseline.days)}) · ${L.model}: ${claim.model.name}`,
  ];
  const t = new Table({
    head: ['', L.actual, L.expected, L.lost, L.interval(pct)].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  const orders = (v: number | null) => formatOrders(v, opts.lang);
  const money = (v: number | null) => formatMoney(v, claim.currency);
  const row = (label: string, x: Total, f: (v: number | null) => string) =>
    t.push([label, f(x.actual), f(x.expected), c.red.bold(f(x.lost)), x.lower === null && x.upper === null ? f(null) : `${f(x.lower)} – ${f(x.upper)}`]);
  row(L.orders, claim.totals.orders, orders);
  row(L.revenue, claim.totals.revenue, money);
  if (claim.totals.profit && claim.options.margin !== null) row(L.profit(Math.round(claim.options.margin * 100)), claim.totals.profit, money);
  // interest on the lost profit (--interest-rate, --as-of): a loss of its own, with no actual or expected
  const interest = interestOf(claim);
  if (interest) t.push([L.interest(formatPercent(interest.rate), interest.asOf), '', '', c.red.bold(money(interest.amount)), `${money(interest.lower)} – ${money(interest.upper)}`]);
  const sig = claim.significance.orders.probabilityOfLoss ?? claim.significance.revenue.probabilityOfLoss;
  // absent `unicode` → ASCII: a caller that did not ask about the terminal gets the ramp every terminal shows
  const spark = sparkRows(claim, opts.lang, opts.unicode ?? false);
  const lines = [...head, t.toString(), `${L.probability}: ${formatPercent(sig)}`, ...spark];
  if (claim.warnings.length) {
    lines.push(c.yellow(`${L.warnings}:`));
    for (const wn of claim.warnings) lines.push(c.yellow(`  ${wn.code}: ${warningText(wn, opts.lang)}`));
  }
  return `${lines.join('\n')}\n`;
}
