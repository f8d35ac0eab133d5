package org.spikelane;

import java.util.Map;
import org.spikelane.format.LifBlueprint;
import org.spikelane.spi.Params;

/** A LIF population of the network with the seed its parameters are drawn from (keyed by the population's name). */
record LifDraw(Network.LifSpec spec, long seed) implements LifBlueprint {
    @Override public String name() { return spec.name(); }

    @Override public int size() { return spec.size(); }

    @Override public Map<String, ?> rawParameters() { return spec.rawParams(); }

    @Override public Params lifParameters() { return spec.params(seed); }

    @Override public Params loihiParameters() { return spec.loihiParams(seed); }
}
