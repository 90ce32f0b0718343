/**
 * The report's decision-analysis sections: scenario discovery of lock-in in the
 * reference arm (when the sweep has swept parameters), and the robustness of the arms
 * across the design points (when it has arms and several points). Sentences and charts
 * come from one computation per statistics object.
 */
import type { Chart } from '../charts/chart';
import { label } from '../charts/chart';
import { UsageError } from '../cli/usage-error';
import type { SweepStats } from '../stats/sweep-stats';
import { boxLimitsChart, robustnessChart, trajectoryChart } from './charts';
import { discoverScenarios } from './discover';
import { armRobustness, DEFAULT_ROBUSTNESS_OUTCOME } from './robust';
import { discoverySentences, robustnessSentences } from './sentences';
import type { AnalysisInput } from './sweep-runs';

export interface DecisionSections {
  findings: string[];
  charts: Chart[];
}

const cache = new WeakMap<SweepStats, DecisionSections>();

/** Runs a step whose bad input just means "this sweep has no such section". */
function unlessInapplicable<T>(step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}

/** The sentences and charts of both sections (empty where a sweep has nothing to show). */
export function decisionSections(stats: SweepStats): DecisionSections {
  const cached = cache.get(stats);
  if (cached) return cached;
  const out: DecisionSections = { findings: [], charts: [] };
  const input: AnalysisInput = { runs: stats.runs, parameters: stats.parameters, arms: stats.arms, outcomes: stats.outcomeKeys, fixedDesign: stats.design === 'grid' || stats.design === 'file' };
  const points = new Set(stats.runs.map((r) => r.point)).size;
  if (stats.parameters.length > 0 && points > 1 && stats.outcomeKeys.includes('locked_in')) {
    const arm = stats.arms.length > 1 ? (stats.baselineArm ?? stats.arms[0]) : undefined;
    const d = unlessInapplicable(() => discoverScenarios(input, { outcome: 'locked_in', arm }));
    if (d) {
      out.findings.push(...discoverySentences(d));
      out.charts.push(trajectoryChart(d), boxLimitsChart(d));
    }
  }
  // Robustness compares options a decision maker can choose: an arm that changes the shocks
  // is a condition (a future), not an option, so it takes no part (structural-shock's arms;
  // the same rule as the ranking, stats/arm-roles.ts).
  if (stats.armRoles.options.length > 1 && points > 1 && stats.outcomeKeys.includes(DEFAULT_ROBUSTNESS_OUTCOME)) {
    const lockIn = stats.outcomeKeys.includes('locked_in');
    const chosen: AnalysisInput = { ...input, conditions: stats.armRoles.conditions };
    const r = unlessInapplicable(() => armRobustness(chosen, { outcome: DEFAULT_ROBUSTNESS_OUTCOME, target: lockIn ? 'locked_in < 0.5' : undefined }));
    if (r) {
      const measure = label(r.outcome).toLowerCase();
      out.findings.push(...robustnessSentences(r, measure, 'of staying out of lock-in (fewer than half its runs locked in)'));
      out.charts.push(robustnessChart(r, measure));
    }
  }
  cache.set(stats, out);
  return out;
}
