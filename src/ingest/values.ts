// Cell values → numbers and status classes. Hot path: each function first tries a
// char-code fast path (plain digits) and only then falls back to precompiled regexes.

/** Why a row is not a sale, as counted in `rowsSkipped`. */
export type StatusReason = 'cancelled' | 'refunded' | 'returned' | 'unpaid';

// Currency marks around an amount; NFKC has already turned ￦ into ₩ and full-width digits into ASCII.
// A backslash is the won sign of CP949 (Korean fonts draw 0x5C as ₩), so `\12,000` is ₩12,000.
// ISO codes of the currencies sellers' exports write most, and the dollars marked by country (`CA$18.50`, `A$`, `R$`).
const CODES = 'KRW|USD|EUR|JPY|GBP|CAD|AUD|NZD|HKD|SGD|TWD|CNY|RMB|THB|MYR|PHP|INR|CHF|SEK|NOK|DKK|PLN|BRL|MXN|VND|IDR';
const CURRENCY_PREFIX = new RegExp(String.raw`^(?:${CODES}|(?:US|CA|C|A|AU|NZ|HK|S|SG|NT|R|MX)\$|Rp\.?|₩|\\|\$|€|¥|£|₫)\s*`, 'i');
const CURRENCY_SUFFIX = new RegExp(String.raw`\s*(?:원|${CODES}|₩|€|\$|£|¥|₫|đ)$`, 'i');
/**
 * Currencies written without minor units whose locales group thousands with dots: Vietnam's
 * đồng (`457.000 ₫`) and Indonesia's rupiah (`Rp 152.000`). Beside them a dot is never a decimal.
 */
export const DOT_THOUSANDS_CURRENCY = /(?:^|[^a-z])(?:vnd|idr|rp)(?:$|[^a-z])|[₫đ]/i;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
// Excel's accounting format shows a zero as a dash (`₩ -`, ` -   `), and so writes it into a CSV.
const ACCOUNTING_ZERO = /^(?:KRW|USD|EUR|JPY|₩|\\|\$|€|¥|£)?\s*[-–—]\s*(?:원|KRW|USD|EUR|JPY|₩|€|\$|£|¥)?$/i;
// Spaces used as thousands separators (" 12 000 ", NBSP, thin spaces) become commas, then the
// grouping is checked, so "1 2" is rejected rather than silently read as 12.
const SPACE_BETWEEN_DIGITS = /(\d)[\s\u00a0\u2009\u202f]+(?=\d)/g;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
// A note in brackets after an amount, words only (`(VAT포함)`, `(부가세 별도)`, `(incl. tax)`): `(3,000)` is a negative, not a note
const AMOUNT_NOTE = /(?<=[\d원₩$€£¥])\s*\([^\d()]*\p{L}[^\d()]*\)$/u;
const COUNT_SUFFIX = /\s*(?:건|개|회|명|ea|pcs)$/i;

/**
 * Largest magnitude read from a cell: past 2^53 a number is no longer exact (and `1e400` or 400
 * digits would be Infinity, which sums and JSON turn into nonsense), so such a cell is unreadable.
 */
export const MAX_CELL_VALUE = Number.MAX_SAFE_INTEGER;

/** `v` when it is a number of sane size, else NaN: `sane(1e400)` is NaN. */
const sane = (v: number) => (v <= MAX_CELL_VALUE && v >= -MAX_CELL_VALUE ? v : NaN);

/** Whether every char is an ASCII digit, with at most one '.' and a leading '-' (the fast path). */
function isPlainDecimal(s: string): boolean {
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && ++dots === 1) continue;
    else if (!(c === 45 && i === 0)) return false;
  }
  return digits > 0;
}

/**
 * A money cell as a number, NaN when it cannot be read. Accepts `12000`, `12,000`, `₩12,000`,
 * `12,000원`, `KRW 12,000`, `￦12,000`, ` 12 000 `, `12,000.50`, `-3,000`, `(3,000)` (= −3000),
 * `1.2e4`, `△3,000` and `▲3,000` (Korean and Japanese accounts' minus); beside đồng or rupiah marks dots group thousands (`Rp 152.000`, `1.930.000 ₫`). A comma not in thousands groups (`12,5`) is rejected: it may be a decimal comma; so is a
 * magnitude past MAX_CELL_VALUE.
 */
export function parseMoney(s: string): number {
  if (isPlainDecimal(s)) return sane(+s);
  const won = wholeWon(s);
  if (won === won) return sane(won);
  let t = s.normalize('NFKC').trim();
  if (t === '') return NaN;
  if (ACCOUNTING_ZERO.test(t)) return 0;
  const dotThousands = DOT_THOUSANDS_CURRENCY.test(t);
  if (t.charCodeAt(t.length - 1) === 41) t = t.replace(AMOUNT_NOTE, ''); // `15,800원(VAT포함)`
  let negative = false;
  let signed = false;
  for (let pass = 0; pass < 2; pass++) {
    // accounting style, outside or inside the currency mark: (3,000), ($3,000), $ (3,000) (Excel's Accounting format)
    if (t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41) {
      if (signed) return NaN;
      [signed, negative] = [true, true];
      t = t.slice(1, -1).trim();
    }
    // one sign, on either side of the currency mark: -₩3,000 and ₩-3,000
    const c = t.charAt(0);
    if (c === '-' || c === '−' || c === '+' || c === '△' || c === '▲') {
      if (signed) return NaN;
      signed = true;
      if (c !== '+') negative = !negative;
      t = t.slice(1).trim();
    }
    if (pass === 0) t = t.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  }
  t = t.replace(SPACE_BETWEEN_DIGITS, '$1,');
  if (dotThousands && DOT_GROUPED.test(t)) t = t.replace(/\./g, '');
  else if (GROUPED.test(t)) t = t.replace(/,/g, '');
  else if (!PLAIN.test(t)) return NaN;
  const v = sane(Number(t));
  return negative ? -v : v;
}

