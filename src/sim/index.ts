// The simulator's public surface: sellers with a known true loss, their rows and files.
export { SIM_DEFAULTS, resolveParams, type ResolvedParams, type SellerParams, type SimFormat, type TrendKind } from './params.js';
export {
  calendarFactors, cutAt, dailyRecords, simDay, simulateSeller, toDailySeries, truthOver,
  type SimDay, type SimTruth, type SimulatedSeller,
} from './simulate.js';
export { monthlyTotals, type SimMonth } from './monthly.js';
export { HOUR_WEIGHTS, orderRows, type OrderRow, type OrderRowOptions } from './orders.js';
export { DESIGNS, DESIGN_NOTES, OPT_IN_DESIGNS, designSeller, type Design } from './designs.js';
export {
  coupangLines, dailyLines, fileKindFor, englishLines, monthlyLines, truthJson, truthRecord, writeLines, writeSeller,
  type SimFileKind,
} from './write.js';
