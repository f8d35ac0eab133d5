package org.spikelane.synapses;

import java.util.Map;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.format.FixedBinding;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.spi.SynapseContext;
import org.spikelane.units.Dimension;

/** Real fixed-point LIF targets (heterogeneous tau_m and C) and a synapse context for driving fixed kernels directly. */
final class FixedTargets {
    private FixedTargets() {}

    static final double DT = 1e-4;

    /** The fixed state of a built population of {@code n} neurons whose tau_m and C are drawn from {@code seed}. */
    static FixedLifState heterogeneous(int n, long seed) {
        Network net = new Network(DT).seed(seed).precision(Precision.FIXED);
        net.addLif("lif", n, Map.of("tau_m", Map.of("uniform", Map.of("low", "5 ms", "high", "30 ms")),
                "C", Map.of("uniform", Map.of("low", "100 pF", "high", "300 pF")), "v_threshold", "0 V"));
        return ((FixedBinding) net.build().lif("lif").format()).fixedState();
    }

    /** The fixed state of one built neuron with these tau_m and C (SI). */
    static FixedLifState single(double tauM, double c) {
        Network net = new Network(DT).precision(Precision.FIXED);
        net.addLif("lif", 1, Map.of("tau_m", tauM, "C", c, "v_threshold", "0 V"));
        return ((FixedBinding) net.build().lif("lif").format()).fixedState();
    }

    static SynapseContext context(SynapseTarget target, Dimension weight, boolean vector) {
        return new SynapseContext() {
            @Override public double dt() { return DT; }

            @Override public long toSteps(double seconds) { return Math.round(seconds / DT); }

            @Override public SynapseTarget target() { return target; }

            @Override public Dimension weightDimension() { return weight; }

            @Override public boolean vector() { return vector; }

            @Override public String owner() { return "test"; }
        };
    }
}
