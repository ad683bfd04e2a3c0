// Small sampling helpers on top of core/random's Rng, used only by the simulator.
import { Rng } from '../core/random.js';

/**
 * A seed for sub-stream `k` of `seed`, so each part of a simulation (counts, thinning,
 * values, gaps, rows of day d) has its own stream: changing one part leaves the others alone.
 * `subSeed(1, 0) !== subSeed(0, 1)`.
 */
export function subSeed(seed: number, k: number): number {
  let h = Math.imul((seed | 0) ^ 0x27d4eb2d, 0x85ebca6b);
  h ^= Math.imul((k | 0) + 0x165667b1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** 32-bit FNV-1a hash of a string: a stable sub-stream number for a name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A fresh Rng on sub-stream `k` of `seed`. */
export function subRng(seed: number, k: number): Rng {
  return new Rng(subSeed(seed, k));
}

/**
 * Binomial(n, p): exact Bernoulli sum up to n = 256, a clamped normal approximation
 * with continuity correction above (error far below the Poisson noise at such n).
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 256) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.uniform() < p) k++;
    return k;
  }
  const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal());
  return k < 0 ? 0 : k > n ? n : k;
}

/** Uniform number in [lo, hi). */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.uniform();
}

/** Uniform integer in [lo, hi] inclusive. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

/** One element of a list, uniformly. */
export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)];
}
