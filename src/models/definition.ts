/**
 * The model boundary: what the sweep, statistics, report, SLURM and classroom layers need
 * from a model, written once. The learning-region engine is one implementation
 * (learning-region.ts); the reference models are others (march-1991/, cowan-jonard-2004/).
 */
import type { RunResult } from '../model';
import type { Scenario } from '../scenario/schema';
import type { ModelName } from './names';

/** What one run of any model returns; the learning region's RunResult is one. */
export type ModelResult = Omit<RunResult, 'outcomes'> & { outcomes: Record<string, number> };

/** Options of a single run (a subset of the engine's RunOptions every model honours). */
export interface ModelRunOptions {
  seed: number;
  ticks?: number;
  microdata?: boolean;
  placeFlowBlocks?: boolean;
  onTick?: (tick: number, row: Float64Array) => void;
}

export interface ModelDefinition {
  name: ModelName;
  /** One line for listings and the report. */
  title: string;
  description: string;
  references: readonly string[];
  /** Scenario key of the model's own section, or null (the learning region uses the top level). */
  section: string | null;
  /** Time-series columns, in the order of a row. */
  columns: readonly string[];
  /** Outcome keys of one run. */
  outcomes: readonly string[];
  /** Whether the region layers apply (region map, place flows, lock-in charts, policy costs, firm table). */
  regionLayers: boolean;
  /** One run from a validated scenario. */
  run(scenario: Scenario, options: ModelRunOptions): ModelResult;
}

/**
 * A model written as init / step / observe over typed arrays (Agents.jl's and MASON's
 * split): the driver below turns it into a run. `done` means the state can no longer
 * change (an absorbing equilibrium), so the driver stops stepping and repeats the last row.
 */
export interface SteppedModel<P, S> {
  params(scenario: Scenario): P;
  init(params: P, seed: number): S;
  step(state: S): void;
  done(state: S): boolean;
  /** Fills row[1..] (row[0] is the tick, set by the driver). */
  observe(state: S, row: Float64Array): void;
  outcomes(state: S, series: Float64Array, rows: number, ticks: number): Record<string, number>;
  agents(state: S): number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The run function of a stepped model with `columns` time-series columns. */
export function steppedRun<P, S>(model: SteppedModel<P, S>, columns: readonly string[]): ModelDefinition['run'] {
  return (scenario, options) => {
    const started = now();
    const ticks = options.ticks ?? scenario.ticks;
    const every = scenario.observe.every;
    const C = columns.length;
    const rowsMax = Math.ceil(ticks / every);
    const series = new Float64Array(rowsMax * C);
    const row = new Float64Array(C);
    const state = model.init(model.params(scenario), options.seed);
    let rows = 0;
    let settled = false;
    for (let t = 0; t < ticks; t++) {
      // At an absorbing state nothing changes: the last observed row stays true.
      if (!settled) {
        model.step(state);
        model.observe(state, row);
        settled = model.done(state);
      }
      row[0] = t;
      if (t % every === every - 1 || t === ticks - 1) series.set(row, rows++ * C);
      options.onTick?.(t, row);
    }
    return {
      seed: options.seed,
      ticks,
      agents: model.agents(state),
      columns,
      rows,
      series: rows * C === series.length ? series : series.slice(0, rows * C),
      outcomes: model.outcomes(state, series, rows, ticks),
      degenerate: null,
      placeNames: [],
      placeFlows: new Float64Array(0),
      placeFlowBlocks: new Float64Array(0),
      placeFlowWindow: scenario.observe.window,
      wallSeconds: (now() - started) / 1000,
    };
  };
}
