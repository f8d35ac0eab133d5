package org.spikelane.nir.net;

import java.util.Map;
import org.spikelane.Network;

/**
 * A NIR graph as an engine {@link Network} ({@link NirNetworks#toNetwork}), with each population's
 * step shift: the engine's projections act from the step after a spike (docs/semantics.md §2,
 * phase DELIVERY) while NIR's feed-forward edges act within the step, so a population at
 * feed-forward depth k (the Input's generator at 0) spikes {@code stepShift.get(name)} = k steps
 * after the executor's step for the same spike.
 */
public record NirNetwork(Network network, Map<String, Integer> stepShift) {
    public NirNetwork {
        stepShift = Map.copyOf(stepShift);
    }
}
