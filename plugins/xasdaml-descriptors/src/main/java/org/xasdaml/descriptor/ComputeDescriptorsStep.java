package org.xasdaml.descriptor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xasdaml.structure.Element;
import org.xasdaml.structure.Frame;
import org.xasdaml.structure.Sample;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.ParallelSamples;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.workflow.TableColumns;

/**
 * Module 2 of XASDAML: coordination numbers, coordination radii and the RDF of every sample's
 * absorbing site, the labels and features the models learn.
 */
public final class ComputeDescriptorsStep implements Step<ComputeDescriptorsStep.Options> {

    public static final Port<StructureSet> STRUCTURES = Port.of("structures", PortTypes.STRUCTURES,
            "Frames and the samples (frame, absorbing site) to describe");
    public static final Port<SampleTable> DESCRIPTORS = Port.of("descriptors", PortTypes.TABLE,
            "CN_<method> and CR_<method> (Å) of each sample's absorber for each chosen neighbour method");
    public static final Port<SampleTable> RDF = Port.of("rdf", PortTypes.TABLE,
            "Smoothed radial distribution function g(r) of each sample's absorber, on the axis r (Å)");

    /** Parameters of the descriptor calculation. */
    public record Options(
            @Param(label = "Neighbour methods", group = "Coordination", description = "Neighbour methods (pymatgen classes, default parameters) giving CN and CR",
                    choices = {"BrunnerNN_relative", "VoronoiNN", "JmolNN", "MinimumDistanceNN", "CrystalNN", "EconNN"})
            List<String> methods,
            @Param(label = "Periodic cell", group = "Coordination", description = "Cell the neighbour methods see: AUTO keeps the cell of a periodic frame (crystals) and "
                    + "puts a frame without periodicity in the reference's cubic box; CLUSTER_IN_BOX puts every frame, "
                    + "unmoved, in the cubic periodic box as the reference does (comparable with its labels); AS_READ uses "
                    + "the file's own cell and periodicity")
            BoxConvention box,
            @Param(label = "Box edge", group = "Coordination", description = "Edge of the cubic box of CLUSTER_IN_BOX (and of AUTO for frames without periodicity)", unit = "Å", min = 1e-6, advanced = true)
            double boxSize,
            @Param(label = "Smallest RDF distance", group = "Radial distribution function", description = "Smallest distance of the RDF", unit = "Å", min = 0)
            double rdfRmin,
            @Param(label = "Largest RDF distance", group = "Radial distribution function", description = "Largest distance of the RDF", unit = "Å", min = 0)
            double rdfRmax,
            @Param(label = "Number of RDF bins", group = "Radial distribution function", description = "Number of RDF bins", min = 1)
            int rdfBins,
            @Param(label = "RDF smoothing width", group = "Radial distribution function", description = "Width (sigma) of the Gaussian smoothing of the RDF; 0 for none", unit = "Å", min = 0)
            double rdfSigma,
            @Param(label = "RDF with periodic images", group = "Radial distribution function", description = "RDF with minimum-image distances in the file's cell (the reference, via vasppy); off: "
                    + "plain distances of an isolated cluster")
            boolean rdfPeriodic,
            @Param(label = "RDF partner element", group = "Radial distribution function", description = "Element of the RDF's partner atoms (the reference's keyword, e.g. Cu); empty: every "
                    + "other atom", advanced = true)
            String rdfPartners,
            @Param(description = "JmolNN: tolerance added to the sum of the two Jmol bond radii (pymatgen's tol; 0.45 Å "
                    + "by default puts the Cu-Cu cutoff at 3.49 Å, between fcc Cu's first and second shells at 2.56 and "
                    + "3.62 Å, but the Ni-Ni cutoff at 3.45 Å, 0.07 Å short of Ni's second shell at 3.52 Å, so thermal "
                    + "motion counts second-shell atoms: use 0 for Ni, a 3.00 Å cutoff at the first minimum of its RDF)",
                    unit = "Å", min = 0)
            double jmolTolerance) {

        public Options {
            methods = List.copyOf(methods);
            if (methods.isEmpty()) {
                throw InvalidParameterException.of("methods", "choose at least one neighbour method");
            }
            if (new HashSet<>(methods).size() != methods.size()) {
                throw InvalidParameterException.of("methods", "a method is listed twice: %s", methods);
            }
            for (String m : methods) {
                if (!NeighborFinder.REFERENCE_METHODS.contains(m)) {
                    throw InvalidParameterException.of("methods", "unknown neighbour method '%s'; known: %s", m,
                            String.join(", ", NeighborFinder.REFERENCE_METHODS));
                }
            }
            if (box == null) {
                throw InvalidParameterException.of("box", "choose AUTO, CLUSTER_IN_BOX or AS_READ");
            }
            if (!(boxSize > 0)) {
                throw InvalidParameterException.of("boxSize", "box size %s Å must be positive", boxSize);
            }
            if (!(rdfRmax > rdfRmin) || rdfRmin < 0) {
                throw InvalidParameterException.of("rdfRmax", "rdfRmax %s must exceed rdfRmin %s (both ≥ 0)", rdfRmax, rdfRmin);
            }
            if (rdfBins < 1) {
                throw InvalidParameterException.of("rdfBins", "need at least one RDF bin, got %s", rdfBins);
            }
            if (!(rdfSigma >= 0)) {
                throw InvalidParameterException.of("rdfSigma", "smoothing width %s Å must be ≥ 0", rdfSigma);
            }
            if (!(jmolTolerance >= 0)) {
                throw InvalidParameterException.of("jmolTolerance", "JmolNN tolerance %s Å must be ≥ 0", jmolTolerance);
            }
            rdfPartners = rdfPartners == null ? "" : rdfPartners.strip();
            if (!rdfPartners.isEmpty() && Element.lookup(rdfPartners) == null) {
                throw InvalidParameterException.of("rdfPartners", "unknown element symbol '%s'", rdfPartners);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("descriptors", List.of("descriptors", "compute"), "Structure Descriptors", Category.DATASET_CALCULATION,
                "M2", "Coordination numbers, coordination radii and RDF of each sample's absorbing atom.",
                """
                For each sample, the neighbours of the absorbing atom are found by up to six methods re-implemented \
                from pymatgen 2022.11.7 with its default parameters: BrunnerNN_relative, VoronoiNN, JmolNN, \
                MinimumDistanceNN, CrystalNN and EconNN. CN is the number of neighbours a method returns, CR the mean \
                distance from the absorber to them (minimum image, Å), as the XASDAML reference defines them; the six \
                methods share one neighbour search per sample.

                By default (AUTO) a periodic frame keeps the cell and periodicity of its file (a bulk crystal stays a \
                crystal: fcc Cu gives JmolNN CN 12) and a frame without periodicity is treated with the reference's \
                convention (CLUSTER_IN_BOX), which puts each frame, unmoved, in a 40 Å cubic periodic box. VoronoiNN then gives surface atoms facets towards the periodic images of the cluster \
                across the vacuum, i.e. many far neighbours and a large CR; BrunnerNN_relative looks for the largest \
                relative gap among all atoms within 8 Å, which for a surface atom may fall beyond the first shell. \
                CLUSTER_IN_BOX applies that box to periodic frames too, as the reference did; AS_READ uses the file's \
                own cell and periodicity for every frame.

                JmolNN's tolerance (default 0.45 Å, pymatgen's) is a parameter because the Jmol bond radii put the \
                cutoff of some metals too close to their second shell: bulk Ni at room temperature comes out CN 13-15 \
                with 0.45 Å and 12 with 0 (cutoff 3.00 Å).

                The RDF is vasppy's as the reference uses it: the frame in the cell the file gives, minimum-image \
                distances from the absorber to the partner atoms, 100 bins from 1 to 8 Å, normalised by shell volume \
                and density 1/V, smoothed by a 0.1 Å Gaussian. Without periodic images it is the isolated cluster's.

                A sample whose descriptors cannot be computed (e.g. no atom within a method's cutoff) is reported \
                with the reason; the others go on.""",
                List.of(STRUCTURES), List.of(DESCRIPTORS, RDF));
    }

    @Override
    public Options defaults() {
        return new Options(NeighborFinder.REFERENCE_METHODS, BoxConvention.AUTO, 40.0, 1.0, 8.0, 100, 0.1, true, "", 0.45);
    }

    /** One sample's results. */
    private record Row(SampleId id, double[] descriptors, double[] rdf) {
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        StructureSet set = inputs.get(STRUCTURES);
        List<SiteDescriptor> descriptors = o.methods().stream()
                .map(m -> m.equals("JmolNN") ? new Coordination(new JmolNN(o.jmolTolerance(), 0.4)) : SiteDescriptor.named(m))
                .toList();
        List<String> columns = new ArrayList<>();
        for (SiteDescriptor d : descriptors) {
            columns.addAll(d.columns());
        }
        RadialDistribution.Grid grid = new RadialDistribution.Grid(o.rdfRmin(), o.rdfRmax(), o.rdfBins());
        Element partner = o.rdfPartners().isEmpty() ? null : Element.of(o.rdfPartners());
        context.recordSoftware("neighbour finders", "pymatgen 2022.11.7 semantics, re-implemented in Java");
        List<Sample> samples = set.sampleList();
        List<Row> rows = ParallelSamples.map(samples, Sample::id, "descriptors", s -> {
            context.checkCancelled();
            return describe(s, descriptors, columns.size(), o, grid, partner);
        }, context);
        List<SampleId> ids = new ArrayList<>();
        List<double[]> dv = new ArrayList<>();
        List<double[]> rv = new ArrayList<>();
        for (Row r : rows) {
            if (r != null) {
                ids.add(r.id());
                dv.add(r.descriptors());
                rv.add(r.rdf());
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("box", o.box().name());
        if (o.box() != BoxConvention.AS_READ) {
            meta.put("box_size_angstrom", Double.toString(o.boxSize()));
        }
        if (o.methods().contains("JmolNN")) {
            meta.put("jmol_tolerance_angstrom", Double.toString(o.jmolTolerance()));
        }
        SampleTable table = SampleTable.ofRows(ids, columns, dv.toArray(new double[0][])).withMeta(meta);
        Map<String, String> rdfMeta = new LinkedHashMap<>();
        rdfMeta.put("sigma_angstrom", Double.toString(o.rdfSigma()));
        rdfMeta.put("periodic", Boolean.toString(o.rdfPeriodic()));
        rdfMeta.put("partners", partner == null ? "all other atoms" : partner.symbol());
        SampleTable rdf = SampleTable.spectra(ids, "g", new Axis("r", "Å", grid.centres()), rv.toArray(new double[0][]))
                .withMeta(rdfMeta);
        return StepData.empty().with(DESCRIPTORS, table).with(RDF, rdf);
    }

    /** All descriptors and the RDF of one sample. */
    static Row describe(Sample s, List<SiteDescriptor> descriptors, int ncol, Options o, RadialDistribution.Grid grid,
                        Element partner) {
        Frame seen = o.box().apply(s.frame(), o.boxSize());
        SiteEnvironment env = SiteEnvironment.of(seen, s.site());
        double[] values = new double[ncol];
        int k = 0;
        for (SiteDescriptor d : descriptors) {
            double[] v;
            try {
                v = d.compute(env);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(d.columns().get(0) + ": " + e.getMessage(), e);
            }
            System.arraycopy(v, 0, values, k, v.length);
            k += v.length;
        }
        double[] g = RadialDistribution.of(s.frame(), s.site(), RadialDistribution.partners(s.frame(), s.site(), partner), grid,
                o.rdfSigma(), o.rdfPeriodic());
        return new Row(s.id(), values, g);
    }

    /** The descriptor columns follow from the methods, the RDF's from its grid: both known before running. */
    @Override
    public TableColumns outputColumns(String output, Options o, Map<String, TableColumns> inputs) {
        if (output.equals(DESCRIPTORS.name())) {
            List<String> columns = new ArrayList<>();
            o.methods().forEach(m -> columns.addAll(SiteDescriptor.named(m).columns()));
            return TableColumns.numeric(columns);
        }
        if (output.equals(RDF.name())) {
            RadialDistribution.Grid grid = new RadialDistribution.Grid(o.rdfRmin(), o.rdfRmax(), o.rdfBins());
            return TableColumns.of(SampleTable.spectra(List.of(), "g", new Axis("r", "Å", grid.centres()), new double[0][]));
        }
        return null;
    }
}
