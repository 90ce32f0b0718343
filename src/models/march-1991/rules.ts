/**
 * The rules of one period of March (1991), each a function over the state. The order
 * within a period follows Christensen (2015, p. 3-4) as coded in Workiewicz's public
 * replication: turnover, turbulence, members act, members socialize, the code learns.
 * Socialization reads the code as it was at the start of the period and the code learns
 * from the actions taken at its start, so the two learning rules are simultaneous.
 * docs/replications.md lists every choice the paper leaves open, with its source.
 */
import type { MarchState } from './state';
import { naiveBelief } from './state';

/** p3 (March 1991: 78): a leaver is replaced by a newcomer with naive beliefs. */
export function turnoverInPlace(s: MarchState): void {
  if (s.turnoverRate <= 0) return;
  const { m, n, beliefs, rng } = s;
  for (let i = 0; i < n; i++) {
    if (rng.random() >= s.turnoverRate) continue;
    for (let d = 0; d < m; d++) beliefs[i * m + d] = naiveBelief(rng);
  }
}

/** p4 (March 1991: 79): each dimension of reality flips sign with probability p4. */
export function turbulenceInPlace(s: MarchState): void {
  if (s.turbulenceRate <= 0) return;
  for (let d = 0; d < s.m; d++) if (s.rng.random() < s.turbulenceRate) s.reality[d] = -s.reality[d];
}

/**
 * Members act on their beliefs and a coin flip where a belief is 0; the score of the
 * actions is the member's performance (Christensen 2015: superiority is judged on
 * performance, not on beliefs as March's footnote 1 reads).
 */
export function actInPlace(s: MarchState): void {
  const { m, n, beliefs, actions, performance, reality, rng } = s;
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[i * m + d];
      const a = b !== 0 ? b : rng.random() < 0.5 ? 1 : -1;
      actions[i * m + d] = a;
      score += a * reality[d];
    }
    performance[i] = score;
  }
}

/**
 * Gradual socialization (Christensen 2015: 4): with probability p1 a belief that differs
 * from a non-zero code moves one step towards it (-1 -> 0 -> +1 or back); a code of 0
 * leaves the belief alone (March 1991: 74). Draws are made only where a move is possible:
 * elsewhere the draw could change nothing.
 */
export function socializeInPlace(s: MarchState): void {
  const { m, n, beliefs, code, socialization, rng } = s;
  for (let i = 0; i < n; i++) {
    const p1 = socialization[i];
    if (p1 <= 0) continue;
    for (let d = 0; d < m; d++) {
      const c = code[d];
      const at = i * m + d;
      if (c === 0 || beliefs[at] === c) continue;
      if (rng.random() < p1) beliefs[at] += c;
    }
  }
}

/** Score of the code against reality (sum of code x reality). */
export function codeScore(s: MarchState): number {
  let score = 0;
  for (let d = 0; d < s.m; d++) score += s.code[d] * s.reality[d];
  return score;
}

/**
 * The code learns (March 1991: 74 and footnote 1): the superior group is the members whose
 * performance beats the code's score; where the group's strict majority of actions differs
 * from the code, the code adopts it with probability 1 - (1 - p2)^k, k the majority's lead
 * (votes for minus votes against). A tie changes nothing.
 */
export function codifyInPlace(s: MarchState): void {
  const { m, n, actions, performance, code, votesUp, votesDown, rng } = s;
  const bar = codeScore(s);
  votesUp.fill(0);
  votesDown.fill(0);
  let superior = 0;
  for (let i = 0; i < n; i++) {
    if (performance[i] <= bar) continue;
    superior++;
    for (let d = 0; d < m; d++) {
      if (actions[i * m + d] > 0) votesUp[d]++;
      else votesDown[d]++;
    }
  }
  if (superior === 0) return;
  const keep = 1 - s.codificationRate;
  for (let d = 0; d < m; d++) {
    const lead = votesUp[d] - votesDown[d];
    const majority = lead > 0 ? 1 : lead < 0 ? -1 : 0;
    if (majority === 0 || code[d] === majority) continue;
    if (rng.random() >= keep ** Math.abs(lead)) code[d] = majority;
  }
}

/**
 * Whether the state is absorbing (without turnover and turbulence): no member can still
 * beat the code (even with every coin flip right) and no member differs from a non-zero
 * code belief. Then neither rule can change anything again (the equilibrium March 1991: 75
 * describes; the same test as the public replication, against the code after this period's
 * learning, which stops at the same state).
 */
export function atEquilibrium(s: MarchState): boolean {
  if (s.turnoverRate > 0 || s.turbulenceRate > 0) return false;
  const { m, n, beliefs, code, reality } = s;
  const bar = codeScore(s);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[i * m + d];
      if (b === 0) best++;
      else {
        best += b * reality[d];
        if (code[d] !== 0 && b !== code[d]) return false;
      }
    }
    if (best > bar) return false;
  }
  return true;
}
