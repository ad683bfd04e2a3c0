// Monthly totals of a simulated seller, for sellers who only have month figures.
import { fromDay } from '../core/dates.js';
import type { ISODate } from '../core/types.js';
import type { SimulatedSeller } from './simulate.js';

/** Totals of one calendar month. */
export interface SimMonth {
  /** First day of the month, 'YYYY-MM-01'. */
  month: ISODate;
  /** Days of the month inside the simulation. */
  days: number;
  /** Whether every day of the month was simulated. */
  complete: boolean;
  cfOrders: number;
  cfRevenue: number;
  orders: number;
  revenue: number;
}

/**
 * Month totals, oldest first. Only complete months unless `partial` is set.
 * A 2023-01-01 start with 36 × ~30.4 days gives 36 complete months.
 */
export function monthlyTotals(sim: SimulatedSeller, partial = false): SimMonth[] {
  const out: SimMonth[] = [];
  let cur: SimMonth | null = null;
  for (let i = 0; i < sim.days; i++) {
    const iso = fromDay(sim.startDay + i);
    const key = iso.slice(0, 8) + '01';
    if (!cur || cur.month !== key) {
      cur = { month: key, days: 0, complete: false, cfOrders: 0, cfRevenue: 0, orders: 0, revenue: 0 };
      out.push(cur);
    }
    cur.days++;
    cur.cfOrders += sim.cfOrders[i];
    cur.cfRevenue += sim.cfRevenue[i];
    cur.orders += sim.orders[i];
    cur.revenue += sim.revenue[i];
  }
  for (const m of out) {
    const [y, mo] = [+m.month.slice(0, 4), +m.month.slice(5, 7)];
    m.complete = m.days === new Date(Date.UTC(y, mo, 0)).getUTCDate();
  }
  return partial ? out : out.filter((m) => m.complete);
}
