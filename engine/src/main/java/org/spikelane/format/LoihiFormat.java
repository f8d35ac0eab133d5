package org.spikelane.format;

import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.neuron.LoihiPhysicalMapping;
import org.spikelane.neuron.PhysicalParameters;
import org.spikelane.simd.Simd;
import org.spikelane.spi.Params;

/**
 * Lava's bit-accurate Loihi LIF ({@code precision: loihi}) in two modes, chosen per population by
 * its parameters ({@link LoihiLifModel#isPhysical}): physical LIF parameters mapped onto the
 * chip's integers ({@link LoihiPhysicalBinding}), or the raw hardware integers
 * ({@link LoihiRawBinding}).
 */
public final class LoihiFormat implements NumberFormat {
    @Override public void validate(LifBlueprint lif) { lif.loihiParameters(); }

    @Override
    public LifPopulation population(LifBlueprint lif, double dt) {
        LoihiLifKernel kernel = new LoihiLifKernel(Simd.useVectorKernels());
        if (LoihiLifModel.isPhysical(lif.rawParameters())) {
            Params physical = lif.loihiParameters(); // checked for what Loihi can represent
            LoihiPhysicalMapping mapping = new LoihiPhysicalMapping(lif.name(), lif.size(), dt, physical);
            return new LifPopulation(lif.name(), lif.size(), new LoihiPhysicalBinding(lif.name(), mapping, kernel,
                    new PhysicalParameters(lif.size(), dt, physical)));
        }
        LoihiLifState state = new LoihiLifState(lif.size(), lif.loihiParameters());
        return new LifPopulation(lif.name(), lif.size(), new LoihiRawBinding(lif.name(), state, kernel, dt));
    }

    @Override public String lanes() { return IntegerLanes.describe(); }
}
