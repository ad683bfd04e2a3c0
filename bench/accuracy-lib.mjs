// Shared by bench/accuracy.mjs and bench/peers.mjs: which sellers, how a simulated seller
// becomes the core's `Ingested` (no files: ingest has its own tests), one scored estimate,
// and Markdown helpers. Imports the built code, so run `npx tsc -p .` first.
import { estimate } from '../dist/core/estimate.js';
import { DEFAULTS } from '../dist/options.js';
import { VERSION } from '../dist/version.js';
import { fromDay, toDay } from '../dist/core/dates.js';
import { DESIGNS, OPT_IN_DESIGNS, designSeller, monthlyTotals, toDailySeries } from '../dist/sim/index.js';

export { DESIGNS, DESIGN_NOTES } from '../dist/sim/index.js';

/** The benchmark's sellers: `perDesign(name)` of each design, in DESIGNS order (deterministic). */
export function* sellers(designs, perDesign, seed) {
  for (const design of designs) {
    for (let i = 0; i < perDesign(design); i++) yield { design, i, key: `${design}#${i}`, ...designSeller(design, i, seed) };
  }
}

/** Design names from a comma list, checked against DESIGNS (all but the opt-in ones when empty). */
export function designList(csv) {
  const all = Object.keys(DESIGNS);
  if (!csv) return all.filter((d) => !OPT_IN_DESIGNS.includes(d));
  const names = csv.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !all.includes(n));
  if (bad.length) throw new Error(`unknown design(s) ${bad.join(', ')}; known: ${all.join(', ')}`);
  return names;
}

/**
 * The core's input for a simulated seller, as ingest would hand it over:
 * `daily` keeps missing days as null; `orders` runs from the first to the last day with
 * an order (an export has no rows before its first sale); `monthly` puts each month's
 * totals on its 1st, other days null, and says `period: 'month'` (a field the core may
 * not know yet; see isMonthlyClaim).
 */
export function ingestedFromSim(sim, format) {
  let series = toDailySeries(sim);
  let kind = format === 'orders' ? 'orders' : 'daily';
  if (format === 'orders') {
    let a = 0, b = sim.days - 1;
    while (a < b && sim.orders[a] === 0) a++;
    while (b > a && sim.orders[b] === 0) b--;
    series = { start: fromDay(sim.startDay + a), orders: series.orders.slice(a, b + 1), revenue: series.revenue.slice(a, b + 1) };
  } else if (format === 'monthly') {
    series = { start: sim.start, orders: Array(sim.days).fill(null), revenue: Array(sim.days).fill(null) };
    for (const m of monthlyTotals(sim)) {
      const i = toDay(m.month) - sim.startDay;
      series.orders[i] = m.orders;
      series.revenue[i] = m.revenue;
    }
  }
  const n = series.orders.length;
  const known = series.orders.filter((v) => v !== null).length;
  return {
    info: {
      file: 'sim.csv', sha256: '', kind, encoding: 'utf-8', delimiter: ',', rows: known, rowsUsed: known, rowsSkipped: {},
      firstDate: series.start, lastDate: fromDay(toDay(series.start) + n - 1), headers: ['date', 'orders', 'revenue'],
      columns: { date: 'date', orders: 'orders', revenue: 'revenue' }, kindReason: 'benchmark simulation',
      emptyDays: kind === 'orders' ? series.orders.filter((v) => v === 0).length : n - known,
      ...(format === 'monthly' ? { period: 'month' } : {}),
    },
    series,
    warnings: [],
  };
}

/** CoreOptions as `loss-calc estimate` fills them with its defaults (commands/estimate.ts coreOptions). */
export function coreOptions(seller, sim, { model = 'auto', baseline, period } = {}) {
  return {
    seller, incident: sim.incident, until: sim.until, baseline, exclude: [], holidays: DEFAULTS.holidays, model,
    level: DEFAULTS.level, seed: DEFAULTS.seed, currency: DEFAULTS.currency, tz: DEFAULTS.tz,
    baselineMaxDays: DEFAULTS.baselineMaxDays, minBaselineDays: DEFAULTS.minBaselineDays, version: VERSION,
    ...(period ? { period } : {}),
  };
}

