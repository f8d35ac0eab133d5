package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;

/** Vector and scalar Loihi kernels on random states near the 24-bit bounds, both signs. */
class LoihiKernelAgreementTest {

    private static LoihiLifState randomState(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] du = new double[n], dv = new double[n], vth = new double[n], mant = new double[n], exp = new double[n];
        for (int i = 0; i < n; i++) {
            du[i] = r.nextInt(4096);
            dv[i] = r.nextInt(4096);
            vth[i] = r.nextInt((1 << 17) + 1);
            mant[i] = r.nextInt(-4096, 4096);
            exp[i] = r.nextInt(8);
        }
        LoihiLifState s = new LoihiLifState(n, LoihiLifModel.resolve("p", Map.of("du", du, "dv", dv, "vth", vth,
                "bias_mant", mant, "bias_exp", exp), n, org.spikelane.random.RandomStream.root(seed)));
        int edge = (1 << 23) - 1;
        for (int i = 0; i < n; i++) {
            s.u[i] = i % 4 == 0 ? (r.nextBoolean() ? edge : -edge) : r.nextInt(-edge, edge + 1);
            s.v[i] = i % 5 == 0 ? (r.nextBoolean() ? edge : -edge) : r.nextInt(-edge, edge + 1);
        }
        return s;
    }

    @Test
    void vectorEqualsScalarForManySteps() {
        for (int n : new int[] {1, 17, 1000, 4099}) {
            LoihiLifState a = randomState(n, n), b = randomState(n, n);
            SplittableRandom inputs = new SplittableRandom(99);
            int[] spikesA = new int[a.padded], spikesB = new int[b.padded];
            long totalSpikes = 0;
            for (int step = 0; step < 50; step++) {
                for (int i = 0; i < n; i++) {
                    int x = inputs.nextInt(-(1 << 15), 1 << 15); // Lava's a_in port is 16 bits
                    a.aIn[i] = x;
                    b.aIn[i] = x;
                }
                int ca = LoihiLifKernel.vectorStep(a, 0, a.padded, spikesA, 0);
                int cb = LoihiLifKernel.scalarStep(b, 0, b.padded, spikesB, 0);
                assertEquals(cb, ca, "spike count, n " + n + ", step " + step);
                assertArrayEquals(java.util.Arrays.copyOf(spikesB, cb), java.util.Arrays.copyOf(spikesA, ca));
                assertArrayEquals(b.u, a.u, "u, n " + n + ", step " + step);
                assertArrayEquals(b.v, a.v, "v, n " + n + ", step " + step);
                totalSpikes += ca;
            }
            assertArrayEquals(b.overflows, a.overflows, "overflow counts, n " + n);
            if (n >= 1000) {
                assertTrue(totalSpikes > 0, "the random states must exercise the spike path");
                assertTrue(a.overflows[LoihiLifState.U_WRAPS] > 0 && a.overflows[LoihiLifState.V_SATURATIONS] > 0,
                        "the random states must exercise wrap and saturation: " + java.util.Arrays.toString(a.overflows));
            }
        }
    }
}
