package org.spikelane.format;

import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/** Raw integers of a Loihi state (u, and v with raw parameters), as Lava records them. */
record RawVariable(String name, int[] values) implements Variable {
    @Override public Dimension dimension() { return Dimension.DIMENSIONLESS; }

    @Override public double value(int neuron) { return values[neuron]; }
}
