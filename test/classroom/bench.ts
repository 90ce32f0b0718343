/**
 * Speed of the classroom page at full speed on the baseline region, measured in headless
 * chromium: ticks per second, the main thread's long tasks (PerformanceObserver
 * 'longtask', tasks over 50 ms: count, longest, 95th percentile) and the lag of a 100 ms
 * timer during 10 s of play (or until the run's last tick), with the machine's load average;
 * and, from a trace, each main-thread task's CPU time (wall time minus time held off the CPU).
 * Not a test (wall-clock numbers depend on the machine): run it with
 * `npx tsx test/classroom/bench.ts [scenario] [--compare] [--size 1024x768]` and report
 * what it prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildClassroomPage } from '../../src/classroom';
import { ARTIFACTS, openGuardedPage, waitForTick } from './browser';

const scenario = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--size') ?? 'baseline';
const compare = process.argv.includes('--compare');
const sizeAt = process.argv.indexOf('--size');
const [width, height] = (sizeAt >= 0 ? process.argv[sizeAt + 1] : '1366x768').split('x').map(Number);
mkdirSync(ARTIFACTS, { recursive: true });
const file = resolve(ARTIFACTS, 'bench.html');
writeFileSync(file, await buildClassroomPage({ scenario }));
const g = await openGuardedPage({ width, height });
const { page } = g;
await page.goto(pathToFileURL(file).href);
await page.waitForFunction(() => document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
if (compare) {
  await page.check('#compare');
  await page.waitForSelector('canvas#map-1');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart[data-drawn-tick]').length === 5);
}
await page.evaluate(() => {
  const w = window as unknown as { longTasks: number[]; timerLag: number[] };
  w.longTasks = [];
  w.timerLag = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask' });
  // How late a 100 ms timer fires: what a teacher feels as a sluggish page.
  let due = performance.now() + 100;
  setInterval(() => { const now = performance.now(); w.timerLag.push(Math.max(0, now - due)); due = now + 100; }, 100);
});
const load0 = loadavg()[0];
// A trace of the play gives each main-thread task's CPU time besides its wall time: on a
// loaded machine a task can be held off the CPU for most of its wall time.
await g.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.mouse.click(2, 2);
await page.keyboard.press('Space');
await waitForTick(page, 3);
const start = await page.evaluate(() => ({ tick: Number(/tick (\d+)/.exec(document.getElementById('tick')!.textContent!)![1]), at: performance.now() }));
await page.evaluate(() => { const w = window as unknown as { longTasks: number[]; timerLag: number[] }; w.longTasks.splice(0); w.timerLag.splice(0); });
// 10 s of play, or less if the run reaches its last tick first (then the clock stops there).
// (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
await page.evaluate(() => new Promise<void>((done) => {
  const t0 = performance.now();
  const timer = setInterval(() => {
    const m = /tick (\d+) \/ (\d+)/.exec(document.getElementById('tick')!.textContent!)!;
    if (Number(m[1]) >= Number(m[2]) || performance.now() - t0 >= 10_000) { clearInterval(timer); done(); }
  }, 20);
}));
const end = await page.evaluate(() => ({
  tick: Number(/tick (\d+)/.exec(document.getElementById('tick')!.textContent!)![1]), at: performance.now(),
  longTasks: (window as unknown as { longTasks: number[] }).longTasks,
  timerLag: (window as unknown as { timerLag: number[] }).timerLag,
  maxDrawMs: document.getElementById('rate')!.dataset.maxDrawMs, maxChartMs: document.getElementById('rate')!.dataset.maxChartMs, frames: Number(document.getElementById('rate')!.dataset.framesDrawn ?? 0),
}));
await page.keyboard.press('Space');
const trace = JSON.parse((await g.browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
const mainThread = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
const tasks = trace.traceEvents.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && e.name === 'RunTask');
// Only top-level tasks (a nested RunTask is part of its parent); the trace spans the whole play.
const topLevel = tasks.filter((t) => !tasks.some((u) => u !== t && u.ts <= t.ts && u.ts + (u.dur ?? 0) >= t.ts + (t.dur ?? 0)));
const cpuMs = topLevel.map((t) => (t.tdur ?? 0) / 1000);
const seconds = (end.at - start.at) / 1000;
const max = end.longTasks.length ? Math.max(...end.longTasks) : 0;
/** The 95th percentile (nearest rank); 0 for no values. */
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1] : 0);
const line = `${scenario}${compare ? ' (compare)' : ''}, full speed, headless chromium ${width}x${height}: ${((end.tick - start.tick) / seconds).toFixed(1)} ticks/s ` +
  `(ticks ${start.tick}-${end.tick} in ${seconds.toFixed(1)} s); main-thread long tasks (> 50 ms): ${end.longTasks.length}, longest ${max.toFixed(0)} ms, p95 ${p95(end.longTasks).toFixed(0)} ms; ` +
  `100 ms timer lag: longest ${Math.max(0, ...end.timerLag).toFixed(0)} ms, p95 ${p95(end.timerLag).toFixed(0)} ms ` +
  `(longest map draw, in the worker, ${end.maxDrawMs} ms; charts' redraw, in the chart worker, ${end.maxChartMs} ms); ` +
  `main-thread CPU per task (trace): longest ${Math.max(0, ...cpuMs).toFixed(1)} ms, p95 ${p95(cpuMs).toFixed(1)} ms, over 50 ms ${cpuMs.filter((x) => x > 50).length}, total ${cpuMs.reduce((a, b) => a + b, 0).toFixed(0)} ms; ` +
  `load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores; errors ${JSON.stringify(g.errors)}`;
console.log(line);
writeFileSync(resolve(ARTIFACTS, `bench-${scenario}${compare ? '-compare' : ''}-${width}.txt`), `${line}\n`);
await g.close();
