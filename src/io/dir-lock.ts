/**
 * An exclusive lock on a directory lrsim writes (a sweep's --out, a merge's --out): the
 * file DIR/.lrsim.lock, created with O_EXCL and holding the owner's pid, host and start
 * time. A second process is refused (exit 2) while the owner lives; a lock whose pid is
 * dead on this host is stale (a SIGKILL, a crash) and is taken over with a notice. A lock
 * from another host cannot be checked and is never broken automatically.
 *
 * Released by `release()` and, as a last resort, when the process exits.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ScenarioError } from '../scenario/errors';
import { ioMessages as msg } from './messages';
import { writeFully } from './write-fully';

export const LOCK_FILE = '.lrsim.lock';

interface LockOwner { pid: number; host: string; started: string; command: string }

export interface DirLock {
  readonly file: string;
  release(): void;
}

/** Whether process `pid` exists on this host (EPERM: it exists but is not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 && typeof owner.host === 'string' ? owner : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return null;
  }
}

/**
 * Takes the lock of `dir` (which must exist) or throws bad input naming the owner.
 * `notice` receives the one-line note when a stale lock is taken over.
 */
export function lockDirectory(dir: string, notice: (line: string) => void = () => {}): DirLock {
  const file = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command: process.argv.slice(2).join(' ') };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      let owner: LockOwner | null;
      try {
        owner = readOwner(file);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (!owner) throw new ScenarioError(msg.lockUnreadable(file));
      if (owner.host !== me.host) throw new ScenarioError(msg.lockedElsewhere(dir, owner.pid, owner.host, file));
      if (owner.pid === process.pid || processAlive(owner.pid)) throw new ScenarioError(msg.locked(dir, owner.pid, owner.host, owner.started));
      notice(msg.staleLock(dir, owner.pid));
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeFully(fd, JSON.stringify(me) + '\n', file);
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    } finally {
      closeSync(fd);
    }
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      process.removeListener('exit', release);
      // Only our own lock: never remove one a later owner took over.
      try {
        if (readOwner(file)?.pid === me.pid) rmSync(file, { force: true });
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return { file, release };
  }
}
