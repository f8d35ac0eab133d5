package org.spikelane.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spikelane.record.SpikeRecorder;

/**
 * Spike-train statistics of one population for summary.json: how many neurons fire, the ISI
 * coefficient of variation (0 for a regular neuron, about 1 for a Poisson one), and a histogram
 * of all inter-spike intervals; per neuron for populations of up to {@link #PER_NEURON_LIMIT}.
 */
public final class SpikeStats {
    /** Populations up to this size list each neuron's rate and CV (more would swamp the file). */
    static final int PER_NEURON_LIMIT = 100;
    /** Bins of the ISI histogram. */
    static final int ISI_BINS = 20;

    private SpikeStats() {}

    /** Adds {@code neurons_firing}, {@code isi_cv}, {@code isi_mean_s}, the histogram and per-neuron values to {@code o}. */
    public static void add(ObjectNode o, SpikeRecorder spikes, String population, int size, double seconds, double dt) {
        int[] count = new int[size];
        long[] last = new long[size];
        double[] sum = new double[size];
        double[] sumSq = new double[size];
        long intervals = 0;
        long maxIsi = 0;
        for (int row = 0; row < spikes.count(); row++) {
            if (!spikes.populationName(row).equals(population)) continue;
            int n = spikes.neuron(row);
            if (count[n] > 0) {
                long isi = spikes.step(row) - last[n];
                sum[n] += isi;
                sumSq[n] += (double) isi * isi;
                intervals++;
                maxIsi = Math.max(maxIsi, isi);
            }
            count[n]++;
            last[n] = spikes.step(row);
        }
        int firing = 0;
        int withCv = 0;
        double cvSum = 0;
        double[] cv = new double[size];
        for (int n = 0; n < size; n++) {
            if (count[n] > 0) firing++;
            cv[n] = Double.NaN;
            if (count[n] >= 3) { // two intervals at least, for a spread
                int k = count[n] - 1;
                double mean = sum[n] / k;
                double var = Math.max(0, sumSq[n] / k - mean * mean);
                cv[n] = Math.sqrt(var) / mean;
                cvSum += cv[n];
                withCv++;
            }
        }
        o.put("neurons_firing", firing);
        if (withCv > 0) o.put("isi_cv", Figures.round(cvSum / withCv));
        else o.putNull("isi_cv");
        double total = 0;
        for (double s : sum) total += s;
        if (intervals > 0) o.put("isi_mean_s", Figures.round(total / intervals * dt));
        else o.putNull("isi_mean_s");
        if (intervals > 0) {
            long binSteps = Math.max(1, (maxIsi + ISI_BINS) / ISI_BINS);
            long[] hist = new long[(int) (maxIsi / binSteps) + 1];
            // a second pass: the first found the longest interval, so no interval needs storing
            long[] prev = new long[size];
            java.util.Arrays.fill(prev, -1);
            for (int row = 0; row < spikes.count(); row++) {
                if (!spikes.populationName(row).equals(population)) continue;
                int n = spikes.neuron(row);
                if (prev[n] >= 0) hist[(int) ((spikes.step(row) - prev[n]) / binSteps)]++;
                prev[n] = spikes.step(row);
            }
            ObjectNode h = o.putObject("isi_histogram");
            h.put("bin_s", Figures.round(binSteps * dt));
            ArrayNode counts = h.putArray("counts");
            for (long c : hist) counts.add(c);
        }
        if (size <= PER_NEURON_LIMIT) {
            ArrayNode rates = o.putArray("neuron_rates_hz");
            ArrayNode cvs = o.putArray("neuron_isi_cv");
            for (int n = 0; n < size; n++) {
                rates.add(Figures.round(count[n] / seconds));
                if (Double.isNaN(cv[n])) cvs.addNull();
                else cvs.add(Figures.round(cv[n]));
            }
        }
    }
}
