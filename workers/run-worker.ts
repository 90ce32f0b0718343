/**
 * Worker-thread entry of sweeps (bundled to dist/workers/run-worker.js, run by piscina).
 * Validates the run's scenario at this edge (the engine trusts a parsed scenario), runs
 * it, and returns the result with its typed arrays moved, not copied, to the main thread.
 * It never prints and never writes files: results are data (STYLE habit 10).
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { modelOf, type ModelResult } from '../src/models';
import { validateScenarioData } from '../src/scenario/validate';
import type { RunTask } from '../src/sweep/task';

/** The buffers of a result that can change owner instead of being copied. */
function transferables(result: ModelResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([result.series.buffer as ArrayBuffer, result.placeFlows.buffer as ArrayBuffer, result.placeFlowBlocks.buffer as ArrayBuffer]);
  for (const column of Object.values(result.firms ?? {})) {
    if (ArrayBuffer.isView(column) && column.buffer instanceof ArrayBuffer) buffers.add(column.buffer);
  }
  return [...buffers];
}

export default function run(task: RunTask) {
  const scenario = validateScenarioData(task.input, () => ({ source: `run ${task.key}` }));
  const result = modelOf(scenario).run(scenario, { seed: task.seed, microdata: task.microdata, placeFlowBlocks: task.placeFlowBlocks ?? false });
  const list = transferables(result);
  // Piscina moves the buffers of a value marked by move() instead of copying them.
  return move({
    get [transferableSymbol]() {
      return list;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
