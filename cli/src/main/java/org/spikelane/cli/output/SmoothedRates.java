package org.spikelane.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.neuron.Population;

/**
 * Each population's Gaussian-smoothed rate ({@link GaussianRate}) at the centres of the rate
 * bins, for the {@code smoothed_hz} column of rates.csv when {@code record.rate_smoothing} asks.
 */
public record SmoothedRates(double sigma, Map<String, double[]> atBinCentres) {

    /** Null when {@code sigma} is 0 (no smoothing asked). */
    public static SmoothedRates of(Simulation sim, RateBins bins, double sigma) {
        if (sigma <= 0) return null;
        double[] centres = new double[bins.bins()];
        for (int b = 0; b < centres.length; b++) centres[b] = bins.start(b) + bins.width(b) / 2;
        Map<String, double[]> hz = new LinkedHashMap<>();
        for (Population p : sim.populations()) hz.put(p.name(), GaussianRate.at(sim.spikes(), p.name(), 0, p.size(), centres, sigma));
        return new SmoothedRates(sigma, hz);
    }
}
