/**
 * The scenario module's public face: the schema and its types, loading (YAML/JSON,
 * `extends`, `--set`, validation with positioned messages), built-ins and messages.
 * Browser code (no node:fs) imports `./document`, `./validate` and `./schema` directly.
 */
export * from './schema';
export { ScenarioError, scenarioMessages, formatProblem, type Problem, type Location, type PathSegment } from './errors';
export { loadScenario, MAX_SCENARIO_BYTES, type LoadedScenario, type LoadOptions } from './load';
export { listBuiltins, builtinNames, builtinPath, builtinsDir, firstSentence } from './builtins';
export { applySet, parseAssignment, resolvePath, setAtPathInPlace } from './set';
export { deepMerge, clonePlain } from './merge';
export { parseScenarioText, type SourceDocument } from './document';
export { validateScenarioData } from './validate';
export { didYouMean, levenshtein } from './did-you-mean';