// A `;`-separated file's money (a European-locale spreadsheet) around any currency mark or sign:
// dots grouping thousands (12.900), a decimal comma (135,00), or both (12.900,50).
const EU_DOT_GROUPED = /^[^\d.,]*\d{1,3}(?:\.\d{3})+[^\d.,]*$/;
const EU_DECIMAL_COMMA = /^[^\d.,]*\d+,\d{1,2}[^\d.,]*$/;
const EU_SPACE_GROUPED = /^[^\d.,]*\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?[^\d.,]*$/;
const EU_BOTH = /^[^\d.,]*\d{1,3}(?:\.\d{3})+,\d+[^\d.,]*$/;

/**
 * A money cell of a `;`-separated file, where spreadsheets in European locales write
 * `12.900` for twelve thousand nine hundred and `135,00` for 135: those layouts are read
 * that way, anything else as parseMoney does (`12.50` is still 12.5, `12,900` still 12900).
 */
export function parseMoneyEuropean(raw: string): number {
  // spaces grouping thousands (`1 596,00`; French and Polish write NBSP or a narrow one) go first
  const s = EU_SPACE_GROUPED.test(raw) ? raw.replace(SPACE_BETWEEN_DIGITS, '$1') : raw;
  if (EU_BOTH.test(s)) return parseMoney(s.replace(/\./g, '').replace(',', '.'));
  if (EU_DOT_GROUPED.test(s)) return parseMoney(s.replace(/\./g, ','));
  if (EU_DECIMAL_COMMA.test(s)) return parseMoney(s.replace(',', '.'));
  return parseMoney(raw);
}

/** Whether a money cell parseMoney refused has a decimal comma: `12,50`, `€ 7,5`, `1.234,50` (not `1.930.000`). */
export function hasDecimalComma(s: string): boolean {
  const t = s.trim();
  return EU_DECIMAL_COMMA.test(t) || EU_BOTH.test(t);
}

/**
 * Fast path for the usual export cell, a whole amount with thousands commas and a won mark:
 * `-₩12,000`, `￦12,000`, `\12,000` (CP949), `12,000원`. NaN for anything else (the general parser decides).
 */
function wholeWon(s: string): number {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  const c0 = s.charCodeAt(i);
  if (c0 === 0x20a9 || c0 === 0xffe6 || c0 === 92) i++; // ₩ ￦ and CP949's backslash won
  let end = n;
  if (s.charCodeAt(end - 1) === 0xc6d0) end--; // 원
  let v = 0;
  let run = 0; // digits since the last comma
  let groups = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      run++;
    } else if (c === 44 && run > 0 && (groups > 0 ? run === 3 : run <= 3)) {
      groups++;
      run = 0;
    } else return NaN;
  }
  if (run === 0 || (groups > 0 && run !== 3)) return NaN;
  return neg ? -v : v;
}

/** A count cell (`3`, `3건`, `3개`, `1,200`) as an integer, NaN when it is not a whole number. */
export function parseCount(s: string): number {
  if (isPlainDecimal(s)) {
    const v = sane(+s);
    return Number.isInteger(v) ? v : NaN;
  }
  const t = s.normalize('NFKC').trim().replace(COUNT_SUFFIX, '');
  const v = parseMoney(t);
  return Number.isInteger(v) ? v : NaN;
}

// Marks that name one currency; `$` and `¥` name several (USD, CAD…; JPY, CNY) and stay as they are.
const CURRENCY_MARKS: Record<string, string> = { '₩': 'KRW', 원: 'KRW', WON: 'KRW', '€': 'EUR', '£': 'GBP', 円: 'JPY', 元: 'CNY', RMB: 'CNY', 'US$': 'USD' };

/**
 * A currency cell as a code: `currencyOf(' usd ') === 'USD'`, `currencyOf('￦') === 'KRW'`,
 * `currencyOf('$') === '$'`; null when blank. Anything else is kept (cut at 12 characters) to be named.
 */
export function currencyOf(cell: string): string | null {
  const t = cell.normalize('NFKC').trim().toUpperCase();
  if (t === '') return null;
  return CURRENCY_MARKS[t] ?? (t.length > 12 ? `${t.slice(0, 12)}…` : t);
}

// What programs write for a missing value: R's NA, Excel's #N/A, pandas' and SQL's NaN/NULL/None, Postgres COPY's and MySQL's \N.
const MISSING_MARKS = new Set(['na', 'n/a', '#n/a', 'nan', 'null', 'none', 'nil', '\\n']);

