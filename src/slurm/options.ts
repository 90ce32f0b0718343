/**
 * The options of `lrsim slurm`, checked once at the edge: every value that ends up in an
 * #SBATCH line is validated here so a generated script never fails in the queue.
 */
import { ScenarioError } from '../scenario/errors';
import { slurmMessages as msg } from './messages';
import { hasUnsafeCharacter } from '../scenario/unsafe-text';

/**
 * A user error of `lrsim slurm`: one line, nothing written or submitted. A ScenarioError,
 * so the CLI prints it as `lrsim: error: ...` and exits 2 like every other bad input.
 */
export class SlurmInputError extends ScenarioError {
  constructor(message: string) {
    super(message);
    this.name = 'SlurmInputError';
  }
}

/** What the user asked for, as given on the command line. */
export interface SlurmRequest {
  scenario: string | undefined;
  shards: unknown;
  out?: string;
  partition?: string;
  time?: string;
  cpusPerTask?: unknown;
  mem?: string;
  arrayLimit?: unknown;
  account?: string;
  set?: string[];
  submit?: boolean;
}

/** The scheduler resources every generated script asks for. */
export interface SlurmResources {
  partition?: string;
  time?: string;
  cpusPerTask: number;
  mem?: string;
  account?: string;
  arrayLimit?: number;
}

// SLURM's time formats (sbatch(1), --time): minutes, minutes:seconds, hours:minutes:seconds,
// days-hours, days-hours:minutes and days-hours:minutes:seconds.
const TIME = /^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$/;
const MEM = /^\d+[KMGT]?$/i;
const NAME = /^[A-Za-z0-9_.-]+$/;

function positiveInteger(flag: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new SlurmInputError(flag === '--shards' ? msg.shardsNotPositive(value) : msg.positiveInteger(flag, value));
  }
  return n;
}

function directiveName(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!NAME.test(value)) throw new SlurmInputError(msg.badDirectiveValue(flag, value));
  return value;
}

/** Checks the shard count (before anything else: it is the one option every call has). */
export function parseShards(value: unknown): number {
  return positiveInteger('--shards', value);
}

/** Checks every resource option; throws SlurmInputError on the first bad one. */
export function parseResources(req: SlurmRequest): SlurmResources {
  if (req.time !== undefined && !TIME.test(req.time)) throw new SlurmInputError(msg.badTime(req.time));
  if (req.mem !== undefined && !MEM.test(req.mem)) throw new SlurmInputError(msg.badMem(req.mem));
  return {
    partition: directiveName('--partition', req.partition),
    account: directiveName('--account', req.account),
    time: req.time,
    mem: req.mem,
    cpusPerTask: req.cpusPerTask === undefined ? 1 : positiveInteger('--cpus-per-task', req.cpusPerTask),
    arrayLimit: req.arrayLimit === undefined ? undefined : positiveInteger('--array-limit', req.arrayLimit),
  };
}

/** An output directory must fit into #SBATCH --output lines, which take no quoting. */
export function checkOutDir(dir: string): string {
  if (/[\s%'"\\]/.test(dir) || hasUnsafeCharacter(dir)) throw new SlurmInputError(msg.badOutDir(dir));
  return dir;
}
