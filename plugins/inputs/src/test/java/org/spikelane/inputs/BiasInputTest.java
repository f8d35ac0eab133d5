package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.ParameterException;

class BiasInputTest {
    @Test
    void oneValueReachesEveryNeuronOnEveryStep() {
        for (int size : new int[] {1, 17, 1000, 4099}) {
            FakeInputContext ctx = FakeInputContext.whole(size);
            float[][] I = ctx.run(ctx.create(new BiasInput(), Map.of("amplitude", "20 nA")), 3);
            for (float[] row : I) for (int i = 0; i < size; i++) assertEquals(20e-9f, row[i], "size " + size + " neuron " + i);
        }
    }

    @Test
    void perNeuronValuesFollowTheOrderOfTheTargets() {
        FakeInputContext ctx = new FakeInputContext(1e-4, 5, new int[] {4, 1}, 1);
        float[][] I = ctx.run(ctx.create(new BiasInput(), Map.of("amplitude", List.of("1 nA", "2 nA"))), 2);
        assertEquals(1e-9f, I[1][4]);
        assertEquals(2e-9f, I[1][1]);
        assertEquals(0f, I[1][0]);
        assertEquals(0f, I[1][2]);
    }

    @Test
    void setChangesOneNeuronOrAllWhileRunning() {
        FakeInputContext ctx = FakeInputContext.whole(17);
        InputKernel k = ctx.create(new BiasInput(), Map.of("amplitude", "20 nA"));
        k.set("amplitude", 3, 30e-9);
        float[] acc = new float[32];
        k.beginStep(0);
            k.addCurrent(0, 0, acc.length, acc);
        for (int i = 0; i < 17; i++) assertEquals(i == 3 ? 30e-9f : 20e-9f, acc[i], "neuron " + i);
        k.set("amplitude", -1, 5e-9);
        acc = new float[32];
        k.beginStep(1);
            k.addCurrent(1, 0, acc.length, acc);
        for (int i = 0; i < 17; i++) assertEquals(5e-9f, acc[i], "neuron " + i);
    }

    @Test
    void setRejectsOtherParametersAndNeuronsItDoesNotDrive() {
        FakeInputContext ctx = new FakeInputContext(1e-4, 5, new int[] {1, 2}, 1);
        InputKernel k = ctx.create(new BiasInput(), Map.of("amplitude", "1 nA"));
        ParameterException e = assertThrows(ParameterException.class, () -> k.set("amplitud", 1, 1e-9));
        assertTrue(e.getMessage().startsWith("input 'bias' parameter 'amplitud'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'amplitude'"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> k.set("amplitude", 4, 1e-9));
        assertEquals("input 'bias' parameter 'amplitude': neuron 4 is not driven by this input (targets: neurons 1, 2)", e.getMessage());
        assertThrows(ParameterException.class, () -> k.set("amplitude", 1, Double.NaN));
    }

    /** Through the simulation's generic set, in both formats the plugin runs under. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = org.spikelane.Precision.class, names = {"FLOAT32", "FIXED"})
    void setRefusesNaNInfinityAndCurrentsBeyondFloat(org.spikelane.Precision precision) {
        org.spikelane.Network net = new org.spikelane.Network(1e-4).precision(precision);
        net.addLif("lif", 3, Map.of());
        net.addInput("bias", "lif", Map.of("amplitude", "1 nA"));
        org.spikelane.Simulation sim = net.build();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e39}) {
            ParameterException e = assertThrows(ParameterException.class, () -> sim.set("input 'bias' #1", "amplitude", -1, bad));
            assertEquals("amplitude", e.parameter());
            assertTrue(e.getMessage().startsWith("input 'bias'"), e.getMessage());
        }
        ParameterException e = assertThrows(ParameterException.class, () -> sim.input(0).set("amplitude", 0, 1e39));
        assertTrue(e.getMessage().contains("beyond the float32 range"), e.getMessage());
        sim.set("input 'bias' #1", "amplitude", 1, 2e-9); // a current it can hold still goes through
    }

    /**
     * Under float32 the bias is folded into the LIF kernel's pass (no pass of its own): the
     * recorded I is still the bias, a change of one neuron between steps reaches that neuron only
     * (its population then reads per-neuron values), and v follows the closed form
     * {@code v_inf + (v_0 - v_inf) e^{-t/tau_m}} with {@code v_inf = E_L + R I}.
     */
    @Test
    void foldedBiasDrivesTheMembraneAsTheClosedFormAndChangesPerNeuron() {
        double dt = 1e-4, tau = 10e-3, r = 10e6;
        org.spikelane.Network net = new org.spikelane.Network(dt);
        net.addLif("lif", 17, Map.of("E_L", "0 mV", "v_init", "0 mV", "v_threshold", "1 V", "tau_m", "10 ms", "R", "10 Mohm"));
        int bias = net.addInput("bias", "lif", Map.of("amplitude", "1 nA"));
        net.recordState("lif", List.of("v", "I"), null, 1);
        org.spikelane.Simulation sim = net.build();
        assertEquals(0, sim.lif("lif").state().constant.mask, "one value for all: read from the first vector");
        sim.runSteps(100);
        sim.input(bias).set("amplitude", 3, 3e-9);
        assertEquals(-1, sim.lif("lif").state().constant.mask, "neurons differ now");
        sim.runSteps(100);
        org.spikelane.record.StateRecorder rec = sim.stateRecorders().get(0);
        double v100 = r * 1e-9 * (1 - Math.exp(-100 * dt / tau));
        for (int k = 0; k < 200; k++) {
            double t = k * dt;
            double other = r * 1e-9 * (1 - Math.exp(-t / tau));
            double three = k <= 100 ? other : r * 3e-9 + (v100 - r * 3e-9) * Math.exp(-(k - 100) * dt / tau);
            assertEquals(other, rec.trace("v", 0)[k], 2e-7, "neuron 0 at sample " + k);
            assertEquals(three, rec.trace("v", 3)[k], 2e-7, "neuron 3 at sample " + k);
            assertEquals(1e-9, rec.trace("I", 0)[k], 1e-15, "I of neuron 0 at sample " + k);
            assertEquals(k < 100 ? 1e-9 : 3e-9, rec.trace("I", 3)[k], 1e-15, "I of neuron 3 at sample " + k);
        }
    }
}
