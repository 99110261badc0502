#!/usr/bin/python3
"""Fixtures for the feature recipe (xasdaml-curation, org.xasdaml.curation.recipe): measured
spectra processed by Larch 0.9.58 (Debian python3-xraylarch) with the recipe's default
parameters, to be matched by SpectrumFeatures / predict-measured / the processing steps.

Recipe defaults: pre_edge() with every argument determined; autobk(rbkg=1, kweight=2, dk=0.1,
win='hanning'); xftf(kmin=3, kmax=11, dk=1, window='hanning', kweight=2). Features: k^2 chi(k)
on k = 3.00, 3.05, ... 11.00 and |chi(R)| for 1 <= R <= 3.5; with chiRfilter 5.5 the k features
are Re chi(q) of xftr(rmin=1, rmax=5.5, dr=0.1, window='hanning') on the same k (chiq_re_rfilter),
after an xftf over the wider kmin - dk .. kmax + dk (kmax alone where chi(k) ends before kmax + 2 dk),
so that the features' k range lies in the window's flat top.

Inputs: data/cu_metal_rt.xdi (copy of the Debian package's examples/xafsdata/cu_metal_rt.xdi) and
io/cu.prj (examples/xafsdata/AthenaProjectFiles/cu.prj, three Cu foil groups at 10, 50, 150 K).
Run:  cd src/test/resources/org/xasdaml/xafs && /usr/bin/python3 make_recipe_fixtures.py
Writes fixtures/recipe_<name>.json.
"""
import json
import numpy as np
from larch import Group
from larch.io import read_ascii, read_athena
from larch.xafs import pre_edge, autobk, xftf, xftr

KMIN, KMAX, RMIN, RMAX = 3.0, 11.0, 1.0, 3.5
DK = 1.0        # xftf's dk
RFILTER = 5.5   # chiRfilter: the k features Fourier filtered to RMIN..RFILTER


def features(name, source, energy, mu):
    g = Group(energy=np.asarray(energy, float), mu=np.asarray(mu, float))
    pre_edge(g)
    autobk(g, rbkg=1.0, kweight=2, dk=0.1, win='hanning')
    xftf(g, kmin=KMIN, kmax=KMAX, dk=1, window='hanning', kweight=2)
    ks = (g.k >= KMIN - 1e-9) & (g.k <= KMAX + 1e-9)
    rs = (g.r >= RMIN - 1e-9) & (g.r <= RMAX + 1e-9)
    out = dict(source=source, e0=float(g.e0), edge_step=float(g.edge_step),
               k=[float(v) for v in g.k[ks]], chi_k2=[float(v) for v in (g.chi * g.k**2)[ks]],
               r=[float(v) for v in g.r[rs]], chir_mag=[float(v) for v in g.chir_mag[rs]])
    f = Group(k=g.k, chi=g.chi)
    fkmax = KMAX + DK if g.k[-1] >= KMAX + 2 * DK - 1e-9 else KMAX
    xftf(f, kmin=max(0.0, KMIN - DK), kmax=fkmax, dk=DK, window='hanning', kweight=2)
    xftr(f, rmin=RMIN, rmax=RFILTER, dr=0.1, window='hanning')
    qs = (f.q >= KMIN - 1e-9) & (f.q <= KMAX + 1e-9)
    out['chiq_re_rfilter'] = [float(v) for v in f.chiq_re[qs]]
    out['rfilter'] = RFILTER
    with open('fixtures/recipe_%s.json' % name, 'w') as f:
        json.dump(out, f, indent=0)
    print(name, source, 'e0 %.3f step %.5f' % (g.e0, g.edge_step))


x = read_ascii('data/cu_metal_rt.xdi')
features('cu_metal_rt', 'cu_metal_rt.xdi', x.energy, x.mutrans)
prj = read_athena('io/cu.prj')
for gname, grp in prj._athena_groups.items():
    features('cu_prj_' + gname, 'cu.prj:' + grp.label, grp.energy, grp.mu)
