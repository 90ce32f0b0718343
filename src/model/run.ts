/** A single run from a resolved scenario and a seed: the driver used by the CLI and workers. */
import type { Scenario } from '../scenario/schema';
import { COL, TIMESERIES_COLUMNS } from './metrics';
import { computeOutcomes, type DegenerateReason, type OutcomeKey, type TickHistory } from './outcomes';
import { Simulation } from './simulation';

export interface RunOptions {
  seed: number;
  ticks?: number;
  microdata?: boolean;
  /** Keep the place flows per block of observe.window ticks (placeFlowBlocks; default no). */
  placeFlowBlocks?: boolean;
  /** Called after every tick (progress); must not keep references to the row. */
  onTick?: (tick: number, row: Float64Array) => void;
}

export interface RunResult {
  seed: number;
  ticks: number;
  agents: number;
  columns: readonly string[];
  rows: number;
  series: Float64Array;
  outcomes: Record<OutcomeKey, number>;
  /** Why the run is degenerate (no firm alive, no knowledge, no late innovation), else null. */
  degenerate: DegenerateReason | null;
  placeNames: string[];
  placeFlows: Float64Array;
  /**
   * The same tacit flows per block of `placeFlowWindow` ticks (observe.window): block b
   * covers ticks [b W, min((b + 1) W, ticks)), P x P values each, blocks one after another.
   * Empty unless asked for (RunOptions.placeFlowBlocks).
   */
  placeFlowBlocks: Float64Array;
  placeFlowWindow: number;
  firms?: Record<string, number[] | string[]>;
  wallSeconds: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function runScenario(scenario: Scenario, options: RunOptions): RunResult {
  const started = now();
  const sim = new Simulation(scenario, options.seed, { microdata: options.microdata, ticks: options.ticks });
  const s = sim.scenario;
  const ticks = s.ticks;
  const every = s.observe.every;
  const C = TIMESERIES_COLUMNS.length;
  const rowsMax = Math.ceil(ticks / every);
  const series = new Float64Array(rowsMax * C);
  const h: TickHistory = {
    value: new Float64Array(ticks),
    innovations: new Float64Array(ticks),
    radical: new Float64Array(ticks),
    policyCost: new Float64Array(ticks),
    entries: new Float64Array(ticks),
    exits: new Float64Array(ticks),
  };
  let rows = 0;
  const st = sim.state;
  const P2 = st.placeFlows.length;
  const W = s.observe.window;
  const blocks = new Float64Array(options.placeFlowBlocks ? Math.ceil(ticks / W) * P2 : 0);
  const before = new Float64Array(P2); // cumulative flows at the end of the last block
  for (let t = 0; t < ticks; t++) {
    sim.step();
    if (blocks.length > 0 && ((t + 1) % W === 0 || t === ticks - 1)) {
      const b = Math.floor(t / W) * P2;
      for (let i = 0; i < P2; i++) {
        blocks[b + i] = st.placeFlows[i] - before[i];
        before[i] = st.placeFlows[i];
      }
    }
    const row = sim.observe();
    h.value[t] = row[COL.innovation_value];
    h.innovations[t] = row[COL.innovations];
    h.radical[t] = row[COL.radical_innovations];
    h.policyCost[t] = row[COL.policy_cost];
    h.entries[t] = row[COL.entries];
    h.exits[t] = row[COL.exits];
    if (t % every === every - 1 || t === ticks - 1) {
      if (rows < rowsMax) series.set(row, rows * C);
      rows++;
    }
    options.onTick?.(t, row);
  }
  const { outcomes, degenerate } = computeOutcomes(h, series, rows, s.observe.window, s.lock_in.threshold, sim.shockTicks.length > 0 ? sim.shockTicks[0] : -1);
  let firms: RunResult['firms'];
  if (sim.firmLog) {
    for (let i = 0; i < st.F; i++) if (st.alive[i]) sim.firmLog.record(st, i, Number.NaN);
    firms = sim.firmLog.table();
  }
  return {
    seed: options.seed,
    ticks,
    agents: st.N,
    columns: TIMESERIES_COLUMNS,
    rows,
    series: rows * C === series.length ? series : series.slice(0, rows * C),
    outcomes,
    degenerate,
    placeNames: st.placeNames,
    placeFlows: st.placeFlows.slice(),
    placeFlowBlocks: blocks,
    placeFlowWindow: W,
    firms,
    wallSeconds: (now() - started) / 1000,
  };
}
