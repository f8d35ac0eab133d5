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

    /**
     * A current state the population's neuron kernel advances in its own pass (see
     * {@link FusedCurrent}): each step neuron {@code i} gets {@code propagator[i] * x[i]} added
     * to its exact voltage increment, then {@code x[i] *= decay}. Asking twice with the same
     * arguments (by value) returns the same instance: one state for every projection whose
     * synapse is the same linear system. Ask while the simulation is built.
     *
     * @param variable   the name of the recordable state, e.g. "I_syn"
     * @param dimension  the dimension of {@code x * toSi}
     * @param decay      the factor over one step, in {@code (0, 1]}
     * @param propagator per neuron (at least {@link #size()} entries): V per unit of {@code x}
     * @param toSi       per neuron: what turns {@code x} into the SI value of {@code variable}
     * @throws IllegalStateException where the format's kernel fuses no currents (every format but float32)
     */
    default FusedCurrent fusedCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                      double[] propagator, double[] toSi) {
        throw new IllegalStateException("this population's number format has no fused synaptic currents (float32 only)");
    }

    /**
     * An exponential conductance the population's neuron kernel advances in its own pass (see
     * {@link FusedConductance}): each step neuron {@code i} integrates with {@code g[i]} added to
     * its conductance and {@code g[i] reversal} to its drive, then {@code g[i] *= decay}. Asking
     * twice with the same arguments returns the same instance. Ask while the simulation is built.
     *
     * @param decay    the factor over one step, in {@code (0, 1]}
     * @param reversal the reversal potential in V
     * @throws IllegalStateException where the format's kernel fuses no conductances (every format but float32)
     */
    default FusedConductance fusedConductance(double decay, double reversal) {
        throw new IllegalStateException("this population's number format has no fused conductances (float32 only)");
    }

    /**
     * An alpha-shaped current the population's neuron kernel advances in its own pass: two states
     * per neuron, the ramp {@code x} ({@code dx/dt = -x/tau}, what {@link FusedCurrent#state()}
     * holds and delivery adds to) and the current {@code y} ({@code dy/dt = -y/tau + x}, what
     * {@link FusedCurrent#variable()} records). Each step neuron {@code i} gets
     * {@code currentPropagator[i] y[i] + rampPropagator[i] x[i]} added to its exact voltage
     * increment, then {@code y = decay (y + dt x)}, {@code x *= decay}: the exact propagators of
     * the pair. Asking twice with the same arguments (by value) returns the same instance.
     *
     * @param variable          the name of the recordable current, e.g. "I_syn"
     * @param dimension         the dimension of {@code y * toSi}
     * @param decay             {@code e^{-dt/tau}}, in {@code (0, 1]}
     * @param currentPropagator per neuron: V per unit of {@code y}
     * @param rampPropagator    per neuron: V per unit of {@code x}
     * @param toSi              per neuron: what turns {@code y} into the SI value of {@code variable}
     * @throws IllegalStateException where the format's kernel fuses no currents (every format but float32)
     */
    default FusedCurrent fusedAlphaCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                           double[] currentPropagator, double[] rampPropagator, double[] toSi) {
        throw new IllegalStateException("this population's number format has no fused synaptic currents (float32 only)");
    }
}
