package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.cli.sweep.AnalyticFi;
import org.spikelane.cli.sweep.SweepResult;
import org.spikelane.cli.sweep.VarySpec;

/**
 * {@code fi.png}: firing rate against the swept value, per population; with the analytic LIF
 * curve and the rheobase when the sweep is an f-I sweep of one homogeneous population.
 */
public final class FiPlot {
    private FiPlot() {}

    public static BufferedImage draw(SweepResult sweep) {
        VarySpec vary = sweep.vary();
        double scale = vary.displayScale();
        String title = "firing rate vs " + vary.path();
        if (sweep.rheobaseLow() != null) {
            title += String.format(java.util.Locale.ROOT, "; rheobase between %s and %s %s", num(sweep.rheobaseLow() / scale),
                    num(sweep.rheobaseHigh() / scale), vary.displayUnit());
        }
        XYChart chart = Charts.chart(560, title, vary.axisTitle(), "rate (Hz)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[] x = new double[vary.count()];
        for (int k = 0; k < x.length; k++) x[k] = vary.value(k) / scale;
        List<String> pops = sweep.populations();
        for (int p = 0; p < pops.size(); p++) {
            double[] y = new double[x.length];
            for (int k = 0; k < x.length; k++) y[k] = sweep.stats(k, p).isiRateHz();
            Color color = Charts.PALETTE[p % Charts.PALETTE.length];
            XYSeries s = chart.addSeries(pops.get(p) + ": measured, 1 / mean ISI", x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
            s.setLineColor(color);
            s.setLineStyle(new BasicStroke(0.8f));
        }
        AnalyticFi model = sweep.analytic();
        if (model != null) {
            int n = 600;
            double[] ax = new double[n];
            double[] ay = new double[n];
            for (int i = 0; i < n; i++) {
                double si = vary.from() + (vary.to() - vary.from()) * i / (n - 1);
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
        chart.getStyler().setYAxisMin(0.0);
        return Charts.image(chart);
    }

    static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
