// The model registry: a new model is one file plus one line here (DESIGN §3.7).
import type { Model } from './model.js';
import { countModel } from './count.js';
import { trendModel } from './trend.js';
import { ensembleOf } from './ensemble.js';
import { seasonalMeanModel } from './seasonal-mean.js';
import { etsModel } from './ets.js';
import { controlModel } from './control.js';

/** Every model by name, in the order `auto` tries them. */
export const MODELS: Record<string, Model> = {
  trend: trendModel,
  count: countModel,
  ensemble: ensembleOf('ensemble', [trendModel, countModel, etsModel, seasonalMeanModel]),
  ets: etsModel,
  'seasonal-mean': seasonalMeanModel,
  control: controlModel,
};

/** Names accepted by `--model` (besides `auto`). */
export const MODEL_NAMES = Object.keys(MODELS);
