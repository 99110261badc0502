"""Reference fixtures for the descriptors module, made with Debian's pymatgen 2022.11.7 and
scipy (run with /usr/bin/python3 from this folder; needs pymatgen-test-files and the shared
Cu dataset at ../shared/data relative to the repository).

1. crystals/POSCAR.<name>: a dozen ordered multi-element crystals from pymatgen-test-files
   (oxides, a phosphate, fluoride, chloride, sulfides, arsenide) plus the Cu3Au alloy built from
   its space group, each written by pymatgen's Poscar writer (16 significant figures) and read back,
   so that Java and pymatgen see the same numbers.
2. crystals-neighbors.csv: for every site of every crystal and each of the six neighbour finders
   (default parameters): CN = len(get_nn_info), CR = mean of neighbour.distance(site) (the
   XASDAML reference's definition), and the neighbours' weights sorted descending.
3. cu-rdf.csv: the absorber RDF of the first 25 frames of the Cu dump as the reference computes
   it with vasppy: the frame in its own (dump) box treated as periodic, minimum-image distances
   from atom 0 to all others, histogram on linspace(1, 8, 101), g = hist * V / (shell volume * N_j),
   then scipy gaussian_filter1d with sigma 0.1 / 0.07 bins. vasppy is not packaged in Debian, so its
   RadialDistributionFunction is re-done here with the same numpy/scipy calls (vasppy 0.6 source).
4. crystal-rdf.csv: the same RDF for one site of LiFePO4, Fe3O4 and CuCl, where the minimum
   image matters (cells narrower than 16 A).
"""
import csv
import math
import os
import sys
import warnings

import numpy as np
from scipy.ndimage import gaussian_filter1d

warnings.simplefilter("ignore")
from pymatgen.core import Lattice, Structure  # noqa: E402
from pymatgen.io.vasp import Poscar  # noqa: E402
from pymatgen.analysis.local_env import (BrunnerNN_relative, CrystalNN, EconNN, JmolNN,  # noqa: E402
                                         MinimumDistanceNN, VoronoiNN)

HERE = os.path.dirname(os.path.abspath(__file__))
T = "/usr/share/doc/pymatgen-test-files/examples/test_files/"
CRYSTALS = {
    "Li2O": "Li2O.cif",
    "LiFePO4": "LiFePO4.cif",
    "Fe3O4": "Fe3O4.cif",
    "CoO": "CoO19128.cif",
    "La2CoO4": "La2CoO4.cif",
    "V2O3": "V2O3.cif",
    "MgNiF6": "MgNiF6.cif",
    "CuCl": "CuCl.cif",
    "CdS": "POSCAR.CdS_HSE",
    "GaAs": "cohp/POSCAR.GaAs",
    "MoS2": "critic2/MoS2.cif",
    "BaTiO3": "surface_tests/icsd_batio3.cif",
}
METHODS = [BrunnerNN_relative, VoronoiNN, JmolNN, MinimumDistanceNN, CrystalNN, EconNN]


def crystals():
    for name, f in CRYSTALS.items():
        s = Structure.from_file(T + f)
        s.remove_oxidation_states()
        yield name, s
    # an ordered alloy: Cu3Au (L1_2, Pm-3m, a = 3.7494 A)
    yield "Cu3Au", Structure.from_spacegroup("Pm-3m", Lattice.cubic(3.7494), ["Au", "Cu"], [[0, 0, 0], [0, 0.5, 0.5]])


