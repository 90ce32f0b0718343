/**
 * Section 2: time per tick as the population grows (firms, residents and institutions in
 * the baseline's proportions, K = 24). Every size is timed over the same window of ticks
 * (after the same warm-up ticks), because a tick's cost changes as ties form and firms
 * enter and exit: comparing different windows would confound size with history.
 * Each size runs in a fresh child Node (timed in process there, after a JIT warm-up on a
 * small region), so the garbage and heap growth of one size never land in the next one's
 * ticks: in one process the 10^6 ticks measured about 20 % slower than alone.
 */
import { spawnSync } from 'node:child_process';
import { Simulation } from '../../src/model';
import { PHASES } from '../../src/model/step';
import { scaledBaseline } from './scenarios';
import { cpuSeconds, loadRange, sig, sigSummary, summarize, timeOnce, type Sample, type Summary } from './stats';

export interface ScalingOptions {
  sizes: number[];
  warmupTicks: number;
  ticks: number;
  /** Independent runs per size (fewer at large sizes). */
  repeats: (agents: number) => number;
  seed: number;
}

export interface ScalingPoint {
  agents_target: number;
  agents: number;
  firms: number;
  residents: number;
  institutions: number;
  init_seconds: number;
  /** Seconds per tick (pooled over the window's ticks and the repeats). */
  tick_seconds_wall: Summary;
  tick_seconds_cpu: Summary;
  /** Nanoseconds of CPU per agent-tick (median): flat if the cost is linear in agents. */
  ns_per_agent_tick_cpu: number;
  samples: number;
  load: [number, number];
  /**
   * Milliseconds of CPU per tick spent in each phase (step.ts, PHASES), from one further run
   * of the same window timed phase by phase (so the timed ticks above carry no clock calls).
   */
  phase_ms_cpu: Record<string, number>;
}

export interface ScalingResult {
  window: { warmup_ticks: number; ticks: number };
  points: ScalingPoint[];
  /** Local exponent d log(time) / d log(agents) between consecutive sizes (1 = linear). */
  exponents: number[];
  /** The target: the largest size's CPU time per tick over the next smaller one's. */
  ratio: { small_agents: number; large_agents: number; agents_ratio: number; tick_time_ratio_cpu: number; tick_time_ratio_wall: number };
  /** Each phase's CPU time per tick at the largest size over the next smaller one's: where a ratio above agents_ratio comes from. */
  phase_ratios: Record<string, number>;
}

/** Child side: one size, `repeats` runs, per-tick samples of the window. */
export function scalingChild(target: number, warmupTicks: number, ticks: number, repeats: number, seed: number): ScalingPoint {
  // JIT warm-up on a small region (not timed), so small sizes are not timed cold.
  const warm = new Simulation(scaledBaseline(2000), seed, { ticks: 40 });
  for (let t = 0; t < 40; t++) warm.step();
  const scenario = scaledBaseline(target);
  const samples: Sample[] = [];
  let init = 0;
  let st: Simulation['state'] | null = null;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    let sim: Simulation | null = new Simulation(scenario, seed, { ticks: warmupTicks + ticks });
    init += (performance.now() - t0) / 1000;
    for (let t = 0; t < warmupTicks; t++) sim.step();
    for (let t = 0; t < ticks; t++) samples.push(timeOnce(() => sim!.step()));
    st = sim.state;
    sim = null;
  }
  const phaseMs = phaseBreakdown(scenario, seed, warmupTicks, ticks);
  const wall = summarize(samples.map((s) => s.wall));
  const cpu = summarize(samples.map((s) => s.cpu));
  return {
    agents_target: target,
    agents: st!.N,
    firms: st!.F,
    residents: st!.R,
    institutions: st!.I,
    init_seconds: sig(init / repeats),
    tick_seconds_wall: sigSummary(wall),
    tick_seconds_cpu: sigSummary(cpu),
    ns_per_agent_tick_cpu: sig((cpu.median / st!.N) * 1e9),
    samples: samples.length,
    load: loadRange(samples),
    phase_ms_cpu: phaseMs,
  };
}

/** CPU milliseconds per tick in each phase over the window, from one run timed phase by phase. */
function phaseBreakdown(scenario: ReturnType<typeof scaledBaseline>, seed: number, warmupTicks: number, ticks: number): Record<string, number> {
  const sim = new Simulation(scenario, seed, { ticks: warmupTicks + ticks });
  for (let t = 0; t < warmupTicks; t++) sim.step();
  const spent = new Float64Array(PHASES.length);
  const clock = () => cpuSeconds() * 1000;
  for (let t = 0; t < ticks; t++) sim.stepTimed(spent, clock);
  return Object.fromEntries(PHASES.map((phase, k) => [phase.name.replace(/\d+$/, ''), sig(spent[k] / ticks)]));
}

/** Parent side: each size in a fresh child (see above). */
export function measureScaling(script: string, o: ScalingOptions, log: (s: string) => void): ScalingResult {
  const points: ScalingPoint[] = [];
  for (const target of o.sizes) {
    const args = [script, '--child=scaling', `--agents=${target}`, `--warmup=${o.warmupTicks}`, `--ticks=${o.ticks}`, `--repeats=${o.repeats(target)}`, `--seed=${o.seed}`];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`scaling child failed (${r.status}): ${r.stderr}`);
    const p = JSON.parse(r.stdout.trim().split('\n').pop()!) as ScalingPoint;
    points.push(p);
    log(`  ${p.agents} agents: ${(p.tick_seconds_cpu.median * 1000).toFixed(2)} ms CPU/tick (${(p.tick_seconds_wall.median * 1000).toFixed(2)} ms wall), ${p.ns_per_agent_tick_cpu} ns/agent-tick, init ${p.init_seconds} s, load ${p.load.join('-')}`);
  }
  const exponents = points.slice(1).map((p, i) => sig(Math.log(p.tick_seconds_cpu.median / points[i].tick_seconds_cpu.median) / Math.log(p.agents / points[i].agents), 3));
  const large = points[points.length - 1];
  const small = points[points.length - 2] ?? large;
  return {
    window: { warmup_ticks: o.warmupTicks, ticks: o.ticks },
    points,
    exponents,
    ratio: {
      small_agents: small.agents,
      large_agents: large.agents,
      agents_ratio: sig(large.agents / small.agents),
      tick_time_ratio_cpu: sig(large.tick_seconds_cpu.median / small.tick_seconds_cpu.median),
      tick_time_ratio_wall: sig(large.tick_seconds_wall.median / small.tick_seconds_wall.median),
    },
    phase_ratios: Object.fromEntries(Object.keys(large.phase_ms_cpu).filter((k) => small.phase_ms_cpu[k] > 0).map((k) => [k, sig(large.phase_ms_cpu[k] / small.phase_ms_cpu[k], 3)])),
  };
}
