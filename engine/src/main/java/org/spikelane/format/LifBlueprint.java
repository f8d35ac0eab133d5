package org.spikelane.format;

import java.util.Map;
import org.spikelane.spi.Params;

/**
 * A LIF population as the network describes it, before any format has read it. The parameters
 * are drawn from the network's seed when asked for, so a format reads only the kind it uses:
 * physical LIF parameters, or Loihi's (physical or raw hardware integers).
 */
public interface LifBlueprint {
    String name();

    int size();

    /** The parameters as the user gave them, e.g. to tell physical from raw hardware ones. */
    Map<String, ?> rawParameters();

    /** Physical LIF parameters, resolved against {@link org.spikelane.neuron.LifModel#PARAMS} and checked. */
    Params lifParameters();

    /** Parameters under Loihi's rules ({@link org.spikelane.neuron.LoihiLifModel#resolve}). */
    Params loihiParameters();

    /** The network's seed, e.g. for a format's stochastic rounding. */
    long seed();
}
