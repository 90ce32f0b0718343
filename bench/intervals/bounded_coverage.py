"""
Coverage of 95 % intervals for the mean of outcomes bounded in [0, 1] and piled at a bound:
the evidence behind src/stats/bounded-interval.ts (table in docs/data.md, "Intervals of
bounded outcomes"). Not part of CI. Needs numpy and scipy (Debian python3-numpy,
python3-scipy). Seeded: the same numbers on every run.

    python3 bench/intervals/bounded_coverage.py [replications, default 1000]

Each line: distribution, n, then per method coverage / mean width / share of intervals
that leave [0, 1].
"""
import numpy as np
from scipy import stats
rng = np.random.default_rng(20261203)
A = 0.05
def t_ci(x):
    n=len(x); m=x.mean(); s=x.std(ddof=1); h=stats.t.ppf(1-A/2,n-1)*s/np.sqrt(n); return m-h,m+h
def logit_ci(x):
    n=len(x); m=x.mean(); s=x.std(ddof=1)
    if m<=0 or m>=1: return cp_deg(x)
    if s==0: return (m,m)
    se=s/np.sqrt(n)/(m*(1-m)); l=np.log(m/(1-m)); h=stats.t.ppf(1-A/2,n-1)*se
    return 1/(1+np.exp(-(l-h))),1/(1+np.exp(-(l+h)))
def cp_deg(x):
    n=len(x); m=x.mean()
    if m>=1: return (A/2)**(1/n),1.0
    if m<=0: return 0.0,1-(A/2)**(1/n)
    return (m,m)
def kg_ci(x, adj=True):
    n=len(x); m=x.mean(); v=x.var(ddof=1)/n
    if m<=0 or m>=1: return cp_deg(x)
    if v==0: return (m,m)
    ne=m*(1-m)/v
    if adj: ne*= (stats.norm.ppf(1-A/2)/stats.t.ppf(1-A/2,n-1))**2
    lo=stats.beta.ppf(A/2, ne*m, ne*(1-m)+1); hi=stats.beta.ppf(1-A/2, ne*m+1, ne*(1-m))
    return lo,hi
def boot_ci(x,B=999):
    n=len(x); idx=rng.integers(0,n,(B,n)); bm=x[idx].mean(1); return np.quantile(bm,A/2),np.quantile(bm,1-A/2)
G=np.linspace(0.0005,0.9995,2000)
def bet_ci(x,c=0.5):
    n=len(x); t=np.arange(1,n+1)
    mu=(0.5+np.cumsum(x))/(t+1); s2=(0.25+np.cumsum((x-mu)**2))/(t+1)
    mu_prev=np.concatenate([[0.5],mu[:-1]]); s2_prev=np.concatenate([[0.25],s2[:-1]])
    lam=np.sqrt(2*np.log(2/A)/(n*s2_prev))
    m=G[:,None]
    lp=np.minimum(lam[None,:], c/m); lm=np.minimum(lam[None,:], c/(1-m))
    Kp=np.exp(np.sum(np.log1p(lp*(x[None,:]-m)),1)); Km=np.exp(np.sum(np.log1p(-lm*(x[None,:]-m)),1))
    K=np.maximum(0.5*Kp,0.5*Km); ok=G[K<1/A]
    if len(ok)==0: return (np.nan,np.nan)
    return ok.min(),ok.max()
dists={
 'pile1_98_U(.9,1)': (lambda n: np.where(rng.random(n)<0.98,1.0,rng.uniform(0.9,1,n)), 1-0.02*0.05),
 'pile1_90_at.967': (lambda n: np.where(rng.random(n)<0.9,1.0,0.9667), 1-0.1*0.0333),
 'pile1_995_at.5': (lambda n: np.where(rng.random(n)<0.995,1.0,0.5), 1-0.005*0.5),
 'zeroinfl_70_U(0,.5)': (lambda n: np.where(rng.random(n)<0.7,0.0,rng.uniform(0,0.5,n)), 0.3*0.25),
 'beta(0.5,10)': (lambda n: rng.beta(0.5,10,n), 0.5/10.5),
 'beta(20,20)': (lambda n: rng.beta(20,20,n), 0.5),
}
meths={'t':t_ci,'logit':logit_ci,'kg':kg_ci,'kg_noadj':lambda x: kg_ci(x,False),'boot':boot_ci,'bet':bet_ci}
import sys
R=int(sys.argv[1]) if len(sys.argv)>1 else 1000
for name,(gen,mu) in dists.items():
  for n in (8,20,100):
    cov={k:0 for k in meths}; w={k:0.0 for k in meths}; out={k:0 for k in meths}
    for r in range(R):
      x=gen(n)
      for k,f in meths.items():
        lo,hi=f(x)
        cov[k]+= (lo<=mu<=hi); w[k]+=hi-lo; out[k]+= (lo<0 or hi>1)
    print(f"{name:22s} n={n:3d} "+"  ".join(f"{k}:{cov[k]/R:.3f}/{w[k]/R:.4f}/{out[k]/R:.2f}" for k in meths), flush=True)
