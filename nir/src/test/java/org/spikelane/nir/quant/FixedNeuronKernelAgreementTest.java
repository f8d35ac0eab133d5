package org.spikelane.nir.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixed neuron kernel's vector path against its scalar reference, bit for bit (v, c, outputs,
 * recorded floats, overflow counts), for every node type, euler and exact, reset value and
 * subtract, on sizes 1, 17, 1000 and 4099 (not multiples of the lane count), with random
 * multipliers, thresholds and rests and inputs large enough to saturate the drive, c and v.
 */
class FixedNeuronKernelAgreementTest {
    @ParameterizedTest
    @EnumSource(NeuronParams.Kind.class)
    void vectorAndScalarAgreeBitForBit(NeuronParams.Kind kind) {
        SplittableRandom rnd = new SplittableRandom(kind.ordinal() * 31L + 7);
        long saturations = 0, spikes = 0;
        for (int n : new int[] {1, 17, 1000, 4099}) {
            for (boolean exact : new boolean[] {false, true}) {
                for (boolean subtract : new boolean[] {false, true}) {
                    int shift = rnd.nextInt(0, 7);
                    int[] rest = ints(rnd, n, -(1 << 20), 1 << 20);
                    int[] threshold = ints(rnd, n, 1 << 16, 1 << 22);
                    int[] reset = ints(rnd, n, -(1 << 12), 1 << 12);
                    int[] dm = ints(rnd, n, 0, (1 << 16) + 1);
                    int[] ds = ints(rnd, n, 0, (1 << 16) + 1);
                    int[] cross = ints(rnd, n, 0, (1 << 16) + 1);
                    float[] scale = new float[n];
                    for (int i = 0; i < n; i++) scale[i] = (float) rnd.nextDouble(0, 2e-3);
                    FixedNeuronKernel vector = new FixedNeuronKernel(n, kind, exact, subtract, shift, 1e-4, rest, threshold, reset, dm, ds, cross, scale, true);
                    FixedNeuronKernel scalar = new FixedNeuronKernel(n, kind, exact, subtract, shift, 1e-4, rest, threshold, reset, dm, ds, cross, scale, false);
                    FixedNeuronKernel.Work wv = (FixedNeuronKernel.Work) vector.newWork();
                    FixedNeuronKernel.Work ws = (FixedNeuronKernel.Work) scalar.newWork();
                    float[][] sv = vector.newState(), ss = scalar.newState();
                    float[] ov = new float[n], os = new float[n];
                    for (int step = 0; step < 60; step++) {
                        float[] in = new float[n];
                        // mostly moderate sums, some beyond what the drive, c or v can hold
                        for (int i = 0; i < n; i++) in[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(-(1 << 24), 1 << 24) : rnd.nextInt(-(1 << 16), 1 << 17);
                        vector.step(step, in, sv, wv, ov);
                        scalar.step(step, in, ss, ws, os);
                        String where = kind + " n " + n + (exact ? " exact" : " euler") + (subtract ? " subtract" : " value") + " step " + step;
                        assertArrayEquals(ws.v, wv.v, where + ": v");
                        assertArrayEquals(ws.c, wv.c, where + ": c");
                        assertArrayEquals(os, ov, where + ": out");
                        for (int k = 0; k < ss.length; k++) assertArrayEquals(ss[k], sv[k], where + ": state " + k);
                        assertArrayEquals(ws.overflows, wv.overflows, where + ": overflows");
                        if (kind.fires) for (float z : os) spikes += z == 1f ? 1 : 0;
                    }
                    saturations += scalar.overflows(ws);
                }
            }
        }
        assertTrue(saturations > 0, kind + ": the inputs reach the saturations");
        if (kind.fires) assertTrue(spikes > 0, kind + " spikes");
    }

    private static int[] ints(SplittableRandom rnd, int n, int from, int to) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextInt(from, to);
        return a;
    }
}
