package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two panels side by side: the gain |v| / |I| and the lag of v behind I against the drive's
 * frequency (log axis), measured (dots) beside the RC low-pass of the membrane (dashed line,
 * {@link RcLowPass}). traces.png draws them for a run with several sine frequencies, sweep.png for
 * a sweep over a sine's frequency.
 */
public final class LowPassPanels {
    private static final int HEIGHT = 300;

    private LowPassPanels() {}

    /**
     * @param f frequencies (Hz), ascending
     * @param gain measured gain in ohm (NaN where nothing was fitted: left out)
     * @param lag measured lag in degrees (NaN likewise)
     * @param model the membrane's low-pass, or null when the neurons differ
     */
    public static BufferedImage draw(double[] f, double[] gain, double[] lag, RcLowPass model) {
        Panel g = Charts.chart(Charts.WIDTH / 2, HEIGHT, "gain |v| / |I| against frequency", "f (Hz)", "gain (Mohm = mV/nA)");
        Panel l = Charts.chart(Charts.WIDTH / 2, HEIGHT, "lag of v behind I against frequency", "f (Hz)", "lag (deg)");
        for (Panel p : List.of(g, l)) {
            p.getStyler().setXAxisLogarithmic(true);
            p.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        }
        double[] mohm = new double[gain.length];
        for (int k = 0; k < gain.length; k++) mohm[k] = gain[k] / 1e6;
        dots(g, f, mohm);
        dots(l, f, lag);
        double maxLag = max(lag);
        double minGain = min(mohm);
        if (model != null) {
            int n = 200;
            double lo = Math.log10(f[0] / 2);
            double hi = Math.log10(f[f.length - 1] * 2);
            double[] x = new double[n];
            double[] gy = new double[n];
            double[] ly = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = Math.pow(10, lo + (hi - lo) * k / (n - 1));
                gy[k] = model.gain(x[k]) / 1e6;
                ly[k] = model.lagDegrees(x[k]);
            }
            Charts.line(g, "RC low-pass, R / sqrt(1 + (2 pi f tau_m)^2) for small dt", x, gy, Charts.THRESHOLD).setLineStyle(dashed());
            Charts.line(l, "RC low-pass, atan(2 pi f tau_m) + 180 f dt deg", x, ly, Charts.THRESHOLD).setLineStyle(dashed());
            maxLag = Double.isNaN(maxLag) ? max(ly) : Math.max(maxLag, max(ly));
            minGain = Double.isNaN(minGain) ? min(gy) : Math.min(minGain, min(gy));
        }
        // over two decades of frequency or more the gain falls by decades: a log axis, as in a Bode plot;
        // over fewer (a run's few sines) a linear one from 0, which keeps its tick labels
        if (minGain > 0 && f[f.length - 1] / f[0] >= 100) g.getStyler().setYAxisLogarithmic(true);
        else g.getStyler().setYAxisMin(0.0);
        l.getStyler().setYAxisMin(0.0);
        // the lag passes 90 deg at high frequency: holding the current over a step adds 180 f dt
        l.getStyler().setYAxisMax(maxLag > 90 ? Math.ceil(maxLag / 15) * 15 : 90.0);
        return Charts.row(List.of(Charts.aligned(List.of(g), Charts.WIDTH / 2), Charts.aligned(List.of(l), Charts.WIDTH / 2)));
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** The measured points, those that were fitted. */
    private static void dots(Panel p, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            if (Double.isNaN(y[k])) continue;
            xs.add(x[k]);
            ys.add(y[k]);
        }
        if (xs.isEmpty()) return;
        XYSeries s = p.addSeries("measured", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Charts.VOLTAGE);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
    }
}
