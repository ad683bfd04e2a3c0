// `--format html`: the claim as one self-contained page a person can read, check and file.
// Inline CSS and inline SVG only — no script, no font or image from the network — so it
// opens offline and prints to A4 with each section on its own page.
import type { Claim } from '../core/claim.js';
import { claimHolidays, metricPanels } from './chart/panels.js';
import { hasMetric, type ChartMetric } from './chart/series.js';
import { escapeHtml as e } from './escape.js';
import {
  modelSection, provenanceSection, recoverySection, significanceSection, summarySection, warningsSection,
} from './html-sections.js';
import { REPORT_CSS } from './html-style.js';
import { formatDate, LABELS, type Lang } from './i18n.js';
import type { RenderOptions } from './index.js';
import { methodology } from './methodology.js';
import { words } from './words.js';

export { escapeHtml } from './escape.js';

/** The claim as one HTML document (`opts.generatedAt`, when given, is the only clock reading shown). */
export function renderHtml(c: Claim, o: RenderOptions): string {
  const L = LABELS[o.lang];
  const pages = [
    summarySection(c, o.lang, o.generatedAt) + significanceSection(c, o.lang) + recoverySection(c, o.lang) + warningsSection(c, o.lang),
    ...chartMetrics(c).map((m) => chartsSection(c, m, o.lang)),
    modelSection(c, o.lang),
    provenanceSection(c, o.lang, o.generatedAt),
    methodologySection(c, o.lang),
  ];
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="loss-calc ${e(c.generator.version)}">
<title>${e(L.title)} — ${e(c.seller)}</title>
<style>${REPORT_CSS}</style>
</head><body>
${pages.map((p, i) => `<section class="page" id="s${i + 1}">\n${p}\n</section>`).join('\n')}
</body></html>
`;
}

/** Metrics with charts: revenue first (a claim is about money), then orders. */
export function chartMetrics(c: Claim): ChartMetric[] {
  return (['revenue', 'orders'] as const).filter((m) => c.daily.length > 0 && hasMetric(c, m));
}

/** One metric's three panels, the holidays they shade, and the note on the cumulative band. */
function chartsSection(c: Claim, metric: ChartMetric, lang: Lang): string {
  const W = words(lang);
  const figures = metricPanels(c, metric, lang)
    .map((p) => `<figure data-chart="${e(p.id)}"><figcaption>${e(p.title)}</figcaption>\n${p.svg}\n</figure>`)
    .join('\n');
  const hols = claimHolidays(c);
  const holidayLine = hols.length
    ? `<p class="note">${e(W.holidaysInWindow)}: ${hols.map((h) => `${e(formatDate(h.date, lang))} ${e(h.name)}`).join(' · ')}</p>`
    : '';
  return `<h2>${e(W.sections.charts)} — ${e(W.metric[metric])}</h2>\n${figures}\n${holidayLine}<p class="note">${e(W.cumulativeNote)}</p>`;
}

/** The method in plain words. */
function methodologySection(c: Claim, lang: Lang): string {
  const W = words(lang);
  const paras = methodology(c, lang).map((p) => `<h3>${e(p.heading)}</h3><p>${e(p.text)}</p>`).join('\n');
  return `<h2>${e(W.sections.methodology)}</h2>\n${paras}`;
}