/** Whether a cell of a daily aggregate says its value is unknown: blank, or NA, #N/A, NULL, NaN, None. */
export function isMissingCell(s: string): boolean {
  return isBlankCell(s) || (s.length <= 8 && MISSING_MARKS.has(s.trim().toLowerCase()));
}

/**
 * Whether a cancellation (or refund) cell says "not cancelled" though it is not blank: a missing-value
 * mark (`NULL`, `\N`), a dash, a zero date (`0000-00-00 00:00:00`, what old MySQL shop databases
 * store) or a zero time (`0`, `0.00`: Unix time 0, a zero amount), or a flag that says no (`N`, `false`, `아니오`).
 */
export function isNoDateMark(s: string): boolean {
  return isMissingCell(s) || ZERO_DATE.test(s) || ZERO.test(s) || (s.length <= 8 && NO_FLAGS.has(s.trim().toLowerCase()));
}
const ZERO = /^\s*0+(?:[.,]0+)?\s*$/;
// `정상`, `없음`, `해당없음`: a POS's 취소여부 beside 취소 rows; 부분취소 keeps the sale (see isPartial)
// (`무` of a 유/무 column: 취소유무, 반품유무; 미반품 of a 반품여부)
const NO_FLAGS = new Set(['n', 'no', '0', '0.0', 'false', 'f', '아니오', '아니요', '아님', '무', '미취소', '미환불', '미반품', '반품없음', '취소없음', '환불없음',
  'x', '×', '정상', '없음', '해당없음', '해당 없음', 'none', 'normal']);
const ZERO_DATE = /^\s*(?:[-–—]|0{2,4}[-./]0{1,2}[-./]0{1,2}(?:[ T]0{1,2}:0{2}(?::0{2}(?:\.0+)?)?)?)\s*$/;

// A memo cell that is one of these and nothing else marks the row (a hand-kept ledger writes 취소 in 비고)
const MEMO_WORDS = new Map<string, StatusReason>([
  ...['취소', '주문취소', '취소됨', '취소완료', '결제취소', 'cancelled', 'canceled', 'cancel', 'void', 'voided'].map((w) => [w, 'cancelled'] as const),
  ...['반품', '반품됨', '반품완료', 'returned', 'return'].map((w) => [w, 'returned'] as const),
  ...['환불', '환불됨', '환불완료', 'refunded', 'refund'].map((w) => [w, 'refunded'] as const),
]);

/** What a memo cell (비고) says of its row when it is a cancellation, return or refund word alone (`취소`, `(반품)`), else null. */
export function memoReason(s: string): StatusReason | null {
  if (s.length > 16 || isBlankCell(s)) return null;
  return MEMO_WORDS.get(s.normalize('NFKC').trim().toLowerCase().replace(/^[([]\s*|\s*[)\]]$/g, '')) ?? null;
}

