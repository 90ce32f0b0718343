/**
 * The characters no one-line text from a scenario may hold (a leaf module: it imports
 * nothing, so the scenario schema, the file-name rule, the error printer and the SLURM
 * script writer share one definition): C0 controls, DEL, C1 controls, the Unicode line and
 * paragraph separators (a newline in a scenario name once ran shell commands from an sbatch
 * comment, issue 14), and the bidirectional embedding, override and isolate controls
 * (U+202A-202E, U+2066-2069, "Trojan Source": text that reads otherwise than it is stored).
 * The bidirectional marks U+200E, U+200F and U+061C stay allowed for right-to-left text.
 */
export const UNSAFE_CHARS = '\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

/** Matches any unsafe character (global: for replace). */
export const UNSAFE_CHAR_GLOBAL = new RegExp(`[${UNSAFE_CHARS}]`, 'g');

const UNSAFE_CHAR = new RegExp(`[${UNSAFE_CHARS}]`);

/** True when `text` holds a character that would end, garble or reorder a line. */
export const hasUnsafeCharacter = (text: string): boolean => UNSAFE_CHAR.test(text);
