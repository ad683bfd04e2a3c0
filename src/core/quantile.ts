// Small statistics helpers with worked examples.

/** Linear-interpolated quantile of a sorted array: `quantileSorted([1,2,3,4], 0.5) === 2.5`. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The same value as `quantileSorted` of the sorted array, by selection (O(n), not a sort):
 * `quantileSelect([4,1,3,2], 0.5) === 2.5`. Reorders `values` in place.
 */
export function quantileSelect(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  selectInPlace(values, lo);
  if (lo + 1 >= n || pos === lo) return values[lo];
  let next = values[lo + 1]; // everything right of lo is ≥ it: the next order statistic is their minimum
  for (let i = lo + 2; i < n; i++) if (values[i] < next) next = values[i];
  return values[lo] + (next - values[lo]) * (pos - lo);
}

/** Reorder `a` so a[k] is its k-th smallest, smaller ones left, larger right (Hoare's quickselect). */
function selectInPlace(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // median of three as pivot: sorted or constant columns stay O(n)
    const mid = (left + right) >> 1;
    const pivot = Math.max(Math.min(a[left], a[mid]), Math.min(Math.max(a[left], a[mid]), a[right]));
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Median of any array (copied, not mutated): `median([3,1,2]) === 2`. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/** Mean: `mean([1,2,3]) === 2`. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/** Sample standard deviation (n − 1): `standardDeviation([1, 2, 3]) === 1`. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}
