/**
 * Column meanings of the reference models (src/models): their time-series columns and run
 * outcomes, for columns.json. Knowledge in March (1991) is (correct - wrong beliefs) / m.
 */
import type { ColumnMeaning } from './definitions';

const m = (type: ColumnMeaning['type'], unit: string, definition: string): ColumnMeaning => ({ type, unit, definition });
const MARCH_KNOWLEDGE = 'knowledge (-1 to 1)';
const CJ_KNOWLEDGE = 'knowledge (initial_knowledge_max units)';

export const REFERENCE_SERIES_MEANINGS: Record<string, ColumnMeaning> = {
  tick: m('integer', 'period', 'Period of the reference model (0-based); after an absorbing equilibrium the last state repeats.'),
  code_knowledge: m('number', MARCH_KNOWLEDGE, 'March (1991): the code\'s beliefs times reality, summed over dimensions, over m.'),
  member_knowledge_mean: m('number', MARCH_KNOWLEDGE, 'March (1991): mean over members of their beliefs times reality, summed over dimensions, over m.'),
  superior_members: m('integer', 'members', 'March (1991): members whose actions in the period scored more than the code (the superior group the code learns from).'),
  divergence_from_code: m('number', 'share (0-1)', 'March (1991): share of member beliefs (over members and dimensions) that differ from the code.'),
  mean_knowledge: m('number', CJ_KNOWLEDGE, 'Cowan and Jonard (2004): mean over agents of their mean knowledge over categories.'),
  knowledge_variance: m('number', `${CJ_KNOWLEDGE} squared`, 'Cowan and Jonard (2004): variance across agents of their mean knowledge over categories.'),
  knowledge_cv: m('number', 'ratio', 'Cowan and Jonard (2004): coefficient of variation (sd / mean) across agents of their mean knowledge.'),
  trades: m('integer', 'trades', 'Cowan and Jonard (2004): barters in the period (of N meetings).'),
};

export const REFERENCE_OUTCOME_MEANINGS: Record<string, ColumnMeaning> = {
  code_knowledge_final: m('number', MARCH_KNOWLEDGE, 'March (1991) Figure 1: the code\'s knowledge at the end of the run (at equilibrium when one was reached).'),
  member_knowledge_final: m('number', MARCH_KNOWLEDGE, 'March (1991): the members\' mean knowledge at the end of the run.'),
  equilibrium_reached: m('integer', 'indicator (0/1)', 'March (1991): 1 when the run reached the absorbing equilibrium before its last tick.'),
  equilibrium_period: m('integer', 'period', 'March (1991): period at which the equilibrium was reached; missing when it was not.'),
  mean_knowledge_final: m('number', CJ_KNOWLEDGE, 'Cowan and Jonard (2004): mean knowledge at the end of the run (the steady state when frozen).'),
  knowledge_variance_final: m('number', `${CJ_KNOWLEDGE} squared`, 'Cowan and Jonard (2004): variance of agents\' knowledge at the end of the run.'),
  knowledge_cv_final: m('number', 'ratio', 'Cowan and Jonard (2004): coefficient of variation of agents\' knowledge at the end of the run.'),
  average_path_length: m('number', 'edges', 'Cowan and Jonard (2004): mean shortest path over connected ordered pairs of the run\'s network.'),
  network_clustering: m('number', 'index (0-1)', 'Cowan and Jonard (2004): mean local clustering coefficient of the run\'s network.'),
  frozen: m('integer', 'indicator (0/1)', 'Cowan and Jonard (2004): 1 when no pair of neighbours could trade any more before the last tick.'),
  frozen_period: m('integer', 'period', 'Cowan and Jonard (2004): period after which no trade was possible; missing when trading never stopped.'),
};