/** Whether a cell is empty or only whitespace. */
export function isBlankCell(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

// Substrings, lower-cased. Order matters only for statuses naming two (rare); cancel is checked first.
const STATUS_WORDS: readonly [string, StatusReason][] = [
  ['cancel', 'cancelled'], // canceled, cancelled, cancellation
  ['취소', 'cancelled'], // 취소, 주문취소, 취소완료, 취소요청
  ['void', 'cancelled'], // Shopify "voided": the payment never happened
  ['fail', 'cancelled'], // Stripe, WooCommerce "failed": nor here
  ['실패', 'cancelled'], // 결제실패
  ['refund', 'refunded'],
  ['환불', 'refunded'],
  ['return', 'returned'],
  ['반품', 'returned'],
  ['회수', 'returned'], // 회수완료, 회수중: a return picked up (롯데ON, SSG)
  // European shops' own words
  ['storniert', 'cancelled'],
  ['annul', 'cancelled'], // annulé, annullato
  ['anulad', 'cancelled'], // anulado
  ['erstattet', 'refunded'], // zurückerstattet
  ['rembours', 'refunded'], // remboursé
  ['reembols', 'refunded'], // reembolsado
  ['rimbors', 'refunded'], // rimborsato
  ['retour', 'returned'], // retourné, Retoure
  // Shopee and marketplaces in Vietnamese, Indonesian, Japanese and Chinese
  ['hủy', 'cancelled'], // Đã hủy
  ['batal', 'cancelled'], // Batal, Dibatalkan, Pembatalan
  ['キャンセル', 'cancelled'],
  ['取消', 'cancelled'], // 已取消, 取消済み
  ['hoàn tiền', 'refunded'],
  ['退款', 'refunded'],
  ['返金', 'refunded'],
  ['trả hàng', 'returned'],
  ['pengembalian', 'returned'],
  ['返品', 'returned'],
  ['退货', 'returned'],
  // a payment that never went through or was taken back (Stripe, PayPal, Square, Toss): words that also
  // refuse a cancellation or return ("return declined") are read as such only when they stand alone
  ['declined', 'cancelled'],
  ['denied', 'cancelled'],
  ['expired', 'cancelled'],
  ['만료', 'cancelled'], // 유효기간만료: a gift never redeemed
  // a card payment the issuer or the gateway refused (PG transaction lists: 승인거절, 카드승인거절, 결제오류)
  ['승인거절', 'cancelled'],
  ['결제거절', 'cancelled'],
  ['결제오류', 'unpaid'], // as "payment error"
  ['결제 오류', 'unpaid'],
  // an order the shop refused, or a gift the receiver did (Kakao 선물하기)
  ['주문거절', 'cancelled'],
  ['주문거부', 'cancelled'],
  ['주문 거절', 'cancelled'],
  ['주문 거부', 'cancelled'],
  ['접수거부', 'cancelled'],
  ['선물거절', 'cancelled'],
  ['반송', 'returned'], // 반송완료: sent back to the shop
  ['수취거부', 'returned'], // the buyer refused the parcel: it goes back
  ['수취 거부', 'returned'],
  ['aborted', 'cancelled'],
  ['blocked', 'cancelled'], // Stripe Radar's: the payment was stopped, never taken
  ['abandoned', 'unpaid'], // Shopify's abandoned checkouts, WooCommerce's: never paid
  ['dispute lost', 'refunded'], // Stripe, PayPal: the money went back to the buyer
  ['dispute_lost', 'refunded'],
  ['trash', 'cancelled'], // WooCommerce's binned order
  ['판매불가', 'cancelled'], // 11번가: the seller could not sell it, the order cancelled and refunded
  ['판매 불가', 'cancelled'],
  ['reversed', 'refunded'],
  ['reversal', 'refunded'],
  ['chargeback', 'refunded'],
  ['charged back', 'refunded'],
  // an order placed and never paid for, or not yet (a bank transfer awaited: 입금전, WooCommerce's
  // "Pending payment", BigCommerce's "Awaiting Payment"): no sale, as the shops' own sales reports
  // count it. A bare "pending" is not one of them: Amazon's and Shopify's (cash on delivery) are sales.
  // WooCommerce's draft orders (a cart, never placed), PrestaShop's bank wire and cheque awaited or its
  // payment error, Magento's payment review and suspected fraud (held, not captured)
  ['pending payment', 'unpaid'],
  // Stripe's PaymentIntent states before any money moved: a checkout left, or still asking for a card
  ['requires_payment_method', 'unpaid'],
  ['requires payment method', 'unpaid'],
  ['requires_action', 'unpaid'],
  ['requires action', 'unpaid'],
  ['requires_confirmation', 'unpaid'],
  ['requires confirmation', 'unpaid'],
  ['pending_payment', 'unpaid'],
  ['draft', 'unpaid'],
  ['payment error', 'unpaid'],
  ['awaiting bank wire', 'unpaid'],
  ['awaiting check', 'unpaid'],
  ['awaiting cheque', 'unpaid'],
  ['payment review', 'unpaid'],
  ['payment_review', 'unpaid'],
  ['suspected fraud', 'unpaid'],
  ['wc-pending', 'unpaid'], // WooCommerce's raw status of "Pending payment"
  ['awaiting payment', 'unpaid'],
  ['awaiting_payment', 'unpaid'],
  ['unpaid', 'unpaid'],
  ['not paid', 'unpaid'],
  ['입금전', 'unpaid'],
  ['입금확인전', 'unpaid'],
  ['결제전', 'unpaid'],
  ['입금 전', 'unpaid'],
  ['입금대기', 'unpaid'],
  ['입금 대기', 'unpaid'],
  ['미입금', 'unpaid'],
  ['결제대기', 'unpaid'],
  ['결제 대기', 'unpaid'],
  ['미결제', 'unpaid'],
  ['가상계좌발급', 'unpaid'], // a virtual account issued, no deposit yet
  ['입금확인중', 'unpaid'],
  ['입금확인대기', 'unpaid'],
  ['입금확인 대기', 'unpaid'],
  ['payment_waiting', 'unpaid'], // Naver Commerce API's PAYMENT_WAITING
  ['payment waiting', 'unpaid'],
  ['waiting for deposit', 'unpaid'], // Toss Payments' WAITING_FOR_DEPOSIT
  ['waiting_for_deposit', 'unpaid'],
  ['chờ thanh toán', 'unpaid'],
  ['belum bayar', 'unpaid'],
  ['入金待ち', 'unpaid'],
  ['未払い', 'unpaid'],
  ['待付款', 'unpaid'],
];
// A cancellation or return that was withdrawn or refused leaves the sale standing (반품철회,
// 취소거부, "return rejected"): a word beside it — in the brackets that hold it (`배송완료(반품철회)`),
// or outside all brackets when it stands outside (`반품완료(수취거부)` is a return, its reason in
// brackets); 반려 and 불가 only right after it (취소반려, 반품요청/반려, 취소불가: `취소(판매불가)`
// is a cancellation). A partly cancelled or refunded order (Shopify's "partially_refunded",
// 부분취소, `Refunded (partial)`) is still a sale.
const WITHDRAWN = ['철회', '거부', '거절', 'reject', 'refused', 'denied', 'declined', 'withdrawn', 'refus', 'abgelehnt', 'rechazad', 'rifiutat', 'geweigerd'];
const PARTIAL = ['partial', '부분', '일부', 'teilweise', 'parcial', 'parzial', 'partiel'];
const RECEIPT_REFUSED = /수취\s*거부/g;
const REFUSED_AFTER = /^\s*(?:요청)?[\s\-/:·,([]*(?:반려|불가)/;
const REFUSED = /(?:취소|반품|환불)\s*(?:요청)?[\s\-/:·,]*(?:반려|불가)/;
/** What a bracket must name to withdraw by itself (`배송완료(반품철회)`): a cancellation, return or refund. */
const UNDOES = /취소|반품|환불|교환|cancel|return|refund/;
/**
 * Words that hold a status word without meaning it: 교환불가 holds 환불, an exchange's pickup
 * (교환회수완료) holds 회수, cash on delivery (contra reembolso, contre remboursement) a refund.
 */
const NOT_THE_WORD = ['교환불', '교환회수', '교환 회수', '교환(회수', '교환 (회수', 'contra reembols', 'contre rembours', 'contre-rembours',
  // PayPal's Canceled_Reversal: a reversal (a chargeback) called off, the money back with the seller
  'canceled_reversal', 'canceled reversal', 'cancelled_reversal', 'cancelled reversal'];
/** A cell without what its brackets hold (a reason: `취소완료(배송불가지역)`). */
const unbracketed = (t: string) => t.replace(/[([][^)\]]*[)\]]/g, ' ');

/** Where `word` stands in `t` as a status word (not inside a word of NOT_THE_WORD), -1 if nowhere. */
function wordAt(t: string, word: string): number {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    const inside = NOT_THE_WORD.some((n) => {
      const k = n.indexOf(word);
      return k >= 0 && t.startsWith(n, at - k);
    });
    if (!inside) return at;
  }
  return -1;
}

