// A compact terminal chart: one character per day (or per group of days), block characters
// when the terminal shows Unicode, a plain ASCII ramp when it cannot.
import type { Claim } from '../core/claim.js';
import { formatNumber, LABELS, type Lang } from './i18n.js';

/** Eight block heights, and the ASCII fallback ramp for terminals without Unicode. */
export const RAMPS = { unicode: '▁▂▃▄▅▆▇█', ascii: '_.-=#' } as const;

/** Widest chart, in characters; longer windows are averaged into groups of days. */
export const SPARK_WIDTH = 60;

/**
 * One row of `values` on the shared scale `[0, max]`; null (unknown) shows as a space:
 * `sparkline([0, 5, 10, null], 10, true) === '▁▅█ '`.
 */
export function sparkline(values: (number | null)[], max: number, unicode: boolean): string {
  const ramp = unicode ? RAMPS.unicode : RAMPS.ascii;
  const top = ramp.length - 1;
  return values.map((v) => (v === null ? ' ' : ramp[max > 0 ? Math.min(top, Math.max(0, Math.round((v / max) * top))) : 0])).join('');
}

/** Average `values` into at most `width` groups (nulls ignored; an all-null group stays null). */
export function squeeze(values: (number | null)[], width: number): (number | null)[] {
  const groups = Math.ceil(values.length / width);
  if (groups <= 1) return values;
  const out: (number | null)[] = [];
  for (let i = 0; i < values.length; i += groups) {
    const known = values.slice(i, i + groups).filter((v): v is number => v !== null);
    out.push(known.length ? known.reduce((a, b) => a + b, 0) / known.length : null);
  }
  return out;
}

/** Display width of a label: Hangul and other wide glyphs take two columns. */
function columns(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? 2 : 1;
  return w;
}

/** The actual/expected row pair of the claim's daily orders (revenue if no orders), with a caption. */
export function sparkRows(c: Claim, lang: Lang, unicode: boolean): string[] {
  const useOrders = c.daily.some((d) => d.expectedOrders !== null);
  const actual = squeeze(c.daily.map((d) => (useOrders ? d.orders : d.revenue)), SPARK_WIDTH);
  const expected = squeeze(c.daily.map((d) => (useOrders ? d.expectedOrders : d.expectedRevenue)), SPARK_WIDTH);
  const max = Math.max(0, ...[...actual, ...expected].filter((v): v is number => v !== null));
  if (!actual.length || !(max > 0)) return [];
  const L = LABELS[lang];
  const caption = useOrders ? L.chart : L.chartRevenue;
  const labels = [L.spark.actual, L.spark.expected];
  const w = Math.max(...labels.map(columns));
  const pad = (s: string) => s + ' '.repeat(w - columns(s));
  const per = Math.ceil(c.daily.length / SPARK_WIDTH);
  const scale = `0 … ${formatNumber(max, 0)}${per > 1 ? `, ${L.perChar(per)}` : ''}`;
  return [
    `${caption} (${scale})`,
    `  ${pad(labels[0])} ${sparkline(actual, max, unicode)}`,
    `  ${pad(labels[1])} ${sparkline(expected, max, unicode)}`,
  ];
}
