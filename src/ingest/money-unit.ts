// The unit a report states for its amounts: `매출(천원)`, `(단위: 백만원)` over the table,
// `Revenue ($000)`, `Sales (in thousands)`. Management reports and accountants' tables round
// to thousands of won; read as won, every loss would be 1,000 times too small.

/** A stated unit: what one written unit is worth, and the words that said so. */
export interface MoneyUnit {
  factor: number;
  text: string;
}

/** Korean multipliers before 원 (천원 = 1,000 won). */
const KO_FACTORS: Record<string, number> = { 십: 10, 백: 100, 천: 1e3, 만: 1e4, 십만: 1e5, 백만: 1e6, 천만: 1e7, 억: 1e8 };
const KO = '(십만|백만|천만|십|백|천|만|억)?\\s*원';
/** `(천원)`, `[단위: 백만원]`, `（원）`: a bracketed Korean unit. */
const KO_BRACKET = new RegExp(`[(\\[]\\s*(?:단위\\s*[:：]?\\s*)?(?:krw\\s*)?${KO}\\s*[)\\]]`);
/** `단위: 천원`, `단위 : 원`, `단위 천원`: the unit a title line or a header states without brackets. */
const KO_SAID = new RegExp(`단위\\s*[:：]?\\s*${KO}`);
/** `매출액_천원`, `매출 천원`: a Korean unit word ending a header after a separator. */
const KO_TRAILING = /[\s_](십만|백만|천만|천|만|억)\s*원$/;
/**
 * Bracketed English scale: `(000)`, `('000s)`, `($000)`, `(USD '000)`, `(KRW 000)`, `(k)`, `($K)`,
 * `(in thousands)`, `(thousands of won)`, `(USD millions)`, `($m)`, `(mn)`. The currency may lead.
 */
const EN_BRACKET = /[(\[]\s*(?:in\s+)?(?:[a-z]{3}\s*|[$₩€£¥]\s*)?(?:in\s+)?('?000s?|k|thousands?|m|mn|mm|millions?)(?:\s+of\s+[a-z]+)?\s*[)\]]/;
/** `Amounts in thousands`, `All figures in $000`, `USD in millions`: a title line's scale. */
const EN_SAID = /\b(?:in|units?\s*:)\s+(?:[a-z]{3}\s+|[$₩€£¥]\s*)?('?000s?|thousands?|millions?)\b/;

/** `Amount (cents)`, `(in cents)`, `[minor units]`, `amount_cents`, `Total in cents`: amounts in hundredths (a payment API's minor units). */
const CENTS = /[(\[]\s*(?:in\s+)?(?:cents?|minor\s+units?)\s*[)\]]|[\s_](?:in[\s_]+)?cents$/;

const EN_FACTOR = (w: string): number => (/^(?:'?000s?|k|thousands?)$/.test(w) ? 1e3 : 1e6);

/** The unit a money column's header states, if any (`원` alone is 1: it overrides a title's unit). */
export function unitOfHeader(header: string): MoneyUnit | undefined {
  const h = header.normalize('NFKC').toLowerCase().trim();
  const ko = KO_BRACKET.exec(h) ?? KO_SAID.exec(h) ?? KO_TRAILING.exec(h);
  if (ko) return { factor: KO_FACTORS[ko[1] ?? ''] ?? 1, text: ko[0].trim() };
  const en = EN_BRACKET.exec(h);
  if (en) return { factor: EN_FACTOR(en[1]), text: en[0].trim() };
  const cents = CENTS.exec(h);
  if (cents) return { factor: 0.01, text: cents[0].replace(/^[\s_]+/, '').trim() };
  return undefined;
}

/** The unit a title line (a record above the header) states for the whole table, if any. */
export function unitOfTitle(cells: string[]): MoneyUnit | undefined {
  for (const cell of cells) {
    const c = cell.normalize('NFKC').toLowerCase();
    if (c.length > 200) continue; // a note, not a unit
    const ko = KO_SAID.exec(c) ?? KO_BRACKET.exec(c);
    if (ko) return { factor: KO_FACTORS[ko[1] ?? ''] ?? 1, text: ko[0].trim() };
    const en = EN_SAID.exec(c) ?? EN_BRACKET.exec(c);
    if (en) return { factor: EN_FACTOR(en[1]), text: en[0].trim() };
  }
  return undefined;
}

/** A header with a trailing unit word taken off (`매출액_천원` → `매출액`), for matching it to a field. */
export const withoutTrailingUnit = (h: string) => h.normalize('NFKC').replace(KO_TRAILING, '').replace(/[\s_](?:in[\s_]+)?cents$/i, '');
