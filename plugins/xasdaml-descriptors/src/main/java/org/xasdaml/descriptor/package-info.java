/**
 * Structure descriptors of absorbing sites (XASDAML module M2): pymatgen's neighbour finders
 * re-implemented ({@link org.xasdaml.descriptor.BrunnerNNRelative}, {@link org.xasdaml.descriptor.VoronoiNN},
 * {@link org.xasdaml.descriptor.JmolNN}, {@link org.xasdaml.descriptor.MinimumDistanceNN},
 * {@link org.xasdaml.descriptor.CrystalNN}, {@link org.xasdaml.descriptor.EconNN}) on one shared
 * neighbour search per site ({@link org.xasdaml.descriptor.SiteEnvironment}), the coordination
 * number and radius built on them ({@link org.xasdaml.descriptor.Coordination}), the absorber RDF
 * ({@link org.xasdaml.descriptor.RadialDistribution}), and the workflow step
 * ({@link org.xasdaml.descriptor.ComputeDescriptorsStep}).
 */
package org.xasdaml.descriptor;
