package org.spikelane.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InverseNormalTest {
    /**
     * Quantiles from CPython 3's {@code statistics.NormalDist().inv_cdf(p)} (printed with repr),
     * an independent implementation of the same algorithm, in the central, intermediate and far
     * tail branches; agreement to a few ulps says every coefficient is right.
     */
    @Test
    void quantilesMatchAnIndependentImplementationInEveryBranch() {
        double[][] pz = {
            {1e-300, -37.0470962993612}, {1e-20, -9.262340089798405}, {1e-10, -6.361340902404056},
            {1e-05, -4.2648907939228256}, {0.01, -2.3263478740408408}, {0.05, -1.6448536269514726},
            {0.075, -1.4395314709384557}, {0.0751, -1.4388253927525398}, {0.3, -0.5244005127080407},
            {0.5, 0.0}, {0.6, 0.2533471031357998}, {0.924, 1.4325027208258119}, {0.97, 1.8807936081512504},
            {0.999, 3.090232306167813}, {0.999999999999, 7.0344869100478356},
        };
        for (double[] c : pz) {
            assertEquals(c[1], InverseNormal.of(c[0]), 4 * Math.ulp(c[1]) + 1e-300, "p = " + c[0]);
        }
        assertEquals(1.959963984540054, InverseNormal.of(0.975), 1e-15, "the 97.5 % point every table lists");
    }

    /** One-word normals: mean 0, variance 1, and the fraction beyond 1.96 (5 %) within 5 s.e. */
    @Test
    void oneWordNormalsHaveTheMomentsAndTailsOfTheStandardNormal() {
        RandomStream r = RandomStream.root(3).substream("normal");
        int n = 400_000;
        double sum = 0, sumSq = 0;
        int beyond = 0;
        for (int i = 0; i < n; i++) {
            double z = r.normal(i, 0);
            sum += z;
            sumSq += z * z;
            if (Math.abs(z) > 1.959963984540054) beyond++;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0, mean, 5 / Math.sqrt(n));
        assertEquals(1, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(0.05, beyond / (double) n, 5 * Math.sqrt(0.05 * 0.95 / n));
        assertTrue(r.normal(7, 1) != r.normal(7, 2) && r.normal(7, 1) == r.normal(7, 1));
    }
}
