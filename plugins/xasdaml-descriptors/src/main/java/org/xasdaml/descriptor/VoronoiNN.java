package org.xasdaml.descriptor;

/**
 * Every atom that shares a facet of the site's Voronoi cell (pymatgen {@code VoronoiNN} with its
 * defaults: tol 0, cutoff 13 Å, weight "solid_angle").
 *
 * <p>A neighbour's weight is its facet's solid angle over the largest facet's; with tol 0 every
 * facet of positive solid angle counts, so neighbours can be far (see {@link VoronoiFacets} for
 * what this means for surface atoms of a cluster in the reference's 40 Å box). The facets' solid
 * angle, area and distance are available through {@link #facets(SiteEnvironment)}.
 */
public final class VoronoiNN implements NeighborFinder {
    private final double tol;
    private final double cutoff;

    public VoronoiNN() {
        this(0, 13.0);
    }

    public VoronoiNN(double tol, double cutoff) {
        this.tol = tol;
        this.cutoff = cutoff;
    }

    @Override
    public String name() {
        return "VoronoiNN";
    }

    /**
     * The facets of the site's cell: for each, the neighbour and pymatgen's {@code poly_info}
     * (solid angle, area, face distance, volume, vertex count).
     */
    public Facet[] facets(SiteEnvironment env) {
        VoronoiFacets f = VoronoiFacets.of(env, cutoff);
        VoronoiCell c = f.cell();
        NeighborList l = f.list();
        Facet[] out = new Facet[c.count];
        for (int i = 0; i < c.count; i++) {
            int e = c.neighbor[i];
            out[i] = new Facet(l.atom[e], l.x[e], l.y[e], l.z[e], l.d[e], c.solidAngle[i], c.area[i], c.faceDist[i],
                    c.volume[i], c.nVerts[i]);
        }
        return out;
    }

    /**
     * One facet of a Voronoi cell.
     *
     * @param atom       the neighbour across it
     * @param x          displacement of that neighbour's image (Å), likewise y, z
     * @param y          see x
     * @param z          see x
     * @param distance   distance to the neighbour (Å)
     * @param solidAngle solid angle of the facet seen from the site (sr)
     * @param area       facet area (Å²)
     * @param faceDist   distance from the site to the facet plane (Å)
     * @param volume     volume of the pyramid from the site on the facet (Å³)
     * @param nVerts     number of vertices of the facet
     */
    public record Facet(int atom, double x, double y, double z, double distance, double solidAngle, double area,
                        double faceDist, double volume, int nVerts) {
    }

    @Override
    public Neighbors find(SiteEnvironment env) {
        VoronoiFacets f = VoronoiFacets.of(env, cutoff);
        VoronoiCell c = f.cell();
        double max = f.maxSolidAngle();
        Neighbors.Builder out = new Neighbors.Builder();
        for (int i = 0; i < c.count; i++) {
            if (c.solidAngle[i] > tol * max) {
                out.add(f.list(), c.neighbor[i], c.solidAngle[i] / max);
            }
        }
        return out.build();
    }
}
