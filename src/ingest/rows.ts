// The per-record loop: find the header, check each row's shape, and add it to its seller's days
// (an order-level row's worth is decided in order-rows.ts).
// Runs once per row of multi-million-row files: no regexes, closures or objects per row here.
import type { Field, Warning } from '../core/types.js';
import { fromDay } from '../core/dates.js';
import { LossCalcError, fail } from '../errors.js';
import { SellerDays } from './aggregate.js';
import { MAX_COLUMNS, delimiterName } from './dialect.js';
import { fieldOfHeader, findHeader, isRowNumber, listHeaders, mapHeaders, normalizeHeader } from './headers.js';
import { moneyColumn, planLayout, type Layout } from './kind.js';
import { DateReader, headerZoneOffset, inPeriod, parseDate, periodRange, titlePeriod, type SlashOrder } from './parse-date.js';
import { FAR_DAYS, MANY_DAYS, OrderRows } from './order-rows.js';
import { WideTable } from './wide.js';
import { IdFilter, RECENT_IDS_WINDOW } from './recent.js';
import { unitOfHeader, unitOfTitle, type MoneyUnit } from './money-unit.js';
import { DOT_THOUSANDS_CURRENCY, commentText, hasDecimalComma, isAllLabel, hasTotalLabel, hasTotalLabelIn, isBlankCell, isMissingCell, isNoteLine, isTitleLine, isTotalLabel, parseCount, parseMoney, parseMoneyEuropean } from './values.js';

/** What the reader needs to know about the file and the options. */
export interface ReaderSetup {
  file: string;
  delimiter: string;
  tz: string;
  columns?: Partial<Record<Field, string>>;
  /** Group rows by this column (a header name, or a field such as `seller`). */
  by?: string;
  /** How slashed dates (`11/29/2025`) are read, once a first pass has shown it (DateReader.slashOrder). */
  slash?: SlashOrder;
  /** A comma or tab file's amounts are European-locale numbers, as a first pass has shown (europeanShown). */
  european?: EuropeanBy;
  /** The claim's currency: đồng (VND) and rupiah (IDR) amounts are read with dots grouping thousands. */
  currency?: string;
  /** The order ids restart each day, as a first pass has shown (restartingIds): how many of its sampled ids recurred, and over months. */
  idsByDay?: { recurring: number; far: number };
}

/**
 * Most sellers one grouped file (`batch --by`) may hold: each costs memory for its days until the
 * file is read, and a --by naming an id column would otherwise make one seller per row.
 */
export const MAX_GROUPS = 100_000;
/** Records before the header we pass over (title lines, Excel's `sep=`); the header may be the next one. */
const HEADER_SEARCH = 10;
/** Lines without a date held after a summary row, as a footer; more than this and they are data after all. */
const MAX_FOOTER = 20;
/** Why a comma or tab file's amounts are read as European-locale numbers. */
export type EuropeanBy = 'decimal-comma' | 'dot-thousands';
/** One dot before exactly three digits at a money cell's end: `457.000`, `Rp 152.000`. */
const DOT_THREE = /^[^\d.,]*\d{1,3}\.\d{3}[^\d.,]*$/;
/** A page marker line of a paged report: `- 1 -`, `Page 2 of 9`. */
const PAGE_MARK = /^\s*(?:-\s*\d+\s*-|page\s+\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*\/\s*\d+\s*페이지)\s*$/i;
/** Data records remembered to find rows repeated under the header again (a power of two), and how many must repeat. */
const RECENT_RECORDS = 4096;
const MIN_OVERLAP = 3;
/**
 * Whether the header is Magento's order grid (`Purchase Point`, `Bill-to Name`): there an order's
 * status `Closed` says a credit memo refunded it in full. Elsewhere (Shopify's archived orders) it is a sale.
 */
function closedMeansRefunded(headers: string[]): boolean {
  return headers.some((h) => /^\s*(?:purchase point|bill-to name)\s*$/i.test(h));
}
/** A currency sign before or after an amount (`$24.50`, `-$3.00`, `US$ 12`, `12,00 €`): the sign. */
const SIGN = /^\s*[-(]?\s*(US\$|HK\$|NZ\$|AU\$|R\$|C\$|A\$|S\$|\$|€|£|¥|￥|₩|￦)|(\$|€|£)\s*\)?\s*$/;
/** The currencies a sign may be (`D`: any dollar, USD, CAD, AUD …; `$` is the peso's sign too); ₩ and ￦ are won. */
const SIGN_CURRENCIES: Record<string, readonly string[]> = {
  $: ['D', 'MXN', 'CLP', 'COP', 'ARS', 'UYU'], 'US$': ['USD'], 'HK$': ['HKD'], 'NZ$': ['NZD'], 'AU$': ['AUD'], A$: ['AUD'], C$: ['CAD'], S$: ['SGD'], R$: ['BRL'],
  '€': ['EUR'], '£': ['GBP'], '¥': ['JPY', 'CNY'], '￥': ['JPY', 'CNY'], '₩': ['KRW'], '￦': ['KRW'],
};

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Whether a row's filled cells are all numbers (`,,30,889400`): a sum's row, as a further line of
 * an order always names its product or option. An order's line without any text is no further line.
 */
function numbersOnly(rec: string[]): boolean {
  let numbers = 0;
  for (const c of rec) {
    if (isBlankCell(c)) continue;
    if (!NUMBER_CELL.test(c)) return false;
    numbers++;
  }
  return numbers > 0;
}
const NUMBER_CELL = /^\s*[-(]?\s*[$€£¥₩￦]?\s*[\d.,\s]+\s*(?:원|건|개)?\s*\)?\s*$/;
/** Amounts above an unlabelled row before it can be their sum (RowReader.columnSum). */
const MIN_SUMMED = 10;

