package org.xasdaml.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Frames read from one source, and the samples (frame, absorbing site) chosen from them: what a
 * "structures" port carries from the reader to FEFF and the descriptors.
 *
 * @param frames  frames in file order (frame index = position in the file, also for skipped frames)
 * @param samples samples in order (frame, then site)
 * @param source  where the frames came from (file name)
 * @param sha256  checksum of the source file
 * @param skipped frames that were skipped as malformed, with why
 */
public record StructureSet(List<Frame> frames, List<SampleId> samples, String source, String sha256, List<String> skipped) {

    public StructureSet {
        frames = List.copyOf(frames);
        samples = List.copyOf(samples);
        skipped = List.copyOf(skipped);
    }

    /** Samples chosen from frames by an absorber rule. */
    public static StructureSet of(List<Frame> frames, AbsorberChoice absorber, String source, String sha256, List<String> skipped) {
        List<SampleId> s = new ArrayList<>();
        for (Frame f : frames) {
            for (int site : absorber.sites(f)) {
                s.add(new SampleId(f.index(), site));
            }
        }
        return new StructureSet(frames, s, source, sha256, skipped);
    }

    /** The frame with a given index. */
    public Frame frame(int index) {
        Map<Integer, Frame> byIndex = new HashMap<>();
        for (Frame f : frames) {
            if (f.index() == index) {
                return f;
            }
            byIndex.put(f.index(), f);
        }
        throw new IllegalArgumentException("no frame " + index + " in " + source);
    }

    /** Every sample with its frame. */
    public List<Sample> sampleList() {
        Map<Integer, Frame> byIndex = new HashMap<>();
        for (Frame f : frames) {
            byIndex.put(f.index(), f);
        }
        List<Sample> out = new ArrayList<>(samples.size());
        for (SampleId id : samples) {
            Frame f = byIndex.get(id.frame());
            if (f == null) {
                throw new IllegalArgumentException("sample " + id + " refers to a frame not in " + source);
            }
            out.add(new Sample(id, f));
        }
        return out;
    }

    /** Only the given samples, with the frames they need. */
    public StructureSet select(List<SampleId> keep) {
        Set<Integer> needed = new LinkedHashSet<>();
        for (SampleId id : keep) {
            needed.add(id.frame());
        }
        List<Frame> fs = frames.stream().filter(f -> needed.contains(f.index())).toList();
        return new StructureSet(fs, keep, source, sha256, skipped);
    }

    /** A text summary: frames, atoms per frame, elements, box and periodicity, absorbers. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("source:    ").append(source).append('\n');
        sb.append("frames:    ").append(frames.size()).append('\n');
        if (!skipped.isEmpty()) {
            sb.append("skipped:   ").append(skipped.size()).append(" malformed frame(s)\n");
            for (String s : skipped) {
                sb.append("           ").append(s).append('\n');
            }
        }
        if (frames.isEmpty()) {
            return sb.toString();
        }
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        Map<String, Integer> formulas = new LinkedHashMap<>();
        for (Frame f : frames) {
            sizes.merge(f.size(), 1, Integer::sum);
            formulas.merge(f.formula(), 1, Integer::sum);
        }
        sb.append("atoms:     ");
        sizes.forEach((k, v) -> sb.append(k).append(" atoms in ").append(v).append(v == 1 ? " frame; " : " frames; "));
        sb.setLength(sb.length() - 2);
        sb.append('\n');
        Set<String> elements = new LinkedHashSet<>();
        for (Frame f : frames) {
            for (Element e : f.composition().keySet()) {
                elements.add(e.symbol());
            }
        }
        sb.append("elements:  ").append(String.join(" ", elements)).append('\n');
        sb.append("formula:   ");
        formulas.forEach((k, v) -> sb.append(k).append(" (").append(v).append(") "));
        sb.append('\n');
        Frame first = frames.get(0);
        sb.append("box:       ").append(first.lattice() == null ? "none" : first.lattice().toString());
        if (frames.stream().map(Frame::lattice).distinct().count() > 1) {
            sb.append(" (first frame; the box varies between frames)");
        }
        sb.append('\n');
        boolean[] p = first.pbc();
        sb.append("periodic:  ").append(p[0] ? "a " : "").append(p[1] ? "b " : "").append(p[2] ? "c" : "")
                .append(first.periodic() ? "" : "none (isolated cluster)").append('\n');
        sb.append("samples:   ").append(samples.size()).append(String.format(Locale.ROOT, " (%.2f per frame)",
                (double) samples.size() / frames.size())).append('\n');
        Map<String, Integer> absorbers = new LinkedHashMap<>();
        Map<Integer, Frame> byIndex = new HashMap<>();
        for (Frame f : frames) {
            byIndex.put(f.index(), f);
        }
        Map<Integer, Integer> sites = new LinkedHashMap<>();
        for (SampleId id : samples) {
            Frame f = byIndex.get(id.frame());
            absorbers.merge(f.element(id.site()).symbol(), 1, Integer::sum);
            sites.merge(id.site(), 1, Integer::sum);
        }
        sb.append("absorbers: ");
        absorbers.forEach((k, v) -> sb.append(k).append(" x").append(v).append(' '));
        if (sites.size() <= 5) {
            sb.append("at site ");
            sb.append(String.join(", ", sites.keySet().stream().map(String::valueOf).toList()));
        } else {
            sb.append("at ").append(sites.size()).append(" different sites");
        }
        sb.append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return frames.size() + " frames, " + samples.size() + " samples from " + source;
    }
}
