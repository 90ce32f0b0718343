/** The command that resumes a sweep: a small module, so the report can name it without loading the sweep runner. */
import { shellCommand } from '../slurm/shell';

/**
 * The command that resumes this sweep (the one given, with --resume, and --out when it was
 * implicit), each word shell-quoted where it needs it (a `--set` list, a path with a space),
 * so it can be pasted as it is.
 */
export function resumeCommand(command: readonly string[], dir: string): string {
  const args = command.filter((a) => a !== '--resume');
  const outGiven = args.some((a) => a === '--out' || a.startsWith('--out='));
  return `lrsim ${shellCommand([...args, '--resume', ...(outGiven ? [] : ['--out', dir])])}`;
}