/** The text that modifies a word at `at` (of `len`): the brackets holding it, or the cell outside all brackets. */
function around(t: string, at: number, len: number): string {
  const open = Math.max(t.lastIndexOf('(', at), t.lastIndexOf('[', at));
  const close = Math.max(t.lastIndexOf(')', at), t.lastIndexOf(']', at));
  if (open <= close) return `${unbracketed(t.slice(0, at))} ${unbracketed(t.slice(at + len))}`;
  const end = t.slice(at).search(/[)\]]/);
  return `${t.slice(open + 1, at)} ${t.slice(at + len, end < 0 ? t.length : at + end)}`;
}

/**
 * The non-sale class of a status cell, or null for a sale:
 * `classifyStatus('취소완료') === 'cancelled'`, `classifyStatus('교환') === null` (an exchange is a sale).
 */
export function classifyStatus(s: string): StatusReason | null {
  const t = s.toLowerCase();
  for (const [word, reason] of STATUS_WORDS) {
    const at = wordAt(t, word);
    if (at < 0) continue;
    // a modifier beside the word itself: 취소거부 is a sale, 주문거절 is not
    if (REFUSED_AFTER.test(t.slice(at + word.length))) return null;
    const near = around(t, at, word.length).replace(RECEIPT_REFUSED, ' '); // 수취거부 refuses the parcel, not the return
    if (WITHDRAWN.some((w) => near.includes(w))) return null;
    const rest = `${t.slice(0, at)} ${t.slice(at + word.length)}`;
    return PARTIAL.some((w) => rest.includes(w)) ? null : reason;
  }
  const code = STATUS_CODES.exec(s.trim());
  if (code) return code[1] === 'C' || code[1] === 'c' ? 'cancelled' : code[1] === 'R' || code[1] === 'r' ? 'returned' : code[2] === '00' ? 'unpaid' : null;
  return INCOMPLETE.test(s) ? 'unpaid' : null;
}

// Cafe24's status codes (its API and some of its downloads): N00 입금전, C00–C48 cancellation steps, R00–R40
// return steps; N10–N40 (preparing to delivered) and E (exchange) are sales.
const STATUS_CODES = /^([ncr])(\d{2})$/i;
// BigCommerce's "Incomplete": a checkout left before paying (the whole cell only: "incomplete delivery" is a sale);
// Toss Payments' READY and IN_PROGRESS, PortOne's ready: a payment begun, not approved (the whole cell only:
// "Ready to ship" and "in progress" are orders paid for).
// Magento's `fraud` (its code for Suspected Fraud; "Fraud check passed" is a sale)
const INCOMPLETE = /^\s*(?:incomplete|ready|in_progress|fraud)\s*$/i;

/**
 * Whether a status says the order's payment is pending (Amazon's `Pending`, `Pending - Waiting for
 * Pick Up`): asked only of a row without an amount, which such an order may not have yet. (One that
 * says it is unpaid — 입금전, `Pending payment` — is `unpaid` by classifyStatus first.)
 */
export function isPendingStatus(s: string): boolean {
  return s.toLowerCase().includes('pending');
}

/**
 * Whether a status overrules a filled cancellation date: the cancellation was withdrawn or refused
 * (`취소철회`, `cancellation rejected`), or cancelled part of the order only (`부분취소`,
 * `partially cancelled`). Shopify's `partially_refunded` does not: a cancelled order stays cancelled.
 */
export function keepsSaleDespiteCancelDate(status: string): boolean {
  const t = status.toLowerCase();
  const outside = unbracketed(t);
  if (WITHDRAWN.some((w) => outside.includes(w)) || REFUSED.test(outside)) return true;
  for (const [, inner] of t.matchAll(/[([]([^)\]]*)[)\]]/g)) if (UNDOES.test(inner) && WITHDRAWN.some((w) => inner.includes(w))) return true;
  return PARTIAL.some((w) => t.includes(w)) && (t.includes('cancel') || t.includes('취소'));
}

