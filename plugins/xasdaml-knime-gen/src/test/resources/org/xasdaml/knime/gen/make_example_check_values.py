#!/usr/bin/python3
"""The reference numbers of ExampleWorkflows.checks() for the measured Cu foil, from Larch.

Run with Debian's python3-xraylarch (/usr/bin/python3); prints the values the checks' bands are
built around. The example aligns the foil's E0 to 8979 eV before normalising; a rigid energy shift
changes none of these numbers (printed for both, to show it).
"""
import numpy as np
from larch import Group
from larch.xafs import pre_edge, autobk, xftf, xftr

FOIL = '/usr/share/doc/python-xraylarch-doc/examples/xafsdata/cu_metal_rt.xdi'
d = np.loadtxt(FOIL)
energy, mu = d[:, 0], d[:, 3]
print('mu at 8979.0 eV (mutrans column):', mu[np.argmin(abs(energy - 8979.0))])
g = Group(energy=energy, mu=mu)
pre_edge(g)
for shift in (0.0, 8979.0 - g.e0):
    h = Group(energy=energy + shift, mu=mu)
    pre_edge(h)
    autobk(h, kmax=15)
    # the example's windows are the steps' defaults (Hanning, dk 1 Å⁻¹, dr 0.1 Å), not Larch's (Kaiser, 1, 1)
    xftf(h, kmin=2.5, kmax=11, kweight=2, window='hanning', dk=1)
    xftr(h, rmin=1, rmax=3.5, window='hanning', dr=0.1)
    print('shift %.2f eV: e0 %.2f, edge step %.4f, |chi(R)| peak %.4f A, chiq_re(q=5) %.4f'
          % (shift, h.e0, h.edge_step, h.r[np.argmax(h.chir_mag)], h.chiq_re[np.argmin(abs(h.q - 5))]))
