package org.spikelane.format;

import org.spikelane.neuron.LifKernel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.ScalarLifKernel;
import org.spikelane.neuron.VectorLifKernel;
import org.spikelane.simd.Simd;

/** IEEE float32 state, the default: {@link LifState} and the float LIF kernels. */
public final class Float32Format implements NumberFormat {
    @Override public void validate(LifBlueprint lif) { lif.lifParameters(); }

    @Override
    public LifPopulation population(LifBlueprint lif, double dt) {
        return new LifPopulation(lif.name(), lif.size(), new Float32Binding(new LifState(lif.size(), dt, lif.lifParameters()), kernel()));
    }

    /** The vector kernel, or the scalar reference if {@code spikelane.vector=scalar}. */
    public static LifKernel<LifState> kernel() {
        return Simd.useVectorKernels() ? new VectorLifKernel() : new ScalarLifKernel();
    }

    @Override public String lanes() { return Simd.describe(); }
}