/** A classifier with a per-file cache: exports use a handful of distinct statuses (or types). */
export function statusClassifier(): (s: string) => StatusReason | null;
export function statusClassifier<R>(classify: (s: string) => R): (s: string) => R;
export function statusClassifier(classify: (s: string) => unknown = classifyStatus): (s: string) => unknown {
  const cache = new Map<string, unknown>();
  return (s) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = classify(s);
      if (cache.size < 10_000) cache.set(s, r); // a free-text column must not grow the cache forever
    }
    return r;
  };
}

// Ledger rows that move money but are no order, as words of a transaction-type cell (PayPal's
// "General Currency Conversion", "Bank Deposit to PP Account", "General Withdrawal", "Hold on
// Balance…"; Stripe's payout, stripe_fee, adjustment; Amazon's ServiceFee, Transfer). Whole words:
// "Transfer" is one, "Transferable voucher" is not.
const MONEY_MOVED =
  /\b(?:conversion|withdrawal|withdraw|deposit|transfer|payout|fees?|hold|reserve|release|authori[sz]ation|adjustment|tax|interest|top ?up|cash ?back)\b|환전|출금|입금|이체|송금|수수료|보류|정산금|충전/;

// A row that details a sale of another row (the payment's): PayPal's `Shopping Cart Item` under its
// payment (with "Include shopping cart details"), Lightspeed's `Sale Line` under its `Sale`.
const PART_OF_SALE = /^\s*(?:shopping cart item|cart item|sale line|sales line|line item)\s*$/;

/**
 * What a ledger row is, from its transaction-type cell: `not-a-sale` for money moved without an
 * order (a conversion, a withdrawal, a fee), a status reason for a refund, reversal or chargeback
 * (`Payment Refund` is `refunded`), null for a sale (`Express Checkout Payment`, `charge`, `Order`).
 */
export function classifyType(s: string): StatusReason | 'not-a-sale' | null {
  // camelCase and snake_case split into words: Amazon's `ServiceFee`, Stripe's `stripe_fee`
  const t = s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  if (MONEY_MOVED.test(t) || PART_OF_SALE.test(t)) return 'not-a-sale';
  return classifyTypeWords(t);
}

/**
 * What a row is by a generic 구분 column (승인/취소, 결제/환불, 판매/반품): its status words only, since
 * such a column may as well name a payment method (무통장입금, 계좌이체), which is no money moved.
 * A row of a partial cancellation or refund (부분취소, `Partial refund`) is that, not a sale: the row
 * is the money given back, where a status says what became of the whole order.
 */
export function classifyTypeWords(s: string): StatusReason | null {
  return classifyStatus(s.replace(PARTIAL_WORD, ' '));
}
const PARTIAL_WORD = /partial(?:ly)?|부분/gi;

/** Whether a status or type cell says part of the order (부분취소, `Partial refund`, `partially_refunded`). */
export function isPartial(s: string): boolean {
  const t = s.toLowerCase();
  return PARTIAL.some((w) => t.includes(w));
}

// Labels of a summary row, in any of its cells ("합계,,,1,234,000"), lower-cased without spaces, ':', '_', '-', '[', ']';
// a paged report's (페이지 소계, 일계, 누계, Page total), and any of them with its count (`소계(50건)`, `합계 50건`).
const TOTAL_WORDS = new Set(['합계', '총계', '소계', '총합계', '계', '평균', 'total', 'totals', 'sum', 'grandtotal', 'subtotal', 'average', 'avg']);
// A month before the label (`4월 소계`, `2025-04 합계`, `2025년 04월 소계`), as squeezed: `4월소계`, `202504합계`
const MONTH_BEFORE = /^(?:\d{4}(?:년|[./])?)?\d{1,2}월?(?=\D)/;
// A daily report's row for all of its breakdown (`전체` beside PC and 모바일): its total, in the breakdown's column only
const ALL_WORDS = new Set(['전체', '전체기기', '전체디바이스', '전체채널', '모든기기', 'all', 'alldevices', 'allchannels', 'overall']);
// a paged report's own: never asked of a row with an order id (a memo reading 누계 on an order's line)
const PAGE_TOTAL_WORDS = new Set(['일계', '주계', '월계', '누계', '페이지합계', '페이지소계', '페이지계', '전체합계', '전체소계', 'pagetotal', 'pagesubtotal']);
const WITH_COUNT = /^(.*?)(?:\([\d,]+(?:건|개)?\)|[\d,]+(?:건|개))$/;
// Counts under the data: `총 4,091건`, `4,091건` (Korean admins), after the same squeeze; eBay's `4091 record(s) downloaded`,
// with its count in a cell of its own or the date range after it in the same cell (`…downloaded,from Nov-29-24 to Jan-27-26`).
// A period in a summary row's date cell (`2025-04-01 ~ 2026-01-27`, as squeezed: a report's total over it)
const PERIOD_TOTAL = /^\d{4}[./]?\d{1,2}[./]?\d{1,2}[~〜]\d{4}[./]?\d{1,2}[./]?\d{1,2}$/;
const COUNT_FOOTER = /^(?:총?[\d,]+건|총[\d,]+개|[\d,]+records?(?:\(s\))?downloaded(?:,from.*)?|record\(s\)downloaded)$/;

