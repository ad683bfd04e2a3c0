// Options of every command, validated once at the edge (DESIGN §3.4), and DEFAULTS in one place (§3.10).
import { z } from 'zod';
import { toDay } from './core/dates.js';
import type { Field } from './core/types.js';

/** Defaults and tuning constants of the CLI contract. Model constants live in core/tuning.ts. */
export const DEFAULTS = {
  holidays: 'KR',
  model: 'auto',
  level: 0.95,
  seed: 1,
  format: 'table',
  tz: 'Asia/Seoul',
  currency: 'KRW',
  lang: 'en',
  baselineMaxDays: 365,
  minBaselineDays: 28,
} as const;

export const FORMATS = ['table', 'json', 'csv', 'tsv', 'ndjson', 'html', 'text'] as const;
export type Format = (typeof FORMATS)[number];

/** ISO 4217 codes the runtime knows (Intl: 160-odd, every one in use). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const FIELDS = ['date', 'amount', 'quantity', 'orders', 'revenue', 'status', 'id', 'seller', 'price', 'cancelled', 'refunded', 'currency', 'type'] as const satisfies readonly Field[];

// Year-first dates as people type them: 2025-11-29, 2025.11.29, 2025/11/29, 20251129, 2025년 11월 29일
// (never day- or month-first: 11/29 vs 29/11 is the user's to spell out).
const TYPED_DATE = /^(\d{4})(?:([-./])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2})|\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일)$/;

/**
 * A date option as ISO `YYYY-MM-DD`, or null when it is not a real year-first date:
 * `typedDate('2025.11.29') === '2025-11-29'`, `typedDate('2025년 11월 9일') === '2025-11-09'`.
 */
export function typedDate(s: string): string | null {
  const m = TYPED_DATE.exec(s.trim());
  if (!m) return null;
  const pad = (v: string) => v.padStart(2, '0');
  const iso = `${m[1]}-${pad(m[3] ?? m[5] ?? m[7])}-${pad(m[4] ?? m[6] ?? m[8])}`;
  return Number.isFinite(toDay(iso)) ? iso : null;
}

const DATE_MESSAGE = 'expected a date like 2025-11-29 (2025.11.29, 20251129 and 2025년 11월 29일 are read too)';

const isoDate = z.string().transform((s, ctx) => {
  const iso = typedDate(s);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
    return z.NEVER;
  }
  return iso;
});

/** `START..END`, inclusive, START ≤ END; either end a date as typedDate reads it. */
export const windowSchema = z
  .string()
  .transform((s, ctx) => {
    const parts = s.trim().split('..');
    const [start, end] = parts.length === 2 ? parts.map(typedDate) : [null, null];
    if (start === null || end === null) {
      ctx.addIssue({ code: 'custom', message: `expected START..END like 2024-11-01..2025-10-31, got "${s}"` });
      return z.NEVER;
    }
    if (toDay(start) > toDay(end)) {
      ctx.addIssue({ code: 'custom', message: `window "${s}" ends before it starts` });
      return z.NEVER;
    }
    return { start, end };
  });
export type Window = { start: string; end: string };

/** `date=주문일시,amount=결제금액` → {date: '주문일시', amount: '결제금액'}. */
export const columnsSchema = z.string().transform((s, ctx) => {
  const out: Partial<Record<Field, string>> = {};
  const issue = (message: string) => void ctx.addIssue({ code: 'custom', message });
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toLowerCase() as Field;
    const header = part.slice(eq + 1).trim();
    if (eq < 1 || !FIELDS.includes(key) || !header) {
      issue(`expected key=Header with key one of ${FIELDS.join(', ')}, got "${part}"`);
      return z.NEVER;
    }
    // one field named twice, or one header for two fields: the last would win silently, and the data then fail
    if (out[key] !== undefined) issue(`${key} is named twice ("${out[key]}" and "${header}")`);
    const other = (Object.keys(out) as Field[]).find((k) => out[k] === header);
    if (other) issue(`"${header}" is named for both ${other} and ${key}`);
    if (out[key] !== undefined || other) return z.NEVER;
    out[key] = header;
  }
  return out;
});

/** `--missing-days`: how a daily aggregate's dates without a row are read (ingest/aggregate.ts). */
export const missingDaysSchema = z.enum(['unknown', 'zero']).default('unknown');

/** `--sheet`: a sheet name or its tab number (a number from --config is its tab number). */
export const sheetSchema = z.union([z.string().trim().min(1), z.number().int().min(1)]).transform(String);

