// How well `recovery.date` tells when sales came back, on the accuracy benchmark's simulated
// sellers (daily and order-level designs; their true cut per day is known). Among sellers whose
// claimed loss is significant (interval above 0), a date is *early* when the seller had regained
// less than half the drop by then; *placebo* sellers (no drop) should get a date (nothing lost).
//   node bench/recovery.mjs [--per-design N] [--seed S]
import { parseArgs } from 'node:util';
import { DESIGNS, OPT_IN_DESIGNS, designSeller } from '../dist/sim/index.js';
import { estimate } from '../dist/core/estimate.js';
import { coreOptions, ingestedFromSim } from './accuracy-lib.mjs';
import { toDay } from '../dist/core/dates.js';

const { values: a } = parseArgs({ options: { 'per-design': { type: 'string', default: '10' }, seed: { type: 'string', default: '1' } } });
const tally = { sellers: 0, significant: 0, dated: 0, early: 0, noDrop: 0, noDropDated: 0, trulyBack: 0, leftAtDate: [] };
for (const design of Object.keys(DESIGNS).filter((d) => !OPT_IN_DESIGNS.includes(d))) {
  for (let i = 0; i < Number(a['per-design']); i++) {
    const { sim } = designSeller(design, i, Number(a.seed));
    if (sim.params.format === 'monthly') continue;
    let claim;
    try { claim = estimate(ingestedFromSim(sim, sim.params.format), coreOptions(`${design}#${i}`, sim)); } catch { continue; }
    tally.sellers++;
    const drop = sim.params.drop;
    if (drop < 0.05) { tally.noDrop++; if (claim.recovery.date !== null) tally.noDropDated++; continue; }
    if (!(claim.totals.orders.lower > 0)) continue;
    tally.significant++;
    // truly back (at most half the drop still lost) on some day with a 14-day run left in the window
    let back = false;
    for (let k = sim.incidentIndex; k + 14 <= sim.days; k++) if (sim.cut[k] <= 0.5 * drop) back = true;
    if (back) tally.trulyBack++;
    if (claim.recovery.date === null) continue;
    tally.dated++;
    const left = sim.cut[toDay(claim.recovery.date) - sim.startDay] / drop; // share of the drop still lost that day
    if (left > 0.5) tally.early++;
    tally.leftAtDate.push(Math.round(100 * left));
  }
}
tally.leftAtDate.sort((x, y) => x - y);
const q = (p) => tally.leftAtDate[Math.floor(p * (tally.leftAtDate.length - 1))];
console.log(JSON.stringify({ ...tally, leftAtDate: undefined, leftQuartiles: [q(0.25), q(0.5), q(0.75)] }));
