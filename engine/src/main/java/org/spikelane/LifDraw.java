package org.spikelane;

import java.util.Map;
import org.spikelane.format.LifBlueprint;
import org.spikelane.spi.Params;

/** A LIF population of the network with the seed and position its parameters are drawn from. */
record LifDraw(Network.LifSpec spec, long seed, int index) implements LifBlueprint {
    @Override public String name() { return spec.name(); }

    @Override public int size() { return spec.size(); }

    @Override public Map<String, ?> rawParameters() { return spec.rawParams(); }

    @Override public Params lifParameters() { return spec.params(seed, index); }

    @Override public Params loihiParameters() { return spec.loihiParams(seed, index); }
}
