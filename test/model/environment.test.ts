/**
 * The frontier and core collapse (environment.ts): relevance after a collapse, recomputed
 * independently from the frontier's formula (MODEL-SPEC 4), without noise.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

const K = 24;
// No relevance noise and a fast frontier (20 domains per 100 ticks), so the frontier moves
// 10 domains between the collapse and the check.
const base = (shocks: ScenarioInput['shocks']) =>
  ScenarioSchema.parse({
    ticks: 70,
    agents: { firms: 30, residents: 100, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 0 } },
    environment: { noise_step: 0, frontier_speed: 20 },
    shocks,
  });

/** Frontier relevance of domain k with the frontier at mu (floor 0.05, width 3). */
function frontier(k: number, mu: number): number {
  let d = Math.abs(k - mu) % K;
  if (d > K / 2) d = K - d;
  return 0.05 + 0.95 * Math.exp(-(d * d) / 18);
}

function runTo(ticks: number, shocks: ScenarioInput['shocks']): Simulation {
  const sim = new Simulation(base(shocks), 7);
  for (let t = 0; t < ticks; t++) sim.step();
  return sim;
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('core collapse', () => {
  const collapse = (redistribute: 'related' | 'uniform' | 'none') => [{ tick: 10, kind: 'core_collapse' as const, factor: 0.5, domains: 2, redistribute }];

  it('moves relevance to the domains 3 to 6 steps from the collapsed ones, recomputed every tick as the frontier moves on', () => {
    const sim = runTo(60, collapse('related'));
    const st = sim.state;
    const chosen = [...Array(K).keys()].filter((k) => st.collapseMult[k] === 0.5);
    expect(chosen).toHaveLength(2);
    const ring = (a: number, b: number) => Math.min(Math.abs(a - b), K - Math.abs(a - b));
    const targets = [...Array(K).keys()].filter((t) => !chosen.includes(t) && chosen.some((k) => ring(k, t) >= 3 && ring(k, t) <= 6));
    const moved = chosen.reduce((s, k) => s + 0.5 * frontier(k, st.mu), 0);
    for (let k = 0; k < K; k++) {
      const expected = frontier(k, st.mu) * (chosen.includes(k) ? 0.5 : 1) + (targets.includes(k) ? moved / targets.length : 0);
      expect(st.relevance[k]).toBeCloseTo(Math.min(1, expected), 12);
    }
  });

  it('keeps total relevance equal to the unshocked run at every later tick (related, uniform), and loses the removed part with `none`', () => {
    const none = runTo(60, []);
    for (const mode of ['related', 'uniform'] as const) {
      const st = runTo(60, collapse(mode)).state;
      // What the cap at 1 cuts off, from the formula: the move itself conserves relevance.
      const chosen = [...Array(K).keys()].filter((k) => st.collapseMult[k] === 0.5);
      const moved = chosen.reduce((s, k) => s + 0.5 * frontier(k, st.mu), 0);
      const receivers = [...Array(K).keys()].filter((k) => st.collapseWeight[k] > 0);
      const capped = receivers.reduce((s, k) => s + Math.max(0, frontier(k, st.mu) + moved / receivers.length - 1), 0);
      expect(sum(st.relevance) + capped).toBeCloseTo(sum(none.state.relevance), 12);
    }
    const dropped = runTo(60, collapse('none')).state;
    const lost = [...Array(K).keys()].filter((k) => dropped.collapseMult[k] === 0.5).reduce((s, k) => s + 0.5 * frontier(k, dropped.mu), 0);
    expect(sum(dropped.relevance)).toBeCloseTo(sum(none.state.relevance) - lost, 12);
    expect(lost).toBeGreaterThan(0.01); // the collapsed domains now lie far behind the frontier
  });

  it('spreads the removed relevance evenly over every other domain with `uniform`', () => {
    const st = runTo(60, collapse('uniform')).state;
    const chosen = [...Array(K).keys()].filter((k) => st.collapseMult[k] === 0.5);
    const moved = chosen.reduce((s, k) => s + 0.5 * frontier(k, st.mu), 0);
    for (let k = 0; k < K; k++) if (!chosen.includes(k)) expect(st.relevance[k]).toBeCloseTo(Math.min(1, frontier(k, st.mu) + moved / (K - 2)), 12);
  });
});
