# Coverage of lrsim's 95 % intervals for S1 and ST over design seeds.
# python evaluates the test functions; lrsim samples the designs and computes the indices.
# Usage, in an empty scratch directory: python3 coverage.py N SEEDS [R]  (e.g. 256 60; LRSIM below: the built CLI)
# Without R: one scramble per design, bootstrap intervals over base rows. With R: `--scrambles R`
# (R independent scrambles of N / R base rows; t intervals on R - 1 df over the scrambles),
# e.g. `python3 coverage.py 256 100 16` and `python3 coverage.py 1024 100 16`.
import numpy as np, subprocess, csv, os, sys, math
LRSIM = ['node', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'bin', 'lrsim.js')]
N = int(sys.argv[1]); SEEDS = int(sys.argv[2]); R = int(sys.argv[3]) if len(sys.argv) > 3 else 1
a = np.array([0, 1, 4.5, 9, 99, 99, 99, 99.])
vi = 1 / (3 * (1 + a)**2); v = np.prod(1 + vi) - 1
G = dict(S1=vi / v, ST=np.array([vi[i] * np.prod(np.delete(1 + vi, i)) / v for i in range(8)]))
A, B = 7, 0.1
V = A**2/8 + B*np.pi**4/5 + B**2*np.pi**8/18 + 0.5
V1 = 0.5*(1 + B*np.pi**4/5)**2; V2 = A**2/8; V13 = B**2*np.pi**8*(1/18 - 1/50)
ISH = dict(S1=np.array([V1, V2, 0])/V, ST=np.array([V1 + V13, V2, V13])/V)
open('g.yaml','w').write(''.join(f'g{i+1}: {{min: 0, max: 1}}\n' for i in range(8)))
open('i.yaml','w').write(''.join(f'x{i+1}: {{min: -3.141592653589793, max: 3.141592653589793}}\n' for i in range(3)))
funcs = {'g': (lambda X: np.prod((np.abs(4*X - 2) + a) / (1 + a), axis=1), G), 'i': (lambda X: np.sin(X[:,0]) + A*np.sin(X[:,1])**2 + B*X[:,2]**4*np.sin(X[:,0]), ISH)}
hits = {}
for name, (f, truth) in funcs.items():
    for s in range(1, SEEDS + 1):
        d = f'{name}{N}-{s}' + (f'-r{R}' if R > 1 else '')
        if not os.path.exists(f'{d}/sensitivity.csv'):
            subprocess.run(LRSIM + ['sample', 'saltelli', '--params', f'{name}.yaml', '--n', str(N), '--seed', str(s), '--out', f'{d}.csv'] + (['--scrambles', str(R)] if R > 1 else []), check=True, capture_output=True)
            X = np.loadtxt(f'{d}.csv', delimiter=',', skiprows=1)
            if R > 1: X = X[:, :-1]   # the last column numbers the scrambles
            np.savetxt(f'{d}-y.csv', f(X), header='y', comments='', fmt='%.17g')
            subprocess.run(LRSIM + ['analyze', 'saltelli', '--design', f'{d}.csv', '--outputs', f'{d}-y.csv', '--out', d, '--seed', str(s)], check=True, capture_output=True)
        for r in csv.DictReader(open(f'{d}/sensitivity.csv')):
            if r['index'] not in ('S1', 'ST'): continue
            i = int(r['parameter'][1:]) - 1
            t = truth[r['index']][i]
            k = (name, r['parameter'], r['index'])
            hits.setdefault(k, [0, 0, 0.0])
            hits[k][0] += float(r['lo']) <= t <= float(r['hi']); hits[k][1] += 1; hits[k][2] += float(r['hi']) - float(r['lo'])
for k, (h, n, w) in sorted(hits.items()):
    print(k[0], k[1], k[2], f'{h}/{n}', f'mean width {w/n:.3f}')
