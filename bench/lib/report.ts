/** The benchmark's result record, its targets (issue 7) and the printed table. */
import type { Machine } from './machine';
import type { MemoryPoint } from './memory';
import type { LimitsResult } from './limits';
import type { ProfileResult } from './profile';
import type { ScalingResult } from './scaling';
import type { SweepResult } from './sweep';
import type { ThroughputResult } from './throughput';

export interface Target {
  name: string;
  /** What is compared, e.g. ">= 2000000". */
  target: string;
  measured: number;
  unit: string;
  met: boolean;
  basis: string;
}

export interface BenchResult {
  schema: 'lrsim-bench/1';
  mode: 'full' | 'quick';
  command: string;
  sections: string[];
  machine: Machine;
  seconds: number;
  throughput?: ThroughputResult[];
  scaling?: ScalingResult;
  memory?: MemoryPoint[];
  sweep?: SweepResult;
  limits?: LimitsResult;
  profile?: ProfileResult;
  targets?: Target[];
  /** What the figures mean (for readers of the JSON alone). */
  notes?: Record<string, string>;
}

/** Definitions written into every result. */
export const NOTES: Record<string, string> = {
  time: 'Rates per CPU second use process.cpuUsage (user + system, all threads of the process); per wall second use performance.now. Medians of repeats; spread = (max - min) / median.',
  interactions:
    'accepted meetings (the engine counts them: meetings column, pipeline meetings included) + workplace-learning episodes + standing pipeline flows. The engine does not count the last two: episodes are the expected number (employed residents at the start of the tick x labour.workplace_rate), pipeline flows the pipelines standing at the start of the tick (a lower bound: pipelines opened in the tick also flow).',
  scaling: 'Population in the baseline proportions (firms : residents : institutions = 400 : 8000 : 8), K = 24; every size timed over the same window of ticks.',
  memory: 'Growth of heapUsed + arrayBuffers from before a Simulation is built to after it stepped, after gc (child node --expose-gc), plus the WebAssembly memory of the SIMD kernels (not in process.memoryUsage()), over agents; layout minimum = typed-array bytes of ModelState over agents.',
  sweep: 'bench/sweep-efficiency.ts (engineer B) run as a child: runSweep with 1 and 2 workers on baseline runs; efficiency = rate(2) / (2 rate(1)).',
  limits:
    'Triad a = b + s c over Float64Arrays (24 bytes per element); dependent multiply-add chain (2 flops per step); exchange kernel bytes and flops per domain counted from the source; fraction = kernel domains/s over the lower of bandwidth/bytes and flop rate/flops.',
  profile: 'node --cpu-prof on baseline runs; self time per function (V8 charges inlined functions to their caller).',
};

/** The five targets of issue 7, from whatever sections ran. */
export function targetsOf(r: BenchResult): Target[] {
  const t: Target[] = [];
  const base = r.throughput?.find((x) => x.K === 24);
  if (base) {
    const v = base.agent_ticks_per_s_cpu.median;
    t.push({ name: 'agent-ticks per second per core (baseline, K = 24)', target: '>= 2000000', measured: v, unit: 'agent-ticks/CPU-s', met: v >= 2e6, basis: `median of ${base.repeats} runs of ${base.ticks} ticks, per CPU second (wall: ${base.agent_ticks_per_s_wall.median})` });
  }
  if (r.limits) {
    const v = r.limits.kernel.fraction_of_limit;
    t.push({ name: 'exchange kernel, fraction of the machine limit', target: '>= 0.25', measured: v, unit: 'fraction', met: v >= 0.25, basis: `${r.limits.kernel.domains_per_s.median} domains/s over the ${r.limits.kernel.limit} limit ${Math.min(r.limits.kernel.limit_memory_domains_per_s, r.limits.kernel.limit_scalar_domains_per_s)} domains/s` });
  }
  if (r.scaling && r.scaling.points.length >= 2) {
    const q = r.scaling.ratio;
    t.push({ name: `per-tick cost, ${q.large_agents} agents over ${q.small_agents}`, target: `<= ${(12 * q.agents_ratio) / 10}`, measured: q.tick_time_ratio_cpu, unit: 'ratio (CPU time per tick)', met: q.tick_time_ratio_cpu <= (12 * q.agents_ratio) / 10, basis: `median CPU time per tick over ticks ${r.scaling.window.warmup_ticks}..${r.scaling.window.warmup_ticks + r.scaling.window.ticks - 1}; wall ratio ${q.tick_time_ratio_wall}` });
  }
  const mem = r.memory?.find((m) => m.K === 24);
  if (mem) {
    t.push({ name: `bytes per agent at K = 24 (${mem.agents} agents)`, target: '<= 600', measured: mem.bytes_per_agent, unit: 'bytes/agent', met: mem.bytes_per_agent <= 600, basis: `heap + ArrayBuffers growth after gc + WebAssembly memory; layout minimum ${mem.layout_bytes_per_agent}` });
  }
  if (r.sweep) {
    const v = r.sweep.parallel_efficiency.median;
    t.push({ name: 'parallel efficiency with 2 workers', target: '>= 0.9', measured: v, unit: 'rate(2) / (2 rate(1))', met: v >= 0.9, basis: `bench/sweep-efficiency.ts on ${r.sweep.scenario}: ${r.sweep.runs_one_worker} runs with 1 worker, ${r.sweep.runs_two_workers} with 2; median of ${r.sweep.repeats}` });
  }
  return t;
}

