package org.spikelane.cli.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.Simulation;
import org.spikelane.cli.output.RateBins;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;

/**
 * {@code raster.png}: one dot per spike (neurons of later populations drawn above earlier ones),
 * and below it each population's rate in spikes per neuron per second, a histogram over time bins
 * whose width {@link RateBins} chooses from the rates and the title states.
 */
public final class RasterPlot {
    private RasterPlot() {}

    /** @param firstStep where the run started: 0, or the step of the checkpoint it resumed from */
    public static BufferedImage draw(Simulation sim, long firstStep, long steps) {
        return draw(sim, firstStep, steps, RateBins.of(sim, firstStep, steps));
    }

    /** With the rates already binned (rates.csv holds the same numbers). */
    public static BufferedImage draw(Simulation sim, long firstStep, long steps, RateBins rates) {
        SpikeRecorder spikes = sim.spikes();
        double dt = sim.dt();
        double durationMs = steps * dt * 1e3;
        List<Population> pops = sim.populations();
        int total = pops.stream().mapToInt(Population::size).sum();
        // a short panel for a few neurons, so that XChart's ticks fall on whole neuron numbers
        XYChart raster = Charts.chart(Math.max(200, Math.min(360, 120 + 40 * total)), "spike raster", "", "neuron");
        raster.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        raster.getStyler().setMarkerSize(pops.stream().mapToInt(Population::size).sum() > 200 ? 2 : 5);
        XYChart rate = Charts.chart(260, "population rate, spikes per neuron and second in bins of "
                + Charts.number(rates.binSeconds() * 1e3) + " ms", "t (ms)", "rate (Hz)");
        int offset = 0;
        boolean any = false;
        double maxRate = 0;
        for (int p = 0; p < pops.size(); p++) {
            Population pop = pops.get(p);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int row = 0; row < spikes.count(); row++) {
                if (!spikes.populationName(row).equals(pop.name())) continue;
                xs.add(spikes.step(row) * dt * 1e3);
                ys.add((double) (offset + spikes.neuron(row)));
            }
            var color = Charts.PALETTE[p % Charts.PALETTE.length];
            if (!xs.isEmpty()) {
                XYSeries s = raster.addSeries(pop.name(), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                any = true;
            }
            // a histogram: each bin's rate held over the bin, so nothing is drawn between bins that is not measured
            double[] hz = rates.hz().get(pop.name());
            double[] t = new double[2 * hz.length];
            double[] level = new double[2 * hz.length];
            for (int b = 0; b < hz.length; b++) {
                t[2 * b] = rates.start(b) * 1e3;
                t[2 * b + 1] = (rates.start(b) + rates.width(b)) * 1e3;
                level[2 * b] = hz[b];
                level[2 * b + 1] = hz[b];
            }
            Charts.line(rate, pop.name(), t, level, color);
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
}
