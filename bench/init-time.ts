/**
 * Time to build a region (initialisation) at one size: three constructions of
 * scaledBaseline(N) after a warm-up on a small region, in seconds. Used to compare two
 * commits side by side (`taskset -c 1 npx tsx bench/init-time.ts 1000000`); `npm run bench`
 * reports the same figure per size (init s) from its scaling children.
 */
import { Simulation } from '../src/model';
import { scaledBaseline } from './lib/scenarios';

const N = Number(process.argv[2] ?? 1e6);
const scenario = scaledBaseline(N);
new Simulation(scaledBaseline(2000), 42);
const seconds: number[] = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  new Simulation(scenario, 42);
  seconds.push((performance.now() - t0) / 1000);
}
console.log(`${N} agents: init ${seconds.map((t) => t.toFixed(2)).join(' ')} s`);
