/**
 * The report in a real browser: headless Chromium (Debian's package) via playwright-core.
 * Every chart must render (an SVG inside each embed), with no console error and no
 * request leaving the file. Skips, saying why, when /usr/bin/chromium is absent.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
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
      expect(embeds.length).toBe(9);
      for (const e of embeds) expect(e, e.id).toEqual({ id: e.id, svgs: 1, rendered: 'true' });
      expect(await page.$eval('.description', (el) => el.textContent)).toContain('Fixture <b>not bold</b>');
      // A tooltip appears on hover over a heatmap cell.
      const cell = page.locator('#chart-heatmap-innovation path[role="graphics-symbol"], #chart-heatmap-innovation .mark-rect path').first();
      await cell.hover({ force: true });
      await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5_000 });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
