// Plain data shared by ingest, core, render and batch. No behaviour here.

/** ISO calendar day, 'YYYY-MM-DD'. */
export type ISODate = string;

/** A warning is data: a stable code and a sentence for people. */
export interface Warning {
  code: string;
  message: string;
}

/** The two measured quantities of a seller. */
export type Metric = 'orders' | 'revenue';

/** What kind of file a seller gave us. */
export type InputKind = 'orders' | 'daily';

/**
 * A dense daily series from `start` (index i is day start + i). `null` marks an
 * unknown day (a missing row in a daily aggregate), never a zero.
 */
export interface DailySeries {
  start: ISODate;
  orders: (number | null)[];
  revenue: (number | null)[];
}

/** Logical columns an export can map to (DESIGN §4 `--columns`). */
export type Field = 'date' | 'amount' | 'quantity' | 'orders' | 'revenue' | 'status' | 'id' | 'seller' | 'price' | 'cancelled' | 'refunded' | 'currency' | 'type';

/** What ingest learned about the file: recorded verbatim in the claim's `input`. */
export interface InputInfo {
  file: string;
  sha256: string;
  kind: InputKind;
  encoding: string;
  delimiter: string;
  rows: number;
  rowsUsed: number;
  rowsSkipped: Record<string, number>;
  firstDate: ISODate;
  lastDate: ISODate;
  headers: string[];
  columns: Partial<Record<Field, string>>;
  /** Why the kind was chosen, in words (shown by `inspect`). */
  kindReason: string;
  /** Days inside the coverage with no data (aggregates: unknown; orders: zero-order days). */
  emptyDays: number;
  /**
   * With a currency column: the distinct currencies of the rows used, sorted (`["USD"]`; codes
   * upper-cased, ₩/원 as KRW, `$` and `¥` kept as symbols). Never converted: only compared with
   * the claim's currency. Absent without such a column.
   */
  currencies?: string[];
  /**
   * An order export's last day when it was plainly exported partway through (ingest/aggregate.ts
   * partialLastDay): the time of its last order and the share of a usual day's orders by then.
   */
  partialLastDay?: { date: ISODate; lastOrderAt: string; shareOfDay: number };
}

/** Everything ingest hands to the core for one seller. */
export interface Ingested {
  info: InputInfo;
  series: DailySeries;
  warnings: Warning[];
}
