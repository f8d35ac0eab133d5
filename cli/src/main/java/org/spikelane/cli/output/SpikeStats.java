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

    private SpikeStats() {}

    /** Adds {@code neurons_firing}, {@code isi_cv}, {@code isi_mean_s}, the histogram and per-neuron values to {@code o}. */
    public static void add(ObjectNode o, SpikeRecorder spikes, String population, int size, double seconds, double dt) {
        SpikeTrains trains = SpikeTrains.of(spikes, population, size);
        o.put("neurons_firing", trains.firing());
        double cv = trains.meanCv();
        if (!Double.isNaN(cv)) o.put("isi_cv", Figures.round(cv));
        else o.putNull("isi_cv");
        if (trains.intervals() > 0) o.put("isi_mean_s", Figures.round(trains.meanIsiSteps() * dt));
        else o.putNull("isi_mean_s");
        if (trains.intervals() > 0) {
            ObjectNode h = o.putObject("isi_histogram");
            h.put("bin_s", Figures.round(trains.binSteps() * dt));
            ArrayNode counts = h.putArray("counts");
            for (long c : trains.isiHistogram()) counts.add(c);
        }
        if (size <= PER_NEURON_LIMIT) {
            ArrayNode rates = o.putArray("neuron_rates_hz");
            ArrayNode cvs = o.putArray("neuron_isi_cv");
            for (int n = 0; n < size; n++) {
                rates.add(Figures.round(trains.count()[n] / seconds));
                if (Double.isNaN(trains.cv()[n])) cvs.addNull();
                else cvs.add(Figures.round(trains.cv()[n]));
            }
        }
    }
}