/**
 * Whether a cell marks a summary row rather than data: 합계, 총계, 소계, Total, Grand total, Subtotal,
 * `총 4091건`, `4091건`, `4091 record(s) downloaded`. Only whole cells: "totals by day 2025" is not one.
 */
export function isTotalLabel(s: string, paged = true): boolean {
  if (s.length > 80 || isBlankCell(s)) return false; // cheap for the long cells of a row
  const t = s.normalize('NFKC').toLowerCase().replace(/[\s:_\-[\]]/g, '');
  // (asked of every cell of a ledger's rows: the Korean forms only of a cell holding 계 or 총, as each of them does)
  const korean = t.indexOf('계') >= 0 || t.indexOf('총') >= 0;
  const word = (w: string) => TOTAL_WORDS.has(w) || (paged && PAGE_TOTAL_WORDS.has(w)) || (korean && KOREAN_TOTAL.test(w) && !NOT_A_TOTAL.test(w) && (paged || !PAGED_ONLY.test(w)));
  if (word(t) || COUNT_FOOTER.test(t) || PERIOD_TOTAL.test(t) || SUM_FORMULA.test(t)) return true;
  const bare = t.replace(TOTAL_MARKS, '');
  if (bare !== t && word(bare)) return true;
  const counted = WITH_COUNT.exec(t);
  if (counted !== null && word(counted[1])) return true;
  const month = MONTH_BEFORE.exec(t);
  if (month !== null && word(t.slice(month[0].length))) return true;
  // Excel's 부분합 (Data → Subtotal) by date: `2025-08-01 요약`, `2025-08-01 Total` in the date column
  const date = DATE_BEFORE.exec(t);
  return date !== null && (word(t.slice(date[0].length)) || t.slice(date[0].length) === '요약');
}
// A spreadsheet's sum formula kept as text (`=SUM(E2:E301)`, `=SUBTOTAL(9,E2:E301)`), after the squeeze
const SUM_FORMULA = /^=(?:sum|subtotal|aggregate|합계)\(/;
// A day before the label, as squeezed (`2025-08-01 요약` is `20250801요약`, `2025.08.01 합계` `2025.08.01합계`)
const DATE_BEFORE = /^\d{4}[./]?\d{1,2}[./]?\d{1,2}(?=\D)/;
// The brackets and marks a label may be set off with (`【합계】`, `▶ 합계`, `<합계>`, `합계(전체)`), after the squeeze
const TOTAL_MARKS = /[【】「」『』〈〉《》<>‹›()（）▶▷►■□●○◆◇※*]/g;
// A Korean total named by what it sums or over what: `합계금액`, `결제금액 합계`, `매출합계`, `일 합계`, `누적합계`, `기간 합계`,
// `스마트스토어 소계`, `주차 소계` (after `1`), `합계(전체)`, `총합`, `총액`: Hangul words and the label, nothing else
// Words that end like a total and are none (혼합계 a blend, 종합계, 감소계, 권총계, 비누계), and a paged report's own totals,
// never asked of a row with an order id (a memo reading 누계 on an order's line)
const NOT_A_TOTAL = /(?:혼|종|통|복|집|융|조|배|화)합계$|(?:감|연|방수)소계$|권총계$|비누계$/u;
const PAGED_ONLY = /누계$|^페이지|^전체(?:합계|소계)/u;
const KOREAN_TOTAL = /^(?:\p{Script=Hangul}{0,12}(?:합계|소계|총계|누계)|(?:합계|소계|총합|총계)(?:금액|액|전체|매출|매출액|결제금액|판매금액)?|총액|총매출|총매출액|총결제금액|총판매금액)$/u;

// Labels of a report's note line: when it was printed or downloaded, by whom, for which period or
// store (`출력일시: 2026-01-26 10:22`, `출력자,홍길동`, `Printed on: …`), lower-cased without spaces, '_', '-'.
const NOTE_WORDS = new Set([
  '출력일시', '출력일자', '출력일', '출력시간', '출력자', '인쇄일시', '인쇄일자', '인쇄일', '인쇄자', '다운로드일시', '다운로드일자',
  '다운로드일', '다운로드', '조회일시', '조회일자', '조회기간', '검색기간', '작성일시', '작성일자', '작성일', '작성자', '생성일시',
  '생성일', '추출일시', '추출일자', '기준일', '기준일시', '기준일자', '판매자', '판매자명', '판매자id', '상호', '상호명', '스토어',
  '스토어명', '쇼핑몰', '쇼핑몰명', '몰명', '업체명', '사업자번호', '사업자등록번호', '담당자',
  'printed', 'printedon', 'printedat', 'printedby', 'printdate', 'generated', 'generatedon', 'generatedat', 'generatedby',
  'exported', 'exportedon', 'exportedat', 'exportedby', 'exportdate', 'downloaded', 'downloadedon', 'downloadedat',
  'reportgenerated', 'reportdate', 'reportperiod', 'daterange', 'sellerid', 'storename', 'shopname', 'merchant',
]);
// `label: value` in one cell, the label of words (no digits: `ORD:123` is an order id)
const NOTE_LABEL = /^(\p{L}[\p{L} ]{0,23}?)\s*[:：]\s*(\S.*)?$/su;

/** A comment line alone in its row (GA4's `# ----`, `# Grand total` under the data), not an id like `#1001`. */
const COMMENT_LINE = /^#(?:$|[\s#\-=*])/;

/**
 * A report's note alone in its row, by its mark or its words: `※ 본 자료는 … 기준입니다`, `* 취소 건은 제외`,
 * `(주의) …`, `[참고] …`, `다운로드 일시 2026-01-16 10:00` (a note word, a space, no colon).
 */
const NOTE_MARK = /^(?:[※*☞▶►■□◆◇●○•]|\(\s*(?:주의|참고|안내|비고|유의)\s*\)|\[\s*(?:주의|참고|안내|비고|유의)\s*\]|(?:주의|참고|유의)\s*사항)/u;
const NOTE_PHRASE = /^(?:(?:출력|인쇄|다운로드|조회|작성|생성|추출)\s*(?:일시|일자|시간|일)\s+\d|(?:downloaded|printed|generated|exported)\b.*\d)/iu;
/** A report's end or a page mark alone: `- 이하 여백 -`, `<끝>`, `[끝]`, `End of report`, `1 / 3`, `페이지 1/3`, `(단위: 원)`. */
const END_MARK = /^(?:-*\s*이하\s*여백\s*-*|[<\[‹(（【]?\s*끝\s*[>\]›)）】]?|end\s+of\s+(?:report|file|data|list)\.?|(?:페이지|page)?\s*\d+\s*(?:\/|of)\s*\d+\s*(?:페이지|page)?|[(\[]\s*단위\s*[:：]?\s*[^)\]]{1,10}[)\]])$/iu;