/** A decimal number as typed (`0.95`, `-5`, `1e3`): not hex, octal or binary, which Number() would read (`0x1` is 1). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const decimal = (v: string) => (DECIMAL.test(v.trim()) ? Number(v) : NaN);
/** A number, or a percentage of 1 (`30%` is 0.3). */
const percentOr = (v: string) => (v.endsWith('%') ? decimal(v.slice(0, -1)) / 100 : decimal(v));

const numberish = z.union([z.number(), z.string().trim().min(1).transform(decimal)]).pipe(z.number({ error: 'expected a number in decimals, like 7 or 0.5' }));

/** A share of 1, as a fraction or a percentage: `0.3` or `30%` (a bare 30 is refused, not guessed). */
const share = (min: 'gt0' | 'min0', what: string) =>
  z.union([z.number(), z.string().trim().min(1, { error: `expected ${what}, like 0.3 or 30%` })])
    .transform((v) => (typeof v !== 'string' ? v : percentOr(v)))
    .pipe(z.number({ error: `expected ${what} as a fraction or a percentage, like 0.3 or 30%` })
      .refine((n) => Number.isFinite(n) && (min === 'gt0' ? n > 0 : n >= 0) && n <= 1, { error: `expected ${what} from ${min === 'gt0' ? 'above ' : ''}0 to 1 (100%), like 0.3 or 30%` }));

/** Options shared by `estimate` and `batch`. Strings arrive from flags, numbers may come from --config. */
export const estimateOptionsSchema = z
  .object({
    incident: isoDate,
    until: isoDate.optional(),
    baseline: windowSchema.optional(),
    exclude: z.array(windowSchema).default([]),
    holidays: z
      .string()
      .regex(/^([A-Za-z]{2}|none)$/, 'expected a country code like KR, or none')
      .default(DEFAULTS.holidays),
    model: z.string().default(DEFAULTS.model),
    control: z.string().optional(),
    margin: share('gt0', 'a margin').optional(),
    level: z.union([z.number(), z.string().trim().min(1).transform(percentOr)])
      .pipe(z.number({ error: 'expected a level like 0.95 or 95%' }).gt(0.5, { error: 'expected a level above 0.5 (50%) and below 1, like 0.95 or 95%' })
        .lt(1, { error: 'expected a level above 0.5 (50%) and below 1, like 0.95 or 95%' })).default(DEFAULTS.level),
    seed: numberish.pipe(z.number().int().min(0).max(2 ** 32 - 1)).default(DEFAULTS.seed),
    format: z.enum(FORMATS).optional(),
    // `-` is stdout, as for most command-line tools (it wrote a file named `-`)
    out: z.string().optional().transform((v) => (v === '-' ? undefined : v)),
    daily: z.boolean().default(false),
    // (a string from the command line, its own messages; an object from --config)
    columns: z.union([z.string(), z.record(z.string(), z.string())]).transform((v, ctx): Partial<Record<Field, string>> => {
      if (typeof v !== 'string') return v as Partial<Record<Field, string>>;
      const r = columnsSchema.safeParse(v);
      if (r.success) return r.data;
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message });
      return z.NEVER;
    }).optional(),
    tz: z
      .string()
      .refine(isTimeZone, { message: 'expected an IANA time zone like Asia/Seoul' })
      .default(DEFAULTS.tz),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'expected a 3-letter currency code')
      .refine((c) => CURRENCIES.has(c.toUpperCase()), 'not an ISO 4217 currency code (KRW, USD, JPY, EUR …); a typo such as KWR would label every amount')
      .default(DEFAULTS.currency),
    seller: z.string().optional(),
    lang: z.enum(['en', 'ko']).default(DEFAULTS.lang),
    period: z.enum(['day', 'week', 'month']).optional(),
    interestRate: share('min0', 'a yearly rate').optional(),
    asOf: isoDate.optional(),
    bom: z.boolean().default(false),
    keepOneOffs: z.boolean().default(false),
    color: z.boolean().optional(),
    sheet: sheetSchema.optional(),
    password: z.string().optional(),
    missingDays: missingDaysSchema,
  })
  .refine((o) => (o.interestRate === undefined) === (o.asOf === undefined), {
    message: '--interest-rate and --as-of go together',
    path: ['interestRate'],
  });

export type EstimateOptions = z.output<typeof estimateOptionsSchema>;

/** Whether `tz` is an IANA time zone this runtime knows (`Asia/Seoul`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
