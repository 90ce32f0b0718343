import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/calibrate/load-targets';
import { normalMassInBounds } from '../../src/calibrate/priors';
import { targetsSchemaText } from '../../src/calibrate/targets';
import { repoRoot } from '../../src/io/repo';
import { defaultScenario } from '../../src/scenario/schema';
import { tempDir } from '../sweep/helpers';

const GOOD = `targets:
  - outcome: external_tie_share_final
    observed: 0.2
    scale: 0.05
  - column: diversity
    summary: slope
    from: 10
    observed: -0.001
    scale: 0.001
parameters:
  openness: {prior: uniform, min: 0, max: 0.5}
  proximity.social_closure: {prior: normal, mean: 0.5, sd: 0.2}
  proximity.geographic_decay_km: {prior: log_uniform, min: 5, max: 80}
abc: {particles: 20, max_runs: 100}
`;

const dir = tempDir('targets');
function load(text: string) {
  const file = join(dir, 'targets.yaml');
  writeFileSync(file, text);
  return () => loadTargets(file, defaultScenario(), dir);
}

describe('targets files', () => {
  it('a good file resolves targets, priors (normal truncated to the schema limits) and defaults', () => {
    const spec = load(GOOD)();
    expect(spec.targets.map((t) => t.name)).toEqual(['external_tie_share_final', 'diversity:slope']);
    expect(spec.targets[1]).toMatchObject({ kind: 'column', key: 'diversity', summary: 'slope', from: 10, to: null });
    expect(spec.parameters.map((p) => p.prior)).toEqual([
      { kind: 'uniform', min: 0, max: 0.5 },
      { kind: 'normal', mean: 0.5, sd: 0.2, min: 0, max: 1 },
      { kind: 'log_uniform', min: 5, max: 80 },
    ]);
    expect(spec.abc).toMatchObject({ particles: 20, replicates: 1, alpha: 0.5, max_runs: 100, seed: 1 });
  });

  // One line each: file:line:column: field: what; fix.
  const cases: [string, string, RegExp][] = [
    ['unknown outcome', GOOD.replace('external_tie_share_final', 'external_tie_share_fnal'), /^targets\.yaml:2:14: targets\.0\.outcome: unknown outcome "external_tie_share_fnal"; did you mean "external_tie_share_final"\?/],
    ['unknown column', GOOD.replace('column: diversity', 'column: diversty'), /^targets\.yaml:5:13: targets\.1\.column: unknown time-series column "diversty"; did you mean "diversity"\?/],
    ['prior outside the schema limits', GOOD.replace('max: 0.5}', 'max: 1.5}'), /^targets\.yaml:11:43: parameters\.openness\.max: 1\.5 is above the highest value of openness \(1\); write at most 1/],
    ['scale <= 0', GOOD.replace('scale: 0.05', 'scale: 0'), /^targets\.yaml:4:12: targets\.0\.scale: 0 is not allowed here; write a number > 0/],
    ['non-numeric parameter', GOOD.replace('openness:', 'name:'), /^targets\.yaml:11:3: parameters: name is not a numeric setting \(it takes text \(up to 80 characters\)\)/],
    ['unknown parameter', GOOD.replace('proximity.social_closure', 'proximity.social_closur'), /^targets\.yaml:12:3: parameters: proximity\.social_closur: unknown setting "social_closur"; did you mean "social_closure"\?/],
    ['empty targets', GOOD.replace(/targets:\n(.*\n){8}/, 'targets: []\n'), /^targets\.yaml:1:10: targets: the list of targets is empty/],
    ['unknown prior', GOOD.replace('prior: uniform', 'prior: unifrom'), /^targets\.yaml:11:21: parameters\.openness\.prior: unknown prior "unifrom"; did you mean "uniform"\?/],
    ['misspelt key', GOOD.replace('observed: 0.2', 'observd: 0.2'), /^targets\.yaml:3:5: targets\.0: unknown key "observd"; did you mean "observed"\?/],
    ['budget', GOOD.replace('max_runs: 100', 'max_runs: 10'), /^targets\.yaml:14:32: abc\.max_runs: max_runs 10 cannot pay for the first generation/],
    ['empty file', '\n', /^targets\.yaml: the file is empty/],
    // Audit auditinput 11 and 13: a target name obeys scenario text's rule (scenario/unsafe-text.ts); a list gets a targets file's advice.
    ['a target name with a right-to-left override', GOOD.replace('    observed: 0.2\n', '    name: "x\\u202eevil"\n    observed: 0.2\n'), /^targets\.yaml:3:11: targets\.0\.name: "x\\u202eevil" has the wrong form; write it on one line without control characters \(line breaks, tabs, NUL, escape codes, bidirectional overrides\)$/],
    ['a target name with a line break', GOOD.replace('    observed: 0.2\n', '    name: "two\\nlines"\n    observed: 0.2\n'), /^targets\.yaml:3:11: targets\.0\.name: "two\\nlines" has the wrong form; write it on one line/],
    ['a list at the top level', '- outcome: external_tie_share_final\n', /^targets\.yaml:1:1: the top level is a list, not a mapping; write `key: value` lines, e\.g\. `targets:`, `parameters:` and optionally `abc:`/],
    // The check and its message agree: alpha must be below 1 (1 is refused).
    ['alpha 1', GOOD.replace('max_runs: 100', 'max_runs: 100, alpha: 1'), /^targets\.yaml:14:44: abc\.alpha: 1 is not allowed here; write a number above 0, below 1$/],
    // Was accepted here, then failed in the sampler (exit 1, "unexpected failure").
    ['a normal prior with no mass in its bounds', GOOD.replace('mean: 0.5, sd: 0.2', 'mean: 5, sd: 0.1'), /^targets\.yaml:12:51: parameters\.proximity\.social_closure\.mean: a normal prior with mean 5 and sd 0\.1 puts none of its mass in \[0, 1\] \(the limits of proximity\.social_closure\); the sampler needs at least 0\.001; move the mean into \[0, 1\], widen sd, or write prior: uniform$/],
    // R: pnorm(1, 1.35, 0.1) - pnorm(0, 1.35, 0.1) -> 0.00023262907903552418
    ['a normal prior with too little mass in its bounds', GOOD.replace('mean: 0.5, sd: 0.2}', 'mean: 1.35, sd: 0.1, min: 0.2}'), /^targets\.yaml:12:51: parameters\.proximity\.social_closure\.mean: a normal prior with mean 1\.35 and sd 0\.1 puts 0\.00023 of its mass in \[0\.2, 1\] \(its min and the limit of proximity\.social_closure\)/],
    ['all weights 0', GOOD.replace('scale: 0.05', 'scale: 0.05\n    weight: 0').replace('scale: 0.001', 'scale: 0.001\n    weight: 0'), /^targets\.yaml:2:3: targets: every target has weight 0, so every simulation would be at distance 0; give at least one target a positive weight$/],
    // Several problems: the first in full, then where the others are; no `lrsim validate FILE`
    // (it reads scenarios, not targets files).
    [
      'several problems',
      GOOD.replace('column: diversity', 'column: diversty').replace('max: 0.5}', 'max: 1.5}'),
      /^targets\.yaml:5:13: targets\.1\.column: unknown time-series column "diversty"; did you mean "diversity"\? columns are the header of timeseries\.csv \(see docs\/data\.md\) \(and 1 more problem in this file, at targets\.yaml:11:43 parameters\.openness\.max; fix this one and run again to see the next in full\)$/,
    ],
    // README audit finding 12: a problem the schema finds (scale 0) used to hide the
    // problems found against the scenario, which appeared one run at a time.
    [
      'a schema problem and problems against the scenario: all counted',
      GOOD.replace('scale: 0.05', 'scale: 0').replace('column: diversity', 'column: diversty').replace('max: 0.5}', 'max: 1.5}'),
      /^targets\.yaml:4:12: targets\.0\.scale: 0 is not allowed here; write a number > 0 \(and 2 more problems in this file, at targets\.yaml:5:13 targets\.1\.column, targets\.yaml:11:43 parameters\.openness\.max; fix this one and run again to see the next in full\)$/,
    ],
    // ... and the outcome of a target that fails the schema is still checked.
    [
      'an unknown outcome in a target that fails the schema',
      GOOD.replace('scale: 0.05', 'scale: 0').replace('external_tie_share_final', 'external_tie_share_fnal'),
      /^targets\.yaml:2:14: targets\.0\.outcome: unknown outcome "external_tie_share_fnal"; did you mean "external_tie_share_final"\? .* \(and 1 more problem in this file, at targets\.yaml:4:12 targets\.0\.scale; /,
    ],
    // summary.json has no `outcomes` key: its outcomes are top-level keys after `degenerate`.
    ['an unknown outcome with no near name', GOOD.replace('external_tie_share_final', 'zzz'), /^targets\.yaml:2:14: targets\.0\.outcome: unknown outcome "zzz"; an outcome is one of the top-level keys of a run's summary\.json after `degenerate` \(the same as the outcome columns of a sweep's runs\.csv; columns\.json defines each\)$/],
    // Review of 2026-12-03: predictive.csv would get two `openness` columns, and columns.json would define the target's as the parameter.
    ['a target named as a calibrated parameter', GOOD.replace('    observed: 0.2\n', '    name: openness\n    observed: 0.2\n'), /^targets\.yaml:3:11: targets\.0\.name: target name "openness" is also a column of predictive\.csv \(draw, particle, or a calibrated parameter's path\); give the target another name$/],
    ['a target named particle', GOOD.replace('    observed: 0.2\n', '    name: particle\n    observed: 0.2\n'), /^targets\.yaml:3:11: targets\.0\.name: target name "particle" is also a column/],
    // Every run would use 40 firms: prior and posterior sd 0, shrinkage NaN in the report.
    ['a whole-number setting whose range runs as one number', GOOD.replace('abc:', '  agents.firms: {prior: uniform, min: 40, max: 40.4}\nabc:'), /^targets\.yaml:14:\d+: parameters\.agents\.firms\.max: agents\.firms is a whole-number setting and every value in \[40, 40\.4\] runs as 40, so there is nothing to calibrate; widen min and max to span at least two whole numbers$/],
    ['a top level that is not a mapping', '- openness\n', /^targets\.yaml:1:1: the top level is a list, not a mapping; write `key: value` lines, e\.g\. `targets:`, `parameters:` and optionally `abc:`/],
  ];
  for (const [what, text, message] of cases)
    it(`refuses ${what} with one positioned line`, () => {
      const attempt = load(text);
      expect(attempt).toThrow(message);
      try {
        attempt();
      } catch (e) {
        expect((e as Error).message).not.toContain('\n');
      }
    });

  it('a target name may hold right-to-left text and its marks (U+200F), as scenario text may', () => {
    expect(load(GOOD.replace('    observed: 0.2\n', '    name: "שיעור \\u200fקשרים"\n    observed: 0.2\n'))().targets[0].name).toBe('שיעור \u200fקשרים');
  });

  it('a normal prior with at least 0.001 of its mass in its bounds is kept', () => {
    // R: pnorm(1, 1.3, 0.1) - pnorm(0, 1.3, 0.1) -> 0.0013498980316300926
    expect(load(GOOD.replace('mean: 0.5, sd: 0.2', 'mean: 1.3, sd: 0.1'))().parameters[1].prior).toEqual({ kind: 'normal', mean: 1.3, sd: 0.1, min: 0, max: 1 });
  });

  // R: pnorm(1, 1.35, 0.1) - pnorm(0, 1.35, 0.1) -> 0.00023262907903552418
  //    pnorm(1, 0.5, 0.2) - pnorm(0, 0.5, 0.2)   -> 0.98758066934844768
  //    pnorm(0.6, -0.35, 0.1, lower.tail = FALSE) - pnorm(1, -0.35, 0.1, lower.tail = FALSE) -> 1.0494515075362789e-21
  it('normal mass in the bounds, against R (both tails, and far in one)', () => {
    expect(normalMassInBounds(1.35, 0.1, 0, 1)).toBeCloseTo(0.00023262907903552418, 15);
    expect(normalMassInBounds(0.5, 0.2, 0, 1)).toBeCloseTo(0.98758066934844768, 14);
    expect(normalMassInBounds(-0.35, 0.1, 0.6, 1) / 1.0494515075362789e-21).toBeCloseTo(1, 9);
    expect(normalMassInBounds(5, 0.1, 0, 1)).toBe(0);
  });

  it('the README example and the worked example of docs/calibration.md load', () => {
    const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
    const example = /```yaml\n(targets:[\s\S]*?)```/.exec(readme)![1];
    expect(load(example)().parameters.map((p) => p.path)).toEqual(['openness', 'proximity.social_closure', 'environment.frontier_width']);
    const worked = loadTargets(join(repoRoot(), 'docs', 'calibration', 'targets.yaml'), defaultScenario(), repoRoot());
    expect(worked.targets).toHaveLength(4);
  });

  it('targets.schema.json is the generated schema', () => {
    expect(readFileSync(join(repoRoot(), 'targets.schema.json'), 'utf8')).toBe(targetsSchemaText());
  });
});
