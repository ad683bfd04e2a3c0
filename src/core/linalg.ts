// Tiny dense linear algebra for p × p systems (p ≲ 20): all a GLM needs; and array helpers.
// Matrices are row-major Float64Array of length p*p.

/**
 * Cholesky factor L (lower, row-major) of a symmetric positive-definite A, or null when
 * A is not positive definite. Example: chol([4,2,2,3], 2) → [2,0,1,√2].
 */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * p + i] = Math.sqrt(s);
      } else {
        l[i * p + j] = s / l[j * p + j];
      }
    }
  }
  return l;
}

/** Solve L Lᵀ x = b given the Cholesky factor L. */
export function cholSolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * y[k];
    y[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/** Inverse of A from its Cholesky factor (column by column). */
export function cholInverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i];
  }
  return inv;
}

/**
 * `Float64Array.from(src, f)` as a plain loop: V8 runs typed-array `from` with a mapping
 * function through the iterator protocol, ~15× slower, and the core calls it in hot paths.
 */
export function mapToFloat64(src: ArrayLike<number>, f: (v: number, i: number) => number): Float64Array {
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i], i);
  return out;
}

/** Dot product of the first n entries. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
