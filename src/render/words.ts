// The HTML report's words in English and Korean. Numbers never live here: they are
// formatted by i18n.ts and passed in, so both languages show the claim's exact numbers.
import type { Lang } from './i18n.js';

const en = {
  generated: 'Generated',
  version: 'loss-calc version',
  sections: {
    summary: 'Summary', significance: 'How sure', recovery: 'Recovery', charts: 'Charts', model: 'The model and why',
    warnings: 'Warnings', provenance: 'Provenance', methodology: 'Method in plain words',
  },
  metric: { orders: 'Orders', revenue: 'Revenue' },
  chartTitle: {
    original: (m: string) => `${m}: actual and expected without the incident`,
    pointwise: (m: string) => `${m}: daily loss (expected − actual)`,
    cumulative: (m: string) => `${m}: cumulative loss`,
  },
  series: { actual: 'Actual', expected: 'Expected', loss: 'Daily loss', cumulative: 'Cumulative loss' },
  date: 'Date',
  holiday: 'Holiday',
  uncounted: 'Not counted',
  incident: 'Incident',
  holidaysInWindow: 'Holidays in the window',
  cumulativeNote:
    'The cumulative band meets the summary interval exactly on the last day and equals the first day\'s band on day one; ' +
    'between them it is an approximation (one day-to-day correlation for the whole window).',
  pValue: 'p-value (one-sided)',
  probability: 'Probability the loss is real',
  significanceText: (p: string, metric: string) =>
    `If the incident had changed nothing, a ${metric.toLowerCase()} total as low as the actual one would happen with probability ${p} under the model.`,
  recovered: (d: string) => `Sales returned to the expected level on ${d}.`,
  aboveExpected: 'Every interval lies below zero: the seller sold more than expected, and the data show no loss.',
  notRecovered: 'Sales were not shown to be back at the expected level by the end of the loss window.',
  recoveryRule: (metric: string, days: number) => `(Recovered = ${metric.toLowerCase()} over ${days} days inside the expected band for their total, with at least three quarters of the first ${days} days' drop won back.)`,
  interest: (rate: string, asOf: string) => `Interest on lost profit (${rate} a year, to ${asOf})`,
  placebo: 'Placebo p-value (exceeding/windows)',
  placeboNote: 'Placebo test: the same model was given pretend incidents inside the baseline; the placebo p-value is the share of those whose loss was at least as large as this one (plus one in both counts).',
  chosen: 'chosen',
  modelRows: { name: 'Model', description: 'What it is', selection: 'How chosen', reason: 'Why' },
  selection: { auto: 'automatically, by backtest error', named: 'named by the user' },
  candidates: { name: 'Candidate', score: 'Backtest error', coverage: 'Backtest coverage', windows: 'Windows' },
  calibration: { metric: 'Metric', horizon: 'Days per window', windows: 'Backtest windows', widening: 'Spread scaled ×', coverage: 'Coverage before scaling' },
  candidatesNote: 'Backtest error: the share by which the model missed the total of past windows of the same length inside the baseline (lower is better).',
  noWarnings: 'No warnings.',
  prov: {
    file: 'File', sha256: 'SHA-256', kind: 'Kind', encoding: 'Encoding', delimiter: 'Delimiter', rows: 'Rows read',
    rowsUsed: 'Rows used', skipped: 'Rows skipped', none: 'none', coverage: 'Data from', columns: 'Columns',
    baseline: 'Baseline', incident: 'Loss window', excluded: 'Excluded', options: 'Options', level: 'Interval level',
    currency: 'Currency', holidays: 'Holiday calendar', model: 'Model option', seed: 'Random seed', margin: 'Margin', tz: 'Time zone',
    kinds: { orders: 'one row per order', daily: 'daily totals' },
  },
  days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
  check: 'Check the file: compute its SHA-256 (e.g. `sha256sum file`) and compare with the value above.',
};

/** The report vocabulary; Korean must provide every English key. */
export type Words = typeof en;

