/** `lrsim validate FILE...`: check scenario files; `ok FILE` or every problem, exit 2 if any is bad. */
import type { CommandModule } from 'yargs';
import { ScenarioError } from '../../scenario/errors';
import { loadScenario } from '../../scenario/load';
import { cliMessages } from '../messages';

export const validateCommand: CommandModule<object, { files: string[]; set: string[] }> = {
  command: 'validate <files..>',
  describe: 'Check scenario files (paths or built-in names) without running them',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Scenario files or built-in names' })
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a setting: --set path.to.key=value (repeatable)' })
      .example('$0 validate my-region.yaml', 'prints "ok my-region.yaml" or what to fix'),
  handler: (args) => {
    let bad = false;
    for (const file of args.files) {
      try {
        const { warnings } = loadScenario(String(file), { set: args.set.map(String) });
        for (const line of warnings) process.stderr.write(`lrsim: ${line}\n`);
        process.stdout.write(`${cliMessages.validOk(String(file))}\n`);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        bad = true;
        for (const line of e.problems) process.stderr.write(`lrsim: error: ${line}\n`);
      }
    }
    if (bad) process.exitCode = 2;
  },
};
