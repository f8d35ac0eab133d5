package org.spikelane.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
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

/** Every format builds the same network and reports what belongs to it; loihi asks plugins for their kinetics. */
class NumberFormatTest {
    /** Loihi takes physical parameters it can represent: no refractory period, v_reset = E_L. */
    private static final Map<String, Object> NEURON = Map.of("tau_m", "10 ms", "refractory", "0 ms", "v_reset", "-70 mV");

    /** A constant current in both float and fixed point, as plugins/inputs' bias. */
    private record Constant() implements InputPlugin {
        @Override public String name() { return "constant"; }

        @Override public String description() { return "constant current (tests)"; }

        @Override public List<ParamSpec> params() {
            return List.of(ParamSpec.quantity("amplitude", Dimension.CURRENT, null, Range.any(), "current"));
        }

        @Override public InputKernel create(InputContext context, Params params) {
            float amplitude = (float) params.get("amplitude");
            int n = context.populationSize();
            return (step, from, to, current) -> Accumulate.add(current, from, to, null, n, amplitude);
        }

        @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
            int n = context.populationSize();
            int[] lsb = new int[n];
            for (int i = 0; i < n; i++) lsb[i] = (int) Math.round(params.get("amplitude") * target.lsbPerAmpere(i));
            return (step, from, to, drive) -> Accumulate.add(drive, from, to, null, lsb, n);
        }
    }

    /** A synapse that does nothing, in float and fixed point, with the kinetics and weight units it is given. */
    private record Synapse(String name, Optional<SynapseKinetics> kinetics, List<Dimension> weightDimensions)
            implements SynapsePlugin {
        @Override public String description() { return "test"; }

        @Override public List<ParamSpec> params() {
            return List.of(ParamSpec.quantity("tau_syn", Dimension.TIME, 2e-3, Range.positive(), ""));
        }

        @Override public SynapseKernel create(SynapseContext context, Params params) { return idle(); }

        @Override public SynapseKernel createFixed(SynapseContext context, Params params, FixedTarget target) { return idle(); }

        private static SynapseKernel idle() {
            return new SynapseKernel() {
                @Override public void update(long step, int from, int to) {}

                @Override public void receive(int[] targets, float[] weights, int from, int to) {}
            };
        }
    }

    private static final Synapse DECAYING = new Synapse("decaying", Optional.of(new SynapseKinetics.ExponentialCurrent("tau_syn")),
            List.of(Dimension.CURRENT, Dimension.VOLTAGE));
    private static final Synapse JUMP = new Synapse("jump", Optional.of(new SynapseKinetics.VoltageJump()), List.of(Dimension.VOLTAGE));
    private static final Synapse PLAIN = new Synapse("plain", Optional.empty(), List.of(Dimension.CURRENT));

    private static Network network(Precision precision, Map<String, ?> neuron) {
        Network net = new Network(1e-4).plugins(new PluginRegistry().register(new Constant()).register(DECAYING)
                .register(JUMP).register(PLAIN)).precision(precision);
        net.addSpikeGenerator("in", 1, new double[] {1e-3}, new int[] {0}, 0);
        net.addLif("lif", 4, neuron);
        return net;
    }

    private static Simulation smallNetwork(Precision precision) {
        Network net = network(precision, NEURON);
        net.addInput("constant", "lif", Map.of("amplitude", "2.5 nA"));
        net.connect("in", "lif", "decaying", Map.of("tau_syn", "5 ms"), "0.1 nA", null, null);
        Simulation sim = net.build();
        sim.run(0.02);
        return sim;
    }

    /** The small network under {@code precision}, checked for what its format reports and can record. */
    private static Simulation reports(Precision precision, List<String> quantizedAtLeast, List<String> overflowCounts,
                                      List<String> variables) {
        Simulation sim = smallNetwork(precision);
        List<String> quantized = sim.quantization().stream().map(Quantization::parameter).toList();
        assertTrue(quantized.containsAll(quantizedAtLeast), quantized.toString());
        assertEquals(overflowCounts, sim.overflows().stream().map(OverflowCount::variable).toList());
        assertEquals(variables, sim.lif("lif").variableNames());
        return sim;
    }

    @Test
    void float32QuantizesNothingAndCountsNoOverflow() {
        Simulation sim = reports(Precision.FLOAT32, List.of(), List.of(), List.of("v", "I"));
        assertEquals(List.of(), sim.quantization());
        assertEquals(Precision.FLOAT32.format().lanes(), sim.species());
        assertTrue(sim.species().contains("float"), sim.species());
        assertTrue(sim.lif("lif").state().v[0] > -70e-3f, "float32 state is read directly; the input raised v");
    }

    @Test
    void fixedReportsItsLsbsAndCountsOverflowsOfVIAndDv() {
        Simulation sim = reports(Precision.FIXED, List.of("LSB_v", "LSB_I", "tau_m", "R"), List.of("v", "I", "dv"), List.of("v", "I"));
        // recorded I comes from the int drive: 2.5 nA within the current LSB, not the float array's 0
        Network net = network(Precision.FIXED, NEURON);
        net.addInput("constant", "lif", Map.of("amplitude", "2.5 nA"));
        net.recordState("lif", List.of("I"), null, 1);
        Simulation recorded = net.build();
        recorded.runSteps(3);
        assertEquals(2.5e-9, recorded.stateRecorders().get(0).trace("I", 0)[0], 1e-12);
        assertTrue(sim.species().contains("int"), sim.species());
    }

    @Test
    void loihiReportsItsMappingAndCountsWrapsOfUAndSaturations() {
        Simulation sim = reports(Precision.LOIHI, List.of("LSB_v", "tau_m", "v_threshold", "tau_syn"), List.of("u", "v", "I"),
                List.of("v", "I", "u"));
        var set = assertThrows(ParameterException.class, () -> sim.lif("lif").set("tau_m", 0, 0.02));
        assertEquals("population 'lif' parameter 'tau_m': cannot be changed at run time under precision loihi", set.getMessage());
    }

    @Test
    void fixedRequantizesAParameterSetAtRunTime() {
        Simulation sim = smallNetwork(Precision.FIXED);
        sim.lif("lif").set("tau_m", 2, 20e-3);
        var fixed = ((FixedBinding) sim.lif("lif").format()).fixedState();
        assertEquals(Math.round(Math.exp(-1e-4 / 20e-3) * 65536), fixed.decay[2]);
        assertEquals(Math.round(Math.exp(-1e-4 / 10e-3) * 65536), fixed.decay[1]);
    }

    /** The engine knows no plugin by name: what counts is the kinetics a plugin declares. */
    @Test
    void loihiRefusesAPluginWithoutKineticsInOneLineNamingItAndWhatItLacks() {
        Network net = network(Precision.LOIHI, NEURON);
        net.connect("in", "lif", "plain", null, "0.1 nA", null, null);
        var e = assertThrows(ParameterException.class, net::build);
        assertEquals("projection 'in -> lif' parameter 'synapse': 'plain' is not available under precision loihi: it declares "
                + "no kinetics that Loihi's current u can play (a current decaying with a time constant, or a voltage jump)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Network jump = network(Precision.LOIHI, NEURON);
        jump.connect("in", "lif", "jump", null, "0.5 mV", null, null);
        jump.build(); // a voltage jump is u forgetting each step

        Network raw = network(Precision.LOIHI, Map.of());
        raw.connect("in", "lif", "jump", null, 1, null, null);
        var rawJump = assertThrows(ParameterException.class, raw::build);
        assertEquals("projection 'in -> lif' parameter 'synapse': 'jump' is not available under precision loihi with raw "
                + "hardware parameters: it is a voltage jump, and only a current decaying with a time constant can be the "
                + "target's u (decay du)", rawJump.getMessage());
        Network rawDecaying = network(Precision.LOIHI, Map.of());
        rawDecaying.connect("in", "lif", "decaying", null, 3, null, null);
        rawDecaying.build();
    }
}
