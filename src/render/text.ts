// `--format text`: a plain-words report of a few paragraphs (what happened, how much, how
// sure, how it was estimated). Every number is the claim's own, only formatted, so the words
// and the JSON agree digit for digit (test/render-text.test.ts checks it).
import type { Claim, Total } from '../core/claim.js';
import { printableClaim } from './escape.js';
import { formatDate, formatMoney, formatOrders, formatPercent, LABELS, type Lang } from './i18n.js';
import { aboveExpected, interestOf, placeboOf, recoveryOf } from './extras.js';
import type { RenderOptions } from './index.js';
import { modelDescription, modelReason, warningText } from './ko-prose.js';

/** The claim in words, in English or Korean. */
export function renderText(raw: Claim, o: RenderOptions): string {
  const c = printableClaim(raw); // a seller id or file name must not drive the terminal
  return `${(o.lang === 'ko' ? korean(c) : english(c)).join('\n\n')}\n`;
}

/** What the paragraphs need, formatted once for both languages. */
function parts(c: Claim, lang: Lang) {
  const money = (v: number | null) => formatMoney(v, c.currency);
  const n = (v: number | null) => formatOrders(v, lang);
  const has = (t: Total | undefined): t is Total => t !== undefined && t.expected !== null;
  const { orders, revenue, profit } = c.totals;
  const sig = (['revenue', 'orders'] as const).filter((k) => c.significance[k].pValue !== null)
    .map((k) => ({ metric: k, p: String(c.significance[k].pValue), prob: formatPercent(c.significance[k].probabilityOfLoss), pValue: c.significance[k].pValue as number, placebo: placeboOf(c, k) }));
  const cal = c.model.calibration.revenue ?? c.model.calibration.orders;
  const above = aboveExpected(c);
  const found = recoveryOf(c);
  // no loss, or none at the start (back on the incident's own day): nothing to recover from
  const rec = above || found?.date === c.windows.incident.start ? undefined : found;
  const interest = interestOf(c);
  return {
    money, n, orders: has(orders) ? orders : null, revenue: has(revenue) ? revenue : null,
    profit: has(profit) && c.options.margin !== null ? profit : null, margin: Math.round((c.options.margin ?? 0) * 100),
    pct: Math.round(c.level * 100), sig, cal,
    loss: { from: formatDate(c.windows.incident.start, lang), to: formatDate(c.windows.incident.end, lang), days: c.windows.incident.days },
    base: { from: formatDate(c.windows.baseline.start, lang), to: formatDate(c.windows.baseline.end, lang), days: c.windows.baseline.days },
    recovery: rec === undefined ? undefined : typeof rec.date === 'string' ? formatDate(rec.date, lang) : null,
    interest: interest && { ...interest, rate: formatPercent(interest.rate), asOf: formatDate(interest.asOf, lang) },
    spansZero: [orders, revenue].some((t) => t.lower !== null && t.lower <= 0),
    above,
  };
}

function english(c: Claim): string[] {
  const x = parts(c, 'en');
  const amount = (k: 'actual' | 'expected') => x.orders && x.revenue ? `${x.n(x.orders[k])} orders worth ${x.money(x.revenue[k])}`
    : x.orders ? `${x.n(x.orders[k])} orders` : `${x.money(x.revenue?.[k] ?? null)} of revenue`;
  const lost = [
    x.orders && `${x.n(x.orders.lost)} orders (${x.pct}% interval ${x.n(x.orders.lower)} to ${x.n(x.orders.upper)})`,
    x.revenue && `${x.money(x.revenue.lost)} of revenue (${x.pct}% interval ${x.money(x.revenue.lower)} to ${x.money(x.revenue.upper)})`,
    x.profit && `${x.money(x.profit.lost)} of profit at a ${x.margin}% margin (${x.money(x.profit.lower)} to ${x.money(x.profit.upper)})`,
    x.interest && `${x.money(x.interest.amount)} of interest on that profit at ${x.interest.rate} a year to ${x.interest.asOf} (${x.money(x.interest.lower)} to ${x.money(x.interest.upper)})`,
  ].filter(Boolean);
  const out = [
    `What happened: seller ${c.seller}, loss window ${x.loss.from} to ${x.loss.to} (${LABELS.en.days(x.loss.days)}). ` +
      `The seller received ${amount('actual')}. Had the incident not happened, about ${amount('expected')} were expected.`,
    `How much: the estimated loss is ${joinEn(lost)}.` +
      (x.above ? ' The whole interval is below zero: the seller sold more than expected, and the data show no loss.'
        : x.spansZero ? ' The interval reaches zero or below, so the data cannot rule out that there was no loss.' : ''),
  ];
  if (x.sig.length) {
    out.push(`How sure: the probability that the loss is real rather than ordinary fluctuation is ` +
      `${joinEn(x.sig.map((s) => `${s.prob} for ${s.metric} (one-sided p = ${s.p})`))}. ` +
      (x.sig[0].pValue < 1 - x.pct / 100 ? `At the ${x.pct}% level the shortfall is unlikely to be chance.`
        : x.above ? 'Sales were above the expected level: there is no shortfall to test.' : `At the ${x.pct}% level this is not conclusive on its own.`) +
      (x.sig[0].placebo ? ` A placebo test (the same model on ${x.sig[0].placebo.windows} pretend incidents inside the baseline) gives p = ${x.sig[0].placebo.pValue} for ${x.sig[0].metric}.` : ''));
  }
  out.push(`How it was estimated: the "${c.model.name}" model (${c.model.description}) was fitted on the baseline ` +
    `${x.base.from} to ${x.base.to} (${LABELS.en.days(x.base.days)}) and projected over the loss window; ${c.model.reason}. ` +
    `The interval comes from simulated future paths of the whole window` +
    (x.cal ? `, its spread scaled ×${x.cal.widening} to match how far the model missed on ${x.cal.windows} past ${x.cal.horizon}-day windows inside the baseline.` : '.'));
  if (x.recovery !== undefined) out.push(x.recovery ? `Recovery: sales returned to the expected level on ${x.recovery}.` : 'Recovery: sales were not shown to be back at the expected level by the end of the loss window.');
  if (c.warnings.length) out.push(`Warnings: ${c.warnings.map((w) => `${w.message} [${w.code}]`).join('; ')}.`);
  return out;
}

