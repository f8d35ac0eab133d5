package org.spikelane.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.spi.ParameterException;

/**
 * The Poisson population against the statistics of its process. On the grid of steps it is a
 * Bernoulli process with {@code p = rate dt} per step and neuron, so these are its exact
 * discrete-time moments (each tends to the continuous Poisson value as {@code p -> 0}):
 * <ul>
 *   <li>spike count of N neurons over T steps: binomial, mean {@code N T p}, s.e.
 *       {@code sqrt(N T p (1 - p))};</li>
 *   <li>inter-spike interval in steps: geometric, {@code P(k) = p (1 - p)^(k-1)}, mean {@code 1/p},
 *       variance {@code (1 - p) / p^2}, so {@code CV = sqrt(1 - p)} (the discrete-time correction
 *       to the continuous {@code CV = 1});</li>
 *   <li>count in a window: binomial, Fano factor {@code var / mean = 1 - p};</li>
 *   <li>two neurons: independent, so the Pearson correlation of their binned counts has mean 0
 *       and standard deviation {@code 1 / sqrt(bins)} (for bins much more than 1).</li>
 * </ul>
 */
class PoissonPopulationTest {
    private static final double DT = 1e-4;

    private static Simulation run(int size, Map<String, ?> params, long steps, long seed) {
        Network net = new Network(DT).seed(seed);
        net.addPoisson("src", size, params);
        net.recordSpikes("src");
        Simulation sim = net.build();
        sim.runSteps(steps);
        return sim;
    }

    /** Spike steps of every neuron. */
    private static long[][] trains(Simulation sim, int size) {
        long[][] out = new long[size][];
        for (int i = 0; i < size; i++) out[i] = sim.spikes().steps("src", i);
        return out;
    }

    @Test
    void rateIntervalsFanoAndIndependenceMatchTheBernoulliProcess() {
        int n = 1000;
        long steps = 20_000;
        double rate = 50, p = rate * DT;
        long[][] trains = trains(run(n, Map.of("rate", "50 Hz"), steps, 7), n);

        long total = 0;
        for (long[] t : trains) total += t.length;
        double expected = n * steps * p, se = Math.sqrt(n * steps * p * (1 - p));
        assertTrue(Math.abs(total - expected) < 3 * se, "count " + total + " vs " + expected + " +- " + se);

        assertEquals(Math.sqrt(1 - p), cv(trains), 0.03, "ISI CV, sqrt(1 - p) = " + Math.sqrt(1 - p));

        // Fano factor of counts in 100 ms windows: 20 windows x 1000 neurons; s.e. of a variance ratio about sqrt(2 / M)
        int window = 1000;
        double[] counts = binned(trains, steps, window);
        double fano = variance(counts) / mean(counts);
        assertEquals(1 - p, fano, 3 * Math.sqrt(2.0 / counts.length), "Fano factor");

        // neighbours in index (adjacent counter positions of one row of the stream) and one vector apart
        int bins = 200;
        for (int gap : new int[] {1, 8, 16}) {
            double sum = 0, sumSq = 0;
            int pairs = 0;
            for (int i = 0; i + gap < n; i++) {
                double r = correlation(binned(trains[i], steps, bins), binned(trains[i + gap], steps, bins));
                sum += r;
                sumSq += r * r;
                pairs++;
            }
            double meanR = sum / pairs, sdR = Math.sqrt(sumSq / pairs - meanR * meanR);
            double sdExpected = 1 / Math.sqrt(bins);
            // 4 s.e.: six statistics are tested here, so 3 s.e. each would fail about 1 run in 60 by chance
            assertEquals(0, meanR, 4 * sdExpected / Math.sqrt(pairs), "mean correlation at gap " + gap);
            assertEquals(sdExpected, sdR, 0.1 * sdExpected, "spread of correlations at gap " + gap);
        }
    }

    /** At p = 0.2 the discrete-time correction is large: the CV is sqrt(0.8) = 0.894, not 1. */
    @Test
    void intervalCvFollowsTheDiscreteTimeCorrection() {
        int n = 200;
        long[][] trains = trains(run(n, Map.of("rate", "2000 Hz"), 20_000, 3), n);
        double cv = cv(trains);
        assertEquals(Math.sqrt(0.8), cv, 0.005);
        assertTrue(Math.abs(cv - 1) > 0.1, "the uncorrected CV 1 is rejected: " + cv);
    }

