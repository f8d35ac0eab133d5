package org.spikelane.format;

import org.spikelane.neuron.LifModel;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.SynapseTarget;

/**
 * A Loihi population as plugins and the CLI see it. Its synapses are played by the neuron's own
 * current {@code u} ({@link org.spikelane.fixed.LoihiSynapse}), so no plugin kernel adds to it
 * and it has no float accumulators; physical parameters are those the population was mapped
 * from, and a population given raw hardware integers has none.
 */
final class LoihiSynapseTarget implements SynapseTarget {
    private final String population;
    private final int size;
    private final int padded;
    private final double dt;
    /** Null with raw hardware parameters. */
    private final LifParameters physical;
    private final java.util.function.IntToDoubleFunction voltage;

    LoihiSynapseTarget(String population, int size, int padded, double dt, LifParameters physical,
                       java.util.function.IntToDoubleFunction voltage) {
        this.population = population;
        this.size = size;
        this.padded = padded;
        this.dt = dt;
        this.physical = physical;
        this.voltage = voltage;
    }

    @Override public int size() { return size; }

    @Override public int padded() { return padded; }

    @Override public double dt() { return dt; }

    /** @throws IllegalStateException with raw hardware parameters, which have no physical values */
    @Override public LifParameters parameters() { return physical(); }

    @Override public double get(String param, int neuron) { return physical().get(param, neuron); }

    private LifParameters physical() {
        if (physical == null) {
            throw new IllegalStateException("population '" + population + "' runs under precision loihi with raw hardware "
                    + "parameters: it has no physical " + String.join(", ", LifModel.E_L, LifModel.TAU_M, LifModel.R, LifModel.C));
        }
        return physical;
    }

    @Override public float[] dv() { throw noAccumulator("dv"); }

    @Override public void enableConductance() { throw noAccumulator("g"); }

    @Override public float[] g() { return null; }

    @Override public float[] gE() { return null; }

    @Override public double voltage(int neuron) { return voltage.applyAsDouble(neuron); }

    private IllegalStateException noAccumulator(String name) {
        return new IllegalStateException("population '" + population + "' runs under precision loihi, which has no float "
                + name + " accumulator: its synapses are the neurons' current u");
    }
}
