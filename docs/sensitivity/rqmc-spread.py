# Spread of lrsim's S1 over independent scrambles of the Saltelli design against its row bootstrap,
# on Sobol's G function (a = 0, 1, 4.5, 9, 99, 99, 99, 99), and why one column misses.
# lrsim samples the designs (`lrsim sample saltelli`, one scrambled Sobol sequence per --seed);
# numpy evaluates G, computes S1 with lrsim's formula (Saltelli 2010, centred on the mean of the
# A and B rows; equal to `lrsim analyze`, test/stats/sensitivity/estimators.test.ts) and the SD
# of 300 resamples of base rows (the bootstrap `lrsim analyze` takes its percentiles from).
# Control: the same statistics on iid uniform A and B (plain Monte Carlo).
# Usage, in an empty scratch directory: python3 rqmc-spread.py N DESIGNS  (e.g. 256 200, 1024 200)
import numpy as np, subprocess, os, sys
LRSIM = ['node', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'bin', 'lrsim.js')]
N = int(sys.argv[1]); K = int(sys.argv[2]); D = 8
a = np.array([0, 1, 4.5, 9, 99, 99, 99, 99.])
vi = 1 / (3 * (1 + a)**2); S1 = vi / (np.prod(1 + vi) - 1)
f = lambda X: np.prod((np.abs(4*X - 2) + a) / (1 + a), axis=-1)
open('g.yaml', 'w').write(''.join(f'g{i+1}: {{min: 0, max: 1}}\n' for i in range(D)))
def s1(yA, yB, yAB):
    c = (yA.mean() + yB.mean()) / 2
    v = (((yA - c)**2).mean() + ((yB - c)**2).mean()) / 2
    return ((yB - c) * (yAB - yA)).mean(axis=-1) / v
def stats(A, B, rng):
    AB = np.repeat(A[None], D, 0)
    for i in range(D): AB[i, :, i] = B[:, i]
    yA, yB, yAB = f(A), f(B), f(AB)
    boot = np.array([s1(yA[k], yB[k], yAB[:, k]) for k in rng.integers(0, N, (300, N))])
    return s1(yA, yB, yAB), boot.std(axis=0, ddof=1)
# Sign of |4x - 2| - 1 at the resolution of the first two binary digits: + when digits 1 and 2 are equal.
sign = lambda x: 1 - 2 * ((np.floor(2 * x) + np.floor(4 * x)) % 2)
rng = np.random.default_rng(1)
res = {'scrambled Sobol (lrsim)': [], 'iid uniform': []}
constant = []
for s in range(1, K + 1):
    out = f'g{N}-{s}.csv'
    if not os.path.exists(out):
        subprocess.run(LRSIM + ['sample', 'saltelli', '--params', 'g.yaml', '--n', str(N), '--seed', str(s), '--out', out], check=True, capture_output=True)
    X = np.loadtxt(out, delimiter=',', skiprows=1).reshape(N, D + 2, D)
    A, B = X[:, 0], X[:, -1]   # Sobol dimensions 1-8 and 9-16
    res['scrambled Sobol (lrsim)'].append(stats(A, B, rng))
    res['iid uniform'].append(stats(rng.random((N, D)), rng.random((N, D)), rng))
    # Sobol dimensions 1 (A column 1), 9 (B column 1), 14 (B column 6)
    constant.append(abs((sign(A[:, 0]) * sign(B[:, 0]) * sign(B[:, 5])).mean()) == 1)
print(f'N = {N}, {K} designs; S1 of G; SD over designs / mean bootstrap SD; share of designs whose 95 % normal interval (estimate +- 1.96 bootstrap SD) holds S1')
print('parameter      ' + ' '.join(f'{f"g{i+1}":>8}' for i in range(D)))
print('S1             ' + ' '.join(f'{v:8.5f}' for v in S1))
for name, r in res.items():
    e = np.array([x[0] for x in r]); b = np.array([x[1] for x in r])
    print(name)
    print('  SD over designs ' + ' '.join(f'{v:8.5f}' for v in e.std(axis=0, ddof=1)))
    print('  bootstrap SD    ' + ' '.join(f'{v:8.5f}' for v in b.mean(axis=0)))
    print('  ratio           ' + ' '.join(f'{v:8.2f}' for v in e.std(axis=0, ddof=1) / b.mean(axis=0)))
    print('  covered         ' + ' '.join(f'{v:8.3f}' for v in (np.abs(e - S1) <= 1.96 * b).mean(axis=0)))
    if name.startswith('scrambled'):
        c = np.array(constant); e6 = e[:, 5]
        for lab, m in (('constant', c), ('not constant', ~c)):
            if m.sum() > 1:
                print(f'  sign product of Sobol dims 1, 9, 14 {lab} over the N points: {m.sum()} of {K} designs; '
                      f'S1 of g6: SD {e6[m].std(ddof=1):.5f}, covered {(np.abs(e6[m] - S1[5]) <= 1.96 * b[m, 5]).mean():.3f}')
