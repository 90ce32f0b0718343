/**
 * Speed of the classroom page at full speed on the baseline region, measured in headless
 * chromium: ticks per second and the main thread's long tasks (PerformanceObserver
 * 'longtask', tasks over 50 ms) during 10 s of play, with the machine's load average.
 * Not a test (wall-clock numbers depend on the machine): run it with
 * `npx tsx test/classroom/bench.ts [scenario] [--compare]` and report what it prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildClassroomPage } from '../../src/classroom';
import { ARTIFACTS, openGuardedPage, waitForTick } from './browser';

const scenario = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'baseline';
const compare = process.argv.includes('--compare');
mkdirSync(ARTIFACTS, { recursive: true });
const file = resolve(ARTIFACTS, 'bench.html');
writeFileSync(file, await buildClassroomPage({ scenario }));
const g = await openGuardedPage({ width: 1366, height: 768 });
const { page } = g;
await page.goto(pathToFileURL(file).href);
await page.waitForFunction(() => document.querySelectorAll('figure.chart canvas').length === 5);
if (compare) {
  await page.check('#compare');
  await page.waitForSelector('canvas#map-1');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart canvas').length === 5);
}
await page.evaluate(() => {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask' });
});
const load0 = loadavg()[0];
await page.mouse.click(2, 2);
await page.keyboard.press('Space');
await waitForTick(page, 3);
const start = await page.evaluate(() => ({ tick: Number(/tick (\d+)/.exec(document.getElementById('tick')!.textContent!)![1]), at: performance.now() }));
await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
await page.waitForTimeout(10_000);
const end = await page.evaluate(() => ({
  tick: Number(/tick (\d+)/.exec(document.getElementById('tick')!.textContent!)![1]), at: performance.now(),
  longTasks: (window as unknown as { longTasks: number[] }).longTasks,
  maxDrawMs: document.getElementById('rate')!.dataset.maxDrawMs, maxChartMs: document.getElementById('rate')!.dataset.maxChartMs, frames: Number(document.getElementById('rate')!.dataset.framesDrawn ?? 0),
}));
await page.keyboard.press('Space');
const seconds = (end.at - start.at) / 1000;
const max = end.longTasks.length ? Math.max(...end.longTasks) : 0;
const line = `${scenario}${compare ? ' (compare)' : ''}, full speed, headless chromium 1366x768: ${((end.tick - start.tick) / seconds).toFixed(1)} ticks/s ` +
  `(ticks ${start.tick}-${end.tick} in ${seconds.toFixed(1)} s); main-thread long tasks (> 50 ms): ${end.longTasks.length}, longest ${max.toFixed(0)} ms (longest map draw ${end.maxDrawMs} ms, chart update ${end.maxChartMs} ms); ` +
  `load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores; errors ${JSON.stringify(g.errors)}`;
console.log(line);
writeFileSync(resolve(ARTIFACTS, `bench-${scenario}${compare ? '-compare' : ''}.txt`), `${line}\n`);
await g.close();
