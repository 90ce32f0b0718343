/**
 * Coverage of the 95 % intervals of contrasts of shares whose cells are paired on seeds
 * (src/stats/share-contrast.ts, pairedShareContrast): the evidence for the `main_effect` and
 * `interaction` rows of 0/1 outcomes (docs/data.md, "Shares of runs on common seeds"). Runs
 * the project's own code; not part of CI. Seeded (seedrandom): the same numbers every run.
 *
 *     npx tsx bench/intervals/share-contrast-coverage.ts [replications, default 2000]
 *
 * Design: 2 design points x 2 arms, the arms of a point on the same seeds (as a sweep runs
 * them), n seeds per point. A seed's two outcomes are 0/1 with the cells' probabilities and
 * a Gaussian-copula correlation rho of their latent values (rho 0: independent; 0.9: the
 * arms mostly agree, as common random numbers make them). Three contrasts: the arm's main
 * effect averaged over points (paired cells with opposite signs), the point's main effect
 * averaged over arms (paired cells with the same sign) and the interaction (difference in
 * differences). Each line: the case, then per interval coverage / mean width: pairedShareContrast
 * and, for comparison, shareContrast treating the four cells as independent (Price-Bonett).
 */
import seedrandom from 'seedrandom';
import { probit } from 'simple-statistics';
import { pairedShareContrast, shareContrast } from '../../src/stats/share-contrast';

const reps = Number(process.argv[2] ?? 2000);
const rng = seedrandom('20261203-share-contrast');
/** Standard normal by Box-Muller. */
function normal(): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

interface Case {
  name: string;
  /** P(y = 1) per [point][arm]. */
  p: [[number, number], [number, number]];
}
const CASES: Case[] = [
  { name: 'middle, no effect', p: [[0.5, 0.5], [0.5, 0.5]] },
  { name: 'middle, arm effect', p: [[0.4, 0.6], [0.3, 0.5]] },
  { name: 'interaction', p: [[0.2, 0.3], [0.3, 0.7]] },
  { name: 'near 0', p: [[0.02, 0.05], [0.05, 0.1]] },
  { name: 'near 1 and 0', p: [[0.95, 0.98], [0.05, 0.02]] },
  { name: 'at the bounds', p: [[1, 1], [0, 0.05]] },
];
const CONTRASTS: { name: string; coefs: [[number, number], [number, number]] }[] = [
  { name: 'arm main effect', coefs: [[-0.5, 0.5], [-0.5, 0.5]] },
  { name: 'point main effect', coefs: [[0.5, 0.5], [-0.5, -0.5]] },
  { name: 'interaction', coefs: [[-1, 1], [1, -1]] },
];

/** n seeds of one point: rows[seed] = [arm 0, arm 1]. */
function seeds(n: number, p: [number, number], rho: number): number[][] {
  const cut = p.map((q) => (q >= 1 ? Infinity : q <= 0 ? -Infinity : probit(q)));
  const rows: number[][] = [];
  for (let s = 0; s < n; s++) {
    const shared = normal();
    rows.push(cut.map((c) => (Math.sqrt(rho) * shared + Math.sqrt(1 - rho) * normal() < c ? 1 : 0)));
  }
  return rows;
}

const lines: string[] = [];
const worst = { paired: 1, independent: 1 };
const below = { paired: 0, independent: 0, cases: 0 };
for (const c of CASES) for (const rho of [0, 0.5, 0.9]) for (const n of [8, 20, 50]) {
  const hit = CONTRASTS.map(() => ({ paired: 0, independent: 0, wPaired: 0, wIndependent: 0 }));
  for (let r = 0; r < reps; r++) {
    const data = [seeds(n, c.p[0], rho), seeds(n, c.p[1], rho)];
    CONTRASTS.forEach((k, j) => {
      const truth = k.coefs[0][0] * c.p[0][0] + k.coefs[0][1] * c.p[0][1] + k.coefs[1][0] * c.p[1][0] + k.coefs[1][1] * c.p[1][1];
      const paired = pairedShareContrast([0, 1].map((pt) => ({ coefs: k.coefs[pt], rows: data[pt] })));
      const independent = shareContrast([0, 1].flatMap((pt) => [0, 1].map((arm) => ({ successes: data[pt].reduce((s, row) => s + row[arm], 0), n, coef: k.coefs[pt][arm] }))));
      const eps = 1e-12;
      if (paired.lo - eps <= truth && truth <= paired.hi + eps) hit[j].paired++;
      if (independent.lo - eps <= truth && truth <= independent.hi + eps) hit[j].independent++;
      hit[j].wPaired += paired.hi - paired.lo;
      hit[j].wIndependent += independent.hi - independent.lo;
    });
  }
  const cells = CONTRASTS.map((k, j) => {
    const cp = hit[j].paired / reps;
    const ci = hit[j].independent / reps;
    worst.paired = Math.min(worst.paired, cp);
    worst.independent = Math.min(worst.independent, ci);
    below.paired += cp < 0.94 ? 1 : 0;
    below.independent += ci < 0.94 ? 1 : 0;
    below.cases++;
    return `${k.name}: ${cp.toFixed(3)} / ${(hit[j].wPaired / reps).toFixed(3)} | ${ci.toFixed(3)} / ${(hit[j].wIndependent / reps).toFixed(3)}`;
  });
  lines.push(`${c.name}, rho ${rho}, n ${n}: ${cells.join('; ')}`);
}
console.log(`coverage / mean width: paired | cells as independent; ${reps} replications per case`);
for (const l of lines) console.log(l);
console.log(`worst coverage: paired ${worst.paired.toFixed(3)}, independent ${worst.independent.toFixed(3)}; below 0.94: paired ${below.paired} of ${below.cases}, independent ${below.independent} of ${below.cases}`);
