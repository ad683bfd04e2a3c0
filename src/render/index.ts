// Renderers are pure (claim, opts) → string; the format enum is checked exhaustively.
// estimate loads one format's renderer through formats.ts; batch and the tests use this registry.
import type { Claim } from '../core/claim.js';
import type { Format } from '../options.js';
import { DATA_RENDERERS, type Renderer } from './formats.js';
import type { Lang } from './i18n.js';
import { renderTable } from './table.js';
import { renderText } from './text.js';
import { renderHtml } from './html.js';

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  /** csv/tsv: one row per day instead of the summary row. */
  daily: boolean;
  bom: boolean;
  /** table: draw the sparkline with block characters (else plain ASCII); see commands/common useUnicode. */
  unicode?: boolean;
  /** html: the time the report was made, shown in it; absent → no time at all (JSON stays byte-identical). */
  generatedAt?: string;
}

export { DAILY_COLUMNS, SUMMARY_COLUMNS } from './formats.js';

/** Every output format and its renderer. */
export const RENDERERS = {
  table: renderTable,
  ...DATA_RENDERERS,
  text: renderText,
  html: renderHtml,
} satisfies Record<Format, Renderer>;

/** Render a claim in `format`. */
export function render(claim: Claim, format: Format, opts: RenderOptions): string {
  return RENDERERS[format](claim, opts);
}
