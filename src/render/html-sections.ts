// The HTML claim's sections as strings. Every value from the input passes through `e`
// (escapeHtml) — seller ids, file names, column headers, warnings and model text alike.
import type { Claim, Total } from '../core/claim.js';
import { escapeHtml as e } from './escape.js';
import { aboveExpected, interestOf, placeboOf, recoveryOf } from './extras.js';
import { formatDate, formatMoney, formatOrders, formatPercent, formatSpan, LABELS, type Lang } from './i18n.js';
import { words } from './words.js';
import { modelDescription, modelReason, warningText } from './ko-prose.js';

type Fmt = (v: number | null) => string;

/** Formatters of one report: orders with 건 in Korean, money with its symbol. */
export function formatters(c: Claim, lang: Lang): { n: Fmt; m: Fmt } {
  return { n: (v) => e(formatOrders(v, lang)), m: (v) => e(formatMoney(v, c.currency)) };
}

/** Header and summary table: orders, revenue, profit with actual, expected, lost, interval. */
export function summarySection(c: Claim, lang: Lang, generatedAt?: string): string {
  const L = LABELS[lang];
  const W = words(lang);
  const { n, m } = formatters(c, lang);
  const row = (label: string, t: Total, f: Fmt) =>
    `<tr><th scope="row">${e(label)}</th><td>${f(t.actual)}</td><td>${f(t.expected)}</td><td class="lost">${f(t.lost)}</td><td>${f(t.lower)} – ${f(t.upper)}</td></tr>`;
  const w = c.windows;
  const meta = [
    `<span>${e(L.seller)}: <b>${e(c.seller)}</b></span>`,
    `<span>${e(L.incident)}: ${e(formatSpan(w.incident.start, w.incident.end, lang))} (${e(L.days(w.incident.days))})</span>`,
    `<span>${e(L.baseline)}: ${e(formatSpan(w.baseline.start, w.baseline.end, lang))} (${e(L.days(w.baseline.days))})</span>`,
    `<span>${e(W.version)}: ${e(c.generator.version)}</span>`,
    ...(generatedAt ? [`<span>${e(W.generated)}: <time>${e(generatedAt)}</time></span>`] : []),
  ];
  return `<header><h1>${e(L.title)} — ${e(c.seller)}</h1><p class="meta">${meta.join('')}</p></header>
<h2>${e(W.sections.summary)}</h2>
<table class="summary"><thead><tr><th></th><th>${e(L.actual)}</th><th>${e(L.expected)}</th><th>${e(L.lost)}</th><th>${e(L.interval(Math.round(c.level * 100)))}</th></tr></thead><tbody>
${c.totals.orders.expected !== null ? row(L.orders, c.totals.orders, n) : ''}
${c.totals.revenue.expected !== null ? row(L.revenue, c.totals.revenue, m) : ''}
${c.totals.profit && c.options.margin !== null ? row(L.profit(Math.round(c.options.margin * 100)), c.totals.profit, m) : ''}
${interestRow(c, lang)}
</tbody></table>${aboveExpected(c) ? `\n<p class="note">${e(W.aboveExpected)}</p>` : ''}`;
}

/** Interest on lost profit, when the claim has it: only the lost and interval columns apply. */
function interestRow(c: Claim, lang: Lang): string {
  const i = interestOf(c);
  if (!i) return '';
  const { m } = formatters(c, lang);
  const label = words(lang).interest(formatPercent(i.rate), formatDate(i.asOf, lang));
  return `<tr><th scope="row">${e(label)}</th><td>–</td><td>–</td><td class="lost">${m(i.amount)}</td><td>${m(i.lower)} – ${m(i.upper)}</td></tr>`;
}

