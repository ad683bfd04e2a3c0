// `npm run bench:peers`: loss-calc beside the peer tools of /work/shared/peers on the same sellers.
//   node bench/peers.mjs [--per-design K] [--seed S] [--designs a,b] [--metrics orders,revenue]
//                        [--peers "naive ols …"] [--baseline auto|DAYS] [--work DIR] [--json out.json]
// Sellers are the first K of each design of bench/accuracy.mjs (same seed → same sellers);
// monthly is skipped (the peers read daily rows). Every method gets the same explicit
// baseline: `auto` = the one loss-calc picks by default (365 days, or up to 3 years when
// the data hold 2: the yearly-peak design), DAYS = max(first day, incident − DAYS) .. incident − 1.
// Peers take ~10 s per seller and metric, so results are kept in --work and a rerun skips
// what is done (resumable). stdout: Markdown; stderr: progress.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dailyLines } from '../dist/sim/index.js';
import { designList, ingestedFromSim, mdTable, pct, progress, scoreSeller, secs, sellers, lastDaysBaseline } from './accuracy-lib.mjs';
import { coverage, median, medianAbsPctError, medianRelWidth } from './metrics.mjs';

const PEERS_DIR = '/work/shared/peers';
const ALL_PEERS = 'naive ols ols_hol holt_winters ets arima prophet';