const ko: Words = {
  generated: '작성 시각',
  version: 'loss-calc 버전',
  sections: {
    summary: '요약', significance: '확실성', recovery: '회복', charts: '그래프', model: '모형과 선택 이유',
    warnings: '경고', provenance: '자료 출처', methodology: '추정 방법 설명',
  },
  metric: { orders: '주문', revenue: '매출' },
  chartTitle: {
    original: (m: string) => `${m}: 실제 값과 사고가 없었을 때의 예상 값`,
    pointwise: (m: string) => `${m}: 일별 손실 (예상 − 실제)`,
    cumulative: (m: string) => `${m}: 누적 손실`,
  },
  series: { actual: '실제', expected: '예상', loss: '일별 손실', cumulative: '누적 손실' },
  date: '날짜',
  holiday: '공휴일',
  uncounted: '합계 제외',
  incident: '사고 시작',
  holidaysInWindow: '기간 중 공휴일',
  cumulativeNote: '누적 손실의 구간은 마지막 날에 요약표의 구간과 정확히 일치하고 첫날에는 그날의 구간과 같습니다. 그 사이는 근사입니다(기간 전체에 하나의 일간 상관을 가정).',
  pValue: 'p값 (단측)',
  probability: '손실이 실재할 확률',
  significanceText: (p: string, metric: string) =>
    `사고가 아무 영향도 주지 않았다면, 모형상 ${metric} 합계가 실제만큼 낮게 나올 확률은 ${p}입니다.`,
  recovered: (d: string) => `${d}에 판매가 예상 수준으로 회복되었습니다.`,
  aboveExpected: '구간이 모두 0보다 작습니다. 판매가 예상보다 많았으므로 자료상 손실은 없습니다.',
  notRecovered: '손실 기간이 끝날 때까지 판매가 예상 수준으로 회복되었다고 볼 근거가 없습니다.',
  recoveryRule: (metric: string, days: number) => `(회복 = ${days}일간의 ${metric} 합계가 예상 구간 안에 있고, 처음 ${days}일의 감소분 가운데 4분의 3 이상을 되찾음.)`,
  interest: (rate: string, asOf: string) => `이익 손실에 대한 이자 (연 ${rate}, ${asOf}까지)`,
  placebo: '가상 사고 p값 (초과/구간)',
  placeboNote: '가상 사고 검정: 기준 기간 안의 가상 사고 시점에 같은 모형을 적용했을 때, 이번 손실만큼 이상이었던 비율입니다(양쪽 수에 1을 더함).',
  chosen: '선택',
  modelRows: { name: '모형', description: '설명', selection: '선택 방식', reason: '선택 이유' },
  selection: { auto: '백테스트 오차로 자동 선택', named: '사용자가 지정' },
  candidates: { name: '후보 모형', score: '백테스트 오차', coverage: '백테스트 포함률', windows: '구간 수' },
  calibration: { metric: '지표', horizon: '구간 길이(일)', windows: '백테스트 구간', widening: '퍼짐 조정 배수', coverage: '조정 전 포함률' },
  candidatesNote: '백테스트 오차: 기준 기간 안의 같은 길이 과거 구간에서 모형이 합계를 빗나간 비율(낮을수록 좋음).',
  noWarnings: '경고가 없습니다.',
  prov: {
    file: '파일', sha256: 'SHA-256', kind: '형식', encoding: '인코딩', delimiter: '구분자', rows: '읽은 행',
    rowsUsed: '사용한 행', skipped: '제외한 행', none: '없음', coverage: '자료 기간', columns: '열 대응',
    baseline: '기준 기간', incident: '손실 기간', excluded: '제외 기간', options: '옵션', level: '구간 수준',
    currency: '통화', holidays: '공휴일 달력', model: '모형 옵션', seed: '난수 시드', margin: '마진', tz: '시간대',
    kinds: { orders: '주문 단위 행', daily: '일별 합계' },
  },
  days: (n: number) => `${n}일`,
  check: '파일 확인: 파일의 SHA-256(예: `sha256sum 파일`)을 계산해 위 값과 비교하십시오.',
};

/** The report words of `lang`. */
export function words(lang: Lang): Words {
  return lang === 'ko' ? ko : en;
}
