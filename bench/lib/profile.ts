/**
 * CPU profile of baseline runs: a child `node --cpu-prof` runs them, and the profile's
 * samples are summed into self time per function. Functions are named by the bundle;
 * their source file is the nearest `// src/...` module comment esbuild writes above each
 * module in a bundle or chunk of dist/. V8 charges the time of an inlined function to its caller, so a
 * small helper inlined into a kernel shows up as the kernel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../src/model';
import { baselineAt } from './scenarios';
import { sig } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  function: string;
  source: string;
  self_ms: number;
  self_share: number;
}

export interface ProfileResult {
  runs: number;
  ticks: number;
  K: number;
  total_ms: number;
  top: HotSpot[];
}

/** Child side: `runs` baseline runs (the first warms up the JIT but is profiled too). */
export function profileChild(K: number, ticks: number, runs: number, seed: number): void {
  const s = baselineAt(K);
  for (let r = 0; r < runs; r++) runScenario(s, { seed, ticks });
}

/** Module of each bundle line: the nearest `// src/...` or `// bench/...` comment above it. */
function moduleLines(bundle: string): string[] {
  const lines = readFileSync(bundle, 'utf8').split('\n');
  const out: string[] = [];
  let current = '(bundle)';
  for (const line of lines) {
    const m = /^\/\/ ((?:src|bench|workers|node_modules)\/\S+)$/.exec(line);
    if (m) current = m[1];
    out.push(current);
  }
  return out;
}

/** Self time per function from a .cpuprofile, largest first. */
export function summarizeProfile(profile: CpuProfile, top: number): { total: number; top: HotSpot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let s = 0; s < profile.samples.length; s++) selfUs.set(profile.samples[s], (selfUs.get(profile.samples[s]) ?? 0) + (profile.timeDeltas[s] ?? 0));
  // Bundles and chunks of dist/ are mapped back to their source modules, once per file.
  const modules = new Map<string, string[] | null>();
  const sourceOf = (url: string, line: number): string => {
    if (!modules.has(url)) {
      let lines: string[] | null = null;
      try {
        if (url.startsWith('file://') && url.endsWith('.js')) lines = moduleLines(fileURLToPath(url));
      } catch {
        lines = null;
      }
      modules.set(url, lines);
    }
    const lines = modules.get(url);
    if (lines) return lines[line] ?? '(bundle)';
    return url.replace(/^.*node_modules\//, '');
  };
  const agg = new Map<string, { fn: string; source: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    total += us;
    const fn = f.functionName || '(anonymous)';
    const source = f.url ? sourceOf(f.url, f.lineNumber) : '';
    const key = `${fn}@${source}`;
    const a = agg.get(key) ?? { fn, source, us: 0 };
    a.us += us;
    agg.set(key, a);
  }
  const list = [...agg.values()].sort((a, b) => b.us - a.us).slice(0, top);
  return { total: total / 1000, top: list.map((a) => ({ function: a.fn, source: a.source, self_ms: sig(a.us / 1000), self_share: sig(a.us / total, 3) })) };
}

/** Parent side: profiles `runs` baseline runs in a child and summarises self time. */
export function measureProfile(script: string, K: number, ticks: number, runs: number, seed: number, top: number): ProfileResult {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-bench-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, script, '--child=profile', `--K=${K}`, `--ticks=${ticks}`, `--runs=${runs}`, `--seed=${seed}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`profile child failed (${r.status}): ${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the profile child wrote no .cpuprofile');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const s = summarizeProfile(profile, top);
    return { runs, ticks, K, total_ms: sig(s.total), top: s.top };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
