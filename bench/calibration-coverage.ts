/**
 * Coverage of lrsim calibrations (issue 18, "How to check it"): for each of N synthetic
 * target sets, draw true values of openness and social closure (and, with --params 3,
 * frontier width), simulate the "observed"
 * region at them (the mean of R replicate runs, seeds unrelated to the calibration's;
 * each target's scale is the sd over those runs), calibrate back with `runCalibration`,
 * and ask whether the approximate 90 % ABC posterior interval covers the truth and how much narrower the
 * posterior is than the prior.
 *
 *   node build.mjs && node dist/bench/calibration-coverage.js --out DIR [--sets 10] [--particles 40]
 *     [--max-runs 400] [--replicates 8] [--firms 40] [--residents 300] [--ticks 60] [--workers 2] [--params 2|3]
 *
 * Sets already finished in DIR are read back, not run again (so the check can be resumed).
 * Prints one JSON line per set and a summary line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { makeDirectory } from '../src/io/make-directory';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCalibration } from '../src/calibrate/run-calibration';
import { ProposalStream } from '../src/calibrate/seed';
import { loadScenario } from '../src/scenario/load';
import { applySet } from '../src/scenario/set';
import { RunPool } from '../src/sweep/pool';
import { runSeed } from '../src/sweep/seed';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    sets: { type: 'string', default: '10' },
    particles: { type: 'string', default: '40' },
    'max-runs': { type: 'string', default: '400' },
    replicates: { type: 'string', default: '8' },
    firms: { type: 'string', default: '40' },
    residents: { type: 'string', default: '300' },
    ticks: { type: 'string', default: '60' },
    workers: { type: 'string', default: '2' },
    params: { type: 'string', default: '2' },
  },
});
if (!values.out) throw new Error('--out DIR is required');
const out = values.out;
makeDirectory(out);
const three = values.params === '3';
// With frontier width, how close firms stay to the frontier is observed too (the pattern
// that moves with it in docs/calibration.md's worked example).
const OUTCOMES = ['external_tie_share_final', 'lock_in_functional_final', 'innovations_total', ...(three ? ['competitiveness_final'] : [])];
const PARAMS = [
  { path: 'openness', prior: '{prior: uniform, min: 0, max: 0.5}', truth: (u: number) => 0.05 + 0.4 * u, lo: 0, hi: 0.5 },
  { path: 'proximity.social_closure', prior: '{prior: uniform, min: 0, max: 1}', truth: (u: number) => 0.1 + 0.8 * u, lo: 0, hi: 1 },
  ...(three ? [{ path: 'environment.frontier_width', prior: '{prior: log_uniform, min: 1, max: 10}', truth: (u: number) => 2 * 2.5 ** u, lo: 1, hi: 10 }] : []),
];

const region = join(out, 'region.yaml');
writeFileSync(region, `name: coverage-region\nextends: baseline\nticks: ${values.ticks}\nagents: {firms: ${values.firms}, residents: ${values.residents}}\n`);
const raw = loadScenario(region).raw as Record<string, unknown>;
const pool = new RunPool({ workers: Number(values.workers) });
const results: { set: number; truth: number[]; covered: boolean[]; shrinkage: number[]; runs: number; seconds: number }[] = [];

for (let set = 0; set < Number(values.sets); set++) {
  const dir = join(out, `set-${set}`);
  const done = join(dir, 'result.json');
  if (existsSync(done)) {
    results.push(JSON.parse(readFileSync(done, 'utf8')));
    console.log(readFileSync(done, 'utf8').trim());
    continue;
  }
  makeDirectory(dir);
  const stream = new ProposalStream(2026, 0, set);
  const truth = PARAMS.map((p) => p.truth(stream.uniform()));
  const input = applySet(raw, PARAMS.map((p, k) => `${p.path}=${truth[k]}`)) as Record<string, unknown>;
  const reps = Number(values.replicates);
  // "Observed" runs: seeds from the sweep rule with scenario seed 9000 + set, never the calibration's.
  const runs = await Promise.all(Array.from({ length: reps }, (_, r) => pool.run({ key: `truth-${set}-${r}`, input, seed: runSeed(9000 + set, 0, r), microdata: false })));
  const targets = OUTCOMES.map((o) => {
    const v = runs.map((run) => run.outcomes[o as keyof typeof run.outcomes]);
    const mean = v.reduce((a, b) => a + b, 0) / reps;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1));
    return `  - {outcome: ${o}, observed: ${mean}, scale: ${Math.max(sd, 1e-6)}}`;
  });
  const targetsFile = join(dir, 'targets.yaml');
  writeFileSync(
    targetsFile,
    `targets:\n${targets.join('\n')}\nparameters:\n${PARAMS.map((p) => `  ${p.path}: ${p.prior}`).join('\n')}\n` +
      `abc: {particles: ${values.particles}, max_runs: ${values['max-runs']}, max_generations: 20, final_tolerance: 1, predictive_draws: 0, seed: ${set + 1}}\n`,
  );
  const started = performance.now();
  const cal = join(dir, 'calibration');
  const summary = await runCalibration({ scenario: region, targets: targetsFile, out: cal, workers: Number(values.workers), progress: false, images: false, resume: existsSync(join(cal, 'runs.ndjson')) });
  const rows = readFileSync(join(cal, 'posterior-summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  // columns: parameter, prior (quoted, holds one comma), prior_mean, prior_sd, prior_q05, prior_q95, mean, sd, median, q05, q95, shrinkage
  const result = {
    set,
    truth,
    covered: rows.map((r, k) => Number(r[10]) <= truth[k] && truth[k] <= Number(r[11])),
    interval: rows.map((r) => [Number(r[10]), Number(r[11])]),
    shrinkage: rows.map((r) => Number(r[12])),
    generations: summary.generations,
    stop: summary.stopReason,
    runs: summary.runs,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(done, JSON.stringify(result) + '\n');
  console.log(JSON.stringify(result));
  results.push(result);
}
await pool.destroy();
const covered = PARAMS.map((_, k) => results.filter((r) => r.covered[k]).length);
const shrink = PARAMS.map((_, k) => results.reduce((a, r) => a + r.shrinkage[k], 0) / results.length);
console.log(JSON.stringify({ sets: results.length, parameters: PARAMS.map((p) => p.path), covered, meanShrinkage: shrink, runs: results.reduce((a, r) => a + r.runs, 0), seconds: results.reduce((a, r) => a + r.seconds, 0) }));
