package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Shared look of every PNG and the glue XChart lacks: it draws one chart per image, so figures
 * with stacked panels are drawn chart by chart and stacked here.
 */
public final class Charts {
    public static final int WIDTH = 1000;
    public static final Color VOLTAGE = new Color(31, 119, 180);
    public static final Color CURRENT = new Color(214, 39, 40);
    public static final Color THRESHOLD = new Color(90, 90, 90);
    public static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};

    private Charts() {}

    public static Panel chart(int height, String title, String xTitle, String yTitle) {
        return chart(WIDTH, height, title, xTitle, yTitle);
    }

    public static Panel chart(int width, int height, String title, String xTitle, String yTitle) {
        Panel chart = new Panel(new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle));
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(230, 230, 230));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 200));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(6);
        s.setToolTipsEnabled(false);
        // XChart prints raw doubles (2.049999947573156) without a pattern
        s.setDecimalPattern("0.###");
        return chart;
    }

    /** A plain line without markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        return s;
    }

    /**
     * Fixes the time axis to the whole run (from the resumed checkpoint's time, if any) so every
     * panel of a figure lines up with round ticks.
     */
    public static void timeAxis(XYChart chart, double startMs, double endMs) {
        chart.getStyler().setXAxisMin(startMs);
        chart.getStyler().setXAxisMax(endMs);
    }

    /** Y range covering {@code values} and {@code alsoInclude}, with a margin (at least {@code minPad}). */
    public static void yRange(XYChart chart, double[] values, double alsoInclude, double minPad) {
        double lo = alsoInclude;
        double hi = alsoInclude;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = Math.max(minPad, (hi - lo) * 0.08);
        chart.getStyler().setYAxisMin(lo - pad);
        chart.getStyler().setYAxisMax(hi + pad);
    }

    /** Short text of a plotted number, e.g. "-50" or "2.05". */
    public static String number(double v) {
        return new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(v);
    }

    /** Stacks images top to bottom on a white background. */
    public static BufferedImage stack(List<BufferedImage> parts) {
        int width = parts.stream().mapToInt(BufferedImage::getWidth).max().orElse(WIDTH);
        int height = parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, Math.max(1, height));
        int y = 0;
        for (BufferedImage part : parts) {
            g.drawImage(part, 0, y, null);
            y += part.getHeight();
        }
        g.dispose();
        return out;
    }

    public static BufferedImage image(XYChart chart) {
        return image(chart, true);
    }

    /**
     * Draws the chart. XChart puts ticks on the data values themselves when they are equally
     * spaced (every sample time of a trace gives ticks 0, 6, 12, ... ms; three distinct rates give
     * 66.667, 133.333); an invisible point at an irregular position inside the data switches it
     * back to round ticks. {@code padY = false} keeps data ticks on y (neuron numbers of a raster).
     */
    public static BufferedImage image(XYChart chart, boolean padY) {
        roundTicks(chart, padY);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Adds the invisible point of {@link #image(XYChart, boolean)} and hides a legend of one entry. */
    private static void roundTicks(XYChart chart, boolean padY) {
        long shown = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
        if (shown < 2 || chart.getSeriesMap().isEmpty()) chart.getStyler().setLegendVisible(false);
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double x : series.getXData()) { xLo = Math.min(xLo, x); xHi = Math.max(xHi, x); }
            // the point goes on the left axis: a series on a second axis has other units
            if (series.getYAxisGroup() != 0) continue;
            for (double y : series.getYData()) { yLo = Math.min(yLo, y); yHi = Math.max(yHi, y); }
        }
        if (xLo < xHi) {
            double irregular = 0.31830988618; // 1/pi: never on a regular grid
            double x = xLo + (xHi - xLo) * irregular;
            double y = padY && yLo < yHi ? yLo + (yHi - yLo) * irregular : yLo;
            XYSeries pad = chart.addSeries(" ", new double[] {x}, new double[] {y});
            pad.setMarker(SeriesMarkers.NONE);
            pad.setLineColor(new Color(0, 0, 0, 0));
            pad.setShowInLegend(false);
        }
    }

    /**
     * Stacks panels of {@code width} whose plot areas start and end at the same pixels: each is drawn
     * once to learn its margins, then again narrower and shifted so that its plot area spans the
     * widest left margin to the widest right margin.
     */
    public static BufferedImage aligned(List<Panel> panels, int width) {
        int left = 0;
        int right = 0;
        int[] l = new int[panels.size()];
        int[] r = new int[panels.size()];
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            roundTicks(p, p.roundYTicks());
            paint(p, width);
            java.awt.geom.Rectangle2D area = p.plotArea();
            l[i] = (int) Math.round(area.getX());
            r[i] = width - (int) Math.round(area.getX() + area.getWidth());
            left = Math.max(left, l[i]);
            right = Math.max(right, r[i]);
        }
        List<BufferedImage> parts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            int shift = left - l[i];
            int w = width - shift - (right - r[i]);
            BufferedImage drawn = paint(panels.get(i), w);
            panels.get(i).placedAt = shift;
            BufferedImage part = blank(width, drawn.getHeight());
            Graphics2D g = part.createGraphics();
            g.drawImage(drawn, shift, 0, null);
            g.dispose();
            parts.add(part);
        }
        return stack(parts);
    }

    private static BufferedImage paint(XYChart chart, int width) {
        BufferedImage image = new BufferedImage(width, chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g, width, chart.getHeight());
        g.dispose();
        return image;
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        return out;
    }

    /** Places images side by side, top-aligned, on a white background. */
    public static BufferedImage row(List<BufferedImage> parts) {
        int width = parts.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = blank(width, height);
        Graphics2D g = out.createGraphics();
        int x = 0;
        for (BufferedImage part : parts) {
            g.drawImage(part, x, 0, null);
            x += part.getWidth();
        }
        g.dispose();
        return out;
    }

    /** Lines of text on white, {@code bold} for a heading, wrapped at spaces to the width: what a figure shows and why, above its panels. */
    public static BufferedImage text(int width, boolean bold, List<String> lines) {
        Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, bold ? 15 : 13);
        int lineHeight = bold ? 22 : 18;
        java.awt.FontMetrics metrics = blank(1, 1).createGraphics().getFontMetrics(font);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String next = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && metrics.stringWidth(next) > width - 24) {
                    wrapped.add(current.toString());
                    current = new StringBuilder("    " + word);
                } else {
                    current = new StringBuilder(next);
                }
            }
            wrapped.add(current.toString());
        }
        BufferedImage out = blank(width, 8 + lineHeight * wrapped.size());
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.setFont(font);
        for (int i = 0; i < wrapped.size(); i++) g.drawString(wrapped.get(i), 12, 4 + lineHeight * (i + 1) - 5);
        g.dispose();
        return out;
    }

    /** A dashed vertical line at {@code x} from {@code lo} to {@code hi} (XChart's annotation lines cannot be styled per line). */
    public static XYSeries mark(XYChart chart, String name, double x, double lo, double hi, Color color) {
        String unique = name;
        for (int k = 2; chart.getSeriesMap().containsKey(unique); k++) unique = name + " " + k; // XChart wants unique names
        XYSeries s = line(chart, unique, new double[] {x, x}, new double[] {lo, hi}, color);
        s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        return s;
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
    }

    /** Scales SI values for plotting, e.g. volts to millivolts. */
    public static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] * factor;
        return out;
    }
}
