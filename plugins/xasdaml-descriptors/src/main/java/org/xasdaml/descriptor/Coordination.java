package org.xasdaml.descriptor;

import java.util.List;

/**
 * Coordination number and radius of a site under one neighbour finder: the labels the XASDAML
 * models learn. CN is the number of neighbours the finder returns; CR the mean distance from the
 * site to them as the reference defines it ({@link Neighbors#cr(SiteEnvironment)}).
 * Columns {@code CN_<method>} and {@code CR_<method>} (Å) as in the reference's files.
 */
public final class Coordination implements SiteDescriptor {
    private final NeighborFinder finder;

    public Coordination(NeighborFinder finder) {
        this.finder = finder;
    }

    public NeighborFinder finder() {
        return finder;
    }

    @Override
    public List<String> columns() {
        return List.of("CN_" + finder.name(), "CR_" + finder.name());
    }

    @Override
    public double[] compute(SiteEnvironment env) {
        Neighbors n = finder.find(env);
        return new double[] {n.cn(), n.cr(env)};
    }
}
