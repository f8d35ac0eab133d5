package org.spikelane.bench;

import java.util.Map;
import org.spikelane.Network;
import org.spikelane.Precision;

/**
 * The one LIF population that the input and synapse benchmarks build their plugin kernels on,
 * through a real {@link Network} (so kernels get the same contexts, padding and fixed-point
 * target as in a simulation). Parameters are the neurodynex defaults with {@code tau_m} 20 ms;
 * the plugin kernels' cost does not depend on them.
 */
final class TargetPopulation {
    private TargetPopulation() {}

    static final String NAME = "pop";

    /** A network at dt = 0.1 ms holding population {@value #NAME} of {@code n} neurons under {@code precision}. */
    static Network network(int n, String precision) {
        Network net = new Network(LifFixture.DT).precision(Precision.parse(precision));
        net.addLif(NAME, n, Map.of("tau_m", "20 ms", "R", "10 Mohm"));
        return net;
    }
}
