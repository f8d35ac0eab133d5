package org.spikelane.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * The generated current against the OU process's exact statistics: stationary mean {@code mean},
 * variance {@code sigma^2}, lag-1 autocorrelation {@code a = e^{-dt/tau}}. Tolerances are four
 * standard errors of each estimator for an AR(1) sequence of {@code T} steps on {@code N}
 * independent neurons.
 */
class OuNoiseStatisticsTest {
    private static final double DT = 1e-4;
    private static final double MEAN = 0.5e-9;
    private static final double SIGMA = 0.2e-9;
    private static final double TAU = 2e-3;
    private static final int NEURONS = 500;
    private static final int STEPS = 4000;

    /** Recorded current, [neuron][step]. */
    private static double[][] currents(long seed) {
        Network net = new Network(DT).seed(seed);
        net.addLif("lif", NEURONS, Map.of());
        net.addInput("ou_noise", "lif", Map.of("mean", MEAN, "sigma", SIGMA, "tau", TAU));
        net.recordState("lif", List.of("I"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(STEPS);
        StateRecorder rec = sim.stateRecorders().get(0);
        double[][] out = new double[NEURONS][];
        for (int k = 0; k < NEURONS; k++) out[k] = rec.trace("I", k);
        return out;
    }

    @Test
    void stationaryMeanVarianceAndLagOneAutocorrelation() {
        double[][] x = currents(7);
        double a = Math.exp(-DT / TAU);
        double samples = (double) NEURONS * STEPS;

        double sum = 0;
        for (double[] trace : x) for (double v : trace) sum += v;
        double mean = sum / samples;
        // variance of the mean of an AR(1) sequence: sigma^2 (1 + a) / (1 - a) / samples
        double meanTolerance = 4 * SIGMA * Math.sqrt((1 + a) / (1 - a) / samples);
        assertEquals(MEAN, mean, meanTolerance);

        double squares = 0;
        double lagged = 0;
        double laggedNorm = 0;
        for (double[] trace : x) {
            for (int t = 0; t < trace.length; t++) {
                double d = trace[t] - MEAN;
                squares += d * d;
                if (t + 1 < trace.length) {
                    lagged += d * (trace[t + 1] - MEAN);
                    laggedNorm += d * d;
                }
            }
        }
        double variance = squares / samples;
        // variance of the sample variance (known mean): 2 sigma^4 (1 + a^2) / (1 - a^2) / samples
        double varianceTolerance = 4 * SIGMA * SIGMA * Math.sqrt(2 * (1 + a * a) / (1 - a * a) / samples);
        assertEquals(SIGMA * SIGMA, variance, varianceTolerance);

        double rho = lagged / laggedNorm;
        // standard error of the lag-1 estimator: sqrt((1 - a^2) / samples); 4 of them (~9e-4) are
        // smaller than the gap to Euler's 1 - dt/tau (1.2e-3), so an Euler update would fail here
        double rhoTolerance = 4 * Math.sqrt((1 - a * a) / samples);
        assertEquals(a, rho, rhoTolerance);
        assertTrue(Math.abs((1 - DT / TAU) - a) > rhoTolerance, "the test must tell exact from Euler");
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        double[][] first = currents(3);
        assertArrayEquals(first[0], currents(3)[0]);
        assertFalse(Arrays.equals(first[0], currents(4)[0]));
    }

    @Test
    void onlyTargetNeuronsInsideTheWindowReceiveCurrent() {
        // sigma 0 makes the value exact: mean per target neuron, nothing elsewhere
        Network net = new Network(DT);
        net.addLif("lif", 4, Map.of());
        net.addInput("ou_noise", "lif", Map.of("mean", List.of("1 nA", "-2 nA"), "sigma", "0 nA", "tau", "3 ms",
                "start", "1 ms", "stop", "2 ms"), new int[] {1, 3});
        net.recordState("lif", List.of("I"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(30);
        StateRecorder rec = sim.stateRecorders().get(0);
        for (int step = 0; step < 30; step++) {
            boolean on = step >= 10 && step < 20; // [start, stop) = steps [10, 20)
            // the accumulator is float: exactly the float nearest to the mean
            assertEquals(on ? (float) 1e-9 : 0f, rec.value(step, 0, 1), "neuron 1, step " + step);
            assertEquals(on ? (float) -2e-9 : 0f, rec.value(step, 0, 3), "neuron 3, step " + step);
            assertEquals(0, rec.value(step, 0, 0), "neuron 0 is not a target");
            assertEquals(0, rec.value(step, 0, 2), "neuron 2 is not a target");
        }
    }
}
