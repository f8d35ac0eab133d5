package org.spikelane.synapses;

import java.util.Map;
import org.spikelane.Network;

/**
 * Brian2's examples/CUBA.py (Brette et al. 2007, benchmark 2) through the Java API: 4000 LIF
 * neurons, the first 3200 excitatory; every pair connected with p = 0.02 (autapses allowed, as
 * Brian2's connect(p=...)); synaptic "currents" ge, gi in volts, i.e. exp_current with weights
 * in V meaning R * I; no delay.
 */
final class Cuba {
    private Cuba() {}

    static Network network(long seed) {
        Network net = new Network(0.1e-3).seed(seed);
        net.addLif("P", 4000, Map.of(
                "tau_m", "20 ms", "E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV", "refractory", "5 ms",
                "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), "1.62 mV", "0 ms",
                Map.of("rule", "probability", "p", 0.02, "pre", Map.of("from", 0, "to", 3200)));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "10 ms"), "-9 mV", "0 ms",
                Map.of("rule", "probability", "p", 0.02, "pre", Map.of("from", 3200, "to", 4000)));
        net.recordSpikes("P");
        return net;
    }

    /** Mean rate (Hz) over one second of simulated time. */
    static double rate(long seed) {
        var sim = network(seed).build();
        sim.run(1.0);
        return sim.spikes().count("P") / 4000.0;
    }
}
