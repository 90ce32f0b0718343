/**
 * Issue 14 item 1: text from a scenario or the command line must never run as shell code
 * from the generated sbatch scripts or the printed "submit with:" hint.
 *
 * Two depths: the schema refuses control characters in every text that can reach a script
 * or a file name, and the scripts quote everything through one function. The scripts are
 * checked with `bash -n` and then run with a fake node/sbatch/srun that record their argv:
 * no injected command runs (a payload would create MARK), and every argument arrives intact.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { ScenarioError } from '../../src/scenario/errors';
import { slurmMessages } from '../../src/slurm/messages';
import { checkOutDir } from '../../src/slurm/options';
import { planSlurmSweep, type SlurmEnvironment } from '../../src/slurm/plan';
import { mergeScript, shellQuote, sweepScript, type SlurmScriptSpec } from '../../src/slurm/scripts';
import { sweepFacts } from '../../src/slurm/sweep-facts';

const tmp = mkdtempSync(join(tmpdir(), 'lrsim-inject-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MARK = join(tmp, 'PWNED');

/** Every character the shell treats specially, and payloads that would create MARK. */
const METACHARACTERS = [...'|&;<>()$`\\"\' \t*?[]#~=%!{}^,'];
const PAYLOADS = [
  `$(touch ${MARK})`,
  `\`touch ${MARK}\``,
  `'; touch ${MARK}; '`,
  `"; touch ${MARK}; "`,
  `x && touch ${MARK}`,
  `x | touch ${MARK}`,
  `\${IFS}touch\${IFS}${MARK}`,
  `$'\\n'touch ${MARK}`,
  `x\ntouch ${MARK}\n#`,
  `x\rtouch ${MARK}`,
  `-x --output=${MARK}`,
];
/**
 * C0 (with NUL, tab, LF, CR, ESC), DEL, C1, the Unicode line separators and the
 * bidirectional embedding/override/isolate controls (Trojan Source).
 */
const CONTROL = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'];

// A fake node, sbatch and srun: each appends its argv (NUL-separated, one record per call) to a log.
const fakeDir = join(tmp, 'fake bin $(touch x) `y` ;z');
mkdirSync(fakeDir);
const argvLog = join(tmp, 'argv.log');
const recorder = (name: string) => {
  const file = join(fakeDir, name);
  writeFileSync(file, `#!/bin/bash\n{ printf '%s' ${shellQuote(name)}; for a in "$@"; do printf '\\0%s' "$a"; done; printf '\\0\\n'; } >> ${shellQuote(argvLog)}\necho 12345\n`);
  chmodSync(file, 0o755);
  return file;
};
const fakeNode = recorder('node');
recorder('sbatch');
recorder('srun');

function calls(): string[][] {
  if (!existsSync(argvLog)) return [];
  return readFileSync(argvLog, 'utf8')
    .split('\0\n')
    .filter((r) => r !== '')
    .map((r) => r.split('\0'));
}

