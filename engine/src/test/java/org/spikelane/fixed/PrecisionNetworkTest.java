package org.spikelane.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseKinetics;
import org.spikelane.spi.SynapsePlugin;

/** Precision plumbing through Network and Simulation: loihi projections, reports, errors. */
class PrecisionNetworkTest {

    /** Stands in for plugins/synapses (not on the engine's test class path). */
    private record Named(String name, boolean conductance) implements SynapsePlugin {
        @Override public String description() { return "test"; }

        @Override public List<ParamSpec> params() { return List.of(); }

        /** exp_current declares its kinetics (as plugins/synapses does); a conductance has none. */
        @Override public java.util.Optional<SynapseKinetics> kinetics() {
            return conductance ? java.util.Optional.empty() : java.util.Optional.of(new SynapseKinetics.ExponentialCurrent("tau_syn"));
        }

        @Override public SynapseKernel create(SynapseContext context, Params params) {
            if (conductance) context.target().enableConductance();
            return new SynapseKernel() {
                @Override public void update(long step, int from, int to) {}

                @Override public void receive(int[] targets, float[] weights, int from, int to) {}
            };
        }
    }

    private static Network loihiNetwork(Object weight) {
        Network net = new Network(1e-3).plugins(new PluginRegistry().register(new Named("exp_current", false))
                .register(new Named("exp_conductance", true)));
        net.precision(Precision.LOIHI);
        net.addSpikeGenerator("in", 1, new double[] {0}, new int[] {0}, 0);
        net.addLif("lava", 1, Map.of("du", 2047, "dv", 2048, "vth", 1 << 17));
        net.connect("in", "lava", "exp_current", null, weight, null, null);
        net.recordState("lava", List.of("u", "v"), null, 1);
        return net;
    }

    @Test
    void loihiProjectionAddsWeightToUOneStepLaterAsLavaDense() {
        Simulation sim = loihiNetwork(128).build();
        sim.runSteps(5);
        var rec = sim.stateRecorders().getFirst();
        // samples are taken at the start of each step: spike at step 0, delivered in its phase DELIVERY,
        // added after the decay of u in step 1, so the sample of step 2 is the first to show it
        assertArrayEquals(new double[] {0, 0, 8192, 4096, 2048}, rec.trace("u", 0));
        assertArrayEquals(new double[] {0, 0, 8192, 4096 + 4096, 4096 + 2048}, rec.trace("v", 0));
        assertEquals(List.of(new OverflowCount("lava", "u", Overflow.WRAP, 0), new OverflowCount("lava", "v", Overflow.SATURATE, 0)),
                sim.overflows());
    }

    @Test
    void loihiRejectsWhatTheChipCannotDo() {
        Network net = new Network(1e-3).precision(Precision.LOIHI);
        var refractory = assertThrows(ParameterException.class, () -> net.addLif("a", 1, Map.of("refractory", "2 ms")));
        assertTrue(refractory.getMessage().contains("population 'a' parameter 'refractory'")
                && refractory.getMessage().contains("no refractory period"), refractory.getMessage());
        var physical = assertThrows(ParameterException.class, () -> net.addLif("a", 1, Map.of("tau_m", "8 ms")));
        assertTrue(physical.getMessage().contains("du, dv, vth, bias_mant, bias_exp"), physical.getMessage());
        var fractional = assertThrows(ParameterException.class, () -> loihiNetwork(1.5).build());
        assertTrue(fractional.getMessage().contains("must be an integer"), fractional.getMessage());
        Network cond = new Network(1e-3).plugins(new PluginRegistry().register(new Named("exp_conductance", true)))
                .precision(Precision.LOIHI);
        cond.addSpikeGenerator("in", 1, new double[] {0}, new int[] {0}, 0);
        cond.addLif("lava", 1, Map.of());
        cond.connect("in", "lava", "exp_conductance", null, 1, null, null);
        var conductance = assertThrows(ParameterException.class, cond::build);
        assertTrue(conductance.getMessage().contains("'exp_conductance' is not available under precision loihi"),
                conductance.getMessage());
        var later = new Network(1e-3);
        later.addLif("f", 1, Map.of("tau_m", "8 ms"));
        assertThrows(ParameterException.class, () -> later.precision(Precision.LOIHI), "existing populations are re-checked");
        assertEquals(Precision.FLOAT32, later.precision());
        var word = assertThrows(ParameterException.class, () -> Precision.parse("fix"));
        assertEquals("network parameter 'precision': must be one of float32, fixed, loihi, got 'fix'", word.getMessage());
    }

