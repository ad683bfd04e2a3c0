// Korean for the claim's English prose: each model's description, why the model was
// chosen, and what each warning code means. The claim keeps its English sentences (the
// record that programs and other tools read, next to codes and numbers); Korean reports
// show these instead, with a warning's English detail beside it for its numbers and dates.
import type { Claim } from '../core/claim.js';
import { TUNING } from '../core/tuning.js';
import type { Warning } from '../core/types.js';
import { formatPercent, type Lang } from './i18n.js';

const MODELS: Record<string, string> = {
  trend: '추세, 요일·공휴일 효과(기준 기간이 2년 이상이면 연간 계절성 포함), 천천히 움직이는 수준, 재표집한 일별 변동으로 이루어진 로그-선형 회귀',
  count: '추세 없이 요일·공휴일 효과와 천천히 움직이는 수준을 둔 음이항 회귀 (하루 주문이 적은 판매자용)',
  ets: '로그 척도에서 감쇠 추세와 주간 계절성을 둔 지수평활, 공휴일은 기준 기간의 비율로 나누어 제거',
  'seasonal-mean': '전후 비교 기준선: 기준 기간 마지막 8주의 같은 요일 평균 (공휴일은 비율로 조정)',
  ensemble: '추세(trend)·주문수(count)·지수평활(ets)·요일평균(seasonal-mean) 모형의 동일 가중 평균; 모의 경로는 각 모형에서 번갈아 뽑음',
  control: '대조 계열(다른 판매 채널이나 시장 전체)에 대한 로그-선형 회귀, 요일·공휴일 효과와 천천히 움직이는 수준 포함',
};

