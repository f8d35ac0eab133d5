package org.spikelane.cli.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.spikelane.Simulation;
import org.spikelane.cli.output.SpikeTrains;
import org.spikelane.neuron.Population;

/**
 * {@code stats.png}: per population with enough spikes, how the neurons' rates spread, how
 * regular each neuron fires (ISI CV: 0 clockwork, about 1 Poisson), and the histogram of all its
 * inter-spike intervals. The numbers are those of summary.json.
 */
public final class StatsPlot {
    /** A population needs this many firing neurons and intervals for distributions to say anything. */
    static final int MIN_NEURONS = 5;
    static final int MIN_INTERVALS = 20;
    private static final int BINS = 20;

    private StatsPlot() {}

    /** Whether any population has enough spikes for the figure. */
    public static boolean applies(Simulation sim) {
        return sim.populations().stream().anyMatch(p -> enough(SpikeTrains.of(sim.spikes(), p.name(), p.size())));
    }

    private static boolean enough(SpikeTrains t) {
        return t.firing() >= MIN_NEURONS && t.intervals() >= MIN_INTERVALS;
    }

    /** One row per population, or per named group of a population that has groups (colours as in the raster). */
    public static BufferedImage draw(Simulation sim, long firstStep, long endStep, PlotContext ctx) {
        double seconds = (endStep - firstStep) * sim.dt();
        List<BufferedImage> rows = new ArrayList<>();
        int colour = 0;
        for (Population p : sim.populations()) {
            for (RasterPlot.Part part : RasterPlot.parts(p, ctx.groups())) {
                Color color = Charts.PALETTE[colour++ % Charts.PALETTE.length];
                SpikeTrains t = SpikeTrains.of(sim.spikes(), p.name(), p.size(), part.from(), part.to());
                if (enough(t)) rows.add(row(sim, part, t, seconds, color));
            }
        }
        return Charts.stack(rows);
    }

    private static BufferedImage row(Simulation sim, RasterPlot.Part part, SpikeTrains t, double seconds, Color color) {
        int w = Charts.WIDTH / 3;
        double[] rates = new double[part.to() - part.from()];
        for (int n = 0; n < rates.length; n++) rates[n] = t.count()[part.from() + n] / seconds;
        double[] cvs = java.util.Arrays.stream(t.cv()).filter(c -> !Double.isNaN(c)).toArray();
        // rates come in steps of one spike per run: bins of whole steps avoid a comb of empty bins
        Panel rate = histogram(w, part.name() + ": rate per neuron", "rate (Hz)", "neurons", rates, 1 / seconds, color);
        Panel cv = histogram(w, "ISI CV, " + cvs.length + " neurons with 3+ spikes", "CV", "neurons", cvs, 0, color);
        double binMs = t.binSteps() * sim.dt() * 1e3;
        double[] edges = new double[t.isiHistogram().length + 1];
        for (int b = 0; b < edges.length; b++) edges[b] = b * binMs;
        double[] counts = java.util.Arrays.stream(t.isiHistogram()).asDoubleStream().toArray();
        Panel isi = bars(w, String.format(java.util.Locale.ROOT, "all %d ISIs, mean %.3g ms", t.intervals(), t.meanIsiSteps() * sim.dt() * 1e3),
                "ISI (ms)", "intervals", edges, counts, color);
        return Charts.row(List.of(Charts.aligned(List.of(rate), w), Charts.aligned(List.of(cv), w), Charts.aligned(List.of(isi), w)));
    }

    /**
     * A histogram of {@code values} in about {@link #BINS} equal bins from 0 (or the minimum, if
     * negative) to the maximum; with {@code quantum > 0} the values are multiples of it and each
     * bin holds whole multiples, centred on them.
     */
    private static Panel histogram(int width, String title, String xTitle, String yTitle, double[] values, double quantum, Color color) {
        double lo = Math.min(0, java.util.Arrays.stream(values).min().orElse(0));
        double hi = java.util.Arrays.stream(values).max().orElse(1);
        if (!(hi > lo)) hi = lo + 1;
        double bin = (hi - lo) / BINS;
        if (quantum > 0) {
            bin = Math.max(1, Math.ceil(bin / quantum - 1e-9)) * quantum;
            lo -= quantum / 2;
        }
        int bins = (int) Math.min(10 * BINS, Math.floor((hi - lo) / bin) + 1);
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) edges[b] = lo + b * bin;
        double[] counts = new double[bins];
        for (double v : values) counts[Math.min(bins - 1, (int) ((v - lo) / bin))]++;
        return bars(width, title, xTitle, yTitle, edges, counts, color);
    }

    /** Bars drawn as a step outline over {@code edges}, so that empty bins stay visible as gaps at 0. */
    private static Panel bars(int width, String title, String xTitle, String yTitle, double[] edges, double[] counts, Color color) {
        Panel p = Charts.chart(width, 260, title, xTitle, yTitle);
        p.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
        double[] x = new double[2 * counts.length + 2];
        double[] y = new double[x.length];
        x[0] = edges[0];
        for (int b = 0; b < counts.length; b++) {
            x[2 * b + 1] = edges[b];
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = counts[b];
        }
        x[x.length - 1] = edges[edges.length - 1];
        XYSeries s = Charts.line(p, "count", x, y, color);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        p.getStyler().setYAxisMin(0.0);
        p.getStyler().setXAxisMin(edges[0]);
        p.getStyler().setXAxisMax(edges[edges.length - 1]);
        return p;
    }
}