/** p-value and the probability the loss is real, per metric, with one sentence of meaning. */
export function significanceSection(c: Claim, lang: Lang): string {
  const W = words(lang);
  const hasPlacebo = Boolean(placeboOf(c, 'orders') ?? placeboOf(c, 'revenue'));
  const rows = (['orders', 'revenue'] as const)
    .filter((k) => c.significance[k].pValue !== null)
    .map((k) => {
      const pl = placeboOf(c, k);
      const placebo = hasPlacebo ? `<td>${pl ? `${e(String(pl.pValue ?? '–'))} (${pl.exceeding}/${pl.windows})` : '–'}</td>` : '';
      return `<tr><th scope="row">${e(W.metric[k])}</th><td>${e(String(c.significance[k].pValue))}</td><td>${e(formatPercent(c.significance[k].probabilityOfLoss))}</td>${placebo}</tr>`;
    });
  const main = c.significance.revenue.pValue !== null ? 'revenue' : 'orders';
  const p = c.significance[main].pValue;
  return `<h2>${e(W.sections.significance)}</h2>
<table><thead><tr><th></th><th>${e(W.pValue)}</th><th>${e(W.probability)}</th>${hasPlacebo ? `<th>${e(W.placebo)}</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>
${p !== null ? `<p>${e(W.significanceText(String(p), W.metric[main]))}</p>` : ''}
${hasPlacebo ? `<p class="note">${e(W.placeboNote)}</p>` : ''}`;
}

/** Recovery date, only when the claim carries `recovery`. */
export function recoverySection(c: Claim, lang: Lang): string {
  const rec = recoveryOf(c);
  if (!rec || aboveExpected(c) || rec.date === c.windows.incident.start) return ''; // no loss, or none at the start: nothing to recover from
  const W = words(lang);
  const text = typeof rec.date === 'string' ? W.recovered(formatDate(rec.date, lang)) : W.notRecovered;
  const rule = rec.metric && rec.days ? ` ${W.recoveryRule(W.metric[rec.metric], rec.days)}` : '';
  return `<h2>${e(W.sections.recovery)}</h2><p>${e(text + rule)}</p>`;
}

/** Warnings with their stable codes. */
export function warningsSection(c: Claim, lang: Lang): string {
  const W = words(lang);
  const items = c.warnings.map((w) => `<div class="warn"><code>${e(w.code)}</code> ${e(warningText(w, lang))}</div>`);
  return `<h2>${e(W.sections.warnings)}</h2>${items.length ? items.join('\n') : `<p>${e(W.noWarnings)}</p>`}`;
}

/** The model, why it was chosen, the candidates' backtest scores and the calibration. */
export function modelSection(c: Claim, lang: Lang): string {
  const W = words(lang);
  const md = c.model;
  const pct = (v: number | null) => e(formatPercent(v));
  const kv = [
    [W.modelRows.name, `<b>${e(md.name)}</b>`], [W.modelRows.description, e(modelDescription(md, lang))],
    [W.modelRows.selection, e(W.selection[md.selection])], [W.modelRows.reason, e(modelReason(md, lang))],
  ].map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`).join('');
  const cands = md.candidates.map((k) => {
    const chosen = k.name === md.name;
    return `<tr${chosen ? ' class="chosen"' : ''}><td>${e(k.name)}${chosen ? ` (${e(W.chosen)})` : ''}</td><td>${pct(k.score)}</td><td>${pct(k.coverage)}</td><td>${k.windows}</td></tr>`;
  }).join('');
  const cal = (['orders', 'revenue'] as const).filter((k) => md.calibration[k]).map((k) => {
    const x = md.calibration[k]!;
    return `<tr><td>${e(W.metric[k])}</td><td>${x.horizon}</td><td>${x.windows}</td><td>${x.widening}</td><td>${pct(x.coverage)}</td></tr>`;
  }).join('');
  const C = W.candidates;
  const K = W.calibration;
  return `<h2>${e(W.sections.model)}</h2>
<table class="kv"><tbody>${kv}</tbody></table>
${cands ? `<table><thead><tr><th>${e(C.name)}</th><th>${e(C.score)}</th><th>${e(C.coverage)}</th><th>${e(C.windows)}</th></tr></thead><tbody>${cands}</tbody></table><p class="note">${e(W.candidatesNote)}</p>` : ''}
${cal ? `<table><thead><tr><th>${e(K.metric)}</th><th>${e(K.horizon)}</th><th>${e(K.windows)}</th><th>${e(K.widening)}</th><th>${e(K.coverage)}</th></tr></thead><tbody>${cal}</tbody></table>` : ''}`;
}

/** Where the numbers came from: the file and its hash, rows, windows, options, version, time. */
export function provenanceSection(c: Claim, lang: Lang, generatedAt?: string): string {
  const W = words(lang);
  const P = W.prov;
  const i = c.input;
  const w = c.windows;
  const span = (s: { start: string; end: string }) => `${s.start} … ${s.end}`;
  const skipped = Object.entries(i.rowsSkipped).map(([k, v]) => `${k}: ${v.toLocaleString('en-US')}`).join(', ') || P.none;
  const columns = Object.entries(i.columns).map(([k, v]) => `${k} ← ${v}`).join(', ') || P.none;
  const o = c.options;
  const rows: [string, string][] = [
    [P.file, i.file], [P.sha256, i.sha256], [P.kind, `${i.kind} (${P.kinds[i.kind]})`], [P.encoding, i.encoding],
    [P.delimiter, JSON.stringify(i.delimiter)], [P.rows, i.rows.toLocaleString('en-US')], [P.rowsUsed, i.rowsUsed.toLocaleString('en-US')],
    [P.skipped, skipped], [P.coverage, span({ start: i.firstDate, end: i.lastDate })], [P.columns, columns],
    [P.baseline, `${span(w.baseline)} (${W.days(w.baseline.days)})`], [P.incident, `${span(w.incident)} (${W.days(w.incident.days)})`],
    [P.excluded, w.excluded.map(span).join(', ') || P.none],
    [P.level, String(c.level)], [P.currency, c.currency], [P.holidays, o.holidays], [P.model, o.model], [P.seed, String(o.seed)],
    [P.margin, o.margin === null ? P.none : String(o.margin)], [P.tz, o.tz],
    [W.version, `${c.generator.name} ${c.generator.version} (${c.schema})`],
    ...(generatedAt ? [[W.generated, generatedAt] as [string, string]] : []),
  ];
  return `<h2>${e(W.sections.provenance)}</h2>
<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td${k === P.sha256 ? ' class="mono"' : ''}>${e(v)}</td></tr>`).join('')}</tbody></table>
<p class="note">${e(W.check)}</p>`;
}
