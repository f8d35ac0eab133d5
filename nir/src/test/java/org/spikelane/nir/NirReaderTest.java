package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * Reading NIR paper test data: format versions 0.1 and 0.2, float32 and float64 parameters,
 * string datasets (types, edges), nested graphs, and a gzip-compressed copy of a braille graph
 * (made from it with {@code h5repack -f GZIP=6}, which is how NIR writes by default).
 */
class NirReaderTest {
    private static final RunOptions OPTIONS = new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE);

    @Test
    void readsTheLifGraphOfVersion011() {
        NirGraph g = NirReader.read(TestData.path("lif_norse.nir"));
        assertEquals("0.1.1", g.version());
        assertEquals("[0, 1, input, output]", g.nodes().keySet().stream().sorted().toList().toString());
        assertEquals("[input -> 0, 0 -> 1, 1 -> output]", g.edges().toString());
        NirNode lif = g.nodes().get("1");
        assertEquals("LIF", lif.type());
        assertEquals(0.0025f, (float) lif.require("tau").get(0), 0f, "stored as float32");
        assertEquals(0.1f, (float) lif.require("v_threshold").get(0), 0f);
        assertArrayEquals(new int[] {1, 1}, g.nodes().get("0").require("weight").shape());
    }

    @Test
    void readsFloat64ParametersAndNestedNames() {
        NirGraph g = NirReader.read(TestData.path("braille_noDelay_bias_zero.nir"));
        assertEquals("0.2.0", g.version());
        NirNode lif = g.nodes().get("lif1.lif");
        assertEquals("CubaLIF", lif.type());
        assertEquals(2.2222222810910086, lif.require("w_in").get(0), 0);
        assertArrayEquals(new int[] {38, 38}, g.nodes().get("lif1.w_rec").require("weight").shape());
        assertEquals(-1.3380636f, (float) g.nodes().get("fc1").require("weight").get(0), 0f);
        assertEquals(7, g.edges().size());
    }

    @Test
    void aGzipCompressedFileReadsTheSameValues() throws Exception {
        Path gz = TestData.path("braille_noDelay_bias_zero_gzip.nir");
        try (HdfFile f = new HdfFile(gz)) {
            Dataset w = f.getDatasetByPath("/node/nodes/fc1/weight");
            assertFalse(w.getFilters().isEmpty(), "the test file really is compressed");
            assertEquals("deflate", w.getFilters().getFirst().getName());
        }
        NirGraph plain = NirReader.read(TestData.path("braille_noDelay_bias_zero.nir"));
        NirGraph packed = NirReader.read(gz);
        assertEquals(plain.edges(), packed.edges());
        for (NirNode n : plain.nodes().values()) {
            for (var e : n.params().entrySet()) {
                assertArrayEquals(e.getValue().values(), packed.nodes().get(n.name()).require(e.getKey()).values(), n.name() + "." + e.getKey());
            }
        }
    }

    @Test
    void readsTheNestedGraphsOfThePaperAndNamesTheirBrokenEdge() {
        NirGraph g = NirReader.read(TestData.path("braille_noDelay_noBias_subtract_subgraph.nir"));
        NirNode sub = g.nodes().get("lif1");
        assertEquals("NIRGraph", sub.type());
        assertEquals("[input, lif1, lin, output]", sub.subgraph().nodes().keySet().stream().sorted().toList().toString());
        // the file's inner edges name 'lif', a node the inner graph does not have (it is 'lif1')
        NirException e = assertThrows(NirException.class, () -> CompiledGraph.compile(g, OPTIONS));
        assertEquals("graph 'lif1': edge input -> lif names node 'lif', which the graph does not have (NIR's own reader refuses such a file too)",
                e.getMessage());
    }

    @Test
    void unsupportedNodesOfARealGraphAreNamed() {
        NirGraph cnn = NirReader.read(TestData.path("cnn_sinabs.nir"));
        NirException e = assertThrows(NirException.class, () -> CompiledGraph.compile(cnn, OPTIONS));
        assertTrue(e.getMessage().startsWith("node '0' has type Conv2d, which the NIR import does not run"), e.getMessage());
    }

    @Test
    void rockpoolsLifGraphCompiles() {
        CompiledGraph g = CompiledGraph.compile(NirReader.read(TestData.path("lif_rockpool.nir")), OPTIONS);
        assertEquals(1, g.inputSize());
    }

    @Test
    void aFileThatIsNotHdf5IsOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.nir");
        Files.writeString(bad, "not hdf5 at all");
        NirException e = assertThrows(NirException.class, () -> NirReader.read(bad));
        assertTrue(e.getMessage().startsWith("NIR file '" + bad + "' cannot be read as HDF5"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        NirException missing = assertThrows(NirException.class, () -> NirReader.read(dir.resolve("none.nir")));
        assertEquals("NIR file '" + dir.resolve("none.nir") + "' does not exist or is not a file", missing.getMessage());
    }
}
