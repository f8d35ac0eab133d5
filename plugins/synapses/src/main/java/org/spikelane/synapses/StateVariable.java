package org.spikelane.synapses;

import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/** A kernel's per-target state array read as a recordable variable, times a per-neuron factor (null: 1). */
record StateVariable(String name, Dimension dimension, double[] values, double[] factor) implements Variable {
    @Override
    public double value(int neuron) {
        return factor == null ? values[neuron] : values[neuron] * factor[neuron];
    }
}
