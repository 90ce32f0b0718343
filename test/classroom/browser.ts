/**
 * Headless Debian chromium for the classroom tests and the lesson walk-through: every
 * request that is not file:, data:, blob: or localhost is blocked and recorded, and every
 * console error, page error and worker error is collected, so a test can fail on any.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const ARTIFACTS = 'test-artifacts/classroom';

export interface GuardedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but file:, data:, blob: and localhost (all were blocked). */
  blocked: string[];
  /** Console errors, uncaught page errors and worker errors. */
  errors: string[];
  close: () => Promise<void>;
}

const local = (url: string) => /^(file|data|blob|about):/.test(url) || /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url);

/** Launches chromium and opens a page whose network is limited to local URLs. */
export async function openGuardedPage(viewport = { width: 1600, height: 1000 }): Promise<GuardedPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // Generous waits (Playwright's default is 30 s): on a loaded machine (CI sharing its cores)
  // the 2 MB page once took longer than that to load; each test's own timeout still bounds it.
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(90_000);
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') errors.push(`worker: ${m.text()}`); }));
  page.on('requestfailed', (r) => { if (local(r.url())) errors.push(`request failed: ${r.url()}`); });
  return { browser, context, page, blocked, errors, close: () => browser.close() };
}

/** The tick shown on the page. */
export async function shownTick(page: Page): Promise<number> {
  const text = (await page.textContent('#tick')) ?? '';
  return Number(/tick (\d+)/.exec(text)?.[1] ?? NaN);
}

/** Waits until the page shows at least tick `n`. */
export async function waitForTick(page: Page, n: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((target) => {
    const m = /tick (\d+)/.exec(document.getElementById('tick')?.textContent ?? '');
    return m !== null && Number(m[1]) >= target;
  }, n, { timeout });
}

/** Presses Step until the page shows tick `n` (deterministic, one tick at a time). */
export async function stepTo(page: Page, n: number): Promise<void> {
  for (let t = await shownTick(page); t < n; t++) {
    await page.click('#step');
    await waitForTick(page, t + 1);
  }
}

/** The latest observed row of region A, with the engine's column names. */
export async function latestRow(page: Page): Promise<number[]> {
  return page.$eval('#readouts', (el) => JSON.parse((el as HTMLElement).dataset.row ?? '[]') as number[]);
}

/** Resets the run and waits until tick 0 is drawn. */
export async function resetRun(page: Page): Promise<void> {
  await page.click('#reset');
  await page.waitForFunction(() => /tick 0 \//.test(document.getElementById('tick')?.textContent ?? '') &&
    document.querySelector('canvas#map-0') !== null);
  await page.waitForSelector('#readouts[data-row]', { state: 'attached' }).catch(() => undefined);
}
