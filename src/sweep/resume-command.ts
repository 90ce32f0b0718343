/** The command that resumes a sweep: a leaf module, so the report can name it without loading the sweep runner. */

/** The command that resumes this sweep (the one given, with --resume, and --out when it was implicit). */
export function resumeCommand(command: readonly string[], dir: string): string {
  const args = command.filter((a) => a !== '--resume');
  const outGiven = args.some((a) => a === '--out' || a.startsWith('--out='));
  return ['lrsim', ...args, '--resume', ...(outGiven ? [] : ['--out', dir])].join(' ');
}
