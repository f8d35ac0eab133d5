package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.StateRecorder;

/**
 * The sine part of traces.png, for neurons driven below threshold by one sine current (Neuronal
 * Dynamics' exercise 1.4): v and I overlaid on twin axes over the last few whole cycles of the
 * drive, with the phase lag of v behind I fitted at the drive's frequency; and, when the run
 * drives neurons at three or more frequencies, gain and lag against frequency beside the RC
 * low-pass they follow ({@link RcLowPass}).
 */
final class SinePanels {
    /** Whole cycles shown and fitted (fewer when the drive is shorter). */
    static final int CYCLES = 3;
    /** Time constants left out at the start of the drive, for the transient to decay. */
    private static final double SETTLE_TAUS = 5;

    /** The fit of one neuron: frequency (Hz), v and I amplitudes (SI), lag in degrees, and the RC prediction if known. */
    record Response(TraceSelection.Traced neuron, double frequency, SineFit v, SineFit i, double lagDegrees, RcLowPass model) {}

    private SinePanels() {}

    static BufferedImage draw(Simulation sim, TraceSelection sel, PlotContext ctx, long firstStep, long endStep) {
        List<BufferedImage> parts = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        List<Panel> panels = new ArrayList<>();
        for (TraceSelection.Traced t : sel.shown()) {
            InputLabels.Sine sine = ctx.inputs().sine(t.population(), t.neuron());
            if (sine == null || spiked(sim, t) || !has(t.recorder(), "I") || !has(t.recorder(), "v")) continue;
            Response r = fit(sim, t, sine, firstStep, endStep);
            if (r == null) continue;
            responses.add(r);
            panels.add(twin(t, r, ctx, windowOf(sim, t, sine, firstStep, endStep)));
        }
        if (panels.isEmpty()) return null;
        parts.add(Charts.text(Charts.WIDTH, true, List.of("Sine drive below threshold: v (left axis) and I (right axis) over the last "
                + CYCLES + " cycles")));
        parts.add(Charts.aligned(panels, Charts.WIDTH));
        long frequencies = responses.stream().mapToDouble(Response::frequency).distinct().count();
        if (frequencies >= 3) parts.add(lowPass(responses));
        return Charts.stack(parts);
    }

    /**
     * Samples {@code [from, to)} of the last whole cycles of the drive, at most {@link #CYCLES},
     * after {@link #SETTLE_TAUS} membrane time constants; null if not one whole cycle fits.
     */
    static int[] windowOf(Simulation sim, TraceSelection.Traced t, InputLabels.Sine sine, long firstStep, long endStep) {
        StateRecorder r = t.recorder();
        LifPopulation lif = TracesPlot.physical(sim, t.population());
        double tau = lif != null ? lif.parameters().tauM(t.neuron()) : 0;
        double stop = Math.min(sine.stop(), endStep * sim.dt());
        double begin = Math.max(sine.start(), firstStep * sim.dt()) + SETTLE_TAUS * tau;
        double period = 1 / sine.frequency();
        int cycles = (int) Math.min(CYCLES, Math.floor((stop - begin) / period));
        if (cycles < 1) return null;
        double from = stop - cycles * period;
        int a = 0;
        while (a < r.samples() && r.time(a) < from - 1e-12) a++;
        int b = a;
        while (b < r.samples() && r.time(b) < stop - 1e-12) b++;
        return b - a >= 8 ? new int[] {a, b} : null;
    }

    static Response fit(Simulation sim, TraceSelection.Traced t, InputLabels.Sine sine, long firstStep, long endStep) {
        int[] w = windowOf(sim, t, sine, firstStep, endStep);
        if (w == null) return null;
        StateRecorder r = t.recorder();
        double[] time = new double[r.samples()];
        for (int s = 0; s < time.length; s++) time[s] = r.time(s);
        SineFit v = SineFit.of(time, r.trace("v", t.neuron()), w[0], w[1], sine.frequency());
        SineFit i = SineFit.of(time, r.trace("I", t.neuron()), w[0], w[1], sine.frequency());
        LifPopulation lif = TracesPlot.physical(sim, t.population());
        RcLowPass model = lif == null ? null : new RcLowPass(lif.parameters().resistance(t.neuron()), lif.parameters().tauM(t.neuron()), sim.dt());
        return new Response(t, sine.frequency(), v, i, i.lagDegrees(v), model);
    }

