"""
Coverage of 95 % intervals for the difference of paired shares of two arms pooled over the
sampled points (futures) of a continuous design with several seeds per point: the evidence
behind paired_share_clustered_by_point (src/stats/paired.ts, clusteredShareDifference;
docs/data.md, "Paired comparisons over sampled futures"). Not part of CI. Needs numpy and
scipy (Debian python3-numpy, python3-scipy). Seeded: the same numbers on every run.

    python3 bench/intervals/clustered_share_coverage.py [replications, default 2000]

Futures: the reference share p_B ~ Beta(a, b), the arm's share p_A shifted from it on the
logit scale by mu + tau x N(0, 1) (effects that differ between futures); m seeds per future
on common random numbers (one uniform per seed drives both arms: A = U < p_A, B = U < p_B).
The target is the mean difference over the futures' distribution. Methods: Agresti-Min
treating every seed as an independent pair (the old route); Agresti-Min at the Rao-Scott
effective counts with z; the same with the t quantile on P - 1 df (the CR2 Satterthwaite df
with equal seeds per point; lrsim's method). Each line: coverage / mean width.
"""
import sys
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261203)
Z = stats.norm.ppf(0.975)
R = int(sys.argv[1]) if len(sys.argv) > 1 else 2000


def agresti_min(o_a, o_b, n, z):
    n2 = n + 2
    p_a = (o_a + 0.5) / n2
    p_b = (o_b + 0.5) / n2
    c = p_a - p_b
    h = z * np.sqrt((p_a + p_b - c * c) / n2)
    return max(-1, c - h), min(1, c + h)


def design_effect(d, cl, g):
    n = len(d)
    est = d.mean()
    v_naive = ((d - est) ** 2).sum() / n**2
    e = np.bincount(cl, weights=d - est, minlength=g)
    ng = np.bincount(cl, minlength=g)
    v_cluster = (e**2 / (1 - ng / n)).sum() / n**2
    return max(1, v_cluster / v_naive) if v_naive > 0 else n / g


def shares(pb, shift):
    return 1 / (1 + np.exp(-(np.log(pb / (1 - pb)) + shift)))


CASES = [(0.5, 4, 0.8, 0.6), (1, 1, 0.5, 1.0), (0.3, 6, 1.0, 1.0)]
for a, b, mu, tau in CASES:
    pb = np.clip(rng.beta(a, b, 400000), 1e-12, 1 - 1e-12)
    truth = (shares(pb, mu + tau * rng.standard_normal(pb.size)) - pb).mean()
    for P in (10, 20, 40):
        for m in (2, 4, 8):
            hits = np.zeros(3)
            width = np.zeros(3)
            for _ in range(R):
                pb = np.clip(rng.beta(a, b, P), 1e-12, 1 - 1e-12)
                pa = shares(pb, mu + tau * rng.standard_normal(P))
                u = rng.random((P, m))
                d = ((u < pa[:, None]).astype(int) - (u < pb[:, None]).astype(int)).ravel()
                cl = np.repeat(np.arange(P), m)
                o_a, o_b, n = (d == 1).sum(), (d == -1).sum(), len(d)
                deff = design_effect(d, cl, P)
                for k, (lo, hi) in enumerate([
                    agresti_min(o_a, o_b, n, Z),
                    agresti_min(o_a / deff, o_b / deff, n / deff, Z),
                    agresti_min(o_a / deff, o_b / deff, n / deff, stats.t.ppf(0.975, P - 1)),
                ]):
                    hits[k] += lo <= truth <= hi
                    width[k] += hi - lo
            cells = ' | '.join(f'{h / R:.3f} / {w / R:.3f}' for h, w in zip(hits, width))
            print(f'Beta({a}, {b}) mu {mu} tau {tau}  P {P:2d} m {m}: independent | Rao-Scott z | Rao-Scott t: {cells}', flush=True)
