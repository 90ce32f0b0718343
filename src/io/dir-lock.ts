/**
 * An exclusive lock on a directory lrsim writes (a sweep's --out, a merge's --out): the
 * file DIR/.lrsim.lock, created with O_EXCL and holding the owner's pid, host and start
 * time. A second process is refused (exit 2) while the owner lives. The owner renews the
 * file's mtime every HEARTBEAT_MS. A lock is stale (a SIGKILL, a crash, a pre-empted
 * cluster node) when its pid is dead on this host, or, from another host whose pids
 * cannot be checked, when it was not renewed for STALE_ELSEWHERE_MS; a stale lock is taken
 * over with a notice, so a SLURM task requeued on another node resumes its shard.
 *
 * Released by `release()` and, as a last resort, when the process exits.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ScenarioError } from '../scenario/errors';
import { ioMessages as msg } from './messages';
import { writeFully } from './write-fully';

export const LOCK_FILE = '.lrsim.lock';
const ATTEMPTS = 100;
const HEARTBEAT_MS = 30_000;
export const STALE_ELSEWHERE_MS = 5 * 60_000;
// A takeover older than this was abandoned by a killed process.
const TAKEOVER_STALE_MS = 10_000;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sameOwner = (a: LockOwner | null, b: LockOwner) => a !== null && a.pid === b.pid && a.host === b.host && a.started === b.started;

/**
 * Removes the lock `file` of a dead `owner`, unless it changed meanwhile. Two processes
 * may find the same stale lock; the removal is serialised by the directory `FILE.takeover`
 * (mkdir is atomic), and the owner is read again inside it, so a fresh lock that another
 * process just took is never removed.
 */
function removeStale(file: string, owner: LockOwner, notice: (line: string) => void, dir: string): void {
  const takeover = `${file}.takeover`;
  try {
    mkdirSync(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmSync(takeover, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
    pause(20);
    return;
  }
  try {
    let now: LockOwner | null = null;
    try {
      now = readOwner(file);
    } catch {
      return; // removed meanwhile
    }
    if (sameOwner(now, owner)) {
      notice(msg.staleLock(dir, owner.pid, owner.host));
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(takeover, { recursive: true, force: true });
  }
}

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
 * Throws bad input, naming the owner, when a live process holds the lock of `dir`; writes
 * nothing (for directories lrsim only reads, such as the shards a merge combines, which may
 * sit on a read-only archive). A stale lock is left alone.
 */
export function assertUnlocked(dir: string): void {
  const file = join(dir, LOCK_FILE);
  let owner: LockOwner | null;
  try {
    owner = readOwner(file);
  } catch {
    return; // no lock
  }
  if (!owner) throw new ScenarioError(msg.lockUnreadable(file));
  if (owner.host !== os.hostname()) {
    let age: number;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return;
    }
    if (age < STALE_ELSEWHERE_MS) throw new ScenarioError(msg.lockedElsewhere(dir, owner.pid, owner.host, Math.round(age / 1000), STALE_ELSEWHERE_MS / 60_000, file));
  } else if (owner.pid === process.pid || processAlive(owner.pid)) throw new ScenarioError(msg.locked(dir, owner.pid, owner.host, owner.started));
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
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw error;
      let owner: LockOwner | null;
      try {
        owner = readOwner(file);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (!owner) throw new ScenarioError(msg.lockUnreadable(file));
      if (owner.host !== me.host) {
        let age = 0;
        try {
          age = Date.now() - statSync(file).mtimeMs;
        } catch {
          continue; // removed meanwhile
        }
        if (age < STALE_ELSEWHERE_MS) throw new ScenarioError(msg.lockedElsewhere(dir, owner.pid, owner.host, Math.round(age / 1000), STALE_ELSEWHERE_MS / 60_000, file));
      } else if (owner.pid === process.pid || processAlive(owner.pid)) throw new ScenarioError(msg.locked(dir, owner.pid, owner.host, owner.started));
      removeStale(file, owner, notice, dir);
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
    const heartbeat = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(file, now, now);
      } catch {
        // the lock was removed by hand: nothing to renew
      }
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const release = () => {
      if (!held) return;
      held = false;
      clearInterval(heartbeat);
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
