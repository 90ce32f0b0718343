/**
 * The one way text gets into a generated script or a command line printed for pasting:
 * every word through `shellQuote`. It imports only a leaf module, so the messages can quote
 * the commands they print.
 */
import { hasUnsafeCharacter } from '../scenario/unsafe-text';

/**
 * Shell-quotes a word: plain words (letters, digits and `_/.:=@+,%-`) stay as they are,
 * anything else goes in single quotes, with each `'` written as `'\''`. Inside single quotes
 * bash gives no character a meaning, newlines and NUL-free control characters included.
 */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.:=@+,%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Words quoted and joined into one command line. */
export const shellCommand = (words: readonly string[]): string => words.map(shellQuote).join(' ');

/** True when text holds a character that would end, garble or reorder a script line (src/scenario/unsafe-text.ts). */
export const hasControlCharacter = hasUnsafeCharacter;
