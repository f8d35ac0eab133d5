package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikelane.simd.Simd;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Propagators;

/**
 * The exponential pulse in its exact form: the held current plus its {@code dv} share move v by
 * {@code P21 I_pulse(t_n)} each step (the exp_current propagator), per neuron's own tau_m and C,
 * and a range writes only its own neurons of both accumulators.
 */
class ExactExponentialPulsesTest {
    private static final double DT = 1e-4, TAU = 2e-3, AMPLITUDE = 10e-9;
    private static final int SIZE = 2 * Simd.LANES + 3;

    /** tau_m from 9 to 11 ms across the population, C = 8 nF. */
    private static final LifParameters LIF = new LifParameters() {
        @Override public int size() { return SIZE; }
        @Override public int padded() { return Simd.padded(SIZE); }
        @Override public double dt() { return DT; }
        @Override public double tauM(int neuron) { return 9e-3 + 2e-3 * neuron / SIZE; }
        @Override public double capacitance(int neuron) { return 8e-9; }
        @Override public double resistance(int neuron) { return tauM(neuron) / capacitance(neuron); }
        @Override public double get(String param, int neuron) { throw new UnsupportedOperationException(param); }
    };

    @Test
    void heldPlusDvIsTheExactPropagatorPerNeuron() {
        int[] targets = {1, Simd.LANES + 2, SIZE - 1};
        FakeInputContext context = new FakeInputContext(DT, SIZE, targets, 1);
        float[] dv = new float[Simd.padded(SIZE)];
        float[] current = new float[dv.length];
        ExponentialPulses pulses = new ExponentialPulses(new Targets(context), AMPLITUDE, TAU, DT, LIF, dv);
        assertTrue(pulses.exact());
        pulses.trigger(0, 0);
        pulses.trigger(2, 0);
        for (int n = 0; n < 60; n++) {
            java.util.Arrays.fill(current, 0f);
            java.util.Arrays.fill(dv, 0f);
            pulses.beginStep(n);
            pulses.addCurrent(n, 0, dv.length, current);
            for (int i = 0; i < dv.length; i++) {
                boolean pulsed = i == 1 || i == SIZE - 1;
                if (!pulsed) {
                    assertEquals(0f, current[i], "neuron " + i);
                    assertEquals(0f, dv[i], "neuron " + i);
                    continue;
                }
                double pulse = AMPLITUDE * Math.exp(-n * DT / TAU);
                assertEquals(pulse, current[i], pulse * 1e-6, "held current at t_n");
                double held = LIF.resistance(i) * -Math.expm1(-DT / LIF.tauM(i)) * current[i];
                double exact = Propagators.expCurrent(DT, LIF.tauM(i), TAU, 1 / LIF.capacitance(i)) * pulse;
                assertEquals(exact, held + dv[i], exact * 1e-6, "step " + n + " neuron " + i);
                assertTrue(dv[i] < 0, "the held pulse overestimates its integral");
            }
        }
    }

    @Test
    void rangesWriteOnlyTheirNeuronsAndSplitLikeTheWhole() {
        FakeInputContext context = FakeInputContext.whole(SIZE);
        int padded = Simd.padded(SIZE);
        float[] dvWhole = new float[padded], currentWhole = new float[padded];
        float[] dvSplit = new float[padded], currentSplit = new float[padded];
        ExponentialPulses whole = new ExponentialPulses(new Targets(context), AMPLITUDE, TAU, DT, LIF, dvWhole);
        ExponentialPulses split = new ExponentialPulses(new Targets(context), AMPLITUDE, TAU, DT, LIF, dvSplit);
        for (ExponentialPulses p : new ExponentialPulses[] {whole, split}) {
            p.trigger(0, 0);
            p.trigger(SIZE - 1, 0);
            p.beginStep(0);
        }
        whole.addCurrent(0, 0, padded, currentWhole);
        split.addCurrent(0, Simd.LANES, padded, currentSplit);
        for (int i = 0; i < Simd.LANES; i++) assertEquals(0f, dvSplit[i] + currentSplit[i], "outside the range");
        split.addCurrent(0, 0, Simd.LANES, currentSplit);
        assertArrayEquals(currentWhole, currentSplit);
        assertArrayEquals(dvWhole, dvSplit);
        assertFalse(new ExponentialPulses(new Targets(context), AMPLITUDE, TAU, DT, null, null).exact(), "held without a dv");
    }
}
