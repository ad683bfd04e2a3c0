// Tuning constants of the estimate, in one named place (DESIGN §3.10). Changing one
// changes numbers in claims: say so in the commit and rerun `npm run bench:accuracy`.

export const TUNING = {
  /** The model `auto` keeps unless a candidate's backtest error is lower by `switchMargin`. */
  defaultModel: 'ensemble',
  /** Relative backtest-error advantage a candidate needs to replace the default. */
  switchMargin: 0.25,
  /** Joint future paths simulated for the claim's intervals. */
  draws: 1000,
  /** Paths per backtest window: enough for the s.d. of a window total (±7 %). */
  backtestDraws: 100,
  /** Residual bootstrap block (days): keeps a week of serial correlation together. */
  blockLength: 7,
  /** Days per cluster of the sandwich covariance: a month of correlated misfit counts once. */
  clusterDays: 28,
  /** Bootstrap block in points, by period: a week of days, a month of weeks, a quarter-ish of months. */
  blockPoints: { day: 7, week: 4, month: 2 },
  /** Fewest observed baseline points of weekly and monthly data (daily: DEFAULTS.minBaselineDays). */
  minPoints: { day: 28, week: 12, month: 12 },
  /** Fewest training points a backtest fit may use, by period. */
  backtestMinTrain: { day: 56, week: 16, month: 12 },
  /** Shortest backtest window worth scoring, in points. */
  backtestMinPoints: { day: 7, week: 2, month: 1 },
  /** Backtest origins inside the baseline (rolling-origin evaluation). */
  backtestOrigins: 8,
  /** Days of a new level (core/breaks.ts) a backtest fit needs before its window counts for calibration. */
  shiftSettleDays: 28,
  /** Fewest training days a backtest fit may use. */
  backtestMinTrainDays: 56,
  /** Shortest backtest window worth scoring (days). */
  backtestMinHorizon: 7,
  /** Calibration never widens intervals more than this; past it the fit is poor (warned). */
  maxWidening: 4,
  /** Calibration may narrow an interval down to this factor when backtests show it too wide. */
  minWidening: 0.8,
  /** Widening past this gets a POOR_FIT warning. */
  poorFitWidening: 1.5,
  /** IRLS iteration cap and relative tolerance. */
  irlsMaxIter: 30,
  irlsTol: 1e-9,
  /** Gaussian prior sd (log scale) of the yearly trend slope: shrinks wild slopes on short baselines. */
  trendPriorSd: 1,
  /** Prior sd (log scale) of weekday and holiday effects: a holiday seen once is not taken at face value. */
  effectPriorSd: 2,
  /** Days in a row inside the counterfactual band that mark a recovery. */
  recoveryDays: 14,
  /** Days of baseline needed before yearly seasonality is modelled (two years, give or take a month). */
  yearlyMinDays: 700,
  /** Shortest backtest cut of a yearly baseline that still fits the yearly cycle: one whole year. */
  yearlyCutMinDays: 365,
  /** Default baseline when the data hold `yearlyMinDays` before the incident: up to three years. */
  yearlyBaselineDays: 1095,
  /** A baseline day above this many times its usual level (core/spikes.ts) is a one-off, left out of the fit. */
  spikeRatio: 10,
  /** Spikes are left out only while they are at most this share of the baseline days (else they are the pattern). */
  spikeMaxShare: 0.02,
  /** Ordinary days before a Seollal or Chuseok break that are its eve (명절 대목: gift sets, couriers' last days; calendar.ts). */
  eveDays: 14,
  /** An eve season is modelled when eves stand out from the seller's ordinary weeks by this many s.d. (holiday-ratio.ts). */
  eveZ: 3,
  /** Fourier pairs of the yearly cycle. */
  yearlyHarmonics: 3,
} as const;
