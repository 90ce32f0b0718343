/**
 * Whole-number options read from the text the user typed. yargs' `type: 'number'` turns
 * `--seed abc` into NaN and `--seed 99999999999999999999` into 1e20 before any check can
 * see the input, so the error could only show NaN or a rounded number; these options stay
 * text until checked here, and the message shows what was typed.
 */
import { cliOptionMessages as msg } from './messages';
import { UsageError } from './usage-error';

/** `raw` as a whole number from `min` to `max`, or a UsageError showing `raw`. */
export function parseWholeNumber(flag: string, raw: unknown, min: number, max: number): number {
  if (Array.isArray(raw)) throw new UsageError(msg.givenTwice(flag, raw.map(String)));
  const text = String(raw).trim();
  const value = /^[+-]?\d{1,20}$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) throw new UsageError(msg.notWholeNumber(flag, String(raw), min, max));
  return value;
}

/** A yargs option taking a whole number from `min` to `max` (checked as typed). */
export function wholeNumberOption(name: string, min: number, max: number, describe: string) {
  return {
    type: 'string' as const,
    describe,
    coerce: (raw: unknown): number => parseWholeNumber(`--${name}`, raw, min, max),
  };
}
