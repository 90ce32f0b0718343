/**
 * Section 1: agent-ticks per second and knowledge-exchange interactions per second on the
 * baseline at several K. A run is timed from its first step to its last (construction is
 * timed apart), the same seed every repeat so every repeat does the same work.
 *
 * Interactions of a tick = accepted meetings (the `meetings` column, which includes
 * accepted pipeline meetings) + workplace-learning episodes + standing pipeline flows.
 * The engine counts only the first. The other two are not exposed, so they are derived
 * from the state at the start of each tick: episodes as employed residents x
 * labour.workplace_rate (their expected number), pipeline flows as the pipelines standing
 * at the start of the tick (a lower bound: pipelines opened by the tick's own meetings
 * also flow, at most `pipeline_meetings` more).
 */
import { COL, Simulation } from '../../src/model';
import type { Scenario } from '../../src/scenario';
import { baselineAt } from './scenarios';
import { loadRange, sig, sigSummary, summarize, timeOnce, type Sample, type Summary } from './stats';

export interface ThroughputOptions {
  Ks: number[];
  ticks: number;
  repeats: number;
  warmupTicks: number;
  seed: number;
}

export interface ThroughputResult {
  K: number;
  agents: number;
  ticks: number;
  repeats: number;
  /** Agent-ticks per wall second and per CPU second (the per-core rate). */
  agent_ticks_per_s_wall: Summary;
  agent_ticks_per_s_cpu: Summary;
  /** Interactions (see above) per wall and per CPU second. */
  interactions_per_s_wall: Summary;
  interactions_per_s_cpu: Summary;
  /** Mean per tick over the run. */
  per_tick: { accepted_meetings: number; pipeline_meetings: number; workplace_episodes_expected: number; pipeline_flows_lower_bound: number; interactions: number };
  wall_seconds: Summary;
  cpu_seconds: Summary;
  init_seconds: number;
  load: [number, number];
}

/** Employed residents and standing pipelines of alive actors, now. */
function startOfTickCounts(sim: Simulation): { employed: number; pipes: number } {
  const st = sim.state;
  let employed = 0;
  for (let r = 0; r < st.R; r++) if (st.employer[r] >= 0) employed++;
  let pipes = 0;
  const M = st.maxPipes;
  for (let i = 0; i < st.A; i++) {
    if (!st.alive[i]) continue;
    for (let s = 0; s < M; s++) if (st.pipeTarget[i * M + s] >= 0) pipes++;
  }
  return { employed, pipes };
}

interface RunCounts {
  meetings: number;
  pipelineMeetings: number;
  episodes: number;
  pipes: number;
}

/** Steps a run for `ticks`, timing only the steps; counts interactions between steps. */
function timedRun(scenario: Scenario, seed: number, ticks: number, counts: RunCounts | null): { sample: Sample; init: number; agents: number } {
  const t0 = performance.now();
  const sim = new Simulation(scenario, seed, { ticks });
  const init = (performance.now() - t0) / 1000;
  const rate = scenario.labour.workplace_rate;
  let total: Sample = { wall: 0, cpu: 0, loadBefore: Number.NaN, loadAfter: Number.NaN };
  for (let t = 0; t < ticks; t++) {
    if (counts) {
      const c = startOfTickCounts(sim);
      counts.episodes += c.employed * rate;
      counts.pipes += c.pipes;
    }
    const s = timeOnce(() => sim.step());
    if (t === 0) total.loadBefore = s.loadBefore;
    total = { wall: total.wall + s.wall, cpu: total.cpu + s.cpu, loadBefore: total.loadBefore, loadAfter: s.loadAfter };
    if (counts) {
      const row = sim.observe();
      counts.meetings += row[COL.meetings];
      counts.pipelineMeetings += row[COL.pipeline_meetings];
    }
  }
  return { sample: total, init, agents: sim.state.N };
}

/** Measures agent-ticks and interactions per second at each K. */
export function measureThroughput(o: ThroughputOptions, log: (s: string) => void): ThroughputResult[] {
  const out: ThroughputResult[] = [];
  for (const K of o.Ks) {
    const scenario = baselineAt(K);
    // Warm-up: the JIT compiles the tick loop for this K; not timed.
    timedRun(scenario, o.seed, o.warmupTicks, null);
    // The interaction counts are the same every repeat (same seed): count once, untimed
    // by construction (counting happens between the timed steps).
    const counts: RunCounts = { meetings: 0, pipelineMeetings: 0, episodes: 0, pipes: 0 };
    const samples: Sample[] = [];
    let init = 0;
    let agents = 0;
    for (let r = 0; r < o.repeats; r++) {
      const run = timedRun(scenario, o.seed, o.ticks, r === 0 ? counts : null);
      samples.push(run.sample);
      init += run.init;
      agents = run.agents;
      log(`  K=${K} repeat ${r + 1}/${o.repeats}: ${run.sample.wall.toFixed(2)} s wall, ${run.sample.cpu.toFixed(2)} s CPU, load ${run.sample.loadBefore.toFixed(1)}`);
    }
    const interactions = counts.meetings + counts.episodes + counts.pipes;
    const work = agents * o.ticks;
    out.push({
      K,
      agents,
      ticks: o.ticks,
      repeats: o.repeats,
      agent_ticks_per_s_wall: sigSummary(summarize(samples.map((s) => work / s.wall))),
      agent_ticks_per_s_cpu: sigSummary(summarize(samples.map((s) => work / s.cpu))),
      interactions_per_s_wall: sigSummary(summarize(samples.map((s) => interactions / s.wall))),
      interactions_per_s_cpu: sigSummary(summarize(samples.map((s) => interactions / s.cpu))),
      per_tick: {
        accepted_meetings: sig(counts.meetings / o.ticks),
        pipeline_meetings: sig(counts.pipelineMeetings / o.ticks),
        workplace_episodes_expected: sig(counts.episodes / o.ticks),
        pipeline_flows_lower_bound: sig(counts.pipes / o.ticks),
        interactions: sig(interactions / o.ticks),
      },
      wall_seconds: sigSummary(summarize(samples.map((s) => s.wall))),
      cpu_seconds: sigSummary(summarize(samples.map((s) => s.cpu))),
      init_seconds: sig(init / o.repeats),
      load: loadRange(samples),
    });
  }
  return out;
}
