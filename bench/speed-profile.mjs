// Summarise a V8 CPU profile (node --cpu-prof) by file and function, self and inclusive time.
//   LOSS_CALC_UNBUNDLED=1 node --cpu-prof --cpu-prof-dir=/tmp/prof bin/loss-calc.js batch DIR --incident 2025-11-29 --jobs 1 --format csv > /dev/null
//   (LOSS_CALC_UNBUNDLED=1: dist/ module by module, so files are named; the bundle shows chunks)
//   node bench/speed-profile.mjs /tmp/prof/*.cpuprofile [--top 25]
// (With --jobs > 1 every worker thread writes its own profile.)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: a, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
const TOP = +a.top;
const where = (n) => n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/');
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map(); // node id → µs sampled there
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...time.values()].reduce((s, t) => s + t, 0);
  const add = (m, k, t) => m.set(k, (m.get(k) ?? 0) + t);
  const selfFile = new Map(), selfFn = new Map(), incl = new Map();
  for (const [id, t] of time) {
    const n = byId.get(id);
    add(selfFile, where(n) || n.callFrame.functionName, t);
    add(selfFn, name(n), t);
    const seen = new Set(); // a recursive function counts once per sample
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = name(byId.get(x));
      if (!seen.has(k)) add(incl, k, t), seen.add(k);
    }
  }
  const top = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, TOP).map(([k, t]) => `${(100 * t / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  console.log(`# ${file}: ${(total / 1e6).toFixed(2)} s sampled\n\n## self time by file\n${top(selfFile)}\n\n## self time by function\n${top(selfFn)}\n\n## inclusive time\n${top(incl)}\n`);
}
