/**
 * Checks of a scenario's `model` against what it says: a reference model reads only its
 * own section and the run settings, so keys of another model (or of the learning region)
 * are mistakes, not silently ignored settings. Also the range checks that span fields of a
 * model's section, and fills the chosen model's section with its defaults when absent.
 */
import { OUTCOME_KEYS } from '../model/outcomes';
import { CowanJonardSectionSchema } from '../models/cowan-jonard-2004/params';
import { MarchSectionSchema } from '../models/march-1991/params';
import { modelMessages as M } from '../models/messages';
import { DEFAULT_MODEL, MODEL_SECTIONS, REFERENCE_OUTCOMES, type ModelName } from '../models/names';
import type { LocatedProblem } from './errors';
import type { Scenario } from './schema';

/** Keys every model reads. */
const SHARED_KEYS = new Set(['name', 'description', 'teaching_note', 'references', 'extends', 'model', 'seed', 'ticks', 'observe', 'sweep', 'arms']);
const SECTION_OWNER = new Map<string, ModelName>(Object.entries(MODEL_SECTIONS).map(([model, key]) => [key, model as ModelName]));

/** Outcome keys of a model. */
export function outcomesOfModel(model: ModelName): readonly string[] {
  return model === 'learning-region' ? OUTCOME_KEYS : REFERENCE_OUTCOMES[model];
}

/** Fills the chosen reference model's section with its defaults when the scenario has none (in place). */
export function fillModelSectionInPlace(s: Scenario): void {
  if (s.model === 'march-1991' && !s.march_1991) s.march_1991 = MarchSectionSchema.parse({});
  if (s.model === 'cowan-jonard-2004' && !s.cowan_jonard_2004) s.cowan_jonard_2004 = CowanJonardSectionSchema.parse({});
}

/** Problems of the scenario's model choice; `raw` is the merged data as written. */
export function modelProblems(s: Scenario, raw: Record<string, unknown>): LocatedProblem[] {
  const model = s.model ?? DEFAULT_MODEL;
  const problems: LocatedProblem[] = [];
  const own = model === 'learning-region' ? undefined : MODEL_SECTIONS[model];
  for (const key of Object.keys(raw)) {
    if (SHARED_KEYS.has(key) || key === own) continue;
    const owner = SECTION_OWNER.get(key) ?? (model === 'learning-region' ? undefined : 'learning-region');
    if (owner !== undefined) problems.push({ path: [key], key: true, ...M.keyOfOtherModel(key, owner, model) });
  }
  const cj = s.cowan_jonard_2004;
  if (cj && model === 'cowan-jonard-2004') {
    if (cj.neighbours % 2 !== 0) problems.push({ path: ['cowan_jonard_2004', 'neighbours'], ...M.neighboursOdd(cj.neighbours) });
    else if (cj.neighbours >= cj.agents - 1) problems.push({ path: ['cowan_jonard_2004', 'neighbours'], ...M.neighboursTooMany(cj.neighbours, cj.agents) });
  }
  const march = s.march_1991;
  if (march && model === 'march-1991' && march.slow_learners > march.members)
    problems.push({ path: ['march_1991', 'slow_learners'], ...M.slowLearnersAboveMembers(march.slow_learners, march.members) });
  const allowed = outcomesOfModel(model);
  (s.sweep?.outcomes ?? []).forEach((o, i) => {
    if (!allowed.includes(o)) problems.push({ path: ['sweep', 'outcomes', i], ...M.outcomeOfOtherModel(o, model, allowed) });
  });
  return problems;
}
