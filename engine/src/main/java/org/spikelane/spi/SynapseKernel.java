package org.spikelane.spi;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The compiled form of one synapse model on one projection's targets. The engine calls
 * {@link #update} once per step and target range and {@link #receive} once per (spiking source
 * neuron, delay, target range) segment, never once per synapse (or, for a kernel with an
 * {@link #accumulator()}, not at all when the engine delivers ahead).
 *
 * <p>Ranges: each step the ranges {@code [from, to)} of target population indices cover
 * {@code [0, padded)} exactly once; {@code from} is a multiple of
 * {@link org.spikelane.simd.Simd#LANES}, {@code to} one too or the padded size. A single-threaded
 * run passes the whole target population; a multi-threaded one may call {@code update} (and
 * later {@code receive}) for different ranges at the same time. So both write only the state
 * and accumulators of targets in their range; {@link FixedTarget#countClipped} may be called
 * from any range.
 */
public interface SynapseKernel extends StateOwner {
    /**
     * Phase SYNAPSE_UPDATE of step {@code step} (docs/semantics.md §2): add this step's contribution to the target
     * accumulators ({@code current}, {@code dv}, {@code g}, {@code gE}) from the state at
     * {@code t_n}, then advance the own state to {@code t_{n+1}}; for the targets in
     * {@code [from, to)} only.
     */
    void update(long step, int from, int to);

    /**
     * Phase DELIVERY: spikes arriving now. Adds {@code weights[k]} (SI, in the projection's weight
     * dimension) to the state of target neuron {@code targets[k]} for synapse {@code k} in
     * {@code [start, end)}; the next step's {@link #update} is the first to see it. The engine
     * narrows each row to the targets of one range (rows are sorted by target), so all
     * {@code targets[k]} of one call lie in the range being delivered.
     */
    void receive(int[] targets, float[] weights, int start, int end);

    /**
     * Once, after the projection's synapse table is built and before the first step: the
     * table's targets and weights, the very arrays {@link #receive} will be handed. A kernel may
     * derive per-synapse values from them, indexed like them (a fixed-point kernel quantizes each
     * weight for its target once, instead of on every event), declared with role PARAMETER; it
     * must still accept other arrays in {@code receive} (tests call it directly). Default: nothing.
     */
    default void prepare(int[] targets, float[] weights) {}

    /**
     * The array {@link #receive} adds into, if {@code receive} is exactly
     * {@code accumulator[targets[k]] += weights[k]} for each {@code k} and nothing else; null
     * (the default) otherwise. With it, the engine may sum the weights arriving at one target in
     * one step first and add the sum (delivery ahead through a ring of future input, for
     * projections with several delays: docs/architecture.md, "Synapse store and delivery").
     * Kernels that share one accumulator return the same array.
     */
    default float[] accumulator() { return null; }

    /**
     * Recordable per-target variables in SI units, e.g. {@code g} (S) or {@code I_syn} (A),
     * indexed by target population index and sampled at the start of a step.
     */
    default List<Variable> variables() { return List.of(); }

    /**
     * Registers every array and scalar this kernel keeps across steps (state, parameters it may
     * change at run time, scratch) with {@code state.array(...)} / {@code state.scalar(...)}; see
     * docs/plugins.md, "Declared state". A kernel without state overrides this with an empty body.
     * The default reports the kernel as undeclared: it runs, but checkpoints are refused.
     */
    @Override
    default void declareState(StateDeclarer state) { state.undeclared(); }
}
