package org.spikelane.spi;

/**
 * A LIF population as a synapse plugin's float kernel sees it ({@link SynapseContext#target()}):
 * its parameters, the float accumulators the kernel may add to, and the membrane potential for
 * recorded quantities. Which accumulators exist depends on the target's number format: under
 * float32 all of them; under fixed only the conductances (voltage jumps go to
 * {@link FixedTarget#jump()}); asking for one that does not exist throws an
 * {@link IllegalStateException} naming the format.
 */
public interface SynapseTarget extends LifParameters {
    /** The population's physical parameters, which the per-neuron getters below read. */
    LifParameters parameters();

    @Override default double tauM(int neuron) { return parameters().tauM(neuron); }

    @Override default double capacitance(int neuron) { return parameters().capacitance(neuron); }

    @Override default double resistance(int neuron) { return parameters().resistance(neuron); }

    /** Exact voltage increments (V) added after this step's integration; float32 only. */
    float[] dv();

    /**
     * Allocates the conductance accumulators {@link #g()} and {@link #gE()} if they are not yet;
     * the population's kernel then integrates with conductances.
     */
    void enableConductance();

    /** Total synaptic conductance (S); null until {@link #enableConductance()}. */
    float[] g();

    /** Sum of {@code g_k E_k} (S*V); null like {@link #g()}. */
    float[] gE();

    /**
     * The membrane potential of {@code neuron} in volts, from the format's own state (e.g. for
     * a recorded {@code I_syn = g (E_rev - v)}).
     */
    double voltage(int neuron);
}
