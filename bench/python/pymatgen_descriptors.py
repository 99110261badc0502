#!/usr/bin/python3
"""Time pymatgen's six neighbour finders the way the XASDAML reference calls them.

usage: pymatgen_descriptors.py DUMP N_FRAMES
Prints one line: "pymatgen descriptors <ms per frame> ms/frame over <n> frames" and per method.
Run with Debian's python3 (python3-pymatgen, python3-ase).
"""
import sys
import time
import warnings

from ase.io import read
from pymatgen.io.ase import AseAtomsAdaptor
from pymatgen.analysis.local_env import (BrunnerNN_relative, VoronoiNN, JmolNN, MinimumDistanceNN,
                                         CrystalNN, EconNN)

warnings.filterwarnings("ignore")
dump, n = sys.argv[1], int(sys.argv[2])
frames = read(dump, format="lammps-dump-text", index=":%d" % n)
methods = [BrunnerNN_relative(), VoronoiNN(), JmolNN(), MinimumDistanceNN(), CrystalNN(), EconNN()]
per_method = {type(m).__name__: 0.0 for m in methods}
t_all = 0.0
for a in frames:
    a = a.copy()
    a.set_cell((40, 40, 40))
    a.set_pbc(True)
    s = AseAtomsAdaptor.get_structure(a)
    for m in methods:
        t = time.perf_counter()
        nn = m.get_nn_info(s, 0)
        cn = len(nn)
        cr = sum(x["site"].distance(s[0]) for x in nn) / cn if cn else 0.0
        dt = time.perf_counter() - t
        per_method[type(m).__name__] += dt
        t_all += dt
print("pymatgen descriptors %.2f ms/frame over %d frames" % (1000 * t_all / len(frames), len(frames)))
for k, v in per_method.items():
    print("pymatgen %s %.2f ms/frame" % (k, 1000 * v / len(frames)))
