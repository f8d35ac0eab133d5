package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.random.RandomStream;

/**
 * The per-step counts of the {@code poisson} input against the Poisson distribution of mean
 * {@code lambda}: {@code P(k) = lambda^k e^{-lambda} / k!}, mean and variance {@code lambda}
 * (Fano factor 1), counts of different neurons and steps independent. Means 0.01 (sparse), 1.28
 * (the microcircuit's L4E input at dt = 0.1 ms), 16 (the largest drawn from one uniform) and 40
 * (split into three parts).
 */
class PoissonCountsTest {
    private static final int NEURONS = 200;
    private static final int STEPS = 1000;

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1.28, 16, 40})
    void countsArePoisson(double lambda) {
        double[] mean = new double[NEURONS];
        java.util.Arrays.fill(mean, lambda);
        PoissonCounts counts = new PoissonCounts(mean, RandomStream.root(9).substream("test"));
        int m = NEURONS * STEPS;
        int[][] c = new int[NEURONS][STEPS];
        double sum = 0, sumSq = 0;
        int most = 0;
        for (int i = 0; i < NEURONS; i++) {
            for (int s = 0; s < STEPS; s++) {
                int k = counts.count(s, i, i);
                c[i][s] = k;
                sum += k;
                sumSq += (double) k * k;
                most = Math.max(most, k);
            }
        }
        double sampleMean = sum / m, sampleVar = (sumSq - sum * sum / m) / (m - 1);
        assertEquals(lambda, sampleMean, 3 * Math.sqrt(lambda / m), "mean");
        // variance of the sample variance of a Poisson variable: (mu4 - sigma^4) / m = (lambda + 2 lambda^2) / m
        assertEquals(lambda, sampleVar, 3 * Math.sqrt((lambda + 2 * lambda * lambda) / m), "variance");

        // chi-square over the values with expected count >= 5, the rest pooled into the two tails
        double[] pmf = new double[most + 2];
        double p = Math.exp(-lambda);
        for (int k = 0; k < pmf.length; k++) {
            pmf[k] = p;
            p *= lambda / (k + 1);
        }
        long[] observed = new long[most + 1];
        for (int[] row : c) for (int k : row) observed[k]++;
        double chi2 = 0, lowE = 0, highE = 0;
        long lowO = 0, highO = 0;
        int df = -1;
        for (int k = 0; k <= most; k++) {
            double e = m * pmf[k];
            if (e >= 5) {
                chi2 += (observed[k] - e) * (observed[k] - e) / e;
                df++;
            } else if (k < lambda) {
                lowE += e;
                lowO += observed[k];
            } else {
                highE += e;
                highO += observed[k];
            }
        }
        highE += m * Math.max(0, 1 - java.util.Arrays.stream(pmf, 0, most + 1).sum()); // beyond the largest count seen
        for (double[] tail : new double[][] {{lowE, lowO}, {highE, highO}}) {
            if (tail[0] >= 5) {
                chi2 += (tail[1] - tail[0]) * (tail[1] - tail[0]) / tail[0];
                df++;
            }
        }
        assertTrue(df >= 1, "bins: " + df);
        assertTrue(chi2 < chiSquare999(df), "chi2 " + chi2 + " with " + df + " degrees of freedom");

        // neighbouring neurons: Pearson correlation over all steps, s.d. 1/sqrt(STEPS) each
        double r = 0;
        for (int i = 0; i + 1 < NEURONS; i++) r += correlation(c[i], c[i + 1]);
        r /= NEURONS - 1;
        assertEquals(0, r, 4 / Math.sqrt(STEPS * (NEURONS - 1.0)), "mean correlation of neighbours");
    }

    /** The 0.999 quantile of chi-square with {@code df} degrees of freedom (Wilson-Hilferty, z = 3.09). */
    static double chiSquare999(int df) {
        double a = 2.0 / (9 * df);
        return df * Math.pow(1 - a + 3.09 * Math.sqrt(a), 3);
    }

    private static double correlation(int[] a, int[] b) {
        double ma = 0, mb = 0;
        for (int k = 0; k < a.length; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < a.length; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
