/**
 * Built-in scenarios: the files `scenarios/NAME.yaml` at the repository root. Listed by
 * `lrsim scenarios`, named in `extends:` and on the command line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../io/repo';

/** The folder holding the built-in scenarios. */
export function builtinsDir(): string {
  return join(repoRoot(), 'scenarios');
}

/** Names of the built-in scenarios, sorted (baseline first). */
export function builtinNames(): string[] {
  const dir = builtinsDir();
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
  return names.includes('baseline') ? ['baseline', ...names.filter((n) => n !== 'baseline')] : names;
}

/** The file of a built-in scenario, or undefined when there is none of that name. */
export function builtinPath(name: string): string | undefined {
  return builtinNames().includes(name) ? join(builtinsDir(), `${name}.yaml`) : undefined;
}

/** The first sentence of a description, on one line. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/** Each built-in scenario with the first sentence of its description. */
export function listBuiltins(): { name: string; description: string; path: string }[] {
  return builtinNames().map((name) => {
    const path = join(builtinsDir(), `${name}.yaml`);
    let description = '';
    try {
      const data = parseYaml(readFileSync(path, 'utf8')) as { description?: unknown } | null;
      if (typeof data?.description === 'string') description = firstSentence(data.description);
    } catch {
      description = '(cannot be read; `lrsim validate` tells why)';
    }
    return { name, description, path };
  });
}
