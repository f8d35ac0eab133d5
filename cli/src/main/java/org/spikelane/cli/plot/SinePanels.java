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
                + SineWindow.CYCLES + " cycles")));
        parts.add(Charts.aligned(panels, Charts.WIDTH));
        long frequencies = responses.stream().mapToDouble(Response::frequency).distinct().count();
        if (frequencies >= 3) parts.add(lowPass(responses));
        return Charts.stack(parts);
    }

    static int[] windowOf(Simulation sim, TraceSelection.Traced t, InputLabels.Sine sine, long firstStep, long endStep) {
        LifPopulation lif = TracesPlot.physical(sim, t.population());
        return SineWindow.of(t.recorder(), lif != null ? lif.parameters().tauM(t.neuron()) : 0, sine, sim.dt(), firstStep, endStep);
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

    /** Gain |v| / |I| and lag against frequency beside the RC low-pass, when every neuron has the same one. */
    private static BufferedImage lowPass(List<Response> responses) {
        List<Response> sorted = new ArrayList<>(responses);
        sorted.sort(java.util.Comparator.comparingDouble(Response::frequency));
        double[] f = sorted.stream().mapToDouble(Response::frequency).toArray();
        double[] gain = sorted.stream().mapToDouble(r -> r.v().amplitude() / r.i().amplitude()).toArray();
        double[] lag = sorted.stream().mapToDouble(Response::lagDegrees).toArray();
        Response first = sorted.get(0);
        boolean one = first.model() != null && sorted.stream().allMatch(r -> first.model().equals(r.model()));
        return LowPassPanels.draw(f, gain, lag, one ? first.model() : null);
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
