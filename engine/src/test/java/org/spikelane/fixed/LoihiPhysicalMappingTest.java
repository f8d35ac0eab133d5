package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.Range;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.units.Dimension;

/**
 * Physical LIF parameters under precision loihi: the quantization report of the neurodynex
 * neuron, the relaxation to {@code E_L + R I} with the effective {@code tau_m}, and the one-line
 * errors where Loihi cannot represent the model.
 */
class LoihiPhysicalMappingTest {
    private static final double DT = 1e-4;
    /** The neurodynex neuron as Loihi can run it: reset to E_L, no refractory period. */
    static final Map<String, Object> NEURON = Map.of("v_reset", "-70 mV", "refractory", 0);

    private static Map<String, Quantization> report(Simulation sim) {
        Map<String, Quantization> q = new HashMap<>();
        for (Quantization x : sim.quantization()) q.put(x.parameter(), x);
        return q;
    }

    @Test
    void reportOfTheNeurodynexNeuron() {
        Network net = new Network(DT).precision(Precision.LOIHI);
        net.addLif("lif", 1, NEURON);
        Map<String, Quantization> q = report(net.build());
        double lsb = 20e-3 / (1 << 22); // v_th - E_L = 20 mV is vth = 2^16, i.e. 2^22 LSB
        assertEquals(lsb, q.get("LSB_v").effective(), 1e-22);
        // dv = round(4096 (1 - e^{-0.1/8})) = round(50.88) = 51
        double tauEff = -DT / Math.log(1 - 51 / 4096.0);
        assertEquals(tauEff, q.get("tau_m").effective(), 1e-15);
        assertEquals(7.9813e-3, tauEff, 1e-7, "12-bit dv: tau_m 8 ms becomes 7.981 ms (-0.23 %)");
        assertEquals(0, q.get("v_threshold").relativeError(), "the largest threshold is exact by the choice of LSB_v");
        assertEquals(-50e-3, q.get("v_threshold").effective(), 1e-15);
        // one bias unit: LSB_v / ((dv / 4096) R)
        assertEquals(lsb / (51 / 4096.0 * 10e6), q.get("I_LSB").effective(), 1e-6 * q.get("I_LSB").effective());
    }

    @Test
    void tauMMayDifferPerNeuronAndTheReportGivesTheWorst() {
        Network net = new Network(DT).precision(Precision.LOIHI);
        net.addLif("lif", 3, with(NEURON, "tau_m", List.of("2 ms", "8 ms", "20 ms")));
        Quantization tau = report(net.build()).get("tau_m");
        // dv = round(4096 (1 - e^{-dt/tau})): 200 (2 ms), 51 (8 ms), 20 (20 ms); the rounding of 20.43 to 20 is the worst
        double[] dv = {200, 51, 20}, requested = {2e-3, 8e-3, 20e-3};
        double worst = 0;
        int at = -1;
        for (int i = 0; i < 3; i++) {
            double err = Math.abs(-DT / Math.log(1 - dv[i] / 4096) - requested[i]) / requested[i];
            if (err > worst) { worst = err; at = i; }
        }
        assertEquals(2, at);
        assertEquals(worst, tau.relativeError(), 1e-12);
        assertEquals(20e-3, tau.requested(), 0);
    }

    /** A constant current from an input plugin, which the kernel turns into the step's bias. */
    private static Simulation driven(double amps, Map<String, Object> params, int steps) {
        Network net = new Network(DT).plugins(org.spikelane.ConstantCurrent.registry()).precision(Precision.LOIHI);
        net.addLif("lif", 1, params);
        net.addInput("constant", "lif", Map.of("amplitude", amps));
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(steps);
        return sim;
    }

