package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.io.NirReader;

/**
 * NIR paper/01_lif test data: the one-neuron graph {@code lif_norse.nir} (Affine 1x1, LIF with
 * tau 2.5 ms, threshold 0.1) under the paper's spike pattern at dt = 0.1 ms, against Norse's
 * trace ({@code lif_norse.csv}: input, v, spike per step) and the event-driven exact simulation
 * ({@code lif_exact.csv}, same columns).
 */
class LifNorseTest {
    private static final double DT = 1e-4;

    /** The paper's input: 100 bits, each followed by 9 silent steps (1000 steps). */
    static float[] paperInput() {
        int[] d0 = {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0,
                1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] d = new float[d0.length * 10];
        for (int k = 0; k < d0.length; k++) d[k * 10] = d0[k];
        return d;
    }

    private static SampleResult run(Integration integration, ResetMode reset) {
        CompiledGraph g = CompiledGraph.compile(NirReader.read(TestData.path("lif_norse.nir")), new RunOptions(DT, integration, reset));
        return SampleRunner.run(g, paperInput(), 0, 1000, List.of(Probe.parse(g, "1:v")));
    }

    private static List<Integer> spikeSteps(double[][] csv) {
        List<Integer> steps = new ArrayList<>();
        for (int t = 0; t < csv.length; t++) if (csv[t][2] != 0) steps.add(t);
        return steps;
    }

    private static List<Integer> spikeSteps(SampleResult r) {
        List<Integer> steps = new ArrayList<>();
        for (int k = 0; k < r.spikeCount(); k++) steps.add(r.spikeStep()[k]);
        return steps;
    }

    @Test
    void inputMatchesTheCsvColumn() {
        double[][] norse = TestData.csv("lif_norse.csv");
        float[] in = paperInput();
        assertEquals(norse.length, in.length);
        for (int t = 0; t < in.length; t++) assertEquals(norse[t][0], in[t], 0.0, "input at step " + t);
    }

    @Test
    void eulerReproducesNorseVoltageAndSpikeSteps() {
        double[][] norse = TestData.csv("lif_norse.csv");
        SampleResult r = run(Integration.EULER, ResetMode.VALUE);
        float[] v = r.traces()[0];
        for (int t = 0; t < norse.length; t++) assertEquals(norse[t][1], v[t], 1e-5, "v at step " + t);
        assertEquals(spikeSteps(norse), spikeSteps(r));
        assertEquals(List.of(460, 510, 710, 760), spikeSteps(r));
    }

    @Test
    void exactSpikesWithinOneStepOfTheEventDrivenSimulation() {
        List<Integer> expected = spikeSteps(TestData.csv("lif_exact.csv"));
        for (ResetMode reset : ResetMode.values()) {
            List<Integer> got = spikeSteps(run(Integration.EXACT, reset));
            assertEquals(expected.size(), got.size(), reset + ": " + got);
            for (int k = 0; k < got.size(); k++) {
                assertTrue(Math.abs(got.get(k) - expected.get(k)) <= 1, reset + ": spike " + k + " at " + got.get(k) + ", exact " + expected.get(k));
            }
        }
    }

    /** Until the first spike the step-held input makes exact integration agree with the event-driven solution. */
    @Test
    void exactVoltageMatchesTheClosedFormBeforeTheFirstSpike() {
        double[][] exact = TestData.csv("lif_exact.csv");
        float[] v = run(Integration.EXACT, ResetMode.VALUE).traces()[0];
        // lif_exact.csv row t is v at (t + 1) dt: the end of step t
        for (int t = 0; t < 460; t++) assertEquals(exact[t][1], v[t], 2e-7, "v after step " + t);
    }
}
