package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
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
import org.spikelane.nir.model.NirException;
import org.spikelane.nir.model.NirGraph;

/** The step rules of docs/nir.md, "One step", on graphs small enough to work out by hand. */
class GraphSemanticsTest {
    static final RunOptions OPTIONS = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE);

    static float[] trace(NirGraph graph, float[] input, String probe) {
        CompiledGraph g = CompiledGraph.compile(graph, OPTIONS);
        int steps = input.length / g.inputSize();
        SampleResult r = SampleRunner.run(g, input, 0, steps, List.of(Probe.parse(g, probe)));
        return r.traces()[0];
    }

    static float[] pulse(int steps, int at) {
        float[] x = new float[steps];
        x[at] = 1f;
        return x;
    }

    @Test
    void feedForwardLayersAddNoDelay() {
        NirGraph g = new Graphs().input("in", 1).node("a", "Affine", "weight", matrix(1, 1, 2), "bias", v(0))
                .node("t", "Threshold", "threshold", v(0.5)).node("s", "Scale", "scale", v(3)).output("out", 1)
                .edge("in", "a").edge("a", "t").edge("t", "s").edge("s", "out").build();
        float[] y = trace(g, pulse(6, 3), "out:out");
        assertEquals(List.of(0f, 0f, 0f, 3f, 0f, 0f), boxed(y));
    }

    /** A latch: the cycle t -> b -> a -> t holds a pulse, one step per trip round the loop. */
    @Test
    void anEdgeClosingACycleCarriesThePreviousStep() {
        NirGraph g = new Graphs().input("in", 1).node("a", "Linear", "weight", matrix(1, 1, 1))
                .node("t", "Threshold", "threshold", v(0.5)).node("b", "Linear", "weight", matrix(1, 1, 1)).output("out", 1)
                .edge("in", "a").edge("a", "t").edge("t", "out").edge("t", "b").edge("b", "a").build();
        CompiledGraph c = CompiledGraph.compile(g, OPTIONS);
        assertEquals("[b -> a]", c.backEdges().toString());
        assertEquals(List.of(0f, 0f, 1f, 1f, 1f, 1f), boxed(trace(g, pulse(6, 2), "out:out")));
        assertEquals(List.of(0f, 0f, 1f, 1f, 1f, 1f), boxed(trace(g, pulse(6, 2), "b:out")));
        // the loop without the latching threshold: a pulse goes round once per step, a -> t -> b -> a
        NirGraph half = new Graphs().input("in", 1).node("a", "Linear", "weight", matrix(1, 1, 1))
                .node("b", "Scale", "scale", v(0.5)).output("out", 1).edge("in", "a").edge("a", "out").edge("a", "b").edge("b", "a").build();
        assertEquals(List.of(1f, 0.5f, 0.25f, 0.125f), boxed(trace(half, pulse(4, 0), "out:out")));
    }

    /** Into step 0 a back edge carries a silent past: an Affine's bias. */
    @Test
    void aRecurrentAffineDeliversItsBiasAtStepZero() {
        NirGraph g = new Graphs().input("in", 1).node("i", "I", "r", v(1000)).node("rec", "Affine", "weight", matrix(1, 1, 0), "bias", v(2))
                .output("out", 1).edge("in", "i").edge("i", "out").edge("i", "rec").edge("rec", "i").build();
        // dv = dt r (x + 2) = 2 each step from step 0 on
        assertEquals(List.of(2f, 4f, 6f), boxed(trace(g, new float[3], "i:v")));
    }

    @Test
    void aDelayNodeDelaysByItsOwnWholeSteps() {
        NirGraph g = new Graphs().input("in", 2).node("d", "Delay", "delay", v(3e-3, 0)).output("out", 2).edge("in", "d").edge("d", "out").build();
        float[] x = new float[2 * 6];
        x[2 * 1] = 1f; // channel 0 at step 1
        x[2 * 1 + 1] = 5f; // channel 1 at step 1
        float[] y = trace(g, x, "out:out");
        assertEquals(1f, y[2 * 4], "channel 0 three steps later");
        assertEquals(5f, y[2 * 1 + 1], "channel 1 without delay");
        float sum = 0;
        for (float f : y) sum += f;
        assertEquals(6f, sum, "nothing else");
        NirException e = assertThrows(NirException.class, () -> CompiledGraph.compile(
                new Graphs().input("in", 1).node("d", "Delay", "delay", v(1.5e-3)).output("out", 1).edge("in", "d").edge("d", "out").build(), OPTIONS));
        assertEquals("node 'd' (Delay): delay[0] = 0.0015 s is not a whole number of steps of dt = 0.001 s between 0 and 1e6 steps", e.getMessage());
    }

    @Test
    void severalIncomingEdgesAreSummed() {
        NirGraph g = new Graphs().input("in", 2).node("a", "Scale", "scale", v(1, 2)).node("b", "Scale", "scale", v(10, 20))
                .node("f", "Flatten").output("out", 2).edge("in", "a").edge("in", "b").edge("a", "f").edge("b", "f").edge("f", "out").build();
        float[] y = trace(g, new float[] {1, 1}, "out:out");
        assertEquals(List.of(11f, 22f), boxed(y));
    }

    @Test
    void aNestedGraphRunsAsIfItsNodesWereInline() {
        NirGraph inner = new Graphs().input("input", 1).node("s", "Scale", "scale", v(4)).output("output", 1)
                .edge("input", "s").edge("s", "output").build();
        NirGraph g = new Graphs().input("in", 1).graph("sub", inner).node("t", "Scale", "scale", v(0.5)).output("out", 1)
                .edge("in", "sub").edge("sub", "t").edge("t", "out").build();
        assertEquals(List.of(2f), boxed(trace(g, new float[] {1}, "out:out")));
        assertEquals(List.of(4f), boxed(trace(g, new float[] {1}, "sub.s:out")));
    }

    /** Two Input nodes: an input row holds the first's values, then the second's (file order); each feeds its own branch. */
    @Test
    void severalInputNodesTakeConsecutiveSlicesOfARow() {
        NirGraph g = new Graphs().input("a", 1).input("b", 2).node("wa", "Scale", "scale", v(10))
                .node("wb", "Linear", "weight", matrix(1, 2, 1, 100)).output("out", 1)
                .edge("a", "wa").edge("b", "wb").edge("wa", "out").edge("wb", "out").build();
        CompiledGraph c = CompiledGraph.compile(g, OPTIONS);
        assertEquals(3, c.inputSize());
        // row 0: a = 1, b = (0, 0); row 1: a = 0, b = (1, 1); row 2: a = 1, b = (0, 1)
        assertEquals(List.of(10f, 101f, 110f), boxed(trace(g, new float[] {1, 0, 0, 0, 1, 1, 1, 0, 1}, "out:out")));
    }

    /** CubaLI is CubaLIF without threshold: its output is v, and equals the v of a CubaLIF that never reaches its threshold. */
    @Test
    void cubaLiOutputsTheVOfTheCurrentBasedStep() {
        Object[] p = {"tau_syn", v(2e-3), "tau_mem", v(5e-3), "r", v(2), "v_leak", v(0.1), "w_in", v(3)};
        NirGraph li = new Graphs().input("in", 1).node("n", "CubaLI", p).output("out", 1).edge("in", "n").edge("n", "out").build();
        Object[] q = java.util.Arrays.copyOf(p, p.length + 2);
        q[p.length] = "v_threshold";
        q[p.length + 1] = v(1e9);
        NirGraph lif = new Graphs().input("in", 1).node("n", "CubaLIF", q).output("out", 1).edge("in", "n").edge("n", "out").build();
        float[] x = {1, 1, 0, 0, 1, 0, 0, 0};
        float[] out = trace(li, x, "out:out");
        assertEquals(boxed(trace(lif, x, "n:v")), boxed(out));
        // euler by hand: I0 = 0 (v sees I before the step), v1 = v0 + 0.2 (0.1 - v0) = 0.02; I1 = 0.5 * 3 = 1.5
        assertEquals(0.02f, out[0], 1e-7f);
        assertEquals(0.02f + 0.2f * (0.1f - 0.02f + 2 * 1.5f), out[1], 1e-6f);
    }

    @Test
    void badGraphsAreOneLineErrorsNamingTheNode() {
        String unsupported = message(new Graphs().input("in", 1).node("c", "Conv2d", "weight", matrix(1, 1, 1)).output("out", 1)
                .edge("in", "c").edge("c", "out").build());
        assertTrue(unsupported.startsWith("node 'c' has type Conv2d, which the NIR import does not run (supported: Input, Output, Affine"), unsupported);
        assertEquals("the top graph: edge in -> x names node 'x', which the graph does not have",
                message(new Graphs().input("in", 1).output("out", 1).edge("in", "x").build()));
        assertEquals("edge in -> a: 'in' gives 3 values, 'a' takes 2",
                message(new Graphs().input("in", 3).node("a", "Linear", "weight", matrix(1, 2, 1, 1)).output("out", 1).edge("in", "a").edge("a", "out").build()));
        assertEquals("the graph has no Input node",
                message(new Graphs().node("s", "Scale", "scale", v(1)).output("out", 1).edge("s", "out").build()));
        assertEquals("node 'l' (LIF): tau[0] = 0.0; it must be a positive finite time in seconds",
                message(new Graphs().input("in", 1).node("l", "LIF", "tau", v(0), "r", v(1), "v_leak", v(0), "v_threshold", v(1))
                        .output("out", 1).edge("in", "l").edge("l", "out").build()));
        // a cycle the Input does not reach, of scalar parameters: no forward edge gives its size
        assertEquals("node 'l' (LIF): its size cannot be inferred (no forward edge into it, no per-neuron parameter)",
                message(new Graphs().input("in", 1).output("out", 1).node("l", "LIF", "tau", v(1e-3), "r", v(1), "v_leak", v(0), "v_threshold", v(1))
                        .node("f", "Flatten").edge("in", "out").edge("l", "f").edge("f", "l").build()));
    }

    private static String message(NirGraph g) {
        return assertThrows(NirException.class, () -> CompiledGraph.compile(g, OPTIONS)).getMessage();
    }

    private static List<Float> boxed(float[] y) {
        List<Float> l = new java.util.ArrayList<>();
        for (float f : y) l.add(f);
        return l;
    }
}
