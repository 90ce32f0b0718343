/**
 * StrykerJS ignorer plugin for sampled mutation runs (scripts/mutation-sample.ts).
 *
 * A sampled run lists each sampled mutant's node as a mutate range
 * (`file:startLine:startCol-endLine:endCol`). Stryker mutates every node inside a range,
 * so a sampled block or function body would bring all of its statements' mutants along.
 * This ignorer marks a node ignored iff no sampled location lies inside it (node included);
 * Stryker then ignores the node's whole subtree. What runs is the sampled mutants and the
 * other mutants on the very same nodes (the sample script counts only the sampled ones).
 *
 * The sample is read from the JSON file named by LRSIM_MUTATION_SAMPLE (written by the sample
 * script: `{ mutants: [{ file, start: { line, column }, end: { line, column }, ... }] }`,
 * lines 1-based and columns 0-based as in Babel's node locations). Without it the plugin
 * ignores nothing.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const samplePath = process.env.LRSIM_MUTATION_SAMPLE;
const sampled = samplePath ? JSON.parse(readFileSync(samplePath, 'utf8')).mutants : [];
/** Sampled locations by file (project-relative, forward slashes). */
const byFile = new Map();
for (const m of sampled) {
  if (!byFile.has(m.file)) byFile.set(m.file, []);
  byFile.get(m.file).push(m);
}
const allLocations = sampled;

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The file a Babel path belongs to, project-relative, or undefined if Babel does not say. */
function fileOf(path) {
  const name = path.hub?.file?.opts?.filename ?? path.node.loc?.filename;
  return name ? relative(process.cwd(), name).split(sep).join('/') : undefined;
}

export const sampleIgnorer = {
  shouldIgnore(path) {
    const loc = path.node.loc;
    if (!samplePath || !loc) return undefined;
    const file = fileOf(path);
    // Without a file name, a location sampled in any file keeps the node (never wrongly ignored).
    const candidates = file === undefined ? allLocations : (byFile.get(file) ?? []);
    const inside = candidates.some((m) => before(loc.start, m.start) && before(m.end, loc.end));
    return inside ? undefined : 'Not in the mutation sample (LRSIM_MUTATION_SAMPLE)';
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'lrsim-sample', sampleIgnorer)];
