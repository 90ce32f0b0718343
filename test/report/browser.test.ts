/**
 * The report in a real browser: headless Chromium (Debian's package) via playwright-core.
 * Every chart must render (an SVG inside each embed), with no console error and no
 * request leaving the file. Skips, saying why, when /usr/bin/chromium is absent.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED browser test: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  it('shows every chart with tooltips wired and no console error or network request', async () => {
    const dir = writeFixtureSweep({ replicates: 3, ticks: 15, description: 'Fixture <b>not bold</b>' });
    const result = await writeReport(dir, { images: false });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(result.path).href);
      await page.waitForSelector('body[data-charts-done="true"]', { timeout: 30_000 });
      const embeds = await page.$$eval('.chart', (els) => els.map((el) => ({ id: el.id, svgs: el.querySelectorAll('svg.marks').length, rendered: el.getAttribute('data-rendered') })));
      expect(embeds.length).toBe(13); // with the lock-in discovery and robustness charts of the report
      for (const e of embeds) expect(e, e.id).toEqual({ id: e.id, svgs: 1, rendered: 'true' });
      expect(await page.$eval('.description', (el) => el.textContent)).toContain('Fixture <b>not bold</b>');
      // A tooltip appears on hover over a heatmap cell.
      const cell = page.locator('#chart-heatmap-innovation path[role="graphics-symbol"], #chart-heatmap-innovation .mark-rect path').first();
      await cell.hover({ force: true });
      await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5_000 });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps every chart and row of links inside the content column at 1,280 px (grid with arms, LHS, shock)', async () => {
    const dirs = [
      writeFixtureSweep({ replicates: 3, ticks: 15, arms: ['baseline', 'a long arm name for a policy', 'another policy arm'], parameters: { openness: [0, 0.1, 0.2, 0.3], 'proximity.geographic_decay_km': [10, 20, 40] } }),
      writeFixtureSweep({ arms: [], replicates: 2, ticks: 15, continuous: { design: 'lhs', samples: 30, ranges: { openness: [0, 1], 'firms.rd_max': [0.01, 0.2], 'migration.rate': [0, 0.05], 'social.closure': [0, 1] } } }),
      writeFixtureSweep({ replicates: 4, ticks: 25, parameters: { openness: [0, 0.3] }, recovery: { end: 20 }, outcomes: ['resilience_ticks', 'resilience_censored'] }),
    ];
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (const dir of dirs) {
        const result = await writeReport(dir, { images: false });
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pathToFileURL(result.path).href, { timeout: 120_000 });
        await page.waitForSelector('body[data-charts-done="true"]', { timeout: 120_000 });
        expect(await overflowing(page), dir).toEqual([]);
        expect(errors, dir).toEqual([]);
        if (process.env.LRSIM_SCREENSHOTS) await page.screenshot({ path: join(process.env.LRSIM_SCREENSHOTS, `${basename(dir)}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 600_000);
});

/** Charts, figures and link rows wider than main's content box (ids and widths), at the current viewport. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement;
    const style = getComputedStyle(main);
    const content = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('.chart svg.marks, nav.toc, figcaption .files, table'))) {
      const w = (el as HTMLElement).getBoundingClientRect().width;
      if (w > content + 1) out.push(`${(el.closest('[id]') as HTMLElement | null)?.id ?? el.tagName}: ${Math.round(w)} px > ${Math.round(content)} px`);
    }
    return out;
  });
}
