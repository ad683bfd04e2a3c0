// One chart panel as a self-contained inline SVG string: colours are attributes, not
// page CSS, so a panel copied out of the report still looks the same. Every text from the
// input goes through `esc`.
import { escapeHtml as esc } from '../escape.js';
import { bandPath, dateTickIndexes, dayScale, linePath, niceDomain, seriesPoints, linearScale, type Point } from './geometry.js';

/** A drawn line; `dots` adds one circle per known day (the browser test counts them). */
export interface PanelLine {
  series: string;
  label: string;
  values: (number | null)[];
  color: string;
  dashed?: boolean;
  dots?: boolean;
}

/** Everything one panel needs, already in the report's language. */
export interface Panel {
  id: string;
  title: string;
  yLabel: string;
  xLabel: string;
  dates: string[];
  lines: PanelLine[];
  band?: { label: string; lower: (number | null)[]; upper: (number | null)[]; color: string };
  incident: { date: string; label: string };
  holidays: { date: string; name: string }[];
  holidayLabel: string;
  uncounted: boolean[];
  uncountedLabel: string;
  tick: (iso: string) => string;
  yTick: (v: number) => string;
}

/** Panel size in SVG user units; the page scales it to its width (viewBox), so nothing clips. */
export const PANEL = { width: 720, height: 250, left: 100, right: 14, top: 34, bottom: 46 } as const;

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Noto Sans KR, Malgun Gothic, sans-serif"';

/** Rough text width for legend layout: CJK glyphs are about twice as wide as Latin ones. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? size : size * 0.58;
  return w;
}

/** The panel as an `<svg>` element. */
export function renderPanel(p: Panel): string {
  const { width: W, height: H, left: L, right: R, top: T, bottom: B } = PANEL;
  const x = dayScale(p.dates, [L, W - R]);
  const xi = (i: number) => x.at(p.dates[i]);
  const all = [...p.lines.flatMap((l) => l.values), ...(p.band ? [...p.band.lower, ...p.band.upper] : [])];
  const { domain, ticks } = niceDomain(all, 5);
  const y = linearScale(domain, [H - B, T]);
  const clampX = (v: number) => Math.min(W - R, Math.max(L, v));
  // a row's slot runs halfway to its neighbours, so week or month rows shade their whole period
  const edge = (i: number, side: -1 | 1) => {
    const j = i + side;
    const gap = j >= 0 && j < p.dates.length ? Math.abs(xi(j) - xi(i)) : (p.dates.length > 1 ? Math.abs(xi(i) - xi(i - side)) : x.dayWidth);
    return xi(i) + (side * gap) / 2;
  };
  const shade = (i: number, fill: string, tip: string, cls: string) => {
    const x0 = clampX(edge(i, -1));
    const x1 = clampX(edge(i, 1));
    return `<rect class="${cls}" x="${x0.toFixed(1)}" y="${T}" width="${(x1 - x0).toFixed(1)}" height="${H - B - T}" fill="${fill}"><title>${esc(tip)}</title></rect>`;
  };
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(p.title)}" data-panel="${esc(p.id)}" ${FONT} font-size="11">`);
  out.push(`<title>${esc(p.title)}</title>`);
  const index = new Map(p.dates.map((d, i) => [d, i]));
  p.uncounted.forEach((u, i) => u && out.push(shade(i, '#e5e7eb', `${p.dates[i]} · ${p.uncountedLabel}`, 'uncounted')));
  for (const h of p.holidays) {
    const i = index.get(h.date);
    if (i !== undefined) out.push(shade(i, '#fde8c8', `${h.date} · ${h.name}`, 'holiday'));
  }
  for (const t of ticks) {
    const yy = y(t).toFixed(1);
    out.push(`<line x1="${L}" x2="${W - R}" y1="${yy}" y2="${yy}" stroke="${t === 0 ? '#6b7280' : '#e5e7eb'}" stroke-width="${t === 0 ? 1 : 0.7}"/>`);
    out.push(`<text x="${L - 6}" y="${yy}" dy="0.32em" text-anchor="end" fill="#374151">${esc(p.yTick(t))}</text>`);
  }
  for (const i of dateTickIndexes(p.dates.length)) {
    const xx = xi(i);
    const anchor = xx > W - R - 24 ? 'end' : 'middle';
    out.push(`<line x1="${xx.toFixed(1)}" x2="${xx.toFixed(1)}" y1="${H - B}" y2="${H - B + 4}" stroke="#6b7280"/>`);
    out.push(`<text x="${xx.toFixed(1)}" y="${H - B + 15}" text-anchor="${anchor}" fill="#374151">${esc(p.tick(p.dates[i]))}</text>`);
  }
  out.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#6b7280"/>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle" fill="#111827">${esc(p.xLabel)}</text>`);
  out.push(`<text transform="translate(13 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle" fill="#111827">${esc(p.yLabel)}</text>`);
  if (p.band) {
    const d = bandPath(seriesPoints(p.band.upper, xi, y), seriesPoints(p.band.lower, xi, y));
    out.push(`<path data-series="band" d="${d}" fill="${p.band.color}" fill-opacity="0.22" stroke="none"/>`);
  }
  for (const l of p.lines) out.push(lineGroup(l, seriesPoints(l.values, xi, y)));
  const ix = x.at(p.incident.date);
  if (ix >= L - 0.5 && ix <= W - R + 0.5) {
    out.push(`<line class="incident" x1="${ix.toFixed(1)}" x2="${ix.toFixed(1)}" y1="${T - 4}" y2="${H - B}" stroke="#b91c1c" stroke-width="1.2" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${(ix + 4).toFixed(1)}" y="${T + 8}" fill="#b91c1c" font-size="10">${esc(p.incident.label)}</text>`);
  }
  out.push(legend(p));
  out.push('</svg>');
  return out.join('\n');
}

