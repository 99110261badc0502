package org.xasdaml.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xasdaml.io.Json;

/** Figures a step drew; on disk a folder of PNG (and SVG) files with an index. */
public record FigureSet(List<Figure> figures) {
    public FigureSet {
        figures = List.copyOf(figures);
    }

    /** Stores figures as {@code <base>/<name>.png|.svg} and {@code <base>/figures.json}. */
    public static final class FigureCodec implements Codec<FigureSet> {
        @Override
        public void write(FigureSet value, Path base) throws IOException {
            org.xasdaml.io.AtomicFiles.refuseLink(base);
            Files.createDirectories(base);
            List<Object> index = new ArrayList<>();
            for (Figure f : value.figures()) {
                org.xasdaml.io.AtomicFiles.write(base.resolve(f.name() + ".png"), f.png());
                if (f.svg() != null) {
                    org.xasdaml.io.AtomicFiles.writeString(base.resolve(f.name() + ".svg"), f.svg());
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", f.name());
                e.put("title", f.title());
                e.put("svg", f.svg() != null);
                index.add(e);
            }
            org.xasdaml.io.AtomicFiles.writeString(base.resolve("figures.json"), Json.write(index));
        }

        @Override
        public FigureSet read(Path base) throws IOException {
            List<Figure> out = new ArrayList<>();
            for (Object o : (List<?>) Json.parse(Files.readString(base.resolve("figures.json")))) {
                Map<?, ?> e = (Map<?, ?>) o;
                String name = (String) e.get("name");
                Path svg = base.resolve(name + ".svg");
                out.add(new Figure(name, (String) e.get("title"), Files.readAllBytes(base.resolve(name + ".png")),
                        Boolean.TRUE.equals(e.get("svg")) ? Files.readString(svg) : null));
            }
            return new FigureSet(out);
        }

        @Override
        public boolean exists(Path base) {
            return Files.exists(base.resolve("figures.json"));
        }
    }

    /** Names and count only: a figure's SVG can be megabytes, and this is what the command line prints for an output. */
    @Override
    public String toString() {
        return figures.size() + " figure(s)" + (figures.isEmpty() ? "" : ": " + String.join(", ", figures.stream().map(Figure::name).toList()));
    }
}
