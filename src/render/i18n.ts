// Words and number formats of the two report languages. Numbers are formatted here only;
// the claim keeps raw numbers (DESIGN: numbers and prose are separate fields).

export type Lang = 'en' | 'ko';

export const LABELS = {
  en: {
    title: 'Estimated incident loss',
    seller: 'Seller',
    incident: 'Loss window',
    baseline: 'Baseline',
    model: 'Model',
    metric: '',
    actual: 'Actual',
    expected: 'Expected',
    lost: 'Lost',
    interval: (p: number) => `${p}% interval`,
    orders: 'Orders',
    revenue: 'Revenue',
    profit: (m: number) => `Profit (margin ${m}%)`,
    interest: (rate: string, asOf: string) => `Interest (${rate} a year to ${asOf})`,
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    probability: 'Probability the loss is real',
    warnings: 'Warnings',
    chart: 'Daily orders over the loss window',
    chartRevenue: 'Daily revenue over the loss window',
    perChar: (n: number) => `one character = ${n} days`,
    spark: { actual: 'actual', expected: 'expected' },
    ordersUnit: (s: string) => s,
  },
  ko: {
    title: '사고로 인한 추정 손실',
    seller: '판매자',
    incident: '손실 기간',
    baseline: '기준 기간',
    model: '모형',
    metric: '',
    actual: '실제',
    expected: '예상',
    lost: '손실',
    interval: (p: number) => `${p}% 구간`,
    orders: '주문',
    revenue: '매출',
    profit: (m: number) => `이익 (마진 ${m}%)`,
    interest: (rate: string, asOf: string) => `이자 (연 ${rate}, ${asOf}까지)`,
    days: (n: number) => `${n}일`,
    probability: '손실이 실재할 확률',
    warnings: '경고',
    chart: '손실 기간의 일별 주문',
    chartRevenue: '손실 기간의 일별 매출',
    perChar: (n: number) => `한 글자 = ${n}일`,
    spark: { actual: '실제', expected: '예상' },
    ordersUnit: (s: string) => `${s}건`,
  },
} as const;

/** Thousands-separated number: `formatNumber(1234.5, 0) === '1,235'`. */
export function formatNumber(v: number, digits = 0): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Orders as people count them, with the claim's own precision (one decimal at most, so
 * the words show the JSON's number): `formatOrders(1234, 'ko') === '1,234건'`,
 * `formatOrders(627.7, 'en') === '627.7'`.
 */
export function formatOrders(v: number | null, lang: Lang): string {
  if (v === null) return '–';
  return LABELS[lang].ordersUnit(v.toLocaleString('en-US', { maximumFractionDigits: 1 }));
}

/** Money with its symbol: `formatMoney(12345678, 'KRW') === '₩12,345,678'`. */
export function formatMoney(v: number | null, currency: string): string {
  if (v === null) return '–';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(v);
}

/** Percent with one decimal: `formatPercent(0.9991) === '99.9%'`. */
export function formatPercent(v: number | null): string {
  return v === null ? '–' : `${(100 * v).toFixed(1)}%`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date for people, built by hand so it never depends on the ICU build: `formatDate('2025-11-29', 'ko') === '2025년 11월 29일'`, en `'29 Nov 2025'`. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'ko' ? `${y}년 ${m}월 ${d}일` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** A short axis-tick date: `formatTick('2025-12-01', 'en') === '1 Dec'`, ko `'12/1'`. */
export function formatTick(iso: string, lang: Lang): string {
  const [, m, d] = iso.split('-').map(Number);
  return lang === 'ko' ? `${m}/${d}` : `${d} ${MONTHS_EN[m - 1]}`;
}

/** A span of dates: `formatSpan('2025-11-29', '2026-01-27', 'en') === '29 Nov 2025 – 27 Jan 2026'`. */
export function formatSpan(start: string, end: string, lang: Lang): string {
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}
