// The HTML claim in a real browser: Debian's chromium, headless, through playwright-core.
// No console errors and no network, every chart point drawn, nothing outside its SVG, and
// the A4 PDF has one page per section. Screenshots and PDFs go to test/artifacts/ (ignored).
// Without chromium the suite is skipped, except under CI where it fails and says why.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../src/core/claim.js';
import { renderBatchIndex } from '../src/render/batch-index.js';
import { chartMetrics, renderHtml } from '../src/render/html.js';
import { PANEL } from '../src/render/chart/svg.js';
import { indexRows, opts, simClaim } from './render-helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE = existsSync(CHROMIUM);
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/** Page objects of a PDF: `/Type /Page`, not `/Type /Pages`. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

describe.skipIf(!HAVE && !process.env.CI)('HTML claim in headless chromium', () => {
  let ctx: BrowserContext;
  let profile: string;
  let work: string;
  // holidays inside the window (marked), a margin (profit row), both metrics (two chart pages)
  const claim: Claim = simClaim({ design: 'holiday-window', i: 1, seed: 3, margin: 0.3, seller: 'shop <b>&</b> 1' });

  beforeAll(async () => {
    if (!HAVE) throw new Error(`chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (apt-get install chromium) or set CHROMIUM_PATH`);
    profile = mkdtempSync(join(tmpdir(), 'loss-calc-chromium-')); // a fresh --user-data-dir
    work = mkdtempSync(join(tmpdir(), 'loss-calc-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 1400 } });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    for (const d of [profile, work]) if (d) rmSync(d, { recursive: true, force: true });
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: loads offline without console errors, draws every point, clips nothing, prints one A4 page per section`, async () => {
      const file = join(work, `claim-${lang}.html`);
      writeFileSync(file, renderHtml(claim, opts({ lang, generatedAt: '2026-02-01T09:30:00Z' })));
      const page = await ctx.newPage();
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`); });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // the seller id came through as text, not markup
      expect(await page.locator('h1').innerText()).toContain('shop <b>&</b> 1');

      // every chart: one point per daily row on its main series
      const metrics = chartMetrics(claim);
      expect(metrics).toEqual(['revenue', 'orders']);
      for (const m of metrics) {
        for (const [panel, series] of [['original', 'actual'], ['pointwise', 'loss'], ['cumulative', 'cumulative']]) {
          const n = await page.locator(`svg[data-panel="${m}-${panel}"] [data-series="${series}"] circle`).count();
          expect(n, `${m}-${panel}`).toBe(claim.daily.length);
        }
      }
      expect(await page.locator('svg rect.holiday').count()).toBeGreaterThan(0);

      // no clipped charts: in print layout every drawn element lies inside its viewBox,
      // and every SVG fits the page's content width
      await page.emulateMedia({ media: 'print' });
      const boxes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => {
        const b = (s as SVGGraphicsElement).getBBox();
        const r = s.getBoundingClientRect();
        return { x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height, width: r.width, page: document.body.clientWidth };
      }));
      expect(boxes).toHaveLength(3 * metrics.length);
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(PANEL.width);
        expect(b.bottom).toBeLessThanOrEqual(PANEL.height);
        expect(b.width).toBeLessThanOrEqual(b.page + 0.5);
      }

      // A4: each section starts a page and fits on it → pages = sections (6 with two metrics)
      const sections = await page.locator('section.page').count();
      expect(sections).toBe(6);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      writeFileSync(join(ARTIFACTS, `claim-${lang}.pdf`), pdf);
      expect(pdfPages(pdf)).toBe(sections);

      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: join(ARTIFACTS, `claim-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it('batch index: sorts by loss, then by seller when that button is picked — without any script', async () => {
    const rows = indexRows();
    const file = join(work, 'index.html');
    writeFileSync(file, renderBatchIndex(rows, { lang: 'en', currency: 'KRW', href: (r) => `${encodeURIComponent(r.seller)}.html` }));
    const page = await ctx.newPage();
    await page.goto(pathToFileURL(file).href);
    // the sellers in the order the reader sees them (top to bottom)
    const shown = () => page.$$eval('.row[data-seller]', (els) => els
      .map((el) => ({ s: el.getAttribute('data-seller') as string, y: el.getBoundingClientRect().top }))
      .sort((a, b) => a.y - b.y).map((r) => r.s));
    const byLoss = [...rows].filter((r) => r.lost_revenue !== null).sort((a, b) => b.lost_revenue! - a.lost_revenue!).map((r) => r.seller);
    expect(await shown()).toEqual([...byLoss, 'delta']);
    await page.click('label[for="by-seller"]');
    expect(await shown()).toEqual([...rows.map((r) => r.seller)].sort((a, b) => a.localeCompare(b)));
    await page.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
