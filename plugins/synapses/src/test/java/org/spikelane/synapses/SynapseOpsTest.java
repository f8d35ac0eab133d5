package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.simd.Simd;

/** Every vector operation against the scalar reference, on sizes that are not multiples of the lane count. */
class SynapseOpsTest {
    private static final SynapseOps VECTOR = SynapseOps.of(true);
    private static final SynapseOps SCALAR = SynapseOps.of(false);

    private static double[] randomArray(SplittableRandom r, int n, int padded, double scale) {
        double[] a = new double[padded];
        for (int i = 0; i < n; i++) a[i] = (r.nextDouble() - 0.3) * scale;
        return a;
    }

    private static float[] randomFloats(SplittableRandom r, int n, int padded, double scale) {
        float[] a = new float[padded];
        for (int i = 0; i < n; i++) a[i] = (float) ((r.nextDouble() - 0.5) * scale);
        return a;
    }

    /** Equal as numbers (the vector path may turn -0 into +0 when it adds the zero lanes). */
    private static void same(float[] a, float[] b, String what) {
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 0.0f, what + "[" + i + "]");
    }

    private static void same(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 0.0, what + "[" + i + "]");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 1000, 4099})
    void conductanceWithOneAndFourTerms(int n) {
        int padded = Simd.padded(n);
        for (int terms : new int[] {1, 4}) {
            SplittableRandom r = new SplittableRandom(n + terms);
            double[][] s = new double[terms][];
            double[][] s2 = new double[terms][];
            double[] decay = new double[terms];
            for (int t = 0; t < terms; t++) {
                s[t] = randomArray(r, n, padded, 1e-8);
                s2[t] = s[t].clone();
                decay[t] = 0.9 + 0.02 * t;
            }
            float[] g = randomFloats(r, n, padded, 1e-8);
            float[] gE = randomFloats(r, n, padded, 1e-10);
            float[] g2 = g.clone();
            float[] gE2 = gE.clone();
            for (int step = 0; step < 5; step++) {
                VECTOR.feedConductance(g, gE, -75e-3, s, decay, 0, padded);
                SCALAR.feedConductance(g2, gE2, -75e-3, s2, decay, 0, padded);
            }
            same(g, g2, "g");
            same(gE, gE2, "gE");
            for (int t = 0; t < terms; t++) same(s[t], s2[t], "term " + t);
        }
    }
}
