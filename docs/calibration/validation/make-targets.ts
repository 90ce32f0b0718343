/**
 * Writes docs/calibration/validation/targets.yaml from the truth sweep: each target's
 * observed value is the mean of the 8 runs at the true values, its scale their standard
 * deviation (as in the worked example of docs/calibration.md).
 *
 *   lrsim sweep docs/calibration/validation/truth.yaml --out output/calibration-bench/truth --workers 2
 *   npx tsx docs/calibration/validation/make-targets.ts output/calibration-bench/truth
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { outcomeValue, readRunRecords } from '../../../src/stats';

const OUTCOMES = ['external_tie_share_final', 'lock_in_functional_final', 'competitiveness_final', 'exits_total'];
const values = new Map<string, number[]>(OUTCOMES.map((o) => [o, []]));
for await (const record of readRunRecords(process.argv[2])) if (record.status === 'ok') for (const o of OUTCOMES) values.get(o)!.push(outcomeValue(record, o));
const g5 = (x: number) => Number(x.toPrecision(5));
const lines = [
  '# yaml-language-server: $schema=../../../targets.schema.json',
  'description: >-',
  '  Calibration benchmark at the validation size (docs/calibration.md, "Speed"): the "observed"',
  `  values are the means of ${values.get(OUTCOMES[0])!.length} runs of region.yaml at openness 0.2, social closure 0.6 and`,
  '  frontier width 3.5 (truth.yaml, seeds from scenario seed 1001); each scale is the standard',
  '  deviation over those runs. Written by make-targets.ts.',
  'targets:',
  ...OUTCOMES.map((o) => `  - {outcome: ${o}, observed: ${g5(mean(values.get(o)!))}, scale: ${g5(sampleStandardDeviation(values.get(o)!))}}`),
  'parameters:',
  '  openness: {prior: uniform, min: 0, max: 0.5}',
  '  proximity.social_closure: {prior: uniform, min: 0, max: 1}',
  '  environment.frontier_width: {prior: log_uniform, min: 1, max: 10}',
  'abc:',
  '  particles: 50',
  '  final_tolerance: 2',
  '  max_generations: 20',
  '  max_runs: 2000',
  '  predictive_draws: 20',
  '  seed: 1',
];
const file = join(dirname(fileURLToPath(import.meta.url)), 'targets.yaml');
writeFileSync(file, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${file}\n`);
