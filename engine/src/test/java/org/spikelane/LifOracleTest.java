package org.spikelane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.record.StateRecorder;

/** The analytic oracles of docs/semantics.md §4 and §6 with the neurodynex defaults (LifModel's defaults). */
class LifOracleTest {
    static final double DT = 1e-4, E_L = -70e-3, V_RESET = -65e-3, V_TH = -50e-3, R = 10e6, TAU = 8e-3, T_REF = 2e-3;

    static Simulation constantDrive(String amplitude, int size) {
        Network net = new Network(DT).plugins(ConstantCurrent.registry());
        net.addLif("lif", size, Map.of());
        net.addInput("constant", "lif", Map.of("amplitude", amplitude));
        net.recordSpikes("lif");
        net.recordState("lif", List.of("v", "I"), new int[] {0}, 1);
        return net.build();
    }

    @Test
    void rheobaseNeverFires() {
        // R I + E_L equals the threshold exactly: v approaches it from below for ever
        Simulation sim = constantDrive("2.0 nA", 1);
        sim.run(2.0);
        assertEquals(0, sim.spikes().count());
        double[] v = sim.stateRecorders().get(0).trace("v", 0);
        assertEquals(V_TH, v[v.length - 1], 1e-6);
    }

    @Test
    void justAboveRheobaseFires() {
        Simulation sim = constantDrive("2.01 nA", 1);
        sim.run(0.5);
        assertTrue(sim.spikes().count() > 0);
    }

    @ParameterizedTest(name = "I = {0} nA")
    @ValueSource(doubles = {2.01, 2.05, 2.1, 2.5, 3.0, 5.0, 10.0, 40.0})
    void interSpikeIntervalsMatchTheFormulaToTheStep(double nanoamps) {
        double i = nanoamps * 1e-9;
        double t = TAU * Math.log((R * i + E_L - V_RESET) / (R * i + E_L - V_TH));
        long isiSteps = Math.round(T_REF / DT) + (long) Math.ceil(t / DT) - 1;
        Simulation sim = constantDrive(nanoamps + " nA", 3);
        sim.run(1.0);
        long[] steps = sim.spikes().steps("lif", 1);
        assertTrue(steps.length >= 3, "only " + steps.length + " spikes");
        for (int k = 1; k < steps.length; k++) {
            assertEquals(isiSteps, steps[k] - steps[k - 1], "ISI " + k);
        }
        // first spike from rest: the same crossing time from E_L instead of v_reset, no refractory part
        double first = TAU * Math.log((R * i) / (R * i + E_L - V_TH));
        assertEquals((long) Math.ceil(first / DT) - 1, steps[0]);
    }

    @Test
    void samplesFollowTheStartOfStepSlotAndTheRefractoryHold() {
        Simulation sim = constantDrive("3 nA", 1);
        sim.run(0.1);
        StateRecorder rec = sim.stateRecorders().get(0);
        double[] v = rec.trace("v", 0);
        double[] current = rec.trace("I", 0);
        assertEquals(E_L, v[0], 1e-9, "first sample is the initial state");
        assertEquals(3e-9, current[0], 1e-15, "input current of step 0 is recorded at t = 0");
        assertEquals(0.0, rec.time(0));
        long s = sim.spikes().step(0);
        int refSteps = (int) Math.round(T_REF / DT);
        assertTrue(v[(int) s] > V_TH - 2e-3 && v[(int) s] <= V_TH, "sample at the spike step is the state before crossing");
        for (int k = 1; k <= refSteps; k++) {
            assertEquals((float) V_RESET, (float) v[(int) s + k], "v_reset at t_s + " + k + " dt");
        }
        assertTrue(v[(int) s + refSteps + 1] > V_RESET + 1e-5, "integrating again after t_ref");
    }

    @Test
    void inclusiveThresholdFiresAtExactlyTheRheobase() {
        Network net = new Network(DT).plugins(ConstantCurrent.registry());
        net.addLif("lif", 1, Map.of("threshold", ">=", "v_init", "-50 mV"));
        net.addInput("constant", "lif", Map.of("amplitude", "2 nA"));
        net.recordSpikes("lif");
        Simulation sim = net.build();
        sim.runSteps(1);
        assertEquals(1, sim.spikes().count(), "v stays at -50 mV = v_th, which fires only with >=");
    }
}
