package org.spikelane.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.nir.Graphs.matrix;
import static org.spikelane.nir.Graphs.v;

import java.util.List;
import java.util.Random;
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
 * Graded (non-binary) inputs under precision loihi (docs/nir.md, "Graded inputs under loihi"):
 * payload {@code p = round(64 x)} (ties to even), 24-bit signed; the Dense sum
 * {@code a_in = floor(sum m p 2^(e+1) / 64) + bias}, 24-bit signed; overflows counted.
 */
class PrecisionLoihiGradedTest {
    private static final RunOptions LOIHI = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE, Precision.LOIHI);
    private static final RunOptions FLOAT = new RunOptions(1e-3, Integration.EULER, ResetMode.VALUE, Precision.FLOAT32);

    /**
     * Input (2) -> Affine W = [0.5, -0.25], b = 0.125 -> I (r 500, dt 1 ms: gain dt r = 1/2, so
     * one a_in unit is 1/64 of a volt and a weight W is 64 W / 2 = 32 W units): w = 16, -8, bias 4;
     * the largest, 16, fits e = 0, so mantissas m = 8, -4 of step 2. I has no leak: u = a_in << 6,
     * v += u, both in 1/4096.
     * <ol>
     * <li>x = (0.3, -1.7): p = round(19.2) = 19, round(-108.8) = -109; 8 19 + (-4)(-109) = 588;
     *     floor(588 2 / 64) = floor(18.375) = 18, + 4 = 22; u = 1408, v = 1408
     *     (float: 0.5 (0.15 + 0.425 + 0.125) = 0.35 V = 1433.6 / 4096);</li>
     * <li>x = (-0.1, 0.05): p = -6, 3; -48 - 12 = -60; floor(-120 / 64) = -2 (the floor, not
     *     toward zero), + 4 = 2; v = 1408 + 128 = 1536;</li>
     * <li>x = (0, 0): the bias alone, 4; v = 1536 + 256 = 1792;</li>
     * <li>x = (1, 0), a spike: p = 64, 512 2 / 64 = 16 = the binary Dense's weight, + 4 = 20; v = 3072;</li>
     * <li>x = (0.5/64, 1.5/64): 64 x = 0.5 and 1.5 round to even, p = 0, 2; -8 2 / 64 = -0.25,
     *     floor -1, + 4 = 3; v = 3072 + 192 = 3264.</li>
     * </ol>
     */
    @Test
    void gradedInputsGiveHandWorkedIntegers() {
        NirGraph g = new Graphs().input("in", 2).node("w", "Affine", "weight", matrix(1, 2, 0.5, -0.25), "bias", v(0.125))
                .node("l", "I", "r", v(500)).output("out", 1).edge("in", "w").edge("w", "l").edge("l", "out").build();
        CompiledGraph c = CompiledGraph.compile(g, LOIHI);
        float[] x = {0.3f, -1.7f, -0.1f, 0.05f, 0, 0, 1, 0, 0.5f / 64, 1.5f / 64};
        SampleResult r = SampleRunner.run(c, x, 0, 5, List.of(Probe.parse(c, "w:out"), Probe.parse(c, "l:v")));
        float[] aIn = r.traces()[0];
        float[] vt = r.traces()[1];
        int[] expectA = {22, 2, 4, 20, 3};
        int[] expectV = {1408, 1536, 1792, 3072, 3264};
        for (int t = 0; t < 5; t++) {
            assertEquals(expectA[t], aIn[t], 0f, "a_in at step " + t);
            assertEquals(expectV[t], vt[t] * 4096, 0f, "v at step " + t);
        }
        assertEquals(0, r.overflows()[c.node("w")], "no payload or sum beyond 24 bits");
    }

    /**
     * A payload beyond 24 bits saturates and is counted, and so does a sum. W = (1/16, 4) into I
     * (gain 1/2: 32 a_in units per unit of W) is w = 2, 128, so e = 0 and m = 1, 64. Step 0:
     * x = (2^17, 0), 64 x = 2^23 is one above the largest payload, which stands in:
     * floor((2^23 - 1) 2 / 64) = 262143. Step 1: x = (0, 2^17 - 1), p = 2^23 - 64 fits, but
     * 64 (2^23 - 64) 2 / 64 = 2^24 - 2^7 does not: a_in saturates at 2^23 - 1.
     */
    @Test
    void payloadsAndSumsBeyond24BitsSaturateAndAreCounted() {
        NirGraph g = new Graphs().input("in", 2).node("w", "Linear", "weight", matrix(1, 2, 1 / 16.0, 4))
                .node("l", "I", "r", v(500)).output("out", 1).edge("in", "w").edge("w", "l").edge("l", "out").build();
        CompiledGraph c = CompiledGraph.compile(g, LOIHI);
        float[] x = {1 << 17, 0, 0, (1 << 17) - 1};
        SampleResult r = SampleRunner.run(c, x, 0, 2, List.of(Probe.parse(c, "w:out")));
        assertEquals(262143, r.traces()[0][0], 0f, "step 0: the payload saturated at 2^23 - 1");
        assertEquals((1 << 23) - 1, r.traces()[0][1], 0f, "step 1: the sum saturated at 2^23 - 1");
        assertEquals(2, r.overflows()[c.node("w")], "one payload and one sum clipped");
    }

    /**
     * Against float32: Input (3) -> Affine (4 x 3, weights and biases multiples of 1/2 in
     * [-3.5, 3.5]) -> LI (tau 16 ms, r 1, dt 1 ms) on 500 steps of graded inputs uniform in
     * [-2, 2]. With alpha = dt/tau = 1/16, dv = 256 exactly, gain alpha r = 1/16 and a weight W is
     * 4 W a_in units, an even integer: the weights are exact, and the step's error in volts is at
     * most
     * <pre>  e = (sum_j 4 |W_ij| / 128 + 1) / 64     payload rounding (|p/64 - x| &lt;= 1/128) and the floor
     *      + 1 / 4096                          v's decay truncated toward zero
     *      + alpha r Y / 4096                  u keeps trunc(u / 4096) of the previous step (du = 4095)</pre>
     * with Y = sum_j |W_ij| 2 + |b_i| the largest drive. Both v follow the same recurrence with
     * factor 1 - alpha, so the difference stays within e / alpha, plus 1e-5 for float32's own
     * rounding of a v of at most Y.
     */
    @Test
    void gradedInputsFollowFloat32WithinTheDerivedBound() {
        Random rnd = new Random(42);
        int in = 3, out = 4, steps = 500;
        double[] w = new double[out * in];
        double[] b = new double[out];
        for (int k = 0; k < w.length; k++) w[k] = (rnd.nextInt(15) - 7) / 2.0;
        for (int i = 0; i < out; i++) b[i] = (rnd.nextInt(15) - 7) / 2.0;
        NirGraph g = new Graphs().input("in", in).node("w", "Affine", "weight", matrix(out, in, w), "bias", b)
                .node("l", "LI", "tau", v(16e-3), "r", v(1), "v_leak", v(0)).output("out", out)
                .edge("in", "w").edge("w", "l").edge("l", "out").build();
        float[] x = new float[steps * in];
        for (int k = 0; k < x.length; k++) x[k] = (float) (rnd.nextDouble() * 4 - 2);
        CompiledGraph q = CompiledGraph.compile(g, LOIHI);
        CompiledGraph f = CompiledGraph.compile(g, FLOAT);
        float[] vq = SampleRunner.run(q, x, 0, steps, List.of(Probe.parse(q, "l:v"))).traces()[0];
        float[] vf = SampleRunner.run(f, x, 0, steps, List.of(Probe.parse(f, "l:v"))).traces()[0];
        double alpha = 1 / 16.0, worst = 0, largest = 0, loosest = 0, tightest = Double.MAX_VALUE;
        for (int i = 0; i < out; i++) {
            double sumW = 0;
            for (int j = 0; j < in; j++) sumW += Math.abs(w[i * in + j]);
            double y = sumW * 2 + Math.abs(b[i]);
            double e = (4 * sumW / 128 + 1) / 64 + 1 / 4096.0 + alpha * y / 4096;
            double tol = e / alpha + 1e-5;
            loosest = Math.max(loosest, tol);
            tightest = Math.min(tightest, tol);
            for (int t = 0; t < steps; t++) {
                double d = Math.abs(vq[t * out + i] - vf[t * out + i]);
                assertTrue(d <= tol, "neuron " + i + " step " + t + ": |loihi - float32| = " + d + " above the bound " + tol);
                worst = Math.max(worst, d);
                largest = Math.max(largest, Math.abs(vf[t * out + i]));
            }
        }
        assertTrue(largest > 1, "the inputs drive v well beyond the quantization step: largest |v| " + largest);
        System.out.println("graded loihi vs float32: largest |dv| " + worst + ", largest |v| " + largest + ", bounds " + tightest + " to " + loosest);
    }
}
