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
    days: (n: number) => `${n} days`,
    probability: 'Probability the loss is real',
    warnings: 'Warnings',
    chart: 'Daily orders: actual (█) vs expected (·)',
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
    days: (n: number) => `${n}일`,
    probability: '손실이 실재할 확률',
    warnings: '경고',
    chart: '일별 주문: 실제 (█) 대 예상 (·)',
    ordersUnit: (s: string) => `${s}건`,
  },
} as const;

/** Thousands-separated number: `formatNumber(1234.5, 0) === '1,235'`. */
export function formatNumber(v: number, digits = 0): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Orders as people count them: `formatOrders(1234, 'ko') === '1,234건'`. */
export function formatOrders(v: number | null, lang: Lang): string {
  if (v === null) return '–';
  return LABELS[lang].ordersUnit(formatNumber(v, 0));
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
