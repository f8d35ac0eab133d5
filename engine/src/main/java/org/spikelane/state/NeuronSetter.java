package org.spikelane.state;

/** Changes one declared parameter between steps: of {@code neuron}, or of every target when it is -1. */
@FunctionalInterface
public interface NeuronSetter {
    void set(int neuron, double siValue);
}
