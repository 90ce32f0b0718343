/**
 * The command registry: every `lrsim` command, one module each, loaded on demand so that
 * `lrsim run` never loads vega, arrow or esbuild (a second of start-up on every call).
 * To add a command, write `src/cli/commands/NAME.ts` exporting a yargs CommandModule and
 * add one line below (the order is the order in `lrsim --help`).
 */
import type { CommandModule } from 'yargs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = () => Promise<CommandModule<any, any>>;

export const commandLoaders: Record<string, Loader> = {
  run: () => import('./run').then((m) => m.runCommand),
  validate: () => import('./validate').then((m) => m.validateCommand),
  scenarios: () => import('./scenarios').then((m) => m.scenariosCommand),
  schema: () => import('./schema').then((m) => m.schemaCommand),
  sweep: () => import('./sweep').then((m) => m.sweepCommand),
  merge: () => import('./merge').then((m) => m.mergeCommand),
  report: () => import('./report').then((m) => m.reportCommand),
  discover: () => import('./discover').then((m) => m.discoverCommand),
  robustness: () => import('./robustness').then((m) => m.robustnessCommand),
  slurm: () => import('./slurm').then((m) => m.slurmCommand),
  sample: () => import('./sample').then((m) => m.sampleCommand),
  analyze: () => import('./analyze').then((m) => m.analyzeCommand),
  calibrate: () => import('./calibrate').then((m) => m.calibrateCommand),
  classroom: () => import('./classroom').then((m) => m.classroomCommand),
};

/** The modules needed for `argv`: only the named command's, or all (for help and typos). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function loadCommands(argv: readonly string[]): Promise<CommandModule<any, any>[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  if (name !== undefined && name in commandLoaders) return [await commandLoaders[name]()];
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}
