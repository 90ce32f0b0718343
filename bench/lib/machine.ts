/** The machine a benchmark ran on: CPU model, cores, memory, Node version, load. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { sourceState, type SourceState } from '../../src/io/repo';
import { simdKnowledge } from '../../src/model/simd';

export interface Machine {
  cpu_model: string;
  cores: number;
  memory_gb: number;
  node: string;
  v8: string;
  platform: string;
  kernel: string;
  /** Whether the engine's WebAssembly SIMD kernels ran (false: the JavaScript loops, e.g. LRSIM_SIMD=0). */
  simd: boolean;
  /** The git commit benchmarked and whether tracked files differed from it. */
  source: SourceState;
  /** 1, 5 and 15-minute load averages when the benchmark started and ended. */
  load_start: number[];
  load_end: number[];
  started: string;
  ended: string;
}

/** The CPU model as /proc/cpuinfo names it (os.cpus() where /proc is missing). */
export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: fall through
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

const loads = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** Starts a machine record; call `finishMachine` at the end. */
export function startMachine(): Machine {
  return {
    cpu_model: cpuModel(),
    cores: os.availableParallelism(),
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    simd: simdKnowledge(1, 1) !== null,
    source: sourceState(),
    load_start: loads(),
    load_end: [],
    started: new Date().toISOString(),
    ended: '',
  };
}

export function finishMachine(m: Machine): void {
  m.load_end = loads();
  m.ended = new Date().toISOString();
}
