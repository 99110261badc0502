#!/usr/bin/python3
"""Time Larch's normalisation, background, Fourier and wavelet transforms on one spectrum.

usage: larch_xafs.py XDI_FILE REPEATS
Same runs as `xasdaml bench compare` (xafs section): 20*REPEATS timed calls of pre_edge, autobk,
xftf (4*REPEATS of cauchy_wavelet) after a warm-up, median ms per spectrum, one thread.
Run with Debian's python3 (python3-xraylarch 0.9.58).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import measure, report  # noqa: E402  (sets the thread variables before NumPy loads)

import numpy as np  # noqa: E402
from larch import Group  # noqa: E402
from larch.xafs import pre_edge, autobk, xftf, cauchy_wavelet  # noqa: E402

path, repeats = sys.argv[1], int(sys.argv[2])
# XDI: '#' header lines, then columns energy i0 itrans (larch's read_xdi needs a C library Debian lacks)
data = np.loadtxt(path, comments="#")
energy = data[:, 0]
mu = np.log(data[:, 1] / data[:, 2])
name = os.path.basename(path)
n = 20 * repeats
warm = max(5, n // 5)

g = Group(energy=energy, mu=mu)
report("larch_pre_edge", 1, "spectrum", measure(lambda: pre_edge(g), warm, n), n, name)
# autobk takes e0 and edge_step from the group pre_edge filled in
report("larch_autobk", 1, "spectrum", measure(lambda: autobk(g, rbkg=1.0, kweight=2), warm, n), n,
       name + ",rbkg1,kw2")
report("larch_xftf", 1, "spectrum",
       measure(lambda: xftf(g, kmin=2, kmax=12, dk=1, kweight=2, window="hanning"), warm, n), n,
       name + ",k2-12,dk1,kw2,hanning")
kgrid = np.arange(0, 20.0001, 0.05)
kg = Group(k=kgrid, chi=np.interp(kgrid, g.k, g.chi))
nw = 4 * repeats
report("larch_cauchy_wavelet", 1, "spectrum",
       measure(lambda: cauchy_wavelet(kg, kweight=2, rmax_out=8), max(3, nw // 4), nw), nw,
       name + ",k0-20,kw2,rmax8")
