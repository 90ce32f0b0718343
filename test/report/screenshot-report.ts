/**
 * Screenshots of every chart of a report as the browser shows it (headless Chromium):
 *   npx tsx test/report/screenshot-report.ts DIR/report.html docs/img
 * writes OUT/report-NAME.png per figure and OUT/report-page.png (top of the page).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main(report: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    page.on('console', (m) => { if (m.type() === 'error') console.error('console error:', m.text()); });
    await page.goto(pathToFileURL(resolve(report)).href);
    await page.waitForSelector('body[data-charts-done="true"]', { timeout: 60_000 });
    await page.screenshot({ path: join(out, 'report-page.png') });
    for (const figure of await page.$$('figure')) {
      const id = (await figure.getAttribute('id'))!.replace(/^fig-/, '');
      await figure.screenshot({ path: join(out, `report-${id}.png`) });
      console.log(join(out, `report-${id}.png`));
    }
  } finally {
    await browser.close();
  }
}

const [report, out] = process.argv.slice(2);
if (!report || !out) {
  console.error('usage: npx tsx test/report/screenshot-report.ts DIR/report.html OUTDIR');
  process.exit(2);
}
await main(report, out);