/** A series: its line and, when asked, a circle per known day, grouped for the browser test. */
function lineGroup(l: PanelLine, pts: (Point | null)[]): string {
  const known = pts.filter((q): q is Point => q !== null);
  const dots = l.dots ? known.map((q) => `<circle cx="${q[0]}" cy="${q[1]}" r="1.9" fill="${l.color}"/>`).join('') : '';
  const dash = l.dashed ? ' stroke-dasharray="5 3"' : '';
  return `<g data-series="${esc(l.series)}" data-points="${l.dots ? known.length : 0}"><path d="${linePath(pts)}" fill="none" stroke="${l.color}" stroke-width="1.6"${dash}/>${dots}</g>`;
}

/** Legend row above the plot: lines, band, holidays, uncounted days, incident. */
function legend(p: Panel): string {
  const items: string[] = [];
  let cx = PANEL.left;
  const y = 14;
  const add = (swatch: string, label: string) => {
    items.push(`<g transform="translate(${cx.toFixed(1)} ${y})">${swatch}<text x="22" y="0" dy="0.32em" fill="#111827">${esc(label)}</text></g>`);
    cx += 30 + textWidth(label, 11);
  };
  for (const l of p.lines) add(`<line x1="0" x2="16" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="5 3"' : ''}/>`, l.label);
  if (p.band) add(`<rect x="0" y="-5" width="16" height="10" fill="${p.band.color}" fill-opacity="0.22"/>`, p.band.label);
  if (p.holidays.some((h) => p.dates.includes(h.date))) add('<rect x="0" y="-5" width="16" height="10" fill="#fde8c8"/>', p.holidayLabel);
  if (p.uncounted.some(Boolean)) add('<rect x="0" y="-5" width="16" height="10" fill="#e5e7eb"/>', p.uncountedLabel);
  add('<line x1="8" x2="8" y1="-6" y2="6" stroke="#b91c1c" stroke-dasharray="3 2"/>', p.incident.label);
  return `<g class="legend">${items.join('')}</g>`;
}
