"""Reference labels of periodic bulk frames, made with Debian's pymatgen 2022.11.7 (run with
/usr/bin/python3 from this folder; reads data/cu-bulk-md-public.dump of the repository and
ni-bulk-md.dump of this folder).

ni-bulk-md.dump: 11 periodic 108-atom fcc Ni frames, one per temperature 10-1100 K, made by
    /usr/bin/python3 data/make_md_dataset.py ni-bulk-md.dump Ni 11 7 --bulk-fraction 1

bulk-neighbors.csv: for atom 0 of the first 20 Cu bulk frames and of every Ni frame, JmolNN with
pymatgen's default tol 0.45 A and with tol 0 (Ni's label method), each under two conventions:
  cell - the frame's own periodic cell (pymatgen Structure with the dump's box, pbc),
  box  - the XASDAML reference's convention: the atoms, unmoved, in a 40 A cubic periodic box.
CN = len(get_nn_info), CR = mean of neighbour.distance(site) (the reference's definition).
"""
import csv
import os
import warnings

warnings.simplefilter("ignore")
from pymatgen.core import Lattice, Structure  # noqa: E402
from pymatgen.analysis.local_env import JmolNN  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, *[".."] * 8))


def frames(path, limit):
    with open(path) as f:
        lines = f.read().split("\n")
    i = 0
    n_read = 0
    while i < len(lines) and n_read < limit:
        if not lines[i].startswith("ITEM: TIMESTEP"):
            i += 1
            continue
        n = int(lines[i + 3])
        box = [float(lines[i + 5 + k].split()[1]) - float(lines[i + 5 + k].split()[0]) for k in range(3)]
        species, coords = [], []
        for line in lines[i + 9:i + 9 + n]:
            p = line.split()
            species.append(p[2])
            coords.append([float(p[3]), float(p[4]), float(p[5])])
        yield n_read, box, species, coords
        n_read += 1
        i += 9 + n


def main():
    rows = []
    for name, path, limit in (("cu", os.path.join(REPO, "data", "cu-bulk-md-public.dump"), 20),
                              ("ni", os.path.join(HERE, "ni-bulk-md.dump"), 11)):
        for index, box, species, coords in frames(path, limit):
            for conv in ("cell", "box"):
                lat = Lattice.orthorhombic(*box) if conv == "cell" else Lattice.cubic(40.0)
                s = Structure(lat, species, coords, coords_are_cartesian=True)
                for tol in (0.45, 0.0):
                    info = JmolNN(tol=tol).get_nn_info(s, 0)
                    cn = len(info)
                    cr = sum(e["site"].distance(s[0]) for e in info) / cn if cn else 0.0
                    rows.append([name, index, conv, tol, cn, repr(cr)])
    with open(os.path.join(HERE, "bulk-neighbors.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["set", "frame", "convention", "jmol_tol", "CN", "CR"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
