// `control` (yardstick): the seller's series regressed on a control series — the same
// seller on another channel, or a market series — that the incident did not touch, as in
// CausalImpact. The control carries trend and season; weekday and holiday effects and a
// wandering level absorb what it does not explain.
import type { Model } from './model.js';
import { fitRegression } from './regression.js';

export const controlModel: Model = {
  name: 'control',
  description:
    'log-linear regression on a control series (another channel or the market) with weekday and holiday effects and a slowly wandering level',
  minDays: 28,
  periods: ['day', 'week', 'month'],
  needsControl: true,
  fit: (data) => fitRegression(data, { trend: false, control: true, noise: 'bootstrap' }),
};
