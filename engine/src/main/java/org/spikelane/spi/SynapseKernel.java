package org.spikelane.spi;

import java.util.List;
import org.spikelane.record.Variable;

/** The compiled form of one synapse model on one projection's targets. */
public interface SynapseKernel {
    /**
     * Phase 2 of step {@code step}: add this step's contribution to the target accumulators
     * ({@code current}, {@code dv}, {@code g}, {@code gE}) and decay the own state by one step.
     */
    void update(long step);

    /**
     * Phase 4: spikes arriving now. Adds {@code weights[k]} (SI) to the state of
     * {@code targets[k]} for {@code k} in {@code [from, to)}; seen from the next step's update.
     */
    void receive(int[] targets, float[] weights, int from, int to);

    /** Recordable per-target variables, e.g. {@code g} or {@code I_syn}. */
    default List<Variable> variables() { return List.of(); }
}
