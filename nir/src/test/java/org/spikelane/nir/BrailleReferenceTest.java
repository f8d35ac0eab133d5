package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikelane.nir.exec.BatchRunner;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;
import org.spikelane.nir.model.NirArray;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.model.NirNode;

/**
 * NIR paper/03_rnn test data: the braille graphs (CubaLIF with a recurrent Affine or Linear)
 * on random inputs against {@code braille/braille_reference.py}, a numpy forward-Euler
 * reference written from NIR's reference CubaLIF step; its inputs and outputs are committed
 * next to it. Spike for spike, both layers, every sample.
 */
class BrailleReferenceTest {
    private static final String DIR = "braille/";

    @ParameterizedTest
    @CsvSource({"braille_noDelay_bias_zero, VALUE", "braille_noDelay_noBias_subtract, SUBTRACT"})
    void agreesSpikeForSpikeWithThePythonReference(String model, ResetMode reset) {
        NpyArray inputs = Npy.read(TestData.path(DIR + "inputs.npy"));
        int samples = inputs.shape()[0];
        int steps = inputs.shape()[1];
        CompiledGraph g = CompiledGraph.compile(NirReader.read(TestData.path(model + ".nir")), new RunOptions(1e-4, Integration.EULER, reset));
        List<SampleResult> results = BatchRunner.run(g, inputs.data(), samples, steps, List.of(Probe.parse(g, "lif2:v")), 2);
        NpyArray ref1 = Npy.read(TestData.path(DIR + model + "/reference_lif1_spikes.npy"));
        NpyArray ref2 = Npy.read(TestData.path(DIR + model + "/reference_lif2_spikes.npy"));
        NpyArray refV = Npy.read(TestData.path(DIR + model + "/reference_lif2_v.npy"));
        int lif1 = g.node("lif1.lif");
        int lif2 = g.node("lif2");
        int total = 0;
        for (int b = 0; b < samples; b++) {
            SampleResult r = results.get(b);
            assertArrayEquals(slice(ref1, b), raster(r, lif1, steps, 38 + (model.contains("noBias") ? 2 : 0)), model + " lif1.lif sample " + b);
            assertArrayEquals(slice(ref2, b), raster(r, lif2, steps, 7), model + " lif2 sample " + b);
            float[] v = slice(refV, b);
            for (int k = 0; k < v.length; k++) assertEquals(v[k], r.traces()[0][k], 0f, model + " lif2 v sample " + b + " at " + k);
            total += r.spikeCount();
        }
        assertTrue(total > 1000, "the random inputs make both layers spike: " + total);
    }

    /** The committed parameter export (what the Python reference read) is what the reader reads today. */
    @ParameterizedTest
    @CsvSource({"braille_noDelay_bias_zero", "braille_noDelay_noBias_subtract"})
    void exportedParametersAreWhatTheReaderReads(String model) {
        NirGraph graph = NirReader.read(TestData.path(model + ".nir"));
        int checked = 0;
        for (NirNode node : graph.nodes().values()) {
            for (var e : node.params().entrySet()) {
                NpyArray exported = Npy.read(TestData.path(DIR + model + "/" + node.name() + "." + e.getKey() + ".npy"));
                NirArray a = e.getValue();
                assertArrayEquals(a.shape(), exported.shape(), node.name() + "." + e.getKey());
                for (int i = 0; i < a.size(); i++) assertEquals((float) a.get(i), exported.data()[i], 0f, node.name() + "." + e.getKey());
                checked++;
            }
        }
        assertTrue(checked >= 17, "parameters checked: " + checked);
    }

    private static float[] slice(NpyArray a, int b) {
        int per = a.data().length / a.shape()[0];
        return java.util.Arrays.copyOfRange(a.data(), b * per, (b + 1) * per);
    }

    private static float[] raster(SampleResult r, int node, int steps, int n) {
        float[] z = new float[steps * n];
        for (int k = 0; k < r.spikeCount(); k++) if (r.spikeNode()[k] == node) z[r.spikeStep()[k] * n + r.spikeNeuron()[k]] = 1f;
        return z;
    }
}
