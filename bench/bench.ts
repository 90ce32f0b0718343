/**
 * `npm run bench`: lrsim's benchmarks, measured in process with warm-up and the median of
 * repeated runs (spread reported), wall and CPU time, and the load average around every
 * measurement (the machine may be shared). Prints a table and writes
 * bench/results/latest.json with the machine description.
 *
 *   node dist/bench.js              full run (about 10 minutes on 2 cores), writes latest.json
 *   node dist/bench.js --quick      CI smoke run (< 1 minute); writes to the temp dir
 *   node dist/bench.js --out FILE   where to write the JSON
 *   node dist/bench.js --only=a,b   only some sections (throughput, scaling, memory, sweep, limits, profile)
 *
 * Sections: (1) agent-ticks and interactions per second on the baseline at K = 16, 24, 64;
 * (2) time per tick from 10^3 to 10^6 agents; (3) bytes per agent against the layout's
 * minimum; (4) sweep throughput and parallel efficiency with 1 and 2 workers, per-task
 * overhead; (5) memory bandwidth, scalar arithmetic and the exchange kernel's fraction of
 * the lower limit; and a CPU profile of baseline runs (self time per function).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { makeDirectory } from '../src/io/make-directory';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../src/io/repo';
import { finishMachine, startMachine } from './lib/machine';
import { measureMemory, memoryChild } from './lib/memory';
import { measureLimits } from './lib/limits';
import { measureProfile, profileChild } from './lib/profile';
import { NOTES, printReport, targetsOf, type BenchResult } from './lib/report';
import { measureScaling, scalingChild } from './lib/scaling';
import { measureSweep } from './lib/sweep';
import { measureThroughput } from './lib/throughput';

const SECTIONS = ['throughput', 'scaling', 'memory', 'sweep', 'limits', 'profile'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let n = 0; n < argv.length; n++) {
    const a = argv[n];
    if (!a.startsWith('--')) throw new Error(`bench: unexpected argument "${a}" (see the header of bench/bench.ts)`);
    const eq = a.indexOf('=');
    if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
    else if (a === '--out') args.set('out', argv[++n] ?? '');
    else args.set(a.slice(2), 'true');
  }
  return args;
}

const num = (args: Map<string, string>, key: string, fallback: number) => (args.has(key) ? Number(args.get(key)) : fallback);

/** Settings of a full and a quick run. */
function settings(quick: boolean) {
  const SEED = 42;
  return quick
    ? {
        seed: SEED,
        throughput: { Ks: [16, 24, 64], ticks: 20, repeats: 2, warmupTicks: 10, seed: SEED },
        scaling: { sizes: [1e3, 1e4, 1e5], warmupTicks: 1, ticks: 2, repeats: () => 1, seed: SEED },
        memory: { sizes: [8408], K: 24, ticks: 2 },
        sweep: { runsPerWorker: 1, overheadTasks: 2, repeats: 1, scenarioYaml: 'name: bench-sweep\nticks: 10\nagents: { firms: 40, residents: 300 }\n' },
        limits: { triadElements: 2 ** 21, triadPasses: 3, scalarSteps: 2e7, kernelPairs: 1024, kernelPasses: 10, K: 24, seed: SEED },
        profile: { K: 24, ticks: 20, runs: 1, top: 12 },
      }
    : {
        seed: SEED,
        throughput: { Ks: [16, 24, 64], ticks: 200, repeats: 5, warmupTicks: 60, seed: SEED },
        scaling: { sizes: [1e3, 1e4, 1e5, 1e6], warmupTicks: 3, ticks: 5, repeats: (n: number) => (n <= 1e4 ? 10 : n <= 1e5 ? 5 : 2), seed: SEED },
        memory: { sizes: [8408, 1e5], K: 24, ticks: 10 },
        sweep: { runsPerWorker: 4, overheadTasks: 6, repeats: 2, scenarioYaml: '' },
        limits: { triadElements: 2 ** 23, triadPasses: 10, scalarSteps: 2e8, kernelPairs: 4096, kernelPasses: 100, K: 24, seed: SEED },
        profile: { K: 24, ticks: 200, runs: 2, top: 15 },
      };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const script = fileURLToPath(import.meta.url);
  const child = args.get('child');
  if (child === 'memory') {
    const p = memoryChild(num(args, 'agents', 8408), num(args, 'K', 24), num(args, 'ticks', 10), num(args, 'seed', 42));
    process.stdout.write(`${JSON.stringify(p)}\n`);
    return;
  }
  if (child === 'scaling') {
    const p = scalingChild(num(args, 'agents', 1e4), num(args, 'warmup', 3), num(args, 'ticks', 5), num(args, 'repeats', 1), num(args, 'seed', 42));
    process.stdout.write(`${JSON.stringify(p)}\n`);
    return;
  }
  if (child === 'profile') {
    profileChild(num(args, 'K', 24), num(args, 'ticks', 200), num(args, 'runs', 1), num(args, 'seed', 42));
    return;
  }
  if (child) throw new Error(`bench: unknown --child=${child}`);

  const quick = args.has('quick');
  const only = args.has('only') ? (args.get('only')!.split(',') as Section[]) : [...SECTIONS];
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`bench: unknown section "${s}" (one of ${SECTIONS.join(', ')})`);
  const partial = only.length < SECTIONS.length;
  const out = resolve(args.get('out') || (quick || partial ? join(tmpdir(), `lrsim-bench-${quick ? 'quick' : 'partial'}.json`) : join(repoRoot(), 'bench', 'results', 'latest.json')));
  const cfg = settings(quick);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const started = performance.now();
  const result: BenchResult = {
    schema: 'lrsim-bench/1',
    mode: quick ? 'quick' : 'full',
    command: quick ? 'npm run bench -- --quick' : 'npm run bench',
    sections: only,
    machine: startMachine(),
    seconds: 0,
  };
  log(`lrsim bench (${result.mode}) on ${result.machine.cpu_model}, ${result.machine.cores} cores, load ${result.machine.load_start.join(' ')}`);
  const run = async <T>(section: Section, title: string, work: () => T | Promise<T>): Promise<T | undefined> => {
    if (!only.includes(section)) return undefined;
    log(`${title}`);
    return await work();
  };
  result.throughput = await run('throughput', '(1) throughput on the baseline', () => measureThroughput(cfg.throughput, log));
  result.scaling = await run('scaling', '(2) population scaling', () => measureScaling(script, cfg.scaling, log));
  result.memory = await run('memory', '(3) bytes per agent', () => measureMemory(script, cfg.memory.sizes, cfg.memory.K, cfg.memory.ticks, cfg.seed, log));
  result.sweep = await run('sweep', '(4) sweep throughput', () => measureSweep({ ...cfg.sweep, script: join(dirname(script), 'bench', 'sweep-efficiency.js') }, log));
  result.limits = await run('limits', '(5) machine limits and the exchange kernel', () => measureLimits(cfg.limits, log));
  result.profile = await run('profile', '(6) CPU profile of baseline runs', () => measureProfile(script, cfg.profile.K, cfg.profile.ticks, cfg.profile.runs, cfg.seed, cfg.profile.top));
  finishMachine(result.machine);
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  result.targets = targetsOf(result);
  result.notes = NOTES;
  printReport(result, (s) => process.stdout.write(`${s}\n`));
  makeDirectory(dirname(out));
  writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  process.stdout.write(`\nwrote ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
