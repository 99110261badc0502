#!/usr/bin/python3
"""Reference structures for the readers' tests, written and read back with ASE (Debian's python3-ase).

Run with Debian's python3 from this folder: /usr/bin/python3 make_structure_fixtures.py
Writes: ti_o_cu.poscar, ti_o_cu.xdatcar, ti_o_cu.extxyz, triclinic_scaled.dump (hand-written text
in LAMMPS's dump format with a triclinic box and scaled coordinates), and expected.json with the
Cartesian positions, cells and periodicity ASE reads from each file.
"""
import json
import numpy as np
from ase import Atoms
from ase.io import write, read

rng = np.random.default_rng(7)
cell = np.array([[5.1, 0.0, 0.0], [1.3, 4.7, 0.0], [-0.8, 0.9, 6.2]])
symbols = ['Ti', 'Ti', 'O', 'O', 'O', 'O', 'Cu']
frames = []
for t in range(3):
    frac = rng.random((len(symbols), 3))
    frames.append(Atoms(symbols, scaled_positions=frac, cell=cell, pbc=True))

write('ti_o_cu.poscar', frames[0], format='vasp', direct=True)
write('ti_o_cu.xdatcar', frames, format='vasp-xdatcar')
write('ti_o_cu.extxyz', frames, format='extxyz')

# LAMMPS triclinic dump: a = (xhi-xlo, 0, 0), b = (xy, yhi-ylo, 0), c = (xz, yz, zhi-zlo)
lo = np.array([-1.0, 2.0, 0.5])
xy, xz, yz = cell[1, 0], cell[2, 0], cell[2, 1]
xlo, ylo, zlo = lo
xhi, yhi, zhi = xlo + cell[0, 0], ylo + cell[1, 1], zlo + cell[2, 2]
xlo_b = xlo + min(0.0, xy, xz, xy + xz)
xhi_b = xhi + max(0.0, xy, xz, xy + xz)
ylo_b = ylo + min(0.0, yz)
yhi_b = yhi + max(0.0, yz)
with open('triclinic_scaled.dump', 'w') as f:
    for t, a in enumerate(frames):
        order = rng.permutation(len(a))  # atoms out of id order, as LAMMPS writes them in parallel runs
        f.write('ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\n' % (t * 100, len(a)))
        f.write('ITEM: BOX BOUNDS xy xz yz pp pp ff\n')
        f.write('%.10f %.10f %.10f\n%.10f %.10f %.10f\n%.10f %.10f %.10f\n' % (xlo_b, xhi_b, xy, ylo_b, yhi_b, xz, zlo, zhi, yz))
        f.write('ITEM: ATOMS xs type ys id zs\n')
        sp = a.get_scaled_positions()
        for i in order:
            typ = {'Ti': 1, 'O': 2, 'Cu': 3}[a[i].symbol]
            f.write('%.10f %d %.10f %d %.10f\n' % (sp[i, 0], typ, sp[i, 1], i + 1, sp[i, 2]))

expected = {}
for name, fmt in [('ti_o_cu.poscar', 'vasp'), ('ti_o_cu.xdatcar', 'vasp-xdatcar'), ('ti_o_cu.extxyz', 'extxyz'),
                  ('triclinic_scaled.dump', 'lammps-dump-text')]:
    kw = {'index': ':'}
    if fmt == 'lammps-dump-text':
        kw['specorder'] = ['Ti', 'O', 'Cu']
    got = read(name, format=fmt, **kw)
    if not isinstance(got, list):
        got = [got]
    out = []
    for a in got:
        pos = a.get_positions()
        if fmt == 'lammps-dump-text':
            # ASE shifts LAMMPS positions to the box origin; the project keeps LAMMPS's own
            # Cartesian coordinates, so add the origin back for the comparison.
            pos = pos + lo
        out.append({'symbols': a.get_chemical_symbols(), 'positions': pos.tolist(),
                    'cell': a.get_cell().array.tolist(), 'pbc': [bool(x) for x in a.get_pbc()]})
    expected[name] = out
with open('expected.json', 'w') as f:
    json.dump(expected, f, indent=1)
print('wrote fixtures for', ', '.join(expected))
