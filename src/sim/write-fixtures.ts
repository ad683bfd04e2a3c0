// The bundled fixtures, written deterministically from fixed seeds:
//   node dist/sim/write-fixtures.js [outDir]     (default fixtures/; `npm run fixtures`)
// Regenerating gives byte-identical files (test/sim.test.ts checks it).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SellerParams } from './params.js';
import { simulateSeller } from './simulate.js';
import { thousands, writeLines, writeSeller, type SimFileKind } from './write.js';

/** One bundled fixture: file stem, kind, seed, parameters, and a line for the README. */
export interface FixtureSpec {
  name: string;
  kind: SimFileKind;
  seed: number;
  params: SellerParams;
  about: string;
}

/** The bundled fixtures. Changing anything here changes the committed files: regenerate and commit. */
export const FIXTURES: readonly FixtureSpec[] = [
  {
    name: 'coupang-orders-cp949',
    kind: 'coupang',
    seed: 20251129,
    about: 'Coupang-style Korean order export, CP949, CRLF, newest first, 3 % cancelled/returned/refunded rows. ' +
      '~70 orders on weekdays and ~120 at weekends; from 2025-11-29 weekends fall to ~50 (−58 %) for 10 days, ' +
      'then 40 % of the drop recovers. A Chuseok gift-season bump before the 2025 break.',
    params: {
      incident: '2025-11-29', baselineDays: 365, lossDays: 60,
      level: 68, weekday: [1, 1, 1, 1, 1, 12 / 7, 12 / 7], trend: 0.05, trendKind: 'linear',
      preHolidayBump: 0.2, preHolidayDays: 7, size: 44, arPhi: 0.5, arSigma: 0.05,
      aov: 30_000, aovCv: 0.8, valueRound: 100,
      drop: 0.58, holdDays: 10, recovery: 0.4, cancelRate: 0.03, format: 'orders',
    },
  },
  {
    name: 'shop-orders-en',
    kind: 'english',
    seed: 1129,
    about: 'English (Shopify-like) UTF-8 export, oldest first, ISO times with +09:00, `₩` totals, ' +
      '5 % refunded/cancelled rows. A small seller of ~15 orders/day; −35 % from 2025-11-29, 60 % recovered.',
    params: {
      incident: '2025-11-29', baselineDays: 365, lossDays: 45,
      level: 15, weekday: [1.05, 1, 1, 0.98, 0.95, 0.9, 1.1], trend: 0.1, trendKind: 'multiplicative',
      size: 30, aov: 45_000, aovCv: 0.7, valueRound: 10,
      drop: 0.35, holdDays: 7, recovery: 0.6, cancelRate: 0.05, format: 'orders',
    },
  },
  {
    name: 'daily-sales',
    kind: 'daily',
    seed: 2025,
    about: 'Daily aggregate `date,orders,revenue` with 6 missing days (unknown, not zero). ~40 orders/day, ' +
      'weekday-leaning, +15 %/yr, a mild late-November peak; −45 % from 2025-11-29 for 14 days, half recovered.',
    params: {
      incident: '2025-11-29', baselineDays: 365, lossDays: 60,
      level: 40, weekday: [1.1, 1.05, 1, 1, 0.95, 0.8, 0.9], trend: 0.15, trendKind: 'multiplicative',
      yearlyAmplitude: 0.1, yearlyPeakDay: 330, size: 25, arPhi: 0.6, arSigma: 0.04,
      aov: 25_000, aovCv: 0.9, valueRound: 100,
      drop: 0.45, holdDays: 14, recovery: 0.5, missingDays: 6, format: 'daily',
    },
  },
];

/** Write every fixture (CSV + truth) and the README into `outDir`; returns the paths written. */
export function writeFixtures(outDir: string): string[] {
  const written: string[] = [];
  const table: string[] = [];
  for (const f of FIXTURES) {
    const sim = simulateSeller(f.params, f.seed);
    const { file, truth } = writeSeller(outDir, f.name, sim, f.kind, f.seed);
    written.push(file, truth);
    const t = sim.truth;
    table.push(
      `## \`${f.name}.csv\`\n\n${f.about}\n\n` +
      `- seed ${f.seed}; data ${sim.start} … ${sim.until}; baseline ${sim.incidentIndex} days; ` +
      `loss window ${sim.incident} … ${sim.until} (${sim.days - sim.incidentIndex} days)\n` +
      `- true loss (realized counterfactual − actual): **${thousands(t.lossOrders)} orders, ` +
      `₩${thousands(t.lossRevenue)}**\n` +
      `- expected loss under the generator: ${thousands(Math.round(t.expectedLossOrders))} orders, ` +
      `₩${thousands(t.expectedLossRevenue)}\n` +
      `- actual in the window: ${thousands(t.actualOrders)} orders, ₩${thousands(t.actualRevenue)}; ` +
      `counterfactual ${thousands(t.cfOrders)} orders, ₩${thousands(t.cfRevenue)}\n` +
      `- truth sidecar: \`${f.name}.truth.json\`\n`,
    );
  }
  const readme = join(outDir, 'README.md');
  writeLines(readme, [README_HEAD + table.join('\n') + README_TAIL]);
  written.push(readme);
  return written;
}

const README_HEAD = `# fixtures

Synthetic seller exports with a **known** true loss, made by the simulator in
\`src/sim/\` (see \`src/sim/simulate.ts\` for the model). Every file is generated;
do not edit by hand. Regenerate (byte-identical) with

\`\`\`
npm run build && npm run fixtures        # = node dist/sim/write-fixtures.js fixtures
\`\`\`

The parameters and seeds live in \`src/sim/write-fixtures.ts\`; each \`.truth.json\`
records them with the truth, the windows and the loss window day by day. The truth
is the realized counterfactual minus the actual over the loss window (the quantity
a predictive interval should cover); cancelled, returned and refunded rows are
extra rows and never sales. The incident is 2025-11-29 in all three.

`;

const README_TAIL = `
Estimate one with, for example:

\`\`\`
loss-calc estimate fixtures/coupang-orders-cp949.csv --incident 2025-11-29
\`\`\`
`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ?? 'fixtures';
  for (const p of writeFixtures(out)) process.stderr.write(`wrote ${p}\n`);
}
