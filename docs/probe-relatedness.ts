/**
 * Writes fact 9's panel (test/validation/relatedness-panel.ts) as CSV, for the
 * cross-check of the logit and LPM in R (docs/facts.md gives the R code and its output).
 *
 *   nice -n 10 npx tsx docs/probe-relatedness.ts [--first 90017 --seeds 48] > /tmp/fact9.csv
 *
 * Without options: the suite's seeds (SEEDS_FACT_9).
 */
import { parseArgs } from 'node:util';
import { PANEL_COLUMNS, relatednessPanel, SEEDS_FACT_9 } from '../test/validation/relatedness-panel';

const { values } = parseArgs({ options: { first: { type: 'string' }, seeds: { type: 'string', default: '16' } } });
const seeds = values.first ? Array.from({ length: Number(values.seeds) }, (_, i) => Number(values.first) + i) : SEEDS_FACT_9;
const { entry, exit } = relatednessPanel(seeds);
const lines = [['sample', 'seed', 'y', ...PANEL_COLUMNS.slice(1)].join(',')];
for (const [name, rows] of [['entry', entry], ['exit', exit]] as const) for (const r of rows) lines.push([name, r.seed, r.y, ...r.x.slice(1)].join(','));
process.stdout.write(lines.join('\n') + '\n');