    @Test
    void fixedRejectsFloatOnlyPluginsNamingThePlugin() {
        Network net = new Network(1e-4).plugins(new PluginRegistry().register(new Named("exp_conductance", true)))
                .precision(Precision.FIXED);
        net.addSpikeGenerator("in", 1, new double[] {0}, new int[] {0}, 0);
        net.addLif("lif", 1, Map.of());
        net.connect("in", "lif", "exp_conductance", null, 1e-9, null, null);
        var e = assertThrows(ParameterException.class, net::build);
        assertEquals("projection 'in -> lif' synapse 'exp_conductance': plugin 'exp_conductance' supports precision float32 "
                + "only (it has no fixed-point kernel); run with precision: float32", e.getMessage());
    }

    /**
     * LSB_v = 2^-28 V for the neurodynex neuron, so v and the voltage parameters hold
     * +-(2^27 - 1) LSB_v, just under 0.5 V: a run-time value beyond is refused, naming the
     * parameter and the range, instead of being saturated into a different threshold or v.
     */
    @Test
    void fixedRefusesRunTimeVoltagesBeyondItsRange() {
        Network net = new Network(1e-4).precision(Precision.FIXED);
        net.addLif("lif", 1, Map.of());
        Simulation sim = net.build();
        var e = assertThrows(ParameterException.class, () -> sim.set("population 'lif'", "v_threshold", 0, 0.6));
        assertEquals("v_threshold", e.parameter());
        assertEquals("population 'lif' parameter 'v_threshold': 600 mV is outside the range that precision fixed holds for this "
                + "population, +-500 mV (134217727 x LSB_v 3.725290298461914E-9 V, fixed at build time by its largest voltage "
                + "parameter)", e.getMessage());
        assertThrows(ParameterException.class, () -> sim.set("population 'lif'", "v", 0, -0.5));
        assertThrows(ParameterException.class, () -> sim.set("population 'lif'", "E_L", 0, Double.NaN));
        sim.set("population 'lif'", "v", 0, -0.49); // within the range: taken as given
        var fixed = ((org.spikelane.format.FixedBinding) sim.lif("lif").format()).fixedState();
        assertEquals((float) -0.49, fixed.volts(0), fixed.voltageLsb / 2, "rounded through float, as every voltage is");
        sim.set("population 'lif'", "v_threshold", 0, 0.4);
        for (var c : sim.overflows()) assertEquals(0, c.count(), c.toString());
    }

    @Test
    void fixedReportsQuantizationOfTheNeurodynexNeuron() {
        Network net = new Network(1e-4).precision(Precision.FIXED);
        net.addLif("lif", 1, Map.of());
        Simulation sim = net.build();
        Map<String, Quantization> q = new java.util.HashMap<>();
        for (Quantization x : sim.quantization()) q.put(x.parameter(), x);
        assertEquals(Math.scalb(1.0, -28), q.get("LSB_v").effective(), "4 x 70 mV < 0.5 V = 2^27 LSB");
        assertEquals(Math.scalb(1.0, -28) / 10e6, q.get("LSB_I").effective(), 1e-30);
        // d = round(e^{-0.1/8} 2^16) = 64722, effective tau = -dt / ln(64722 / 65536)
        double tauEff = -1e-4 / Math.log(64722 / 65536.0);
        assertEquals(tauEff, q.get("tau_m").effective(), 1e-15);
        assertEquals(Math.abs(tauEff - 8e-3) / 8e-3, q.get("tau_m").relativeError(), 1e-12);
        assertTrue(q.get("tau_m").relativeError() < 1e-3, "16-bit decay: tau_m within 0.1 %");
        assertTrue(q.get("v_threshold").relativeError() < 1e-7);
        assertEquals(3, sim.overflows().size());
        assertEquals(Precision.FIXED, sim.precision());
    }
}
