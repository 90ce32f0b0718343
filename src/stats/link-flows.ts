/**
 * Tacit knowledge flow across the links an infrastructure policy builds (e.g. a bridge),
 * over time: per point x arm, the flow between the two places (both ways, per tick)
 * in each block of observe.window ticks, with a t-based 95 % CI over runs. The links are
 * those of every `infrastructure` policy in the scenario or its arms, so arms without
 * the policy show the same pair of places for comparison.
 */
import type { ScenarioLike } from './records';
import type { Summary } from './summary';
import { summarizeBounded } from './bounded-interval';
import { outcomeRange } from './outcome-range';

export interface LinkFlowBlock {
  /** Ticks [start, end) of the block. */
  start: number;
  end: number;
  /** Tacit flow between the two places per tick in the block (both directions), over runs. */
  flow: Summary;
}

export interface LinkFlowGroup {
  point: number;
  arm: string;
  blocks: LinkFlowBlock[];
}

export interface LinkFlowStats {
  from: string;
  to: string;
  /** Start ticks of the policies that build this link, with their arm (null: every arm). */
  starts: { tick: number; arm: string | null; label: string }[];
  groups: LinkFlowGroup[];
}

interface PolicyLike {
  kind?: string;
  from?: string;
  to?: string;
  start?: number;
  label?: string;
}

/** The links built by infrastructure policies anywhere in the scenario. */
export function infrastructureLinks(scenario: ScenarioLike): { from: string; to: string; starts: LinkFlowStats['starts'] }[] {
  const links = new Map<string, { from: string; to: string; starts: LinkFlowStats['starts'] }>();
  const add = (p: PolicyLike, arm: string | null) => {
    if (p.kind !== 'infrastructure' || !p.from || !p.to) return;
    const [from, to] = [p.from, p.to].sort();
    const key = `${from}\u0000${to}`;
    let link = links.get(key);
    if (!link) links.set(key, (link = { from: p.from, to: p.to, starts: [] }));
    link.starts.push({ tick: p.start ?? 0, arm, label: p.label ?? 'infrastructure' });
  };
  for (const p of (scenario.policies ?? []) as PolicyLike[]) add(p, null);
  for (const a of scenario.arms ?? []) for (const p of (a.policies ?? []) as PolicyLike[]) add(p, a.name);
  return [...links.values()];
}

/** One run's per-block flows between places a and b (both ways, per tick). */
export function runLinkFlows(blocks: readonly (readonly (number | null)[])[], window: number, ticks: number, places: number, a: number, b: number): number[] {
  return blocks.map((block, k) => {
    const length = Math.min(window, ticks - k * window);
    const ab = block[a * places + b] ?? NaN;
    const ba = block[b * places + a] ?? NaN;
    return length > 0 ? (ab + ba) / length : NaN;
  });
}

/** Accumulates the runs of each group, then summarises. */
export class LinkFlowAccumulator {
  private readonly links: ReturnType<typeof infrastructureLinks>;
  /** link index -> group key -> per-run block flows */
  private readonly runs = new Map<number, Map<string, { point: number; arm: string; armIndex: number; flows: number[][]; window: number; ticks: number }>>();

  constructor(scenario: ScenarioLike) {
    this.links = infrastructureLinks(scenario);
  }

  add(point: number, arm: string, armIndex: number, placeNames: readonly string[], blocks: readonly (readonly (number | null)[])[] | undefined, window: number | undefined, ticks: number | undefined): void {
    if (!blocks || !window || !ticks || this.links.length === 0) return;
    const P = placeNames.length;
    this.links.forEach((link, n) => {
      const a = placeNames.indexOf(link.from);
      const b = placeNames.indexOf(link.to);
      if (a < 0 || b < 0) return;
      let groups = this.runs.get(n);
      if (!groups) this.runs.set(n, (groups = new Map()));
      const key = `${point}\u0000${arm}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { point, arm, armIndex, flows: [], window, ticks }));
      g.flows.push(runLinkFlows(blocks, window, ticks, P, a, b));
    });
  }

  finish(): LinkFlowStats[] {
    return this.links.flatMap((link, n) => {
      const groups = this.runs.get(n);
      if (!groups) return [];
      const out: LinkFlowGroup[] = [...groups.values()]
        .sort((x, y) => x.point - y.point || x.armIndex - y.armIndex)
        .map((g) => {
          const count = Math.max(...g.flows.map((f) => f.length));
          const blocks: LinkFlowBlock[] = [];
          for (let k = 0; k < count; k++) {
            blocks.push({ start: k * g.window, end: Math.min((k + 1) * g.window, g.ticks), flow: summarizeBounded(g.flows.map((f) => f[k] ?? NaN), outcomeRange('flow_tacit_collaboration')) });
          }
          return { point: g.point, arm: g.arm, blocks };
        });
      return [{ from: link.from, to: link.to, starts: link.starts, groups: out }];
    });
  }
}
