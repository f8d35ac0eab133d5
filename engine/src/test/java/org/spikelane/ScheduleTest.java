package org.spikelane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Simulation#schedule()} lists each phase's objects in the order {@link Simulation#step()} runs them. */
class ScheduleTest {

    @Test
    void scheduleNamesEveryPhaseAndWhatRunsInIt() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry().register(new org.spikelane.spi.SynapsePlugin() {
            @Override public String name() { return "nothing"; }

            @Override public String description() { return "a synapse that does nothing"; }

            @Override public List<org.spikelane.spi.ParamSpec> params() { return List.of(); }

            @Override public org.spikelane.spi.SynapseKernel create(org.spikelane.spi.SynapseContext context,
                                                                    org.spikelane.spi.Params params) {
                return new org.spikelane.spi.SynapseKernel() {
                    @Override public void update(long step, int from, int to) {}

                    @Override public void receive(int[] targets, float[] weights, int start, int end) {}
                };
            }
        }));
        net.addSpikeGenerator("gen", 2, new double[] {1e-3}, new int[] {0}, 0);
        net.addLif("lif", 3, Map.of());
        net.addInput("constant", "lif", Map.of("amplitude", "1 nA"));
        net.addInput("constant", "lif", Map.of("amplitude", "2 nA"), new int[] {2});
        net.connect("gen", "lif", "nothing", null, "1 nA", null, null);
        net.every(0.01, sim -> { });
        net.recordSpikes("lif");
        net.recordState("lif", List.of("v", "I"), new int[] {0, 1}, 1);
        Simulation sim = net.build();
        sim.addSpikeListener((step, population, neurons, count) -> { });
        assertEquals(String.join("\n",
                "HOOKS: hook every 100 steps",
                "INPUTS: input 'constant' -> population 'lif'",
                "INPUTS: input 'constant' -> population 'lif'",
                "RECORD: state of population 'lif' (v, I)",
                "SYNAPSE_UPDATE: projection 'gen -> lif' #1 (update synapses)",
                "NEURON_UPDATE: spike generator 'gen'",
                "NEURON_UPDATE: population 'lif'",
                "DELIVERY: projection 'gen -> lif' #1 (deliver spikes)",
                "SPIKES_OUT: spike recorder of 'lif'",
                "SPIKES_OUT: 1 spike listener") + "\n", sim.schedule());
    }

    @Test
    void emptyPhasesSayNothingRunsThere() {
        Network net = new Network(1e-4).plugins(ConstantCurrent.registry());
        net.addLif("lif", 1, Map.of());
        assertEquals(String.join("\n", "HOOKS: -", "INPUTS: -", "RECORD: -", "SYNAPSE_UPDATE: -",
                "NEURON_UPDATE: population 'lif'", "DELIVERY: -", "SPIKES_OUT: -") + "\n", net.build().schedule());
    }
}
