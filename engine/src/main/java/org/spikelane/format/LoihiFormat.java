package org.spikelane.format;

import java.util.Map;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LoihiLifKernel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.LoihiLifState;
import org.spikelane.neuron.LoihiPhysicalMapping;
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
        boolean vector = Simd.useVectorKernels();
        if (LoihiLifModel.isPhysical(lif.rawParameters())) {
            Params physical = lif.loihiParameters(); // checked for what Loihi can represent
            LoihiPhysicalMapping mapping = new LoihiPhysicalMapping(lif.name(), lif.size(), dt, physical);
            return LifPopulation.inFormat(lif.name(), lif.size(), dt, physical,
                    s -> new LoihiPhysicalBinding(lif.name(), s, new LoihiLifKernel(mapping.state(), vector, mapping), mapping));
        }
        LoihiLifState state = new LoihiLifState(lif.size(), lif.loihiParameters());
        // the float state only lends its (unused) accumulators; Loihi's parameters are the raw ones
        Params unused = Params.resolve("population '" + lif.name() + "'", LifModel.PARAMS, Map.of(), lif.size());
        return LifPopulation.inFormat(lif.name(), lif.size(), dt, unused,
                s -> new LoihiRawBinding(lif.name(), s, new LoihiLifKernel(state, vector)));
    }

    @Override public String lanes() { return IntegerLanes.describe(); }
}
