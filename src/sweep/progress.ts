/**
 * Progress of a sweep on stderr: a bar with ETA on a terminal (cli-progress), a plain
 * status line every few seconds otherwise (CI logs, SLURM output files).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, failed: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** `total` runs to do, of which `already` were stored before (resume). */
export function createProgress(total: number, already: number, tty = Boolean(process.stderr.isTTY)): Progress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: 'sweep [{bar}] {value}/{total} runs | {failed} failed | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 50, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, already, { failed: 0 });
    return { update: (done, failed) => bar.update(done, { failed }), stop: () => bar.stop() };
  }
  const started = Date.now();
  let last = started;
  let latest = { done: already, failed: 0 };
  let printed = -1;
  const line = () => {
    if (printed === latest.done) return;
    printed = latest.done;
    const elapsed = (Date.now() - started) / 1000;
    const rate = (latest.done - already) / Math.max(elapsed, 1e-9);
    const eta = rate > 0 ? (total - latest.done) / rate : Infinity;
    process.stderr.write(
      `sweep: ${latest.done}/${total} runs (${((100 * latest.done) / Math.max(total, 1)).toFixed(1)}%), ${latest.failed} failed, ` +
        `${(rate * 60).toFixed(1)} runs/min, elapsed ${duration(elapsed)}, ETA ${duration(eta)}\n`,
    );
  };
  return {
    update(done, failed) {
      latest = { done, failed };
      if (Date.now() - last >= PLAIN_EVERY_MS) {
        last = Date.now();
        line();
      }
    },
    stop: () => line(),
  };
}
