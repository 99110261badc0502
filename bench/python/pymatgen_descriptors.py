#!/usr/bin/python3
"""Time pymatgen's six neighbour finders the way the XASDAML reference calls them.

usage: pymatgen_descriptors.py DUMP N_FRAMES REPEATS
Same runs as `xasdaml bench compare` (descriptors section): the first N frames, each unmoved in a
40 Å periodic cubic box, site 0; get_nn_info of BrunnerNN_relative, VoronoiNN, JmolNN,
MinimumDistanceNN, CrystalNN, EconNN and the mean neighbour distance (CR). Median over REPEATS
passes of ms per frame (structure conversion excluded), one thread; '#' lines give each method's
share. Run with Debian's python3 (python3-pymatgen 2022.11.7, python3-ase).
"""
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import report  # noqa: E402  (sets the thread variables before NumPy loads)

import statistics  # noqa: E402
from ase.io import read  # noqa: E402
from pymatgen.io.ase import AseAtomsAdaptor  # noqa: E402
from pymatgen.analysis.local_env import (BrunnerNN_relative, VoronoiNN, JmolNN, MinimumDistanceNN,  # noqa: E402
                                         CrystalNN, EconNN)

warnings.filterwarnings("ignore")
dump, n, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
frames = read(dump, format="lammps-dump-text", index=":%d" % n)
if len(frames) < n:
    sys.exit("%s has %d frames, fewer than %d" % (dump, len(frames), n))
structures = []
for a in frames:
    a = a.copy()
    a.set_cell((40, 40, 40))
    a.set_pbc(True)
    structures.append(AseAtomsAdaptor.get_structure(a))
methods = [BrunnerNN_relative(), VoronoiNN(), JmolNN(), MinimumDistanceNN(), CrystalNN(), EconNN()]


def one_pass(sample, per_method):
    wall = cpu = 0.0
    for s in sample:
        for m in methods:
            c0, t0 = time.process_time(), time.perf_counter()
            nn = m.get_nn_info(s, 0)
            cn = len(nn)
            cr = sum(x["site"].distance(s[0]) for x in nn) / cn if cn else 0.0
            dc = time.process_time() - c0
            wall += time.perf_counter() - t0
            cpu += dc
            per_method[type(m).__name__] = per_method.get(type(m).__name__, 0.0) + dc
    return wall, cpu


one_pass(structures[:2], {})  # warm-up
walls, cpus, per_method = [], [], {}
for _ in range(repeats):
    w, c = one_pass(structures, per_method)
    walls.append(1000 * w / n)
    cpus.append(1000 * c / n)
report("descriptors_six_methods", n, "frame", (statistics.median(walls), statistics.median(cpus)), repeats,
       os.path.basename(dump) + ",site0,box40")
for k, v in per_method.items():
    print("# pymatgen %s %.2f ms/frame CPU (mean over passes)" % (k, 1000 * v / n / repeats))
