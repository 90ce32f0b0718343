/**
 * Tiny hand-built worlds for the model's unit tests: a parsed scenario, its parameters and
 * a bare ModelState (all knowledge zero, every firm dead until a test says otherwise), and
 * a scripted random stream whose uniforms a test writes down, so an expected value can be
 * derived by hand.
 */
import { baseParams, type Params } from '../../src/model/params';
import { Rng } from '../../src/model/rng';
import { ModelState } from '../../src/model/state';
import { deepMerge } from '../../src/scenario/merge';
import { ScenarioSchema, type Scenario } from '../../src/scenario/schema';

const NO_INSTITUTIONS = { university: 0, research_institute: 0, government: 0, intermediary: 0, cultural: 0 };

/** A scenario with `firms` firms, `residents` residents, K = `domains`, overridden by `over`. */
export function tinyScenario(over: object = {}, firms = 3, residents = 2, domains = 4): Scenario {
  return ScenarioSchema.parse(deepMerge({ agents: { firms, residents, institutions: NO_INSTITUTIONS }, knowledge: { domains } }, over));
}

/** A bare state for `scenario`: zero knowledge, no ties, nobody alive. */
export function bareWorld(scenario: Scenario = tinyScenario()): { s: Scenario; p: Params; st: ModelState } {
  const p = baseParams(scenario);
  return { s: scenario, p, st: new ModelState(scenario, p) };
}

/** A stream that returns exactly `uniforms`, in order, and fails the test if asked for more. */
export function scripted(uniforms: readonly number[]): Rng & { left: () => number } {
  const queue = [...uniforms];
  const rng = new Rng(0, 'scripted') as Rng & { left: () => number };
  (rng as unknown as { next: () => number }).next = () => {
    const u = queue.shift();
    if (u === undefined) throw new Error('scripted stream exhausted: the code drew more uniforms than the test derived');
    return u;
  };
  rng.left = () => queue.length;
  return rng;
}

/** Math.fround: the value a Float32Array stores. */
export const f32 = Math.fround;
