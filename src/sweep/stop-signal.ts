/**
 * Ctrl-C (SIGINT), and SIGTERM from a scheduler (scancel, pre-emption): a long job stops
 * at once and keeps what it has stored. Used by sweeps and calibrations.
 */
export class StopSignal {
  /** The signal received, or null while running. */
  signal: NodeJS.Signals | null = null;
  private readonly handler: (signal: NodeJS.Signals) => void;

  /** Listens for SIGINT and SIGTERM; `onStop` runs on the first. */
  constructor(onStop: () => void) {
    this.handler = (signal) => {
      this.signal = signal;
      onStop();
    };
    process.once('SIGINT', this.handler);
    process.once('SIGTERM', this.handler);
  }

  get stopping(): boolean {
    return this.signal !== null;
  }

  /** The exit code of a stopped job: 130 after SIGINT, 143 after SIGTERM. */
  get exitCode(): number {
    return this.signal === 'SIGTERM' ? 143 : 130;
  }

  /** Stops listening. */
  dispose(): void {
    process.removeListener('SIGINT', this.handler);
    process.removeListener('SIGTERM', this.handler);
  }
}