/** A comment line's text without its `#` (`Grand total`: a summary follows, GA4's), or '' for any other row. */
export function commentText(rec: string[]): string {
  const cells = rec.filter((c) => !isBlankCell(c));
  return cells.length === 1 && COMMENT_LINE.test(cells[0].trim()) ? cells[0].trim().replace(/^#[\s#]*/, '') : '';
}

/**
 * Whether a row without a readable date is a report's note line: a comment line (`# …`), or one or two cells, the first a
 * note label with its value (`출력일시: 2026-01-26 10:22`, `출력자,홍길동`, `Printed on: …`), or
 * any `label : value` of words (`판매자: 다라몰`, `Seller ID : myshop`). Never an order: not read, not a bad date.
 */
export function isNoteLine(rec: string[]): boolean {
  let first = -1;
  let n = 0;
  for (let k = 0; k < rec.length; k++) {
    if (isBlankCell(rec[k])) continue;
    if (n++ === 0) first = k;
    if (n > 2) return false;
  }
  if (n === 0 || rec[first].length > 160) return false;
  const c = rec[first].normalize('NFKC').trim();
  if (n === 1 && (COMMENT_LINE.test(c) || NOTE_MARK.test(c) || NOTE_PHRASE.test(c) || END_MARK.test(c))) return true;
  const m = NOTE_LABEL.exec(c);
  const label = (m ? m[1] : c).toLowerCase().replace(/[\s_\-]/g, '');
  if (NOTE_WORDS.has(label)) return m !== null ? n === 1 || m[2] === undefined : n === 2 && !isBlankCell(rec[first + 1] ?? '');
  // any other label: Korean, or set off by a space (`Seller ID : myshop`), its value in the same cell
  return m !== null && n === 1 && m[2] !== undefined && (/\p{Script=Hangul}/u.test(m[1]) || /\s[:：]|[:：]\s/.test(c));
}

/**
 * Whether a row is a possible title line: a single cell of words (`[스토어B]`, `Store B orders`), not a
 * number or amount. Held until the next line tells: the header again makes it a table's title.
 */
export function isTitleLine(rec: string[]): boolean {
  let cell = '';
  for (let k = 0; k < rec.length; k++) {
    if (isBlankCell(rec[k])) continue;
    if (cell !== '') return false;
    cell = rec[k];
  }
  return cell.length > 0 && cell.length <= 80 && /\p{L}/u.test(cell) && parseMoney(cell) !== parseMoney(cell);
}

/** Whether a cell reads 전체 or `All` (a report's row for all of it): a total in its date cell or a breakdown's column, a table's title elsewhere. */
export function isAllLabel(s: string): boolean {
  return s.length <= 30 && ALL_WORDS.has(s.normalize('NFKC').toLowerCase().replace(/[\s_\-]/g, ''));
}

/** Whether one of the given cells of a row is a summary label (a daily report's 합계 or 전체 row beside its breakdown). */
export function hasTotalLabelIn(rec: string[], cols: number[]): boolean {
  for (const k of cols) if (isTotalLabel(rec[k]) || isAllLabel(rec[k])) return true;
  return false;
}

/** Whether any cell of a row is a summary label (checked only for rows without a readable date); `paged`: a paged report's too (not on a row with an order id). */
export function hasTotalLabel(rec: string[], paged = true): boolean {
  for (let k = 0; k < rec.length; k++) if (isTotalLabel(rec[k], paged)) return true;
  return false;
}
