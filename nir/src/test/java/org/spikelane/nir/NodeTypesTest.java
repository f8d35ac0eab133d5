package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spikelane.nir.Graphs.v;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.exec.SampleRunner;
import org.spikelane.nir.model.NirGraph;

/**
 * Each neuron node type against an analytic oracle, under a constant input: the closed-form
 * solution of its ODE for {@code exact}, the closed form of the linear recurrence for
 * {@code euler}, and spike steps worked out from them.
 */
class NodeTypesTest {
    static final double DT = 1e-4;

    /** in -> NODE -> out, the node fed a constant {@code x} for {@code steps} steps; returns the probe's trace. */
    static SampleResult run(String type, Integration integration, ResetMode reset, double x, int steps, String probe, Object... params) {
        NirGraph g = new Graphs().input("in", 1).node("n", type, params).output("out", 1).edge("in", "n").edge("n", "out").build();
        CompiledGraph c = CompiledGraph.compile(g, new RunOptions(DT, integration, reset));
        float[] input = new float[steps];
        java.util.Arrays.fill(input, (float) x);
        return SampleRunner.run(c, input, 0, steps, List.of(Probe.parse(c, probe)));
    }

    static List<Integer> spikeSteps(SampleResult r) {
        return java.util.stream.IntStream.of(r.spikeStep()).boxed().toList();
    }

    @Test
    void lifExactFollowsTheExponentialToVInfinity() {
        double tau = 2e-3, r = 2, vLeak = -0.1, x = 0.5;
        float[] v = run("LIF", Integration.EXACT, ResetMode.VALUE, x, 100, "n:v", "tau", v(tau), "r", v(r), "v_leak", v(vLeak), "v_threshold", v(10)).traces()[0];
        double vInf = vLeak + r * x;
        for (int n = 1; n <= 100; n++) assertEquals(vInf + (0 - vInf) * Math.exp(-n * DT / tau), v[n - 1], 2e-6, "step " + n);
    }

    @Test
    void lifEulerFollowsItsRecurrence() {
        double tau = 2e-3, r = 2, vLeak = -0.1, x = 0.5, a = DT / tau;
        float[] v = run("LIF", Integration.EULER, ResetMode.VALUE, x, 100, "n:v", "tau", v(tau), "r", v(r), "v_leak", v(vLeak), "v_threshold", v(10)).traces()[0];
        double vInf = vLeak + r * x;
        for (int n = 1; n <= 100; n++) assertEquals(vInf - vInf * Math.pow(1 - a, n), v[n - 1], 2e-6, "step " + n);
    }

