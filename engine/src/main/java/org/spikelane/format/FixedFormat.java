package org.spikelane.format;

import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.PhysicalParameters;
import org.spikelane.simd.Simd;

/**
 * Int state with physical parameters under an {@link ArithmeticProfile} ({@code precision: fixed}):
 * {@link FixedLifState}, quantized from the {@link PhysicalParameters}, stepped by {@link FixedLifKernel}.
 */
public final class FixedFormat implements NumberFormat {
    private final ArithmeticProfile profile;

    public FixedFormat(ArithmeticProfile profile) { this.profile = profile; }

    public ArithmeticProfile profile() { return profile; }

    @Override public void validate(LifBlueprint lif) { lif.lifParameters(); }

    @Override
    public LifPopulation population(LifBlueprint lif, double dt) {
        boolean vector = Simd.useVectorKernels();
        // one reproducible stream of stochastic-rounding noise per population
        // the 32-bit key of FixedMath.noise, the int-lane member of the counter scheme
        int roundingSeed = (int) org.spikelane.random.RandomStream.root(lif.seed()).substream("rounding").substream(lif.name()).bits(0, 0);
        PhysicalParameters parameters = new PhysicalParameters(lif.size(), dt, lif.lifParameters());
        FixedLifState state = new FixedLifState(lif.name(), parameters, profile, roundingSeed);
        return new LifPopulation(lif.name(), lif.size(), new FixedBinding(state, parameters, new FixedLifKernel(vector)));
    }

    @Override public String lanes() { return IntegerLanes.describe(); }
}