const WARNINGS: Record<string, string> = {
  MISSING_DAYS: '행이나 값이 없는 날이 있습니다. 0이 아니라 모르는 값으로 두었습니다.',
  MISSING_DAYS_AS_ZERO: '행이 없는 날을 판매가 없는 날(주문 0건, 매출 0원)로 읽었습니다(--missing-days zero). 날짜별로 묶는 쿼리(GROUP BY)는 주문이 없는 날의 행을 쓰지 않습니다.',
  NO_ORDERS_COLUMN: '주문 수 열이 없어 매출만 추정했습니다.',
  NO_REVENUE_COLUMN: '매출 열이 없어 주문 수만 추정했습니다.',
  EMPTY_VALUES: '주문 수나 매출 칸이 빈 행이 있습니다. 그날의 해당 값은 모르는 값으로 두었습니다.',
  NEGATIVE_AMOUNTS: '금액이 음수인 행(환불 조정)은 제외했습니다. 매출은 총매출입니다.',
  NOT_SALES: '거래 유형이 판매가 아닌 행(환전, 이체, 출금, 보류, 수수료)은 주문이 아니므로 제외했습니다.',
  LATER_CANCELLATIONS: '판매로 읽힌 주문 중, 같은 주문번호·같은 금액으로 그 주문을 취소·환불·반품하는 행이 따로 있는 주문(상태가 바뀔 때마다 한 행씩 쌓이는 주문 이력, 승인과 취소 행이 따로 있는 PG 거래내역, −금액의 환불 행)은 주문일에서 뺐고, 그 판매 행은 취소·환불·반품으로 셌습니다. 취소 뒤에 다시 판매 행이 있는 주문(취소 철회, 재승인)은 한 번 팔린 주문으로 셌습니다.',
  MERGED_CELLS: '여러 행에 걸쳐 병합된 셀(주문번호·주문일시·일자 등)은 화면에 보이는 대로 그 셀이 덮는 모든 행의 값으로 읽었습니다(CSV로 저장되어 주문의 다음 줄에 주문번호·주문일시가 비어 있으면 바로 위 주문의 값으로 읽었습니다). 병합된 금액은 한 번만 셌습니다.',
  TWO_LINE_HEADER: '머리글이 두 줄입니다(위 줄의 병합된 칸 아래에 둘째 줄이 있음). 두 줄을 이어 열 이름을 붙였고, 병합된 금액 아래의 합계 칸을 그 금액 열로 읽었습니다.',
  UNPAID_ORDERS: '상태가 입금 전·결제 대기(미입금)인 주문은 아직 판매가 아니므로 제외했습니다. 나중에 입금된 주문은 파일을 다시 내려받으면 들어가니, 마지막 며칠의 주문이 적게 잡힐 수 있습니다.',
  PENDING_UNPRICED: '아직 금액이 없는 결제 대기 주문(Amazon은 결제 승인 전에는 금액을 보여 주지 않음)은 제외했습니다. 마지막 며칠의 주문이 적게 잡힐 수 있으니, 금액이 매겨진 뒤 다시 내려받거나 그날들을 --exclude로 빼십시오.',
  ONE_ROW_PER_DAY: '날마다 행이 정확히 하나이고 주문번호·상태 열이 없어 일별 합계로 읽었습니다. 금액은 매출로 쓰고 주문 수는 모르는 값으로 두었습니다(주문 수 열이 있으면 --columns orders=로 지정하십시오).',
  WIDE_DATE_RANGE: '날짜 범위가 10년을 넘습니다. 연도가 잘못 입력되지 않았는지 확인하십시오.',
  PREAMBLE: '머리글 위의 줄은 읽지 않았습니다.',
  ROUNDED_ORDER_IDS: '주문번호가 스프레드시트에서 지수 표기(예: 2.0241E+15)로 바뀌어 주문을 구별할 수 없습니다. 그 번호와 주문 시각으로 주문을 구별했습니다(시각이 없으면 행마다 한 건). 엑셀에서 저장하지 않은 원본 파일을 다시 내려받거나 주문번호 열을 텍스트 형식으로 지정하십시오.',
  IDS_RESTART_DAILY: '주문번호가 날마다 0001부터 다시 시작합니다(포스·키오스크의 일별 번호). 그래서 같은 날의 같은 번호를 한 주문으로 셌습니다.',
  ORDER_IDS_UNCHECKED: '주문번호가 너무 많아, 그 이후로는 서로 멀리 떨어진 같은 주문의 행이 두 번 셀 수 있습니다. 파일을 주문번호 순으로 정렬하면 확실합니다.',
  MIXED_CURRENCIES: '통화 열에 여러 통화가 있습니다. 금액을 환산하지 않고 그대로 더했으니, 통화별로 파일을 나누어 따로 추정하십시오.',
  CURRENCY_MISMATCH: '파일의 통화 열이 청구 통화(--currency)와 다릅니다. 금액은 환산하지 않고 그대로 썼으니, 파일의 통화를 --currency로 지정하십시오.',
  DUPLICATE_ROWS: '바로 위의 행들과 모든 칸이 같은 순서로 같은 행(기간이 겹치는 파일을 머리글과 함께 또는 머리글 없이 이어 붙인 경우)은 두 번 세지 않도록 뺐습니다.',
  STACKED_TABLES: '파일에 표가 여러 개 이어져 있습니다(소계 행, 제목 줄, 다시 머리글). 모든 표의 행을 이 파일의 주문으로 함께 읽었고, 표 사이의 줄은 표의 합계와 제목으로 보고 뺐습니다. 서로 다른 판매자의 표라면 판매자별로 나누어 내려받으십시오.',
  MULTIPLE_SELLERS: '판매자 열에 여러 판매자가 있지만 모두 한 판매자로 읽었습니다. 나누려면 batch --by를 쓰십시오.',
  BLANK_SELLER: '판매자 칸이 비어 있는 행들입니다. 버리지 않고 "(blank seller)"라는 한 판매자로 모아 추정했습니다.',
  HOLIDAY_IN_LOSS_WINDOW: '손실 기간에 명절(설·추석)이 있습니다. 그 효과는 기준 기간의 명절에서 추정했습니다.',
  HOLIDAY_NOT_IN_BASELINE: '손실 기간에 명절이 있으나 기준 기간에는 없어 그 효과를 반영하지 못했습니다. 해당 날짜를 --exclude로 빼는 것을 고려하십시오.',
  SHORT_BASELINE: '기준 기간의 자료가 짧아(일별 8주, 주별 16주 미만) 추세와 요일 양상이 불확실합니다.',
  NOT_CALIBRATED: '기준 기간이 짧아 과거 구간으로 모형을 시험할 수 없었습니다. 구간이 과거 오차에 맞추어 보정되지 않았습니다.',
  POOR_FIT: '과거 시험 예측이 모형의 예상보다 크게 빗나가 구간을 넓혔습니다.',
  HEADER_TIME_ZONE: '날짜 열의 머리글이 시간대를 밝히고 있어(예: Created (UTC)) 시각을 그 시간대로 읽고 --tz의 날짜로 옮겼습니다. 그래서 적힌 날짜와 다른 날로 셈한 행이 있습니다. 몇 행인지는 메시지에 있습니다.',
  FOREIGN_OFFSET: '시각에 UTC도 --tz도 아닌 다른 시간대의 오프셋(예: -05:00)이 붙어 있어 --tz의 날짜로 옮겼고, 적힌 날짜와 다른 날로 셈한 행이 있습니다. 판매자의 날짜가 그 시간대라면 --tz로 지정하십시오(예: --tz America/New_York).',
  BREAKDOWN_SUMMED: '일별 보고서가 기기·채널·상품별로 나뉘어 있어 날짜마다 합쳤습니다. 합계 행은 그 합이므로 뺐습니다.',
  REPEATED_ORDER_TOTALS: '금액 열이 주문의 각 행(상품)마다 그 주문의 총액을 되풀이하고 있어(주문과 주문상품을 조인한 쿼리 등) 주문번호마다 한 번만 셌습니다. 행마다 제 금액이라면 --columns amount=로 행 금액 열을 지정하십시오.',
  SHEETS_COMBINED: '통합문서에 같은 머리글의 월별 시트가 여러 개 있어 이어서 모두 읽었습니다. 시트 이름은 메시지에 있습니다.',
  SUMMARY_SHEET_SKIPPED: '첫 시트는 주별·월별 합계(요약)라서 그 뒤 시트의 일별·주문별 자료를 읽었습니다. 합계 시트를 읽으려면 --sheet로 지정하십시오.',
  DESCRIPTION_LINE: '머리글 바로 아래 줄은 각 열의 설명이라 읽지 않았습니다.',
  PARTIAL_PERIODS: '한 주·한 달의 일부만 담은 기간 행은 합계처럼 빼고 읽었습니다. 자료가 주나 달 중간에 끊겼다면 손실 기간은 마지막 온전한 주·달에서 끝납니다.',
  SUBTOTALS_DIFFER: '소계·일계로 표시된 날짜 행 가운데 위 판매 행의 합과 맞지 않는 행이 있지만 모두 소계로 보고 뺐습니다. 오타, 반품 차감, 소계가 빠진 날이 없는지 확인하십시오.',
  YEAR_FROM_TITLE: '연도 없는 날짜(07-01 등)는 머리글 위 제목 줄의 기간에서 연도를 가져와 읽었습니다.',
  OTHER_SHEETS: '같은 머리글의 다른 시트가 있지만 읽지 않았습니다(같은 주문의 사본일 수 있음). 다른 주문이 들어 있다면 --sheet로 그 시트를 읽으십시오.',
  MONEY_UNIT: '머리글이나 표 위의 줄이 금액 단위를 밝히고 있어(예: 매출(천원), (단위: 백만원)) 금액에 그 단위를 곱해 원 단위로 읽었습니다. 곱한 수는 메시지에 있습니다.',
  DOT_THOUSANDS: '파일의 금액이 마침표로 천 단위를 구분하고 있어(예: 1.930.000, 베트남 동·인도네시아 루피아) 그렇게 읽었습니다(152.000은 152,000).',
  AMBIGUOUS_DOTS: '마침표가 있는 금액이 모두 마침표 뒤에 숫자 세 자리를 두고 있어(예: 152.000) 소수로 읽었습니다(152). 마침표가 천 단위 구분이라면(베트남 동, 인도네시아 루피아) --currency VND 또는 IDR을 지정하십시오.',
  DECIMAL_COMMA: '파일의 금액이 소수점으로 쉼표를 쓰고 있어(예: 12,50은 12.5, 1.234,50은 1234.5) 그렇게 읽었습니다. 파일 안의 금액이 그렇게만 읽힙니다.',
  SLASH_DATES: '빗금(/)으로 쓴 날짜(또는 점과 두 자리 연도로 쓴 날짜: 25.04.01)를 파일 안의 날짜가 허용하는 한 가지 순서(월/일/년 또는 일/월/년)로 읽었습니다. 어느 쪽인지는 메시지에 있습니다.',
  CLOSED_DAYS: '평소 매일 팔리던 가게에 판매가 전혀 없던 기간(휴가, 이전, 계정 정지, 사이트 장애 등: 일주일 이상이거나, 판매 없는 날이 드문 가게의 하루)이 있어 휴업으로 보고 모형 적합에서 뺐습니다. 수요로 넣으면 예상 판매가 낮아집니다. 기간은 메시지에 있습니다.',
  ZEROS_BEFORE_INCIDENT: '기준 기간이 판매가 없는 날들로 끝납니다. 적합에 그대로 두어 예상 판매가 낮아졌습니다. 사고가 그 첫날 시작되었다면 --incident를 그 날짜로 지정하십시오.',
  PARTIAL_LAST_DAY: '파일의 마지막 날은 하루 도중에 내려받은 것으로 보입니다(마지막 주문 시각이 평소 하루 주문의 대부분이 들어오기 전). 기본값으로 그 날을 손실 기간에서 뺐습니다. 넣으려면 --until로 그 날짜를 지정하십시오.',
  SPIKES_LEFT_OUT: '기준 기간에 평소 수준의 10배를 넘는 날(대량 주문, 일시적 화제, 잘못 입력된 행 등)이 있어 모형 적합에서 뺐습니다. 그대로 두면 예상 판매가 부풀려집니다. 해당 날짜는 메시지에 있습니다.',
  LEVEL_SHIFT: '기준 기간 중에 판매 수준이 지속적으로 바뀐 시점이 있습니다(상품군 추가·중단 등). 그 날부터 새 수준을 반영했고, 그 변화를 가로지르는 과거 시험 구간은 구간 보정에서 뺐습니다. 예전 수준이 더는 맞지 않다면 그 날부터를 기준 기간(--baseline)으로 지정하는 것을 고려하십시오.',
  DROP_BEFORE_INCIDENT: '사고일 직전 며칠 동안의 판매가 그 전 기준 기간으로 예측한 수준보다 크게 낮았습니다. 사고의 영향이 지정한 날짜보다 먼저 시작되었을 수 있습니다. 그대로 두면 예상 판매가 낮아지고 그 며칠의 손실도 빠지니, 그때 시작되었다면 메시지에 있는 날짜를 --incident로 지정하십시오.',
  RECURRING_PEAK: '손실 기간의 어느 날이 1년 전에는 같은 요일 평소의 세 배 넘게 팔렸는데 예상 판매는 그보다 훨씬 낮습니다. 그 정점이 해마다 오는 행사(11.11, 블랙프라이데이, 모형이 배우지 못한 명절 선물 시즌 등)라면 모형이 예측하지 못해 그 날의 손실이 적게 잡혔으니, 그 날들은 따로 계산하거나(--exclude로 빼고 작년과 직접 비교) 청구서에 밝히십시오.',
  SURGE_BEFORE_INCIDENT: '사고일 직전 며칠 동안의 판매가 그 전 기준 기간으로 예측한 수준보다 크게 높았습니다(할인 행사, 일시적 화제 등). 그대로 두면 그 급증이 예상 판매로 이어져 손실이 부풀려지니, 일회성이었다면 메시지에 있는 기간을 --exclude로 빼십시오.',
  MISSING_LOSS_DAYS: '손실 기간 중 자료가 없는 날은 실제와 예상 양쪽에서 뺐습니다.',
  RUNAWAY_FORECAST: '예상 판매가 기준 기간의 가장 많이 팔린 날의 10배를 넘는 날이 있습니다. 모형이 자료로 뒷받침되지 않는 추세를 늘려 잡은 것이니 이 청구액에 의존하지 말고 --model seasonal-mean 또는 count를 써 보십시오.',
  EXCLUDE_OUTSIDE_WINDOWS: '--exclude로 지정한 기간이 기준 기간에도 손실 기간에도 걸리지 않아 아무 날도 빠지지 않았습니다. 날짜(특히 연도)를 확인하십시오.',
  UNTIL_BEYOND_DATA: '손실 기간이 자료의 마지막 날보다 깁니다. 주문 내역이라면 마지막 주문 뒤의 날은 주문 0건으로 셉니다.',
  TOTAL_NOT_A_SELLER: '판매자 열에 합계(Total) 같은 말이 든 요약 행은 판매자가 아니라 파일 전체의 합계여서 뺐습니다.',
  SELLER_ID_FORMS: '여러 판매자가 든 파일에서 이 판매자의 이름이 다른 유니코드 형태(macOS가 쓰는 NFD)로 적힌 행이 있어, 같은 판매자로 읽었습니다.',
  COLUMN_SUM_ROWS: '날짜와 주문번호가 없는 행 가운데 그 위 모든 행의 금액 합과 같은 행(엑셀의 =SUM() 합계 행)은 합계로 보고 뺐습니다.',
  SELLER_ENDS_EARLY: '여러 판매자가 든 파일에서 이 판매자의 마지막 주문이 파일의 마지막 날보다 앞섭니다. 파일이 그 사이의 날도 담고 있으므로 그 날들은 주문 0건으로 셌습니다.',
  BASELINE_CLIPPED: '기준 기간이 자료의 첫날부터 시작합니다(요청한 시작일보다 늦음).',
  INTEREST_AS_OF_EARLY: '이자 기준일(--as-of)이 손실 기간이 끝나기 전이라 그 뒤의 날에는 이자가 붙지 않습니다.',
  WEEKS_SHIFTED: '주별 자료의 날짜가 월요일이 아니어서(예: 일요일 시작) 각 주를 가장 많이 겹치는 월요일~일요일 주로 셌습니다.',
  INCIDENT_MID_PERIOD: '사고일이 주·월 중간에 있어 그 주·월 전체를 손실 기간에 넣었습니다.',
  CONTROL_GAPS: '손실 기간 중 대조 계열이 빈 날은 마지막으로 알려진 값을 이어 썼습니다.',
};

