package org.spikelane.synapses;

import java.util.Map;
import org.spikelane.Network;

/**
 * The two networks of Brette et al. 2007 (benchmarks 1 and 2, after Vogels & Abbott 2005) built
 * through the Java API: 4000 LIF neurons, the first 3200 excitatory; every ordered pair connected
 * with p = 0.02 (autapses allowed, as Brian2's connect(p=...)); no delay; v starts uniform in
 * [v_reset, v_threshold).
 */
final class VogelsAbbott {
    private VogelsAbbott() {}

    private static final Map<String, Object> EXCITATORY = Map.of("rule", "probability", "p", 0.02, "pre", Map.of("from", 0, "to", 3200));
    private static final Map<String, Object> INHIBITORY = Map.of("rule", "probability", "p", 0.02, "pre", Map.of("from", 3200, "to", 4000));
    private static final Map<String, Object> V_INIT = Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"));

    /**
     * Brian2's examples/CUBA.py: ge, gi in volts (R * I), so exp_current with weights in V.
     */
    static Network cuba(long seed) {
        Network net = new Network(0.1e-3).seed(seed);
        net.addLif("P", 4000, Map.of("tau_m", "20 ms", "E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV",
                "refractory", "5 ms", "v_init", V_INIT));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), "1.62 mV", "0 ms", EXCITATORY);
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "10 ms"), "-9 mV", "0 ms", INHIBITORY);
        net.recordSpikes("P");
        return net;
    }

    /**
     * COBA (C 200 pF, g_L 10 nS, E_L -60 mV; 6 nS / 5 ms / 0 mV and 67 nS / 10 ms / -80 mV) with the
     * 20 mV drive of Brian2's benchmark script. The drive is folded into E_L (-40 mV): with a constant
     * current the conductance path's {@code g_L E_L + I} is the same as {@code g_L (E_L + R I)}, and
     * this module's tests do without the input plugins (examples/coba.yaml uses a bias input).
     */
    static Network coba(long seed) {
        Network net = new Network(0.1e-3).seed(seed);
        net.addLif("P", 4000, Map.of("C", "200 pF", "tau_m", "20 ms", "E_L", "-40 mV", "v_threshold", "-50 mV",
                "v_reset", "-60 mV", "refractory", "5 ms", "v_init", V_INIT));
        net.connect("P", "P", "exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", "0 mV"), "6 nS", "0 ms", EXCITATORY);
        net.connect("P", "P", "exp_conductance", Map.of("tau_syn", "10 ms", "E_rev", "-80 mV"), "67 nS", "0 ms", INHIBITORY);
        net.recordSpikes("P");
        return net;
    }

    /** Mean rate (Hz) of population P over one second of simulated time. */
    static double rate(Network net) {
        var sim = net.build();
        sim.run(1.0);
        return sim.spikes().count("P") / 4000.0;
    }
}