const { values: a } = parseArgs({
  options: {
    'per-design': { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    designs: { type: 'string' },
    metrics: { type: 'string', default: 'orders,revenue' },
    peers: { type: 'string', default: ALL_PEERS },
    baseline: { type: 'string', default: 'auto' },
    work: { type: 'string' },
    json: { type: 'string' },
  },
});
const K = +a['per-design'], seed = +a.seed;
const designs = designList(a.designs).filter((d) => d !== 'monthly');
const metrics = a.metrics.split(',');
const peers = a.peers.split(/[\s,]+/).filter(Boolean);
const work = a.work ?? `/tmp/loss-calc-peers-seed${seed}`;
mkdirSync(work, { recursive: true });

/** Run every peer on one seller and metric into `out` (skipped when a previous run finished it). */
function runPeers(csv, out, w, metric, missing) {
  const done = join(out, 'done'); // lists the peers already run, so adding a peer reruns the seller
  if (existsSync(done) && peers.every((p) => readFileSync(done, 'utf8').split(' ').includes(p))) return;
  const args = [csv, '--baseline-start', w.baseline.start, '--baseline-end', w.baseline.end,
    '--incident-start', w.incident, '--incident-end', w.until, '--metric', metric, '--missing', missing];
  const r = spawnSync(join(PEERS_DIR, 'run-all.sh'), args, { env: { ...process.env, PEERS_OUT: out, PEERS: peers.join(' ') }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.stderr?.length) process.stderr.write(r.stderr);
  writeFileSync(done, peers.join(' '));
}

/** One peer's result: `{lost, lower, upper, fit, wall}` or `{error}` (its stderr's last line). */
function readPeer(out, p) {
  try {
    const j = JSON.parse(readFileSync(join(out, p + '.json'), 'utf8'));
    const wall = +readFileSync(join(out, p + '.time'), 'utf8').trim().split(/\s+/).at(-2);
    return { lost: j.loss_total, lower: j.loss_lower, upper: j.loss_upper, fit: j.fit_seconds, wall };
  } catch {
    const err = existsSync(join(out, p + '.err')) ? readFileSync(join(out, p + '.err'), 'utf8').trim().split('\n').at(-1) : 'no output';
    return { error: err || 'no output' };
  }
}

// results[method][key] = {design, truth: {orders, revenue, cf…}, orders: {…}, revenue: {…}, fit, wall}
const methods = ['loss-calc', ...peers];
const results = Object.fromEntries(methods.map((m) => [m, {}]));
const list = [...sellers(designs, () => K, seed)];
list.forEach((s, n) => {
  const ing = ingestedFromSim(s.sim, s.sim.params.format);
  const auto = a.baseline === 'auto' ? scoreSeller(s) : null; // loss-calc's own choice of baseline
  const baseline = auto?.baseline ?? lastDaysBaseline(ing, s.sim.incident, auto ? undefined : +a.baseline);
  const w = { baseline, incident: s.sim.incident, until: s.sim.until };
  const name = s.key.replace('#', '-');
  const csv = join(work, name + '.csv');
  writeFileSync(csv, [...dailyLines(s.sim)].join('\n') + '\n');
  const missing = s.sim.missing.some((x) => x === 1) ? 'na' : 'zero'; // gaps: a missing day is unknown, else no row = 0
  const ours = auto?.baseline ? auto : scoreSeller(s, { baseline }); // the same as passing auto's window explicitly
  const truth = ours.truth;
  results['loss-calc'][s.key] = { design: s.design, baseline, truth, orders: ours.orders, revenue: ours.revenue, fit: ours.seconds, wall: ours.seconds, error: ours.error };
  for (const p of peers) results[p][s.key] = { design: s.design, truth, fit: 0, wall: 0 };
  for (const metric of metrics) {
    const out = join(work, name, `${metric}-${baseline.start}`); // cached per baseline
    mkdirSync(out, { recursive: true });
    runPeers(csv, out, w, metric, missing);
    for (const p of peers) {
      const r = readPeer(out, p), rec = results[p][s.key];
      rec[metric] = r.error ? null : r;
      if (r.error) rec.error = `${metric}: ${r.error}`;
      else Object.assign(rec, { fit: rec.fit + r.fit, wall: rec.wall + r.wall });
    }
  }
  progress(n + 1, list.length, s.key, 1); // peers are slow: a line per seller
});

/** Rows `{est, lower, upper, truth}` of one method and metric, over sellers matching `keep`. */
function rows(m, metric, keep = () => true) {
  return Object.values(results[m]).filter(keep).filter((r) => r[metric])
    .map((r) => ({ est: r[metric].lost, lower: r[metric].lower, upper: r[metric].upper, truth: r.truth[metric] }));
}
const incidentOnly = (r) => r.design !== 'placebo';
const placeboOnly = (r) => r.design === 'placebo';
const count = (m, keep) => Object.values(results[m]).filter(keep).length;
const failed = (m) => Object.values(results[m]).filter((r) => r.error).length;

const main = methods.map((m) => {
  const o = metrics.includes('orders') ? rows(m, 'orders', incidentOnly) : [];
  const v = metrics.includes('revenue') ? rows(m, 'revenue', incidentOnly) : [];
  const all = Object.values(results[m]);
  return [m === 'loss-calc' ? '**loss-calc**' : m, count(m, incidentOnly), failed(m), pct(medianAbsPctError(o)), pct(medianAbsPctError(v)),
    pct(coverage(o)), pct(coverage(v)), pct(medianRelWidth(o)), pct(medianRelWidth(v)),
    pct(coverage(rows(m, metrics[0], placeboOnly))), secs(median(all.map((r) => r.fit))), secs(median(all.map((r) => r.wall)))];
});
const byDesign = (f) => designs.filter((d) => d !== 'placebo').map((d) => [d, ...methods.map((m) => f(m, (r) => r.design === d))]);
const errCell = (m, keep) => metrics.map((mt) => pct(medianAbsPctError(rows(m, mt, keep)), 0)).join(' / ');
const covCell = (m, keep) => {
  const rs = metrics.flatMap((mt) => rows(m, mt, keep));
  return `${rs.filter((r) => r.lower <= r.truth && r.truth <= r.upper).length}/${rs.length}`;
};
const nPlacebo = designs.includes('placebo') ? K : 0;

const out = [
  `## loss-calc vs peers: ${list.length} sellers (${K} per design, seed ${seed}), metrics ${metrics.join(', ')}, level 95 %`,
  '',
  `Same sellers and the same explicit baseline for every method: ${a.baseline === 'auto' ? "the one loss-calc picks by default (up to 365 days before the incident; up to 1,095 when the data hold ≥ 700 days, as in yearly-peak)" : `max(first day, incident − ${a.baseline}) .. incident − 1`}.`,
  `MdAPE, cover and width/truth over the ${list.length - nPlacebo} sellers with an incident; "placebo holds 0" = share of the ${nPlacebo} placebo`,
  `sellers whose ${metrics[0]} interval contains 0. Median seconds per seller, over ${metrics.join(' + ')}: fit = the model's own time`,
  `(peers' fit_seconds; loss-calc's estimate() call, both metrics at once); wall = per process, with R/Python start-up.`,
  '',
  mdTable(['method', 'sellers', 'failed', 'MdAPE orders', 'MdAPE revenue', 'cover orders', 'cover revenue', 'width/truth orders',
    'width/truth revenue', 'placebo holds 0', 'fit s/seller', 'wall s/seller'], main),
  '',
  `### Median abs % error per design (${metrics.join(' / ')})`,
  '',
  mdTable(['design', ...methods], byDesign(errCell)),
  '',
  `### Intervals holding the truth per design (${metrics.join(' + ')}, count of seller-metrics)`,
  '',
  mdTable(['design', ...methods], byDesign(covCell)),
];
const errs = methods.flatMap((m) => Object.entries(results[m]).filter(([, r]) => r.error).map(([k, r]) => `- ${m} ${k}: ${r.error}`));
if (errs.length) out.push('', '### Failures', '', ...errs);
process.stdout.write(out.join('\n') + '\n');
if (a.json) writeFileSync(a.json, JSON.stringify({ seed, K, designs, metrics, peers, results }, null, 1) + '\n');