/** Syntax-checks then runs a script with the fakes first on PATH; returns the recorded calls. */
function runScript(script: string, env: Record<string, string> = {}): string[][] {
  const file = join(tmp, 'job.sbatch');
  writeFileSync(file, script);
  const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
  expect(syntax.stderr).toBe('');
  expect(syntax.status).toBe(0);
  rmSync(argvLog, { force: true });
  const r = spawnSync('bash', [file], {
    encoding: 'utf8',
    cwd: tmp,
    env: { PATH: `${fakeDir}:/usr/bin:/bin`, SLURM_ARRAY_TASK_ID: '3', SLURM_CPUS_PER_TASK: '2', ...env },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(existsSync(MARK)).toBe(false);
  return calls();
}

const baseSpec = (over: Partial<SlurmScriptSpec>): SlurmScriptSpec => ({
  name: 'plain',
  dir: join(tmp, 'out'),
  scenarioFile: join(tmp, 'out', 'scenario.json'),
  shards: 4,
  array: [0, 1, 2, 3],
  node: fakeNode,
  lrsim: join(tmp, 'lrsim.js'),
  command: 'lrsim slurm x --shards 4 --submit',
  resources: { cpusPerTask: 2 },
  ...over,
});

describe('the scripts quote every word', () => {
  const hostile = [...PAYLOADS, METACHARACTERS.join(''), ...METACHARACTERS.map((c) => `a${c}b`)];

  it('a scenario name of any text runs nothing and leaves the #SBATCH lines first', () => {
    for (const name of [...hostile, ...CONTROL.map((c) => `a${c}touch ${MARK}`)]) {
      for (const script of [sweepScript(baseSpec({ name })), mergeScript(baseSpec({ name }))]) {
        const lines = script.split('\n');
        const lastDirective = lines.map((l) => l.startsWith('#SBATCH')).lastIndexOf(true);
        expect(lines.slice(1, lastDirective).every((l) => l.startsWith('#'))).toBe(true);
        expect(lines.filter((l) => l.startsWith('#SBATCH --job-name=')).every((l) => /^#SBATCH --job-name=lrsim-[A-Za-z0-9_.-]+$/.test(l))).toBe(true);
        runScript(script);
      }
    }
  });

  it('hands node, lrsim and the scenario path to the task byte for byte', () => {
    for (const text of hostile) {
      const lrsim = join(tmp, `lrsim ${text}.js`);
      const scenarioFile = join(tmp, `scen ${text}.json`);
      const sweep = runScript(sweepScript(baseSpec({ lrsim, scenarioFile })));
      expect(sweep).toEqual([['node', lrsim, 'sweep', scenarioFile, '--shard', '3/4', '--out', join(tmp, 'out', 'shards', '3'), '--workers', '2', '--resume', '--no-report']]);
    }
    // The node binary itself may sit in a hostile directory (fakeDir has $(...), `...` and ;).
    const merge = runScript(mergeScript(baseSpec({ shards: 2 })));
    expect(merge).toEqual([['node', join(tmp, 'lrsim.js'), 'merge', join(tmp, 'out', 'shards', '0'), join(tmp, 'out', 'shards', '1'), '--out', join(tmp, 'out')]]);
  });

  it('refuses to write a directory or command that cannot be carried safely', () => {
    for (const c of CONTROL) {
      expect(() => sweepScript(baseSpec({ dir: `/tmp/a${c}b` }))).toThrow();
      expect(() => mergeScript(baseSpec({ command: `lrsim x${c}touch y` }))).toThrow();
    }
  });

  it('shellQuote round-trips every character through bash', () => {
    const all = String.fromCharCode(...Array.from({ length: 255 }, (_, i) => i + 1)) + '\u2028\u2029é';
    const out = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(all)}`], { encoding: 'latin1' });
    expect(Buffer.from(out, 'latin1').toString('utf8')).toBe(all);
    expect(shellQuote('')).toBe("''");
  });
});

describe('lrsim slurm end to end with a hostile scenario', () => {
  const env = (): SlurmEnvironment => ({
    cwd: tmp,
    node: fakeNode,
    lrsim: join(tmp, 'lrsim.js'),
    facts: sweepFacts,
    scheduler: { available: () => true, sbatch: () => '1', squeue: () => [], scancel: () => undefined },
  });
  const scenario = (fields: Record<string, string>) =>
    [
      `name: ${JSON.stringify(fields.name ?? 'plain')}`,
      'ticks: 4',
      'agents: {firms: 10, residents: 20}',
      'external: {partners: 5}',
      `policies: [{kind: open_region, openness: 0.5, label: ${JSON.stringify(fields.label ?? 'l')}}]`,
      'sweep:',
      '  parameters:',
      `    ${JSON.stringify(fields.parameter ?? 'openness')}: [0.1, 0.2]`,
      '  replicates: 1',
      'arms:',
      `  - name: ${JSON.stringify(fields.arm ?? 'a')}`,
      `    description: ${JSON.stringify(fields.description ?? 'd')}`,
      `    set: {${JSON.stringify(fields.setKey ?? 'learning.rate')}: 0.2}`,
      '',
    ].join('\n');

  it('metacharacters in the scenario name reach no shell', () => {
    // Names cannot hold a slash; the scripts run in tmp, so a relative `touch PWNED` makes MARK.
    const names = ['$(touch PWNED)', '`touch PWNED`', "a'; touch PWNED; '", 'a"; touch PWNED #', 'x & y | z ; w > v < u', '${IFS}touch${IFS}PWNED'];
    names.forEach((name, i) => {
      const file = join(tmp, `name${i}.yaml`);
      writeFileSync(file, scenario({ name }));
      const out = join(tmp, `slurm-name-${i}`);
      planSlurmSweep({ scenario: file, shards: 2, out }, env());
      for (const script of ['sweep.sbatch', 'merge.sbatch']) runScript(readFileSync(join(out, 'slurm', script), 'utf8'));
    });
  });

  it('control characters in any script- or file-bound field are refused by the schema, positioned', () => {
    const fields = ['name', 'label', 'parameter', 'arm', 'setKey'];
    for (const field of fields)
      for (const c of CONTROL) {
        const file = join(tmp, `ctl.yaml`);
        writeFileSync(file, scenario({ [field]: `x${c}touch ${MARK}` }));
        let error: unknown;
        try {
          loadScenario(file, { cwd: tmp });
        } catch (e) {
          error = e;
        }
        expect(error, `${field} with U+${c.charCodeAt(0).toString(16)}`).toBeInstanceOf(ScenarioError);
        const message = (error as ScenarioError).message;
        expect(message).toMatch(/^ctl\.yaml:\d+:\d+: /);
        expect(message).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }
  });

  it('descriptions keep line breaks and tabs but no other control characters', () => {
    const file = join(tmp, 'desc.yaml');
    writeFileSync(file, scenario({ description: 'two\nlines\tand a tab' }));
    expect(loadScenario(file, { cwd: tmp }).scenario.arms?.[0].description).toBe('two\nlines\tand a tab');
    writeFileSync(file, scenario({ description: 'bell\x07 escape\x1b[2J' }));
    expect(() => loadScenario(file, { cwd: tmp })).toThrow(/desc\.yaml:\d+:\d+: arms\.0\.description: .*control characters/);
    writeFileSync(file, scenario({ description: 'cost \u202e0001\u202c per year' }));
    expect(() => loadScenario(file, { cwd: tmp })).toThrow(/desc\.yaml:\d+:\d+: arms\.0\.description: .*bidirectional overrides/);
    writeFileSync(file, scenario({ description: '\u05e9\u05dc\u05d5\u05dd\u200f (right-to-left text with a mark)' }));
    expect(loadScenario(file, { cwd: tmp }).scenario.arms?.[0].description).toContain('\u200f');
  });

  it('names that would leave or hide in the output directory are refused', () => {
    for (const name of ['../../etc', 'a/b', 'a\\b', '..', '.hidden', '-rf', '--out=x']) {
      const file = join(tmp, 'path-name.yaml');
      writeFileSync(file, scenario({ name }));
      expect(() => loadScenario(file, { cwd: tmp }), name).toThrow(/path-name\.yaml:1:\d+: name: /);
    }
    for (const arm of ['..', '.x', '-x', 'a/b']) {
      const file = join(tmp, 'path-arm.yaml');
      writeFileSync(file, scenario({ arm }));
      expect(() => loadScenario(file, { cwd: tmp }), arm).toThrow(/path-arm\.yaml:\d+:\d+: arms\.0\.name: /);
    }
  });

  it('a name taken from a hostile file name is made safe', () => {
    const file = join(tmp, '-rf ..x.yaml');
    writeFileSync(file, scenario({}).replace(/^name: .*\n/, ''));
    const { scenario: s } = loadScenario(file, { cwd: tmp });
    expect(s.name).not.toMatch(/^[-.]|[/\\]/);
  });

  it('the "submit with:" hint pastes safely into a shell', () => {
    const out = join(tmp, `hint $(touch ${MARK}) ; touch ${MARK} \`x\``);
    const script = join(out, 'slurm', 'sweep.sbatch');
    const merge = join(out, 'slurm', 'merge.sbatch');
    const hint = slurmMessages.submitHint(script, merge).split('\n').slice(1).join('\n');
    rmSync(argvLog, { force: true });
    const r = spawnSync('bash', ['-c', hint], { encoding: 'utf8', env: { PATH: `${fakeDir}:/usr/bin:/bin` } });
    expect(r.status).toBe(0);
    expect(existsSync(MARK)).toBe(false);
    expect(calls()).toEqual([
      ['sbatch', '--parsable', script],
      ['sbatch', '--dependency=afterok:12345', merge],
    ]);
    const mergeOnly = slurmMessages.submitHint(null, merge).split('\n').slice(1).join('\n');
    rmSync(argvLog, { force: true });
    spawnSync('bash', ['-c', mergeOnly], { env: { PATH: `${fakeDir}:/usr/bin:/bin` } });
    expect(calls()).toEqual([['sbatch', merge]]);
  });

  it('an --out with control characters is refused before anything is written', () => {
    for (const c of CONTROL) expect(() => checkOutDir(`/tmp/a${c}b`)).toThrow(/cannot carry/);
  });
});
