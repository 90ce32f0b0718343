/**
 * The classroom page in headless Debian chromium: the self-contained build loads with no
 * network and no console error, play advances the tick, a slider changes the running
 * model, a policy button changes the map, and the ensemble reveal finishes. Screenshots
 * go to test-artifacts/classroom/. Skipped, with a message, when chromium is absent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroomPage, serveClassroom } from '../../src/classroom';
import { ARTIFACTS, CHROMIUM, haveChromium, latestRow, openGuardedPage, resetRun, shownTick, stepTo, waitForTick } from './browser';
import type { GuardedPage } from './browser';

if (!haveChromium) {
  console.warn(`classroom browser tests SKIPPED: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

describe.skipIf(!haveChromium)('classroom page in headless chromium', () => {
  let html = '';
  let file = '';
  let g: GuardedPage;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    html = await buildClassroomPage({ scenario: 'baseline' });
    file = resolve(ARTIFACTS, 'classroom.html');
    writeFileSync(file, html);
    g = await openGuardedPage();
  }, 120_000);

  afterAll(async () => { await g?.close(); });

  it('loads from a file with no network and no console error', async () => {
    await g.page.goto(pathToFileURL(file).href);
    await g.page.waitForSelector('canvas#map-0');
    // Every live chart has drawn (innovation value, lock-in, diversity, flows, flow between places).
    await g.page.waitForFunction(() => document.querySelectorAll('figure.chart').length === 5 &&
      document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
    expect(await g.page.textContent('#tick')).toMatch(/tick 0 \/ \d+/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // nothing loaded from elsewhere
    await g.page.screenshot({ path: join(ARTIFACTS, '01-loaded.png') });
    expect(g.blocked).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(await g.page.isHidden('#error')).toBe(true);
    // "What happened?" shows the built-in's note and says where the charts it names are.
    await g.page.click('#note > summary');
    await g.page.click('#show-happened');
    const happened = (await g.page.textContent('#note-happened')) ?? '';
    expect(happened).toContain('What happened');
    expect(happened).toContain('npx lrsim sweep baseline');
    expect(happened).toContain('This page runs one region, on one seed');
    await g.page.click('#note > summary'); // closed again, as the later tests expect
  }, 60_000);

  it('play advances the tick counter', async () => {
    await g.page.click('#play');
    await waitForTick(g.page, 15);
    await g.page.click('#play');
    await g.page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
    expect(await shownTick(g.page)).toBeGreaterThanOrEqual(15);
    await g.page.screenshot({ path: join(ARTIFACTS, '02-played.png') });
    expect(g.errors).toEqual([]);
  }, 90_000);

  it('moving a slider changes the running model (same seed, same ticks, one change)', async () => {
    const { page } = g;
    await resetRun(page);
    await stepTo(page, 8);
    const before = await latestRow(page);
    await stepTo(page, 16);
    const control = await latestRow(page);
    await resetRun(page);
    await stepTo(page, 8);
    expect(await latestRow(page)).toEqual(before); // same seed: the same run up to the change
    await page.focus('#slider-openness');
    await page.keyboard.press('End'); // keyboard: openness to 1
    expect(await page.textContent('#slider-openness-value')).toBe('1');
    await page.waitForTimeout(400); // the slider's debounce
    await stepTo(page, 16);
    const changed = await latestRow(page);
    expect(changed).not.toEqual(control);
    // Reset the slider for the next tests.
    await page.click('#defaults');
    await page.screenshot({ path: join(ARTIFACTS, '03-slider.png') });
    expect(g.errors).toEqual([]);
  }, 120_000);

  it('a policy button changes the map (the bridge adds an infrastructure link)', async () => {
    const { page } = g;
    await resetRun(page);
    await stepTo(page, 3);
    const links = () => page.$eval('#map-0', (c) => Number((c as HTMLElement).dataset.links));
    // The worker draws the map (an OffscreenCanvas): the page's pixels are read from a screenshot.
    const image = () => page.locator('#map-0').screenshot();
    expect(await links()).toBe(0);
    await page.click('#policy-bridge');
    await stepTo(page, 4);
    await page.waitForFunction(() => Number(document.getElementById('map-0')?.dataset.links) === 1);
    const withBridge = await image();
    expect(await page.isDisabled('#policy-bridge')).toBe(true);
    await page.click('#policy-cluster');
    await stepTo(page, 5);
    expect(Buffer.compare(await image(), withBridge)).not.toBe(0);
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, '04-bridge.png') });
    expect(g.errors).toEqual([]);
  }, 90_000);

  it('the ensemble reveal finishes and places the class run', async () => {
    const { page } = g;
    await resetRun(page);
    await page.selectOption('#replicates', '8');
    await page.click('#play');
    await waitForTick(page, 30, 90_000);
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
    await page.click('#reveal');
    await page.waitForSelector('#ensemble-status[data-done="true"]', { timeout: 240_000 });
    expect(await page.textContent('#ensemble-status')).toMatch(/above \d+ of 8 replicates/);
    // The class's run replayed with its own seed came out identical (replicates replay faithfully).
    expect(await page.getAttribute('#ensemble-status', 'data-faithful')).toBe('true');
    expect(await page.locator('#ensemble-charts canvas').count()).toBe(2);
    await page.locator('.ensemble').screenshot({ path: join(ARTIFACTS, '05-ensemble.png') });
    expect(g.errors).toEqual([]);
    expect(g.blocked).toEqual([]);
  }, 300_000);

  it('measures ticks per second with drawing on the baseline region (reported, not asserted)', async () => {
    const { page } = g;
    await resetRun(page);
    const sample = () => page.evaluate(() => ({
      tick: Number(/tick (\d+)/.exec(document.getElementById('tick')!.textContent!)![1]),
      frames: Number(document.getElementById('rate')!.dataset.framesDrawn ?? 0),
      at: performance.now(),
    }));
    await page.click('#play');
    await waitForTick(page, 5);
    const a = await sample();
    await waitForTick(page, 150, 60_000); // before the run's end, so the end does not cut the clock short
    const b = await sample();
    await page.click('#play');
    const seconds = (b.at - a.at) / 1000;
    const line = `baseline region, headless chromium, drawing on: ${((b.tick - a.tick) / seconds).toFixed(1)} ticks/s, ` +
      `${((b.frames - a.frames) / seconds).toFixed(1)} map frames/s (over ${seconds.toFixed(1)} s, ticks ${a.tick}-${b.tick})`;
    console.log(line);
    writeFileSync(join(ARTIFACTS, 'speed.txt'), `${line}\n`);
    expect(b.tick).toBeGreaterThan(a.tick);
  }, 60_000);

  it('the served page loads from localhost', async () => {
    const served = await serveClassroom(html, 0);
    try {
      await g.page.goto(served.url);
      await g.page.waitForSelector('canvas#map-0');
      expect(await g.page.textContent('#tick')).toMatch(/tick 0/);
      expect(g.blocked).toEqual([]);
      expect(g.errors).toEqual([]);
    } finally {
      await served.close();
    }
  }, 60_000);
});
