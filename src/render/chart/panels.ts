// The three CausalImpact-style panels of one metric: original (actual vs expected with
// the band), pointwise (daily loss with its band) and cumulative (running loss with its band).
import type { Claim } from '../../core/claim.js';
import { holidays as holidayList } from '../../core/holidays.js';
import { formatNumber, formatTick, LABELS, type Lang } from '../i18n.js';
import { words } from '../words.js';
import { chartSeries, type ChartMetric } from './series.js';
import { renderPanel, type Panel } from './svg.js';

const COLORS = { actual: '#111827', expected: '#2563eb', loss: '#dc2626' } as const;

/** Holidays of the claim's calendar inside its daily rows (none for `--holidays none`). */
export function claimHolidays(c: Claim): { date: string; name: string }[] {
  if (c.daily.length === 0) return [];
  const first = c.daily[0].date;
  const last = c.daily[c.daily.length - 1].date;
  try {
    return holidayList(c.options.holidays, +first.slice(0, 4), +last.slice(0, 4))
      .filter((h) => h.date >= first && h.date <= last)
      .map((h) => ({ date: h.date, name: h.name }));
  } catch {
    return []; // an unknown calendar only loses the shading, never the report
  }
}

/** The three panels of `metric` as SVG strings, in CausalImpact's order. */
export function metricPanels(c: Claim, metric: ChartMetric, lang: Lang): { id: string; title: string; svg: string }[] {
  const W = words(lang);
  const s = chartSeries(c, metric);
  const name = W.metric[metric];
  const unit = metric === 'revenue' ? ` (${currencySymbol(c.currency)})` : '';
  const base: Omit<Panel, 'id' | 'title' | 'lines' | 'band' | 'yLabel'> = {
    xLabel: W.date,
    dates: s.dates,
    incident: { date: c.windows.incident.start, label: W.incident },
    holidays: claimHolidays(c),
    holidayLabel: W.holiday,
    uncounted: s.uncounted,
    uncountedLabel: W.uncounted,
    tick: (iso) => formatTick(iso, lang),
    yTick: (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1), // ticks are whole unless the scale is tiny
  };
  const band = (lower: (number | null)[], upper: (number | null)[], color: string) =>
    ({ label: LABELS[lang].interval(Math.round(c.level * 100)), lower, upper, color });
  const panels: Panel[] = [
    {
      ...base, id: `${metric}-original`, title: W.chartTitle.original(name), yLabel: `${name}${unit}`,
      band: band(s.lower, s.upper, COLORS.expected),
      lines: [
        { series: 'expected', label: W.series.expected, values: s.expected, color: COLORS.expected, dashed: true },
        { series: 'actual', label: W.series.actual, values: s.actual, color: COLORS.actual, dots: true },
      ],
    },
    {
      ...base, id: `${metric}-pointwise`, title: W.chartTitle.pointwise(name), yLabel: `${W.series.loss}${unit}`,
      band: band(s.lossLower, s.lossUpper, COLORS.loss),
      lines: [{ series: 'loss', label: W.series.loss, values: s.loss, color: COLORS.loss, dots: true }],
    },
    {
      ...base, id: `${metric}-cumulative`, title: W.chartTitle.cumulative(name), yLabel: `${W.series.cumulative}${unit}`,
      band: band(s.cumulativeLower, s.cumulativeUpper, COLORS.loss),
      lines: [{ series: 'cumulative', label: W.series.cumulative, values: s.cumulative, color: COLORS.loss, dots: true }],
    },
  ];
  return panels.map((p) => ({ id: p.id, title: p.title, svg: renderPanel(p) }));
}

/** The narrow symbol of a currency: `currencySymbol('KRW') === '₩'`. */
export function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
