/**
 * Section 3: bytes per agent. Measured in a child Node started with --expose-gc (so the
 * heap can be collected before each reading): the growth of V8's used heap plus
 * ArrayBuffer memory from before a Simulation is built to after it has stepped a few
 * ticks, plus the WebAssembly memory that holds the knowledge array when the SIMD kernels
 * are on (process.memoryUsage() counts it in neither: left out, the figure fell below the
 * layout's own minimum), over its agents. The layout's minimum is the sum of the byte lengths of the
 * typed arrays the model state holds (ModelState and its Space), over agents: what a
 * struct-of-arrays layout cannot do without.
 */
import { spawnSync } from 'node:child_process';
import { Simulation } from '../../src/model';
import { scaledBaseline } from './scenarios';
import { sig } from './stats';

export interface MemoryPoint {
  agents: number;
  K: number;
  ticks_stepped: number;
  /** (heapUsed + arrayBuffers) growth plus the WebAssembly memory, over agents. */
  bytes_per_agent: number;
  heap_bytes_per_agent: number;
  array_buffer_bytes_per_agent: number;
  /** The WebAssembly memory of the SIMD kernels (knowledge and their scratch), 0 without them. */
  wasm_memory_bytes_per_agent: number;
  /** Sum of typed-array bytes of the state over agents (the layout's minimum). */
  layout_bytes_per_agent: number;
  /** measured / layout. */
  overhead_factor: number;
  /** The largest typed arrays of the state, bytes per agent. */
  layout_top: { name: string; bytes_per_agent: number }[];
  rss_mb: number;
}

type Gc = () => void;

/** Typed arrays reachable from the state (one level, plus Space, alias tables and groups). */
function stateArrays(sim: Simulation): { name: string; bytes: number }[] {
  const out: { name: string; bytes: number }[] = [];
  const visit = (prefix: string, obj: object, depth: number) => {
    for (const [key, value] of Object.entries(obj)) {
      if (ArrayBuffer.isView(value)) out.push({ name: prefix + key, bytes: value.byteLength });
      else if (Array.isArray(value) && value.every((v) => ArrayBuffer.isView(v))) {
        out.push({ name: prefix + key, bytes: value.reduce((s: number, v: ArrayBufferView) => s + v.byteLength, 0) });
      } else if (depth > 0 && value && typeof value === 'object' && !Array.isArray(value)) visit(`${prefix}${key}.`, value, depth - 1);
    }
  };
  visit('', sim.state, 2);
  return out;
}

/** Child side: builds one simulation, steps it, and prints the measurement as JSON. */
export function memoryChild(agents: number, K: number, ticks: number, seed: number): MemoryPoint {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('memory measurement needs node --expose-gc');
  const scenario = scaledBaseline(agents, K);
  const collect = () => {
    gc();
    gc();
  };
  collect();
  const m0 = process.memoryUsage();
  const sim = new Simulation(scenario, seed, { ticks: ticks + 1 });
  for (let t = 0; t < ticks; t++) sim.step();
  collect();
  const m1 = process.memoryUsage();
  const N = sim.state.N;
  const arrays = stateArrays(sim).sort((a, b) => b.bytes - a.bytes);
  const layout = arrays.reduce((s, a) => s + a.bytes, 0);
  const heap = m1.heapUsed - m0.heapUsed;
  const buffers = m1.arrayBuffers - m0.arrayBuffers;
  // The knowledge array is a view into the kernels' WebAssembly memory when they are on.
  const wasm = sim.state.simd ? sim.state.knowledge.buffer.byteLength : 0;
  const point: MemoryPoint = {
    agents: N,
    K,
    ticks_stepped: ticks,
    bytes_per_agent: sig((heap + buffers + wasm) / N),
    heap_bytes_per_agent: sig(heap / N),
    array_buffer_bytes_per_agent: sig(buffers / N),
    wasm_memory_bytes_per_agent: sig(wasm / N),
    layout_bytes_per_agent: sig(layout / N),
    overhead_factor: sig((heap + buffers + wasm) / layout, 3),
    layout_top: arrays.slice(0, 8).map((a) => ({ name: a.name, bytes_per_agent: sig(a.bytes / N, 3) })),
    rss_mb: sig(m1.rss / 2 ** 20, 4),
  };
  if (sim.tick !== ticks) throw new Error('unreachable');
  return point;
}

/** Parent side: runs memoryChild in a fresh `node --expose-gc` for each size. */
export function measureMemory(script: string, sizes: number[], K: number, ticks: number, seed: number, log: (s: string) => void): MemoryPoint[] {
  return sizes.map((agents) => {
    const r = spawnSync(process.execPath, ['--expose-gc', script, `--child=memory`, `--agents=${agents}`, `--K=${K}`, `--ticks=${ticks}`, `--seed=${seed}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`memory child failed (${r.status}): ${r.stderr}`);
    const p = JSON.parse(r.stdout.trim().split('\n').pop()!) as MemoryPoint;
    log(`  ${p.agents} agents, K=${K}: ${p.bytes_per_agent} B/agent (heap ${p.heap_bytes_per_agent} + buffers ${p.array_buffer_bytes_per_agent}); layout minimum ${p.layout_bytes_per_agent} B/agent`);
    return p;
  });
}
