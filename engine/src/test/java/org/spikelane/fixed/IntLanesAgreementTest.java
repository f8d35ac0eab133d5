package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.IntVector;
import org.junit.jupiter.api.Test;
import org.spikelane.simd.Simd;

/** The split-multiply lanes against the long-arithmetic reference, bit for bit. */
class IntLanesAgreementTest {
    private static final int[] SIZES = {1, 17, 1000, 4099};

    /** Random ints mixed with the values where a split multiply goes wrong first. */
    private static int[] operands(int n, SplittableRandom r) {
        int[] edges = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MIN_VALUE, 0xFFFF, 0x10000, -0x10000,
                -0xFFFF, (1 << 23) - 1, -(1 << 23) + 1, 1 << 23, -(1 << 23), 1 << 27, -(1 << 27), 0x7FFF8000, 0x80008000};
        int[] x = new int[Simd.padded(n)];
        for (int i = 0; i < n; i++) x[i] = i % 3 == 0 ? edges[r.nextInt(edges.length)] : r.nextInt();
        return x;
    }

    private static int[] multipliers(int n, int bits, SplittableRandom r) {
        int[] m = new int[Simd.padded(n)];
        for (int i = 0; i < m.length; i++) {
            int k = r.nextInt(4);
            m[i] = k == 0 ? 0 : k == 1 ? 1 << bits : k == 2 ? (1 << bits) - 1 : r.nextInt(1 << bits);
        }
        return m;
    }

    @Test
    void mulFloorNearestAndStochasticAgreeWithLongReference() {
        SplittableRandom r = new SplittableRandom(11);
        for (int bits : new int[] {12, 16}) {
            for (int n : SIZES) {
                int[] x = operands(n, r);
                int[] m = multipliers(n, bits, r);
                int[] noise = new int[x.length];
                for (int i = 0; i < n; i++) noise[i] = r.nextInt(1 << bits);
                int[] expectedNearest = new int[x.length], actualNearest = new int[x.length];
                int[] expectedStochastic = new int[x.length], actualStochastic = new int[x.length];
                for (int i = 0; i < n; i++) {
                    expectedNearest[i] = FixedMath.mulFloor(x[i], m[i], bits, 1 << (bits - 1));
                    expectedStochastic[i] = FixedMath.mulFloor(x[i], m[i], bits, noise[i]);
                }
                for (int i = 0; i < x.length; i += Simd.INT.length()) {
                    IntVector xv = IntVector.fromArray(Simd.INT, x, i);
                    IntVector mv = IntVector.fromArray(Simd.INT, m, i);
                    IntLanes.mulFloor(xv, mv, bits, 1 << (bits - 1)).intoArray(actualNearest, i);
                    IntLanes.mulFloor(xv, mv, bits, IntVector.fromArray(Simd.INT, noise, i)).intoArray(actualStochastic, i);
                }
                assertArrayEquals(expectedNearest, java.util.Arrays.copyOf(actualNearest, x.length), "nearest, bits " + bits + ", n " + n);
                assertArrayEquals(expectedStochastic, actualStochastic, "stochastic, bits " + bits + ", n " + n);
            }
        }
    }

    @Test
    void mulTruncateAgreesWithLongReferenceOnBothSigns() {
        SplittableRandom r = new SplittableRandom(12);
        for (int bits : new int[] {12, 16}) {
            for (int n : SIZES) {
                int[] x = operands(n, r);
                for (int i = 0; i < n; i++) if (x[i] == Integer.MIN_VALUE) x[i] = -Integer.MAX_VALUE; // |x| must exist
                int[] m = multipliers(n, bits, r);
                int[] expected = new int[x.length], actual = new int[x.length];
                for (int i = 0; i < n; i++) expected[i] = FixedMath.mulTruncate(x[i], m[i], bits);
                for (int i = 0; i < x.length; i += Simd.INT.length()) {
                    IntLanes.mulTruncate(IntVector.fromArray(Simd.INT, x, i), IntVector.fromArray(Simd.INT, m, i), bits)
                            .intoArray(actual, i);
                }
                assertArrayEquals(expected, actual, "truncate, bits " + bits + ", n " + n);
            }
        }
    }

    @Test
    void referenceMatchesTheDefinitions() {
        assertEquals(-1, FixedMath.mulFloor(-1, 65535, 16, 0), "floor keeps -1: negative values stick");
        assertEquals(0, FixedMath.mulTruncate(-1, 65535, 16), "truncation moves toward zero");
        assertEquals(-1, FixedMath.mulFloor(-1, 65535, 16, 0x8000), "nearest: -0.99998 rounds to -1");
        assertEquals(2, FixedMath.mulFloor(3, 1 << 15, 16, 0x8000), "1.5 rounds half up to 2");
        assertEquals(-1, FixedMath.mulFloor(-3, 1 << 15, 16, 0x8000), "-1.5 rounds half up to -1");
        assertEquals(-4095, FixedMath.mulTruncate(-8191, 2048, 12), "sign(x) (|x| m >> 12)");
        assertEquals(Integer.MAX_VALUE, FixedMath.mulFloor(Integer.MAX_VALUE, 1 << 16, 16, 0), "m = 2^bits is the identity");
    }

    @Test
    void wrapAndSaturateAgreeAndCount() {
        SplittableRandom r = new SplittableRandom(13);
        for (int n : SIZES) {
            int[] x = new int[Simd.padded(n)];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(-(1 << 25), 1 << 25);
            }
            x[0] = 1 << 23;          // stays: Lava's range is (-2^23, 2^23]
            if (n > 3) {
                x[1] = -(1 << 23);   // wraps up to +2^23
                x[2] = (1 << 23) + 1; // wraps down to -2^23 + 1
            }
            long wraps = 0, saturations = 0;
            int[] wrapExpected = new int[x.length], satExpected = new int[x.length];
            int limit = (1 << 23) - 1;
            for (int i = 0; i < x.length; i++) {
                wrapExpected[i] = (int) FixedMath.wrapLava(x[i], 24);
                if (wrapExpected[i] != x[i]) wraps++;
                satExpected[i] = (int) FixedMath.saturate(x[i], limit);
                if (satExpected[i] != x[i]) saturations++;
            }
            long[] counters = new long[2];
            int[] wrapActual = new int[x.length], satActual = new int[x.length];
            for (int i = 0; i < x.length; i += Simd.INT.length()) {
                IntVector xv = IntVector.fromArray(Simd.INT, x, i);
                IntLanes.wrapLava(xv, 24, counters, 0).intoArray(wrapActual, i);
                IntLanes.saturate(xv, limit, counters, 1).intoArray(satActual, i);
            }
            assertArrayEquals(wrapExpected, wrapActual, "wrap n " + n);
            assertArrayEquals(satExpected, satActual, "saturate n " + n);
            assertEquals(wraps, counters[0], "wrap count");
            assertEquals(saturations, counters[1], "saturation count");
            if (n > 3) {
                assertEquals(1 << 23, wrapActual[0]);
                assertEquals(1 << 23, wrapActual[1]);
                assertEquals(-(1 << 23) + 1, wrapActual[2]);
            }
        }
    }

    @Test
    void noiseLanesEqualTheScalarHash() {
        int[] expected = new int[Simd.padded(4099)], actual = new int[expected.length];
        for (int i = 0; i < expected.length; i++) expected[i] = FixedMath.noise(7, 123, i);
        IntLanes.fillNoise(7, 123, -1, actual);
        assertArrayEquals(expected, actual);
        IntLanes.fillNoise(7, 123, 0xFFFF, actual);
        assertEquals(expected[4098] & 0xFFFF, actual[4098]);
        // a hash that is no better than a counter would fail this: low 16 bits roughly uniform
        double mean = java.util.Arrays.stream(expected).map(h -> h & 0xFFFF).average().orElseThrow();
        assertEquals(32767.5, mean, 32768 * 0.03);
    }
}
