package org.spikelane.synapses;

import org.spikelane.spi.LifParameters;
import org.spikelane.units.Dimension;

/**
 * How a current synapse's weight reaches the membrane. A weight in amperes is a current
 * ({@code dv/dt} gets {@code I / C}); a weight in volts is {@code R * I}, as in Brian2's CUBA
 * ({@code dv/dt = (ge + gi - (v - E_L)) / tau_m}, so {@code dv/dt} gets {@code x / tau_m}).
 * Per target neuron, because {@code C} and {@code tau_m} may differ between neurons.
 */
final class CurrentScale {
    private CurrentScale() {}

    /** {@code 1/C} or {@code 1/tau_m} of each neuron of {@code target}. */
    static double[] of(LifParameters target, Dimension weight) {
        double[] scale = new double[target.size()];
        for (int i = 0; i < target.size(); i++) {
            scale[i] = weight == Dimension.VOLTAGE ? 1 / target.tauM(i) : 1 / target.capacitance(i);
        }
        return scale;
    }

    /** The factor that turns the synapse state into amperes: 1, or {@code 1/R} when weights are volts. */
    static double[] toAmperes(LifParameters target, Dimension weight) {
        double[] f = new double[target.size()];
        for (int i = 0; i < target.size(); i++) f[i] = weight == Dimension.VOLTAGE ? 1 / target.resistance(i) : 1;
        return f;
    }
}
