package org.spikelane.nir.kernel;

import java.util.List;

/**
 * The step of one NIR node over flat float arrays. A kernel holds only the node's parameters,
 * read-only, so one kernel serves every sample of a batch on every thread; whatever changes
 * during a run lives in the state arrays {@link #newState()} hands to each run. One call per node
 * per step: nothing here is per neuron, and {@link #step} allocates nothing.
 */
public interface NodeKernel {
    int inputSize();

    int outputSize();

    /** Names of the recordable state variables; state array i holds variables().get(i). */
    default List<String> variables() { return List.of(); }

    /** Fresh per-run state: the recordable variables first, then any private working arrays. */
    default float[][] newState() { return new float[0][]; }

    /**
     * The output before step 0, which an edge closing a cycle carries into step 0: what the node
     * gives for an all-zero past (an Affine's bias, zero elsewhere).
     */
    default void initialOutput(float[] out) {}

    /** True for nodes whose output is spikes (0 or 1): those are written to spikes.csv. */
    default boolean spiking() { return false; }

    /**
     * Fresh per-run memory that is not a recordable float variable, such as the integer state of a
     * quantized kernel (precision fixed or loihi); null for kernels that need none.
     */
    default Object newWork() { return null; }

    /** How often this run's integers were clipped so far (precision fixed and loihi); 0 for float kernels. */
    default long overflows(Object work) { return 0; }

    /** Advances one step with the run's {@link #newWork} object; kernels without one ignore it. */
    default void step(int step, float[] in, float[][] state, Object work, float[] out) { step(step, in, state, out); }

    /** Advances one step: reads {@code in} (input row {@code step}), updates {@code state}, writes {@code out}. */
    void step(int step, float[] in, float[][] state, float[] out);
}
