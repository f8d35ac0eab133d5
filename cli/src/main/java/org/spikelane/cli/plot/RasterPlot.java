package org.spikelane.cli.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.Simulation;
import org.spikelane.cli.output.GaussianRate;
import org.spikelane.cli.output.RateBins;
import org.spikelane.cli.scenario.NeuronGroups;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;

/**
 * {@code raster.png}: one dot per spike, coloured per population and named group (later
 * populations above earlier ones), and below it each population's and group's rate in spikes
 * per neuron per second, a histogram over time bins whose width {@link RateBins} chooses and the
 * title states, with {@code record.rate_smoothing} under a Gaussian-smoothed line ({@link GaussianRate}).
 * A dense raster shows every k-th neuron and, when the rows would still be solid, only the start
 * of the run; its title says so. Input events are dashed lines. {@link #dots} is what it draws.
 */
public final class RasterPlot {
    /** More rows than this merge into a solid block at the panel's height. */
    static final int MAX_ROWS = 250;
    /** About the plot area's width in pixels, for how many spikes a row holds before its dots merge. */
    static final double PLOT_WIDTH = 800;

    private RasterPlot() {}

    /** @param firstStep where the run started: 0, or the step of the checkpoint it resumed from */
    public static BufferedImage draw(Simulation sim, long firstStep, long endStep, PlotContext ctx) {
        return draw(sim, firstStep, endStep, RateBins.of(sim, firstStep, endStep), ctx);
    }

    /** With the rates already binned (rates.csv holds the same numbers). */
    public static BufferedImage draw(Simulation sim, long firstStep, long endStep, RateBins rates, PlotContext ctx) {
        return drawn(sim, firstStep, endStep, rates, ctx).image();
    }

    /**
     * How the raster is laid out: every {@code stride}-th neuron (0, k, 2k, ... of each
     * population) up to {@code shownEnd} (s), the time axes' units, the dot size and the neurons
     * in all populations.
     */
    record Layout(int stride, double start, double end, double shownEnd, TimeScale ts, TimeScale rasterTs, int marker, int total) {}

    /** The dots of one population or group as the raster draws them: x in {@code rasterTs} units, y the row (the neuron plus the sizes of the populations below). */
    record Dots(String population, Part part, Color color, double[] x, double[] y) {}

    /** The image and its two panels, whose plot areas say where a value was drawn. */
    record Drawn(BufferedImage image, Panel raster, Panel rate, Layout layout, List<Dots> dots) {}

    static Layout layout(Simulation sim, long firstStep, long endStep) {
        double dt = sim.dt();
        double start = firstStep * dt;
        double end = endStep * dt;
        List<Population> pops = sim.populations();
        int total = pops.stream().mapToInt(Population::size).sum();
        int stride = Math.max(1, (total + MAX_ROWS - 1) / MAX_ROWS);
        double perRow = sim.spikes().count() / (double) Math.max(1, recordedNeurons(sim));
        int rows = total / stride;
        int marker = rows > 100 ? 2 : rows > 20 ? 3 : 5;
        // dots closer than twice their size merge into a line
        double maxPerRow = PLOT_WIDTH / (2.0 * marker);
        double shownEnd = end;
        if (perRow > maxPerRow) shownEnd = start + Math.max(dt, niceSeconds((end - start) * maxPerRow / perRow));
        return new Layout(stride, start, end, shownEnd, TimeScale.of(end - start), TimeScale.of(shownEnd - start), marker, total);
    }

