// Coverage of the 95 % intervals when the loss window is short (an estimate made 1–6 days
// after the incident): the accuracy benchmark's designs with their loss windows cut to
// `--days` (default 1,3,6), truth recomputed over the cut window. Prints a Markdown table.
//   node bench/short-windows.mjs [--per-design N] [--days 1,3,6] [--seed S]
import { parseArgs } from 'node:util';
import { DESIGNS, OPT_IN_DESIGNS, designSeller, truthOver } from '../dist/sim/index.js';
import { scoreSeller } from './accuracy-lib.mjs';
import { coverage } from './metrics.mjs';
import { fromDay, toDay } from '../dist/core/dates.js';

const { values: a } = parseArgs({ options: { 'per-design': { type: 'string', default: '6' }, days: { type: 'string', default: '1,3,6' }, seed: { type: 'string', default: '1' } } });
const per = Number(a['per-design']);
const designs = Object.keys(DESIGNS).filter((d) => !OPT_IN_DESIGNS.includes(d));
console.log('| loss window | sellers | failed | orders 95 % coverage | revenue 95 % coverage |\n| ---: | ---: | ---: | ---: | ---: |');
for (const days of a.days.split(',').map(Number)) {
  const recs = [];
  for (const design of designs) {
    for (let i = 0; i < per; i++) {
      const { sim } = designSeller(design, i, Number(a.seed));
      if (sim.params.format === 'monthly') continue;
      const last = sim.incidentIndex + days - 1;
      const cut = { ...sim, days: last + 1, until: fromDay(toDay(sim.incident) + days - 1) };
      cut.truth = truthOver(sim, sim.incidentIndex, last);
      recs.push(scoreSeller({ key: `${design}-${i}`, design, i, sim: cut }));
    }
  }
  const ok = recs.filter((r) => r.status === 'ok');
  const cov = (m) => coverage(ok.map((r) => ({ lower: r[m].lower, upper: r[m].upper, truth: r.truth[m] })));
  console.log(`| ${days} d | ${recs.length} | ${recs.length - ok.length} | ${(100 * cov('orders')).toFixed(0)} % | ${(100 * cov('revenue')).toFixed(0)} % |`);
}
