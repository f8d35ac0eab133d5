package org.spikelane.cli.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.SpikeListener;
import org.spikelane.neuron.Population;

/**
 * Counts spikes and sums inter-spike intervals per neuron while a run goes, so a sweep gets
 * rates and CVs of every population without recording spike times (which a run of a large
 * network may not keep). Allocates only when built.
 */
final class SpikeTally implements SpikeListener {
    private final List<Population> populations;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[][] count;
    private final long[][] first;
    private final long[][] last;
    private final double[][] sum;
    private final double[][] sumSq;

    SpikeTally(Simulation sim) {
        populations = sim.populations();
        int n = populations.size();
        count = new long[n][];
        first = new long[n][];
        last = new long[n][];
        sum = new double[n][];
        sumSq = new double[n][];
        for (int p = 0; p < n; p++) {
            int size = populations.get(p).size();
            index.put(populations.get(p).name(), p);
            count[p] = new long[size];
            first[p] = new long[size];
            last[p] = new long[size];
            sum[p] = new double[size];
            sumSq[p] = new double[size];
        }
        sim.addSpikeListener(this);
    }

    /** Counts and intervals from the arguments alone: a threaded step need not deliver first. */
    @Override
    public boolean usesSpikesOnly() { return true; }

    @Override
    public void onSpikes(long step, String population, int[] neurons, int n) {
        int p = index.get(population);
        for (int i = 0; i < n; i++) {
            int k = neurons[i];
            if (count[p][k] == 0) {
                first[p][k] = step;
            } else {
                double isi = step - last[p][k];
                sum[p][k] += isi;
                sumSq[p][k] += isi * isi;
            }
            last[p][k] = step;
            count[p][k]++;
        }
    }

    /** How many times neuron {@code neuron} of {@code population} fired. */
    long spikes(String population, int neuron) {
        return count[index.get(population)][neuron];
    }

    /** The statistics of population {@code p} over a run of {@code steps} steps of {@code dt}. */
    PopulationStats stats(int p, long steps, double dt) {
        int size = populations.get(p).size();
        long spikes = 0;
        double isiSum = 0;
        int withIsi = 0;
        double cvSum = 0;
        int withCv = 0;
        for (int k = 0; k < size; k++) {
            long c = count[p][k];
            spikes += c;
            if (c >= 2) {
                isiSum += (double) (last[p][k] - first[p][k]) / (c - 1) * dt;
                withIsi++;
            }
            if (c >= 3) { // two intervals at least, for a spread
                double mean = sum[p][k] / (c - 1);
                double var = Math.max(0, sumSq[p][k] / (c - 1) - mean * mean);
                cvSum += Math.sqrt(var) / mean;
                withCv++;
            }
        }
        return new PopulationStats(spikes, spikes / (size * steps * dt), withIsi == 0 ? 0 : withIsi / isiSum,
                withCv == 0 ? Double.NaN : cvSum / withCv);
    }
}
