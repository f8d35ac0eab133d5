package org.spikelane.spi;

import org.spikelane.random.RandomStream;

/** What an input plugin may know about the simulation it is built into. */
public interface InputContext {
    /** Time step in seconds. */
    double dt();

    /** Seconds converted to whole steps by rounding to the nearest step (docs/semantics.md §1). */
    long toSteps(double seconds);

    /** Size of the target population. */
    int populationSize();

    /** Target neuron indices (ascending, distinct); every neuron of the population if none were chosen. */
    int[] neurons();

    /** Whether the input targets every neuron of the population. */
    boolean allNeurons();

    /**
     * A new random stream on each call: the n-th call of this input (counting from 0) gets the
     * n-th numbered substream of the input's stream, which derives from the network seed and the
     * input's position. Draw with {@link RandomStream#uniform(long, long) uniform(step, neuron)},
     * {@link RandomStream#gaussian(long, long) gaussian(step, neuron)} etc.: a stream is an
     * immutable key, so kernels may draw for any neurons in any order and have no generator state.
     */
    RandomStream randomStream();

    /**
     * The input's stream named {@code name}: the same for every call with that name, independent
     * of the numbered ones and of other names (for draws whose purpose should keep its numbers
     * when the plugin later asks for more streams).
     */
    RandomStream randomStream(String name);

    /** Another population's spikes; throws a ParameterException naming {@code parameter} if unknown. */
    SpikeSource spikesOf(String population, String parameter);

    /** E.g. "input 'pulse'": start of error messages. */
    String owner();

    /**
     * The target population's LIF parameters ({@code tau_m}, {@code C}, {@code R} per neuron, by
     * population index), as synapse plugins read them for propagators; values at build time.
     * Null where the input is built outside a simulation (a test's stand-in context).
     */
    default LifParameters target() { return null; }

    /**
     * The target's exact voltage-increment accumulator in volts ({@link SynapseTarget#dv()}):
     * padded, by population index, added to {@code v} after this step's integration (and lost by a
     * refractory neuron). An input whose effect on {@code v} over the step is known exactly may add
     * it here in {@link InputKernel#addCurrent}, within {@code [from, to)} only, instead of holding
     * a current over the step. Null under formats without a float {@code dv} (fixed, loihi) and
     * outside a simulation: such an input holds its current.
     */
    default float[] dv() { return null; }

    /**
     * A constant current of this input that the target's LIF kernel adds in its own pass
     * ({@link ConstantCurrent}): an input whose current does not change from step to step (except
     * through {@link InputKernel#set} between steps) writes it there once and adds nothing in
     * {@link InputKernel#addCurrent}. Each call hands out a new one; the population adds them in
     * the order they were handed out. Null where the format does not fold (fixed, loihi) and
     * outside a simulation: such an input adds its current every step.
     */
    default ConstantCurrent constantCurrent() { return null; }

    /**
     * A current state the target's LIF kernel advances in its own pass ({@link FusedCurrent}; the
     * arguments as {@link SynapseTarget#fusedCurrent}): an input whose events start exponential
     * currents adds them to {@link FusedCurrent#state()} in {@link InputKernel#addCurrent} (for the
     * neurons of {@code [from, to)}), and the kernel feeds their exact effect into {@code v} and
     * decays them in the same step. Inputs asking with equal arguments share one state. Null where
     * the format does not fuse (fixed, loihi) and outside a simulation: such an input keeps its own state.
     */
    default FusedCurrent fusedCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                      double[] propagator, double[] toSi) {
        return null;
    }
}