    /** Every population's and group's dots, in drawing order (colours in that order from {@link Charts#PALETTE}). */
    static List<Dots> dots(Simulation sim, Layout layout, PlotContext ctx) {
        SpikeRecorder spikes = sim.spikes();
        List<Dots> out = new ArrayList<>();
        int offset = 0;
        int colour = 0;
        for (Population pop : sim.populations()) {
            for (Part part : parts(pop, ctx.groups())) {
                Color color = Charts.PALETTE[colour++ % Charts.PALETTE.length];
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int row = 0; row < spikes.count(); row++) {
                    int n = spikes.neuron(row);
                    if (n % layout.stride() != 0 || !part.contains(n) || !spikes.populationName(row).equals(pop.name())) continue;
                    double t = spikes.time(row);
                    if (t > layout.shownEnd()) continue;
                    xs.add(layout.rasterTs().at(t));
                    ys.add((double) (offset + n));
                }
                out.add(new Dots(pop.name(), part, color, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            offset += pop.size();
        }
        return out;
    }

    static Drawn drawn(Simulation sim, long firstStep, long endStep, RateBins rates, PlotContext ctx) {
        Layout layout = layout(sim, firstStep, endStep);
        double start = layout.start();
        double end = layout.end();
        double shownEnd = layout.shownEnd();
        TimeScale ts = layout.ts();
        TimeScale rasterTs = layout.rasterTs();
        List<Population> pops = sim.populations();
        int total = layout.total();
        int stride = layout.stride();
        SpikeRecorder spikes = sim.spikes();

        List<String> notes = new ArrayList<>();
        if (stride > 1) notes.add("every " + ordinal(stride) + " neuron (" + rowsShown(pops, stride) + " of " + total + ")");
        if (shownEnd < end) notes.add("the first " + rasterTs.text(shownEnd - start) + " of " + ts.text(end - start));
        String title = "spike raster" + (notes.isEmpty() ? "" : ": " + String.join(", ", notes) + " (dense: all spikes are in spikes.csv)");
        Panel raster = Charts.chart(rasterHeight(total, stride), title, rasterTs.axisTitle(), "neuron");
        raster.keepDataTicksOnY();
        raster.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        raster.getStyler().setMarkerSize(layout.marker());
        double sigma = ctx.rateSmoothing();
        Panel rate = Charts.chart(260, "rate in spikes per neuron and second, bins of " + Charts.number(rates.binSeconds() * 1e3) + " ms"
                + (sigma > 0 ? "; lines: Gaussian smoothing, sigma " + Charts.number(sigma * 1e3) + " ms" : "")
                + (shownEnd < end ? " (whole run; the raster above shows its start)" : ""), ts.axisTitle(), "rate (Hz)");

        List<Dots> dots = dots(sim, layout, ctx);
        boolean any = false;
        double maxRate = 0;
        double[] smoothAt = sigma > 0 ? smoothingTimes(start, end, sigma) : null;
        for (Dots d : dots) {
            Part part = d.part();
            if (d.x().length > 0) {
                XYSeries s = raster.addSeries(part.name, d.x(), d.y());
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(d.color());
                any = true;
            } else {
                // a legend entry without a dot, so that every row is named
                XYSeries s = raster.addSeries(part.name + " (no spikes)", new double[] {rasterTs.at(start)}, new double[] {rowOffset(pops, d.population()) + part.from});
                s.setMarker(SeriesMarkers.NONE);
            }
            double[] hz = part.whole ? rates.hz().get(d.population()) : groupRates(spikes, d.population(), part, rates);
            double[][] histogram = steps(rates, hz, ts);
            Charts.line(rate, part.name, histogram[0], histogram[1], sigma > 0 ? faded(d.color()) : d.color());
            for (double h : hz) maxRate = Math.max(maxRate, h);
            if (smoothAt != null) {
                double[] smooth = GaussianRate.at(spikes, d.population(), part.from, part.to, smoothAt, sigma);
                double[] x = new double[smoothAt.length];
                for (int k = 0; k < x.length; k++) x[k] = ts.at(smoothAt[k]);
                Charts.line(rate, part.name + ", smoothed", x, smooth, d.color()).setLineStyle(new java.awt.BasicStroke(2f));
                for (double h : smooth) maxRate = Math.max(maxRate, h);
            }
        }
        if (!any) raster.setTitle("spike raster (no spikes)");
        if (dots.size() == 1) raster.setYAxisTitle(pops.get(0).name() + " neuron"); // one series: no legend names it
        Charts.timeAxis(raster, rasterTs.at(start), rasterTs.at(shownEnd));
        Charts.timeAxis(rate, ts.at(start), ts.at(end));
        neuronAxis(raster, total);
        rate.getStyler().setYAxisMin(0.0);
        rate.getStyler().setYAxisMax(niceCeiling(maxRate * 1.1));
        if (marks(raster, ctx, sim, rasterTs, shownEnd)) raster.setTitle(raster.getTitle() + "; dashed: input events");
        BufferedImage image = Charts.aligned(List.of(raster, rate), Charts.WIDTH);
        return new Drawn(image, raster, rate, layout, dots);
    }

    /** The row of a population's neuron 0: the sizes of the populations before it. */
    private static int rowOffset(List<Population> pops, String population) {
        int offset = 0;
        for (Population p : pops) {
            if (p.name().equals(population)) return offset;
            offset += p.size();
        }
        return offset;
    }

    /** Where the smoothed rate is drawn: a point every half sigma (400 to 4000 points). */
    private static double[] smoothingTimes(double start, double end, double sigma) {
        int n = (int) Math.max(400, Math.min(4000, Math.ceil((end - start) / (sigma / 2)) + 1));
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = start + (end - start) * k / (n - 1);
        return t;
    }

    /** The histogram's colour behind a smoothed line: the same hue, lighter. */
    private static Color faded(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    /** A population's rows: one part per named group (in index order) and the neurons in none, or the whole population. */
    record Part(String name, int from, int to, boolean whole) {
        boolean contains(int n) { return n >= from && n < to; }
    }

    static List<Part> parts(Population pop, NeuronGroups groups) {
        Map<String, NeuronGroups.Range> named = groups.of(pop.name());
        if (named.isEmpty()) return List.of(new Part(pop.name(), 0, pop.size(), true));
        List<Part> out = new ArrayList<>();
        List<Map.Entry<String, NeuronGroups.Range>> sorted = new ArrayList<>(named.entrySet());
        sorted.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(NeuronGroups.Range::from)));
        int next = 0;
        for (Map.Entry<String, NeuronGroups.Range> g : sorted) {
            if (g.getValue().from() > next) out.add(new Part(pop.name() + " (no group)", next, g.getValue().from(), false));
            out.add(new Part(pop.name() + " " + g.getKey(), g.getValue().from(), g.getValue().to(), false));
            next = g.getValue().to();
        }
        if (next < pop.size()) out.add(new Part(pop.name() + " (no group)", next, pop.size(), false));
        return out;
    }

    /** A part's rate in the population's bins (rates.csv holds whole populations only). */
    private static double[] groupRates(SpikeRecorder spikes, String population, Part part, RateBins rates) {
        double[] hz = new double[rates.bins()];
        for (int row = 0; row < spikes.count(); row++) {
            if (!part.contains(spikes.neuron(row)) || !spikes.populationName(row).equals(population)) continue;
            long s = spikes.step(row) - rates.firstStep();
            if (s >= 0 && s < rates.endStep() - rates.firstStep()) hz[(int) (s / rates.binSteps())]++;
        }
        for (int b = 0; b < hz.length; b++) hz[b] /= (part.to - part.from) * rates.width(b);
        return hz;
    }

    /** A histogram: each bin's rate held over the bin, so nothing is drawn between bins that is not measured. */
    private static double[][] steps(RateBins rates, double[] hz, TimeScale ts) {
        double[] t = new double[2 * hz.length];
        double[] level = new double[2 * hz.length];
        for (int b = 0; b < hz.length; b++) {
            t[2 * b] = ts.at(rates.start(b));
            t[2 * b + 1] = ts.at(rates.start(b) + rates.width(b));
            level[2 * b] = hz[b];
            level[2 * b + 1] = hz[b];
        }
        return new double[][] {t, level};
    }

    /**
     * Dashed lines at the input events (a few dozen at most: more are a texture), as XChart
     * annotations rather than series: a series would add its ends to the data that XChart's
     * neuron ticks are taken from. Returns whether any was drawn, for the title.
     */
    private static boolean marks(Panel raster, PlotContext ctx, Simulation sim, TimeScale ts, double shownEnd) {
        List<EventHits.Hit> hits = EventHits.of(sim, ctx.events());
        if (hits.isEmpty() || hits.size() > 40) return false;
        raster.getStyler().setAnnotationLineColor(TracesPlot.EVENT);
        raster.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        boolean any = false;
        for (EventHits.Hit h : hits) {
            if (h.time() > shownEnd) continue;
            raster.addAnnotation(new org.knowm.xchart.AnnotationLine(ts.at(h.time()), true, false));
            any = true;
        }
        return any;
    }

    /**
     * Ticks on whole neuron numbers: with labels rounded to whole numbers, half-neuron ticks would
     * repeat labels ("0", "0", "1"), and XChart widens the tick step until its labels are unique,
     * so the ticks fall on neurons (a custom formatter that blanks the in-between ticks instead
     * makes XChart drop every label).
     */
    private static void neuronAxis(Panel raster, int neurons) {
        raster.getStyler().setYAxisDecimalPattern("0");
        raster.getStyler().setYAxisMin(neurons <= 12 ? -0.5 : -1.0);
        raster.getStyler().setYAxisMax(neurons <= 12 ? neurons - 0.5 : neurons);
    }

    private static int rasterHeight(int total, int stride) {
        return Math.max(200, Math.min(380, 120 + 40 * (total / stride)));
    }

    private static int recordedNeurons(Simulation sim) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        SpikeRecorder spikes = sim.spikes();
        for (int row = 0; row < spikes.count(); row++) recorded.add(spikes.populationName(row));
        return sim.populations().stream().filter(p -> recorded.contains(p.name())).mapToInt(Population::size).sum();
    }

    private static int rowsShown(List<Population> pops, int stride) {
        int rows = 0;
        for (Population p : pops) rows += (p.size() + stride - 1) / stride;
        return rows;
    }

    private static String ordinal(int k) {
        int mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (k % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return k + suffix;
    }

    /** 1, 2 or 5 times a power of ten seconds, at most {@code seconds}. */
    static double niceSeconds(double seconds) {
        double p = Math.pow(10, Math.floor(Math.log10(seconds)));
        for (double m : new double[] {5, 2, 1}) if (m * p <= seconds * (1 + 1e-9)) return m * p;
        return p;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x} (and at least 1). */
    static double niceCeiling(double x) {
        if (!(x > 1)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= x) return m * p;
        return 10 * p;
    }
}