    @Test
    void subthresholdCurrentRelaxesToELPlusRIWithTheEffectiveTau() {
        double amps = 1e-9, lsb = 20e-3 / (1 << 22), tauEff = -DT / Math.log(1 - 51 / 4096.0);
        Simulation sim = driven(amps, NEURON, 1000);
        double[] v = sim.stateRecorders().getFirst().trace("v", 0);
        // the drive 1 nA * (51/4096) R / LSB = 26112 bias units keeps a 13-bit mantissa with exponent 3, so the
        // bias may lose up to 8 + 1 units; truncation of each decay product loses < 1 LSB per step; each unit
        // lost per step lowers the fixed point by 4096/51 LSB
        double worst = 0;
        for (int n = 1; n < v.length; n++) {
            double ideal = -70e-3 + 10e-3 * (1 - Math.exp(-n * DT / tauEff));
            worst = Math.max(worst, Math.abs(v[n] - ideal));
        }
        double bound = (8 + 1 + 1) * 4096 / 51.0 * lsb;
        assertTrue(worst < bound, "largest |v - E_L - R I (1 - e^{-t/tau_eff})| " + worst + " V, bound " + bound + " V");
        assertTrue(v[999] < -60e-3 && v[999] > -60e-3 - bound, "approaches E_L + R I from below: " + v[999]);
    }

    @Test
    void inputBeyondTheLargestBiasSaturatesAndIsCounted() {
        // 4095 << 7 bias units = 524160 / 2.6112e13 per A = 20.1 nA; 30 nA saturates every step
        Simulation sim = driven(30e-9, NEURON, 10);
        var input = sim.overflows().stream().filter(o -> o.variable().equals("I")).findFirst().orElseThrow();
        assertEquals(10, input.count());
        assertEquals(Overflow.SATURATE, input.mode());
    }

    private static String error(Map<String, Object> params) {
        Network net = new Network(DT).precision(Precision.LOIHI);
        return assertThrows(ParameterException.class, () -> net.addLif("p", 1, params)).getMessage();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new HashMap<>(base);
        for (int k = 0; k < kv.length; k += 2) m.put((String) kv[k], kv[k + 1]);
        return m;
    }

    @Test
    void whatLoihiCannotRepresentIsAOneLineError() {
        assertEquals("population 'p' parameter 'v_reset': must equal E_L under precision loihi (Loihi resets v to 0, i.e. to E_L), "
                + "got v_reset -65 mV and E_L -70 mV", error(Map.of("refractory", 0)));
        String refractory = error(Map.of("v_reset", "-70 mV"));
        assertTrue(refractory.startsWith("population 'p' parameter 'refractory': must be 0 under precision loihi")
                && refractory.contains("(the default)"), refractory);
        assertTrue(error(with(NEURON, "threshold", ">=")).contains("must be '>' under precision loihi"));
        assertTrue(error(with(NEURON, "v_threshold", "-80 mV")).contains("must be >= E_L"));
        assertTrue(error(with(NEURON, "dv", 10)).contains("not both"), "raw and physical parameters mixed");
        String longTau = assertThrows(ParameterException.class, () -> {
            Network net = new Network(DT).precision(Precision.LOIHI);
            net.addLif("p", 1, with(NEURON, "tau_m", "2 s"));
            net.build();
        }).getMessage();
        assertTrue(longTau.startsWith("population 'p' parameter 'tau_m': must be at most 819.") && longTau.contains("got 2 s"), longTau);
        String shortTau = assertThrows(ParameterException.class, () -> {
            Network net = new Network(DT).precision(Precision.LOIHI);
            net.addLif("p", 1, with(NEURON, "tau_m", "0.01 ms"));
            net.build();
        }).getMessage();
        assertTrue(shortTau.contains("must be at least"), shortTau);
    }

    /** Stands in for plugins/synapses: exp_current with its tau_syn parameter, delta. */
    private record Stub(String name, List<ParamSpec> params, List<Dimension> weightDimensions) implements SynapsePlugin {
        @Override public String description() { return "test"; }

        @Override public Range weightRange() { return Range.any(); }

        /** As plugins/synapses declares them: exp_current decays with tau_syn, delta jumps v. */
        @Override public java.util.Optional<SynapseKinetics> kinetics() {
            return java.util.Optional.of(name.equals("delta") ? new SynapseKinetics.VoltageJump()
                    : new SynapseKinetics.ExponentialCurrent("tau_syn"));
        }

        @Override public SynapseKernel create(SynapseContext context, Params params) {
            throw new AssertionError("replaced by LoihiSynapse under precision loihi");
        }
    }

