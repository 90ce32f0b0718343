/** A calibration spec for output tests: the given targets and parameters, a 3-particle sampler. */
import type { CalibrationSpec, CalibrationTarget } from '../../src/calibrate/load-targets';

/** An outcome target as loadTargets makes it. */
export const outcomeTarget = (key: string, observed: number, scale: number): CalibrationTarget => ({ name: key, kind: 'outcome', key, summary: 'mean', from: 0, to: null, observed, scale, weight: 1 });

export function specWith(targets: CalibrationTarget[], parameters: CalibrationSpec['parameters'], description = ''): CalibrationSpec {
  return {
    source: 't.yaml',
    description,
    targets,
    parameters,
    abc: { particles: 3, replicates: 1, alpha: 0.5, final_tolerance: 1, min_acceptance: 0.02, max_generations: 2, max_runs: 100, seed: 1, predictive_draws: 2 },
    file: {} as CalibrationSpec['file'],
  };
}
