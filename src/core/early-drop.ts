// A drop that began before --incident: the baseline's last weeks already well below what the
// baseline before them predicts (the settlement delays before a platform's collapse was
// announced, a boycott before the breach made the news). Unsaid, it costs the claim twice: the
// level filter follows the drop, so the counterfactual is too low, and the early days' loss is
// outside the window. Only said, never acted on: the incident date is the claimant's to choose.
import { countModel } from './models/count.js';
import type { TrainingData } from './models/model.js';
import { Rng } from './random.js';

/** How far back from the incident a drop is looked for (days). */
export const DROP_LOOKBACK_DAYS = 28;
/** Fewest days of a drop: a day or two is noise or an outage (CLOSED_DAYS), not an incident. */
export const DROP_MIN_DAYS = 4;
/** A drop worth saying: the days at most 80 % of their forecast... */
export const DROP_MAX_RATIO = 0.8;
/** ...and far outside its spread: z ≤ −4 is p ≈ 3e-5 for one stretch, ≤ 1e-3 over all 25 tried. */
export const DROP_MAX_Z = -4;
/** The stretch's older half must be down as well: by half as much, two sds out. */
const OLDER_HALF_MAX_RATIO = (1 + DROP_MAX_RATIO) / 2;
const OLDER_HALF_MAX_Z = -2;
/** Observed days the reference fit needs before the last weeks. */
const MIN_FIT_DAYS = 56;
const PATHS = 400;

export interface EarlyDrop {
  /** First day of the stretch (a day number) and its observed days. */
  start: number;
  days: number;
  /** Actual over forecast on those days, and how many of the forecast's sds below it. */
  ratio: number;
  z: number;
  /** The stretch is the whole look-back: the drop may have begun earlier still. */
  atLimit: boolean;
}

/**
 * The stretch at the end of the daily baseline `t` (up to `lossStart`) most clearly below what
 * the count model (weekday and holiday effects, a wandering level, negative-binomial days) fitted
 * on the baseline before the last DROP_LOOKBACK_DAYS days predicts for it; null when none is
 * both ≥ 20 % down and z ≤ −4 against the model's simulated sums (level noise and parameter
 * uncertainty included), with its older half down too (≤ 90 %, z ≤ −2). Days of a major
 * holiday the reference fit has never seen are left out.
 */
export function dropBeforeIncident(t: TrainingData, lossStart: number, seed: number): EarlyDrop | null {
  return beforeIncident(t, lossStart, seed).drop;
}

/**
 * A surge worth saying: the days at least 150 % of their forecast, z ≥ +4, the older half up by half as
 * much: a promotion's lift. (The reference fit's level may sit ~15 % off after a quiet or busy month
 * of plain Poisson days, so a 25 % bar flagged ordinary sellers; a surge costs the claim only when large.)
 */
export const SURGE_MIN_RATIO = 1.5;

/**
 * The baseline's last weeks against the fit before them, both ways: a drop (dropBeforeIncident) and a
 * surge — a promotion or a burst of demand just before the incident (a sale ending the day before),
 * which the level filter carries into the counterfactual: every model forecasts the surge on, and the
 * claim counts its end as loss. `end` of a surge is its last observed day. One fit and one set of
 * paths for both.
 */
export function beforeIncident(t: TrainingData, lossStart: number, seed: number): { drop: EarlyDrop | null; surge: (EarlyDrop & { end: number }) | null } {
  const none = { drop: null, surge: null };
  if (t.period !== 'day' || t.oneOffs?.zerosAtEnd) return none; // zeros at the end: ZEROS_BEFORE_INCIDENT says it
  const n = t.days.length;
  let cut = n;
  while (cut > 0 && t.days[cut - 1] >= lossStart - DROP_LOOKBACK_DAYS) cut--;
  if (cut < MIN_FIT_DAYS) return none;
  const ref = { ...t, days: t.days.subarray(0, cut), y: t.y.subarray(0, cut) };
  let seenMajor = false;
  for (let i = 0; i < cut && !seenMajor; i++) seenMajor = t.holidayOf(t.days[i]) === 2;
  const tail: number[] = [];
  for (let i = cut; i < n; i++) if (seenMajor || t.holidayOf(t.days[i]) !== 2) tail.push(i);
  const h = tail.length;
  if (h < DROP_MIN_DAYS) return none;
  const paths = countModel.fit(ref).simulate(Int32Array.from(tail, (i) => t.days[i]), PATHS, new Rng(seed));
  // for each k = 1..h, the sum of the last k points: its mean and mean square over the paths
  // (running sums from the end) and the actual sum; and the mean square of the stretch's older
  // half (its first ⌊k/2⌋ points), so a dip at the very end is not taken for a drop
  const half = (k: number) => k - Math.floor(k / 2); // the older half is points half(k)+1..k from the end
  const sq = new Float64Array(h + 1), mean = new Float64Array(h + 1), actual = new Float64Array(h + 1);
  const sqOld = new Float64Array(h + 1);
  const run = new Float64Array(h + 1);
  for (let s = 0; s < PATHS; s++) {
    for (let k = 1; k <= h; k++) run[k] = run[k - 1] + paths[s * h + h - k];
    for (let k = 1; k <= h; k++) {
      const old = run[k] - run[half(k)];
      mean[k] += run[k] / PATHS;
      sq[k] += (run[k] * run[k]) / PATHS;
      sqOld[k] += (old * old) / PATHS;
    }
  }
  for (let k = 1; k <= h; k++) actual[k] = actual[k - 1] + t.y[tail[h - k]];
  const zOf = (a: number, m: number, m2: number) => (a - m) / Math.sqrt(Math.max(m2 - m * m, 1e-12));
  let drop: EarlyDrop | null = null;
  let surge: (EarlyDrop & { end: number }) | null = null;
  for (let k = DROP_MIN_DAYS; k <= h; k++) {
    if (!(mean[k] > 0)) continue;
    const z = zOf(actual[k], mean[k], sq[k]);
    const ratio = actual[k] / mean[k];
    // a drop, not a dip: the older half is down too, clearly (a two-day outage after normal days
    // is not a four-day drop); a surge likewise, not a day or two of big orders
    const oldMean = mean[k] - mean[half(k)];
    const oldActual = actual[k] - actual[half(k)];
    const oldZ = zOf(oldActual, oldMean, sqOld[k]);
    const found = { start: t.days[tail[h - k]], days: k, ratio, z, atLimit: k === h };
    const oldDown = oldActual <= OLDER_HALF_MAX_RATIO * oldMean && oldZ <= OLDER_HALF_MAX_Z;
    if (ratio <= DROP_MAX_RATIO && z <= DROP_MAX_Z && oldDown && (!drop || z < drop.z)) drop = found;
    const oldUp = oldActual >= ((1 + SURGE_MIN_RATIO) / 2) * oldMean && oldZ >= -OLDER_HALF_MAX_Z;
    if (ratio >= SURGE_MIN_RATIO && z >= -DROP_MAX_Z && oldUp && (!surge || z > surge.z)) surge = { ...found, end: t.days[tail[h - 1]] };
  }
  return { drop, surge };
}
