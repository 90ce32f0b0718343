/** March (1991), "Exploration and exploitation in organizational learning": the model definition. */
import type { ModelDefinition, SteppedModel } from '../definition';
import { steppedRun } from '../definition';
import { MARCH_COLUMNS, MARCH_OUTCOMES } from '../names';
import { MarchSectionSchema, type MarchParams } from './params';
import { actInPlace, atEquilibrium, codifyInPlace, codeScore, socializeInPlace, turbulenceInPlace, turnoverInPlace } from './rules';
import { initMarch, knowledgeOf, type MarchState } from './state';

export { MarchSectionSchema, MARCH_LIMITS, type MarchParams } from './params';
export * as marchRules from './rules';
export { initMarch, knowledgeOf, type MarchState } from './state';


/** One period: the rules in Christensen's (2015) order (rules.ts). */
export function stepMarch(s: MarchState): void {
  turnoverInPlace(s);
  turbulenceInPlace(s);
  actInPlace(s);
  socializeInPlace(s);
  codifyInPlace(s);
  s.period++;
  if (s.equilibriumPeriod < 0 && atEquilibrium(s)) s.equilibriumPeriod = s.period;
}

function memberKnowledge(s: MarchState): number {
  let total = 0;
  for (let i = 0; i < s.n; i++) total += knowledgeOf(s.beliefs, i * s.m, s.reality);
  return total / s.n;
}

function observeMarch(s: MarchState, row: Float64Array): void {
  const { m, n, beliefs, code, performance } = s;
  const bar = codeScore(s);
  let superior = 0;
  for (let i = 0; i < n; i++) if (performance[i] > bar) superior++;
  let differ = 0;
  for (let i = 0; i < n; i++) for (let d = 0; d < m; d++) if (beliefs[i * m + d] !== code[d]) differ++;
  row[1] = bar / m;
  row[2] = memberKnowledge(s);
  row[3] = superior;
  row[4] = differ / (n * m);
}

const stepped: SteppedModel<MarchParams, MarchState> = {
  params: (scenario) => scenario.march_1991 ?? MarchSectionSchema.parse({}),
  init: initMarch,
  step: stepMarch,
  done: (s) => s.equilibriumPeriod >= 0,
  observe: observeMarch,
  outcomes: (s) => ({
    code_knowledge_final: codeScore(s) / s.m,
    member_knowledge_final: memberKnowledge(s),
    equilibrium_reached: s.equilibriumPeriod >= 0 ? 1 : 0,
    equilibrium_period: s.equilibriumPeriod >= 0 ? s.equilibriumPeriod : Number.NaN,
  }),
  agents: (s) => s.n,
};

export const march1991: ModelDefinition = {
  name: 'march-1991',
  title: 'March (1991): exploration and exploitation in organizational learning',
  description:
    'An organisational code and n members hold beliefs (-1, 0, +1) about an m-dimensional reality. Members move towards the code at the socialization rate p1; the code adopts the majority view of the members who outperform it at the codification rate p2. Fast socialization drives out the diversity the code learns from, so the code ends knowing less.',
  references: [
    'March, J. G. (1991). Exploration and exploitation in organizational learning. Organization Science 2(1): 71-87.',
    'Christensen, M. (2015), note on reproducing March (1991) Figure 1 (order of the rules, gradual socialization), as cited by the public replication github.com/Mac13kW/March_1991_Original.',
    'Rodan, S. (2005). Exploration and exploitation revisited: extending March\'s model of mutual learning. Scandinavian Journal of Management 21(4): 407-428.',
  ],
  section: 'march_1991',
  columns: MARCH_COLUMNS,
  outcomes: MARCH_OUTCOMES,
  regionLayers: false,
  run: steppedRun(stepped, MARCH_COLUMNS),
};