/** A monthly seller counts as supported only if the claim shows the core read months, not days. */
function isMonthlyClaim(claim) {
  return [claim.input?.period, claim.options?.period, claim.period].includes('month');
}

/**
 * Estimate one seller and score it against the truth. status: `ok`, `failed` (estimate threw
 * on a design it should handle) or `unsupported` (monthly data the core cannot read yet).
 */
export function scoreSeller(s, { model = 'auto', baseline } = {}) {
  const format = s.sim.params.format;
  const t = s.sim.truth;
  const rec = {
    key: s.key, design: s.design, i: s.i, format, incident: s.sim.incident, until: s.sim.until, lossDays: s.sim.days - s.sim.incidentIndex,
    truth: { orders: t.lossOrders, revenue: t.lossRevenue, cfOrders: t.cfOrders, cfRevenue: t.cfRevenue },
    status: 'ok', error: null, seconds: null, model: null, baseline: null, orders: null, revenue: null, pValue: null, levelShift: false, earlyDrop: false, surge: false, peak: false,
  };
  const ing = ingestedFromSim(s.sim, format);
  const opts = coreOptions(s.key, s.sim, { model, baseline, period: format === 'monthly' ? 'month' : undefined });
  const t0 = performance.now();
  try {
    const claim = estimate(ing, opts);
    rec.seconds = (performance.now() - t0) / 1000;
    if (format === 'monthly' && !isMonthlyClaim(claim)) throw Object.assign(new Error('claim does not read monthly data'), { code: 'UNSUPPORTED_PERIOD' });
    const pick = ({ lost, lower, upper }) => ({ lost, lower, upper });
    const { start, end } = claim.windows.baseline;
    Object.assign(rec, { model: claim.model.name, baseline: { start, end }, orders: pick(claim.totals.orders), revenue: pick(claim.totals.revenue), pValue: claim.significance.orders.pValue, levelShift: claim.warnings.some((w) => w.code === 'LEVEL_SHIFT'), earlyDrop: claim.warnings.some((w) => w.code === 'DROP_BEFORE_INCIDENT'), surge: claim.warnings.some((w) => w.code === 'SURGE_BEFORE_INCIDENT'), peak: claim.warnings.some((w) => w.code === 'RECURRING_PEAK') });
  } catch (e) {
    rec.seconds ??= (performance.now() - t0) / 1000;
    rec.status = format === 'monthly' ? 'unsupported' : 'failed';
    rec.error = `${e.code ?? e.name}: ${e.message}`;
  }
  return rec;
}

/** A baseline of up to `days` before the incident: max(first day, incident − days) .. incident − 1. */
export function lastDaysBaseline(ing, incident, days = DEFAULTS.baselineMaxDays) {
  const inc = toDay(incident);
  return { start: fromDay(Math.max(toDay(ing.info.firstDate), inc - days)), end: fromDay(inc - 1) };
}

/** A Markdown table. */
export function mdTable(head, rows) {
  return ['| ' + head.join(' | ') + ' |', '|' + head.map((_, i) => (i === 0 ? '---|' : '--:|')).join(''), ...rows.map((r) => '| ' + r.join(' | ') + ' |')].join('\n');
}

/** 0.1234 → '12.3%'; NaN/null → '–'. */
export const pct = (x, digits = 1) => (x === null || !Number.isFinite(x) ? '–' : (100 * x).toFixed(digits) + '%');

/** Seconds with 3 significant figures; NaN → '–'. */
export const secs = (x) => (Number.isFinite(x) ? x.toPrecision(3) : '–');

/** Progress on stderr (stderr is talk; stdout stays the table); off a terminal, one line every `every` sellers. */
export function progress(done, total, label, every = 25) {
  if (process.stderr.isTTY) process.stderr.write(`\r[${done}/${total}] ${label}`.padEnd(60) + (done === total ? '\n' : ''));
  else if (done % every === 0 || done === total) process.stderr.write(`[${done}/${total}] ${label}\n`);
}
