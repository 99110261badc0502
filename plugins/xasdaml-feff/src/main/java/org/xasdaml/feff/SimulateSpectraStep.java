package org.xasdaml.feff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xasdaml.structure.SampleId;
import org.xasdaml.structure.StructureSet;
import org.xasdaml.table.Axis;
import org.xasdaml.table.SampleTable;
import org.xasdaml.workflow.Category;
import org.xasdaml.workflow.InvalidParameterException;
import org.xasdaml.workflow.Param;
import org.xasdaml.workflow.Port;
import org.xasdaml.workflow.PortTypes;
import org.xasdaml.workflow.SampleFailure;
import org.xasdaml.workflow.Step;
import org.xasdaml.workflow.StepContext;
import org.xasdaml.workflow.StepData;
import org.xasdaml.workflow.StepInfo;
import org.xasdaml.feff.slurm.SlurmFeffRun;
import org.xasdaml.feff.slurm.SlurmSettings;

/**
 * Simulates μ(E) and χ(k) of every sample with Feff8L (paper module M1).
 *
 * <p>μ is stored on one absolute photon-energy grid for the batch: Feff8L writes μ on omega = edge
 * energy + ħ²k²/2m over its fixed k grid, the same shape for every sample but shifted by each sample's
 * own edge energy, so the table's grid is FEFF's grid of the highest-starting sample cut to the range
 * every sample covers, and each sample's μ is interpolated linearly onto it (never extrapolated). Each
 * sample's raw omega, e, k, μ, μ₀ stay in its {@code result.txt} in the work folder. χ is stored on FEFF's k grid 0.05 … kmax Å⁻¹ (k = 0 dropped, where χ carries no
 * information and every k-weighted χ vanishes).
 */
public final class SimulateSpectraStep implements Step<SimulateSpectraStep.Options> {

    public static final Port<StructureSet> STRUCTURES = Port.of("structures", PortTypes.STRUCTURES,
            "Frames and the samples (frame, absorbing site) to simulate");
    public static final Port<SampleTable> MU = Port.of("mu", PortTypes.TABLE,
            "μ(E) per sample on one absolute photon-energy grid every sample covers (axis energy, eV)");
    public static final Port<SampleTable> CHI = Port.of("chi", PortTypes.TABLE,
            "χ(k) per sample, unweighted, on FEFF's k grid 0.05 … kmax (axis k, Å⁻¹)");
    public static final Port<SampleTable> RUNS = Port.of("runs", PortTypes.TABLE,
            "Per sample: e0 (FEFF's Fermi level as an absolute energy, eV) and the seconds its FEFF stages took");

