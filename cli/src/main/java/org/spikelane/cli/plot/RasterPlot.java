package org.spikelane.cli.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.Simulation;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;

/**
 * {@code raster.png}: one dot per spike (neurons of later populations drawn above earlier ones),
 * and below it each population's rate in spikes per neuron per second over time bins.
 */
public final class RasterPlot {
    private RasterPlot() {}

    /** @param firstStep where the run started: 0, or the step of the checkpoint it resumed from */
    public static BufferedImage draw(Simulation sim, long firstStep, long steps) {
        SpikeRecorder spikes = sim.spikes();
        double dt = sim.dt();
        double durationMs = steps * dt * 1e3;
        List<Population> pops = sim.populations();
        int total = pops.stream().mapToInt(Population::size).sum();
        // a short panel for a few neurons, so that XChart's ticks fall on whole neuron numbers
        XYChart raster = Charts.chart(Math.max(200, Math.min(360, 120 + 40 * total)), "spike raster", "", "neuron");
        raster.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        raster.getStyler().setMarkerSize(pops.stream().mapToInt(Population::size).sum() > 200 ? 2 : 5);
        XYChart rate = Charts.chart(260, "population rate", "t (ms)", "rate (Hz)");
        long span = steps - firstStep; // bins cover the steps this run did
        long binSteps = binSteps(span, dt);
        int bins = (int) ((span + binSteps - 1) / binSteps);
        int offset = 0;
        boolean any = false;
        double maxRate = 0;
        for (int p = 0; p < pops.size(); p++) {
            Population pop = pops.get(p);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            long[] counts = new long[bins];
            for (int row = 0; row < spikes.count(); row++) {
                if (!spikes.populationName(row).equals(pop.name())) continue;
                xs.add(spikes.step(row) * dt * 1e3);
                ys.add((double) (offset + spikes.neuron(row)));
                counts[(int) ((spikes.step(row) - firstStep) / binSteps)]++;
            }
            var color = Charts.PALETTE[p % Charts.PALETTE.length];
            if (!xs.isEmpty()) {
                XYSeries s = raster.addSeries(pop.name(), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                any = true;
            }
            double[] t = new double[bins];
            double[] hz = new double[bins];
            for (int b = 0; b < bins; b++) {
                long width = Math.min(binSteps, span - (long) b * binSteps);
                t[b] = (firstStep + b * binSteps + width / 2.0) * dt * 1e3;
                hz[b] = counts[b] / (pop.size() * width * dt);
            }
            Charts.line(rate, pop.name(), t, hz, color);
            for (double h : hz) maxRate = Math.max(maxRate, h);
            offset += pop.size();
        }
        if (!any) {
            raster.setTitle("spike raster (no spikes)");
            XYSeries empty = raster.addSeries("no spikes", new double[] {0}, new double[] {0});
            empty.setMarker(SeriesMarkers.NONE);
        }
        for (XYChart c : List.of(raster, rate)) {
            Charts.timeAxis(c, firstStep * dt * 1e3, durationMs);
        }
        int neurons = offset;
        // whole-number ends make XChart put its ticks on neuron numbers (a custom label
        // formatter that blanks the in-between ticks makes XChart drop every label)
        raster.getStyler().setYAxisMin(-1.0);
        raster.getStyler().setYAxisMax((double) neurons);
        rate.getStyler().setYAxisMin(0.0);
        rate.getStyler().setYAxisMax(niceCeiling(maxRate * 1.1));
        return Charts.stack(List.of(Charts.image(raster, false), Charts.image(rate)));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x} (and at least 1). */
    static double niceCeiling(double x) {
        if (!(x > 1)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= x) return m * p;
        return 10 * p;
    }

    /**
     * About 50 bins over the run but at least 5 ms (narrower bins of a small population show
     * single spikes, not a rate), at least one step, whole milliseconds when possible.
     */
    static long binSteps(long steps, double dt) {
        long bin = Math.max(Math.max(1, steps / 50), Math.round(5e-3 / dt));
        long perMs = Math.round(1e-3 / dt);
        if (perMs >= 1 && bin > perMs) bin = bin / perMs * perMs;
        return bin;
    }
}