/** Korean description of a model, or null for a name this table does not know. */
export function modelDescriptionKo(name: string): string | null {
  return MODELS[name] ?? null;
}

/** What a warning code means, in Korean, or null for a code this table does not know. */
export function warningKo(code: string): string | null {
  return WARNINGS[code] ?? null;
}

/** The warning codes explained in Korean (a test checks every code the program emits is here). */
export const KO_WARNING_CODES: readonly string[] = Object.keys(WARNINGS);

/**
 * Why the model was chosen, in Korean, from the claim's own fields (the same cases as the
 * core's English reason: named, too short to backtest, the only candidate, the default
 * kept, a candidate that beat it). The default is `control` when it was a candidate.
 */
export function reasonKo(model: Claim['model']): string {
  const pct = (v: number | null) => formatPercent(v);
  const me = model.candidates.find((c) => c.name === model.name);
  const score = me?.score ?? null;
  if (model.selection === 'named') return `--model ${model.name} 옵션으로 지정했습니다. 과거 시험 예측의 기간 합계 오차는 ${pct(score)}입니다`;
  if (score === null) return `기준 기간이 짧아 과거 구간으로 시험할 수 없어 기본 모형인 ${model.name} 모형을 썼습니다`;
  if (model.candidates.length === 1) return `${model.name} 모형이 유일한 후보입니다. 과거 시험 예측의 기간 합계 오차는 ${pct(score)}입니다`;
  const others = model.candidates.filter((c) => c.name !== model.name).map((c) => `${c.name} ${pct(c.score)}`).join(', ');
  const preferred = model.candidates.some((c) => c.name === 'control') ? 'control' : TUNING.defaultModel;
  const margin = `${100 * TUNING.switchMargin}%`;
  if (model.name === preferred) {
    return `${model.name} 모형은 기본 모형이며, 과거 시험 예측의 기간 합계 오차(${pct(score)})보다 ${margin} 이상 낮은 후보가 없었습니다 (${others})`;
  }
  return `${model.name} 모형의 과거 시험 예측 오차가 기본 모형보다 ${margin} 이상 낮았습니다 (${pct(score)}; ${others})`;
}

/** A model's description in `lang` (English: the claim's own). */
export function modelDescription(model: Claim['model'], lang: Lang): string {
  return (lang === 'ko' && modelDescriptionKo(model.name)) || model.description;
}

/** Why the model was chosen, in `lang` (English: the claim's own). */
export function modelReason(model: Claim['model'], lang: Lang): string {
  return lang === 'ko' ? reasonKo(model) : model.reason;
}

/** A warning in `lang`: Korean says what it means, then the claim's detail (numbers, dates). */
export function warningText(w: Warning, lang: Lang): string {
  const ko = lang === 'ko' ? warningKo(w.code) : null;
  return ko ? `${ko} (${w.message})` : w.message;
}
