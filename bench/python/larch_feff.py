#!/usr/bin/python3
"""Time Larch's FeffRunner on the samples `xasdaml bench compare` (section feff) ran in shared-potential mode.

usage: larch_feff.py FEFF_WORK_DIR
FEFF_WORK_DIR is the Java side's timed FEFF batch (DIR/feff/timed of --write-table DIR): samples/f<frame>_s0/feff.inp
for every sample and shared/<digest>/ with the shared potential (phase.pad, xsect.json); all its samples are timed,
in frame order. Per sample,
as the Java side does it: a fresh folder (under FEFF_WORK_DIR/../feff-larch), feff.inp and the two shared files
copied in, larch.xafs.feffrunner.FeffRunner runs rdinp, pathfinder, genfmt and ff2x, xmu.dat and chi.dat are
read with larch.io.read_ascii, and FEFF's intermediate files are deleted. Two samples are run first untimed
(Python has no JIT to warm).
Prints two lines: the FEFF programs' CPU per sample (children of this process, os.times) and this process's own
CPU per sample (time.process_time, which leaves children out), each with the wall time per sample.
Run with Debian's python3 (python3-xraylarch, feff85exafs).
"""
import glob
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import report  # noqa: E402,F401  (sets the thread variables before NumPy loads)

from larch.io import read_ascii  # noqa: E402
from larch.xafs.feffrunner import FeffRunner  # noqa: E402

# Larch looks for feff8l_* only in its own bin folder; Debian's feff85exafs puts them on the PATH
# (larch.xafs.feffrunner is also the name of a function, hence the module from sys.modules)
sys.modules["larch.xafs.feffrunner"].find_exe = shutil.which

work = os.path.abspath(sys.argv[1])
shared = glob.glob(os.path.join(work, "shared", "*", "phase.pad"))
if len(shared) != 1:
    sys.exit("expected one shared potential under %s/shared, found %d" % (work, len(shared)))
shared = os.path.dirname(shared[0])


def frame(path):
    return int(re.match(r"f(\d+)_s\d+$", os.path.basename(path)).group(1))


samples = sorted(glob.glob(os.path.join(work, "samples", "f*_s0")), key=frame)
timed = samples
out = os.path.join(os.path.dirname(work), "larch")
keep = {"feff.inp"}


def run(sample):
    folder = os.path.join(out, os.path.basename(sample))
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    shutil.copy(os.path.join(sample, "feff.inp"), folder)
    for f in ("phase.pad", "xsect.json"):
        shutil.copy(os.path.join(shared, f), folder)
    runner = FeffRunner(feffinp="feff.inp", folder=folder, verbose=False)
    for module in ("rdinp", "pathfinder", "genfmt", "ff2x"):
        runner.run(exe=module)
    xmu = read_ascii(os.path.join(folder, "xmu.dat"))
    chi = read_ascii(os.path.join(folder, "chi.dat"))
    if len(xmu.data[0]) < 2 or len(chi.data[0]) < 2:
        raise RuntimeError("FEFF wrote no spectrum in %s" % folder)
    for f in os.listdir(folder):
        if f not in keep and not f.startswith("feffrun_"):
            os.unlink(os.path.join(folder, f))


for s in samples[:2]:
    run(s)
t0, c0, k0 = time.perf_counter(), time.process_time(), os.times()
for s in timed:
    run(s)
n = len(timed)
k1 = os.times()
wall = 1000 * (time.perf_counter() - t0) / n
own = 1000 * (time.process_time() - c0) / n
children = 1000 * ((k1.children_user - k0.children_user) + (k1.children_system - k0.children_system)) / n
detail = "larch_FeffRunner,shared-potential,warm2,load=%.1f" % os.getloadavg()[0]
report("feff_programs", 1, "sample", (wall, children), n, detail)
report("feff_own_overhead", 1, "sample", (wall, own), n, detail + ",share=%.1f%%_of_FEFF_CPU" % (100 * own / children))
