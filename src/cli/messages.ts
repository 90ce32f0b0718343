/**
 * Messages of the command line's own parsing (option values, unknown options), in one
 * place (STYLE habit 9). Messages about scenarios live in src/scenario/errors.ts, about
 * output paths in src/io/messages.ts, about sweeps in src/sweep/messages.ts.
 */

/** What the user typed, quoted when it is empty or holds spaces. */
const typed = (raw: string) => (raw === '' || /\s/.test(raw) ? JSON.stringify(raw) : raw);

export const cliOptionMessages = {
  notWholeNumber: (flag: string, raw: string, min: number, max: number) =>
    `${flag} ${typed(raw)}: write a whole number ${max >= Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}`,
  givenTwice: (flag: string, values: readonly string[]) =>
    `${flag} is given ${values.length} times (${values.map(typed).join(', ')}); give it once`,
  unknownOption: (name: string, suggestion: string | undefined) =>
    `unknown option ${name.length === 1 ? '-' : '--'}${name}${suggestion === undefined ? '' : `; did you mean --${suggestion}?`}`,
} as const;
