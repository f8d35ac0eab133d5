package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;

/**
 * The LIF oracles of {@link LifOracleTest} under {@code precision: fixed}, against the analytic
 * values and against the float32 run of the same network (one flag apart). Every input here runs
 * through its fixed-point kernel ({@code createFixed}): int drive in LSB_v, quantized once.
 */
class FixedPrecisionOracleTest {
    private static final double DT = 1e-4;
    private static final double R = 10e6;
    private static final double TAU = 8e-3;
    private static final double E_L = -70e-3, V_RESET = -65e-3, V_TH = -50e-3;

    private static Simulation stepNetwork(Precision precision, double... currents) {
        Network net = new Network(DT).precision(precision);
        net.addLif("lif", currents.length, Map.of());
        for (int i = 0; i < currents.length; i++) net.addInput("step", "lif", Map.of("amplitude", currents[i]), new int[] {i});
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.5);
        return sim;
    }

    @Test
    void rheobaseStillSeparates2nAFrom2point05nA() {
        Simulation sim = stepNetwork(Precision.FIXED, 2.0e-9, 2.05e-9);
        assertEquals(0, sim.spikes().steps("lif", 0).length, "2.0 nA: v_inf = v_th is approached from below, never crossed");
        assertTrue(sim.spikes().steps("lif", 1).length > 10, "2.05 nA fires");
        assertTrue(sim.overflows().stream().allMatch(o -> o.count() == 0), "no clipping: " + sim.overflows());
    }

    @Test
    void interSpikeIntervalsWithinOneStepOfFloat32() {
        double[] currents = {2.05e-9, 2.1e-9, 2.5e-9, 3e-9, 5e-9, 10e-9};
        Simulation fixed = stepNetwork(Precision.FIXED, currents);
        Simulation float32 = stepNetwork(Precision.FLOAT32, currents);
        int differing = 0, compared = 0;
        for (int i = 0; i < currents.length; i++) {
            long[] a = fixed.spikes().steps("lif", i), b = float32.spikes().steps("lif", i);
            assertTrue(a.length >= 4, currents[i] + " A: " + a.length + " spikes");
            assertTrue(Math.abs(a.length - b.length) <= 1, currents[i] + " A: spike counts " + a.length + " vs " + b.length);
            for (int s = 1; s < Math.min(a.length, b.length); s++) {
                long isiFixed = a[s] - a[s - 1], isiFloat = b[s] - b[s - 1];
                assertTrue(Math.abs(isiFixed - isiFloat) <= 1, currents[i] + " A interval " + s + ": " + isiFixed + " vs " + isiFloat + " steps");
                compared++;
                if (isiFixed != isiFloat) differing++;
            }
        }
        System.out.printf("f-I: %d of %d intervals differ (by one step) between fixed and float32%n", differing, compared);
    }

    @Test
    void subthresholdSineAmplitudeWithin1PercentOfFloat32AndTheory() {
        double[] frequencies = {10, 50, 250};
        double i0 = 0.5e-9;
        double[][] amplitudes = {
            SineFit.amplitudes(Precision.FIXED, Map.of("v_threshold", "0 V"), DT, i0, frequencies),
            SineFit.amplitudes(Precision.FLOAT32, Map.of("v_threshold", "0 V"), DT, i0, frequencies)};
        for (int i = 0; i < frequencies.length; i++) {
            double w = 2 * Math.PI * frequencies[i];
            double theory = R * i0 / Math.sqrt(1 + w * TAU * w * TAU);
            assertEquals(amplitudes[1][i], amplitudes[0][i], 0.01 * amplitudes[1][i], frequencies[i] + " Hz vs float32");
            assertEquals(theory, amplitudes[0][i], 0.01 * theory, frequencies[i] + " Hz vs theory");
            System.out.printf("sine %.0f Hz: fixed %.6e V, float32 %.6e V, rel diff %.2e%n", frequencies[i], amplitudes[0][i],
                    amplitudes[1][i], Math.abs(amplitudes[0][i] / amplitudes[1][i] - 1));
        }
    }

    /** Recorded I under fixed is the input current in amperes, as under float32 (from the int drive). */
    @Test
    void recordedInputCurrentMatchesFloat32() {
        double[][] traces = new double[2][];
        Precision[] precisions = {Precision.FLOAT32, Precision.FIXED};
        for (int k = 0; k < 2; k++) {
            Network net = new Network(DT).precision(precisions[k]);
            net.addLif("lif", 1, Map.of("v_threshold", "0 V"));
            net.addInput("sine", "lif", Map.of("amplitude", "0.5 nA", "offset", "1 nA", "frequency", "50 Hz"));
            net.recordState("lif", List.of("I"), null, 1);
            Simulation sim = net.build();
            sim.runSteps(400);
            traces[k] = sim.stateRecorders().getFirst().trace("I", 0);
        }
        for (int n = 0; n < traces[0].length; n++) {
            assertEquals(traces[0][n], traces[1][n], 1e-4 * 1.5e-9, "I at step " + n);
        }
        assertEquals(1.5e-9, java.util.Arrays.stream(traces[1]).max().orElseThrow(), 1e-3 * 1.5e-9, "sine peak 1.5 nA");
    }

    /** Peak of v - E_L after one exponential current pulse (tau_s = 2 ms) on a neuron that cannot fire. */
    private static double pspPeak(Precision precision, double amplitude) {
        Network net = new Network(DT).precision(precision);
        net.addLif("lif", 1, Map.of("v_threshold", "0 V"));
        net.addInput("pulse", "lif", Map.of("amplitude", amplitude, "tau", "2 ms",
                "events", Map.of("times", List.of("10 ms"), "neurons", List.of(0))));
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(600);
        double[] v = sim.stateRecorders().getFirst().trace("v", 0);
        double peak = 0;
        for (double x : v) peak = Math.max(peak, Math.abs(x - E_L));
        return peak;
    }

    /**
     * The exact step rule of docs/semantics.md §2 in double: the pulse current {@code A e^{-k dt / tau_s}} of
     * step k held over the step, v integrated exactly ({@code exact = false}: what fixed did before
     * its correction); {@code exact}: the pulse decaying within the step too ({@code P21},
     * docs/inputs.md), the oracle of float32 and fixed.
     */
    private static double pspPeakOracle(double amplitude, boolean exact) {
        double u = 0, peak = 0, d = Math.exp(-DT / TAU);
        double p21 = org.spikelane.spi.Propagators.expCurrent(DT, TAU, 2e-3, R / TAU);
        for (int k = 0; k < 500; k++) {
            double pulse = amplitude * Math.exp(-k * DT / 2e-3);
            u = exact ? u * d + p21 * pulse : R * pulse + (u - R * pulse) * d;
            peak = Math.max(peak, Math.abs(u));
        }
        return peak;
    }

    /**
     * Fixed and float32 both integrate the pulse exactly. Fixed's tolerance, 1e-3 of the peak: its
     * Q16 membrane decay is off by up to 2^-17 absolute, an effective tau_m within
     * 2^-17 tau_m / dt = 6e-4 relative at tau_m = 8 ms (the same for any held input), plus the
     * quantization of the correction (2^-16 of 2.5 %) and 1/2 LSB_v a step. The held step rule is
     * 2.5 % away, so the assertion tells the two forms apart by a factor 25.
     */
    @Test
    void exponentialPulsePeakExactUnderFixedAndFloat32() {
        for (double amplitude : new double[] {1e-9, -0.3e-9}) {
            double fixed = pspPeak(Precision.FIXED, amplitude), float32 = pspPeak(Precision.FLOAT32, amplitude);
            double held = pspPeakOracle(amplitude, false), exact = pspPeakOracle(amplitude, true);
            System.out.printf("pulse %.1f nA: PSP peak fixed %.6e V, float32 %.6e V, exact %.6e V (held steps %.6e V),"
                    + " fixed/exact - 1 = %.1e, float32/exact - 1 = %.1e%n", amplitude * 1e9, fixed, float32, exact, held,
                    fixed / exact - 1, float32 / exact - 1);
            assertTrue(Math.abs(held / exact - 1) > 0.02, "the oracles differ by the held pulse's 2.5 %");
            assertEquals(exact, fixed, 1e-3 * exact, amplitude + " A: fixed vs the exact pulse");
            assertEquals(exact, float32, 1e-4 * exact, amplitude + " A: float32 vs the exact pulse");
        }
    }

    /** ISI of a constant current, docs/semantics.md §4: {@code t_ref + (ceil(T / dt) - 1) dt}, in steps. */
    private static long isiSteps(double current) {
        double t = TAU * Math.log((R * current + E_L - V_RESET) / (R * current + E_L - V_TH));
        return Math.round(2e-3 / DT) + (long) Math.ceil(t / DT - 1e-9) - 1;
    }

    @Test
    void biasChangedWhileRunningIsRequantized() {
        for (Precision precision : new Precision[] {Precision.FIXED, Precision.FLOAT32}) {
            Network net = new Network(DT).precision(precision);
            net.addLif("lif", 2, Map.of());
            net.addInput("bias", "lif", Map.of("amplitude", "0 nA"));
            net.recordSpikes("lif");
            Simulation sim = net.build();
            sim.runSteps(100);
            sim.input(0).set("amplitude", 1, 3e-9);
            sim.runSteps(3000);
            long[] spikes = sim.spikes().steps("lif", 1);
            assertEquals(0, sim.spikes().steps("lif", 0).length, precision + ": neuron 0 kept 0 nA");
            assertTrue(spikes.length > 5, precision + ": 3 nA fires");
            for (int s = 1; s < spikes.length; s++) {
                assertEquals(isiSteps(3e-9), spikes[s] - spikes[s - 1], 1, precision + ": interval " + s);
            }
        }
    }
}
