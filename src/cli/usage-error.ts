/** A command-line usage problem (unknown option, missing argument, bad option value): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
