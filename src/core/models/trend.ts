// `trend`: the default model. Log-linear trend, weekday and holiday effects (yearly
// seasonality with ≥ 2 years of baseline), a wandering level, block-bootstrapped noise.
import type { Model } from './model.js';
import { fitRegression } from './regression.js';

export const trendModel: Model = {
  name: 'trend',
  description:
    'log-linear regression on a trend, weekday and holiday effects (yearly seasonality with two years of baseline), a slowly wandering level, and resampled day-to-day noise',
  minDays: 28,
  periods: ['day', 'week', 'month'],
  fit: (data) => fitRegression(data, { trend: true, noise: 'bootstrap' }),
};
