package org.spikelane.synapses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * One LIF neuron (threshold out of reach) receiving given input spikes through one synapse,
 * every variable sampled at every step: the set-up of the PSP oracle tests.
 */
final class Psp {
    static final double DT = 1e-4;

    private final Network net = new Network(DT);
    private final List<String> variables = new ArrayList<>(List.of("v"));
    private Simulation sim;

    Psp(Map<String, Object> lif, double... spikeTimes) {
        net.addSpikeGenerator("src", 1, spikeTimes, new int[spikeTimes.length], 0);
        net.addLif("lif", 1, lif);
    }

    /** A LIF with E_L = v_init = 0 V (so float v resolves the PSP finely), tau_m 10 ms, C 250 pF. */
    static Map<String, Object> quietLif() {
        return Map.of("E_L", "0 mV", "v_init", "0 mV", "v_reset", "0 mV", "v_threshold", "1 V", "tau_m", "10 ms", "C", "250 pF");
    }

    /** Runs the same network under another precision (fixed: the synapses' int kernels). */
    Psp precision(Precision precision) {
        net.precision(precision);
        return this;
    }

    Psp synapse(String plugin, Map<String, ?> params, Object weight, String... recorded) {
        net.connect("src", "lif", plugin, params, weight, "0 ms", Map.of("rule", "all_to_all"));
        variables.addAll(List.of(recorded));
        return this;
    }

    Psp run(int steps) {
        net.recordState("lif", variables, null, 1);
        sim = net.build();
        sim.runSteps(steps);
        return this;
    }

    /** Samples of a variable; sample k is the state at t = k dt. */
    double[] trace(String variable) {
        StateRecorder r = sim.stateRecorders().get(0);
        return r.trace(variable, 0);
    }

    Simulation simulation() { return sim; }
}
