package org.spikelane.inputs;

import org.spikelane.random.RandomStream;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The number of events a target neuron receives in one step from a Poisson process of mean
 * {@code lambda = rate dt}: {@code P(k) = lambda^k e^{-lambda} / k!}. Drawn by inversion of one
 * uniform at position (step, neuron) of the stream, so the count depends on nothing else (the
 * range, the thread, the order of the draws, a restore) and no generator state exists.
 *
 * <p>Inversion walks the cumulative sum, about {@code lambda + 1} terms, and {@code e^{-lambda}}
 * underflows for large means; so a mean above {@link #CHUNK} is split into {@code m} equal parts,
 * each drawn from its own substream (a sum of independent Poisson counts is Poisson with the sum
 * of the means). The cost per target and step grows with the mean, never with the number of
 * sources that make up the rate.
 */
final class PoissonCounts {
    /** Largest mean drawn from one uniform. */
    static final double CHUNK = 16;

    /** Per slot: the mean of one part, {@code e^{-part}}, and the number of parts. */
    private final double[] part;
    private final double[] emptyProbability;
    private final int[] parts;
    /** Substream {@code c} draws part {@code c} of every slot. */
    private final RandomStream[] streams;

    /** @param mean the mean count per step of each slot, {@code rate dt} */
    PoissonCounts(double[] mean, RandomStream random) {
        int n = mean.length;
        part = new double[n];
        emptyProbability = new double[n];
        parts = new int[n];
        int most = 1;
        for (int k = 0; k < n; k++) {
            parts[k] = Math.max(1, (int) Math.ceil(mean[k] / CHUNK));
            part[k] = mean[k] / parts[k];
            emptyProbability[k] = Math.exp(-part[k]);
            most = Math.max(most, parts[k]);
        }
        streams = new RandomStream[most];
        for (int c = 0; c < most; c++) streams[c] = random.substream(c);
    }

    /** The count of slot {@code slot} (population neuron {@code neuron}) at step {@code step}. */
    int count(long step, int neuron, int slot) {
        int total = 0;
        double lambda = part[slot], p0 = emptyProbability[slot];
        for (int c = 0, m = parts[slot]; c < m; c++) {
            double u = streams[c].uniform(step, neuron);
            int k = 0;
            double p = p0, cumulative = p0;
            // p > 0 ends the walk should rounding leave the cumulative sum just below u
            while (u >= cumulative && p > 0) {
                k++;
                p *= lambda / k;
                cumulative += p;
            }
            total += k;
        }
        return total;
    }

    /** The per-slot tables are derived from the rate at build time; the streams are keys, not state. */
    void declareState(StateDeclarer s) {
        s.array("counts.part", Role.PARAMETER, StateDeclarer.NO_UNIT, part);
        s.array("counts.emptyProbability", Role.PARAMETER, StateDeclarer.NO_UNIT, emptyProbability);
        s.array("counts.parts", Role.PARAMETER, StateDeclarer.NO_UNIT, parts);
    }
}
