// `--format text`: a plain-words report of a few paragraphs, numbers identical to the JSON.
import type { Claim } from '../core/claim.js';
import { formatMoney, formatNumber, formatOrders, formatPercent } from './i18n.js';
import type { RenderOptions } from './index.js';

/** The claim in words, in English or Korean. */
export function renderText(c: Claim, o: RenderOptions): string {
  return `${(o.lang === 'ko' ? korean(c) : english(c)).join('\n\n')}\n`;
}

function english(c: Claim): string[] {
  const { orders: t, revenue: r, profit: p } = c.totals;
  const pct = Math.round(c.level * 100);
  const money = (v: number | null) => formatMoney(v, c.currency);
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, 0));
  const sig = c.significance.orders.probabilityOfLoss ?? c.significance.revenue.probabilityOfLoss;
  const out = [
    `Seller ${c.seller}: from ${c.windows.incident.start} to ${c.windows.incident.end} (${c.windows.incident.days} days) ` +
      `the seller received ${n(t.actual)} orders worth ${money(r.actual)}. Had the incident not happened, ` +
      `about ${n(t.expected)} orders worth ${money(r.expected)} were expected.`,
    `The estimated loss is ${n(t.lost)} orders (${pct}% interval ${n(t.lower)} to ${n(t.upper)}) and ` +
      `${money(r.lost)} of revenue (${money(r.lower)} to ${money(r.upper)})` +
      (p && c.options.margin !== null ? `, or ${money(p.lost)} of profit at a ${Math.round(c.options.margin * 100)}% margin (${money(p.lower)} to ${money(p.upper)}).` : '.'),
    `How sure: the probability that the loss is real rather than ordinary fluctuation is ${formatPercent(sig)} ` +
      `(one-sided p = ${c.significance.orders.pValue ?? c.significance.revenue.pValue}).`,
    `How it was estimated: the "${c.model.name}" model was fitted on the baseline ${c.windows.baseline.start} to ` +
      `${c.windows.baseline.end} (${c.windows.baseline.days} days) and projected over the loss window; ${c.model.reason}. ` +
      `The interval comes from ${'simulated'} future paths, checked against ${c.model.calibration.orders?.windows ?? 0} past windows of the same length.`,
  ];
  if (c.warnings.length) out.push(`Warnings: ${c.warnings.map((w) => w.message).join('; ')}.`);
  return out;
}

function korean(c: Claim): string[] {
  const { orders: t, revenue: r, profit: p } = c.totals;
  const pct = Math.round(c.level * 100);
  const money = (v: number | null) => formatMoney(v, c.currency);
  const n = (v: number | null) => formatOrders(v, 'ko');
  const sig = c.significance.orders.probabilityOfLoss ?? c.significance.revenue.probabilityOfLoss;
  const out = [
    `판매자 ${c.seller}: ${c.windows.incident.start}부터 ${c.windows.incident.end}까지(${c.windows.incident.days}일) ` +
      `실제 주문은 ${n(t.actual)}, 매출은 ${money(r.actual)}이었습니다. 사고가 없었다면 약 ${n(t.expected)}, ` +
      `${money(r.expected)}이 예상되었습니다.`,
    `추정 손실은 주문 ${n(t.lost)}(${pct}% 구간 ${n(t.lower)}~${n(t.upper)}), 매출 ${money(r.lost)}` +
      `(${money(r.lower)}~${money(r.upper)})입니다` +
      (p && c.options.margin !== null ? `. 마진 ${Math.round(c.options.margin * 100)}% 기준 이익 손실은 ${money(p.lost)}(${money(p.lower)}~${money(p.upper)})입니다.` : '.'),
    `확실성: 이 손실이 일상적인 변동이 아니라 실재할 확률은 ${formatPercent(sig)}입니다(단측 p = ${c.significance.orders.pValue ?? c.significance.revenue.pValue}).`,
    `추정 방법: 기준 기간 ${c.windows.baseline.start}~${c.windows.baseline.end}(${c.windows.baseline.days}일)에 "${c.model.name}" 모형을 적합하여 ` +
      `손실 기간으로 연장했습니다. 구간은 모의 실험한 미래 경로에서 구했고, 같은 길이의 과거 ${c.model.calibration.orders?.windows ?? 0}개 구간으로 검증했습니다.`,
  ];
  if (c.warnings.length) out.push(`경고: ${c.warnings.map((w) => w.message).join('; ')}.`);
  return out;
}
