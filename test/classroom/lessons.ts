/**
 * The lessons of docs/classroom.md, driven as a teacher would (links, Run to tick, the
 * keyboard and clicks) in headless chromium at a projector's 1024x768, with screenshots to
 * docs/img/classroom-*.png. Not a test: run it with `npx tsx test/classroom/lessons.ts
 * [replicates]` after changing the page, and look at the pictures. The lessons' numbers
 * come from docs/gen-classroom.ts, not from here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { buildClassroomPage } from '../../src/classroom';
import { ARTIFACTS, openGuardedPage, waitForTick } from './browser';

const IMG = 'docs/img';
const replicates = process.argv[2] ?? '8';

async function open(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}#${hash}`);
  await page.waitForFunction(() => /tick 0 \//.test(document.getElementById('tick')?.textContent ?? '') &&
    document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
}

async function runTo(page: Page, tick: number): Promise<void> {
  await page.fill('#run-to', String(tick));
  await page.click('#run-to-go');
  await waitForTick(page, tick, 1_200_000);
  await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
  await page.mouse.click(2, 2);
  await page.waitForTimeout(1500); // the charts' last update
}

async function revealEnsemble(page: Page): Promise<string> {
  await page.selectOption('#replicates', replicates);
  await page.click('#reveal');
  await page.waitForSelector('#ensemble-status[data-done="true"]', { timeout: 1_800_000 });
  await page.waitForTimeout(800);
  await page.locator('.ensemble').scrollIntoViewIfNeeded();
  return (await page.textContent('#ensemble-status')) ?? '';
}

async function main(): Promise<void> {
  mkdirSync(IMG, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = resolve(ARTIFACTS, 'lessons.html');
  writeFileSync(file, await buildClassroomPage({ scenario: 'baseline' }));
  const base = pathToFileURL(file).href;
  const g = await openGuardedPage({ width: 1024, height: 768 });
  const { page } = g;
  const notes: string[] = [];

  // Lesson 1: a closed district and the same district opened, side by side.
  await open(page, base, 'scenario=closed-district&seed=7&compare=openness:0.3');
  await runTo(page, 60);
  await page.screenshot({ path: `${IMG}/classroom-lockin-60.png` });
  await runTo(page, 200);
  await page.screenshot({ path: `${IMG}/classroom-lockin.png` });
  notes.push(`LESSON 1 ensemble: ${await revealEnsemble(page)}`);
  await page.locator('.ensemble').screenshot({ path: `${IMG}/classroom-lockin-ensemble.png` });

  // Lesson 2: the bridge, pressed at tick 80.
  await open(page, base, 'scenario=oresund-bridge&seed=17');
  await runTo(page, 80);
  await page.locator('.stage').screenshot({ path: `${IMG}/classroom-bridge-before.png` });
  await page.click('#policy-bridge');
  await runTo(page, 120);
  await page.locator('.stage').screenshot({ path: `${IMG}/classroom-bridge-after.png` });
  await runTo(page, 200);
  await page.screenshot({ path: `${IMG}/classroom-bridge.png` });
  notes.push(`LESSON 2 ensemble: ${await revealEnsemble(page)}`);
  await page.locator('.ensemble').screenshot({ path: `${IMG}/classroom-bridge-ensemble.png` });

  // Large type, as on a projector, and the Info tab.
  await page.$eval('.charts-col', (el) => { el.scrollTop = 0; });
  await page.keyboard.press('l');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${IMG}/classroom-projector.png` });
  await page.keyboard.press('i');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${IMG}/classroom-info.png` });
  await page.keyboard.press('i');
  await page.keyboard.press('l');

  // Lesson 3: homophily 0 against 8; a firm inspected.
  await open(page, base, 'scenario=proximity-paradox&seed=13&set=proximity.cognitive_homophily:0&compare=proximity.cognitive_homophily:8');
  await runTo(page, 200);
  const centre = await page.$eval('#map-1', (c) => JSON.parse((c as HTMLElement).dataset.placeCentre ?? '[0,0]') as number[]);
  const box = (await page.locator('#map-1').boundingBox())!;
  for (const [dx, dy] of [[0, 0], [6, 0], [0, 6], [-6, 0], [0, -6], [10, 10], [-10, -10]]) {
    await page.mouse.click(box.x + centre[0] + dx, box.y + centre[1] + dy);
    await page.waitForTimeout(400);
    if (/Firm #/.test((await page.textContent('#inspect').catch(() => '')) ?? '')) break;
  }
  await page.screenshot({ path: `${IMG}/classroom-paradox.png` });

  // Lesson 4: a bottom-up creative space at tick 40.
  await open(page, base, 'scenario=creative-spaces&seed=23&at=40:space-bottom-up');
  await runTo(page, 200);
  await page.screenshot({ path: `${IMG}/classroom-creative.png` });

  notes.push(`errors: ${JSON.stringify(g.errors)}; blocked: ${JSON.stringify(g.blocked)}`);
  writeFileSync(`${ARTIFACTS}/lessons.txt`, `${notes.join('\n\n')}\n`);
  console.log(notes.join('\n\n'));
  await g.close();
}

await main();
