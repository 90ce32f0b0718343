/**
 * The sensitivity studies of docs/sensitivity.md as scenarios: a Morris screening of every
 * screened numeric parameter over its plausible range (src/scenario/plausible.ts), and a
 * Saltelli analysis of the most influential ones. Run sizes are stated here once.
 *
 *   npx tsx docs/sensitivity/screening.ts morris            # writes output/sensitivity/morris.yaml
 *   npx tsx docs/sensitivity/screening.ts saltelli P1 P2 ...  # writes output/sensitivity/saltelli.yaml
 *   lrsim sweep output/sensitivity/morris.yaml --workers 2 --out output/sensitivity/morris
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parseCsv } from '../../src/io/csv';
import { plausibleRanges } from '../../src/scenario/plausible';

/**
 * The region of the studies: the validation suite's size (test/validation/harness.ts:
 * 150 firms, 1,500 residents, 200 ticks), observed every 4 ticks.
 */
export const STUDY_REGION = {
  ticks: 200,
  agents: { firms: 150, residents: 1500, institutions: { university: 2, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
  observe: { every: 4 },
};
export const MORRIS_RUN = { trajectories: 10, levels: 4, pool: 40, replicates: 2 };
export const SALTELLI_RUN = { n: 256, replicates: 2 };

/**
 * Both studies run every design point twice on the same seeds: as it is, and with the
 * structural shock of the built-in `structural-shock` scenario (the three strongest
 * domains collapse to 20 % at tick 100), so recovery after a shock (recovered, the
 * restricted mean recovery time, drop_ratio) has Morris and Sobol indices too.
 */
export const SHOCK_ARMS = [
  { name: 'no_shock', description: 'No shock.' },
  { name: 'shock', description: 'The three strongest domains collapse to 20 % of their relevance at tick 100.', shocks: [{ tick: 100, kind: 'core_collapse', factor: 0.2, domains: 3 }] },
];

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
    arms: SHOCK_ARMS,
  };
}

export function saltelliScenario(paths: string[]) {
  return {
    name: 'sensitivity-saltelli',
    description: `Sobol indices of the ${paths.length} parameters the Morris screening ranked highest (docs/sensitivity.md).`,
    ...STUDY_REGION,
    sweep: { design: 'saltelli', samples: SALTELLI_RUN.n, replicates: SALTELLI_RUN.replicates, parameters: ranges(paths) },
    arms: SHOCK_ARMS,
  };
}

/** The outcomes whose Morris ranking picks the parameters of the Saltelli analysis. */
export const RANKED_OUTCOMES = ['innovation_value_late', 'lock_in_index_final', 'diversity_final'];

/**
 * The `count` parameters ranked highest by the Morris screening in `morrisCsv` (the
 * extracted table docs/sensitivity/morris.csv; arm `no_shock`, full r): each parameter's
 * largest mu* relative to the outcome's largest mu*, over RANKED_OUTCOMES; ties broken by
 * name.
 */
export function topParameters(morrisCsv: string, count = 8): string[] {
  const { columns, rows } = parseCsv(morrisCsv);
  const col = (name: string) => columns.indexOf(name);
  const r = String(MORRIS_RUN.trajectories);
  const mine = rows.filter((x) => x[col('index')] === 'mu_star' && x[col('arm')] === 'no_shock' && x[col('n')] === r && x[col('parameter')] !== 'seed');
  const score = new Map<string, number>();
  for (const outcome of RANKED_OUTCOMES) {
    const of = mine.filter((x) => x[col('outcome')] === outcome);
    const top = Math.max(...of.map((x) => Number(x[col('estimate')])));
    for (const x of of) {
      const rel = Number(x[col('estimate')]) / top;
      score.set(x[col('parameter')], Math.max(score.get(x[col('parameter')]) ?? 0, rel));
    }
  }
  return [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([p]) => p);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, ...given] = process.argv.slice(2);
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'output', 'sensitivity');
  mkdirSync(dir, { recursive: true });
  // `saltelli` without parameters takes the 8 the Morris screening ranked highest (from the
  // table `npx tsx docs/gen-sensitivity.ts extract` writes).
  const morrisTable = join(dirname(fileURLToPath(import.meta.url)), 'morris.csv');
  const paths = what === 'saltelli' && given.length === 0 ? topParameters(readFileSync(morrisTable, 'utf8')) : given;
  if (what === 'saltelli') process.stdout.write(`parameters: ${paths.join(' ')}\n`);
  const scenario = what === 'morris' ? morrisScenario() : saltelliScenario(paths);
  writeFileSync(join(dir, `${what}.yaml`), stringify(scenario));
  process.stdout.write(`${join(dir, `${what}.yaml`)}\n`);
}
