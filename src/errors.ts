// Problems are data with codes; only src/cli.ts turns them into an exit code (DESIGN §3.8).

/** Exit statuses of the contract (DESIGN §4). */
export const EXIT = { ok: 0, data: 1, usage: 2, batchFailures: 3, internal: 70 } as const;

/**
 * Every coded error and the exit status it maps to. Tests check codes, not wording.
 * `data` = the input cannot support an estimate; `usage` = a bad flag or value.
 */
export const ERROR_CODES = {
  // usage (exit 2)
  USAGE: 'usage',
  BAD_OPTION: 'usage',
  BAD_DATE: 'usage',
  BAD_WINDOW: 'usage',
  BAD_CONFIG: 'usage',
  UNKNOWN_COLUMN: 'usage',
  UNKNOWN_HOLIDAYS: 'usage',
  UNKNOWN_MODEL: 'usage',
  OUT_IS_INPUT: 'usage',
  UNTIL_BEFORE_INCIDENT: 'usage',
  UNKNOWN_SHEET: 'usage',
  // data (exit 1)
  FILE_NOT_FOUND: 'data',
  FILE_UNREADABLE: 'data',
  EMPTY_FILE: 'data',
  BINARY_FILE: 'data',
  BAD_ENCODING: 'data',
  BAD_CSV: 'data',
  NO_HEADER: 'data',
  NO_DATE_COLUMN: 'data',
  NO_AMOUNT_COLUMN: 'data',
  BAD_DATES: 'data',
  BAD_NUMBERS: 'data',
  DUPLICATE_DATES: 'data',
  REPEATED_TABLE: 'data',
  NEGATIVE_VALUES: 'data',
  NO_ROWS: 'data',
  FIELD_TOO_LARGE: 'data',
  TOO_MANY_COLUMNS: 'data',
  INCIDENT_OUTSIDE_DATA: 'data',
  BASELINE_TOO_SHORT: 'data',
  NO_LOSS_WINDOW_DATA: 'data',
  CONTROL_AFFECTED: 'data',
  CONTROL_INCOMPLETE: 'data',
  UNSUPPORTED_PERIOD: 'data',
  UNSUPPORTED_FORMAT: 'data',
  BAD_WORKBOOK: 'data',
  FILE_TOO_LARGE: 'data',
  PASSWORD_REQUIRED: 'data',
  WRONG_PASSWORD: 'data',
  WRITE_FAILED: 'data',
  // a bug (exit 70)
  INTERNAL: 'internal',
} as const satisfies Record<string, keyof typeof EXIT>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem the user can act on: a stable code, a one-line message and an optional hint. */
export class LossCalcError extends Error {
  override readonly name = 'LossCalcError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** Exit status of this error, per the contract. */
  get exitCode(): number {
    return EXIT[ERROR_CODES[this.code]];
  }
}

/** Shorthand for throwing a coded error: `fail('BAD_DATE', 'not a date: x')`. */
export function fail(code: ErrorCode, message: string, hint?: string): never {
  throw new LossCalcError(code, message, hint);
}

/** Whether a value is one of our coded errors (also across worker-thread boundaries). */
export function isLossCalcError(e: unknown): e is LossCalcError {
  return e instanceof LossCalcError;
}