/** The order-level fields a merged-down further line takes from its order's row (RowReader.fillDown), as named in the warning. */
const L_ORDER_CELLS = ['id', 'date', 'status'] as const;
/** The columns of a row's order-level cells (id, date, status, type, cancelled, refunded, a POS terminal) that the file has. */
const orderColumns = (L: Layout) => [L.id, L.date, L.status, L.type, L.cancelled, L.refunded, L.register].filter((k) => k >= 0);
/** A time of day alone (`13:05`, `13:05:09.123`, `오후 1:05`, `1:05 PM`): what a time column must hold to be read with the date (not a slot, `14:00-16:00`). */
const TIME_OF_DAY = /^\s*(?:(?:오전|오후|am|pm)\s*)?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:am|pm|오전|오후))?\s*$/i;
/** What databases' dumps write for a missing value (Postgres COPY, MySQL, DuckDB, BigQuery): a `--by` cell so is blank. */
const SQL_NULL = new Set(['\\N', 'NULL', 'null', '(null)']);
/** A 32-bit FNV-1a hash of a record's cells (a run of three or more equal hashes, in order, is taken for equal rows). */
function rowHash(rec: string[]): number {
  let h = 0x811c9dc5 ^ rec.length;
  for (let k = 0; k < rec.length; k++) {
    const c = rec[k];
    for (let i = 0; i < c.length; i++) h = Math.imul(h ^ c.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // the cell's end
  }
  return h | 0;
}
/**
 * A row without a readable date held by RowReader.badDate: `held` under a summary row (a footer
 * line), `note` a report's note line (출력일시: …, never data), `title` a possible title line (one
 * cell of words); `short`: the line's field count when it was shorter than the header, else 0.
 */
type FooterLine = { acc: SellerDays; line: number; cell: string; text: string; kind: 'held' | 'note' | 'title' | 'sum'; short: number };

const clip = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Consumes csv-parse records in order; file-level problems throw a LossCalcError. */
export class RowReader {
  /** Physical line (1-based) where the next record starts. */
  line = 1;
  headers: string[] = [];
  headerLine = 0;
  layout: Layout | null = null;
  byIndex = -1;
  readonly groups = new Map<string, SellerDays>();
  readonly warnings: Warning[] = [];
  private width = 0;
  /** The rightmost column read: a row may lack the empty cells right of it (trailingCellsDropped). */
  private lastUsed = 0;
  /** A daily file's named columns besides the date and values: a breakdown (device, product) when a date has several rows. */
  private otherCols: number[] = [];
  private tried: { error: LossCalcError; width: number; line: number; headers: string[] }[] = [];
  /** The line of the last record before the header was found (a failed header's second line follows it). */
  private lastLine = 0;
  /** A header of dates across: its rows are measures (wide.ts). */
  private wide: WideTable | null = null;
  /** Such a table above the header read instead (tableBelowWide), and the reader's state before: read if no row follows that header. */
  private aboveTable: { table: WideTable; tried: RowReader['tried']; titleUnit: RowReader['titleUnit']; headerLine: number; width: number; warnings: number; rec: string[]; line: number } | null = null;
  /** The next record is the first under the header: it may be the header's second line (headerContinues). */
  private afterHeader = false;
  /** How many warnings there were before the header's own (the unit, PREAMBLE). */
  private headerWarnings = 0;
  private sellerIndex = -1;
  private firstSeller: string | null = null;
  private readonly otherSellers = new Set<string>();
  private readonly dates: DateReader;
  /** `;` files come from spreadsheets in European locales: 12.900 is twelve thousand nine hundred. */
  private readonly money: (s: string) => number;
  /** What one written unit of money is worth (1,000 under `매출(천원)`), once the header is found. */
  private unit = 1;
  /** A unit a title line above the header states (`(단위: 천원)`), for money columns that state none. */
  private titleUnit: { unit: MoneyUnit; line: number } | undefined;
  /** The period a title line above the header names with years (`기간 : 2025년 07월 01일 ~ …`): its year-less dates' years. */
  private period: [string, string] | undefined;
  /** The column of the day when the date column is a month's (월 | 일), -1 when not; undefined until the first row. */
  private dayCol: number | undefined;
  /** Year-less dates read in that period, and the first. */
  private yearless = 0;
  private yearlessCell = '';
  /**
   * Money cells of a comma or tab file that only European rules read: with a decimal comma
   * (`12,50`) or with dots grouping thousands (`1.930.000`); those read with commas grouping
   * thousands (`12,000`), and those with one dot before three digits (`457.000`: a decimal
   * unless the currency is đồng or rupiah).
   */
  private readonly cells = { decimalComma: 0, dotGrouped: 0, commaGrouped: 0, dotThree: 0, dotOther: 0 };
  /** Money cells that carry a currency sign, by sign (`$24.50`, `€12`, `-$3.00`), and one such cell: what the amounts' currency is when no column says it. */
  private readonly signs = new Map<string, number>();
  private signExample = '';
  private readonly orders: OrderRows;
  /**
   * Rows without a readable date held until the next line tells what they are: after a summary row
   * (eBay's `Seller ID: xyz` under `4091 record(s) downloaded`), a report's note line (`출력일시: …`),
   * or a title line (`[스토어B]`) — see settleFooter. null outside such a block; `summed`: a summary row began it.
   */
  private footer: FooterLine[] | null = null;
  /** The period of a daily table's rows written as ranges (periodRow), false for dates; undefined until a row tells. */
  private periodRows: 'week' | 'month' | false | undefined;
  /** Range cells that cover part of a week or month (periodRow), and the ranges read before the table's period was known. */
  private readonly partialPeriods: string[] = [];
  private readonly rangesBefore: [string, { days: number; inMonth: boolean }][] = [];
  private summed = false;
  /** The summary that began the footer was a comment (GA4's `# Grand total`): its own short table under it is footer. */
  private summedByComment = false;
  /** The field count of the short line being read padded (0: none): a held title line that turns out data is a BAD_CSV line. */
  private shortLine = 0;
  /** Tables stacked under the first (a summary row, a title line, the header again), and the first such title. */
  private stacked = 0;
  private stackedTitle = { line: 0, text: '' };
  /** The line after the last stacked table's header. */
  private stackedLine = 0;
  /**
   * A hash of each of the last RECENT_RECORDS data records (numbers, not the records: kept that
   * long, each row's cells would be promoted to the old generation, +40 MB of peak RSS on the huge
   * bench), and — after the header again — the rows under it held while they repeat the end of those (holdsOverlap).
   */
  private readonly recentRecs = new Int32Array(RECENT_RECORDS);
  private recN = 0;
  /** By a hash's low bits, the number (+1) of the last record read with it: where a repeat of the rows above may begin. */
  private readonly lastOf = new Int32Array(RECENT_RECORDS * 2);
  /** Rows held while they repeat the rows above (`bare`: with no header again between, see repeatsAbove). */
  private overlap: { next: number; held: { rec: string[]; line: number }[]; bare: boolean } | null = null;
  /** Where the rows above the header again end (the record count then; before a summary block under them), and where the summary began. */
  private aboveEnd = 0;
  private summaryAt = 0;
  private overlapChecked = false;
  private duplicateRows = 0;
  private duplicateLine = 0;
  /** Whether the row above was an order's (a readable date, and its id if the file has ids), and its order cells (at orderCols): what a merged-down further line takes. */
  private orderAbove = false;
  /** The amount column's sum over the rows so far, and how many amounts it holds: what an unlabelled sum row under them repeats. */
  private amountSum = 0;
  private amounts = 0;
  private amountMax = -Infinity;
  private maxAbove = -Infinity;
  /** Lines of the rows left out as such a sum (COLUMN_SUM_ROWS). */
  private readonly columnSums: number[] = [];
  private orderCols: number[] = [];
  private readonly aboveCells: string[] = [];
  private filledDown = 0;
  private filledLine = 0;

  constructor(private readonly setup: ReaderSetup) {
    this.dates = new DateReader(setup.tz, setup.slash);
    const dots = setup.currency !== undefined && DOT_THOUSANDS_CURRENCY.test(setup.currency);
    const read = setup.delimiter === ';' || setup.european || dots ? parseMoneyEuropean : (c: string) => this.moneyNoting(c);
    // to the won (cent) after scaling: 1.234 thousand is 1234, not 1233.9999999999998
    this.money = (c) => {
      const v = read(c);
      if (v === v) this.noteSign(c);
      return this.unit === 1 ? v : Math.round(v * this.unit * 100) / 100;
    };
    this.orders = new OrderRows(this.money, {
      badDate: (acc, line, cell, rec) => this.badDate(acc, line, cell, rec),
      badNumber: (acc, line, what, cell) => this.badNumber(acc, line, what, cell),
    }, setup.idsByDay !== undefined);
  }

  /** Take one record (`at`: its line when re-read, e.g. padded). */
  record(rec: string[], at?: number): void {
    const line = at ?? this.line;
    if (at === undefined) {
      let nl = 0;
      for (let k = 0; k < rec.length; k++) if (rec[k].indexOf('\n') !== -1) nl += rec[k].split('\n').length - 1;
      this.line += 1 + nl;
    }
    if (isBlankRecord(rec)) {
      this.orderAbove = false; // a line under a blank one is no further line of the order above it
      return; // blank lines, and ",,,," rows Excel leaves behind
    }
    unwrapTextCells(rec);
    const L = this.layout;
    if (L === null) {
      this.seekHeader(rec, line);
      this.lastLine = line;
      return;
    }
    if (this.afterHeader && this.headerContinues(rec, line)) return;
    if (this.wide !== null) {
      if (!this.wide.isOwnRow(rec) && this.tableBelowWide(rec, line)) return;
      return this.wide.row(rec, line);
    }
    if (this.isHeaderAgain(rec, L)) return this.headerAgain(); // files joined with `cat`, a report repeating it, stacked tables
    if (rec.length === 1 && PAGE_MARK.test(rec[0])) return; // a paged report
    if (rec.length !== this.width && !extraCellsBlank(rec, this.width)) {
      const padded = this.shortSummary(rec, L) ?? this.shortFooterLine(rec) ?? this.trailingCellsDropped(rec);
      if (!padded) this.fieldCount(line, rec.length);
      this.shortLine = rec.length;
      this.record(padded, line);
      this.shortLine = 0;
      return;
    }
    const h = rowHash(rec);
    if ((this.overlapChecked || this.overlap !== null || this.repeatsAbove(rec, L, h)) && this.holdsOverlap(rec, line, h)) return;
    this.dataRow(rec, line, L, h);
  }

  /** A data row (not a header, blank or page line), of the header's width; `h` its rowHash. */
  private dataRow(rec: string[], line: number, L: Layout, h = rowHash(rec)): void {
    const key = this.keyOf(rec);
    const acc = this.group(key, line);
    acc.rows++;
    if (this.otherForm) acc.otherForms++;
    const n = this.recN++;
    this.recentRecs[n & (RECENT_RECORDS - 1)] = h;
    this.lastOf[h & (RECENT_RECORDS * 2 - 1)] = n + 1;
    if (this.sellerIndex >= 0) this.noteSeller(rec[this.sellerIndex]);
    const undated = isBlankCell(rec[L.date]) && (L.id < 0 || isBlankCell(rec[L.id]));
    if (L.kind === 'orders' && this.columnSum(rec, L, undated, line, acc)) return this.badDate(acc, line, rec[L.date], rec, true);
    // (not a payment date's blank: that says unpaid)
    if (this.orderAbove && undated && !L.paymentDate && this.lineOfAbove(rec, L)) this.fillDown(rec, L, line);
    let dateCell = rec[L.date];
    // 세무사랑's 월 | 일 columns: the month and the day in two cells, the year in the title (YEAR_FROM_TITLE)
    this.dayCol ??= normalizeHeader(this.headers[L.date] ?? '') === '월' && normalizeHeader(this.headers[L.date + 1] ?? '') === '일' ? L.date + 1 : -1;
    if (this.dayCol >= 0 && !isBlankCell(dateCell)) dateCell = `${dateCell.trim()}-${(rec[this.dayCol] ?? '').trim()}`;
    if (L.kind === 'daily' && this.periodRows !== false) dateCell = this.periodRow(dateCell);
    let day = this.dates.columnDay(dateCell);
    if (day !== day && this.period !== undefined) {
      // a date without its year (07-01, 7월 1일), the title naming the period: the year in it
      const full = inPeriod(dateCell, this.period);
      if (full !== null && (day = this.dates.columnDay(full)) === day && this.yearless++ === 0) this.yearlessCell = dateCell.trim();
    }
    if (L.time >= 0 && this.dates.minute < 0 && day === day && TIME_OF_DAY.test(rec[L.time])) {
      // the time in a column of its own (a card list's 승인일자 | 승인시간): read with the date, which orders a sale and its cancellation
      const withTime = `${dateCell.trim()} ${rec[L.time].trim()}`;
      const d = this.dates.columnDay(withTime);
      if (d === d) [dateCell, day, rec[L.date]] = [withTime, d, withTime];
      else this.dates.columnDay(dateCell); // not a time after all: the date alone, as it was read
    }
    this.orderAbove = L.kind === 'orders' && day === day && (L.id < 0 || !isBlankCell(rec[L.id]));
    if (this.orderAbove) for (let j = 0; j < this.orderCols.length; j++) this.aboveCells[j] = rec[this.orderCols[j]]; // before the order rows rewrite an id
    if (this.footer !== null && day === day) {
      // a summary's own table under it (GA4's `# Grand total`, its header, then `43591,2179550`): a short
      // line under held ones stays footer, though its first cell reads as a date
      if (this.shortLine && this.summedByComment && this.footer.length > 0) return this.badDate(acc, line, dateCell, rec);
      this.settleFooter('data'); // data goes on: the held rows were data
    }
    if (L.kind === 'daily') this.dailyRow(rec, line, L, acc, day, dateCell);
    else this.orders.row(rec, line, L, acc, day, dateCell, key, this.dates.minute);
  }

  /**
   * A weekly or monthly report's date cell written as its range (`2025.09.01 ~ 2025.09.07`): the
   * period's first day, when the table's first row with a date or a whole period is such a range
   * (else every range is a summary's label, as a daily table's weekly subtotal is; so is a total
   * over several periods, `2025.09.01~2025.11.02`). Part of a period (the export's first or last
   * week cut short) is left out as a summary row, and counted for the PARTIAL_PERIODS warning.
   */
  private periodRow(cell: string): string {
    const r = periodRange(cell, this.setup.tz);
    if (this.periodRows === undefined) {
      if (r?.wholeMonth || r?.days === 7) {
        this.periodRows = r.wholeMonth ? 'month' : 'week';
        for (const [text, before] of this.rangesBefore) this.partOfPeriod(text, before); // a cut first week above the first whole one
      } else if (r === null && parseDate(cell, this.setup.tz) !== null) {
        this.periodRows = false;
      } else if (r !== null) {
        this.rangesBefore.push([cell.trim(), r]);
      }
    }
    if (!this.periodRows || r === null) return cell;
    if (this.periodRows === 'week' ? r.days === 7 : r.wholeMonth) return r.first;
    this.partOfPeriod(cell.trim(), r);
    return cell;
  }

  /**
   * A range that is not a whole period of the table's: part of one (a cut first or last week, a
   * month cut at 7 days) is noted for PARTIAL_PERIODS; more — several weeks, a month in a weekly
   * table — is a total. Either is left out as a summary's label.
   */
  private partOfPeriod(text: string, r: { days: number; inMonth: boolean }): void {
    if (this.periodRows === 'week' ? r.days < 7 : r.inMonth) this.partialPeriods.push(text);
  }

  /**
   * Whether a row with its order id (if the file has ids) and date blank, right under an order's
   * row, is a further line of that order — the CSV of a spreadsheet whose order cells (주문번호,
   * 주문일시, 주문상태) were merged down over the order's lines, or a ledger writing each day's
   * date once: a line with a product or an amount (readable, or blank as on further lines), not a
   * summary or note line.
   */
  private lineOfAbove(rec: string[], L: Layout): boolean {
    const cell = L.amount >= 0 ? rec[L.amount] : rec[L.price];
    if (!isBlankCell(cell) && this.money(cell) !== this.money(cell)) return false;
    let filled = 0;
    for (let k = 0; k < rec.length && filled < 2; k++) if (!isBlankCell(rec[k])) filled++;
    // a row of numbers only may be a further line (a ledger's `,2,15000`, a numeric SKU), unless its amount
    // tops every row's above it: a sum (a filtered =SUM() under the list), no line of one order
    return filled >= 2 && !(numbersOnly(rec) && this.topsAll(rec, L)) && !hasTotalLabel(rec);
  }

  /** Whether a row's amount (columnSum has just read it) is twice every amount of the MIN_SUMMED or more rows above it or more: a sum of several. */
  private topsAll(rec: string[], L: Layout): boolean {
    const cell = L.amount >= 0 ? rec[L.amount] : rec[L.price];
    const v = isBlankCell(cell) ? NaN : this.money(cell);
    return this.amounts > MIN_SUMMED && v >= 2 * this.maxAbove && v > 0;
  }

  /**
   * Whether an undated row without an id is the amount column's sum over every row above it
   * (MIN_SUMMED or more amounts): Excel's `=SUM()` under an order list, no label beside it. Else the
   * row's amount joins the sum. (A ledger's further line that happens to equal the sum of the
   * rows above it — its fourth line, 20,000 under 10,000, 5,000, 5,000 — needs MIN_SUMMED rows to
   * be one; past them no sale is as large as all the others together. Each is warned.)
   */
  private columnSum(rec: string[], L: Layout, undated: boolean, line: number, acc: SellerDays): boolean {
    const cell = L.amount >= 0 ? rec[L.amount] : rec[L.price];
    const v = isBlankCell(cell) ? NaN : this.money(cell);
    if (v !== v) return false;
    // the file's sum, or the seller's in a `--by` file (a subtotal per seller, its seller cell filled)
    const near = (sum: number) => Math.abs(v - sum) <= Math.max(0.01, 5e-4 * Math.abs(sum));
    if (undated && v !== 0 && ((this.amounts >= MIN_SUMMED && near(this.amountSum)) || (acc.amounts >= MIN_SUMMED && near(acc.amountSum)))) {
      this.columnSums.push(line);
      return true;
    }
    this.maxAbove = this.amountMax; // before this row: what topsAll compares it with
    this.amountSum += v;
    this.amounts++;
    if (v > this.amountMax) this.amountMax = v;
    acc.amountSum += v;
    acc.amounts++;
    return false;
  }

  /** The order-level cells of the row above into a further line that has them blank (see lineOfAbove). */
  private fillDown(rec: string[], L: Layout, line: number): void {
    for (let j = 0; j < this.orderCols.length; j++) {
      const k = this.orderCols[j];
      if (isBlankCell(rec[k])) rec[k] = this.aboveCells[j];
    }
    if (this.filledDown++ === 0) this.filledLine = line;
  }

  /**
   * A row's seller key: its `--by` cell, trimmed and in NFC (a name typed on a Mac, NFD, is the
   * same seller as on Windows, as a folder batch's file names are), '' without one (or a database's
   * null: `\N`, `NULL`).
   */
  private keyOf(rec: string[]): string {
    if (this.byIndex < 0) return '';
    let cell = rec[this.byIndex].trim();
    this.otherForm = false;
    if (NON_ASCII.test(cell)) {
      const nfc = cell.normalize('NFC');
      this.otherForm = nfc !== cell;
      cell = nfc;
    }
    return SQL_NULL.has(cell) ? '' : cell;
  }
  /** The last keyOf read its cell in another Unicode form than NFC (NFD, as macOS writes). */
  private otherForm = false;

  /** The days of the seller `key`, made on its first row. */
  private newGroup(key: string, line: number): SellerDays {
    if (this.groups.size >= MAX_GROUPS) this.tooManyGroups(line);
    const L = this.layout!;
    const acc = new SellerDays(L.kind === 'daily', L.repeat !== null);
    this.groups.set(key, acc);
    return acc;
  }

  /** The days of the seller `key` (made on its first row, `line`). */
  private group(key: string, line = this.line): SellerDays {
    return this.groups.get(key) ?? this.newGroup(key, line);
  }

  private dailyRow(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, dateCell: string): void {
    if (day !== day) return this.badDate(acc, line, dateCell, rec);
    const oCell = L.orders >= 0 ? rec[L.orders] : '';
    const rCell = L.revenue >= 0 ? rec[L.revenue] : '';
    const oBlank = isMissingCell(oCell);
    const rBlank = isMissingCell(rCell);
    const o = oBlank ? NaN : parseCount(oCell);
    const r = rBlank ? NaN : this.money(rCell);
    if (!oBlank && o !== o) return this.badNumber(acc, line, 'orders', oCell);
    if (!rBlank && r !== r) return this.badNumber(acc, line, 'revenue', rCell);
    // (a breakdown's row may be: a card company's day of more cancellations than sales; its day's sum is checked in finish)
    if ((o < 0 || r < 0) && this.otherCols.length === 0) return acc.negatives.add(() => `line ${line}: ${o < 0 ? `orders ${oCell}` : `revenue ${rCell}`}`);
    const i = acc.slot(day, line);
    if (i < 0) return; // outside a 20-year range: the seller fails in finish()
    if (this.otherCols.length > 0) {
      if (hasTotalLabelIn(rec, this.otherCols)) return void acc.heldTotals.push({ day, line, o, r, currency: L.currency >= 0 ? rec[L.currency] : '' });
      if (acc.line[i] !== 0) return this.breakdownRow(rec, line, L, acc, day, i, o, r);
      acc.dayKeys.set(day, [this.rowKey(rec)]);
      acc.dayLabelled.set(day, this.labelled(rec));
    }
    if (acc.line[i] !== 0) {
      const first = acc.line[i];
      return acc.duplicates.add(() => `${fromDay(day)} on lines ${first} and ${line}`);
    }
    this.takeDay(rec[L.currency] ?? '', L, acc, i, line, o, r);
  }

  /** A day's row of a daily aggregate into its slot (`o`, `r` NaN when blank). */
  private takeDay(currency: string, L: Layout, acc: SellerDays, i: number, line: number, o: number, r: number): void {
    const oBlank = o !== o;
    const rBlank = r !== r;
    acc.line[i] = line;
    if (oBlank && rBlank) return acc.skip('no-values');
    if ((L.orders >= 0 && oBlank) || (L.revenue >= 0 && rBlank)) acc.emptyValues++;
    if (o === 0) acc.zeroRows++;
    acc.used++;
    if (L.currency >= 0) acc.noteCurrency(currency);
    acc.orders[i] = o;
    acc.revenue[i] = r;
  }

  /**
   * A second row of a date in a daily report broken down by device, channel or product (its other
   * cells differ from the date's earlier rows): summed into the day. The same cells again are a
   * repeated date (DUPLICATE_DATES): a file pasted twice is not a breakdown.
   */
  private breakdownRow(rec: string[], line: number, L: Layout, acc: SellerDays, day: number, i: number, o: number, r: number): void {
    const keys = acc.dayKeys.get(day) ?? [];
    const key = this.rowKey(rec);
    if (key === '' || keys.includes(key)) {
      const first = acc.line[i];
      return acc.duplicates.add(() => `${fromDay(day)} on lines ${first} and ${line} (the same in every other column too)`);
    }
    keys.push(key);
    if (o !== o && r !== r) return acc.skip('no-values');
    // a row without the label every earlier row of its date had (its 채널 blank), no label of its own the first
    // row had not, and carrying their (non-zero) sums: the day's total
    const had = acc.dayLabelled.get(day) ?? 0;
    const mine = this.labelled(rec);
    acc.dayLabelled.set(day, had & mine);
    const firstTexts = keys[0].split('\u0001');
    if (keys.length >= 3 && (had & ~mine) !== 0 && key.split('\u0001').every((c) => firstTexts.includes(c))
      && (o > 0 || r > 0) && same(o, acc.orders[i]) && same(r, acc.revenue[i])) return acc.skip('total-row');
    if (o === o) acc.orders[i] = (acc.orders[i] === acc.orders[i] ? acc.orders[i] : 0) + o;
    if (r === r) acc.revenue[i] = (acc.revenue[i] === acc.revenue[i] ? acc.revenue[i] : 0) + r;
    if (L.currency >= 0) acc.noteCurrency(rec[L.currency]);
    acc.used++;
    acc.breakdownRows++;
  }

  /** Which of the other columns (bits, the first 31) hold text in a daily row: a breakdown's labels. */
  private labelled(rec: string[]): number {
    let bits = 0;
    const n = Math.min(this.otherCols.length, 31);
    for (let k = 0; k < n; k++) {
      const cell = rec[this.otherCols[k]].trim();
      if (cell !== '' && parseMoney(cell) !== parseMoney(cell)) bits |= 1 << k;
    }
    return bits;
  }

  /**
   * A daily row's text cells outside the date and the values (PC, 모바일, a product's name): what tells
   * a breakdown's rows apart. Numbers (결제자수, a row number) are left out: two rows of one date that
   * differ only in them are a repeated date, not a breakdown.
   */
  private rowKey(rec: string[]): string {
    let k = '';
    for (const c of this.otherCols) {
      const cell = rec[c].trim();
      if (cell !== '' && parseMoney(cell) !== parseMoney(cell)) k += `${cell}\u0001`;
    }
    return k;
  }

  /**
   * The end of the rows: a dated row labelled as a total (`2025-01-01,합계,…` in a report by device) is
   * its breakdown's total when the date has other rows (skipped), else the day's value as any row.
   */
  private settleHeldTotals(): void {
    for (const acc of this.groups.values()) {
      for (const h of acc.heldTotals) {
        const i = h.day - acc.base;
        if (acc.line[i] !== 0) acc.skip('total-row');
        else this.takeDay(h.currency, this.layout!, acc, i, h.line, h.o, h.r);
      }
      acc.heldTotals.length = 0;
    }
  }

  /** Orders a row of the same order id and amount cancels, refunds or returns, taken off their days (later-cancels.ts). */
  private settleLaterCancels(): void {
    const { orders, rows, soldAgain } = this.orders.later.settle();
    if (orders === 0 && rows === 0) return;
    const n = (k: number) => k.toLocaleString('en-US');
    const again = soldAgain === 0 ? '' : `; ${n(soldAgain)} more were sold again after their cancellation (withdrawn, or paid again) and count once, their rows before it as cancelled`;
    this.warnings.push({ code: 'LATER_CANCELLATIONS', message: `${n(orders)} order(s) have, besides their sale rows, a row of the same ${this.layout!.columns.id} and amount ` +
      'that cancels, refunds or returns them (an order-history log with a row per status change, a payment list with 승인 and 취소 rows, a refund of −amount): ' +
      `they were taken off their order's day, and their ${n(rows)} sale row(s) counted as cancelled, refunded or returned${again}` });
  }

  /**
   * A row without a readable date: a summary row when any cell is a label (합계, 총 4091건, Total…);
   * held when it follows one, or is a report's note or title line (see FooterLine); else a bad
   * date. Never a row with a readable date.
   */
  private badDate(acc: SellerDays, line: number, cell: string, rec: string[], columnSum = false): void {
    const L = this.layout!;
    const id = L.id >= 0 ? (rec[L.id] ?? '') : '';
    // a paged report's labels (누계, 페이지 소계) on a row without an order id, or in its id cell
    // (and GA4's `# Grand total` comment over its totals' own header and row)
    const byComment = isTotalLabel(commentText(rec));
    const summary = columnSum || byComment || hasTotalLabel(rec, isBlankCell(id)) || isTotalLabel(id) || isAllLabel(cell); // 전체 in the date cell: a report's total
    // a row of numbers only without an id (`,,30,889400`: a filtered =SUM()) is a total when nothing but such lines follows
    const kind = summary ? null : isNoteLine(rec) ? 'note' : this.footer !== null && this.summed ? 'held' : isTitleLine(rec) ? 'title'
      : isBlankCell(id) && isBlankCell(cell) && numbersOnly(rec) ? 'sum' : 'data';
    if (kind === 'data') {
      if (this.footer !== null) this.settleFooter('data'); // the title lines above were data too
      return acc.badDates.add(() => `line ${line}: cannot read date ${clip(cell)}`);
    }
    if (this.footer === null) [this.footer, this.summed, this.summaryAt] = [[], false, this.recN - 1]; // this row, the last remembered
    if (kind === null) {
      this.summed = true;
      this.summedByComment = byComment;
      return acc.skip('total-row');
    }
    if (this.footer.length >= MAX_FOOTER) this.settleFooter('data'); // too many to be a footer
    if (this.footer === null) return kind === 'note' ? acc.skip('total-row') : acc.badDates.add(() => `line ${line}: cannot read date ${clip(cell)}`);
    this.footer.push({ acc, line, cell, text: rec.find((c) => !isBlankCell(c))?.trim() ?? '', kind, short: this.shortLine });
  }

  /**
   * The header again. After a summary row and title lines (`,소계,,,12735800`, `판매자: 다라몰`) it opens
   * another table stacked under this one (an integrated admin's export of several stores): the
   * lines between are the table's end, and its rows are read on, as this file's, with a warning.
   */
  private headerAgain(): void {
    if (this.overlap !== null) this.endOverlap(false);
    [this.amountSum, this.amounts, this.amountMax] = [0, 0, -Infinity]; // a table's sum is of its own rows
    this.aboveEnd = this.footer !== null ? this.summaryAt : this.recN;
    this.overlapChecked = true; // the rows under it may repeat the last ones above: overlapping exports joined
    if (this.footer === null || this.footer.length === 0) return;
    this.checkStacked();
    if (this.stacked++ === 0) this.stackedTitle = { line: this.footer[0].line, text: this.footer[0].text };
    this.stackedLine = this.line;
    this.settleFooter('header');
    this.orders.markTable();
  }

  /**
   * Rows under the header again that repeat, cell for cell and in order, the rows above it down to
   * the last (at least MIN_OVERLAP of them): exports of overlapping periods joined (November 1–30,
   * then November 30 – December 31) would count the shared day twice. Such rows are held while
   * they repeat; once they reach the end of the rows above they are left out, and if a row breaks
   * the run first they are read as usual (one order's identical lines across a page break).
   * True when `rec` is held.
   */
  private holdsOverlap(rec: string[], line: number, h: number): boolean {
    // records numbered as read: those still remembered, up to the end of the rows above
    const end = this.aboveEnd;
    const above = (j: number) => this.recentRecs[j & (RECENT_RECORDS - 1)];
    if (this.overlap === null) {
      let p = Math.max(0, this.recN - RECENT_RECORDS);
      while (p < end && above(p) !== h) p++;
      if (p >= end) return (this.overlapChecked = false);
      this.overlap = { next: p, held: [], bare: false };
    }
    const o = this.overlap;
    if (o.next < end && above(o.next) === h) {
      o.held.push({ rec, line });
      // without the header between, a run within one order (two identical gift sets: A B C A B C) is its own lines
      if (++o.next === end) this.endOverlap(o.held.length >= MIN_OVERLAP && (!o.bare || this.severalOrders(o.held)));
      return true;
    }
    this.endOverlap(false);
    return false;
  }

  /**
   * Whether an order list's row (with an order id) is the one read MIN_OVERLAP or more rows above:
   * exports of overlapping periods joined without the header again. The rows from here are then
   * held as under the header (holdsOverlap): left out if they repeat, in order, every row from
   * that one to this, and name two order ids or more. A shorter run (an order's two identical
   * lines), or one within one order (A B C A B C: two identical sets), is read as usual.
   */
  private repeatsAbove(rec: string[], L: Layout, h: number): boolean {
    if (L.id < 0 || isBlankCell(rec[L.id])) return false;
    const p = this.lastOf[h & (RECENT_RECORDS * 2 - 1)] - 1;
    if (p < 0 || p < this.recN - RECENT_RECORDS || this.recN - p < MIN_OVERLAP || this.recentRecs[p & (RECENT_RECORDS - 1)] !== h) return false;
    this.aboveEnd = this.recN;
    this.overlap = { next: p, held: [], bare: true };
    return true;
  }

  /** Whether held rows name two order ids or more: a repeat of several orders, not one order's own lines. */
  private severalOrders(held: { rec: string[] }[]): boolean {
    const id = this.layout!.id;
    return held.some(({ rec }) => rec[id].trim() !== held[0].rec[id].trim());
  }

  /** The rows held by holdsOverlap: left out as duplicates, or read as usual. */
  private endOverlap(duplicate: boolean): void {
    const held = this.overlap?.held ?? [];
    [this.overlap, this.overlapChecked] = [null, false];
    for (const { rec, line } of held) {
      if (!duplicate) {
        this.dataRow(rec, line, this.layout!);
        continue;
      }
      const acc = this.group(this.keyOf(rec), line);
      acc.rows++;
      acc.skip('duplicate-row');
      if (this.duplicateRows++ === 0) this.duplicateLine = line;
    }
  }

  /**
   * A stacked table most of whose sale rows repeat orders of the tables above (a 전체 table after
   * each store's) would count them twice: refused, not read on.
   */
  private checkStacked(): void {
    const { salesBelow: n, repeatsAbove: r } = this.orders;
    if (this.stacked === 0 || n < 2 || r * 2 <= n) return;
    fail('REPEATED_TABLE', `${this.setup.file}: the table under the header again at line ${this.stackedLine - 1} repeats orders of the tables above it ` +
      `(${r.toLocaleString('en-US')} of its ${n.toLocaleString('en-US')} sale rows have a ${this.layout!.columns.id} read above): read on, they would count twice`,
    'delete the repeated table (a total of the ones above?), or export each table apart');
  }

  /**
   * The held rows once the next line tells what they were: under the header again, a stacked
   * table's title lines; at the end of a table, its footer when a summary row began them (title
   * lines alone were data: bad dates); before more data, bad dates (note lines are never data).
   * Those not data are `total-row`.
   */
  private settleFooter(next: 'data' | 'end' | 'header'): void {
    const held = this.footer ?? [];
    this.footer = null;
    for (const { acc, line, cell, kind, short } of held) {
      const data = kind === 'title' ? next !== 'header' : (kind === 'held' || kind === 'sum') && next === 'data';
      if (!data && kind === 'sum') this.columnSums.push(line); // said: a row of numbers only, left out
      if (!data) acc.skip('total-row');
      else if (short > 0) this.fieldCount(line, short);
      else acc.badDates.add(() => `line ${line}: cannot read date ${clip(cell)}`);
    }
  }

  /** A line whose field count is not the header's: BAD_CSV. */
  private fieldCount(line: number, fields: number): never {
    fail('BAD_CSV', `${this.setup.file}: line ${line} has ${fields} fields but the header (line ${this.headerLine}) has ${this.width}`,
      `a field that contains a ${delimiterName(this.setup.delimiter)} must be quoted ("…")`);
  }

  /**
   * A summary, note or title line shorter than the header (`총 4091건`, `출력일시: …` alone, no
   * delimiters), padded with blank cells so it is read as what it is; null for anything else (a BAD_CSV row).
   */
  private shortSummary(rec: string[], L: Layout): string[] | null {
    if (rec.length > this.width || !(hasTotalLabel(rec) || isNoteLine(rec) || isTitleLine(rec))) return null;
    const day = L.date < rec.length ? this.dates.day(rec[L.date]) : NaN;
    if (day === day) return null; // a row with a date is data, never a summary
    return this.padded(rec);
  }

  /**
   * A short line under a summary row (eBay's `Seller ID : myshop` alone, below `2959 record(s)
   * downloaded`), padded so it is held as a footer line like any other; null elsewhere.
   */
  private shortFooterLine(rec: string[]): string[] | null {
    return this.footer === null || rec.length > this.width ? null : this.padded(rec);
  }

  /**
   * A row shorter than the header whose missing cells are all right of every column read: Excel
   * leaves trailing empty cells out of a CSV's rows past the 16th or so. Padded; null otherwise.
   */
  private trailingCellsDropped(rec: string[]): string[] | null {
    return rec.length > this.width || rec.length <= this.lastUsed ? null : this.padded(rec);
  }

  /** A short record with blank cells up to the header's width. */
  private padded(rec: string[]): string[] {
    const out = rec.slice();
    while (out.length < this.width) out.push('');
    return out;
  }

  /** Whether a record repeats the header (monthly exports joined with `cat`, a report repeating it on every page). */
  private isHeaderAgain(rec: string[], L: Layout): boolean {
    const d = rec[L.date];
    if (d === undefined || d.length > this.headers[L.date].length + 2 || d.trim() !== this.headers[L.date]) return false;
    if (rec.length !== this.headers.length) return false;
    for (let k = 0; k < rec.length; k++) if ((k === 0 ? rec[k].replace(/^\ufeff/, '') : rec[k]).trim() !== this.headers[k]) return false;
    return true;
  }

  private badNumber(acc: SellerDays, line: number, what: string, cell: string): void {
    const field = what as Field;
    acc.badNumbers.add(() => `line ${line}: cannot read ${what} ${clip(cell)} (column "${this.layout?.columns[field]}")`);
  }

  private tooManyGroups(line: number): never {
    const column = JSON.stringify(this.headers[this.byIndex] ?? this.setup.by);
    return fail('BAD_OPTION', `${this.setup.file}: line ${line}: the --by column ${column} holds more than ${MAX_GROUPS} different values; at most ${MAX_GROUPS} sellers are read from one file`,
      'is it the seller column (not an order id)? split a larger file by seller first, or use a folder of files');
  }

  private noteSeller(v: string): void {
    if (this.firstSeller === null) this.firstSeller = v;
    else if (v !== this.firstSeller && this.otherSellers.size < 1000) this.otherSellers.add(v);
  }

  /** Try a record as the header; title lines above it are passed over (and reported). */
  private seekHeader(rec: string[], line: number): void {
    const { file } = this.setup;
    if (rec.length > MAX_COLUMNS) fail('TOO_MANY_COLUMNS', `${file}: line ${line} has ${rec.length} columns (at most ${MAX_COLUMNS})`, 'is the delimiter right? this does not look like an export');
    const headers = rec.map((h, k) => (k === 0 ? h.replace(/^\ufeff/, '') : h).trim());
    const error = this.takeHeader(headers, rec.length, line);
    if (error === null) return;
    // the second line of a header whose first line failed (결제 merged over 상품금액 | 배송비 | 결제금액)
    const top = this.tried.at(-1);
    if (top !== undefined && top.line === this.lastLine && this.secondHeaderLine(top.headers, headers)) {
      this.tried.pop(); // not a line above the header, if it is the header's first
      if (this.takeHeader(joinHeaderLines(top.headers, headers), top.headers.length, line, true) === null) return this.noteTwoLines(top.line, line);
      this.tried.push(top);
    }
    // dates across the header: a transposed daily report (not in a --by file, whose rows are sellers' own)
    const wide = error.code === 'NO_DATE_COLUMN' && this.setup.by === undefined ? WideTable.detect(headers, (c) => this.dates.day(c)) : null;
    if (wide !== null) return this.takeWide(wide, rec.length, line);
    this.title(headers, line);
    this.tried.push({ error, width: rec.length, line, headers });
    if (this.tried.length > HEADER_SEARCH) this.giveUp();
  }

  /** Whether the header holds dates across (its rows are measures, wide.ts). */
  get datesAcross(): boolean {
    return this.wide !== null;
  }

  /** Read the rows under a header of dates across as a wide table's measures (wide.ts). */
  private takeWide(wide: WideTable, width: number, line: number): void {
    this.wide = wide;
    this.layout = wide.layout;
    this.headers = wide.headers;
    this.headerLine = line;
    this.width = width; // the lines above it are reported at the end: an order list may yet turn up below it
  }

  /**
   * A row under a table of dates across that is a header itself: the table was a summary above
   * an order list (일별 요약 over 주문번호,주문일시,결제금액), which is read instead; true then.
   */
  private tableBelowWide(rec: string[], line: number): boolean {
    const wide = { table: this.wide!, tried: this.tried, titleUnit: this.titleUnit, headerLine: this.headerLine, width: this.width, warnings: this.warnings.length, rec, line };
    const top = this.tried.length ? this.tried[0].line : this.headerLine;
    this.tried = [];
    this.titleUnit = undefined; // a unit over the summary is the summary's
    if (this.takeHeader(rec.map((h) => h.trim()), rec.length, line) !== null) {
      [this.tried, this.titleUnit] = [wide.tried, wide.titleUnit];
      return false;
    }
    this.wide = null;
    this.aboveTable = wide;
    this.warnings.push({ code: 'PREAMBLE', message: `lines ${top}–${line - 1} above the header (line ${line}), a summary with its dates across, were not read` });
    return true;
  }

  /** The table of dates across was the file's after all: the header under it had no rows (tableBelowWide undone). */
  private backToWide(): void {
    const w = this.aboveTable!;
    [this.wide, this.layout, this.headers, this.tried, this.titleUnit] = [w.table, w.table.layout, w.table.headers, w.tried, w.titleUnit];
    [this.headerLine, this.width, this.sellerIndex] = [w.headerLine, w.width, -1];
    this.warnings.length = w.warnings;
    w.table.row(w.rec, w.line); // the header that was not one: a row of the table's
  }

  /** Map `headers` (found on `line`) and set the reader up for the rows under them; the error when they are no header. */
  private takeHeader(headers: string[], width: number, line: number, joined = false): LossCalcError | null {
    const { file, columns, by } = this.setup;
    let byIndex = -1;
    try {
      if (by !== undefined) {
        byIndex = findHeader(headers, by);
        if (byIndex < 0) byIndex = mapHeaders(headers, file, columns).index[by as Field] ?? -1;
        if (byIndex < 0) fail('UNKNOWN_COLUMN', `${file}: --by ${by}: no such column; the headers are ${listHeaders(headers)}`, 'name the seller column exactly as in the header');
      }
      const map = mapHeaders(headers, file, columns, byIndex >= 0 ? [byIndex] : [], !joined);
      this.layout = planLayout(headers, map, file);
      this.sellerIndex = by === undefined ? (map.index.seller ?? -1) : -1;
    } catch (e) {
      if (!(e instanceof LossCalcError)) throw e;
      return e;
    }
    this.dates.headerOffset = headerZoneOffset(headers[this.layout.date]);
    this.orders.closedRefunds = closedMeansRefunded(headers);
    this.orderCols = orderColumns(this.layout);
    this.headers = headers;
    this.headerLine = line;
    this.width = width;
    this.byIndex = byIndex;
    this.afterHeader = true;
    const L = this.layout;
    if (L.kind === 'daily') {
      const value = new Set([L.date, L.orders, L.revenue, L.currency, byIndex, this.sellerIndex]);
      this.otherCols = headers.flatMap((h, k) => (h !== '' && !value.has(k) && !isRowNumber(h) ? [k] : []));
    }
    this.lastUsed = Math.max(byIndex, this.sellerIndex, L.date, L.amount, L.price, L.quantity, L.status, L.status2, L.cancelled, L.refunded, L.type, L.id, L.currency, L.orders, L.revenue,
      L.repeat?.price ?? -1, L.repeat?.quantity ?? -1);
    this.headerWarnings = this.warnings.length;
    const col = moneyColumn(this.layout);
    this.takeUnit(col < 0 ? undefined : headers[col]);
    if (this.tried.length) this.warnings.push({ code: 'PREAMBLE', message: `${this.tried.length} line(s) above the header (line ${line}) were not read` });
    return null;
  }

  /**
   * The first record under a header with blank cells: when it is the header's second line (카드 | 적립금 |
   * 합계 under a 결제금액 merged across them), the header is read again from both lines; true then.
   */
  private headerContinues(rec: string[], line: number): boolean {
    this.afterHeader = false;
    const top = this.headers;
    const topLine = this.headerLine;
    if (this.describesColumns(rec)) {
      this.warnings.push({ code: 'DESCRIPTION_LINE', message: `line ${line}, right under the header, describes its columns (${listHeaders(rec.filter((c) => c.trim() !== '').slice(0, 3).map((c) => c.trim()))}, …) and was not read` });
      return true;
    }
    if (!this.secondHeaderLine(top, rec.map((c) => c.trim()))) return false;
    const noted = this.warnings.splice(this.headerWarnings); // the unit and PREAMBLE, noted again from both lines
    if (this.takeHeader(joinHeaderLines(top, rec.map((c) => c.trim())), this.width, topLine, true) !== null) {
      this.warnings.push(...noted); // no header from both lines: the first one stands, as read
      return false;
    }
    this.noteTwoLines(topLine, line);
    return true;
  }

  /**
   * Whether the line under the header is a description of each column (TikTok Shop's export:
   * `Platform unique order ID.`, `Current order status.`): text in at least half of the header's
   * columns and in its date column, no number and no date anywhere.
   */
  private describesColumns(rec: string[]): boolean {
    const L = this.layout!;
    if (L.date < 0 || isBlankCell(rec[L.date] ?? '')) return false;
    let text = 0;
    for (const c of rec) {
      if (isBlankCell(c)) continue;
      if (!Number.isNaN(parseMoney(c)) || parseDate(c, this.setup.tz) !== null || !/\p{L}{2}/u.test(c)) return false;
      text++;
    }
    return text >= Math.max(2, this.headers.filter((h) => h !== '').length / 2);
  }

  /**
   * Whether `sub` reads as the second line of the header `top`: it fills a cell left blank in
   * `top` (under a merged cell), and holds only text — no number, no date, as a data row would.
   */
  private secondHeaderLine(top: string[], sub: string[]): boolean {
    if (sub.length > top.length || !sub.some((c, k) => c !== '' && top[k] === '') || top.every((h) => h === '')) return false;
    // parseDate's own reader: this file's DateReader counts what it reads (slash orders, foreign offsets)
    return sub.every((c) => c === '' || (Number.isNaN(parseMoney(c)) && parseDate(c, this.setup.tz) === null));
  }

  /** The header was read from lines `top` and `line`: say so; the rows start below. */
  private noteTwoLines(top: number, line: number): void {
    this.headerLine = line;
    this.afterHeader = false;
    this.warnings.push({ code: 'TWO_LINE_HEADER', message: `the header is on lines ${top} and ${line} (cells merged over the second line's): ` +
      `its columns were named ${listHeaders(this.headers)}` });
  }

  /** Note a title line above the header: the first that states a money unit sets the table's. */
  title(cells: string[], line: number): void {
    this.period ??= titlePeriod(cells.join(' '), this.setup.tz) ?? undefined;
    if (this.titleUnit) return;
    const unit = unitOfTitle(cells);
    if (unit) this.titleUnit = { unit, line };
  }

  /**
   * The money column's unit: its header's (`매출(천원)`), else a title line's (`(단위: 천원)`).
   * Amounts are multiplied by it, and the claim says so: a report rounded to thousands of won
   * read as won would claim a thousandth of the loss.
   */
  private takeUnit(header: string | undefined, what = 'header'): void {
    this.unit = 1;
    if (header === undefined) return;
    const own = unitOfHeader(header);
    const unit = own ?? this.titleUnit?.unit;
    if (!unit || unit.factor === 1) return;
    this.unit = unit.factor;
    const where = own ? `the ${what} "${header}" says` : `line ${this.titleUnit!.line} above the header says`;
    this.warnings.push({ code: 'MONEY_UNIT', message: `${where} "${unit.text}": amounts of "${header}" were ${unit.factor < 1 ? `divided by ${Math.round(1 / unit.factor)}` : `multiplied by ${unit.factor.toLocaleString('en-US')}`}` });
  }

  /**
   * The header search failed: report the widest candidate's problem (the real header, not a title
   * line). When every line the search may pass over was tried and the widest does not sit over data
   * like a header, the header is further down or missing: NO_HEADER says what was looked for and where.
   */
  private giveUp(): never {
    const { file } = this.setup;
    if (this.tried.length === 0) fail('NO_HEADER', `${file}: no header line: the file has no rows`);
    const widest = this.tried.reduce((a, b) => (b.width > a.width ? b : a));
    const code = widest.error.code;
    if (this.tried.length <= HEADER_SEARCH || (code !== 'NO_DATE_COLUMN' && code !== 'NO_AMOUNT_COLUMN') || this.overData(widest)) throw widest.error;
    fail('NO_HEADER', `${file}: no header found in the first ${this.tried.length} non-blank lines: expected one with a date column and an amount, ` +
      `orders or revenue column; the widest (line ${widest.line}) has ${listHeaders(widest.headers)}`,
    `at most ${HEADER_SEARCH} title lines above the header are passed over: delete the ones above it; ` +
      `or, if line ${widest.line} is the header, name its columns with --columns date=<header>,amount=<header>`);
  }

  /**
   * Whether a tried line looks like a header over its data rows (`Sale Date` not known as a date
   * name): it holds no number or date itself, and a later line as wide holds some. Title lines
   * (`항목1,값1`, `조회기간: …`) do not, so they are never named as the header.
   */
  private overData(t: { line: number; width: number; headers: string[] }): boolean {
    const isValue = (c: string) => !Number.isNaN(parseMoney(c)) || !Number.isNaN(this.dates.day(c));
    const hasValue = (cells: string[]) => cells.some(isValue);
    if (hasValue(t.headers)) return false;
    return this.tried.some((u) => u.line > t.line && u.width === t.width && hasValue(u.headers));
  }

  /**
   * After a pass read without a slash order: the order the file's slashed dates show, for a second
  /**
   * A money cell of a comma or tab file, noting how it is written: Stripe and other tools in
   * European locales write `"12,50"` and `"1.234,00"` into a comma CSV, Vietnamese and Indonesian
   * shops `1.930.000`, where a comma groups thousands (`12,000`) everywhere else. NaN for a cell
   * only European rules read, which europeanShown weighs.
   */
  private moneyNoting(cell: string): number {
    const v = parseMoney(cell);
    const c = this.cells;
    if (v !== v) {
      if (hasDecimalComma(cell)) c.decimalComma++;
      else if (parseMoneyEuropean(cell) === parseMoneyEuropean(cell)) c.dotGrouped++;
    } else if (cell.indexOf(',') >= 0) c.commaGrouped++;
    else if (cell.indexOf('.') >= 0) {
      if (cell.charCodeAt(cell.length - 4) === 46 && DOT_THREE.test(cell)) c.dotThree++;
      else c.dotOther++;
    }
    return v;
  }

  /** Count a readable amount's currency sign, if it has one (the first kept as the example). */
  private noteSign(cell: string): void {
    const c0 = cell.charCodeAt(0);
    const cn = cell.charCodeAt(cell.length - 1);
    if (c0 >= 48 && c0 <= 57 && cn >= 48 && cn <= 57) return; // digits at both ends: no sign (most cells)
    const m = SIGN.exec(cell);
    if (m === null) return;
    const sign = m[1] ?? m[2];
    this.signs.set(sign, (this.signs.get(sign) ?? 0) + 1);
    if (this.signExample === '') this.signExample = cell.trim();
  }

  /**
   * CURRENCY_MISMATCH when the amounts carry a currency sign (`$24.50`) and no currency column says
   * the currency, and the sign is not --currency's: eBay's and Square's `$` amounts were labelled and
   * rounded as won without a word. (A currency column is compared by the estimate: core/warnings.ts.)
   */
  private signWarning(): void {
    if (this.layout?.currency !== undefined && this.layout.currency >= 0) return;
    const code = (this.setup.currency ?? 'KRW').toUpperCase();
    const other = [...this.signs.keys()].filter((s) => !SIGN_CURRENCIES[s]?.some((c) => c === code || (c === 'D' && code.endsWith('D'))));
    if (!other.length) return;
    const named = other.map((s) => `${s} (${SIGN_CURRENCIES[s].map((c) => (c === 'D' ? 'a dollar' : c)).join('/')})`).join(', ');
    this.warnings.push({ code: 'CURRENCY_MISMATCH', message: `the amounts carry ${named}, such as ${JSON.stringify(this.signExample)}, but the claim is in ${code} (--currency): ` +
      'the amounts are taken as they are, not converted; give --currency with the amounts\' currency (USD, EUR …)' });
  }

  /**
   * Whether this file's amounts can only be European-locale numbers, and why: some cells read only
   * so (`12,50`, `1.930.000`), or the currency is đồng or rupiah (header, currency column) and
   * amounts show one dot before three digits (`457.000`) — and no cell has commas grouping
   * thousands (`12,000`, which would then mean 12). The file is then read again with the `;` files'
   * money rules (`12,50` is 12.5, `1.234,00` is 1234, `457.000` is 457000). null: read as it was.
   */
  europeanShown(): EuropeanBy | null {
    const c = this.cells;
    if (this.setup.european || c.commaGrouped > 0) return null;
    if (c.decimalComma > 0) return 'decimal-comma';
    if (c.dotGrouped > 0 || (c.dotThree > 0 && this.dotThousandsCurrency())) return 'dot-thousands';
    return null;
  }

  /** Whether the money column's header or the currency column names đồng or rupiah. */
  private dotThousandsCurrency(): boolean {
    const col = moneyColumn(this.layout!);
    if (col >= 0 && DOT_THOUSANDS_CURRENCY.test(this.headers[col])) return true;
    for (const acc of this.groups.values()) for (const cur of acc.currencies) if (DOT_THOUSANDS_CURRENCY.test(cur)) return true;
    return false;
  }

  /**
   * After a pass read without a slash order: the order the file's slashed dates show, for a second
   * pass that reads them (null: none, or not decidable — they stay unreadable dates).
   */
  slashOrder(): SlashOrder | null {
    return this.setup.slash ? null : this.dates.slashOrder();
  }

  /** After a pass: whether its order ids restart each day (OrderRows.restartingIds), for a second pass that counts them per day. */
  restartingIds(): { recurring: number; far: number } | null {
    return this.layout?.kind === 'orders' ? this.orders.restartingIds() : null;
  }

  /** The end of a table (a file, or a sheet of a workbook read on into the next): the lines under its last summary row are its footer. */
  closeFooter(): void {
    this.settleFooter('end');
  }

  /** Call at the end of the records: throws if no header was found; returns file-level warnings. */
  end(): Warning[] {
    if (this.layout === null) this.giveUp();
    if (this.overlap !== null) this.endOverlap(false); // the file ended before the rows above did: not a repeat of them
    if (this.aboveTable !== null && [...this.groups.values()].every((acc) => acc.rows === 0)) this.backToWide();
    this.checkStacked();
    if (this.wide !== null) {
      if (this.tried.length) this.warnings.push({ code: 'PREAMBLE', message: `${this.tried.length} line(s) above the header (line ${this.headerLine}) were not read` });
      this.takeUnit(this.wide.choose(this.setup.file), 'row label'); // the revenue row's unit, or a title line's
      this.wide.write(this.group(''), this.money);
    }
    this.settleHeldTotals();
    this.settleLaterCancels();
    let summed = 0;
    for (const acc of this.groups.values()) summed += acc.breakdownRows;
    if (summed > 0) {
      const cols = this.otherCols.map((k) => JSON.stringify(this.headers[k])).join(', ');
      this.warnings.push({ code: 'BREAKDOWN_SUMMED', message: `${summed.toLocaleString('en-US')} row(s) share their date with other rows that differ in ${cols}: a report broken down by device, channel or product, summed per date (rows labelled 합계/Total are its totals and were left out)` });
    }
    if (this.periodRows && this.partialPeriods.length) {
      const n = this.partialPeriods.length;
      this.warnings.push({ code: 'PARTIAL_PERIODS', message: `${n} row(s) cover part of a week or month (${listHeaders(this.partialPeriods.slice(0, 3))}${n > 3 ? ', …' : ''}): ` +
        'left out as totals unlike the whole periods around them; if the export was cut mid-week or mid-month, the loss window ends with the last whole period' });
    }
    if (this.duplicateRows > 0) {
      this.warnings.push({ code: 'DUPLICATE_ROWS', message: `${this.duplicateRows.toLocaleString('en-US')} row(s) (from line ${this.duplicateLine}) repeat, cell for cell and in order, ` +
        'the rows just above them — exports of overlapping periods joined, with the header again between or without — and were left out (duplicate-row)' });
    }
    if (this.filledDown > 0) {
      const cols = L_ORDER_CELLS.map((f) => this.layout!.columns[f]).filter((c) => c !== undefined).join(', ');
      const n = `${this.filledDown.toLocaleString('en-US')} row(s) (from line ${this.filledLine})`;
      this.warnings.push({ code: 'MERGED_CELLS', message: this.layout!.id >= 0
        ? `${n} with the order id and date blank, right under an order's row, were read as further lines of that order, with its ${cols} ` +
          '(cells merged down over an order\'s lines in the spreadsheet this file was saved from)'
        : `${n} with the date blank, right under a dated row, were read on that row's date, with its ${cols} (a ledger writing each day's date once, or date cells merged down)` });
    }
    if (this.setup.idsByDay) {
      const { recurring, far } = this.setup.idsByDay;
      this.warnings.push({ code: 'IDS_RESTART_DAILY', message: `the order ids (${this.layout!.columns.id}) start again each day: ${far} of the ${recurring} first ids read on more than one day ` +
        `recur on ${MANY_DAYS} days or more over more than ${FAR_DAYS} days (a POS's or kiosk's daily numbers), so an order is an id on one day` +
        `${this.layout!.register >= 0 ? ` of one terminal (${this.headers[this.layout!.register]})` : ''}, its lines that day's rows of it` });
    }
    if (this.stacked > 0) {
      const { line, text } = this.stackedTitle;
      this.warnings.push({ code: 'STACKED_TABLES', message: `${this.stacked} more table(s) follow the first, each after the table above (its summary row, if any), a title line (line ${line}: ${clip(text)}) and the header again: ` +
        'their rows were read as this file\'s, the lines between them as the tables\' totals and titles (total-row); if the tables are different sellers\', export them apart' });
    }
    this.signWarning();
    if (this.setup.european === 'decimal-comma') {
      this.warnings.push({ code: 'DECIMAL_COMMA', message: 'amounts were read with a decimal comma (12,50 is 12.5; 1.234,50 is 1234.5): the file\'s own amounts can only be read that way' });
    } else if (this.setup.european === 'dot-thousands') {
      this.warnings.push({ code: 'DOT_THOUSANDS', message: 'amounts were read with dots grouping thousands (1.930.000 and 457.000 are 1930000 and 457000): the file\'s own amounts, or its currency (đồng, rupiah), can only be read that way' });
    } else if (this.cells.dotThree > 0 && this.cells.dotOther === 0 && this.cells.commaGrouped === 0) {
      const n = this.cells.dotThree.toLocaleString('en-US');
      this.warnings.push({ code: 'AMBIGUOUS_DOTS', message: `every amount with a dot has three digits after it (${n} cells, such as 152.000): they were read as decimals (152); ` +
        'if the dot groups thousands (đồng, rupiah: 152.000 is 152000), give --currency VND or IDR' });
    }
    if (this.setup.slash) {
      const how = this.setup.slash === 'mdy' ? 'month first (11/29/2025 is 29 November)'
        : this.setup.slash === 'ymd' ? 'year first (25/11/29 is 29 November 2025, as Korean POS receipts write it)' : 'day first (29/11/2025 is 29 November)';
      this.warnings.push({ code: 'SLASH_DATES', message: `dates with slashes (or dots and a 2-digit year: 01.04.25) were read ${how}: the file's own dates can only be read that way` });
    }
    const moved = this.dates.movedByHeader;
    if (moved > 0) {
      const zone = utcOffsetName(this.dates.headerOffset as number);
      this.warnings.push({ code: 'HEADER_TIME_ZONE', message: `the date column "${this.headers[this.layout!.date]}" names its zone: its times were read as ${zone} and counted on ${this.setup.tz} days, which moved ${moved.toLocaleString('en-US')} row(s) to another day than the one written` });
    }
    const foreign = this.dates.foreign;
    if (foreign.moved > 0) {
      const n = (k: number) => k.toLocaleString('en-US');
      this.warnings.push({ code: 'FOREIGN_OFFSET', message: `${n(foreign.cells)} time(s) carry an offset of neither UTC nor ${this.setup.tz} (first ${utcOffsetName(foreign.offset)}): ` +
        `they were counted on ${this.setup.tz} days, which moved ${n(foreign.moved)} row(s) to another day than the one written; ` +
        `if the seller's days are that zone's, name it with --tz (an IANA zone such as America/New_York)` });
    }
    if (this.yearless > 0) {
      this.warnings.push({ code: 'YEAR_FROM_TITLE', message: `${this.yearless.toLocaleString('en-US')} date(s) without a year (first ${clip(this.yearlessCell)}) were read in the period ` +
        `the title above the header names, ${this.period![0]} … ${this.period![1]}` });
    }
    if (this.orders.subtotalsOff > 0) {
      const first = this.orders.subtotalOff!;
      this.warnings.push({ code: 'SUBTOTALS_DIFFER', message: `${this.orders.subtotalsOff.toLocaleString('en-US')} dated row(s) labelled as a subtotal (소계, 일계, 합계…) are not the sum of the sales above them ` +
        `(first: line ${first.line}, ${clip(first.amount)}): left out as subtotals all the same; check them for a typo, returns netted out, or a day without its subtotal` });
    }
    if (this.orders.roundedIds > 0) {
      const n = this.orders.roundedIds.toLocaleString('en-US');
      this.warnings.push({ code: 'ROUNDED_ORDER_IDS', message: `${n} row(s) have an order id a spreadsheet rounded to scientific notation ("${this.orders.roundedExample}"), which no longer tells orders apart: rows were told apart by that id and their time (without a time, each row is an order of its own); export the file again without saving it from Excel, or format the id column as text` });
    }
    if (this.orders.saturated) {
      this.warnings.push({ code: 'ORDER_IDS_UNCHECKED', message: `over ${IdFilter.MAX_IDS.toLocaleString('en-US')} distinct order ids: past them, the lines of an order count once only when they lie within ${RECENT_IDS_WINDOW / 2} orders of each other; sort the file by order id to be sure` });
    }
    this.closeFooter();
    if (this.columnSums.length) {
      const at = this.columnSums.slice(0, 5).join(', ');
      this.warnings.push({ code: 'COLUMN_SUM_ROWS', message: `${this.columnSums.length} row(s) without a date or an order id (line ${at}${this.columnSums.length > 5 ? ', …' : ''}) hold a sum of the amount column ` +
        '(the sum over every row above them, or numbers only, twice any row\'s or more, with nothing but such lines after them): left out as totals (total-row), as Excel\'s =SUM() under a list leaves them' });
    }
    if (this.otherSellers.size) {
      const n = this.otherSellers.size + 1;
      this.warnings.push({ code: 'MULTIPLE_SELLERS', message: `the seller column "${this.layout?.columns.seller}" holds ${n >= 1001 ? 'over 1000' : n} different values: all rows are read as one seller; use batch --by to split them` });
    }
    return this.warnings;
  }
}

/**
 * Cells written to keep Excel from converting them, as their text, in place: `="2025-09-01"`
 * (admin downloads' text-forcing formula, CSV-quoted or not) and a leading apostrophe
 * (`'2025-09-01 13:05`, `'0012`: Excel's text prefix, kept by some exporters).
 */
function unwrapTextCells(rec: string[]): void {
  for (let k = 0; k < rec.length; k++) {
    const c = rec[k];
    const f = c.charCodeAt(0);
    if (f === 61 /* = */ && c.length >= 3 && c.charCodeAt(1) === 34 && c.charCodeAt(c.length - 1) === 34) rec[k] = c.slice(2, -1);
    else if (f === 39 /* ' */ && c.length > 1) rec[k] = c.slice(1);
  }
}

/** Whether every cell is blank. */
function isBlankRecord(rec: string[]): boolean {
  for (let k = 0; k < rec.length; k++) if (!isBlankCell(rec[k])) return false;
  return true;
}

/** A row longer than the header whose extra cells are all blank (a trailing delimiter) loses nothing. */
function extraCellsBlank(rec: string[], width: number): boolean {
  if (rec.length < width) return false;
  for (let k = width; k < rec.length; k++) if (!isBlankCell(rec[k])) return false;
  return true;
}

/** A fixed offset as people write it: `utcOffsetName(-300) === 'UTC-05:00'`, `utcOffsetName(0) === 'UTC'`. */
function utcOffsetName(off: number): string {
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  return `UTC${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * One header from two lines: a cell of the second line takes the name of the first line's cell
 * above it, or of the merged cell it sits under (the nearest filled one to its left), as
 * `결제 배송비`; a total under a merged name (`합계` under 결제금액) is that name's column, and a
 * name that is a field by itself (`결제금액` under 결제) keeps its own. Cells blank on the second
 * line keep the first line's name (merged down: 주문번호).
 */
export function joinHeaderLines(top: string[], sub: string[]): string[] {
  let group = '';
  // as long as the longer line: a workbook's row ends at its last value, so a merged cell closing the header leaves the top row short
  return Array.from({ length: Math.max(top.length, sub.length) }, (_, k) => {
    const t = top[k] ?? '';
    if (t !== '') group = t;
    const s = sub[k] ?? '';
    if (s === '') return t;
    const g = t !== '' ? t : group;
    if (g === '') return s;
    const joined = `${g} ${s}`;
    if (fieldOfHeader(joined)) return joined;
    if (isTotalLabel(s) && fieldOfHeader(g)) return g;
    return fieldOfHeader(s) ? s : joined;
  });
}

/** Equal values, or both unknown (NaN): a column the file does not have matches itself. */
function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b) || Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
}
