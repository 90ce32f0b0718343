/**
 * Time per run of March (1991) in process, on the grid of the public Python replication's
 * script (p1 = 0.1 ... 0.9 at one p2, `runs` runs each), for the side-by-side figure of
 * issue 21, with the built-in scenario's settings (at most 1,000 periods, a row every 20). Prints the means per p1 (to compare answers) and the time per run with the load.
 *
 *   npx tsx bench/march-1991.ts [RUNS=10] [P2=0.5]
 */
import { loadavg } from 'node:os';
import { MODELS } from '../src/models';
import { fillModelSectionInPlace } from '../src/scenario/model-rules';
import { ScenarioSchema } from '../src/scenario/schema';

const runs = Number(process.argv[2] ?? 10);
const p2 = Number(process.argv[3] ?? 0.5);
const model = MODELS['march-1991'];
const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const scenarioAt = (p1: number) => {
  const s = ScenarioSchema.parse({ model: 'march-1991', ticks: 1000, observe: { every: 20 }, march_1991: { socialization_rate: p1, codification_rate: p2 } });
  fillModelSectionInPlace(s);
  return s;
};
// Warm-up (JIT) on seeds not measured.
for (let seed = 0; seed < 20; seed++) model.run(scenarioAt(0.5), { seed: 1_000_000 + seed });
let unsettled = 0;
const load = loadavg()[0];
const started = performance.now();
const cpu = process.cpuUsage();
const means = P1.map((p1) => {
  const s = scenarioAt(p1);
  let sum = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const r = model.run(s, { seed });
    sum += r.outcomes.code_knowledge_final;
    unsettled += 1 - r.outcomes.equilibrium_reached;
  }
  return sum / runs;
});
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(`p2 = ${p2}, ${runs} runs per p1: ${means.map((m) => m.toFixed(3)).join(' ')} (${unsettled} runs without equilibrium in 1,000 periods)`);
console.log(`${P1.length * runs} runs in ${seconds.toFixed(3)} s = ${((1000 * seconds) / (P1.length * runs)).toFixed(3)} ms per run wall, ${((1000 * cpuSeconds) / (P1.length * runs)).toFixed(3)} ms CPU (load average ${load.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after)`);