def main():
    os.makedirs(os.path.join(HERE, "crystals"), exist_ok=True)
    rows = []
    for name, s in crystals():
        path = os.path.join(HERE, "crystals", "POSCAR." + name)
        Poscar(s).write_file(path)
        s = Structure.from_file(path)
        for n in range(len(s)):
            for cls in METHODS:
                nn = cls()
                info = nn.get_nn_info(s, n)
                cn = len(info)
                cr = sum(e["site"].distance(s[n]) for e in info) / cn if cn else 0.0
                w = sorted((float(e["weight"]) for e in info), reverse=True)
                rows.append([name, n, s[n].specie.symbol, cls.__name__, cn, repr(cr), ";".join(repr(x) for x in w)])
        print(name, len(s), "sites", file=sys.stderr)
    with open(os.path.join(HERE, "crystals-neighbors.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["crystal", "site", "element", "method", "cn", "cr", "weights"])
        wr.writerows(rows)
    rdf_fixture()
    crystal_rdf_fixture()


def vasppy_rdf(s, i, js, r_min=1.0, r_max=8.0, nbins=100, sigma=0.1):
    """vasppy RadialDistributionFunction([s], [i], js, nbins, r_min, r_max) and its smeared_rdf(sigma)."""
    edges = np.linspace(r_min, r_max, nbins + 1)
    dr = (r_max - r_min) / nbins
    shell = 4.0 / 3.0 * math.pi * (edges[1:] ** 3 - edges[:-1] ** 3)
    d = s.lattice.get_all_distances(s.frac_coords[[i]], s.frac_coords[js]).flatten()
    hist = np.histogram(d, bins=nbins, range=(r_min, r_max), density=False)[0]
    g = hist / (1.0 / s.lattice.volume) / shell / float(len(js))
    return g, gaussian_filter1d(g, sigma=sigma / dr)


def crystal_rdf_fixture():
    """RDF of one site of three crystals (minimum image in a real periodic cell), vasppy's way."""
    cases = [("LiFePO4", "Fe", "O"), ("Fe3O4", "Fe", "O"), ("CuCl", "Cu", None)]
    out = []
    for name, centre, partner in cases:
        s = Structure.from_file(os.path.join(HERE, "crystals", "POSCAR." + name))
        i = [k for k, site in enumerate(s) if site.specie.symbol == centre][0]
        js = [k for k, site in enumerate(s) if k != i and (partner is None or site.specie.symbol == partner)]
        g, gs = vasppy_rdf(s, i, js)
        for k in range(len(g)):
            out.append([name, i, partner or "", k, repr(float(g[k])), repr(float(gs[k]))])
    with open(os.path.join(HERE, "crystal-rdf.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["crystal", "site", "partner", "bin", "g_raw", "g"])
        wr.writerows(out)


def read_dump_frames(path, count):
    frames = []
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines) and len(frames) < count:
        assert lines[i].startswith("ITEM: TIMESTEP")
        natoms = int(lines[i + 3])
        bounds = [list(map(float, lines[i + 5 + k].split())) for k in range(3)]
        atoms = [lines[i + 9 + k].split() for k in range(natoms)]
        species = [a[2] for a in atoms]
        coords = [[float(a[3]), float(a[4]), float(a[5])] for a in atoms]
        frames.append((bounds, species, coords))
        i += 9 + natoms
    return frames


def rdf_fixture():
    dump = os.path.normpath(os.path.join(HERE, "../../../../../../../../../shared/data/cu-md-public.dump"))
    frames = read_dump_frames(dump, 25)
    r_min, r_max, nbins = 1.0, 8.0, 100
    edges = np.linspace(r_min, r_max, nbins + 1)
    dr = (r_max - r_min) / nbins
    r = edges[:-1] + dr / 2.0
    shell = 4.0 / 3.0 * math.pi * (edges[1:] ** 3 - edges[:-1] ** 3)
    out = []
    for j, (bounds, species, coords) in enumerate(frames):
        # ASE puts the dump box's lower corner at the origin of the cell and keeps positions
        lat = Lattice.orthorhombic(*[b[1] - b[0] for b in bounds])
        s = Structure(lat, species, coords, coords_are_cartesian=True)
        fi = s.frac_coords[[0]]
        fj = s.frac_coords[1:]
        d = lat.get_all_distances(fi, fj).flatten()
        hist = np.histogram(d, bins=nbins, range=(r_min, r_max), density=False)[0]
        rho = 1.0 / lat.volume
        g = hist / rho / shell / float(len(fj))
        gs = gaussian_filter1d(g, sigma=0.1 / dr)
        for k in range(nbins):
            out.append([j, repr(float(r[k])), repr(float(g[k])), repr(float(gs[k])), repr(float(lat.volume))])
    with open(os.path.join(HERE, "cu-rdf.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["frame", "r", "g_raw", "g", "volume"])
        wr.writerows(out)


if __name__ == "__main__":
    main()
