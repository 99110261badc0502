#!/usr/bin/python3
"""feff.inp fixtures from pymatgen's FEFFDictSet (Debian's python3-pymatgen 2022.11.7), the reference's
writer, for the card/potentials/atoms equality test (FeffInputTest). Run with /usr/bin/python3 from
this folder.

pymatgen_cards_frame<N>_default.inp: frames 0, 7, 13 of the public Cu set, this project's default cards
  (K edge, no DEBYE, no CFAVERAGE), radius 20 A, frame in a 40 A box (the reference's convention).
pymatgen_cards_frame<N>_reference.inp: the same frames with the reference's CFG exactly
  (L3, DEBYE 300 160, CFAVERAGE 1 1 0).
pymatgen_cards_bulk0_default.inp: frame 0 of the periodic bulk set, default cards, radius 9 A
  (periodic images).
"""
import os, shutil, tempfile
from ase.io import read
from pymatgen.io.ase import AseAtomsAdaptor
from pymatgen.io.feff.sets import FEFFDictSet

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, '../../../../../../../..')
SHARED = os.environ.get('XASDAML_SHARED', '/work/shared')  # the project's ../shared
CLUSTERS = os.path.join(PROJECT, 'data/cu-md-public.dump')
BULK = os.path.join(SHARED, 'data/cu-bulk-md-public.dump')

DEFAULT = {"CONTROL": "1 1 1 1 1 1", "EDGE": "K", "EXAFS": 20.0, "PRINT": "0 0 0 0 0 0", "RPATH": 7.0,
           "S02": 1.0, "SCF": "6.8 0 30 0.1000 1", "EXCHANGE": "0 0 0.6", "NLEGS": 8, "CRITERIA": "0.0 1.50"}
REFERENCE = {"CONTROL": "1 1 1 1 1 1", "EDGE": "L3", "EXAFS": 20.0, "PRINT": "0 0 0 0 0 0", "RPATH": 7.0,
             "S02": 1.0, "SCF": "6.8 0 30 0.1000 1", "EXCHANGE": "0 0 0.6", "NLEGS": 8, "DEBYE": "300 160",
             "CFAVERAGE": "1 1 0", "CRITERIA": "0.0 1.50"}


def write(structure, radius, cfg, edge, name):
    d = tempfile.mkdtemp()
    FEFFDictSet(absorbing_atom=0, structure=structure, radius=radius, config_dict=cfg, edge=edge, nkpts=100,
                user_tag_settings={"_del": ["COREHOLE"]}).write_input(d)
    shutil.copy(os.path.join(d, 'feff.inp'), os.path.join(HERE, name))
    shutil.rmtree(d)


for n in (0, 7, 13):
    frame = read(CLUSTERS, format='lammps-dump-text', index=n)
    frame.set_cell((40, 40, 40))
    st = AseAtomsAdaptor.get_structure(frame)
    write(st, 20, DEFAULT, "K", 'pymatgen_cards_frame%d_default.inp' % n)
    write(st, 20, REFERENCE, "L3", 'pymatgen_cards_frame%d_reference.inp' % n)

bulk = read(BULK, format='lammps-dump-text', index=0)
write(AseAtomsAdaptor.get_structure(bulk), 9.0, DEFAULT, "K", 'pymatgen_cards_bulk0_default.inp')
print('fixtures written to', HERE)

# cu-bulk-md-public-first1.dump is frame 0 of the periodic bulk set:
#   head -n 116 ../shared/data/cu-bulk-md-public.dump > cu-bulk-md-public-first1.dump
