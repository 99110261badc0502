#!/usr/bin/python3
"""Independent fixtures for the xasdaml-feff tests, made with Debian's python3-pymatgen 2022.11.7,
python3-ase and python3-xraylarch 0.9.58 (run with /usr/bin/python3 from this folder).

1. pymatgen_cu_frame0_feff.inp: the reference's way of writing feff.inp (pymatgen FEFFDictSet,
   absorbing_atom=0, radius=20, frame put in a 40 A box) for frame 0 of the public Cu set, with this
   project's default cards (K edge, no DEBYE).
2. pymatgen_cu2o_feff.inp: the same for a periodic Cu2O crystal (two elements, periodic images),
   radius 6 A, absorber = first Cu site.
3. larch_cu_frame0_noscf_xmu.dat / _chi.dat: xmu.dat and chi.dat of Larch's feffrunner (the
   reference's runner) on fixture 1 without the SCF card.
"""
import os, shutil, tempfile
from ase.io import read
from pymatgen.io.ase import AseAtomsAdaptor
from pymatgen.io.feff.sets import FEFFDictSet
from pymatgen.core import Structure, Lattice

HERE = os.path.dirname(os.path.abspath(__file__))
DUMP = os.path.join(HERE, '../../../../../../../../../shared/data/cu-md-public.dump')

CFG = {"CONTROL": "1 1 1 1 1 1", "EDGE": "K", "EXAFS": 20.0, "PRINT": "0 0 0 0 0 0", "RPATH": 7.0,
       "S02": 1.0, "SCF": "6.8 0 30 0.1000 1", "EXCHANGE": "0 0 0.6", "NLEGS": 8, "CFAVERAGE": "1 1 0",
       "CRITERIA": "0.0 1.50"}

def write(structure, radius, cfg, name):
    d = tempfile.mkdtemp()
    s = FEFFDictSet(absorbing_atom=0, structure=structure, radius=radius, config_dict=cfg, edge="K", nkpts=100)
    s.write_input(d)
    shutil.copy(os.path.join(d, 'feff.inp'), os.path.join(HERE, name))
    return d

frame = read(DUMP, format='lammps-dump-text', index=0)
frame.set_cell((40, 40, 40))
st = AseAtomsAdaptor.get_structure(frame)
write(st, 20, CFG, 'pymatgen_cu_frame0_feff.inp')

cu2o = Structure(Lattice.cubic(4.2696), ['Cu'] * 4 + ['O'] * 2,
                 [[0.25, 0.25, 0.25], [0.75, 0.75, 0.25], [0.75, 0.25, 0.75], [0.25, 0.75, 0.75],
                  [0, 0, 0], [0.5, 0.5, 0.5]])
write(cu2o, 6.0, CFG, 'pymatgen_cu2o_feff.inp')

noscf = dict(CFG)
del noscf['SCF']
d = write(st, 20, noscf, 'unused.inp')
os.remove(os.path.join(HERE, 'unused.inp'))
import sys
from larch.xafs.feffrunner import FeffRunner
sys.modules['larch.xafs.feffrunner'].bindir = '/usr/bin'  # Debian installs feff85exafs there; Larch looks in its own bin folder
FeffRunner(feffinp=os.path.join(d, 'feff.inp'), folder=d, verbose=False).run()
shutil.copy(os.path.join(d, 'xmu.dat'), os.path.join(HERE, 'larch_cu_frame0_noscf_xmu.dat'))
shutil.copy(os.path.join(d, 'chi.dat'), os.path.join(HERE, 'larch_cu_frame0_noscf_chi.dat'))
print('fixtures written to', HERE)

# cu-md-public-first20.dump is the first 20 frames of the public set, made with
#   head -n 2340 ../shared/data/cu-md-public.dump > cu-md-public-first20.dump
# (117 lines per frame: 9 header lines + 108 atoms)

# 4. larch_cu_frame0_noscf_wavelet_mag.txt.gz: Larch cauchy_wavelet (kweight 2, rmax_out 8, nfft 2048)
#    of χ(k) in larch_cu_frame0_noscf_chi.dat, magnitude kept as the reference kept it: every 2nd R
#    from R = 0 and every 2nd k from k = 0.05 (131 rows of 200 values).
import gzip
import numpy as np
from larch import Group
from larch.xafs import cauchy_wavelet
dat = np.loadtxt(os.path.join(HERE, 'larch_cu_frame0_noscf_chi.dat'))
g = Group(k=dat[:, 0], chi=dat[:, 1])
cauchy_wavelet(g, kweight=2, rmax_out=8)
mag = g.wcauchy_mag[::2, 1::2]
with gzip.open(os.path.join(HERE, 'larch_cu_frame0_noscf_wavelet_mag.txt.gz'), 'wt') as f:
    f.write('# |W| rows = R %s, columns = k %s\n' % (mag.shape[0], mag.shape[1]))
    np.savetxt(f, mag, fmt='%.8e')
print('wavelet', mag.shape)