    private static Panel twin(TraceSelection.Traced t, Response r, PlotContext ctx, int[] w) {
        StateRecorder rec = t.recorder();
        TimeScale ts = TimeScale.MS;
        double[] time = new double[w[1] - w[0]];
        double[] v = new double[time.length];
        double[] i = new double[time.length];
        double[] vAll = rec.trace("v", t.neuron());
        double[] iAll = rec.trace("I", t.neuron());
        for (int s = w[0]; s < w[1]; s++) {
            time[s - w[0]] = ts.at(rec.time(s));
            v[s - w[0]] = vAll[s] * 1e3;
            i[s - w[0]] = iAll[s] * 1e9;
        }
        String title = ctx.neuronTitle(t.population(), t.neuron()) + ": " + ctx.inputs().of(t.population(), t.neuron())
                + String.format(java.util.Locale.ROOT, "; v lags I by %.1f deg (%.3f ms)", r.lagDegrees(), r.lagDegrees() / 360 / r.frequency() * 1e3);
        Panel p = Charts.chart(Charts.WIDTH, 240, title, ts.axisTitle(), "v (mV)");
        Charts.line(p, "v (left)", time, v, Charts.VOLTAGE);
        XYSeries current = Charts.line(p, "I (right)", time, i, Charts.CURRENT);
        current.setYAxisGroup(1);
        p.setYAxisGroupTitle(1, "I (nA)");
        p.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        p.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        p.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        Charts.timeAxis(p, time[0], time[time.length - 1]);
        return p;
    }

    /** Gain |v| / |I| and lag against frequency, measured (dots) and the RC low-pass (line). */
    private static BufferedImage lowPass(List<Response> responses) {
        List<Response> sorted = new ArrayList<>(responses);
        sorted.sort(java.util.Comparator.comparingDouble(Response::frequency));
        double[] f = sorted.stream().mapToDouble(Response::frequency).toArray();
        double[] gain = sorted.stream().mapToDouble(r -> r.v().amplitude() / r.i().amplitude() / 1e6).toArray();
        double[] lag = sorted.stream().mapToDouble(Response::lagDegrees).toArray();
        Panel g = Charts.chart(Charts.WIDTH / 2, 300, "gain |v| / |I| against frequency", "f (Hz)", "gain (Mohm)");
        Panel l = Charts.chart(Charts.WIDTH / 2, 300, "lag of v behind I against frequency", "f (Hz)", "lag (deg)");
        for (Panel p : List.of(g, l)) {
            p.getStyler().setXAxisLogarithmic(true);
            p.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        }
        dots(g, "measured", f, gain);
        dots(l, "measured", f, lag);
        Response first = sorted.get(0);
        if (first.model() != null && sorted.stream().allMatch(r -> first.model().equals(r.model()))) {
            RcLowPass m = first.model();
            int n = 200;
            double lo = Math.log10(f[0] / 2);
            double hi = Math.log10(f[f.length - 1] * 2);
            double[] x = new double[n];
            double[] gy = new double[n];
            double[] ly = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = Math.pow(10, lo + (hi - lo) * k / (n - 1));
                gy[k] = m.gain(x[k]) / 1e6;
                ly[k] = m.lagDegrees(x[k]);
            }
            Charts.line(g, "RC low-pass, R / sqrt(1 + (2 pi f tau_m)^2) for small dt", x, gy, Charts.THRESHOLD)
                    .setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            Charts.line(l, "RC low-pass, atan(2 pi f tau_m) + 180 f dt deg", x, ly, Charts.THRESHOLD)
                    .setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        g.getStyler().setYAxisMin(0.0);
        l.getStyler().setYAxisMin(0.0);
        l.getStyler().setYAxisMax(90.0);
        return Charts.row(List.of(Charts.aligned(List.of(g), Charts.WIDTH / 2), Charts.aligned(List.of(l), Charts.WIDTH / 2)));
    }

    private static void dots(Panel p, String name, double[] x, double[] y) {
        XYSeries s = p.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Charts.VOLTAGE);
    }

    private static boolean has(StateRecorder r, String variable) {
        return r.variables().stream().anyMatch(v -> v.name().equals(variable));
    }

    private static boolean spiked(Simulation sim, TraceSelection.Traced t) {
        var spikes = sim.spikes();
        for (int row = 0; row < spikes.count(); row++) {
            if (spikes.neuron(row) == t.neuron() && spikes.populationName(row).equals(t.population())) return true;
        }
        return false;
    }
}
