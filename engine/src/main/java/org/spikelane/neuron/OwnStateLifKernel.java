package org.spikelane.neuron;

import java.util.List;
import org.spikelane.record.Variable;

/**
 * A LIF kernel that keeps the membrane state itself instead of in {@link LifState#v} (the
 * fixed-point kernels hold {@code int} state). Its format binding asks it for recordable
 * variables and tells it when a parameter changed; the float accumulators of {@link LifState}
 * are still where inputs and synapses add their contributions.
 */
public interface OwnStateLifKernel extends LifKernel {
    /** Recordable variables of this kernel, e.g. "v" (and "u" for Loihi), in order. */
    List<String> ownVariableNames();

    /** The variable, or null if this kernel does not own it. */
    Variable ownVariable(String name);

    /** Called after {@link LifState#set} changed {@code param} of {@code neuron}; re-quantizes. */
    void parameterChanged(LifState s, String param, int neuron);
}