    /** From rest, v crosses 0.5 of v_inf = 1 after t = tau ln 2 = 13.86 steps: a spike in step 13 (the 14th). */
    @Test
    void lifSpikesWhenVExceedsThresholdAndResetsByValueOrSubtraction() {
        Object[] p = {"tau", v(2e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(0.5), "v_reset", v(0.1)};
        SampleResult value = run("LIF", Integration.EXACT, ResetMode.VALUE, 1, 14, "n:v", p);
        assertEquals(List.of(13), spikeSteps(value));
        assertEquals(0.1f, value.traces()[0][13], 0f);
        SampleResult subtract = run("LIF", Integration.EXACT, ResetMode.SUBTRACT, 1, 14, "n:v", p);
        double vAt14 = 1 - Math.exp(-14 * DT / 2e-3);
        assertEquals(vAt14 - 0.5, subtract.traces()[0][13], 2e-6);
    }

    @Test
    void liIsALifWithoutSpikesWhoseOutputIsV() {
        double tau = 1e-3;
        SampleResult r = run("LI", Integration.EXACT, ResetMode.VALUE, 3, 50, "n:out", "tau", v(tau), "r", v(1), "v_leak", v(0));
        for (int n = 1; n <= 50; n++) assertEquals(3 * (1 - Math.exp(-n * DT / tau)), r.traces()[0][n - 1], 2e-6, "step " + n);
        assertEquals(0, r.spikeCount());
    }

    /** Exact CubaLIF: the textbook two-exponential solution from rest, v = r I_inf (1 - (ts e_s - tm e_m)/(ts - tm)). */
    @Test
    void cubaLifExactMatchesTheTwoExponentialSolution() {
        double ts = 5e-4, tm = 2e-3, r = 2, wIn = 1.5, x = 0.4, iInf = wIn * x;
        Object[] p = {"tau_syn", v(ts), "tau_mem", v(tm), "r", v(r), "v_leak", v(0), "v_threshold", v(10), "w_in", v(wIn)};
        float[] vTrace = run("CubaLIF", Integration.EXACT, ResetMode.VALUE, x, 200, "n:v", p).traces()[0];
        float[] iTrace = run("CubaLIF", Integration.EXACT, ResetMode.VALUE, x, 200, "n:I", p).traces()[0];
        for (int n = 1; n <= 200; n++) {
            double t = n * DT, es = Math.exp(-t / ts), em = Math.exp(-t / tm);
            assertEquals(iInf * (1 - es), iTrace[n - 1], 2e-6, "I at step " + n);
            assertEquals(r * iInf * (1 - (ts * es - tm * em) / (ts - tm)), vTrace[n - 1], 2e-6, "v at step " + n);
        }
    }

    /** Equal time constants: the limit v = r I_inf (1 - (1 + t/tau) e). */
    @Test
    void cubaLifExactWithEqualTausUsesTheLimit() {
        double tau = 1e-3;
        Object[] p = {"tau_syn", v(tau), "tau_mem", v(tau), "r", v(1), "v_leak", v(0), "v_threshold", v(10)};
        float[] vTrace = run("CubaLIF", Integration.EXACT, ResetMode.VALUE, 1, 100, "n:v", p).traces()[0];
        for (int n = 1; n <= 100; n++) {
            double t = n * DT;
            assertEquals(1 - (1 + t / tau) * Math.exp(-t / tau), vTrace[n - 1], 2e-6, "v at step " + n);
        }
    }

    /** Euler CubaLIF: I_n = I_inf (1 - (1 - dt/ts)^n), and v uses the I from before the step (v_1 = 0). */
    @Test
    void cubaLifEulerUsesTheCurrentFromBeforeTheStep() {
        double ts = 5e-4, tm = 2e-3, as = DT / ts, am = DT / tm;
        Object[] p = {"tau_syn", v(ts), "tau_mem", v(tm), "r", v(1), "v_leak", v(0), "v_threshold", v(10), "w_in", v(2)};
        float[] iTrace = run("CubaLIF", Integration.EULER, ResetMode.VALUE, 1, 30, "n:I", p).traces()[0];
        float[] vTrace = run("CubaLIF", Integration.EULER, ResetMode.VALUE, 1, 30, "n:v", p).traces()[0];
        for (int n = 1; n <= 30; n++) assertEquals(2 * (1 - Math.pow(1 - as, n)), iTrace[n - 1], 2e-6, "I at step " + n);
        assertEquals(0f, vTrace[0], 0f, "the first step sees I = 0");
        assertEquals(am * iTrace[0], vTrace[1], 1e-7, "the second step sees I_1");
    }

    /** IF: v = n dt r x; with 0.3 per step and threshold 1 the spikes come at steps 3, 6, 9 (v 1.2 > 1 from the 4th step). */
    @Test
    void ifIntegratesAndFires() {
        Object[] p = {"r", v(3000), "v_threshold", v(1)};
        SampleResult value = run("IF", Integration.EULER, ResetMode.VALUE, 1, 12, "n:v", p);
        assertEquals(List.of(3, 7, 11), spikeSteps(value));
        SampleResult subtract = run("IF", Integration.EXACT, ResetMode.SUBTRACT, 1, 12, "n:v", p);
        // subtracting keeps the remainder: 1.2 -> 0.2, so the next crossing comes a step earlier
        assertEquals(List.of(3, 6, 9), spikeSteps(subtract));
    }

    @Test
    void integratorAccumulates() {
        float[] v = run("I", Integration.EULER, ResetMode.VALUE, 2, 5, "n:out", "r", v(500)).traces()[0];
        assertEquals(List.of(0.1f, 0.2f, 0.3f, 0.4f, 0.5f), java.util.stream.IntStream.range(0, 5).mapToObj(i -> v[i]).toList().stream()
                .map(f -> Math.round(f * 1e6f) / 1e6f).toList());
    }

    @Test
    void thresholdIsStrict() {
        assertEquals(0, run("Threshold", Integration.EULER, ResetMode.VALUE, 0.5, 3, "n:out", "threshold", v(0.5)).spikeCount());
        assertEquals(3, run("Threshold", Integration.EULER, ResetMode.VALUE, 0.50001, 3, "n:out", "threshold", v(0.5)).spikeCount());
    }
}
