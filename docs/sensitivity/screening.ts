/**
 * The sensitivity studies of docs/sensitivity.md as scenarios: a Morris screening of every
 * screened numeric parameter over its plausible range (src/scenario/plausible.ts), and a
 * Saltelli analysis of the most influential ones. Run sizes are stated here once.
 *
 *   npx tsx docs/sensitivity/screening.ts morris            # writes output/sensitivity/morris.yaml
 *   npx tsx docs/sensitivity/screening.ts saltelli P1 P2 ...  # writes output/sensitivity/saltelli.yaml
 *   lrsim sweep output/sensitivity/morris.yaml --workers 2 --out output/sensitivity/morris
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { plausibleRanges } from '../../src/scenario/plausible';

/**
 * The region of the studies, reduced for a 2-core machine shared by 8 people: 100 firms,
 * 1,000 residents, 120 ticks (the validation suite uses 150, 1,500 and 200), observed every
 * 4 ticks. The full-size study is the same scenario with the sizes of test/validation.
 */
export const STUDY_REGION = {
  ticks: 120,
  agents: { firms: 100, residents: 1000, institutions: { university: 2, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
  observe: { every: 4 },
};
export const MORRIS_RUN = { trajectories: 4, levels: 4, pool: 16, replicates: 2 };
export const SALTELLI_RUN = { n: 16, replicates: 2 };

const ranges = (paths?: string[]) =>
  Object.fromEntries(
    [...plausibleRanges()]
      .filter(([path]) => !paths || paths.includes(path))
      .map(([path, r]) => [path, r.integer ? { min: r.min, max: r.max, integer: true } : { min: r.min, max: r.max }]),
  );

export function morrisScenario() {
  return {
    name: 'sensitivity-morris',
    description: 'Morris screening of every screened numeric parameter over its plausible range (docs/sensitivity.md).',
    ...STUDY_REGION,
    sweep: { design: 'morris', samples: MORRIS_RUN.trajectories, levels: MORRIS_RUN.levels, pool: MORRIS_RUN.pool, replicates: MORRIS_RUN.replicates, parameters: ranges() },
  };
}

export function saltelliScenario(paths: string[]) {
  return {
    name: 'sensitivity-saltelli',
    description: `Sobol indices of the ${paths.length} parameters the Morris screening ranked highest (docs/sensitivity.md).`,
    ...STUDY_REGION,
    sweep: { design: 'saltelli', samples: SALTELLI_RUN.n, replicates: SALTELLI_RUN.replicates, parameters: ranges(paths) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, ...paths] = process.argv.slice(2);
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'output', 'sensitivity');
  mkdirSync(dir, { recursive: true });
  const scenario = what === 'morris' ? morrisScenario() : saltelliScenario(paths);
  writeFileSync(join(dir, `${what}.yaml`), stringify(scenario));
  process.stdout.write(`${join(dir, `${what}.yaml`)}\n`);
}
