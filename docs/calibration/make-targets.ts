/**
 * Writes the "observed" values of a synthetic calibration example (docs/calibration.md)
 * from its truth sweep: each target's observed value is the mean of the runs at the true
 * values, its scale their standard deviation. The targets file is updated in place: only
 * the `observed` and `scale` of each `- {outcome: ..., observed: ..., scale: ...}` line
 * change (priors, settings and prose stay as written).
 *
 *   lrsim sweep docs/calibration/truth.yaml --out output/calibration-example/truth --workers 2
 *   npx tsx docs/calibration/make-targets.ts output/calibration-example/truth docs/calibration/targets.yaml
 *   lrsim sweep docs/calibration/validation/truth.yaml --out output/calibration-bench/truth --workers 2
 *   npx tsx docs/calibration/make-targets.ts output/calibration-bench/truth docs/calibration/validation/targets.yaml
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { outcomeValue, readRunRecords } from '../../src/stats';

const [truthDir, targetsFile] = process.argv.slice(2);
if (!truthDir || !targetsFile) throw new Error('usage: make-targets.ts TRUTH_SWEEP_DIR TARGETS.yaml');
const text = readFileSync(targetsFile, 'utf8');
const line = /^(\s*- \{outcome: )([a-z0-9_]+)(, observed: )([^,]+)(, scale: )([^}]+)\}$/gm;
const outcomes = [...text.matchAll(line)].map((m) => m[2]);
if (!outcomes.length) throw new Error(`${targetsFile}: no "- {outcome: ..., observed: ..., scale: ...}" line`);
const values = new Map<string, number[]>(outcomes.map((o) => [o, []]));
for await (const record of readRunRecords(truthDir)) if (record.status === 'ok') for (const o of outcomes) values.get(o)!.push(outcomeValue(record, o));
const g5 = (x: number) => Number(x.toPrecision(5));
const updated = text.replace(line, (_m, a: string, o: string, b: string, _obs: string, c: string) => `${a}${o}${b}${g5(mean(values.get(o)!))}${c}${g5(sampleStandardDeviation(values.get(o)!))}}`);
writeFileSync(targetsFile, updated);
process.stdout.write(`${targetsFile}: ${outcomes.length} targets from ${values.get(outcomes[0])!.length} runs\n`);
