// Korean reports say in Korean what the claim says in English prose: the model's
// description, why it was chosen, and what each warning means (its English detail kept).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/core/claim.js';
import { MODEL_NAMES } from '../src/core/models/index.js';
import { KO_WARNING_CODES, modelDescriptionKo, reasonKo, warningText } from '../src/render/ko-prose.js';
import { renderHtml } from '../src/render/html.js';
import { renderTable } from '../src/render/table.js';
import { renderText } from '../src/render/text.js';
import { opts, simClaim } from './render-helpers.js';
import { ROOT } from './cli-helpers.js';

/** Every `{ code: 'X', message: … }` warning the source can emit. */
function emittedWarningCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\{ code: '([A-Z_]+)', message:/g)) codes.add(m[1]);
    }
  };
  walk(join(ROOT, 'src'));
  return codes;
}

const model = (over: Partial<Claim['model']>): Claim['model'] => ({
  ...simClaim().model,
  ...over,
});
const cand = (name: string, score: number | null) => ({ name, score, coverage: null, windows: 8 });

describe('Korean prose', () => {
  it('explains every warning code the program can emit, and describes every model', () => {
    const emitted = emittedWarningCodes();
    expect(emitted.size).toBeGreaterThanOrEqual(20);
    for (const code of emitted) expect(KO_WARNING_CODES, code).toContain(code);
    for (const name of MODEL_NAMES) expect(modelDescriptionKo(name), name).toMatch(/[가-힣]/);
  });

  it('gives the reason for each way a model is chosen, with the scores as percentages', () => {
    const all = [cand('trend', 0.0887), cand('count', 0.0617), cand('ensemble', 0.0665), cand('ets', 0.1026)];
    expect(reasonKo(model({ name: 'ensemble', selection: 'auto', candidates: all }))).toBe(
      'ensemble 모형은 기본 모형이며, 과거 시험 예측의 기간 합계 오차(6.7%)보다 25% 이상 낮은 후보가 없었습니다 (trend 8.9%, count 6.2%, ets 10.3%)');
    expect(reasonKo(model({ name: 'count', selection: 'auto', candidates: [cand('count', 0.04), cand('ensemble', 0.08)] }))).toBe(
      'count 모형의 과거 시험 예측 오차가 기본 모형보다 25% 이상 낮았습니다 (4.0%; ensemble 8.0%)');
    expect(reasonKo(model({ name: 'trend', selection: 'named', candidates: [cand('trend', 0.123)] }))).toBe(
      '--model trend 옵션으로 지정했습니다. 과거 시험 예측의 기간 합계 오차는 12.3%입니다');
    expect(reasonKo(model({ name: 'ensemble', selection: 'auto', candidates: [cand('ensemble', null), cand('trend', null)] }))).toContain('기준 기간이 짧아');
    // with a control series, the control is the default
    expect(reasonKo(model({ name: 'control', selection: 'auto', candidates: [cand('control', 0.05), cand('ensemble', 0.045)] }))).toContain('control 모형은 기본 모형');
  });

  it('shows Korean in ko reports and the claim\'s English in en reports, detail kept', () => {
    const c = simClaim();
    c.warnings = [{ code: 'MISSING_DAYS', message: '3 day(s) have no row or no values (2025-03-01): left unknown, not zero' }];
    expect(warningText(c.warnings[0], 'en')).toBe(c.warnings[0].message);
    expect(warningText({ code: 'SOMETHING_NEW', message: 'x' }, 'ko')).toBe('x');
    for (const out of [renderText(c, opts({ lang: 'ko' })), renderHtml(c, opts({ lang: 'ko' })), renderTable(c, opts({ lang: 'ko' }))]) {
      expect(out).toContain('0이 아니라 모르는 값으로 두었습니다');
      expect(out).toContain('2025-03-01');
    }
    const ko = renderHtml(c, opts({ lang: 'ko' }));
    expect(ko).toContain('기본 모형');
    expect(ko).not.toContain(c.model.reason.replace(/&/g, '&amp;'));
    const en = renderHtml(c, opts({ lang: 'en' }));
    expect(en).toContain(c.model.description);
    expect(en).not.toContain('0이 아니라');
  });
});
