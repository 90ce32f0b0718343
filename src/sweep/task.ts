/** The message a sweep sends a worker for one run (plain data: structured-cloned). */
export interface RunTask {
  /** The run key, for messages. */
  key: string;
  /** The run's scenario input (merged, overrides applied, before defaults); validated in the worker. */
  input: Record<string, unknown>;
  seed: number;
  microdata: boolean;
  /** Keep place flows per block of observe.window ticks (when the sweep builds an infrastructure link). */
  placeFlowBlocks?: boolean;
}
