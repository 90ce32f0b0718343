/**
 * Every user-facing message about output paths, writing files and locking a directory,
 * in one place (STYLE habit 9). `flag` is how the user named the path (`--out`, `--build`).
 */

const shown = (path: string) => (path === '' ? "''" : path);

export const ioMessages = {
  // --- output paths (checked before any work; exit 2) ---------------------------------
  emptyPath: (flag: string) => `${flag} '': the path is empty; name a directory or file, e.g. ${flag} output/mine`,
  notADirectory: (flag: string, path: string) =>
    `${flag} ${shown(path)}: is a file, not a directory; name a new or empty directory`,
  isADirectory: (flag: string, path: string, example: string) =>
    `${flag} ${shown(path)}: is a directory; name a file inside it, e.g. ${flag} ${path.replace(/\/+$/, '')}/${example}`,
  ancestorNotDirectory: (flag: string, path: string, ancestor: string) =>
    `${flag} ${shown(path)}: ${ancestor} is a file, not a directory, so nothing can be written below it; name another path`,
  parentMissing: (flag: string, path: string, parent: string) =>
    `${flag} ${shown(path)}: the directory ${parent} does not exist; create it first or name a file in an existing directory`,
  notWritable: (flag: string, path: string, ancestor: string) =>
    `${flag} ${shown(path)}: cannot write in ${ancestor} (permission denied); name a directory you can write to`,
  specialFilesystem: (flag: string, path: string, ancestor: string) =>
    `${flag} ${shown(path)}: ${ancestor} is a system filesystem (/proc, /sys, /dev), not a place for files; name a directory on a disk`,
  notRegularFile: (flag: string, path: string) =>
    `${flag} ${shown(path)}: is not a regular file (a device, FIFO or socket); name a new file`,
  notOurs: (flag: string, path: string, writer: string) =>
    `${flag} ${shown(path)}: the file exists and was not written by ${writer}; name a new file, or add --force to overwrite it`,
  otherKind: (flag: string, path: string, what: string, writer: string, wanted: string) =>
    `${flag} ${shown(path)}: the file is ${what} (written by ${writer}), not ${wanted}; name another file, or add --force to replace it`,

  // --- writing (exit 1: the input was fine, the disk was not) -------------------------
  diskFull: (file: string, code: string, retry: string) =>
    `no space left on the device while writing ${file} (${code}); nothing partial was published under a final name; ${retry}`,
  retryDefault: () => 'free some space and run the same command again',

  // --- the directory lock -------------------------------------------------------------
  locked: (dir: string, pid: number, host: string, since: string) =>
    `${dir} is in use by lrsim process ${pid} on ${host} (since ${since}); wait for it to finish or stop it, then try again`,
  lockedElsewhere: (dir: string, pid: number, host: string, seconds: number, staleMinutes: number, lockFile: string) =>
    `${dir} is in use by lrsim process ${pid} on host ${host} (lock renewed ${seconds} s ago); try again when it is done: a lock not renewed for ${staleMinutes} minutes is taken over (or, if no lrsim runs there, delete ${lockFile})`,
  lockUnreadable: (lockFile: string) =>
    `${lockFile}: the lock file is not lrsim's (or is damaged); if no lrsim works in this directory, delete it and try again`,
  staleLock: (dir: string, pid: number, host: string) => `note: ${dir} was locked by process ${pid} on ${host}, which is gone; took the lock over`,

  // --- the installation ---------------------------------------------------------------
  noPackageJson: (from: string) => `cannot find lrsim's package.json above ${from}`,
} as const;