    @Test
    void ratesPerNeuronFromAListOrADistributionAndAWindow() {
        long steps = 40_000;
        long[][] listed = trains(run(3, Map.of("rate", List.of("0 Hz", "100 Hz", "400 Hz")), steps, 1), 3);
        assertEquals(0, listed[0].length);
        for (int i = 1; i < 3; i++) {
            double p = (i == 1 ? 100 : 400) * DT, mean = steps * p, se = Math.sqrt(steps * p * (1 - p));
            assertEquals(mean, listed[i].length, 3 * se, "neuron " + i);
        }

        // uniform rates in [0, 200] Hz: the population's total is that of the mean rate, 100 Hz
        int n = 500;
        long[][] drawn = trains(run(n, Map.of("rate", Map.of("uniform", Map.of("low", "0 Hz", "high", "200 Hz"))), 10_000, 5), n);
        long total = 0;
        int distinct = 0;
        for (long[] t : drawn) {
            total += t.length;
            if (t.length != drawn[0].length) distinct++;
        }
        assertTrue(distinct > n / 2, "rates differ between neurons");
        // the total varies with the drawn rates (mean of n uniform rates: s.d. 200 Hz / sqrt(12 n)) and with the draws (binomial)
        double steps10k = 10_000, expected = n * steps10k * 100 * DT;
        double rateSpread = steps10k * DT * n * 200 / Math.sqrt(12.0 * n);
        double se = Math.sqrt(rateSpread * rateSpread + expected);
        assertEquals(expected, total, 3 * se, "total spikes");

        long[][] windowed = trains(run(50, Map.of("rate", "1000 Hz", "start", "10 ms", "stop", "20 ms"), 400, 2), 50);
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE, count = 0;
        for (long[] t : windowed) {
            for (long s : t) {
                first = Math.min(first, s);
                last = Math.max(last, s);
                count++;
            }
        }
        assertEquals(100, first, "first spike in the first step of the window");
        assertEquals(199, last, "last spike in the last step of the window");
        assertEquals(50 * 100 * 0.1, count, 3 * Math.sqrt(50 * 100 * 0.1 * 0.9));
    }

    @Test
    void sameSeedSameSpikesOtherSeedOtherSpikes() {
        long[][] a = trains(run(20, Map.of("rate", "300 Hz"), 2000, 11), 20);
        long[][] b = trains(run(20, Map.of("rate", "300 Hz"), 2000, 11), 20);
        long[][] c = trains(run(20, Map.of("rate", "300 Hz"), 2000, 12), 20);
        for (int i = 0; i < 20; i++) assertArrayEquals(a[i], b[i]);
        assertTrue(!java.util.Arrays.equals(a[0], c[0]) || !java.util.Arrays.equals(a[1], c[1]));
    }

    @Test
    void stepInRangesGivesTheWholeStep() {
        int n = 70;
        Simulation whole = run(n, Map.of("rate", "800 Hz"), 3000, 4);
        for (int[] cuts : new int[][] {{16, 48}, {8, 24, 40, 56, 64}, {32}}) {
            Network net = new Network(DT).seed(4);
            net.addPoisson("src", n, Map.of("rate", "800 Hz"));
            net.recordSpikes("src");
            Simulation split = net.build();
            for (int s = 0; s < 3000; s++) split.stepInRanges(cuts);
            assertEquals(whole.spikes().count(), split.spikes().count());
            for (int i = 0; i < n; i++) assertArrayEquals(whole.spikes().steps("src", i), split.spikes().steps("src", i));
        }
    }

    @Test
    void badParametersAreOneLineErrors() {
        Network net = new Network(DT);
        assertMessage("population 'p' parameter 'rate': rate * dt must be <= 1 (at most one spike per step), got 20 kHz for neuron 0 with dt = 100 us",
                () -> net.addPoisson("p", 2, Map.of("rate", "20 kHz")));
        assertMessage("population 'p' parameter 'rate': is required (a frequency such as '10 Hz')",
                () -> net.addPoisson("p", 2, Map.of()));
        assertMessage("population 'p' parameter 'rate': must be >= 0 Hz, got -1 Hz",
                () -> net.addPoisson("p", 2, Map.of("rate", "-1 Hz")));
        assertMessage("population 'p' parameter 'stop': must be after start (5 ms), got 2 ms",
                () -> net.addPoisson("p", 2, Map.of("rate", "1 Hz", "start", "5 ms", "stop", "2 ms")));
        assertMessage("population 'p' parameter 'rat': unknown parameter (did you mean 'rate'?); known: rate, start, stop",
                () -> net.addPoisson("p", 2, Map.of("rat", "1 Hz")));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        ParameterException e = assertThrows(ParameterException.class, call);
        assertEquals(expected, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    static double cv(long[][] trains) {
        double sum = 0, sumSq = 0;
        long count = 0;
        for (long[] t : trains) {
            for (int k = 1; k < t.length; k++) {
                double isi = t[k] - t[k - 1];
                sum += isi;
                sumSq += isi * isi;
                count++;
            }
        }
        double mean = sum / count;
        return Math.sqrt(sumSq / count - mean * mean) / mean;
    }

    /** Counts of every neuron in consecutive windows of {@code window} steps, all in one array. */
    private static double[] binned(long[][] trains, long steps, int window) {
        int bins = (int) (steps / window);
        double[] out = new double[trains.length * bins];
        for (int i = 0; i < trains.length; i++) {
            for (long s : trains[i]) out[i * bins + (int) (s / window)]++;
        }
        return out;
    }

    private static double[] binned(long[] train, long steps, int bins) {
        double[] out = new double[bins];
        long width = steps / bins;
        for (long s : train) out[(int) (s / width)]++;
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < a.length; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
