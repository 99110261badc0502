#!/usr/bin/python3
"""Replica of the main job's recipe and forest (issue 17, session 6), to test recipe changes on a finished
`xasdaml demo --checks` run before making them in the product (docs/architecture.md, "The feature recipe").

usage: recipe_replica.py features RUN            -> RUN-replica/feats-feff.npz, feats-fresh-feff.npz
       recipe_replica.py evaluate RUN CHAIN SHIFT RFILTER
  CHAIN   chi (FEFF's chi.dat, as the product) or bk (pre_edge + autobk on FEFF's mu(E): zero pre-edge below
          FEFF's threshold, E0 at the threshold fitted per sample against chi.dat on k 5-11, pre_edge's step)
  SHIFT   the recipe's simulatedE0Shift (-5); RFILTER the chiRfilter (0 = none)
Prints the domain score (as org.xasdaml.model.Calibration, via domain_replica.Domain) of the test set, the
fresh-run check and Larch's four Cu foils, and a scikit-learn forest's R2, coverage and foil readings.
Session 6 on session 5's run: it reproduces the product's foil scores 1.012 / 1.354 as 1.009 / 1.360.
Run with Debian's python3 (python3-xraylarch 0.9.58, python3-sklearn 1.2.1).
"""
import sys, os, io, json, zipfile, csv
import numpy as np, warnings; warnings.filterwarnings('ignore')


def load(path):
    z = zipfile.ZipFile(path)
    d = {}
    for n in z.namelist():
        if n.endswith('.npy'):
            d[n[:-4]] = np.load(io.BytesIO(z.read(n)))
        elif n.endswith('.json'):
            d[n[:-5]] = json.loads(z.read(n))
    return d


def features_main(run, which, outdir):
    R = run + '/'
    from larch import Group
    from larch.xafs import pre_edge, autobk
    ETOK=0.2624682843
    mu=load(R+which+'/mu.npz'); chi=load(R+which+'/chi.npz')
    E=mu['axis']; K=chi['axis']
    kk=np.arange(0,20.0001,0.05)
    out_chi=[]; out_bk=[]; steps=[]; deltas=[]
    for i in range(len(mu['ids'])):
        m=mu['values'][i]; c=np.interp(kk,K,chi['values'][i]); c[kk<K[0]]=0
        thr=E[0]
        # pad a flat zero pre-edge (FEFF's mu has none) so pre_edge fits the same lines as for a measurement
        Ep=np.concatenate([np.arange(thr-200,thr-0.5,2.0),E]); mp=np.concatenate([np.zeros(len(np.arange(thr-200,thr-0.5,2.0))),m])
        g=Group(energy=Ep,mu=mp); pre_edge(g,e0=thr)
        autobk(g,rbkg=1.0,kweight=2,kmin=0,dk=0.1,win='hanning',e0=thr,edge_step=g.edge_step)
        cb=np.interp(kk,g.k,g.chi)
        # per-sample threshold: the common grid starts at the highest threshold; fit the offset on k 5-11 against chi.dat
        msk=(kk>=5)&(kk<=11); best=(1e9,0)
        for d in np.arange(-0.5,3.01,0.05):
            cm=np.interp(np.sqrt(kk**2+d*ETOK),kk,c)
            s=np.sum(((cb-cm)*kk**2)[msk]**2)
            if s<best[0]: best=(s,d)
        d=best[1]
        cb=np.interp(np.sqrt(np.maximum(kk**2-d*ETOK,0)),kk,cb)   # onto k from the sample's own threshold
        out_chi.append(c); out_bk.append(cb); steps.append(g.edge_step); deltas.append(d)
        if i%100==0: print(i, 'step %.4f delta %.2f'%(g.edge_step,d), flush=True)
    np.savez(os.path.join(outdir,'feats-'+which+'.npz'), ids=mu['ids'], chiids=chi['ids'], k=kk, chi=np.array(out_chi), bk=np.array(out_bk), step=np.array(steps), delta=np.array(deltas))
    print('steps', np.mean(steps), np.std(steps), 'delta', np.mean(deltas), np.std(deltas))


