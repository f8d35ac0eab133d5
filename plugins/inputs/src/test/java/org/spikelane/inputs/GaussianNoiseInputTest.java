package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.spi.ParameterException;

/**
 * {@code gaussian_noise} against its definition: inside the window, one value per neuron and
 * interval, {@code mean + std z}, {@code z} standard normal, independent between intervals and
 * neurons; nothing outside. Over {@code M} values the sample mean has s.e. {@code std / sqrt(M)},
 * the sample variance {@code std^2 sqrt(2 / (M - 1))}, and the correlation of consecutive intervals
 * {@code 1 / sqrt(M)}. The recorded {@code I} of step n is exactly the current the inputs added for step n.
 */
class GaussianNoiseInputTest {
    private static final double DT = 1e-4, MEAN = 0.5e-9, STD = 0.2e-9;
    private static final int NEURONS = 300, STEPS = 1100, START = 10, STOP = 1010, INTERVAL = 5;

    private static double[][] currents(Precision precision) {
        Network net = new Network(DT).seed(5).precision(precision);
        net.addLif("lif", NEURONS, Map.of("v_threshold", "0 V"));
        net.addInput("gaussian_noise", "lif", Map.of("mean", "0.5 nA", "std", "0.2 nA", "interval", "0.5 ms",
                "start", "1 ms", "stop", "101 ms"));
        net.recordState("lif", List.of("I"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(STEPS);
        double[][] out = new double[NEURONS][];
        for (int i = 0; i < NEURONS; i++) out[i] = sim.stateRecorders().getFirst().trace("I", i);
        return out;
    }

    @Test
    void valuesAreNormalPerIntervalAndNothingOutsideTheWindow() {
        double[][] current = currents(Precision.FLOAT32);
        int intervals = (STOP - START) / INTERVAL;
        double sum = 0, sumSq = 0, lagged = 0;
        for (double[] c : current) {
            for (int s = 0; s < STEPS; s++) {
                if (s < START || s >= STOP) assertEquals(0, c[s], "outside the window, step " + s);
                else if ((s - START) % INTERVAL != 0) assertEquals(c[s - 1], c[s], "held within an interval, step " + s);
            }
            for (int j = 0; j < intervals; j++) {
                double x = c[START + j * INTERVAL];
                sum += x;
                sumSq += x * x;
                if (j > 0) lagged += (x - MEAN) * (c[START + (j - 1) * INTERVAL] - MEAN);
            }
        }
        int m = NEURONS * intervals;
        double mean = sum / m, variance = (sumSq - sum * sum / m) / (m - 1);
        assertEquals(MEAN, mean, 3 * STD / Math.sqrt(m), "mean");
        assertEquals(STD * STD, variance, 3 * STD * STD * Math.sqrt(2.0 / (m - 1)), "variance");
        double lag1 = lagged / (NEURONS * (intervals - 1)) / (STD * STD);
        assertEquals(0, lag1, 4 / Math.sqrt(NEURONS * (intervals - 1.0)), "correlation of consecutive intervals");
    }

    /** Fixed draws the same normals and quantizes each value to R I in LSB_v (2^-28 V over 10 Mohm = 3.7e-16 A). */
    @Test
    void fixedQuantizesTheSameValues() {
        double[][] f = currents(Precision.FLOAT32), q = currents(Precision.FIXED);
        double lsb = Math.scalb(1.0, -28) / 10e6;
        for (int i = 0; i < NEURONS; i++) {
            for (int s = 0; s < STEPS; s++) assertEquals(f[i][s], q[i][s], lsb, "neuron " + i + " step " + s);
        }
    }

    @Test
    void intervalMustBeWholeSteps() {
        ParameterException e = assertThrows(ParameterException.class, () -> {
            Network net = new Network(DT);
            net.addLif("lif", 3, Map.of());
            net.addInput("gaussian_noise", "lif", Map.of("std", "1 nA", "interval", "0.25 ms"));
            net.build();
        });
        assertEquals("input 'gaussian_noise' parameter 'interval': must be a whole number of steps of 100 us, got 250 us",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> new Network(DT).addLif("lif", 3, Map.of())
                .addInput("gaussian_noise", "lif", Map.of("std", "-1 nA")));
        assertEquals("input 'gaussian_noise' parameter 'std': must be >= 0 A, got -1 nA", e.getMessage());
    }
}
