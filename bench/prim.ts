/**
 * PRIM speed (issue 17: "PRIM with pasting on 100,000 rows x 20 dimensions in under 10 s"):
 * the planted-box data of the tests (test/analysis/planted.ts) at 100,000 rows and 20
 * inputs; times the sort, the peeling trajectory, pasting the chosen box and its
 * quasi-p-values (wall clock, and the process's CPU time), and prints them with the
 * machine's load (the cores may be shared).
 *
 *   node build.mjs && node dist/bench/prim.js [--rows N] [--inputs D] [--repeat R]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { boxStats, fullBox, membership, restrictedInputs } from '../src/analysis/box';
import { defaultChoice, paste, peelingTrajectory, PrimData } from '../src/analysis/prim';
import { quasiPValues } from '../src/analysis/quasi-p';
import { plantedData } from '../test/analysis/planted';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, inputs: { type: 'string', default: '20' }, repeat: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const inputs = Number(values.inputs);
const data = plantedData(rows, inputs);
const loadStart = os.loadavg();
const times: { sort: number; peel: number; paste: number; quasiP: number; total: number; cpu: number }[] = [];
let summary = {};
for (let r = 0; r < Number(values.repeat); r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const pd = new PrimData(data);
  const t1 = performance.now();
  const trajectory = peelingTrajectory(pd);
  const t2 = performance.now();
  const chosen = defaultChoice(trajectory);
  const box = paste(pd, trajectory[chosen].box);
  const t3 = performance.now();
  const restricted = restrictedInputs(box, fullBox(data));
  const qp = quasiPValues(data, box, restricted);
  const t4 = performance.now();
  const c = process.cpuUsage(c0);
  // cpu: this process's CPU time (user + system); on a shared machine wall time also counts waiting for a core.
  times.push({ sort: t1 - t0, peel: t2 - t1, paste: t3 - t2, quasiP: t4 - t3, total: t4 - t0, cpu: (c.user + c.system) / 1000 });
  summary = { trajectory: trajectory.length, chosen, restricted: restricted.map((j) => data.names[j]), quasiP: qp, stats: boxStats(data, membership(data, box)) };
}
const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
console.log(JSON.stringify({
  rows, inputs, ...summary,
  seconds: times.map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, seconds(v)]))),
  cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, load_start: loadStart, load_end: os.loadavg(),
}, null, 1));
