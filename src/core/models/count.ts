// `count`: for small sellers (many 0–5 order days). No trend (it cannot be told from
// noise at a few orders a day); weekday and holiday effects and a wandering level on a
// log link; each day drawn negative-binomial (Gamma for money), never Gaussian.
import type { Model } from './model.js';
import { fitRegression } from './regression.js';

export const countModel: Model = {
  name: 'count',
  description:
    'negative-binomial regression on weekday and holiday effects with a slowly wandering level and no trend, for sellers with few orders a day',
  minDays: 28,
  periods: ['day', 'week', 'month'],
  fit: (data) => fitRegression(data, { trend: false, noise: 'parametric' }),
};
