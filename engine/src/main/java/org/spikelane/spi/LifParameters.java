package org.spikelane.spi;

/**
 * The physical parameters of a LIF population, read-only, as every number format provides them
 * (plugins read them for propagators and conversions; the CLI for plots and analytic curves).
 * Arrays a plugin keeps per target neuron are sized {@link #padded()} and indexed by population
 * index. Values are SI and are what the population was built with or last {@code set} to; an
 * integer format's kernel runs on its own quantized copies of them.
 */
public interface LifParameters {
    /** Number of neurons. */
    int size();

    /** Length of every per-neuron array: {@link #size()} rounded up to whole vectors. */
    int padded();

    /** Time step in seconds. */
    double dt();

    /** Membrane time constant of {@code neuron} (s). */
    double tauM(int neuron);

    /** Membrane capacitance of {@code neuron} (F), {@code tau_m / R}. */
    double capacitance(int neuron);

    /** Membrane resistance of {@code neuron} (ohm). */
    double resistance(int neuron);

    /** Any parameter of {@link org.spikelane.neuron.LifModel} by name, in SI units. */
    double get(String param, int neuron);
}
