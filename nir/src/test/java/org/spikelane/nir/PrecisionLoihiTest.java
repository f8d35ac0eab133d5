package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.v;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.Precision;
import org.spikelane.nir.exec.BatchRunner;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;
import org.spikelane.nir.quant.NodeQuantization;

/**
 * NIR graphs under precision loihi (docs/nir.md, "Precision loihi"): small graphs whose integers
 * are worked out by hand from Lava's bit-accurate LIF, {@code u <- trunc(u (4096 - (du + 1)) / 4096)
 * + (a_in << 6)}, {@code v <- trunc(v (4096 - dv) / 4096) + u}, spike if {@code v > vth << 6}, then
 * {@code v = 0}.
 */
class PrecisionLoihiTest {
    private static final RunOptions LOIHI = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE, Precision.LOIHI);

    /**
     * CubaLIF, dt 1 ms, tau_syn 4 ms (alpha 1/4: du + 1 = 1024), tau_mem 8 ms (alpha 1/8: dv = 512),
     * r 8, w_in 1: gain (1/4)(1/8) 8 = 1/4, so the weight 2 is a_in = 64 2 / 4 = 32 (mantissa 16,
     * exponent 0, no error); threshold 0.5: vth = 32, compared with 32 << 6 = 2048. A spike at step 0
     * reaches a_in at step 1 (Lava's Dense delay): u = 32 << 6 = 2048, v = 2048 (not above);
     * step 2: u = 2048 3072 / 4096 = 1536, v = 2048 3584 / 4096 + 1536 = 1792 + 1536 = 3328: a spike.
     */
    @Test
    void cubaLifGivesLavasIntegers() {
        NirGraph g = cubaGraph(2, 0.5);
        CompiledGraph c = CompiledGraph.compile(g, LOIHI);
        int[] in = new int[40];
        for (int t : new int[] {0, 5, 6, 7, 20, 21, 22, 23, 24, 25, 30}) in[t] = 1;
        float[] x = new float[in.length];
        for (int t = 0; t < in.length; t++) x[t] = in[t];
        SampleResult r = SampleRunner.run(c, x, 0, in.length, List.of(Probe.parse(c, "l:v"), Probe.parse(c, "l:I")));
        // I is recorded as u / (4096 (dv / 4096) r) = u / 4096 here, v as v / 4096: both exact in float
        assertEquals(2048, r.traces()[1][1] * 4096, 0f);
        assertEquals(2048, r.traces()[0][1] * 4096, 0f);
        assertEquals(0, r.traces()[0][2] * 4096, 0f, "v reset after the spike of step 2");
        assertEquals(1536, r.traces()[1][2] * 4096, 0f);
        // every step from Lava's recurrence, written out here in long arithmetic
        long u = 0, v = 0, pending = 0;
        List<Integer> spikes = new ArrayList<>();
        for (int t = 0; t < in.length; t++) {
            long aIn = pending;
            pending = 32L * in[t];
            u = trunc(u * (4096 - 1024)) + (aIn << 6);
            v = trunc(v * (4096 - 512)) + u;
            if (v > 32 << 6) {
                v = 0;
                spikes.add(t);
            }
            assertEquals(u, r.traces()[1][t] * 4096, 0f, "u at step " + t);
            assertEquals(v, r.traces()[0][t] * 4096, 0f, "v at step " + t);
        }
        assertEquals(spikes, Arrays.stream(r.spikeStep()).boxed().toList());
        assertTrue(spikes.size() >= 3, "spikes: " + spikes);
    }

    /**
     * LIF: no current (du = 4095: u is the step's a_in << 6), so a layer adds no delay. tau 8 ms
     * (dv = 512), r 8: gain 1; weight 0.75 is a_in = 48; threshold 1: 4096. Step 0: u = 3072,
     * v = 3072; step 1: v = 3072 3584 / 4096 + 3072 = 2688 + 3072 = 5760 > 4096: a spike at step 1.
     */
    @Test
    void lifTakesTheSameStepsInput() {
        NirGraph g = new Graphs().input("in", 1).node("w", "Linear", "weight", matrix(1, 1, 0.75))
                .node("l", "LIF", "tau", v(8e-3), "r", v(8), "v_leak", v(0), "v_threshold", v(1)).output("out", 1)
                .edge("in", "w").edge("w", "l").edge("l", "out").build();
        CompiledGraph c = CompiledGraph.compile(g, LOIHI);
        SampleResult r = SampleRunner.run(c, new float[] {1, 1, 0}, 0, 3, List.of(Probe.parse(c, "l:v")));
        assertEquals(3072, r.traces()[0][0] * 4096, 0f);
        assertEquals(0, r.traces()[0][1] * 4096, 0f);
        assertEquals(List.of(1), Arrays.stream(r.spikeStep()).boxed().toList());
    }

    /** The report gives each node's worst error: a weight of 0.7 at gain 1/4 is a_in 11.2, stored as mantissa 6 (12): 0.75. */
    @Test
    void reportsWeightExponentDecaysAndThresholdPerNode() {
        CompiledGraph c = CompiledGraph.compile(cubaGraph(0.7, 0.51), LOIHI);
        NodeQuantization w = find(c, "w", "weight");
        assertEquals(0.7, w.requested(), 1e-12);
        assertEquals(0.75, w.effective(), 1e-12);
        assertEquals(0.05, w.maxAbsError(), 1e-12);
        assertTrue(w.representation().contains("weight exponent e = 0"), w.representation());
        // vth = int(64 0.51) = 32: 0.5
        assertEquals(0.5, find(c, "l", "v_threshold").effective(), 0.0);
        assertEquals(0, find(c, "l", "v decay").maxAbsError(), 0.0);
        // a weight of 45 is a_in 720: mantissa 360 at exponent 0, 180 at 1, 90 at 2: exponent 2, steps of 8 (0.5 at gain 1/4)
        assertTrue(find(CompiledGraph.compile(cubaGraph(45, 0.5), LOIHI), "w", "weight").representation().contains("weight exponent e = 2"));
    }

    @Test
    void whatLoihiCannotRunIsOneLineNamingTheNode() {
        NirGraph g = cubaGraph(1, 0.5);
        RunOptions subtract = new RunOptions(1e-3, Integration.EULER, ResetMode.SUBTRACT, Precision.LOIHI);
        assertEquals("node 'l' (CubaLIF): --reset subtract has no Loihi form (Loihi's LIF resets v to 0); use --reset value",
                assertThrows(NirException.class, () -> CompiledGraph.compile(g, subtract)).getMessage());
        NirGraph reset = new Graphs().input("in", 1).node("w", "Linear", "weight", matrix(1, 1, 1))
                .node("l", "LIF", "tau", v(8e-3), "r", v(8), "v_leak", v(0), "v_threshold", v(1), "v_reset", v(0.2)).output("out", 1)
                .edge("in", "w").edge("w", "l").edge("l", "out").build();
        assertEquals("node 'l' (LIF): v_reset[0] = 0.2; Loihi's LIF resets v to 0, so precision loihi needs v_reset 0",
                assertThrows(NirException.class, () -> CompiledGraph.compile(reset, LOIHI)).getMessage());
    }

    /**
     * The braille graph trained with reset to zero: 8-bit weights move the output layer's spike
     * counts (measured: 9036 output spikes against float32's 9505 over the 16 samples, -4.9 %);
     * tolerance 10 %. Results are the same on 1 and 2 threads.
     */
    @Test
    void brailleUnderLoihiStaysCloseToFloat32() {
        NpyArray inputs = Npy.read(TestData.path("braille/inputs.npy"));
        int samples = inputs.shape()[0], steps = inputs.shape()[1];
        NirGraph graph = NirReader.read(TestData.path("braille_noDelay_bias_zero.nir"));
        CompiledGraph f = CompiledGraph.compile(graph, new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE));
        CompiledGraph q = CompiledGraph.compile(graph, new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE, Precision.LOIHI));
        List<SampleResult> a = BatchRunner.run(f, inputs.data(), samples, steps, List.of(), 1);
        List<SampleResult> b = BatchRunner.run(q, inputs.data(), samples, steps, List.of(), 1);
        List<SampleResult> b2 = BatchRunner.run(q, inputs.data(), samples, steps, List.of(), 2);
        long fa = 0, qb = 0;
        for (int s = 0; s < samples; s++) {
            fa += Arrays.stream(a.get(s).outputCounts()[0]).sum();
            qb += Arrays.stream(b.get(s).outputCounts()[0]).sum();
            assertArrayEquals(b.get(s).spikeStep(), b2.get(s).spikeStep(), "sample " + s + " on 2 threads");
            assertArrayEquals(b.get(s).spikeNeuron(), b2.get(s).spikeNeuron(), "sample " + s + " on 2 threads");
        }
        assertTrue(Math.abs(qb - fa) <= 0.1 * fa, "output spikes: loihi " + qb + ", float32 " + fa);
        assertTrue(qb != fa, "8-bit weights change something: " + qb);
    }

    private static NirGraph cubaGraph(double weight, double threshold) {
        return new Graphs().input("in", 1).node("w", "Linear", "weight", matrix(1, 1, weight))
                .node("l", "CubaLIF", "tau_syn", v(4e-3), "tau_mem", v(8e-3), "r", v(8), "v_leak", v(0), "v_threshold", v(threshold), "w_in", v(1))
                .output("out", 1).edge("in", "w").edge("w", "l").edge("l", "out").build();
    }

    /** Lava's truncation toward zero of x / 4096. */
    private static long trunc(long x) {
        return x < 0 ? -((-x) >> 12) : x >> 12;
    }

    private static NodeQuantization find(CompiledGraph c, String node, String parameter) {
        return c.quantization().stream().filter(q -> q.node().equals(node) && q.parameter().equals(parameter)).findFirst().orElseThrow();
    }
}
