import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/io/repo';

// The benchmark's CI mode: `npm run bench -- --quick` runs every section on small sizes.
// Nothing here is about speed (the machine may be loaded); the check is that the JSON
// carries every field and that every number in it is finite (NaN would be written null).

/** Dot paths every bench JSON must have (arrays: checked on their first element). */
const REQUIRED = [
  'schema', 'mode', 'command', 'seconds',
  'machine.cpu_model', 'machine.cores', 'machine.memory_gb', 'machine.node', 'machine.simd', 'machine.source.commit', 'machine.load_start', 'machine.load_end',
  'throughput.0.K', 'throughput.0.agents', 'throughput.0.agent_ticks_per_s_wall.median', 'throughput.0.agent_ticks_per_s_cpu.median',
  'throughput.0.agent_ticks_per_s_cpu.spread', 'throughput.0.interactions_per_s_wall.median', 'throughput.0.interactions_per_s_cpu.median',
  'throughput.0.per_tick.accepted_meetings', 'throughput.0.per_tick.workplace_episodes_expected', 'throughput.0.per_tick.pipeline_flows_lower_bound', 'throughput.0.load',
  'scaling.points.0.agents', 'scaling.points.0.tick_seconds_cpu.median', 'scaling.points.0.tick_seconds_wall.median', 'scaling.points.0.ns_per_agent_tick_cpu',
  'scaling.exponents.0', 'scaling.ratio.tick_time_ratio_cpu', 'scaling.ratio.tick_time_ratio_wall',
  'memory.0.bytes_per_agent', 'memory.0.heap_bytes_per_agent', 'memory.0.array_buffer_bytes_per_agent', 'memory.0.wasm_memory_bytes_per_agent', 'memory.0.layout_bytes_per_agent', 'memory.0.layout_top.0.name',
  'sweep.runs_per_minute_one_worker.median', 'sweep.runs_per_minute_two_workers.median', 'sweep.parallel_efficiency.median',
  'sweep.dispatch_transfer_seconds_per_task.median', 'sweep.child_cpu_seconds.median', 'sweep.load',
  'limits.triad.bytes_per_s.median', 'limits.scalar_dependent.flops_per_s.median', 'limits.scalar_independent.flops_per_s.median',
  'limits.kernel.domains_per_s.median', 'limits.kernel.bytes_per_domain', 'limits.kernel.flops_per_domain', 'limits.kernel.fraction_of_limit',
  'profile.total_ms', 'profile.top.0.function', 'profile.top.0.self_ms',
  'targets.4.measured',
];

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Record<string, unknown>)[k]), obj);
}

/** Paths of every null or non-finite number in a JSON value. */
function nonFinite(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => nonFinite(v, path ? `${path}.${k}` : k));
  return [];
}

describe('npm run bench -- --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a JSON with every field and only finite numbers', () => {
    const out = join(dir, 'quick.json');
    const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench.js'), '--quick', '--out', out], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/^bench: /m);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(json.mode).toBe('quick');
    const missing = REQUIRED.filter((p) => at(json, p) === undefined);
    expect(missing).toEqual([]);
    expect(nonFinite(json)).toEqual([]);
    expect((json.throughput as { K: number }[]).map((t) => t.K)).toEqual([16, 24, 64]);
    expect((json.targets as unknown[]).length).toBe(5);
    // The memory the state takes can be no less than its own typed arrays (the SIMD kernels'
    // WebAssembly memory counted: process.memoryUsage() leaves it out).
    for (const m of json.memory as { overhead_factor: number; wasm_memory_bytes_per_agent: number }[]) expect(m.overhead_factor).toBeGreaterThanOrEqual(1);
    expect(r.stdout).toContain('targets (issue 7)');
  }, 240_000);
});
