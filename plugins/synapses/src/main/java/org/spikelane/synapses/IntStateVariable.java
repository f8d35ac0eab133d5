package org.spikelane.synapses;

import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/** A fixed-point kernel's int state array read as a recordable variable in SI units: the int times a per-neuron factor. */
record IntStateVariable(String name, Dimension dimension, int[] values, double[] factor) implements Variable {
    @Override
    public double value(int neuron) {
        return values[neuron] * factor[neuron];
    }
}