def evaluate_main(run, outdir, chain, SHIFT, FILT):
    R = run + '/'
    from domain_replica import Domain
    from larch import Group
    from larch.xafs import pre_edge, autobk, xftf_fast, xftr_fast, ftwindow
    from larch.io import read_ascii
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.metrics import r2_score
    ETOK=0.2624682843
    kk=np.arange(0,20.0001,0.05)
    win=ftwindow(kk,xmin=2.5,xmax=11,dx=1,window='hanning')
    rgrid=np.pi*np.arange(1024)/(2048*0.05)
    rwin=ftwindow(rgrid,xmin=1.0,xmax=FILT,dx=0.1,window='hanning') if FILT else None
    rsel=(rgrid>=1-1e-9)&(rgrid<=3.5+1e-9); ksel=(kk>=2.5-1e-9)&(kk<=11+1e-9)
    def features(c, s02=0.9, de0=SHIFT, ds=0.0, noise=0.0, rng=None):
        ko=np.sqrt(np.maximum(kk**2+de0*ETOK,0)); c=np.interp(ko,kk,c)*s02
        if ds: c=c*np.exp(-2*kk**2*ds)
        if noise: c=c+rng.normal(0,noise,len(c))
        kw=c*kk**2
        ft=xftf_fast(kw*win,nfft=2048,kstep=0.05)
        if FILT:
            chir=ft[:1024]*rwin
            q=xftr_fast(chir,nfft=2048,kstep=0.05)[:len(kk)]
            kq=q.real*2   # Larch's scaling aside: a constant factor, removed by the z-score
            return np.concatenate([kq[ksel],np.abs(ft)[:1024][rsel]])
        return np.concatenate([kw[ksel],np.abs(ft)[:1024][rsel]])
    def rows(p): return list(csv.DictReader(open(p)))
    d=np.load(os.path.join(outdir,'feats-feff.npz')); ids=[tuple(x) for x in d['ids']]; src=d[chain]
    lab={int(r['index']):(float(r['CN_JmolNN']),float(r['CR_JmolNN'])) for r in rows(R+'filter/labels-kept.csv')}
    sp={int(r['index']):r['set'] for r in rows(R+'split/split.csv')}
    rng=np.random.default_rng(42)
    X={'train':[],'valid':[],'test':[]}; Y={'train':[],'valid':[],'test':[]}
    for i,(f,s) in enumerate(ids):
        if f not in lab: continue
        st=sp[f]; c=src[i]
        X[st].append(features(c)); Y[st].append(lab[f])
        if st!='test':
            for v in range(4):
                X[st].append(features(c,s02=0.9+rng.uniform(-.05,.05),de0=SHIFT+rng.uniform(-3,3),ds=rng.uniform(0,0.002),noise=0.003,rng=rng)); Y[st].append(lab[f])
    X={k:np.array(v) for k,v in X.items()}; Y={k:np.array(v) for k,v in Y.items()}
    fr=np.load(os.path.join(outdir,'feats-fresh-feff.npz')); flab={int(r['index']):(float(r['CN_JmolNN']),float(r['CR_JmolNN'])) for r in rows(R+'fresh-filter/labels-kept.csv')}
    Xf=[];Yf=[]
    for i,(f,s) in enumerate(fr['ids']):
        if int(f) in flab: Xf.append(features(fr[chain][i])); Yf.append(flab[int(f)])
    X['fresh']=np.array(Xf); Y['fresh']=np.array(Yf)
    # measured
    XD='/usr/share/doc/python-xraylarch-doc/examples/xafsdata/'
    def measured(name):
        f=read_ascii(XD+name); lab=f.array_labels
        if 'i0' in lab and 'itrans' in lab: m=np.log(f.i0/f.itrans); e=f.energy
        elif 'mu' in lab: m=f.mu; e=f.energy
        else: e=f.data[0]; m=f.data[1]
        g=Group(energy=e,mu=m); pre_edge(g); autobk(g,rbkg=1.0,kweight=2,kmin=0,dk=0.1,win='hanning')
        c=np.interp(kk,g.k,g.chi); return features(c,s02=1,de0=0)
    meas={n:measured(n) for n in ['cu_metal_rt.xdi','cu_150k.xmu','cu_50k.xmu','cu_10k.xmu']}
    mu_=X['train'].mean(0); sd=X['train'].std(0); sd[sd==0]=1
    Z={k:(v-mu_)/sd for k,v in X.items()}; Zm={n:(v-mu_)/sd for n,v in meas.items()}
    nk=ksel.sum()
    for name,cols in [('kr',slice(None)),('chi',slice(0,nk))]:
        # standardisation per feature set is column-wise, so slicing the z-scored rows is the same
        dm=Domain(Z['train'][:,cols],Z['valid'][:,cols])
        print('%s %s domain: test in %.3f fresh in %.3f | '%(chain,name,(dm.score(Z['test'][:,cols])<=1).mean(),(dm.score(Z['fresh'][:,cols])<=1).mean())
              +' '.join('%s %.3f'%(n.split('.')[0],dm.score(z[None,cols])[0]) for n,z in Zm.items()))
    for t,tn in [(0,'CN'),(1,'CR')]:
        m=RandomForestRegressor(150,max_features=1/3,random_state=42,n_jobs=1).fit(Z['train'],Y['train'][:,t])
        pv=m.predict(Z['valid']); q=np.sort(abs(pv-Y['valid'][:,t]))[int(np.ceil(0.9*(len(pv)+1)))-1]
        out='%s rf %s: test R2 %.3f fresh R2 %.3f cov test %.2f |'%(chain,tn,r2_score(Y['test'][:,t],m.predict(Z['test'])),r2_score(Y['fresh'][:,t],m.predict(Z['fresh'])),
            (abs(m.predict(Z['test'])-Y['test'][:,t])<=q).mean())
        for n,z in Zm.items(): out+=' %s %.3f±%.3f'%(n.split('.')[0],m.predict(z[None])[0],q)
        print(out, flush=True)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    run = sys.argv[2].rstrip('/')
    outdir = run + '-replica'
    os.makedirs(outdir, exist_ok=True)
    if sys.argv[1] == 'features':
        for which in ('feff', 'fresh-feff'):
            features_main(run, which, outdir)
    else:
        evaluate_main(run, outdir, sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
