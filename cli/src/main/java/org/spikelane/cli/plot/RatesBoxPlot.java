package org.spikelane.cli.plot;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.spikelane.Simulation;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;

/**
 * {@code rates-box.png}: per population, a box of its neurons' firing rates over the run (median,
 * quartiles, whiskers at 1.5 interquartile ranges), silent neurons included. The figure the
 * Potjans-Diesmann reference draws of its populations; written for runs of two populations or more.
 */
public final class RatesBoxPlot {
    private RatesBoxPlot() {}

    /** Whether a run of these populations gets the figure. */
    public static boolean wanted(Simulation sim) { return sim.populations().size() >= 2; }

    /** Per-neuron rates (Hz) of every population over steps {@code [firstStep, firstStep + steps)}, in population order. */
    public static double[][] rates(Simulation sim, long firstStep, long steps) {
        List<Population> pops = sim.populations();
        double[][] hz = new double[pops.size()][];
        for (int p = 0; p < pops.size(); p++) hz[p] = new double[pops.get(p).size()];
        SpikeRecorder spikes = sim.spikes();
        for (int row = 0; row < spikes.count(); row++) {
            long s = spikes.step(row);
            if (s >= firstStep && s < firstStep + steps) hz[spikes.populationIndex(row)][spikes.neuron(row)]++;
        }
        double seconds = steps * sim.dt();
        for (double[] h : hz) for (int n = 0; n < h.length; n++) h[n] /= seconds;
        return hz;
    }

    public static BufferedImage draw(Simulation sim, long firstStep, long steps) {
        BoxChart chart = new BoxChartBuilder().width(Charts.WIDTH).height(500)
                .title("firing rate per neuron, " + Charts.number(steps * sim.dt()) + " s")
                .xAxisTitle("population").yAxisTitle("rate (Hz)").build();
        chart.getStyler().setLegendVisible(false);
        double[][] hz = rates(sim, firstStep, steps);
        List<Population> pops = sim.populations();
        for (int p = 0; p < pops.size(); p++) chart.addSeries(pops.get(p).name(), hz[p]);
        return BitmapEncoder.getBufferedImage(chart);
    }
}
