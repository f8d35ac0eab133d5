package org.spikelane.nir.net;

import java.util.List;
import java.util.Map;
import org.spikelane.Network;

/**
 * A NIR graph as an engine {@link Network} ({@link NirNetworks#toNetwork}), with each population's
 * step shift: the engine's projections act from the step after a spike (docs/semantics.md §2,
 * phase DELIVERY) while NIR's feed-forward edges act within the step, so a LIF or IF layer (and a
 * CubaLIF under exact) spikes one step later than the executor per feed-forward layer, and a
 * CubaLIF under euler adds no step (its current reaches v one step late in NIR too). A spike of
 * the executor's step t appears at step {@code t + stepShift.get(name)} (the Input's generators at
 * 0; the bias generators are not listed). The readouts (LI, CubaLI and I nodes) are populations
 * that never fire; their v of the executor's step t is the engine's v after step
 * {@code t + stepShift.get(name)}, recorded with {@code network().recordState(name, List.of("v"), ...)}.
 *
 * @param readouts the readout populations, in the graph's order; their spikes are not recorded
 */
public record NirNetwork(Network network, Map<String, Integer> stepShift, List<String> readouts) {
    public NirNetwork {
        stepShift = Map.copyOf(stepShift);
        readouts = List.copyOf(readouts);
    }
}
