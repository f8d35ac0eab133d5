package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Simulation;

/**
 * Analytic oracles for a LIF neuron driven through the input plugins, with the neurodynex
 * defaults (E_L -70 mV, v_reset -65 mV, v_th -50 mV, R 10 Mohm, tau_m 8 ms, t_ref 2 ms, dt 0.1 ms).
 */
class LifOracleTest {
    private static final double DT = 1e-4;
    private static final double E_L = -70e-3;
    private static final double V_RESET = -65e-3;
    private static final double V_TH = -50e-3;
    private static final double R = 10e6;
    private static final double TAU = 8e-3;
    private static final long REFRACTORY_STEPS = 20;

    private static long spikesOfAStep(String amplitude) {
        Network net = new Network(DT);
        net.addLif("lif", 1, Map.of());
        net.addInput("step", "lif", Map.of("amplitude", amplitude));
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.5);
        return sim.spikes().count("lif");
    }

    @Test
    void rheobaseNeverFiresJustAboveDoes() {
        assertEquals(0, spikesOfAStep("2.0 nA"), "R I = 20 mV brings v to -50 mV only asymptotically");
        assertTrue(spikesOfAStep("2.01 nA") > 0, "2.01 nA must fire within 500 ms");
    }

    @Test
    void interSpikeIntervalsMatchTheClosedFormInWholeSteps() {
        double[] currents = {2.05e-9, 2.1e-9, 2.5e-9, 3e-9, 5e-9};
        Network net = new Network(DT);
        net.addLif("lif", currents.length, Map.of());
        for (int i = 0; i < currents.length; i++) {
            net.addInput("step", "lif", Map.of("amplitude", currents[i]), new int[] {i});
        }
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.run(0.5);
        for (int i = 0; i < currents.length; i++) {
            double ri = R * currents[i];
            double periods = TAU * Math.log((ri + E_L - V_RESET) / (ri + E_L - V_TH)) / DT;
            double frac = periods - Math.floor(periods);
            assertTrue(frac > 0.05 && frac < 0.95, "precondition: T/dt = " + periods + " is too close to a whole step for float32");
            long expected = REFRACTORY_STEPS + (long) Math.ceil(periods) - 1;
            long[] steps = sim.spikes().steps("lif", i);
            assertTrue(steps.length >= 4, currents[i] + " A: only " + steps.length + " spikes");
            for (int s = 1; s < steps.length; s++) {
                assertEquals(expected, steps[s] - steps[s - 1], currents[i] + " A, interval " + s);
            }
        }
    }

    @Test
    void subthresholdSineHasTheLowPassAmplitudeAndPhase() {
        double[] frequencies = {10, 50, 250};
        double i0 = 0.5e-9;
        Network net = new Network(DT);
        net.addLif("lif", frequencies.length, Map.of("v_threshold", "0 V"));
        for (int i = 0; i < frequencies.length; i++) {
            net.addInput("sine", "lif", Map.of("amplitude", i0, "frequency", frequencies[i]), new int[] {i});
        }
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        long settle = 1000;          // 100 ms = 12.5 tau_m: the transient has decayed by e^-12.5
        long span = 2000;            // 200 ms: whole periods of 10, 50 and 250 Hz
        sim.runSteps(settle + span);
        for (int i = 0; i < frequencies.length; i++) {
            double w = 2 * Math.PI * frequencies[i];
            double[] v = sim.stateRecorders().getFirst().trace("v", i);
            double[] fit = SineFit.fit(v, settle, span, w * DT);
            double amplitude = Math.hypot(fit[0], fit[1]);
            double phase = Math.atan2(fit[1], fit[0]);
            double expectedAmplitude = R * i0 / Math.sqrt(1 + w * TAU * w * TAU);
            double expectedPhase = -Math.atan(w * TAU) - w * DT / 2;
            assertEquals(expectedAmplitude, amplitude, 0.01 * expectedAmplitude, frequencies[i] + " Hz amplitude");
            assertEquals(expectedPhase, phase, 1e-3, frequencies[i] + " Hz phase");
            assertEquals(E_L, fit[2], 1e-6, frequencies[i] + " Hz mean");
        }
    }
}
