/**
 * The classroom's adapter to the engine: which parameters a slider may move while a run
 * goes, how a move reaches a Simulation, and the typed arrays the map draws. The engine
 * itself knows nothing of sliders (issue 20).
 */
import type { Simulation } from '../../model';
import { liveMessages } from './messages';

/** Parameters a classroom slider may move while a run is going (dot paths into the scenario). */
export const LIVE_PARAMETERS = [
  'openness',
  'proximity.geographic_decay_km',
  'proximity.social_closure',
  'proximity.cognitive_homophily',
  'proximity.trust_floor',
  'labour.mobility',
  'learning.participation',
  'contacts.per_tick',
  'migration.rate',
] as const;

/** Moves a live parameter of a running simulation: edits its scenario, then rebuilds its params. */
export function setParameter(sim: Simulation, path: string, value: number): void {
  if (!(LIVE_PARAMETERS as readonly string[]).includes(path)) throw new Error(liveMessages.notLive(path, LIVE_PARAMETERS));
  if (!Number.isFinite(value)) throw new Error(liveMessages.notFinite(path));
  const keys = path.split('.');
  let obj = sim.scenario as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
  obj[keys[keys.length - 1]] = value;
  sim.reparameterize();
}

/** Typed arrays for drawing a region (the engine's arrays, updated in place every tick). */
export function regionView(sim: Simulation) {
  const st = sim.state;
  return {
    nAgents: st.N,
    nFirms: st.F,
    firstInstitution: st.F,
    firstResident: st.firstResident,
    kind: st.kind,
    alive: st.alive,
    x: st.x,
    y: st.y,
    placeNames: st.placeNames,
    placeX: st.space.x,
    placeY: st.space.y,
    placePopulation: st.space.population,
    links: st.links.map((l) => ({ from: l.from, to: l.to })),
    maxTies: st.maxTies,
    tieTarget: st.tieTarget,
    tieStrength: st.tieStrength,
    maxPipes: st.maxPipes,
    pipeTarget: st.pipeTarget,
    pipeStrength: st.pipeStrength,
    group: st.group,
  };
}
