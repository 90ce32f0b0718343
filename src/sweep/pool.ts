/**
 * The worker pool: piscina over worker_threads, one run per worker at a time. Piscina
 * replaces a worker that dies (uncaught error, out of memory, terminate()) and rejects the
 * run it held, which the sweep records as failed. Results come back with their typed
 * arrays transferred.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Piscina from 'piscina';
import { repoRoot } from '../io/repo';
import { sweepIoMessages } from './messages';
import type { RunOutput } from './record';
import type { RunTask } from './task';

/** The bundled worker entry (`npm run build` / bin/lrsim.js make it). */
export function defaultWorkerFile(): string {
  const file = join(repoRoot(), 'dist', 'workers', 'run-worker.js');
  if (!existsSync(file)) throw new Error(sweepIoMessages.workerMissing(file));
  return file;
}

export interface PoolOptions {
  workers: number;
  /** Worker entry; default dist/workers/run-worker.js. */
  workerFile?: string;
}

export class RunPool {
  readonly piscina: Piscina<RunTask, RunOutput>;
  private destroyed: Promise<void> | undefined;

  constructor(options: PoolOptions) {
    this.piscina = new Piscina<RunTask, RunOutput>({
      filename: options.workerFile ?? defaultWorkerFile(),
      minThreads: options.workers,
      maxThreads: options.workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  /** Runs one task on the next free worker. */
  run(task: RunTask): Promise<RunOutput> {
    return this.piscina.run(task);
  }

  /** Worker threads now alive (tests use this to kill one: see test/sweep/failures.test.ts). */
  get threads() {
    return this.piscina.threads;
  }

  /** Stops every worker at once; runs still in flight are abandoned (resume re-runs them). */
  destroy(): Promise<void> {
    // Once: a signal and the end of the sweep may both ask.
    this.destroyed ??= this.piscina.destroy();
    return this.destroyed;
  }
}
