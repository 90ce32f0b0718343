/** `lrsim scenarios`: the built-in scenarios, one line each. */
import type { CommandModule } from 'yargs';
import { listBuiltins } from '../../scenario/builtins';

export const scenariosCommand: CommandModule = {
  command: 'scenarios',
  describe: 'List the built-in scenarios with a one-line description each',
  handler: () => {
    const builtins = listBuiltins();
    const width = Math.max(0, ...builtins.map((b) => b.name.length));
    for (const b of builtins) process.stdout.write(`${b.name.padEnd(width)}  ${b.description}\n`);
  },
};
