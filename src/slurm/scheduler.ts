/**
 * The few SLURM client calls `lrsim slurm --submit` makes: sbatch, squeue, scancel.
 * Each is a plain child process; nothing here keeps state besides the job ids it returns.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { slurmMessages as msg } from './messages';
import { SlurmInputError } from './options';

/** Whether `command` is an executable on the PATH. */
export function onPath(command: string, path: string = process.env.PATH ?? ''): boolean {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Submits `script` with `sbatch --parsable [extra...]`; returns the job id. */
export function sbatch(script: string, extra: readonly string[] = []): string {
  let out: string;
  try {
    out = execFileSync('sbatch', ['--parsable', ...extra, script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new SlurmInputError(msg.sbatchFailed(script, err.stderr || err.message));
  }
  // --parsable prints "jobid" or "jobid;cluster".
  return out.trim().split(';')[0];
}

/** A job still known to squeue: its state (PENDING, RUNNING, ...) and reason. */
export interface QueuedJob {
  id: string;
  state: string;
  reason: string;
}

/** The queued or running tasks of job `id` (an array job lists one line per task group). */
export function squeue(id: string): QueuedJob[] {
  let out: string;
  try {
    out = execFileSync('squeue', ['-h', '-j', id, '-o', '%i|%T|%r'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return []; // squeue exits non-zero for a job id it has already forgotten
  }
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [jobId, state, reason] = line.split('|');
      return { id: jobId, state, reason };
    });
}

/** Cancels job `id`. */
export function scancel(id: string): void {
  execFileSync('scancel', [id], { stdio: 'ignore' });
}
