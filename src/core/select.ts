// Choosing the counterfactual model: backtest every candidate on every metric and keep
// the one whose window totals came closest (what the claim uses), averaged over metrics.
import { backtest, type Backtest } from './backtest.js';
import type { Model, TrainingData } from './models/model.js';
import { TUNING } from './tuning.js';

export interface Candidate {
  name: string;
  /** Σ|expected − actual| / Σ actual over the backtest windows, averaged over metrics; null if none ran. */
  score: number | null;
  /** Share of backtest windows whose actual fell inside the model's own interval. */
  coverage: number | null;
  windows: number;
}

export interface Selection {
  model: Model;
  reason: string;
  candidates: Candidate[];
  /** The chosen model's backtest, per metric (same order as the training sets given). */
  backtests: Backtest[];
}

/**
 * Backtest `models` on each training set (one per metric) and pick the lowest mean score.
 * A single model is still backtested: its windows calibrate the intervals.
 */
export function selectModel(
  models: Model[], trains: TrainingData[], horizon: number, level: number, seed: number, named: boolean,
  preferred: string = TUNING.defaultModel,
): Selection {
  const usable = models.filter((m) => trains.every((t) => t.days.length >= m.minDays));
  const pool = usable.length ? usable : models.slice(0, 1);
  const seedOf = (i: number) => seed + 104729 * i;
  const perMetric = trains.map((t, i) => backtest(pool, t, horizon, level, seedOf(i), false));
  const runs = pool.map((model, j) => {
    const bts = perMetric.map((b) => b[j]);
    const scores = bts.map(scoreBacktest);
    const valid = scores.filter((s) => s.score !== null);
    const score = valid.length ? valid.reduce((a, s) => a + (s.score as number), 0) / valid.length : null;
    const coverage = valid.length ? valid.reduce((a, s) => a + (s.coverage as number), 0) / valid.length : null;
    return { model, bts, score, coverage, windows: bts.reduce((a, b) => Math.max(a, b.windows.length), 0) };
  });
  // the default stays unless a candidate's backtests beat it clearly: a handful of
  // windows cannot tell close models apart, and picking the luckiest one overstates certainty
  const fallback = runs.find((r) => r.model.name === preferred) ?? runs[0];
  const best = runs.reduce((a, b) =>
    (b.score ?? Infinity) < (a.score ?? Infinity) * (a === fallback ? 1 - TUNING.switchMargin : 1) ? b : a, fallback);
  // only the chosen model is simulated over the windows: its calibration and coverage
  const backtests = trains.map((t, i) => backtest([best.model], t, horizon, level, seedOf(i), true)[0]);
  const covered = backtests.map(scoreBacktest).filter((s) => s.coverage !== null);
  const candidates = runs.map(({ model, score, windows }) => ({
    name: model.name,
    score,
    coverage: model === best.model && covered.length ? covered.reduce((a, s) => a + (s.coverage as number), 0) / covered.length : null,
    windows,
  }));
  return { model: best.model, reason: reasonFor(best.model.name, candidates, named, fallback.model.name), candidates, backtests };
}

/** Weighted absolute error of the window totals and the interval hit rate. */
export function scoreBacktest(bt: Backtest): { score: number | null; coverage: number | null } {
  if (bt.windows.length === 0) return { score: null, coverage: null };
  let err = 0;
  let tot = 0;
  let inside = 0;
  for (const w of bt.windows) {
    err += Math.abs(w.expected - w.actual);
    tot += Math.abs(w.actual);
    if (w.ratio <= 1) inside++;
  }
  return { score: err / Math.max(tot, 1e-9), coverage: inside / bt.windows.length };
}

/** The reason in words, for the claim and the report. */
function reasonFor(name: string, candidates: Candidate[], named: boolean, preferred: string): string {
  const me = candidates.find((c) => c.name === name);
  const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);
  if (named) return `chosen with --model ${name}; backtest error of window totals ${pct(me?.score ?? null)}`;
  if (!me || me.score === null) return `${name}: the baseline is too short to backtest, so the default model was used`;
  if (candidates.length === 1) return `${name} is the only candidate; backtest error of window totals ${pct(me.score)}`;
  const others = candidates.filter((c) => c.name !== name).map((c) => `${c.name} ${pct(c.score)}`).join(', ');
  if (name === preferred) {
    return `${name} is the default and no candidate beat its backtest error of window totals (${pct(me.score)}) by ${100 * TUNING.switchMargin}% or more (${others})`;
  }
  return `${name} beat the default's backtest error of window totals by ${100 * TUNING.switchMargin}% or more (${pct(me.score)}; ${others})`;
}
