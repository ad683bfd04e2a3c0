// Day-to-day noise of a fitted model, resampled in blocks so that future paths keep the
// baseline's serial correlation and its real (skewed, heavy-tailed) error shape.
import type { Rng } from './random.js';
import { TUNING } from './tuning.js';
import { varianceAt, type VarianceFn } from './glm.js';

/** Standardised residuals of a fit, in time order, and how to resample them. */
export class BlockBootstrap {
  /** Lag-1 autocorrelation of the residuals (0 when too few). */
  readonly lag1: number;

  constructor(
    private readonly residuals: Float64Array,
    private readonly block: number = TUNING.blockLength,
  ) {
    this.lag1 = lag1Autocorrelation(residuals);
  }

  /** Pearson residuals (y − μ)/√V(μ) of a fit. */
  static fromFit(y: ArrayLike<number>, mu: ArrayLike<number>, v: VarianceFn, block: number = TUNING.blockLength): BlockBootstrap {
    const r = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) r[i] = (y[i] - mu[i]) / Math.sqrt(varianceAt(v, mu[i]));
    return new BlockBootstrap(r, block);
  }

  /** Fill `out[offset … offset+h)` with a moving-block resample (circular blocks). */
  sample(out: Float64Array, offset: number, h: number, rng: Rng): void {
    const n = this.residuals.length;
    if (n === 0) {
      out.fill(0, offset, offset + h);
      return;
    }
    const block = Math.min(this.block, n);
    for (let t = 0; t < h; ) {
      const start = rng.int(n);
      for (let k = 0; k < block && t < h; k++, t++) out[offset + t] = this.residuals[(start + k) % n];
    }
  }

  /** Inflation of parameter variance for positively correlated residuals: (1+ρ)/(1−ρ). */
  get varianceInflation(): number {
    const rho = Math.min(Math.max(this.lag1, 0), 0.9);
    return (1 + rho) / (1 - rho);
  }
}

/** Lag-1 autocorrelation: `lag1Autocorrelation([1,-1,1,-1])` is about −0.75. */
export function lag1Autocorrelation(r: ArrayLike<number>): number {
  const n = r.length;
  if (n < 3) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += r[i];
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = r[i] - mean;
    den += d * d;
    if (i > 0) num += d * (r[i - 1] - mean);
  }
  return den > 0 ? num / den : 0;
}
