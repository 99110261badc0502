package org.xasdaml.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xasdaml.io.Json;

/** Every reader against what ASE reads from the same files (fixtures made by make_structure_fixtures.py). */
class ReferenceReadTest {

    static Path resource(String name) {
        try {
            return Path.of(ReferenceReadTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ti_o_cu.poscar", "ti_o_cu.xdatcar", "ti_o_cu.extxyz", "triclinic_scaled.dump"})
    @SuppressWarnings("unchecked")
    void readsWhatAseReads(String name) throws IOException {
        Map<String, Object> expected = Json.parseObject(Files.readString(resource("expected.json")));
        List<Object> frames = (List<Object>) expected.get(name);
        ReadOptions options = ReadOptions.DEFAULT;
        if (name.endsWith(".dump")) {
            options = new ReadOptions(false, ReadOptions.parseTypeMap("1=Ti,2=O,3=Cu"), List.of());
        }
        ReadResult r = StructureFormat.read(resource(name), null, options);
        assertEquals(frames.size(), r.frames().size());
        for (int f = 0; f < frames.size(); f++) {
            Map<String, Object> e = (Map<String, Object>) frames.get(f);
            Frame got = r.frames().get(f);
            assertEquals(f, got.index());
            assertEquals(e.get("symbols"), got.elements().stream().map(Element::symbol).toList());
            List<Object> pos = (List<Object>) e.get("positions");
            double tol = name.endsWith(".extxyz") ? 1e-7 : 1e-8; // extxyz is written with 8 decimals
            for (int i = 0; i < got.size(); i++) {
                List<Object> p = (List<Object>) pos.get(i);
                assertArrayEquals(new double[] {num(p.get(0)), num(p.get(1)), num(p.get(2))},
                        new double[] {got.x(i), got.y(i), got.z(i)}, tol, name + " frame " + f + " atom " + i);
            }
            List<Object> cell = (List<Object>) e.get("cell");
            for (int k = 0; k < 3; k++) {
                List<Object> v = (List<Object>) cell.get(k);
                assertArrayEquals(new double[] {num(v.get(0)), num(v.get(1)), num(v.get(2))}, got.lattice().vector(k), 1e-8);
            }
            List<Object> pbc = (List<Object>) e.get("pbc");
            boolean[] p = got.pbc();
            for (int k = 0; k < 3; k++) {
                assertEquals(pbc.get(k), p[k], name + " pbc " + k);
            }
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
