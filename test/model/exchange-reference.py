"""Plain reference of the exchange rule (MODEL-SPEC 3.4) for test/model/exchange.test.ts: python3 test/model/exchange-reference.py"""
import math
import numpy as np
f32 = lambda v: float(np.float32(v))
def exchange(Ti,Ei,Tj,Ej,Ai,Aj,rateI,rateJ,trust,gT,gE,rhoT,rhoE,cmax,a,floor,capI,capJ):
    K=len(Ti)
    xi=[Ti[k]+Ei[k] for k in range(K)]; xj=[Tj[k]+Ej[k] for k in range(K)]
    kappa=sum(xi[k]*xj[k] for k in range(K))/math.sqrt(sum(v*v for v in xi)*sum(v*v for v in xj))
    e=max(0.0,1-(1-kappa)/cmax)
    def w(x):
        m=max(x)
        return [floor+(1-floor)*(max(x[(k-1)%K],x[k],x[(k+1)%K])/m)**a for k in range(K)]
    wi,wj=w(xi),w(xj)
    dTi=[rhoT*Ai*e*rateI*gT*trust*wi[k]*max(Tj[k]-Ti[k],0) for k in range(K)]
    dEi=[rhoE*Ai*e*rateI*gE*wi[k]*max(Ej[k]-Ei[k],0) for k in range(K)]
    dTj=[rhoT*Aj*e*rateJ*gT*trust*wj[k]*max(Ti[k]-Tj[k],0) for k in range(K)]
    dEj=[rhoE*Aj*e*rateJ*gE*wj[k]*max(Ei[k]-Ej[k],0) for k in range(K)]
    nTi=[Ti[k]+dTi[k] for k in range(K)]; nEi=[Ei[k]+dEi[k] for k in range(K)]
    nTj=[Tj[k]+dTj[k] for k in range(K)]; nEj=[Ej[k]+dEj[k] for k in range(K)]
    si=sum(nTi)+sum(nEi); sj=sum(nTj)+sum(nEj)
    # stored as float32 first, then rescaled if over capacity
    nTi=[f32(v) for v in nTi]; nEi=[f32(v) for v in nEi]; nTj=[f32(v) for v in nTj]; nEj=[f32(v) for v in nEj]
    if si>capI: nTi=[f32(v*capI/si) for v in nTi]; nEi=[f32(v*capI/si) for v in nEi]
    if sj>capJ: nTj=[f32(v*capJ/sj) for v in nTj]; nEj=[f32(v*capJ/sj) for v in nEj]
    return dict(kappa=kappa,e=e,Ti=nTi,Ei=nEi,Tj=nTj,Ej=nEj,gTi=sum(dTi),gEi=sum(dEi),gTj=sum(dTj),gEj=sum(dEj),Gi=[dTi[k]+dEi[k] for k in range(K)])
base=dict(Ti=[0.5,0,0,0],Ei=[0,0.125,0,0],Tj=[0.25,0,0.5,0],Ej=[0,0,0.25,0.25],Ai=1,Aj=0.5,rateI=1,rateJ=0.5,trust=0.75,gT=0.5,gE=0.875,rhoT=0.5,rhoE=0.25,cmax=1,floor=0.1,capI=10,capJ=10)
for name,over in [('a2',dict(a=2)),('a3',dict(a=3)),('cap',dict(a=2,capI=0.5))]:
    r=exchange(**{**base,**over})
    print(name, {k:(v if not isinstance(v,list) else [repr(x) for x in v]) for k,v in r.items()})
