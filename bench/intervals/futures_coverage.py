"""
Coverage of the 95 % percentile-bootstrap intervals "over futures" that the robustness
analysis prints (src/analysis/regret.ts: resample the futures with replacement, 1,000
resamples, 2.5th and 97.5th percentiles, R type 7), by the number of futures n: the
evidence behind MIN_FUTURES_FOR_INTERVAL (docs/data.md, "Intervals over futures").
Not part of CI. Needs numpy (Debian python3-numpy). Seeded: the same numbers on every run.

    python3 bench/intervals/futures_coverage.py [replications, default 2000]

The futures' values are drawn independently from a population of futures (the only
setting in which an interval over futures means anything) and the interval is checked
against the population value:
- mean of an arm's per-future mean outcome: normal; lognormal (sigma 1, skewed);
- mean regret: 50 % zero, else exponential (regret is 0 wherever the arm is best);
- 90th-percentile regret (type 7) of the same mixture; of a normal;
- satisficing share: Bernoulli(0.5), Bernoulli(0.8).
Each line: n, then coverage per case; the last column is the worst case.
"""
import sys
import numpy as np

rng = np.random.default_rng(20261203)
REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
B = 1000
NS = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30]

def regret_mix(size):
    return np.where(rng.random(size) < 0.5, 0.0, rng.exponential(1.0, size))

# Population values: p90 of the mixture is the 0.8 quantile of Exp(1), ln 5.
CASES = [
    ('mean normal', lambda s: rng.normal(0, 1, s), 'mean', 0.0),
    ('mean lognormal', lambda s: rng.lognormal(0, 1, s), 'mean', float(np.exp(0.5))),
    ('mean regret', regret_mix, 'mean', 0.5),
    ('p90 regret', regret_mix, 'p90', float(np.log(5))),
    ('p90 normal', lambda s: rng.normal(0, 1, s), 'p90', 1.2815515655446004),
    ('share 0.5', lambda s: (rng.random(s) < 0.5).astype(float), 'mean', 0.5),
    ('share 0.8', lambda s: (rng.random(s) < 0.8).astype(float), 'mean', 0.8),
]

def coverage(n, draw, stat, truth):
    hit = 0
    chunk = max(1, 200000 // (B * n))
    done = 0
    while done < REPS:
        k = min(chunk, REPS - done)
        x = draw((k, n))
        idx = rng.integers(0, n, (k, B, n))
        boot = np.take_along_axis(x[:, None, :].repeat(B, 1), idx, 2)
        s = boot.mean(2) if stat == 'mean' else np.quantile(boot, 0.9, axis=2)  # numpy's default is R type 7
        lo = np.quantile(s, 0.025, axis=1)
        hi = np.quantile(s, 0.975, axis=1)
        hit += int(((lo <= truth) & (truth <= hi)).sum())
        done += k
    return hit / REPS

print('n  ' + '  '.join(f'{c[0]:>14}' for c in CASES) + '           worst')
for n in NS:
    cov = [coverage(n, draw, stat, truth) for _, draw, stat, truth in CASES]
    print(f'{n:<3}' + '  '.join(f'{c:>14.3f}' for c in cov) + f'  {min(cov):>14.3f}')
