#!/usr/bin/python3
"""Time Larch's normalisation, background, Fourier and wavelet transforms on one spectrum.

usage: larch_xafs.py XDI_FILE REPEATS
Prints "larch <operation> <ms> ms/spectrum" lines. Run with Debian's python3 (python3-xraylarch).
"""
import sys
import time
import numpy as np
from larch import Group
from larch.xafs import pre_edge, autobk, xftf, cauchy_wavelet

path, repeats = sys.argv[1], int(sys.argv[2])
# XDI: '#' header lines, then columns energy i0 itrans (larch's read_xdi needs a C library Debian lacks)
data = np.loadtxt(path, comments="#")
energy = data[:, 0]
mu = np.log(data[:, 1] / data[:, 2])


def timed(name, f):
    f()
    t = time.perf_counter()
    for _ in range(repeats):
        f()
    print("larch %s %.3f ms/spectrum" % (name, 1000 * (time.perf_counter() - t) / repeats))


g = Group(energy=energy, mu=mu)
timed("pre_edge", lambda: pre_edge(g))
timed("autobk", lambda: autobk(g, rbkg=1.0, kweight=2))
timed("xftf", lambda: xftf(g, kmin=2, kmax=12, dk=1, kweight=2, window="hanning"))
kg = Group(k=np.arange(0, 20.0001, 0.05), chi=np.interp(np.arange(0, 20.0001, 0.05), g.k, g.chi))
timed("cauchy_wavelet", lambda: cauchy_wavelet(kg, kweight=2, rmax_out=8))