    /** Parameters of the FEFF simulation. */
    public record Options(
            @Param(label = "Absorption edge", description = "Absorption edge (the reference used L3, which gives almost no EXAFS for Cu; K is the default)",
                    choices = {"K", "L1", "L2", "L3", "M1", "M2", "M3", "M4", "M5"})
            String edge,
            @Param(label = "FEFF card preset", description = "Card preset: default = the reference's cards at the chosen edge without DEBYE; reference = "
                    + "the reference's cards exactly (EDGE L3, DEBYE 300 160, SCF), overriding edge and the DEBYE options",
                    choices = {"default", "reference"})
            String preset,
            @Param(label = "Add thermal disorder (Debye model)", group = "Thermal disorder", description = "Write a DEBYE card (correlated Debye σ²). Off by default: MD snapshots already carry their "
                    + "thermal disorder")
            boolean debye,
            @Param(label = "Sample temperature", group = "Thermal disorder", appliesWhen = "debye=true", description = "DEBYE card: sample temperature", unit = "K", min = 0)
            double temperature,
            @Param(label = "Debye temperature", group = "Thermal disorder", appliesWhen = "debye=true", description = "DEBYE card: Debye temperature", unit = "K", min = 1)
            double debyeTemperature,
            @Param(label = "Write CFAVERAGE", group = "Potentials", description = "Write the reference's CFAVERAGE 1 1 0 card (always on with preset reference). Off by default, "
                    + "as pymatgen writes no CFAVERAGE unless asked: Feff8L reads its first number as the absorbers' "
                    + "potential index, which is 1 (the other atoms), not the absorber's 0", advanced = true)
            boolean cfaverage,
            @Param(label = "Potential calculation", group = "Potentials", description = "local-scf = every stage per sample with "
                    + "self-consistent potentials over the absorber and its first shell (localScfRadius, 3 Å): within "
                    + "0.3 % of full SCF at a 28th (clusters) to a 67th (bulk) of its CPU; environment = self-consistent potentials of a few "
                    + "representatives per group of similar absorber environments, kept in a potential library, each sample "
                    + "taking its nearest representative's (then paths, amplitudes and χ per sample); full = every stage "
                    + "with self-consistent potentials per sample over scfRadius; shared-potential = one set of potentials "
                    + "per group of consecutive samples; no-scf = every stage per sample without the SCF card",
                    choices = {"local-scf", "environment", "full", "shared-potential", "no-scf"})
            String mode,
            @Param(label = "Groups of similar environments", group = "Potentials", appliesWhen = "mode=environment", description = "environment mode: number of groups of similar environments (k-means on the radial "
                    + "distributions around the absorber and its nearest neighbour)", min = 1)
            int groups,
            @Param(label = "Representatives per group", group = "Potentials", appliesWhen = "mode=environment", description = "environment mode: representatives with full SCF per group", min = 1)
            int representativesPerGroup,
            @Param(label = "Potential library folder", group = "Potentials", appliesWhen = "mode=environment", folder = true, description = "environment mode: folder of the potential library, shared by later runs of the same kind "
                    + "(empty = potentials/ in the work folder)", file = true)
            String potentialLibrary,
            @Param(label = "Grouping seed", group = "Potentials", appliesWhen = "mode=environment", description = "environment mode: seed of the k-means grouping", advanced = true)
            long seed,
            @Param(label = "Target error of shared potentials", group = "Potentials", appliesWhen = "mode=environment", description = "environment mode: "
                    + "each set of potentials is checked by computing its representative with the potentials of the nearest "
                    + "other set (k²χ relative difference, 2–12 Å⁻¹); sets above this get another representative among their "
                    + "samples (0 = no checks, k-means representatives only)", unit = "fraction", min = 0, max = 1)
            double targetError,
            @Param(label = "Most representatives", group = "Potentials", appliesWhen = "mode=environment", description = "environment mode: most "
                    + "representatives with full SCF as a share of the samples (at least groups × representatives per group); "
                    + "caps the CPU the target error may cost", unit = "fraction", min = 0, max = 1, advanced = true)
            double mostRepresentatives,
            @Param(label = "Samples sharing one set of potentials", group = "Potentials", appliesWhen = "mode=shared-potential", description = "shared-potential mode: number of consecutive samples sharing one set of potentials "
                    + "(0 = one set for the whole batch)", min = 0)
            int groupSize,
            @Param(label = "Self-consistency radius", group = "Potentials", appliesWhen = "mode=environment|full|shared-potential", description = "SCF card: radius of the self-consistency cluster", unit = "Å", min = 0.5, advanced = true)
            double scfRadius,
            @Param(label = "Most self-consistency iterations", group = "Potentials", appliesWhen = "mode=environment|full|shared-potential", description = "SCF card: largest number of iterations", min = 1, advanced = true)
            int scfIterations,
            @Param(label = "Longest half path length", group = "Scattering paths", description = "RPATH: longest half path length", unit = "Å", min = 0.5)
            double rpath,
            @Param(label = "Most legs per scattering path", group = "Scattering paths", description = "NLEGS: most legs per scattering path", min = 2, max = 8)
            int nlegs,
            @Param(label = "Curved-wave importance cut-off", group = "Scattering paths", description = "CRITERIA: curved-wave importance cut-off", unit = "%", min = 0, advanced = true)
            double critCurved,
            @Param(label = "Plane-wave importance cut-off", group = "Scattering paths", description = "CRITERIA: plane-wave importance cut-off", unit = "%", min = 0, advanced = true)
            double critPlane,
            @Param(label = "Amplitude reduction factor S0²", group = "Spectrum", description = "S02: amplitude reduction factor", min = 0.01, max = 2, advanced = true)
            double s02,
            @Param(label = "Largest photoelectron wavenumber k", group = "Spectrum", description = "EXAFS card: largest k", unit = "Å⁻¹", min = 1, max = 20, advanced = true)
            double kmax,
            @Param(label = "Cluster radius around the absorber", description = "Atoms within this distance of the absorber go into feff.inp (20 Å takes a 108-atom "
                    + "cluster whole, as the reference); a periodic crystal is cut to the largest sphere within it holding "
                    + "at most 1000 atoms, Feff8L's limit (about 14 Å for bulk Cu)", unit = "Å", min = 1)
            double clusterRadius,
            @Param(label = "Time limit per sample", group = "Running FEFF", description = "Largest wall time of one sample's FEFF run; a sample over it is killed and recorded as "
                    + "failed", unit = "s", min = 1)
            double timeLimit,
            @Param(label = "FEFF runs at once", group = "Running FEFF", description = "FEFF runs at once (0 = as many as cores)", min = 0)
            int workers,
            @Param(label = "FEFF program folder", group = "Running FEFF", folder = true, description = "Folder holding feff8l_rdinp … feff8l_ff2x (empty = search the PATH)", file = true,
                    advanced = true)
            String feffBin,
            @Param(label = "Keep all FEFF files", group = "Running FEFF", description = "Keep every FEFF file of finished samples (about 1 MB each) instead of only feff.inp, "
                    + "feff.log and the result", advanced = true)
            boolean keepFiles,
            @Param(label = "Where FEFF runs", group = "Running FEFF", description = "Where FEFF runs: local = on this machine; slurm = one Slurm job array whose tasks each run "
                    + "a shard of samples on a cluster node (the work folder must be on a file system the nodes share)",
                    choices = {"local", "slurm"})
            String executor,
            @Param(label = "Partition", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: partition (empty = the cluster's default)", advanced = true)
            String slurmPartition,
            @Param(label = "Account", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: account charged (empty = your default)", advanced = true)
            String slurmAccount,
            @Param(label = "Time limit per task", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: wall-time limit of one array task, as minutes, H:MM:SS or D-HH:MM:SS (empty = the "
                    + "partition's default)", advanced = true)
            String slurmTime,
            @Param(label = "CPUs per task", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: CPUs per array task; the task runs as many FEFF workers", min = 1, advanced = true)
            int slurmCpus,
            @Param(label = "Memory per task", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: memory per array task, e.g. 4G or 2000M (empty = the partition's default)",
                    advanced = true)
            String slurmMemory,
            @Param(label = "Samples per task", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: samples packed into one array task", min = 1, advanced = true)
            int samplesPerTask,
            @Param(label = "Extra sbatch options", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: extra #SBATCH options, one per item, e.g. --qos=short,--constraint=avx2",
                    advanced = true)
            List<String> slurmExtra,
            @Param(label = "Command starting xasdaml on the nodes", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: command that starts xasdaml on the nodes, one word per item (empty = this "
                    + "installation's xasdaml script); a wrapper script that loads modules fits here", advanced = true)
            List<String> slurmLauncher,
            @Param(label = "Slurm configuration file", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: configuration file for sbatch, squeue, scontrol and scancel (empty = the "
                    + "cluster's default or SLURM_CONF)", file = true, advanced = true)
            String slurmConf,
            @Param(label = "Submit without waiting", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: submit and return at once; rerun the same command to collect the results")
            boolean noWait,
            @Param(label = "Queue polling interval", group = "Slurm cluster", appliesWhen = "executor=slurm", description = "slurm: seconds between looks at the queue while waiting", unit = "s", min = 0.1,
                    advanced = true)
            double slurmPoll,
            @Param(label = "Threshold energy of μ(E)", group = "Spectrum", description = "Energy at which every sample's μ(E) "
                    + "starts (FEFF's threshold, k = 0): 0 = FEFF's own absolute energies, which differ between sets of "
                    + "potentials, so the μ(E) grid is known only after running; a value puts every sample on one grid "
                    + "E = value + ħ²k²/2m on FEFF's k grid (0 … 20 Å⁻¹ by 0.05), known from the settings, so KNIME can "
                    + "configure the nodes after it (FEFF's absolute edge energies are uncertain by a few eV anyway)",
                    unit = "eV", min = 0, advanced = true)
            double muThreshold,
            @Param(label = "Local self-consistency radius", group = "Potentials", appliesWhen = "mode=local-scf", description = "local-scf "
                    + "mode: radius of each sample's own self-consistency cluster (the SCF card's radius in this mode); "
                    + "3 Å holds the absorber and its first shell in Cu, 2.4 Å cuts that shell (5 % error against full SCF)",
                    unit = "Å", min = 0.5, advanced = true)
            double localScfRadius,
            @Param(label = "Local self-consistency iterations", group = "Potentials", appliesWhen = "mode=local-scf", description = "local-scf "
                    + "mode: most iterations of each sample's own SCF (the SCF card's nscmt in this mode); FEFF's SCF costs about "
                    + "the same per iteration and converges in 8-11 on Cu, while the spectra change little after the first few",
                    min = 1, advanced = true)
            int localScfIterations,
            @Param(label = "Local self-consistency convergence factor", group = "Potentials", appliesWhen = "mode=local-scf",
                    description = "local-scf mode: the SCF card's convergence factor ca (how much of the new density the first "
                    + "iteration mixes in, Broyden mixing after it; the reference's 0.1; Feff8L accepts at most 0.5): 0.3 converges in "
                    + "7-8 iterations instead of 10-11 on Cu, about a quarter less CPU, but lands up to 2.3 % away from full SCF "
                    + "on some frames", min = 0.01, max = 0.5, advanced = true)
            double localScfMixing,
            @Param(label = "Potentials of periodic frames", group = "Potentials", description = "same = periodic frames "
                    + "(crystals, periodic MD cells) get their potentials by the mode above like any other frame; environment = "
                    + "they share the self-consistent potentials of representatives by environment (the environment mode, with "
                    + "its groups, representatives, target error and library; in the dialog those show with mode environment), "
                    + "whatever the mode does for the other frames. Why: a crystal's absorber environments repeat, so sharing "
                    + "costs little accuracy there (bulk Cu at the main job's cards: 1-1.4 % from full SCF, as local-scf's "
                    + "1.0-1.2 %), while a 1000-atom bulk frame costs local-scf 5-7 CPU-s, twice a cluster frame; clusters, "
                    + "whose sites differ, stay per sample (environment sharing 3-7 % there)",
                    choices = {"same", "environment"}, advanced = true)
            String periodicMode) {

        public Options {
            try {
                cards(edge, preset, debye, temperature, debyeTemperature, cfaverage, scfRadius, scfIterations, rpath, nlegs,
                        critCurved, critPlane, s02, kmax);
                FeffMode.of(mode);
                if (!(localScfRadius > 0)) {
                    throw InvalidParameterException.of("localScfRadius", "local self-consistency radius %s must be positive",
                            localScfRadius);
                }
                if (!(localScfMixing > 0 && localScfMixing <= 0.5)) {
                    throw InvalidParameterException.of("localScfMixing", "local self-consistency convergence factor %s must lie in "
                            + "(0, 0.5] (Feff8L refuses a larger one)", localScfMixing);
                }
                if (!periodicMode.equals("same") && !periodicMode.equals("environment")) {
                    throw InvalidParameterException.of("periodicMode", "unknown potentials of periodic frames '%s'; use same or "
                            + "environment", periodicMode);
                }
                if (localScfIterations < 1) {
                    throw InvalidParameterException.of("localScfIterations", "local self-consistency iterations %d must be at least 1",
                            localScfIterations);
                }
            } catch (InvalidParameterException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(null, e.getMessage());
            }
            if (!(clusterRadius > 0)) {
                throw InvalidParameterException.of("clusterRadius", "cluster radius %s must be positive", clusterRadius);
            }
            if (!(timeLimit > 0)) {
                throw InvalidParameterException.of("timeLimit", "time limit %s must be positive", timeLimit);
            }
            if (!(muThreshold >= 0)) {
                throw InvalidParameterException.of("muThreshold", "threshold energy %s must be 0 (FEFF's own) or positive", muThreshold);
            }
            if (workers < 0) {
                throw InvalidParameterException.of("workers", "workers %d must be >= 0", workers);
            }
            if (groupSize < 0) {
                throw InvalidParameterException.of("groupSize", "group size %d must be >= 0", groupSize);
            }
            if (groups < 1) {
                throw InvalidParameterException.of("groups", "number of environment groups %d must be at least 1", groups);
            }
            if (representativesPerGroup < 1) {
                throw InvalidParameterException.of("representativesPerGroup", "representatives per group %d must be at least 1",
                        representativesPerGroup);
            }
            if (!(targetError >= 0 && targetError <= 1)) {
                throw InvalidParameterException.of("targetError", "target error %s must lie in 0 … 1 (0.03 = 3 %%)", targetError);
            }
            if (!(mostRepresentatives >= 0 && mostRepresentatives <= 1)) {
                throw InvalidParameterException.of("mostRepresentatives", "most representatives %s must lie in 0 … 1 (a share of the "
                        + "samples)", mostRepresentatives);
            }
            slurmExtra = List.copyOf(slurmExtra);
            slurmLauncher = List.copyOf(slurmLauncher);
            if (!executor.equals("local") && !executor.equals("slurm")) {
                throw InvalidParameterException.of("executor", "unknown executor '%s'; use local or slurm", executor);
            }
            // validates every value that goes into the job script (fields are not assigned yet: use the parameters)
            new SlurmSettings(slurmPartition, slurmAccount, slurmTime, slurmCpus, slurmMemory, samplesPerTask, slurmExtra,
                    slurmLauncher, slurmConf, !noWait, slurmPoll);
        }

        /** The Slurm executor's settings these options describe. */
        public SlurmSettings slurm() {
            return new SlurmSettings(slurmPartition, slurmAccount, slurmTime, slurmCpus, slurmMemory, samplesPerTask,
                    slurmExtra, slurmLauncher, slurmConf, !noWait, slurmPoll);
        }

        /** The batch settings these options describe. */
        public FeffBatch.Settings settings() {
            return new FeffBatch.Settings(modeCards(), clusterRadius, FeffMode.of(mode), groupSize, timeLimit, keepFiles,
                    new EnvironmentPotentials.Settings(groups, representativesPerGroup,
                            potentialLibrary.isBlank() ? null : Path.of(potentialLibrary), seed, targetError, mostRepresentatives));
        }

        /** Whether periodic frames take their potentials by environment while the others follow another mode. */
        public boolean periodicByEnvironment() {
            return periodicMode.equals("environment") && FeffMode.of(mode) != FeffMode.ENVIRONMENT;
        }

        /** The cards these options describe (before the mode drops SCF or narrows it to localScfRadius). */
        public FeffCards cards() {
            return cards(edge, preset, debye, temperature, debyeTemperature, cfaverage, scfRadius, scfIterations, rpath, nlegs,
                    critCurved, critPlane, s02, kmax);
        }

        /**
         * The cards each sample's feff.inp gets in this mode: in local-scf mode the SCF card's radius is
         * localScfRadius, its most iterations localScfIterations and its convergence factor localScfMixing.
         */
        public FeffCards modeCards() {
            return FeffMode.of(mode) != FeffMode.LOCAL_SCF ? cards() : cards().withLocalScf(localScfRadius, localScfIterations,
                    localScfMixing);
        }

        private static FeffCards cards(String edge, String preset, boolean debye, double temperature, double debyeTemperature,
                                       boolean cfaverage, double scfRadius, int scfIterations, double rpath, int nlegs, double critCurved,
                                       double critPlane, double s02, double kmax) {
            FeffCards.Scf scf = new FeffCards.Scf(scfRadius, 0, scfIterations, 0.1, 1);
            switch (preset) {
                case "reference":
                    FeffCards r = FeffCards.reference();
                    return new FeffCards(r.edge(), s02, kmax, rpath, nlegs, critCurved, critPlane, scf, 0, 0.0, 0.6, r.debye(), true);
                case "default":
                    if (!FeffCards.EDGES.contains(edge)) {
                        throw InvalidParameterException.of("edge", "unknown edge '%s'", edge);
                    }
                    return new FeffCards(edge, s02, kmax, rpath, nlegs, critCurved, critPlane, scf, 0, 0.0, 0.6,
                            debye ? new FeffCards.Debye(temperature, debyeTemperature) : null, cfaverage);
                default:
                    throw InvalidParameterException.of("preset", "unknown preset '%s'; use default or reference", preset);
            }
        }
    }

    @Override
    public StepInfo info() {
        return new StepInfo("feff", List.of("feff", "run"), "FEFF Spectra", Category.DATASET_CALCULATION, "M1",
                "Simulates μ(E) and χ(k) of every sample with Feff8L (Debian's feff85exafs).",
                """
                Writes a feff.inp per sample as pymatgen's FEFFDictSet does (absorber at the origin as potential 0 with \
                stoichiometry 0.0001, one potential per element with its count in the structure, every atom within the \
                cluster radius) with the reference's cards (CONTROL, EXAFS 20, RPATH 7, SCF 6.8 0 30 0.1 1, \
                EXCHANGE 0 0 0.6, NLEGS 8, CRITERIA 0 1.5, S02 1) at the K edge, without DEBYE and without CFAVERAGE \
                (option cfaverage); the preset "reference" gives the reference's cards exactly (L3, DEBYE 300 160, \
                CFAVERAGE 1 1 0).

                Each sample runs the Feff8L programs in its own folder of the work folder, with a time limit, its \
                log kept. A failing or hanging sample is recorded with FEFF's message and the batch goes on. A rerun \
                of the same command skips finished samples, even after the process was killed.

                The self-consistent potentials cost nearly all the time (about 100 CPU-s of a 108-atom Cu cluster with \
                the SCF radius of 6.8 Å). Mode local-scf (the default) computes them for every sample over its absorber \
                and first shell only (localScfRadius, 3 Å; 4 CPU-s a cluster frame, 7 a bulk one): k²χ within 0.3 % (mean) of full \
                SCF, the edge energy within 0.03 eV. Mode environment groups the samples by the radial distributions around the absorber and \
                its nearest neighbour (k-means, groups × representativesPerGroup representatives), computes full SCF \
                for the representatives only, keeps them in a potential library that later runs of the same kind \
                reuse, and gives every sample the potentials of its nearest representative (column representative of \
                the runs table). Each set of potentials is then checked (its representative computed with the \
                nearest other set's potentials); sets above targetError (3 %) get another representative, up to \
                mostRepresentatives (4 %) of the samples. Mode full computes them for every sample, shared-potential once per group of \
                consecutive samples, no-scf never. Errors against full per-sample runs: \
                org.xasdaml.feff.bench.PotentialBench.

                Outputs: mu (μ interpolated onto FEFF's energy grid of one sample, cut to the range all samples cover; or, with \
                muThreshold, every sample's rows moved so that its threshold k = 0 sits at that energy), \
                chi (χ on 0.05 … kmax Å⁻¹) and runs (FEFF's Fermi level e0 and seconds per sample).""",
                List.of(STRUCTURES), List.of(MU, CHI, RUNS));
    }

    @Override
    public Options defaults() {
        EnvironmentPotentials.Settings env = EnvironmentPotentials.Settings.defaults();
        return new Options("K", "default", false, 300, 160, false, "local-scf", env.groups(), env.perGroup(), "", env.seed(),
                env.targetError(), env.mostShare(), 0,
                6.8, 30, 7.0, 8, 0.0, 1.5, 1.0, 20.0, 20.0, 3600, 0, "", false, "local", "", "", "", 4, "", 50, List.of(), List.of(),
                "", false, 10, 0, DEFAULT_LOCAL_SCF_RADIUS, DEFAULT_LOCAL_SCF_ITERATIONS, DEFAULT_LOCAL_SCF_MIXING, "same");
    }

    @Override
    public StepData run(StepData inputs, Options o, StepContext context) {
        StructureSet set = inputs.get(STRUCTURES);
        boolean slurm = o.executor().equals("slurm");
        // on a cluster's login node FEFF may be missing: only the nodes run it
        FeffProgram feff = slurm ? null : FeffProgram.locate(o.feffBin());
        FeffBatch.Settings settings = o.settings();
        Path work = context.workDir();
        FeffBatch.Outcome out;
        if (!o.periodicByEnvironment()) {
            out = batch(set, o, feff, work, context, 0, 1);
        } else {
            // periodic frames by environment in a work folder of their own (its plan and library apart from the
            // per-sample folders of the others); each part's progress is its share of the samples
            List<SampleId> crystals = new ArrayList<>();
            List<SampleId> others = new ArrayList<>();
            for (org.xasdaml.structure.Sample x : set.sampleList()) {
                (x.frame().periodic() ? crystals : others).add(x.id());
            }
            double share = (double) others.size() / set.samples().size();
            // the periodic part is an environment-mode batch in every respect, also for the Slurm nodes, which
            // rebuild a batch's settings from its options
            Options periodic = parameters().fromText(o, Map.of("mode", FeffMode.ENVIRONMENT.label(), "periodicMode", "same"));
            FeffBatch.Outcome a = others.isEmpty() ? null : batch(set.select(others), o, feff, work, context, 0, share);
            FeffBatch.Outcome b = crystals.isEmpty() ? null
                    : batch(set.select(crystals), periodic, feff, work.resolve(PERIODIC_WORK), context, share, 1 - share);
            out = joined(set.samples(), a, b);
        }
        recordVersion(out, work, feff, context);
        if (out.results().isEmpty()) {
            throw new FeffException("FEFF gave no spectrum for any of " + set.samples().size() + " samples; first failure: "
                    + (context.failures().isEmpty() ? "none recorded" : context.failures().get(0)));
        }
        Tables t = tables(out.results(), o.kmax(), o.muThreshold(), context);
        if (!out.choices().isEmpty()) {
            t = new Tables(t.mu(), t.chi(), withRepresentatives(t.runs(), out.choices()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("feff.mode", o.periodicByEnvironment() ? o.mode() + "; periodic frames: environment" : o.mode());
        meta.put("feff.edge", settings.effectiveCards().edge());
        meta.put("feff.cards", String.join("; ", settings.effectiveCards().lines()));
        return StepData.empty().with(MU, t.mu.withMeta(meta)).with(CHI, t.chi.withMeta(meta)).with(RUNS, t.runs);
    }

    /** Work folder of the periodic frames when they take their potentials by environment. */
    static final String PERIODIC_WORK = "periodic";

    /** One batch by the given options, locally or on Slurm, its progress mapped onto [from, from + share] of the step's. */
    private FeffBatch.Outcome batch(StructureSet set, Options o, FeffProgram feff, Path work, StepContext context, double from,
                                    double share) {
        StepContext ctx = new ContextPart(context, o.workers() > 0 ? o.workers() : context.workers(), from, share);
        return o.executor().equals("slurm")
                ? new SlurmFeffRun(o.slurm(), parameters().toText(o)).run(set, o.settings(), work, ctx)
                : FeffBatch.run(set.sampleList(), o.settings(), feff, work, ctx);
    }

    /** Two batches' outcomes as one, results in the order of the step's samples. */
    static FeffBatch.Outcome joined(List<SampleId> order, FeffBatch.Outcome a, FeffBatch.Outcome b) {
        Map<SampleId, FeffResult> byId = new HashMap<>();
        int reused = 0;
        int computed = 0;
        List<FeffBatch.SharedPotential> shared = new ArrayList<>();
        Map<SampleId, EnvironmentPotentials.Choice> choices = new LinkedHashMap<>();
        for (FeffBatch.Outcome x : new FeffBatch.Outcome[] {a, b}) {
            if (x == null) {
                continue;
            }
            x.results().forEach(r -> byId.put(r.id(), r));
            reused += x.reused();
            computed += x.computed();
            shared.addAll(x.shared());
            choices.putAll(x.choices());
        }
        List<FeffResult> results = new ArrayList<>();
        for (SampleId id : order) {
            FeffResult r = byId.get(id);
            if (r != null) {
                results.add(r);
            }
        }
        return new FeffBatch.Outcome(results, reused, computed, shared, choices);
    }

    private static void recordVersion(FeffBatch.Outcome out, Path work, FeffProgram feff, StepContext context) {
        String version = "unknown";
        for (FeffResult r : out.results()) {
            Path log = FeffBatch.sampleFolder(work, r.id()).resolve(FeffProgram.LOG);
            if (!Files.isRegularFile(log)) {
                log = FeffBatch.sampleFolder(work.resolve(PERIODIC_WORK), r.id()).resolve(FeffProgram.LOG);
            }
            if (Files.isRegularFile(log)) {
                version = FeffProgram.versionFromLog(log);
                break;
            }
        }
        context.recordSoftware("feff", version + " (feff85exafs, " + (feff == null ? "on the Slurm nodes" : feff.binDir()) + ")");
    }

    /**
     * The runs table with the environment mode's choice per sample: text column {@code representative}
     * (source sample and library entry of its potentials) and {@code environment_distance} (distance of its
     * environment vector to the representative's; 0 for a representative itself).
     */
    static SampleTable withRepresentatives(SampleTable runs, Map<SampleId, EnvironmentPotentials.Choice> choices) {
        String[] rep = new String[runs.ids().size()];
        double[] dist = new double[rep.length];
        for (int i = 0; i < rep.length; i++) {
            EnvironmentPotentials.Choice c = choices.get(runs.ids().get(i));
            rep[i] = c == null ? "" : c.label();
            dist[i] = c == null ? Double.NaN : c.distance();
        }
        return runs.withColumn("environment_distance", dist).withText("representative", rep);
    }

    /** The three output tables. */
    public record Tables(SampleTable mu, SampleTable chi, SampleTable runs) {
    }

    /**
     * Builds the tables from finished samples; a sample whose grids cannot be matched is recorded as failed.
     *
     * <p>Feff8L's omega grid is the same shape for every sample (the edge energy plus ħ²k²/2m on its fixed
     * k grid) but shifted by each sample's own edge energy (a few tenths of an eV between MD frames).
     * The common grid is the grid of the sample that starts highest, cut where the first sample to end
     * ends, so that every sample is interpolated (linearly) inside its own data and none is extrapolated.
     */
    public static Tables tables(List<FeffResult> results, StepContext context) {
        return tables(results, Double.POSITIVE_INFINITY, context);
    }

    /**
     * The tables, χ cut at {@code kmax}: Feff8L's ff2x writes χ to 20 Å⁻¹ whatever the EXAFS card
     * says, so the step cuts it to the k range the user asked for.
     */
    public static Tables tables(List<FeffResult> results, double kmax, StepContext context) {
        return tables(results, kmax, 0, context);
    }

    /**
     * The tables, μ(E) on FEFF's own energies ({@code threshold} 0) or with every sample's threshold
     * (its k = 0 row) moved to {@code threshold} eV, on the grid {@link #thresholdGrid}: the same
     * rows FEFF wrote, each sample shifted by one constant, so nothing is interpolated but the
     * rounding of xmu.dat's energies.
     */
    public static Tables tables(List<FeffResult> results, double kmax, double threshold, StepContext context) {
        double[] omega = threshold > 0 ? thresholdGrid(threshold) : commonEnergyGrid(results);
        double[] fullK = results.get(0).output().chiWithoutZero()[0];
        int nk = 0;
        while (nk < fullK.length && fullK[nk] <= kmax + 1e-9) {
            nk++;
        }
        double[] k = java.util.Arrays.copyOf(fullK, Math.max(nk, 1));
        List<SampleId> ids = new ArrayList<>();
        List<double[]> mus = new ArrayList<>();
        List<double[]> chis = new ArrayList<>();
        List<double[]> runs = new ArrayList<>();
        for (FeffResult r : results) {
            FeffOutput o = r.output();
            try {
                double[] mu = onGrid(threshold > 0 ? fromThreshold(o, threshold) : o.omega(), o.mu(), omega, "energy");
                double[][] c = o.chiWithoutZero();
                double[] chi = onGrid(c[0], c[1], k, "k");
                ids.add(r.id());
                mus.add(mu);
                chis.add(chi);
                runs.add(new double[] {o.omega()[0] - o.e()[0], r.seconds()});
            } catch (IllegalArgumentException e) {
                context.recordFailure(new SampleFailure(r.id(), "feff tables", e.getMessage()));
            }
        }
        SampleTable mu = SampleTable.spectra(ids, "mu", new Axis("energy", "eV", omega), mus.toArray(new double[0][]));
        SampleTable chi = SampleTable.spectra(ids, "chi", new Axis("k", "Å⁻¹", k), chis.toArray(new double[0][]));
        SampleTable run = SampleTable.ofRows(ids, List.of("e0", "seconds"), runs.toArray(new double[0][]));
        return new Tables(mu, chi, run);
    }

    /**
     * The μ(E) grid of a stated threshold energy: {@code threshold + KTOE·k²} on FEFF's k grid
     * (0 … 20 Å⁻¹ by 0.05), the energies Feff8L's xmu.dat has above its own threshold (checked on
     * its rows: omega − omega(k = 0) = KTOE·k² to xmu.dat's 1 meV rounding).
     */
    static double[] thresholdGrid(double threshold) {
        int n = (int) Math.round(FEFF_KMAX / FEFF_KSTEP) + 1;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double k = FEFF_KSTEP * i;
            e[i] = threshold + org.xasdaml.xafs.XafsConstants.KTOE * k * k;
        }
        return e;
    }

    /** A sample's energies moved by one constant so that its k = 0 row sits at {@code threshold}. */
    static double[] fromThreshold(FeffOutput o, double threshold) {
        double[] k = o.k();
        int zero = -1;
        for (int i = 0; i < k.length; i++) {
            if (Math.abs(k[i]) < 1e-6) {
                zero = i;
                break;
            }
        }
        if (zero < 0) {
            throw new IllegalArgumentException("its xmu.dat has no k = 0 row to put at the threshold energy");
        }
        double shift = threshold - o.omega()[zero];
        double[] e = o.omega().clone();
        for (int i = 0; i < e.length; i++) {
            e[i] += shift;
        }
        return e;
    }

    /** The energy grid every sample covers: the highest-starting sample's omega, up to the lowest end. */
    static double[] commonEnergyGrid(List<FeffResult> results) {
        double[] best = null;
        double end = Double.POSITIVE_INFINITY;
        for (FeffResult r : results) {
            double[] w = r.output().omega();
            if (best == null || w[0] > best[0]) {
                best = w;
            }
            end = Math.min(end, w[w.length - 1]);
        }
        int n = 0;
        while (n < best.length && best[n] <= end + 1e-9) {
            n++;
        }
        if (n < best.length / 2) {
            throw new FeffException(String.format(Locale.ROOT,
                    "the samples' energy ranges hardly overlap (%.1f … %.1f eV in common): different absorbing elements or "
                            + "edges in one batch? Simulate them in separate batches", best[0], end));
        }
        return java.util.Arrays.copyOf(best, n);
    }

    /** y(x) on a grid: the values themselves when x is the grid, else linear interpolation inside x's range. */
    static double[] onGrid(double[] x, double[] y, double[] grid, String what) {
        if (x.length == grid.length) {
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(x[i] - grid[i]));
            }
            if (worst <= 1e-6 * Math.max(1, Math.abs(grid[grid.length - 1]))) {
                return y.clone();
            }
        }
        if (grid[0] < x[0] - 1e-9 || grid[grid.length - 1] > x[x.length - 1] + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "its %s grid (%.4f … %.4f) does not cover the batch's common grid (%.4f … %.4f): another absorbing "
                            + "element or edge in the same batch?", what, x[0], x[x.length - 1], grid[0], grid[grid.length - 1]));
        }
        double[] out = new double[grid.length];
        int j = 0;
        for (int i = 0; i < grid.length; i++) {
            double g = grid[i];
            while (j < x.length - 2 && x[j + 1] < g) {
                j++;
            }
            double t = (g - x[j]) / (x[j + 1] - x[j]);
            out[i] = y[j] + Math.max(0, Math.min(1, t)) * (y[j + 1] - y[j]);
        }
        return out;
    }

    /**
     * The context of one part of the step: its own number of workers (the FEFF option may run fewer than the
     * run's), its progress a share of the step's.
     */
    private record ContextPart(StepContext inner, int workers, double from, double share) implements StepContext {
        @Override
        public void progress(double fraction, String message) {
            inner.progress(from + share * fraction, message);
        }

        @Override
        public boolean isCancelled() {
            return inner.isCancelled();
        }

        @Override
        public Path workDir() {
            return inner.workDir();
        }

        @Override
        public void warn(String message) {
            inner.warn(message);
        }

        @Override
        public void recordFailure(SampleFailure failure) {
            inner.recordFailure(failure);
        }

        @Override
        public List<SampleFailure> failures() {
            return inner.failures();
        }

        @Override
        public void recordSoftware(String name, String version) {
            inner.recordSoftware(name, version);
        }

        @Override
        public void recordProvenance(String name, Object value) {
            inner.recordProvenance(name, value);
        }
    }

    /**
     * χ is on FEFF's fixed k grid (0.05 Å⁻¹ apart, written to 20 Å⁻¹) cut at kmax, and the runs
     * table's columns follow from the mode; μ(E) is known before running only with a stated threshold
     * energy (muThreshold), else its energies start at the threshold FEFF computes for the structures.
     */
    @Override
    public org.xasdaml.workflow.TableColumns outputColumns(String output, Options o,
                                                           Map<String, org.xasdaml.workflow.TableColumns> inputs) {
        if (output.equals(RUNS.name())) {
            org.xasdaml.workflow.TableColumns runs = org.xasdaml.workflow.TableColumns.numeric(List.of("e0", "seconds"));
            return o.mode().equals("environment") || o.periodicByEnvironment()
                    ? runs.plusNumeric(List.of("environment_distance")).plusText(List.of("representative")) : runs;
        }
        if (output.equals(MU.name())) {
            return o.muThreshold() > 0 ? org.xasdaml.workflow.TableColumns.spectra("mu", thresholdGrid(o.muThreshold())) : null;
        }
        if (!output.equals(CHI.name())) {
            return null;
        }
        int n = (int) Math.floor(Math.min(o.kmax(), FEFF_KMAX) / FEFF_KSTEP + 1e-6);
        double[] k = new double[Math.max(n, 1)];
        for (int i = 0; i < k.length; i++) {
            k[i] = FEFF_KSTEP * (i + 1);
        }
        return org.xasdaml.workflow.TableColumns.spectra("chi", k);
    }

    /**
     * Default radius of local-scf mode's own SCF cluster (Å): the absorber and its first shell (Cu: 12 atoms at
     * 2.55 Å). Measured at production cards against full SCF at 6.8 Å (EdgeShiftBench, 9 cluster frames): 3.0 Å
     * 0.24 % mean / 1.2 % max k²χ error, 2.7 Å 0.6 % / 1.7 % (but 6 % at one frame at the main job's cards),
     * 2.4 Å 5.2 % / 9.2 %; 3.3 Å 0.17 % / 0.4 % at 20 % more CPU.
     */
    public static final double DEFAULT_LOCAL_SCF_RADIUS = 3.0;

    /**
     * Default most iterations of local-scf mode's own SCF: 30, the reference's, i.e. converged (Feff8L stops at 7-11).
     * Stopping earlier does not pay (PotentialBench, session 6): 4 iterations halve the CPU but give 1.7 % mean / 3.6 %
     * max k²χ error at production cards and up to 2.4 % / 5.3 % at the main job's, 5 iterations are worse than 4
     * (the potentials oscillate while converging), 3 or fewer 2.4-21 %.
     */
    public static final int DEFAULT_LOCAL_SCF_ITERATIONS = 30;

    /**
     * Default convergence factor (SCF card's ca) of local-scf mode's own SCF: the reference's 0.1. 0.3 converges in 7-8
     * iterations instead of 10-11 (about a quarter less CPU) and stays within 0.7 % (clusters) and 1.2 % (bulk) of full SCF
     * on 26 frames at the main job's cards (PotentialBench, session 6), but Feff8L's looser stop then lands elsewhere on
     * some frames: 2.3 % against 0.05 % with 0.1 on cluster frame 8 of LocalScfModeTest (a 5 Å cluster). At production cards
     * (PotentialBench, 40 cluster + 5 bulk frames) 0.3 gives 0.27 % / 1.22 % and 0.14 % / 0.28 % (mean / max), as 0.1 does, at
     * 2.94 and 5.09 CPU-s a frame instead of 4.28 and 7.43. The main job sets 0.3.
     * 0.5 oscillates (10 iterations); Feff8L refuses more than 0.5.
     */
    public static final double DEFAULT_LOCAL_SCF_MIXING = 0.1;

    /** Feff8L's ff2x: χ(k) every 0.05 Å⁻¹ … */
    static final double FEFF_KSTEP = 0.05;
    /** … up to 20 Å⁻¹, whatever the EXAFS card says. */
    static final double FEFF_KMAX = 20;
}
