/**
 * The runs of a sweep: points x arms x replicates, each with its key and seed, in an
 * interleaved order, and the deterministic subset of a shard.
 *
 * Order: replicate-major, then points in bit-reversed order, then arms. So a sweep stopped
 * part way has covered every point about equally often (and a first replicate stopped half
 * way is still spread over the whole design), and the arms of one point and replicate run
 * side by side, keeping paired comparisons complete.
 *
 * Shards: the (replicate, point) groups, in run order, are dealt round-robin to n shards,
 * so a shard holds whole arm sets and covers the design evenly.
 */
import { runSeed } from './seed';
import { badInput, sweepMessages as msg } from './messages';

export interface Shard { index: number; count: number }

export interface PlannedRun {
  key: string;
  point: number;
  armIndex: number;
  arm: string;
  replicate: number;
  seed: number;
}

export interface SweepPlan {
  points: number;
  arms: readonly string[];
  replicates: number;
  scenarioSeed: number;
  shard: Shard | null;
}

const digits = (n: number) => String(Math.max(0, n - 1)).length;

/** The run key `p0003.a01.r0005`: fixed widths within a sweep, so keys sort as runs do. */
export function runKey(plan: Pick<SweepPlan, 'points' | 'arms' | 'replicates'>, point: number, arm: number, replicate: number): string {
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return (
    `p${pad(point, Math.max(4, digits(plan.points)))}` +
    `.a${pad(arm, Math.max(2, digits(plan.arms.length)))}` +
    `.r${pad(replicate, Math.max(4, digits(plan.replicates)))}`
  );
}

/** 0..n-1 in bit-reversed (van der Corput) order: 0, n/2, n/4, 3n/4, ... */
export function bitReversedOrder(n: number): number[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const order: number[] = [];
  for (let i = 0; i < 1 << bits; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < n) order.push(r);
  }
  return order;
}

/** Parses `--shard i/n` (0 <= i < n). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) badInput(msg.badShard(text));
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count || !Number.isSafeInteger(count)) badInput(msg.badShard(text));
  return { index, count };
}

export const formatShard = (s: Shard) => `${s.index}/${s.count}`;

/** Every run of the plan (of its shard, if any), in run order. */
export function* plannedRuns(plan: SweepPlan): Generator<PlannedRun> {
  const order = bitReversedOrder(plan.points);
  let group = 0;
  for (let replicate = 0; replicate < plan.replicates; replicate++) {
    for (const point of order) {
      const mine = !plan.shard || group % plan.shard.count === plan.shard.index;
      group++;
      if (!mine) continue;
      const seed = runSeed(plan.scenarioSeed, point, replicate);
      for (let armIndex = 0; armIndex < plan.arms.length; armIndex++) {
        const key = runKey(plan, point, armIndex, replicate);
        yield { key, point, armIndex, arm: plan.arms[armIndex], replicate, seed };
      }
    }
  }
}

/** Number of runs in the plan (of its shard, if any). */
export function plannedRunCount(plan: SweepPlan): number {
  const groups = plan.points * plan.replicates;
  const mine = plan.shard
    ? Math.floor(groups / plan.shard.count) + (plan.shard.index < groups % plan.shard.count ? 1 : 0)
    : groups;
  return mine * plan.arms.length;
}
