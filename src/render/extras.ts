// Optional claim fields read in one place: recovery, interest and the placebo p-value may be
// absent (older claims, or a core that does not produce them yet), so renderers ask here
// and show a section only when its field is present.
import type { Claim } from '../core/claim.js';

/** When sales came back: `date` null = not within the loss window. */
export interface Recovery { date: string | null; metric?: 'orders' | 'revenue'; days?: number }
/** Simple interest on lost profit up to `asOf`. */
export interface Interest { rate: number; asOf: string; amount: number; lower: number; upper: number }
/** Placebo test: the observed loss against pseudo-incidents inside the baseline. */
export interface Placebo { windows: number; exceeding: number; pValue: number | null }

type Loose = { recovery?: Recovery | null; interest?: Interest | null };

/** `claim.recovery`, or undefined when the claim has none. */
export function recoveryOf(c: Claim): Recovery | undefined {
  const r = (c as unknown as Loose).recovery;
  return r && typeof r === 'object' ? r : undefined;
}

/**
 * Whether the claim shows no loss at all: every interval of orders and revenue it has lies below
 * zero (sales above the counterfactual), so "cannot rule out no loss" and a recovery date mislead.
 */
export function aboveExpected(c: Claim): boolean {
  const shown = [c.totals.orders, c.totals.revenue].filter((t) => t.expected !== null && t.upper !== null);
  return shown.length > 0 && shown.every((t) => (t.upper as number) < 0);
}

/** `claim.interest`, or undefined. */
export function interestOf(c: Claim): Interest | undefined {
  const i = (c as unknown as Loose).interest;
  return i && typeof i === 'object' ? i : undefined;
}

/** `claim.significance[metric].placebo`, or undefined. */
export function placeboOf(c: Claim, metric: 'orders' | 'revenue'): Placebo | undefined {
  const p = (c.significance[metric] as { placebo?: Placebo | null }).placebo;
  return p && typeof p === 'object' ? p : undefined;
}
