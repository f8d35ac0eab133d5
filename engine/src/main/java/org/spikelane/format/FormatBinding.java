package org.spikelane.format;

import java.util.List;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.net.Projection;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifState;
import org.spikelane.record.Variable;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.StateOwner;

/**
 * A {@link NumberFormat} bound to one LIF population: the population's one state, in that
 * format, its kernel, and every decision that depends on the format. All calls but
 * {@link #step} happen while the simulation is built or between steps. It declares the state
 * it holds ({@link StateOwner}).
 */
public interface FormatBinding extends StateOwner {
    /** The kernel {@link #step} runs. */
    LifKernel<?> kernel();

    /**
     * Advances the neurons of {@code [from, to)} one step: the kernel on the format's state
     * (see {@link LifKernel#step}); called by {@link org.spikelane.neuron.LifPopulation#update}.
     */
    int step(long step, int from, int to, int[] spikesOut, int offset);

    /** The population's physical parameters, as every format provides them (read-only). */
    LifParameters parameters();

    /** The target that synapse plugins' float kernels see ({@link SynapseContext#target()}). */
    SynapseTarget synapseTarget();

    /**
     * The exact voltage-increment accumulator an input's float kernel may add to
     * ({@link org.spikelane.spi.InputContext#dv()}), or null where the format has none: only
     * float32 has one.
     */
    default float[] inputDv() { return null; }

    /**
     * A new constant input current folded into the kernel's pass
     * ({@link org.spikelane.spi.InputContext#constantCurrent()}), or null where the format does not fold.
     */
    default org.spikelane.spi.ConstantCurrent constantCurrent() { return null; }

    /**
     * A fused current of this population for an input
     * ({@link org.spikelane.spi.InputContext#fusedCurrent}), or null where the format does not fuse.
     */
    default org.spikelane.spi.FusedCurrent fusedCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                                        double[] propagator, double[] toSi) {
        return null;
    }

    /**
     * The float32 state, for code that embeds the engine and reads its arrays directly.
     *
     * @throws IllegalStateException under any other format, naming it: there is no float state
     */
    LifState floatState();

    /** Recordable variables of the population in this format, e.g. "v", "I" (and "u" under loihi). */
    List<String> variableNames();

    /** The variable, in SI units where the format has them; null if the format has no such variable. */
    Variable variable(String name);

    /** What {@link #set} accepts; empty where the format refuses run-time changes. */
    default List<String> settableParameters() { return org.spikelane.neuron.LifModel.CHANGEABLE; }

    /** Changes one neuron's parameter between steps (re-quantizing where the format is integer). */
    void set(String owner, String param, int neuron, double siValue);

    /** The input's kernel for this population, from the plugin's float or fixed-point factory. */
    BoundInput input(InputPlugin plugin, InputContext context, Params params);

    /**
     * The projection as this format runs it: the spec itself, or one whose synapse the format
     * plays itself (loihi: the neuron's current {@code u}).
     */
    default ProjectionSpec projection(ProjectionSpec spec) { return spec; }

    /** The synapse kernel of a projection into this population. */
    SynapseKernel synapseKernel(SynapsePlugin plugin, SynapseContext context, Params params);

    /** Called once the projection's synapses are drawn, e.g. to check or convert its weights. */
    default void projectionBuilt(Projection projection, ProjectionSpec spec) { }

    /** Requested and effective value of each quantized parameter; empty where nothing is quantized. */
    List<Quantization> quantization();

    /** How often each variable clipped or wrapped so far; empty where nothing can. */
    List<OverflowCount> overflows();

    /**
     * Clears what inputs and synapses added this step, as the kernel does once it has consumed
     * it: for benchmarks and tests that drive synapse kernels without stepping the population.
     */
    void clearAccumulators();
}
