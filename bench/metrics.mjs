// Pure metric helpers of the accuracy benchmark. Each takes plain numbers or rows
// `{est, lower, upper, truth, ref}` and ignores rows it cannot score (null fields), so
// a failed estimate lowers `n`, never the score. Worked examples are in the docs and in
// test/bench-metrics.test.ts.

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/** Median of the finite values; NaN when there are none. `median([3, 1, 2]) === 2`, `median([1, 2, 3, 4]) === 2.5`. */
export function median(xs) {
  const v = xs.filter(finite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** |est − truth| / |truth|; null when truth is 0 (a relative error is undefined). `absPctError(90, 100) === 0.1`. */
export function absPctError(est, truth) {
  if (!finite(est) || !finite(truth) || truth === 0) return null;
  return Math.abs(est - truth) / Math.abs(truth);
}

/** Median of absPctError over rows `{est, truth}`. `[{est: 110, truth: 100}, {est: 50, truth: 100}, {est: 3, truth: 0}]` → 0.3. */
export function medianAbsPctError(rows) {
  return median(rows.map((r) => absPctError(r.est, r.truth)));
}

/** Whether lower ≤ truth ≤ upper (inclusive); null when any bound is missing. */
export function covers(lower, upper, truth) {
  if (!finite(lower) || !finite(upper) || !finite(truth)) return null;
  return lower <= truth && truth <= upper;
}

/** Share of rows `{lower, upper, truth}` whose interval covers the truth; NaN when none can be scored. */
export function coverage(rows) {
  return share(rows.map((r) => covers(r.lower, r.upper, r.truth)));
}

/** (upper − lower) / |ref|; null when ref is 0 or missing. `relWidth(80, 120, 100) === 0.4`. */
export function relWidth(lower, upper, ref) {
  if (!finite(lower) || !finite(upper) || !finite(ref) || ref === 0) return null;
  return (upper - lower) / Math.abs(ref);
}

/** Median relWidth over rows `{lower, upper}`, relative to `row[key]` ('truth' or 'ref'). */
export function medianRelWidth(rows, key = 'truth') {
  return median(rows.map((r) => relWidth(r.lower, r.upper, r[key])));
}

/** Share of `true` among the booleans (nulls skipped); NaN when none. `share([true, false, null, true, true]) === 0.75`. */
export function share(flags) {
  const v = flags.filter((f) => f === true || f === false);
  return v.length === 0 ? NaN : v.filter(Boolean).length / v.length;
}
