/**
 * A condition on one outcome, `OUTCOME OP NUMBER` (`innovation_value_late < 1`,
 * `locked_in == 0`), as given to --where and --target. Parsed once at the edge; a
 * malformed one is rejected with the character it fails at.
 */
import { analysisMessages as msg } from './messages';
import { UsageError } from '../cli/usage-error';

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Condition {
  outcome: string;
  op: Comparison;
  value: number;
  /** As written, normalised: `innovation_value_late < 1`. */
  text: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Parse `text` for `option`; outcome names are checked against `outcomes`. */
export function parseCondition(option: string, text: string, outcomes: readonly string[]): Condition {
  const fail = (column: number, what: string): never => {
    throw new UsageError(msg.badExpression(option, text, column, what));
  };
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  skip();
  if (at >= text.length) fail(at, 'expected an outcome name');
  const name = NAME.exec(text.slice(at));
  if (!name) fail(at, 'expected an outcome name');
  const outcome = name![0];
  at += outcome.length;
  skip();
  const op = /^(<=|>=|==|!=|<|>|=)/.exec(text.slice(at));
  if (!op) fail(at, at >= text.length ? 'expected a comparison (<, <=, >, >=, ==, !=) after the name' : 'expected a comparison (<, <=, >, >=, ==, !=)');
  at += op![0].length;
  skip();
  const number = NUMBER.exec(text.slice(at));
  if (!number) fail(at, 'expected a number');
  at += number![0].length;
  skip();
  if (at < text.length) fail(at, 'unexpected text after the number');
  if (!outcomes.includes(outcome)) throw new UsageError(msg.unknownOutcome(option, outcome, outcomes));
  const comparison = (op![0] === '=' ? '==' : op![0]) as Comparison;
  const value = Number(number![0]);
  return { outcome, op: comparison, value, text: `${outcome} ${comparison} ${number![0]}` };
}

/** Does `x` meet the condition? NaN never does. */
export function meets(c: Pick<Condition, 'op' | 'value'>, x: number): boolean {
  if (Number.isNaN(x)) return false;
  switch (c.op) {
    case '<': return x < c.value;
    case '<=': return x <= c.value;
    case '>': return x > c.value;
    case '>=': return x >= c.value;
    case '==': return x === c.value;
    case '!=': return x !== c.value;
  }
}
