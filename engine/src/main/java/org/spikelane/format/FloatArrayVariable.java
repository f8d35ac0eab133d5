package org.spikelane.format;

import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/** A variable read straight from one of the float state's arrays. */
record FloatArrayVariable(String name, Dimension dimension, float[] values) implements Variable {
    @Override public double value(int neuron) { return values[neuron]; }
}