function korean(c: Claim): string[] {
  const x = parts(c, 'ko');
  const got = [x.orders && `주문 ${x.n(x.orders.actual)}`, x.revenue && `매출 ${x.money(x.revenue.actual)}`].filter(Boolean).join(', ');
  const exp = [x.orders && `주문 ${x.n(x.orders.expected)}`, x.revenue && `매출 ${x.money(x.revenue.expected)}`].filter(Boolean).join(', ');
  const lost = [
    x.orders && `주문 ${x.n(x.orders.lost)}(${x.pct}% 구간 ${x.n(x.orders.lower)}~${x.n(x.orders.upper)})`,
    x.revenue && `매출 ${x.money(x.revenue.lost)}(${x.pct}% 구간 ${x.money(x.revenue.lower)}~${x.money(x.revenue.upper)})`,
    x.profit && `마진 ${x.margin}% 기준 이익 ${x.money(x.profit.lost)}(${x.money(x.profit.lower)}~${x.money(x.profit.upper)})`,
    x.interest && `${x.interest.asOf}까지 연 ${x.interest.rate}의 이자 ${x.money(x.interest.amount)}(${x.money(x.interest.lower)}~${x.money(x.interest.upper)})`,
  ].filter(Boolean);
  const out = [
    `무슨 일이 있었나: 판매자 ${c.seller}, 손실 기간 ${x.loss.from}~${x.loss.to}(${x.loss.days}일). ` +
      `실제 실적: ${got}. 사고가 없었을 때의 예상: 약 ${exp}.`,
    `얼마나: 추정 손실은 ${lost.join(', ')}입니다.` +
      (x.above ? ' 구간 전체가 0보다 작습니다. 판매가 예상보다 많았으므로 자료상 손실은 없습니다.'
        : x.spansZero ? ' 구간이 0 이하까지 걸쳐 있으므로, 손실이 없었을 가능성을 자료로 배제할 수 없습니다.' : ''),
  ];
  if (x.sig.length) {
    const name = { orders: '주문', revenue: '매출' } as const;
    out.push(`얼마나 확실한가: 이 손실이 일상적인 변동이 아니라 실재할 확률은 ` +
      `${x.sig.map((s) => `${name[s.metric]} ${s.prob}(단측 p = ${s.p})`).join(', ')}입니다. ` +
      (x.sig[0].pValue < 1 - x.pct / 100 ? `${x.pct}% 수준에서 이 부족은 우연으로 보기 어렵습니다.`
        : x.above ? '판매가 예상 수준보다 많았으므로 검정할 부족분이 없습니다.' : `${x.pct}% 수준에서는 이것만으로 결론을 내리기 어렵습니다.`) +
      (x.sig[0].placebo ? ` 가상 사고 검정(기준 기간 안의 가상 사고 시점 ${x.sig[0].placebo.windows}곳에 같은 모형 적용)의 ${name[x.sig[0].metric]} p = ${x.sig[0].placebo.pValue}입니다.` : ''));
  }
  out.push(`추정 방법: 기준 기간 ${x.base.from}~${x.base.to}(${x.base.days}일)에 "${c.model.name}" 모형(${modelDescription(c.model, 'ko')})을 적합하여 ` +
    `손실 기간으로 연장했습니다. 선택 이유: ${modelReason(c.model, 'ko')}. 구간은 손실 기간 전체의 모의 미래 경로에서 구했고` +
    (x.cal ? `, 기준 기간 안의 과거 ${x.cal.horizon}일 구간 ${x.cal.windows}개에서 모형이 빗나간 정도에 맞추어 퍼짐을 ×${x.cal.widening} 조정했습니다.` : '.'));
  if (x.recovery !== undefined) out.push(x.recovery ? `회복: ${x.recovery}에 판매가 예상 수준으로 회복되었습니다.` : '회복: 손실 기간이 끝날 때까지 판매가 예상 수준으로 회복되었다고 볼 근거가 없습니다.');
  if (c.warnings.length) out.push(`경고: ${c.warnings.map((w) => `${warningText(w, 'ko')} [${w.code}]`).join('; ')}`);
  return out;
}

/** "a", "a and b", "a, b and c". */
function joinEn(items: (string | false | null | undefined)[]): string {
  const xs = items.filter((s): s is string => Boolean(s));
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
