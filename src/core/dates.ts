// Calendar days as integers (days since 1970-01-01, UTC) so windows are plain ranges.

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or NaN when it is not a real date: `toDay('1970-01-02') === 1`. */
export function toDay(iso: string): number {
  const m = ISO_DAY.exec(iso);
  if (!m) return NaN;
  return dayFromParts(+m[1], +m[2], +m[3]);
}

/** Day number from year, month (1–12), day; NaN for impossible dates like 2025-02-30. */
export function dayFromParts(y: number, mo: number, d: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return Math.round(t / MS_PER_DAY);
}

/** ISO date of a day number: `fromDay(0) === '1970-01-01'`. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Add days to an ISO date: `addDays('2025-12-31', 1) === '2026-01-01'`. */
export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

/** Inclusive count of days from a to b: `daysBetween('2025-01-01','2025-01-01') === 1`. */
export function daysInclusive(a: string, b: string): number {
  return toDay(b) - toDay(a) + 1;
}
