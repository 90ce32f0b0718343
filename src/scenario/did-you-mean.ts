/** Suggestions for misspelt names ("did you mean X?"), by Levenshtein distance. */

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word`, or undefined when none is plausibly meant.
 * A candidate counts when the edit distance (case-insensitive) is at most about a third
 * of the word's length, or when one name starts with the other (`geographic_decay` for
 * `geographic_decay_km`, `policy` for `policies`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let d = levenshtein(w, c);
    if (w.length >= 3 && (c.startsWith(w) || w.startsWith(c))) d = Math.min(d, 1);
    // singular for plural and the like: `policy` for `policies`
    if (w.length >= 5 && c.startsWith(w.slice(0, -1))) d = Math.min(d, 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
