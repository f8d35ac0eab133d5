package org.spikelane.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spikelane.random.RandomStream;

/** The OU process of a neuron depends on its own draws only: any order or split of the neurons gives the same bits. */
class OuNoiseOrderTest {
    private static final double DT = 1e-4;
    private static final RandomStream STREAM = RandomStream.root(3).substream("input").substream(0).substream(0);

    private static OuNoiseKernel kernel(int[] neurons, int n) {
        double[] mean = new double[n], sigma = new double[n], tau = new double[n];
        for (int k = 0; k < n; k++) {
            mean[k] = 1e-10 * k;
            sigma[k] = 2e-11 * (1 + k % 7);
            tau[k] = 1e-3 * (1 + k % 5);
        }
        return new OuNoiseKernel(neurons, DT, mean, sigma, tau, 0, Long.MAX_VALUE, STREAM);
    }

    @Test
    void rangesVisitedInAnyOrderGiveTheSameBitsAsTheWholePopulation() {
        int n = 333;
        OuNoiseKernel whole = kernel(null, n);
        OuNoiseKernel sliced = kernel(null, n);
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < n; from += 40) ranges.add(new int[] {from, Math.min(n, from + 40)});
        Random shuffle = new Random(1);
        for (long step = 0; step < 200; step++) {
            whole.advance(step, 0, n);
            Collections.shuffle(ranges, shuffle);
            for (int[] r : ranges) {
                // each range one neuron at a time, last to first
                for (int k = r[1] - 1; k >= r[0]; k--) sliced.advance(step, k, k + 1);
            }
        }
        assertArrayEquals(whole.state(), sliced.state());
        assertNotEquals(kernel(null, n).state()[5], whole.state()[5], "the state moved");
    }

    @Test
    void aNeuronsProcessIsTheSameWhicheverOtherNeuronsTheInputTargets() {
        // neuron 7 is slot 7 of the whole population and slot 1 of {2, 7, 9}; same parameters in both
        int n = 10;
        OuNoiseKernel all = kernel(null, n);
        double[] mean = {0, 1e-10 * 7, 0}, sigma = {2e-11, 2e-11 * (1 + 7 % 7), 2e-11}, tau = {1e-3, 1e-3 * (1 + 7 % 5), 1e-3};
        OuNoiseKernel some = new OuNoiseKernel(new int[] {2, 7, 9}, DT, mean, sigma, tau, 0, Long.MAX_VALUE, STREAM);
        for (long step = 0; step < 100; step++) {
            all.advance(step, 0, n);
            some.advance(step, 0, 3);
        }
        assertEquals(all.state()[7], some.state()[1], 0.0);
    }
}