    private static Network synapseNetwork() {
        Network net = new Network(DT).plugins(new PluginRegistry()
                .register(new Stub("exp_current", List.of(ParamSpec.quantity("tau_syn", Dimension.TIME, 2e-3, Range.positive(), "")),
                        List.of(Dimension.CURRENT, Dimension.VOLTAGE)))
                .register(new Stub("delta", List.of(), List.of(Dimension.VOLTAGE))));
        net.precision(Precision.LOIHI);
        net.addSpikeGenerator("in", 1, new double[] {0}, new int[] {0}, 0);
        net.addLif("lif", 1, NEURON);
        return net;
    }

    @Test
    void deltaWeightIsAnIntegerJumpOfV() {
        Network net = synapseNetwork();
        net.connect("in", "lif", "delta", null, "0.5 mV", null, null);
        net.recordState("lif", List.of("v", "u"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(4);
        var rec = sim.stateRecorders().getFirst();
        double lsb = 20e-3 / (1 << 22);
        long aIn = Math.round(0.5e-3 / (64 * lsb)); // 1638.4 -> 1638
        assertEquals(1638, aIn);
        assertEquals(0, rec.trace("v", 0)[1] + 70e-3, 1e-8, "recorded as float; " + "spike at step 0 acts in step 1 (sampled at the start of step 2)");
        assertEquals(aIn * 64 * lsb, rec.trace("v", 0)[2] + 70e-3, 1e-8, "jump of a_in << 6 LSB");
        assertEquals(aIn * 64, rec.trace("u", 0)[2], "u holds the jump for one step (du = 4095)");
        assertEquals(0, rec.trace("u", 0)[3]);
        Quantization w = report(sim).get("weight (projection 'in -> lif')");
        assertEquals(0.5e-3, w.requested(), 1e-10, "the table holds float32 weights");
        assertEquals(aIn * 64 * lsb, w.effective(), 1e-12);
        assertEquals(0.4 / 1638.4, w.relativeError(), 1e-6, "0.31 uV steps");
    }

    @Test
    void expCurrentProjectionsMustShareTauSynAndNotMixWithDelta() {
        Network net = synapseNetwork();
        net.addSpikeGenerator("in2", 1, new double[] {0}, new int[] {0}, 0);
        net.connect("in", "lif", "exp_current", Map.of("tau_syn", "5 ms"), "1 nA", null, null);
        net.connect("in2", "lif", "exp_current", Map.of("tau_syn", "10 ms"), "1 nA", null, null);
        String e = assertThrows(ParameterException.class, net::build).getMessage();
        assertEquals("projection 'in2 -> lif' synapse 'exp_current' parameter 'tau_syn': must equal the 5 ms of projection "
                + "'in -> lif' under precision loihi (one du per population), got 10 ms", e);
        Network mixed = synapseNetwork();
        mixed.addSpikeGenerator("in2", 1, new double[] {0}, new int[] {0}, 0);
        mixed.connect("in", "lif", "exp_current", null, "1 nA", null, null);
        mixed.connect("in2", "lif", "delta", null, "1 mV", null, null);
        String m = assertThrows(ParameterException.class, mixed::build).getMessage();
        assertTrue(m.startsWith("projection 'in2 -> lif' parameter 'synapse': 'delta' cannot share population 'lif' with "
                + "'exp_current'"), m);
        Network big = synapseNetwork();
        big.connect("in", "lif", "delta", null, "12.5 mV", null, null); // 12.5 mV / 0.31 uV = 40960 > 32767
        assertTrue(assertThrows(ParameterException.class, big::build).getMessage().contains("beyond Loihi's 16-bit a_in"));
    }

    @Test
    void expCurrentReportsTauSynAndWeight() {
        Network net = synapseNetwork();
        net.connect("in", "lif", "exp_current", Map.of("tau_syn", "5 ms"), "1 nA", null, null);
        Map<String, Quantization> q = report(net.build());
        // du + 1 = round(4096 (1 - e^{-0.1/5})) = round(81.1) = 81
        assertEquals(-DT / Math.log(1 - 81 / 4096.0), q.get("tau_syn").effective(), 1e-15);
        Quantization w = q.get("weight (projection 'in -> lif')");
        assertEquals(1e-9, w.requested(), 1e-16, "the table holds float32 weights");
        assertTrue(w.relativeError() > 0 && w.relativeError() < 0.5 / 260, "a_in about 261: " + w);
    }
}
