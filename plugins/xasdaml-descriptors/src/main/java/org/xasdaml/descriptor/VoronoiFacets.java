package org.xasdaml.descriptor;

/**
 * The Voronoi facets of a site as pymatgen's {@code VoronoiNN.get_voronoi_polyhedra} finds them:
 * the tessellation uses every site within the cutoff (periodic images included); when the
 * central cell is open (a surface atom), the cutoff is doubled, up to the longest body diagonal
 * of the cell + 0.01 Å, and the search repeated.
 *
 * <p>Under the reference's convention of a cluster in a 40 Å periodic box, the cell of a surface
 * atom is open until the cutoff reaches the periodic images of the cluster (52 Å for VoronoiNN's
 * 13 Å start, 28 Å for CrystalNN's 7 Å start): its facets then include far images of the cluster
 * across the vacuum, which is why VoronoiNN gives surface atoms many neighbours at large distances.
 *
 * @param list   the neighbour list the facets index into (entry 0 may be the site itself)
 * @param cell   the facets
 * @param cutoff the cutoff at which the cell closed (Å)
 */
record VoronoiFacets(NeighborList list, VoronoiCell cell, double cutoff) {

    static VoronoiFacets of(SiteEnvironment env, double startCutoff) {
        double maxCutoff = env.longestCellDiagonal();
        double cutoff = startCutoff;
        while (true) {
            VoronoiFacets known = known(env, cutoff);
            if (known != null) {
                return known;
            }
            if (cutoff > env.voronoiOpenUpTo) {
                VoronoiFacets f = compute(env, cutoff);
                if (f != null) {
                    env.voronoiCache.add(f);
                    return f;
                }
                env.voronoiOpenUpTo = cutoff;
            }
            if (cutoff >= maxCutoff) {
                throw new IllegalArgumentException("VoronoiNN: the Voronoi cell of site " + env.site()
                        + " is open (infinite vertex) even with a cutoff of " + cutoff + " Å"
                        + (maxCutoff == 0 ? "; a cluster without a periodic box needs the cluster-in-box convention" : ""));
            }
            cutoff = Math.min(cutoff * 2, maxCutoff + 0.001);
        }
    }

    /**
     * A cell already computed that equals the cell at this cutoff: a closed cell whose farthest
     * vertex is nearer than half of both cutoffs, since points beyond twice that radius cannot cut it.
     */
    private static VoronoiFacets known(SiteEnvironment env, double cutoff) {
        for (VoronoiFacets f : env.voronoiCache) {
            double reach = 2 * f.cell.maxRadius * (1 + 1e-9) + 1e-9;
            if (f.cutoff == cutoff || (reach < cutoff && reach < f.cutoff)) {
                return f;
            }
        }
        return null;
    }

    /** The facets at one cutoff, or null if the cell is open. */
    private static VoronoiFacets compute(SiteEnvironment env, double cutoff) {
        {
            NeighborList list = env.sitesInSphere(cutoff);
            int m = list.countWithin(cutoff);
            int from = 0;
            while (from < m && list.d[from] <= SiteEnvironment.DISTANCE_TOL) {
                from++;   // the site itself (pymatgen passes it to qhull as point 0)
            }
            if (from != 1) {
                throw new IllegalArgumentException("VoronoiNN: " + (from == 0 ? "site " + env.site() + " missing from its own search"
                        : (from - 1) + " atom(s) coincide with site " + env.site()));
            }
            VoronoiCell cell = m - from >= 4 ? VoronoiCell.of(list.x, list.y, list.z, from, m) : null;
            if (cell != null && cell.bounded && cell.count > 0) {
                return new VoronoiFacets(list, cell, cutoff);
            }
            return null;
        }
    }

    /** The largest facet solid angle (sr). */
    double maxSolidAngle() {
        double m = 0;
        for (int i = 0; i < cell.count; i++) {
            m = Math.max(m, cell.solidAngle[i]);
        }
        return m;
    }
}
