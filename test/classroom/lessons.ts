/**
 * The two lessons of docs/classroom.md, driven as a teacher would (keyboard and clicks) in
 * headless chromium, with screenshots to docs/img/classroom-*.png. Not a test: run it with
 * `npx tsx test/classroom/lessons.ts` after changing the page, and look at the pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { buildClassroomPage } from '../../src/classroom';
import { ARTIFACTS, openGuardedPage, stepTo, waitForTick } from './browser';

const IMG = 'docs/img';

async function playToEnd(page: Page, until: number): Promise<void> {
  await page.mouse.click(5, 5); // focus off any button, so Space reaches the page's shortcut
  await page.keyboard.press('Space');
  await waitForTick(page, until, 600_000);
  await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
  await page.waitForTimeout(1500); // the last chart flush
}

async function revealEnsemble(page: Page, replicates: string): Promise<string> {
  await page.selectOption('#replicates', replicates);
  await page.click('#reveal');
  await page.waitForSelector('#ensemble-status[data-done="true"]', { timeout: 900_000 });
  await page.waitForTimeout(500);
  return (await page.textContent('#ensemble-status')) ?? '';
}

const readouts = (page: Page) => page.$eval('#readouts', (t) => (t as HTMLElement).innerText.replace(/\t/g, ' | '));

async function main(): Promise<void> {
  mkdirSync(IMG, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = resolve(ARTIFACTS, 'lessons.html');
  writeFileSync(file, await buildClassroomPage({ scenario: 'baseline' }));
  const g = await openGuardedPage({ width: 1600, height: 1150 });
  const { page } = g;
  const notes: string[] = [];
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('canvas#map-0');

  // Lesson 1: a closed district locks in, the same district opened keeps learning.
  await page.selectOption('#scenario', 'closed-district');
  await page.waitForFunction(() => /tick 0 \//.test(document.getElementById('tick')?.textContent ?? ''));
  await page.check('#compare'); // the scenario's own arm: openness 0.3 in region B
  await page.waitForSelector('canvas#map-1');
  notes.push(`LESSON 1 compares: ${await page.$eval('#compare-path', (e) => (e as HTMLSelectElement).value)} = ${await page.inputValue('#compare-value')}`);
  await page.mouse.click(5, 5);
  await page.keyboard.press('Space');
  await waitForTick(page, 60);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
  await page.waitForTimeout(1500);
  notes.push(`LESSON 1 at tick 60:\n${await readouts(page)}`);
  await page.screenshot({ path: `${IMG}/classroom-lockin-60.png`, fullPage: true });
  await playToEnd(page, 200);
  notes.push(`LESSON 1 at the end:\n${await readouts(page)}`);
  await page.screenshot({ path: `${IMG}/classroom-lockin.png`, fullPage: true });
  notes.push(`LESSON 1 ensemble: ${await revealEnsemble(page, '16')}`);
  await page.locator('.ensemble').screenshot({ path: `${IMG}/classroom-lockin-ensemble.png` });

  // Lesson 2: the bridge across the water, built by the teacher at tick 80.
  await page.uncheck('#compare');
  await page.selectOption('#scenario', 'oresund-bridge');
  await page.waitForFunction(() => /tick 0 \//.test(document.getElementById('tick')?.textContent ?? ''));
  await page.mouse.click(5, 5);
  await page.keyboard.press('Space');
  await waitForTick(page, 50);
  await page.keyboard.press('Space'); // pause, then step to tick 80 exactly, as the scenario's bridge arm
  await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
  await stepTo(page, 80);
  await page.waitForTimeout(1500);
  notes.push(`LESSON 2 before the bridge (tick 80):\n${await readouts(page)}`);
  await page.locator('#maps').screenshot({ path: `${IMG}/classroom-bridge-before.png` });
  await page.click('#policy-bridge');
  await page.mouse.click(5, 5);
  await waitForTick(page, 80);
  await stepTo(page, 100);
  await page.waitForTimeout(1000);
  await page.locator('#maps').screenshot({ path: `${IMG}/classroom-bridge-after.png` });
  await playToEnd(page, 200);
  notes.push(`LESSON 2 at the end:\n${await readouts(page)}`);
  await page.screenshot({ path: `${IMG}/classroom-bridge.png`, fullPage: true });
  notes.push(`LESSON 2 ensemble: ${await revealEnsemble(page, '16')}`);
  await page.locator('.ensemble').screenshot({ path: `${IMG}/classroom-bridge-ensemble.png` });

  // Large type, as on a projector.
  await page.keyboard.press('l');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${IMG}/classroom-projector.png` });

  notes.push(`errors: ${JSON.stringify(g.errors)}; blocked: ${JSON.stringify(g.blocked)}`);
  writeFileSync(`${ARTIFACTS}/lessons.txt`, `${notes.join('\n\n')}\n`);
  console.log(notes.join('\n\n'));
  await g.close();
}

await main();
