package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.cli.sweep.AnalyticFi;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.MeanSe;
import org.spikelane.cli.sweep.SineResponse;
import org.spikelane.cli.sweep.SweepResult;
import org.spikelane.cli.sweep.VarySpec;

/**
 * {@code sweep.png}: the population rates against the varied values, axes titled with path and
 * unit. One varied value: a curve per population (error bars of one s.e. with seed replicates;
 * for an f-I sweep also 1 / mean ISI, the analytic curve and the rheobase). Two: a panel per
 * population with a curve for each value of the second (a curve family) when it has at most
 * {@link #MAX_CURVES} values, else a heat map. More: a curve of the first for each combination of
 * the others, the first {@link #MAX_CURVES} of them, the title saying how many are left out. A
 * sweep over a sine input's frequency draws the gain and lag of v against frequency beside the
 * RC low-pass ({@link LowPassPanels}), and the rates only if a neuron fired.
 */
public final class SweepPlot {
    static final int MAX_CURVES = 8;
    private static final int PANEL_HEIGHT = 480;
    /** Dark blue to yellow through green: ordered in lightness, readable in grey. */
    private static final Color[] HEAT = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
            new Color(94, 201, 98), new Color(253, 231, 37)};

    private SweepPlot() {}

    public static BufferedImage draw(SweepResult sweep) {
        Grid grid = sweep.grid();
        if (grid.dimensions() == 1 && sweep.sine() != null) return sine(sweep);
        if (grid.dimensions() == 1) return curves(sweep);
        List<BufferedImage> panels = new ArrayList<>();
        boolean heat = grid.dimensions() == 2 && grid.axis(1).count() > MAX_CURVES;
        for (int p = 0; p < sweep.populations().size(); p++) panels.add(heat ? heatMap(sweep, p) : family(sweep, p));
        return Charts.stack(panels);
    }

    /**
     * A sweep over a sine's frequency: gain and lag of v against frequency beside the RC low-pass,
     * then the rates if any neuron fired (below threshold they are all 0).
     */
    private static BufferedImage sine(SweepResult sweep) {
        VarySpec vary = sweep.grid().axis(0);
        int n = vary.count();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(vary::value));
        double[] f = new double[n];
        double[] gain = new double[n];
        double[] lag = new double[n];
        SineResponse model = null;
        boolean same = true;
        for (int k = 0; k < n; k++) {
            SineResponse r = sweep.sine()[order[k]];
            f[k] = vary.value(order[k]);
            gain[k] = r.fitted() ? r.gain() : Double.NaN;
            lag[k] = r.fitted() ? r.lagDegrees() : Double.NaN;
            if (!r.fitted()) continue;
            if (model == null) model = r;
            same &= model.model().equals(r.model());
        }
        List<BufferedImage> parts = new ArrayList<>();
        String who = model == null ? "no neuron could be fitted (none below threshold with v and I recorded)"
                : "neuron " + model.neuron() + " of " + model.population() + ", fitted over the last cycles after 5 tau_m";
        parts.add(Charts.text(Charts.WIDTH, true, List.of("v's answer to the sine at each value of " + vary.path() + ": " + who)));
        parts.add(LowPassPanels.draw(f, gain, lag, model != null && same ? model.model() : null));
        boolean fired = false;
        for (int point = 0; point < sweep.grid().points(); point++) {
            for (int p = 0; p < sweep.populations().size(); p++) fired |= sweep.stats(point, p).spikes().mean() > 0;
        }
        if (fired) parts.add(curves(sweep));
        return Charts.stack(parts);
    }

    /** One curve: its legend name, the mean rate at each x, one s.e. (0 without replicates). */
    private record Curve(String name, double[] y, double[] se, Color color) {}

    /** One varied value: rate against it, a curve per population. */
    private static BufferedImage curves(SweepResult sweep) {
        VarySpec vary = sweep.grid().axis(0);
        String title = "population rate vs " + vary.path() + replicates(sweep);
        if (sweep.rheobaseLow() != null) {
            title += String.format(java.util.Locale.ROOT, "; rheobase between %s and %s %s", num(sweep.rheobaseLow() / vary.displayScale()),
                    num(sweep.rheobaseHigh() / vary.displayScale()), vary.displayUnit());
        }
        int[] all = new int[vary.count()];
        for (int k = 0; k < all.length; k++) all[k] = k;
        List<Curve> curves = new ArrayList<>();
        for (int p = 0; p < sweep.populations().size(); p++) {
            curves.add(curve(sweep, p, all, sweep.populations().get(p) + ": spikes / (neurons x duration)", Charts.PALETTE[p % Charts.PALETTE.length]));
        }
        AnalyticFi model = sweep.analytic();
        return render(sweep, title, PANEL_HEIGHT + 80, vary, curves, Styler.LegendPosition.OutsideS,
                model == null ? null : chart -> analytic(chart, sweep, model, vary, xs(vary)));
    }

    /** Population {@code p}: a curve against the first varied value for each combination of the others. */
    private static BufferedImage family(SweepResult sweep, int p) {
        Grid grid = sweep.grid();
        VarySpec first = grid.axis(0);
        int combinations = grid.points() / first.count();
        int shown = Math.min(combinations, MAX_CURVES);
        String title = sweep.populations().get(p) + ": rate vs " + first.path() + replicates(sweep)
                + (shown < combinations ? "; the first " + shown + " of " + combinations + " curves" : "");
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            int[] points = new int[first.count()];
            int[] indices = new int[grid.dimensions()];
            int rest = c;
            for (int a = grid.dimensions() - 1; a >= 1; a--) {
                indices[a] = rest % grid.axis(a).count();
                rest /= grid.axis(a).count();
            }
            List<String> label = new ArrayList<>();
            for (int a = 1; a < grid.dimensions(); a++) label.add(grid.axis(a).path() + " = " + shownValue(grid.axis(a), indices[a]));
            for (int k = 0; k < points.length; k++) {
                indices[0] = k;
                points[k] = grid.point(indices);
            }
            curves.add(curve(sweep, p, points, String.join(", ", label), Charts.PALETTE[c % Charts.PALETTE.length]));
        }
        return render(sweep, title, PANEL_HEIGHT, first, curves, Styler.LegendPosition.OutsideE, null);
    }

    /**
     * Draws curves against {@code x}: an XY chart for numbers (log axis for a log range), a
     * category chart for words (XChart's XY chart hangs when its tick labels are replaced by words).
     */
    private static BufferedImage render(SweepResult sweep, String title, int height, VarySpec x, List<Curve> curves,
                                        Styler.LegendPosition legend, java.util.function.Consumer<XYChart> extra) {
        boolean bars = sweep.replicates() > 1;
        if (x.words()) {
            CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(height).title(title).xAxisTitle(x.axisTitle())
                    .yAxisTitle("rate (Hz)").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            chart.getStyler().setChartTitleBoxVisible(false);
            chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setLegendPosition(legend);
            chart.getStyler().setDecimalPattern("0.###");
            chart.getStyler().setYAxisMin(0.0);
            if (bars) chart.getStyler().setErrorBarsColorSeriesColor(true);
            List<String> words = new ArrayList<>();
            for (int k = 0; k < x.count(); k++) words.add(x.text(k));
            for (Curve c : curves) {
                CategorySeries s = bars ? chart.addSeries(c.name(), words, boxed(c.y()), boxed(c.se())) : chart.addSeries(c.name(), words, boxed(c.y()));
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(c.color());
                s.setLineColor(c.color());
            }
            return BitmapEncoder.getBufferedImage(chart);
        }
        XYChart chart = Charts.chart(height, title, x.axisTitle(), "rate (Hz)");
        chart.getStyler().setLegendPosition(legend);
        if (x.spacing() == VarySpec.Spacing.LOG && x.min() > 0) chart.getStyler().setXAxisLogarithmic(true);
        if (bars) chart.getStyler().setErrorBarsColorSeriesColor(true);
        double[] xs = xs(x);
        for (Curve c : curves) {
            XYSeries s = bars ? chart.addSeries(c.name(), xs, c.y(), c.se()) : chart.addSeries(c.name(), xs, c.y());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(c.color());
            s.setLineColor(c.color());
            s.setLineStyle(new BasicStroke(0.8f));
        }
        if (extra != null) extra.accept(chart);
        chart.getStyler().setYAxisMin(0.0);
        return Charts.image(chart);
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    /** Population {@code p}: the rate over the first two varied values, one cell per point. */
    private static BufferedImage heatMap(SweepResult sweep, int p) {
        Grid grid = sweep.grid();
        VarySpec a = grid.axis(0);
        VarySpec b = grid.axis(1);
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(PANEL_HEIGHT + 120)
                .title(sweep.populations().get(p) + ": rate (Hz)" + (sweep.replicates() > 1 ? ", mean of " + sweep.replicates() + " seeds" : "")).xAxisTitle(a.axisTitle()).yAxisTitle(b.axisTitle()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(HEAT);
        chart.getStyler().setShowValue(grid.points() <= 150);
        chart.getStyler().setHeatMapValueDecimalPattern("0.#");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartTitleBoxVisible(false);
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int k = 0; k < a.count(); k++) xs.add(shownValue(a, k));
        for (int k = 0; k < b.count(); k++) ys.add(shownValue(b, k));
        List<Number[]> cells = new ArrayList<>();
        double max = 0;
        for (int i = 0; i < a.count(); i++) {
            for (int j = 0; j < b.count(); j++) {
                double rate = sweep.stats(grid.point(i, j), p).rateHz().mean();
                max = Math.max(max, rate);
                cells.add(new Number[] {i, j, rate});
            }
        }
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(max > 0 ? Math.ceil(max) : 1);
        chart.addSeries("rate (Hz)", xs, ys, cells);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static Curve curve(SweepResult sweep, int p, int[] points, String name, Color color) {
        double[] y = new double[points.length];
        double[] se = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            MeanSe m = sweep.stats(points[k], p).rateHz();
            y[k] = m.mean();
            se[k] = Double.isNaN(m.se()) ? 0 : m.se();
        }
        return new Curve(name, y, se, color);
    }

    private static void analytic(XYChart chart, SweepResult sweep, AnalyticFi model, VarySpec vary, double[] x) {
        double scale = vary.displayScale();
        double[] isi = new double[x.length];
        for (int k = 0; k < x.length; k++) isi[k] = sweep.stats(k, 0).isiRateHz().mean();
        XYSeries measured = chart.addSeries(sweep.populations().get(0) + ": 1 / mean ISI", x, isi);
        measured.setMarker(SeriesMarkers.DIAMOND);
        measured.setMarkerColor(Charts.PALETTE[2]);
        measured.setLineColor(new Color(0, 0, 0, 0));
        int n = 600;
        double[] ax = new double[n];
        double[] ay = new double[n];
        for (int i = 0; i < n; i++) {
            double si = vary.min() + (vary.max() - vary.min()) * i / (n - 1);
            ax[i] = si / scale;
            ay[i] = model.rate(si);
        }
        Charts.line(chart, "analytic 1 / (t_ref + tau_m ln((RI+E_L-v_reset)/(RI+E_L-v_th)))", ax, ay, Charts.THRESHOLD)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        double rb = model.rheobase() / scale;
        double top = java.util.Arrays.stream(ay).max().orElse(1);
        XYSeries line = Charts.line(chart, "analytic rheobase " + num(rb) + " " + vary.displayUnit(),
                new double[] {rb, rb}, new double[] {0, top}, Charts.CURRENT);
        line.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
    }

    /** x positions: the values in their unit. */
    private static double[] xs(VarySpec vary) {
        double[] x = new double[vary.count()];
        for (int k = 0; k < x.length; k++) x[k] = vary.displayValue(k);
        return x;
    }

    private static String shownValue(VarySpec v, int k) {
        return v.words() ? v.text(k) : num(v.displayValue(k)) + (v.displayUnit().isEmpty() ? "" : " " + v.displayUnit());
    }

    private static String replicates(SweepResult sweep) {
        return sweep.replicates() > 1 ? " (mean ± s.e. of " + sweep.replicates() + " seeds)" : "";
    }

    static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }
}
