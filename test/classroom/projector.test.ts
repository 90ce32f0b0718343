/**
 * The classroom page in front of a class (issue 19), in headless Debian chromium: at
 * 1024x768 and 1366x768 the map, the first chart and the run controls are on screen at
 * tick 0; large type enlarges the note, the buttons and the tick counter by at least 1.3;
 * Space pauses whatever has focus; a setup link reproduces a run's series exactly; the
 * exports download non-empty PNG and CSV; clicking the map inspects (the worker, which
 * draws the map, finds what was clicked). No console error or
 * warning, no network. Skipped, with a message, when chromium is absent. Nothing here
 * asserts wall-clock speed (see test/classroom/bench.ts for that).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildClassroomPage } from '../../src/classroom';
import { ARTIFACTS, CHROMIUM, haveChromium, openGuardedPage, shownTick, stepTo, waitForTick } from './browser';
import type { GuardedPage } from './browser';

if (!haveChromium) console.warn(`classroom projector tests SKIPPED: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

const inViewport = (page: Page, selector: string) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
});
/** Whether every visible item of a bar overlaps the first one vertically (one line, no wrap). */
const oneLine = (page: Page, selector: string) => page.$eval(selector, (el) => {
  const boxes = Array.from(el.children, (c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
  return boxes.every((r) => r.top < boxes[0].bottom && r.bottom > boxes[0].top);
});
const fontPx = (page: Page, selector: string) => page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
const loaded = (page: Page) => page.waitForFunction(() => /tick 0 \//.test(document.getElementById('tick')?.textContent ?? '') &&
  document.querySelector('canvas#map-0') !== null && document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
const paused = (page: Page) => page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');

describe.skipIf(!haveChromium)('classroom page on a projector', () => {
  let file = '';
  let url = '';
  const opened: GuardedPage[] = [];
  const open = async (viewport: { width: number; height: number }, hash = '') => {
    const g = await openGuardedPage(viewport);
    opened.push(g);
    g.page.on('console', (m) => { if (m.type() === 'warning') g.errors.push(`warning: ${m.text()}`); });
    await g.page.goto(url + hash);
    await loaded(g.page);
    return g;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    file = resolve(ARTIFACTS, 'projector.html');
    writeFileSync(file, await buildClassroomPage({ scenario: 'closed-district' }));
    url = pathToFileURL(file).href;
  }, 120_000);
  afterAll(async () => { for (const g of opened) await g.close(); }, 60_000);

  for (const viewport of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }]) {
    it(`at ${viewport.width}x${viewport.height} the map, first chart and run controls are on screen; large type scales text by >= 1.3`, async () => {
      const g = await open(viewport);
      const { page } = g;
      for (const sel of ['#map-0', '#charts figure.chart:first-child canvas', '#play', '#step', '#reset', '#tick', '#speed']) {
        expect(await inViewport(page, sel), sel).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
      const targets = ['#note summary', '#play', '#policy-bridge', '#tick'];
      const before = await Promise.all(targets.map((t) => fontPx(page, t)));
      await page.mouse.click(2, 2);
      await page.keyboard.press('l');
      await page.waitForFunction(() => document.getElementById('projector')?.getAttribute('aria-pressed') === 'true');
      const after = await Promise.all(targets.map((t) => fontPx(page, t)));
      targets.forEach((t, i) => expect(after[i] / before[i], t).toBeGreaterThanOrEqual(1.3));
      await page.waitForFunction(() => document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
      for (const sel of ['#map-0', '#charts figure.chart:first-child canvas', '#play', '#tick']) expect(await inViewport(page, sel), `large type: ${sel}`).toBe(true);
      // Large type keeps the top bar and the run bar on one line each (they wrapped at 1024 px).
      for (const bar of ['.top', '.runbar']) expect(await oneLine(page, bar), `large type: ${bar} on one line`).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `projector-${viewport.width}-large.png`) });
      expect(g.errors).toEqual([]);
      expect(g.blocked).toEqual([]);
    }, 120_000);
  }

  it('Space pauses after clicking any button, and on a select or slider; Escape releases focus', async () => {
    const g = await open({ width: 1366, height: 768 });
    const { page } = g;
    await page.click('#step');
    await waitForTick(page, 1);
    for (const focus of ['#policy-cluster', '#scenario', '#slider-openness', '#step']) {
      if (focus === '#policy-cluster') await page.click(focus); else await page.focus(focus);
      const tick = await shownTick(page);
      await page.keyboard.press('Space'); // play
      await waitForTick(page, tick + 2);
      await page.keyboard.press('Space'); // pause
      await paused(page);
      expect(await page.inputValue('#scenario'), focus).toBe('closed-district');
    }
    // The cluster button was clicked once (by the mouse), never again by Space.
    const applied = await page.evaluate(() => location.hash);
    expect(applied.match(/:cluster/g)?.length ?? 0).toBe(1);
    await page.focus('#policy-bridge');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(g.errors).toEqual([]);
  }, 120_000);

  it('a setup link reproduces the run tick for tick (settings, compare, actions at their ticks)', async () => {
    const g = await open({ width: 1366, height: 768 });
    const { page } = g;
    await page.check('#compare');
    await page.waitForSelector('canvas#map-1');
    await stepTo(page, 3);
    await page.click('#policy-cluster');
    await stepTo(page, 5);
    await page.focus('#slider-labour-mobility');
    await page.keyboard.press('End');
    await page.waitForTimeout(400); // the slider's debounce
    await stepTo(page, 8);
    await page.click('#policy-shock');
    await stepTo(page, 12);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/scenario=closed-district/);
    expect(hash).toMatch(/at=3:cluster;5:labour\.mobility=0\.2;8:shock/);
    const csv = async (p: Page) => {
      const [download] = await Promise.all([p.waitForEvent('download'), p.click('#export-series')]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const original = await csv(page);
    expect(original.split('\n').length).toBe(2 * 12 + 2); // header, 12 ticks x 2 regions, final newline
    const g2 = await open({ width: 1024, height: 768 }, hash);
    await g2.page.waitForSelector('canvas#map-1');
    await stepTo(g2.page, 12);
    const replayed = await csv(g2.page);
    writeFileSync(join(ARTIFACTS, 'link-original.csv'), original);
    writeFileSync(join(ARTIFACTS, 'link-replayed.csv'), replayed);
    expect(replayed).toBe(original);
    expect(g.errors).toEqual([]);
    expect(g2.errors).toEqual([]);
  }, 180_000);

  it('after a run at full speed, each chart in the chart worker holds every value the page collected', async () => {
    const g = await open({ width: 1366, height: 768 });
    const { page } = g;
    await page.mouse.click(2, 2);
    await page.keyboard.press('Space');
    await waitForTick(page, 200, 120_000);
    await paused(page);
    // Innovation value and the flows are finite every tick: one value per tick and series.
    for (const id of ['value', 'flows']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${id}-csv"]`)]);
      const collected = readFileSync((await download.path())!, 'utf8').trim().split('\n').length - 1;
      expect(collected, id).toBe(id === 'value' ? 200 : 8 * 200);
      // The pause made the worker draw at once; its last redraw holds every value.
      await page.waitForFunction(([chart, n]) => document.getElementById(`chart-${chart}`)?.dataset.drawnRows === String(n), [id, collected] as const);
    }
    expect(g.errors).toEqual([]);
  }, 180_000);

  it('exports each chart as PNG and CSV; clicking a place or a firm inspects it', async () => {
    const g = await open({ width: 1366, height: 768 });
    const { page } = g;
    await stepTo(page, 4);
    await page.waitForTimeout(900); // the charts' next flush
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="value-png"]')]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(2000);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="lockin-csv"]')]);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('tick,region,series,value');
    expect(lines.length).toBe(1 + 4 * 4); // four series, ticks 1..4
    // A click on the largest place's centre inspects the place.
    const centre = await page.$eval('#map-0', (c) => JSON.parse((c as HTMLElement).dataset.placeCentre ?? '[]') as number[]);
    const box = (await page.locator('#map-0').boundingBox())!;
    await page.mouse.click(box.x + centre[0], box.y + centre[1]);
    await page.waitForSelector('#inspect:not([hidden]) h3');
    expect(await page.textContent('#inspect h3')).toMatch(/District Centre/);
    expect(await page.textContent('#inspect')).toMatch(/live firms/);
    await page.locator('.stage').screenshot({ path: join(ARTIFACTS, 'inspect-place.png') });
    // The map is drawn by the worker: its canvas was handed over, so the page cannot draw on it.
    expect(await page.$eval('#map-0', (c) => { try { (c as HTMLCanvasElement).getContext('2d'); return 'page'; } catch { return 'worker'; } })).toBe('worker');
    // The inspect panel lies over the stage: the map keeps its size while it is open.
    const mapBox = (await page.locator('#map-0').boundingBox())!;
    expect(mapBox.height).toBeCloseTo(box.height, 0);
    expect(g.errors).toEqual([]);
  }, 120_000);
});
