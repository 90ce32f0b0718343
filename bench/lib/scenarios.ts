/**
 * The scenarios the benchmarks run: the built-in baseline at a given K, and the baseline
 * scaled to a population size with firms, residents and institutions in the baseline's
 * proportions (400 : 8000 : 8, institutions by kind 2 : 2 : 1 : 1 : 2).
 */
import { loadScenario, type Scenario } from '../../src/scenario';

/** The baseline with `knowledge.domains = K` (and any further --set assignments). */
export function baselineAt(K: number, set: string[] = []): Scenario {
  return loadScenario('baseline', { set: [`knowledge.domains=${K}`, ...set] }).scenario;
}

export interface Population {
  agents: number;
  firms: number;
  residents: number;
  institutions: { university: number; research_institute: number; government: number; intermediary: number; cultural: number };
}

/** Firms, residents and institutions summing to about `agents` in the baseline's proportions. */
export function scaledPopulation(agents: number, base: Scenario = baselineAt(24)): Population {
  const b = base.agents;
  const bi = b.institutions;
  const baseTotal = b.firms + b.residents + bi.university + bi.research_institute + bi.government + bi.intermediary + bi.cultural;
  const f = agents / baseTotal;
  const at = (n: number) => Math.max(n > 0 ? 1 : 0, Math.round(n * f));
  const institutions = {
    university: at(bi.university),
    research_institute: at(bi.research_institute),
    government: at(bi.government),
    intermediary: at(bi.intermediary),
    cultural: at(bi.cultural),
  };
  const firms = at(b.firms);
  const inst = Object.values(institutions).reduce((s, n) => s + n, 0);
  const residents = Math.max(0, agents - firms - inst);
  return { agents: firms + inst + residents, firms, residents, institutions };
}

/** The baseline at K with the population scaled to about `agents`. */
export function scaledBaseline(agents: number, K = 24): Scenario {
  const pop = scaledPopulation(agents);
  const i = pop.institutions;
  return baselineAt(K, [
    `agents.firms=${pop.firms}`,
    `agents.residents=${pop.residents}`,
    `agents.institutions.university=${i.university}`,
    `agents.institutions.research_institute=${i.research_institute}`,
    `agents.institutions.government=${i.government}`,
    `agents.institutions.intermediary=${i.intermediary}`,
    `agents.institutions.cultural=${i.cultural}`,
  ]);
}
