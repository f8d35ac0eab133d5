package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.v;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.Precision;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.model.NirGraph;

/**
 * The readouts LI, CubaLI and I under precision loihi (docs/nir.md, "Precision loihi"): a CUBA
 * compartment with Lava-DL netx's non-spiking threshold mantissa 2^17, its v (in 1/4096) the
 * node's output. Each case: dt 1 ms, one Linear weight 1 from a single input, integers worked out
 * by hand from Lava's recurrence {@code u <- trunc(u (4096 - (du + 1)) / 4096) + (a_in << 6)},
 * {@code v <- trunc(v (4096 - dv) / 4096) + u}.
 */
class PrecisionLoihiReadoutTest {
    private static final RunOptions LOIHI = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE, Precision.LOIHI);

    /**
     * LI, tau 3 ms, r 1: dv = round(4096/3) = 1365, gain 1365/4096, so a_in = 64 1365/4096 = 21.33
     * stored as mantissa 11 times 2 = 22; u = 22 << 6 = 1408 on an input step (du = 4095: u holds
     * no current). Inputs at steps 0, 1, 3: v = 1408; 1408 2731/4096 = 938 (truncated), + 1408 =
     * 2346; 2346 2731/4096 = 1564; 1564 2731/4096 = 1042, + 1408 = 2450; 2450 2731/4096 = 1633.
     */
    @Test
    void leakyIntegratorGivesLavasIntegersAndNeverFires() {
        SampleResult r = run(graph("LI", "tau", v(3e-3), "r", v(1), "v_leak", v(0)), 1, 1, 0, 1, 0);
        assertIntegers(r, 1408, 2346, 1564, 2450, 1633);
    }

    /**
     * CubaLI, tau_syn 2 ms (du + 1 = 2048), tau_mem 4 ms (dv = 1024), r 1, w_in 1: gain
     * (1/2)(1/4) = 1/8, a_in = 8. The input of step 0 reaches u at step 1 (Lava's Dense delay):
     * u = 512, v = 512; step 2: u = 256, v = 384 + 256 = 640; step 3: u = 128, v = 480 + 128 = 608;
     * step 4: u = 64, v = 456 + 64 = 520. Float euler gives the same (0.125, 0.15625, 0.1484375, ...).
     */
    @Test
    void currentBasedLeakyIntegratorGivesLavasIntegers() {
        SampleResult r = run(graph("CubaLI", "tau_syn", v(2e-3), "tau_mem", v(4e-3), "r", v(1), "v_leak", v(0), "w_in", v(1)), 1, 0, 0, 0, 0);
        assertIntegers(r, 0, 512, 640, 608, 520);
        float[] u = r.traces()[2];
        assertEquals(List.of(0f, 512f, 256f, 128f, 64f), List.of(u[0] * 1024, u[1] * 1024, u[2] * 1024, u[3] * 1024, u[4] * 1024),
                "I is recorded as u / (4096 (dv/4096) r) = u / 1024");
    }

    /**
     * I, r 500: no leak (dv = 0), gain dt r = 1/2, a_in = 32, u = 2048 on an input step. Inputs at
     * steps 0, 2, 3 and 4: v = 2048, 2048, 4096, 6144, 8192, i.e. 0.5 per input as in float.
     */
    @Test
    void integratorGivesLavasIntegers() {
        SampleResult r = run(graph("I", "r", v(500)), 1, 0, 1, 1, 1);
        assertIntegers(r, 2048, 2048, 4096, 6144, 8192);
    }

    private static void assertIntegers(SampleResult r, int... v) {
        for (int t = 0; t < v.length; t++) {
            assertEquals(v[t], r.traces()[0][t] * 4096, 0f, "v at step " + t);
            assertEquals(r.traces()[0][t], r.traces()[1][t], 0f, "the output is v at step " + t);
        }
        assertEquals(0, r.spikeCount(), "a readout never fires");
    }

    private static NirGraph graph(String type, Object... params) {
        return new Graphs().input("in", 1).node("w", "Linear", "weight", matrix(1, 1, 1)).node("l", type, params)
                .output("out", 1).edge("in", "w").edge("w", "l").edge("l", "out").build();
    }

    private static SampleResult run(NirGraph g, int... input) {
        CompiledGraph c = CompiledGraph.compile(g, LOIHI);
        float[] x = new float[input.length];
        for (int t = 0; t < x.length; t++) x[t] = input[t];
        List<Probe> probes = c.kernel(c.node("l")).variables().contains("I")
                ? List.of(Probe.parse(c, "l:v"), Probe.parse(c, "l:out"), Probe.parse(c, "l:I"))
                : List.of(Probe.parse(c, "l:v"), Probe.parse(c, "l:out"));
        return SampleRunner.run(c, x, 0, x.length, probes);
    }
}
