// The method in plain words, for a seller, a lawyer or an analyst: what the baseline is,
// what the counterfactual is, how the interval is made, what the p-value means, and what
// the estimate cannot know. Facts (days, windows, widening) come from the claim.
import type { Claim } from '../core/claim.js';
import { formatSpan, type Lang } from './i18n.js';

/** Numbers the paragraphs quote, taken from the claim so prose never drifts from data. */
function facts(c: Claim, lang: Lang) {
  const cal = c.model.calibration.revenue ?? c.model.calibration.orders;
  return {
    baseline: formatSpan(c.windows.baseline.start, c.windows.baseline.end, lang),
    baselineDays: c.windows.baseline.days,
    loss: formatSpan(c.windows.incident.start, c.windows.incident.end, lang),
    level: Math.round(c.level * 100),
    horizon: cal?.horizon ?? c.windows.incident.days,
    windows: cal?.windows ?? 0,
    widening: cal?.widening ?? 1,
    calendar: c.options.holidays.toUpperCase() === 'NONE' ? null : c.options.holidays.toUpperCase(),
    excluded: c.windows.excluded.length,
    margin: c.options.margin,
  };
}

/** Paragraphs (plain text, to be escaped by the caller) explaining the estimate. */
export function methodology(c: Claim, lang: Lang): { heading: string; text: string }[] {
  const f = facts(c, lang);
  return lang === 'ko' ? korean(f) : english(f);
}

type Facts = ReturnType<typeof facts>;

function english(f: Facts) {
  return [
    { heading: 'The baseline', text:
      `The baseline is the period before the incident, ${f.baseline} (${f.baselineDays} days), when sales were not affected. ` +
      `The model learns from it the seller's usual level and its drift, the weekday pattern` +
      (f.calendar ? `, and the effect of public holidays (${f.calendar} calendar)` : '') + '.' +
      (f.excluded ? ` ${f.excluded} period(s) given with --exclude were left out of the fit and of the totals.` : '') },
    { heading: 'The counterfactual', text:
      `The counterfactual is what the model predicts for each day of the loss window, ${f.loss}, had the incident not happened ` +
      `— the "expected" line in the charts. The loss is expected minus actual, added up over the loss window. ` +
      `Days without data are counted in neither the actual nor the expected total.` },
    { heading: 'How the interval is made', text:
      `The model simulates many possible futures of the whole loss window at once — day-to-day noise, the level wandering, ` +
      `and uncertainty in the fitted effects — so that good and bad days that tend to come together are kept together. ` +
      `The middle ${f.level}% of the simulated totals gives the interval of the expected total, and subtracting the actual total gives the interval of the loss. ` +
      `The method was first checked on the seller's own past: ${f.windows} times inside the baseline, the model was fitted on the days before ` +
      `a ${f.horizon}-day window and asked to predict that window, and the simulated spread was scaled to match how far those forecasts ` +
      `actually missed: widened where they missed by more than the spread allowed, narrowed (within limits) where the spread was too cautious. ` +
      `Here the factor is ×${f.widening}.` },
    { heading: 'What the p-value means', text:
      `The p-value is the share of simulated futures whose total was as low as the actual total or lower. A small p-value ` +
      `(for example below 0.05) means a shortfall this large would rarely happen by ordinary fluctuation; the "probability the loss is real" is one minus it. ` +
      `It measures how unusual the drop is compared with the baseline, not what caused it.` },
    { heading: 'Limitations', text:
      `The estimate assumes the baseline pattern would have continued. Anything else that happened in the loss window — a competitor's sale, ` +
      `a change of price or stock, a market-wide slump — is counted as part of the loss unless those days are excluded or the window is shortened. ` +
      `Holiday effects are learned only from holidays seen in the baseline. The scaling rests on ${f.windows} backtest windows; with few of them it is itself uncertain. ` +
      (f.margin !== null ? `Lost profit uses one contribution margin for every sale. ` : '') +
      `Orders are rounded to one decimal and money to the currency's smallest unit.` },
  ];
}

function korean(f: Facts) {
  return [
    { heading: '기준 기간', text:
      `기준 기간은 사고 이전, 판매가 영향을 받지 않은 ${f.baseline}(${f.baselineDays}일)입니다. 모형은 이 기간에서 판매자의 평소 수준과 그 변화, 요일별 패턴` +
      (f.calendar ? `, 공휴일의 영향(${f.calendar} 달력)` : '') + '을 배웁니다.' +
      (f.excluded ? ` --exclude로 지정한 ${f.excluded}개 기간은 적합과 합계에서 뺐습니다.` : '') },
    { heading: '반사실(사고가 없었을 경우)', text:
      `반사실은 사고가 없었다면 손실 기간 ${f.loss}의 각 날짜에 얼마가 팔렸을지에 대한 모형의 예측으로, 그래프의 "예상" 선입니다. ` +
      `손실은 예상에서 실제를 뺀 값을 손실 기간 동안 더한 것입니다. 자료가 없는 날은 실제와 예상 합계 어느 쪽에도 넣지 않습니다.` },
    { heading: '구간을 만드는 방법', text:
      `모형은 손실 기간 전체의 가능한 미래를 한꺼번에 여러 번 모의 실험합니다(일별 변동, 수준의 변화, 추정한 효과의 불확실성). ` +
      `그래서 함께 오는 좋은 날과 나쁜 날이 함께 유지됩니다. 모의 실험한 합계의 가운데 ${f.level}%가 예상 합계의 구간이고, 여기서 실제 합계를 빼면 손실의 구간입니다. ` +
      `먼저 판매자 자신의 과거로 방법을 점검했습니다. 기준 기간 안에서 ${f.windows}번, ${f.horizon}일 구간 직전까지의 자료로 모형을 적합하고 그 구간을 예측하게 했습니다. ` +
      `그리고 그 예측이 실제로 빗나간 정도에 맞추어 모의 실험의 퍼짐을 조정했습니다. 퍼짐보다 크게 빗나갔으면 넓히고, 퍼짐이 지나치게 보수적이었으면 (한도 안에서) 좁혔습니다. 여기서는 ×${f.widening}입니다.` },
    { heading: 'p값의 의미', text:
      `p값은 모의 실험한 미래 가운데 합계가 실제 합계만큼 낮거나 더 낮았던 비율입니다. p값이 작으면(예: 0.05 미만) 이만큼의 부족은 ` +
      `일상적인 변동으로는 드물다는 뜻이며, "손실이 실재할 확률"은 1에서 p값을 뺀 값입니다. 이는 감소가 기준 기간에 비해 얼마나 이례적인지를 잴 뿐, 원인을 말해 주지는 않습니다.` },
    { heading: '한계', text:
      `이 추정은 기준 기간의 패턴이 계속되었으리라고 가정합니다. 손실 기간에 일어난 다른 일(경쟁사 할인, 가격이나 재고의 변화, 시장 전체의 침체)은 ` +
      `그 날짜를 제외하거나 기간을 줄이지 않는 한 손실에 포함됩니다. 공휴일 효과는 기준 기간에 있었던 공휴일에서만 배웁니다. 구간 조정은 ${f.windows}개 백테스트 구간에 근거하므로, 구간이 적으면 그 자체도 불확실합니다. ` +
      (f.margin !== null ? `이익 손실은 모든 판매에 하나의 마진을 적용합니다. ` : '') +
      `주문은 소수 첫째 자리, 금액은 통화의 최소 단위로 반올림했습니다.` },
  ];
}
