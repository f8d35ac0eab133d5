package org.spikelane.record;

import org.spikelane.units.Dimension;

/** A recordable per-neuron state variable, read in SI units. Read only for recorded neurons. */
public interface Variable {
    String name();

    Dimension dimension();

    double value(int neuron);
}
