package org.spikelane.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * LIF step throughput (neuron-steps per second) against N, both axes logarithmic, one panel per
 * benchmark method (and value of any other varying parameter) and one line per precision and
 * kernel, so the drop from cache to DRAM shows.
 * Panels are tiled into one PNG.
 */
public final class ThroughputChart {
    private ThroughputChart() {}

    private static final int PANEL_WIDTH = 760;
    private static final int PANEL_HEIGHT = 520;
    private static final int COLUMNS = 2;
    private static final int TITLE_HEIGHT = 36;

    /**
     * Draws the chart of every LIF step result in {@code files} to {@code target}; where several
     * files hold the same benchmark and parameters, the later file's figure is drawn.
     *
     * @return false (and nothing written) when no LIF step result has two or more sizes
     */
    public static boolean write(List<ResultFile> files, Path target) throws IOException {
        List<XYChart> panels = panels(files);
        if (panels.isEmpty()) return false;
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, panels.size());
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, TITLE_HEIGHT + rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Spikelane LIF step: throughput against N (" + String.join(", ", files.stream().map(ResultFile::name).toList()) + ")", 12, 25);
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)),
                    (i % COLUMNS) * PANEL_WIDTH, TITLE_HEIGHT + (i / COLUMNS) * PANEL_HEIGHT, null);
        }
        g.dispose();
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this JDK");
        });
        return true;
    }

    static List<XYChart> panels(List<ResultFile> files) {
        Map<String, JmhResult> latest = new LinkedHashMap<>();
        for (ResultFile f : files) {
            for (JmhResult r : f.results()) {
                if (Category.of(r) == Category.LIF_STEP) latest.put(r.benchmark() + " " + r.params(), r);
            }
        }
        Map<String, List<JmhResult>> byMethod = new TreeMap<>();
        latest.values().forEach(r -> byMethod.computeIfAbsent(r.shortName(), k -> new ArrayList<>()).add(r));
        List<XYChart> charts = new ArrayList<>();
        byMethod.forEach((name, results) -> {
            // one panel per value of any other varying parameter (firing, parameters, ...), so each
            // panel holds at most the four precision/kernel lines
            List<String> others = varyingParams(results).stream()
                    .filter(p -> !p.equals(PivotTable.PRECISION) && !p.equals(PivotTable.KERNEL)).toList();
            Map<String, List<JmhResult>> byOthers = new TreeMap<>();
            for (JmhResult r : results) {
                String title = others.stream().map(p -> p + " = " + r.param(p)).reduce((a, b) -> a + ", " + b)
                        .map(t -> name + ", " + t).orElse(name);
                byOthers.computeIfAbsent(title, k -> new ArrayList<>()).add(r);
            }
            byOthers.forEach((title, group) -> {
                XYChart chart = panel(title, group);
                if (chart != null) charts.add(chart);
            });
        });
        return charts;
    }

    private static XYChart panel(String name, List<JmhResult> results) {
        List<String> varying = varyingParams(results);
        Map<String, TreeMap<Long, Double>> series = new TreeMap<>(ThroughputChart::seriesOrder);
        for (JmhResult r : results) {
            double billionsPerSecond = 1 / Figures.of(r, Category.LIF_STEP).value();
            String label = String.join(" ", varying.stream().map(r::param).toList());
            series.computeIfAbsent(label.isEmpty() ? "score" : label, k -> new TreeMap<>()).put(r.n(), billionsPerSecond);
        }
        if (series.values().stream().noneMatch(s -> s.size() >= 2)) return null;
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(name).xAxisTitle("N (neurons)").yAxisTitle("10^9 neuron-steps per second").build();
        var styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setXAxisDecimalPattern("#,###");
        // decades alone leave one labelled tick over the 10x range these figures span
        styler.setYAxisLogarithmicDecadeOnly(false);
        styler.setYAxisDecimalPattern("0.0#");
        double low = series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).min().orElse(1);
        double high = series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).max().orElse(1);
        // bounds on one-digit ticks, so the lowest and highest lines sit between labelled ticks
        styler.setYAxisMin(oneDigit(low, false));
        styler.setYAxisMax(oneDigit(high, true));
        series.forEach((label, points) -> {
            double[] x = points.keySet().stream().mapToDouble(Long::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries s = chart.addSeries(label, x, y);
            // scalar references dashed, so the vector/scalar gap reads without the legend
            if (label.contains("scalar")) s.setLineStyle(SeriesLines.DASH_DASH);
        });
        return chart;
    }

    /** {@code x} rounded down (or up) to one significant digit: 0.13 -> 0.1, 1.08 -> 2. */
    static double oneDigit(double x, boolean up) {
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        double digit = up ? Math.ceil(x / decade - 1e-9) : Math.floor(x / decade + 1e-9);
        return digit * decade;
    }

    /** The non-N parameters that differ within a panel: precision, kernel, then the rest by name. */
    private static List<String> varyingParams(List<JmhResult> results) {
        TreeSet<String> names = new TreeSet<>();
        results.forEach(r -> names.addAll(r.params().keySet()));
        List<String> order = new ArrayList<>();
        for (String p : List.of(PivotTable.PRECISION, PivotTable.KERNEL)) if (names.remove(p)) order.add(p);
        order.addAll(names);
        order.remove("n");
        return order.stream().filter(p -> results.stream().map(r -> String.valueOf(r.param(p))).distinct().count() > 1).toList();
    }

    /** float32 before fixed, vector before scalar, so colours stay put between charts. */
    private static int seriesOrder(String a, String b) {
        return rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String label) {
        return (label.contains("fixed") ? 2 : 0) + (label.contains("scalar") ? 1 : 0);
    }
}
