/**
 * One live region as the page runs it (in the worker) and as docs/gen-classroom.ts re-runs
 * the lessons (in Node): the engine's simulation plus the page's place-flow columns, and
 * a teacher's action applied between ticks. Shared, so the lessons' numbers are the page's.
 */
import { Simulation, TIMESERIES_COLUMNS } from '../../model';
import { PolicySchema, ShockSchema } from '../../scenario/schema';
import type { Scenario } from '../../scenario/schema';
import { regionView, setParameter } from './live-parameters';
import { PLACE_FLOW_COLUMNS } from './protocol';
import type { Action, PlacePair } from './protocol';

/** The columns of every row: the engine's, then the page's place-flow columns. */
export const COLUMNS = [...TIMESERIES_COLUMNS, ...PLACE_FLOW_COLUMNS];

/**
 * A simulation with what the page adds to each observed row: the tacit flow between two
 * places this tick, from the engine's cumulative place-by-place flow matrix.
 */
export class LiveRegion {
  readonly sim: Simulation;
  /** Moving mean (weight 0.2 per tick) of the tacit flow between places, for the map. */
  readonly recentFlow: Float64Array;
  private readonly previous: Float64Array;
  private readonly pair: [number, number] | undefined;

  constructor(scenario: Scenario, seed: number, bridge?: PlacePair) {
    this.sim = new Simulation(scenario, seed);
    this.previous = this.sim.state.placeFlows.slice();
    this.recentFlow = new Float64Array(this.previous.length);
    const names = regionView(this.sim).placeNames;
    const a = bridge ? names.indexOf(bridge.from) : -1, b = bridge ? names.indexOf(bridge.to) : -1;
    this.pair = a >= 0 && b >= 0 && a !== b ? [a, b] : undefined;
  }

  /** One tick; returns the row (engine columns, then PLACE_FLOW_COLUMNS). */
  step(): Float64Array {
    this.sim.step();
    const base = this.sim.observe();
    const row = new Float64Array(COLUMNS.length);
    row.set(base);
    const flows = this.sim.state.placeFlows, P = Math.round(Math.sqrt(flows.length));
    let between = 0;
    for (let i = 0; i < flows.length; i++) this.recentFlow[i] += 0.2 * (flows[i] - this.previous[i] - this.recentFlow[i]);
    for (let p = 0; p < P; p++) for (let q = 0; q < P; q++) if (p !== q) between += flows[p * P + q] - this.previous[p * P + q];
    if (this.pair) {
      const [a, b] = this.pair;
      const pair = flows[a * P + b] - this.previous[a * P + b] + flows[b * P + a] - this.previous[b * P + a];
      row[base.length] = pair;
      row[base.length + 1] = P > 2 ? (between - pair) / ((P * (P - 1)) / 2 - 1) : NaN;
    } else {
      row[base.length] = NaN;
      row[base.length + 1] = P > 1 ? between / ((P * (P - 1)) / 2) : NaN;
    }
    this.previous.set(flows);
    return row;
  }
}

export /** Applies a teacher's action to simulation `region` at its current tick. */
function applyAction(sim: Simulation, region: number, action: Action): void {
  if (action.kind === 'set') {
    if (action.regions.includes(region)) setParameter(sim, action.path, action.value);
  } else if (action.kind === 'policy') {
    sim.addPolicy(PolicySchema.parse({ ...action.policy, start: sim.tick }));
  } else {
    sim.addShock(ShockSchema.parse({ ...action.shock, tick: sim.tick }));
  }
}
