package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.spi.Params;

/**
 * Lava's published integer traces of {@code PyLifModelBitAcc} (its LIF unit tests), reproduced
 * exactly by both the vector and the scalar kernel.
 */
class LoihiTraceTest {

    private static LoihiLifState state(Map<String, ?> params) {
        return new LoihiLifState(1, LoihiLifModel.resolve("population 'lava'", params, 1, org.spikelane.random.RandomStream.root(1)));
    }

    /** Runs {@code steps} steps with a_in = 128 at the first one; returns u, v and spike flags per step. */
    private static long[][] run(Map<String, ?> params, int steps, boolean vector, int firstInput) {
        LoihiLifState s = state(params);
        long[][] out = new long[3][steps];
        int[] spikes = new int[s.padded];
        for (int n = 0; n < steps; n++) {
            if (n == 0) s.aIn[0] = firstInput;
            int count = vector ? LoihiLifKernel.vectorStep(s, 0, s.padded, spikes, 0) : LoihiLifKernel.scalarStep(s, 0, s.padded, spikes, 0);
            out[0][n] = s.u[0];
            out[1][n] = s.v[0];
            out[2][n] = count;
        }
        return out;
    }

    private static void bothKernels(java.util.function.Consumer<Boolean> check) {
        check.accept(true);
        check.accept(false);
    }

    @Test
    void currentHalvesWithDu2047() {
        bothKernels(vector -> {
            long[] u = run(Map.of("du", 2047, "dv", 0, "vth", 1 << 17), 8, vector, 128)[0];
            long[] expected = new long[8];
            for (int j = 0; j < 8; j++) expected[j] = 1L << (13 - j);
            assertArrayEquals(expected, u, "u = 8192, 4096, ..., 64 (vector " + vector + ")");
        });
    }

    @Test
    void voltageIntegratesWithDv2048() {
        bothKernels(vector -> {
            long[] v = run(Map.of("du", 0, "dv", 2048, "vth", 1 << 17), 8, vector, 128)[1];
            assertArrayEquals(new long[] {8192, 12286, 14331, 15351, 15859, 16111, 16235, 16295}, v, "vector " + vector);
        });
    }

    @Test
    void biasAloneSpikesOnSteps4And9() {
        bothKernels(vector -> {
            long[] spiked = run(Map.of("du", 0, "dv", 0, "bias_mant", 2, "bias_exp", 6, "vth", 8), 10, vector, 0)[2];
            List<Integer> steps = new ArrayList<>();
            for (int n = 0; n < spiked.length; n++) if (spiked[n] > 0) steps.add(n);
            assertEquals(List.of(4, 9), steps, "vector " + vector);
        });
    }

    @Test
    void largeBiasGivesMantissaTimes32AndSaturatesAt24Bits() {
        bothKernels(vector -> {
            long[][] out = run(Map.of("du", 0, "dv", 0, "bias_mant", 4095, "bias_exp", 5, "vth", 1 << 17), 70, vector, 0);
            assertEquals(4095 * 32, out[1][0], "one step of bias");
            assertEquals(64L * 4095 * 32, out[1][63], "64 steps, below 2^23");
            assertEquals((1 << 23) - 1, out[1][64], "clipped at 2^23 - 1; vth << 6 = 2^23 is never exceeded");
            assertEquals((1 << 23) - 1, out[1][69]);
            assertEquals(0, java.util.Arrays.stream(out[2]).sum(), "no spikes");
        });
    }

    @Test
    void currentWrapsAndVoltageSaturatesAtBothBoundsAndBothAreCounted() {
        bothKernels(vector -> {
            LoihiLifState s = state(Map.of("du", 4095, "dv", 4095, "vth", 1 << 17)); // u multiplier 0: u = a_in << 6
            int[] spikes = new int[s.padded];
            int[][] cases = {
                    {(1 << 17), 1 << 23, (1 << 23) - 1},              // exactly 2^23 stays (Lava: only > 2^23 wraps)
                    {(1 << 17) + 1, -(1 << 23) + 64, -(1 << 23) + 64}, // 2^23 + 64 wraps down by 2^24
                    {-(1 << 17), 1 << 23, (1 << 23) - 1},             // -2^23 wraps up to +2^23, v clips
                    {-(1 << 17) + 1, -(1 << 23) + 64, -(1 << 23) + 64},
            };
            long wraps = 0, saturations = 0;
            for (int[] c : cases) {
                s.v[0] = 0;
                s.aIn[0] = c[0];
                if (vector) LoihiLifKernel.vectorStep(s, 0, s.padded, spikes, 0); else LoihiLifKernel.scalarStep(s, 0, s.padded, spikes, 0);
                assertEquals(c[1], s.u[0], "u for a_in " + c[0]);
                assertEquals(c[2], s.v[0], "v for a_in " + c[0]);
            }
            assertEquals(2, s.overflows[LoihiLifState.U_WRAPS], "wraps: 2^23 + 64 and -2^23");
            assertEquals(2, s.overflows[LoihiLifState.V_SATURATIONS], "v = 2^23 clipped twice");
            // negative saturation: v near -2^23 plus a negative u
            s.v[0] = -((1 << 23) - 1);
            s.aIn[0] = -(1 << 17) + 1; // u = -2^23 + 64
            if (vector) LoihiLifKernel.vectorStep(s, 0, s.padded, spikes, 0); else LoihiLifKernel.scalarStep(s, 0, s.padded, spikes, 0);
            assertEquals(-((1 << 23) - 1), s.v[0], "clipped at -(2^23 - 1)");
            assertEquals(3, s.overflows[LoihiLifState.V_SATURATIONS]);
        });
    }

    @Test
    void parametersOutsideTheHardwareRangesAreOneLineErrors() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.spikelane.spi.ParameterException.class,
                () -> state(Map.of("du", 4096)));
        assertEquals("population 'lava' parameter 'du': must be in [0, 4095], got 4096", e.getMessage());
    }
}