const fmt = (x: number, unit = ''): string => {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const s = a >= 1e9 ? `${(x / 1e9).toFixed(2)} G` : a >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : a >= 1e4 ? `${(x / 1e3).toFixed(1)} k` : a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
  return unit ? `${s}${s.endsWith(' ') || !/[GMk]$/.test(s) ? ' ' : ''}${unit}`.replace(/\s+/g, ' ') : s;
};
const pct = (s: { spread: number }) => `±${((s.spread * 100) / 2).toFixed(0)}%`;

function table(rows: string[][], print: (s: string) => void): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  rows.forEach((r, n) => {
    print(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (n === 0) print(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

/** Prints the tables of every section that ran and the targets. */
export function printReport(r: BenchResult, print: (s: string) => void): void {
  const m = r.machine;
  print('');
  print(`lrsim bench (${r.mode}): ${m.cpu_model}, ${m.cores} cores, ${m.memory_gb} GB, Node ${m.node}, SIMD kernels ${m.simd ? 'on' : 'off'}, commit ${m.source.commit?.slice(0, 7) ?? 'unknown'}${m.source.dirty ? ' (modified)' : ''}; load ${m.load_start.join(' ')} -> ${m.load_end.join(' ')}; ${r.seconds} s`);
  if (r.throughput) {
    print('\n(1) baseline throughput (median of repeats; spread = half the range)');
    table(
      [['K', 'agents', 'agent-ticks/CPU-s', 'agent-ticks/wall-s', 'interactions/tick', 'interactions/CPU-s', 'load'], ...r.throughput.map((x) => [String(x.K), String(x.agents), `${fmt(x.agent_ticks_per_s_cpu.median)} ${pct(x.agent_ticks_per_s_cpu)}`, `${fmt(x.agent_ticks_per_s_wall.median)} ${pct(x.agent_ticks_per_s_wall)}`, fmt(x.per_tick.interactions), `${fmt(x.interactions_per_s_cpu.median)} ${pct(x.interactions_per_s_cpu)}`, x.load.join('-')])],
      print,
    );
  }
  if (r.scaling) {
    print(`\n(2) population scaling (K = 24, ticks ${r.scaling.window.warmup_ticks}..${r.scaling.window.warmup_ticks + r.scaling.window.ticks - 1})`);
    table(
      [['agents', 'ms CPU/tick', 'ms wall/tick', 'ns CPU/agent-tick', 'exponent', 'init s', 'load'], ...r.scaling.points.map((p, n) => [String(p.agents), fmt(p.tick_seconds_cpu.median * 1000), fmt(p.tick_seconds_wall.median * 1000), fmt(p.ns_per_agent_tick_cpu), n > 0 ? String(r.scaling!.exponents[n - 1]) : '', fmt(p.init_seconds), p.load.join('-')])],
      print,
    );
  }
  if (r.scaling?.phase_ratios) {
    const sc = r.scaling;
    const phases = Object.keys(sc.points[sc.points.length - 1].phase_ms_cpu);
    print(`\n    CPU ms per tick by phase (one further run per size, timed phase by phase); last column: ${sc.ratio.large_agents} agents over ${sc.ratio.small_agents}`);
    table(
      [['agents', ...phases], ...sc.points.map((p) => [String(p.agents), ...phases.map((k) => fmt(p.phase_ms_cpu[k]))]), ['ratio', ...phases.map((k) => (k in sc.phase_ratios ? String(sc.phase_ratios[k]) : ''))]],
      print,
    );
  }
  if (r.memory) {
    print('\n(3) bytes per agent');
    table([['agents', 'K', 'bytes/agent', 'heap', 'buffers', 'wasm memory', 'layout minimum', 'factor'], ...r.memory.map((p) => [String(p.agents), String(p.K), fmt(p.bytes_per_agent), fmt(p.heap_bytes_per_agent), fmt(p.array_buffer_bytes_per_agent), fmt(p.wasm_memory_bytes_per_agent ?? 0), fmt(p.layout_bytes_per_agent), String(p.overhead_factor)])], print);
  }
  if (r.sweep) {
    const s = r.sweep;
    print(`\n(4) sweep throughput (bench/sweep-efficiency.ts, ${s.scenario}; median of ${s.repeats})`);
    table(
      [
        ['workers', 'runs', 'runs/min', 'run s (in worker)', 'worker utilisation'],
        ['1', String(s.runs_one_worker), `${fmt(s.runs_per_minute_one_worker.median)} ${pct(s.runs_per_minute_one_worker)}`, fmt(s.mean_run_seconds_one_worker), fmt(s.worker_utilisation_one_worker)],
        ['2', String(s.runs_two_workers), `${fmt(s.runs_per_minute_two_workers.median)} ${pct(s.runs_per_minute_two_workers)}`, fmt(s.mean_run_seconds_two_workers), fmt(s.worker_utilisation_two_workers)],
      ],
      print,
    );
    print(`parallel efficiency ${s.parallel_efficiency.median}; dispatch + transfer ${fmt(s.dispatch_transfer_seconds_per_task.median * 1000)} ms per task (${fmt(s.overhead_share_of_run_time * 100)}% of a run; first task ${fmt(s.first_task_overhead_seconds)} s); main-thread record ${fmt(s.main_thread_record_seconds_per_run * 1000)} ms per run; load ${s.load.join('-')}`);
  }
  if (r.limits) {
    const l = r.limits;
    print('\n(5) machine limits and the exchange kernel');
    print(`triad ${fmt(l.triad.bytes_per_s.median, 'B/s')} (${l.triad.megabytes} MB); scalar dependent chain ${fmt(l.scalar_dependent.flops_per_s.median, 'flop/s')}; 8 independent chains ${fmt(l.scalar_independent.flops_per_s.median, 'flop/s')}`);
    print(`exchange kernel K=${l.kernel.K}: ${fmt(l.kernel.domains_per_s.median)} domains/s (${l.kernel.bytes_per_domain} B, ${l.kernel.flops_per_domain} flop per domain) = ${fmt(l.kernel.bytes_per_s, 'B/s')}, ${fmt(l.kernel.flops_per_s, 'flop/s')}; limit (${l.kernel.limit}) ${fmt(Math.min(l.kernel.limit_memory_domains_per_s, l.kernel.limit_scalar_domains_per_s))} domains/s; fraction ${l.kernel.fraction_of_limit} (${l.kernel.fraction_of_independent_scalar} of the independent-chain bound)`);
  }
  if (r.profile) {
    print(`\n(6) CPU profile: self time, ${r.profile.runs} baseline run(s) of ${r.profile.ticks} ticks (${fmt(r.profile.total_ms)} ms sampled)`);
    table([['function', 'source', 'self ms', 'share'], ...r.profile.top.map((h) => [h.function, h.source, fmt(h.self_ms), `${(h.self_share * 100).toFixed(1)}%`])], print);
  }
  if (r.targets?.length) {
    print('\ntargets (issue 7)');
    table([['target', 'wanted', 'measured', 'met'], ...r.targets.map((t) => [t.name, t.target, `${fmt(t.measured)} ${t.unit}`, t.met ? 'yes' : 'NO'])], print);
  }
}
