package org.spikelane.cli.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.Styler;
import org.spikelane.Simulation;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.record.StateRecorder;
import org.spikelane.record.Variable;

/**
 * The zoomed part of traces.png: side by side, short windows around the input events (the
 * neurons each acts on, overlaid), then around the first spike of each shown neuron that no
 * window shows yet, so that what a pulse or a step does is visible in a run whose whole is a solid band.
 */
final class ZoomWindows {
    static final int MAX_WINDOWS = 4;
    private static final double MIN_WIDTH = 10e-3;
    private static final double MAX_WIDTH = 100e-3;

    /** A window: {@code from} to {@code to} seconds, around {@code at}, over {@code neurons}. */
    record Window(double at, double from, double to, String title, List<TraceSelection.Traced> neurons) {}

    private ZoomWindows() {}

    /** The zoom row, or null when the run is too short for windows to show more than the whole. */
    static BufferedImage draw(Simulation sim, TraceSelection sel, List<EventHits.Hit> hits, PlotContext ctx, long firstStep, long endStep) {
        double start = firstStep * sim.dt();
        double end = endStep * sim.dt();
        double width = width(sim, sel, end - start);
        if (width > (end - start) / 3) return null;
        List<Window> windows = windows(sim, sel, hits, ctx, start, end, width);
        if (windows.isEmpty()) return null;
        TimeScale ts = TimeScale.MS;
        int columnWidth = Charts.WIDTH / windows.size();
        List<BufferedImage> columns = new ArrayList<>();
        for (Window w : windows) columns.add(column(sim, w, hits, ts, columnWidth, ctx));
        boolean spikes = windows.stream().anyMatch(w -> w.title.contains(": first spike"));
        boolean events = windows.stream().anyMatch(w -> !w.title.contains(": first spike"));
        String what = events && spikes ? "the input events and first spikes" : events ? "the input events" : "first spikes";
        return Charts.stack(List.of(
                Charts.text(Charts.WIDTH, true, List.of("Zoomed: " + Charts.number(width * 1e3) + " ms around " + what)),
                Charts.row(columns)));
    }

    /** A twentieth of the run, at least 4 membrane time constants, within 10-100 ms. */
    private static double width(Simulation sim, TraceSelection sel, double run) {
        double tau = 0;
        for (TraceSelection.Traced t : sel.shown()) {
            LifPopulation lif = TracesPlot.physical(sim, t.population());
            if (lif != null) tau = Math.max(tau, lif.parameters().tauM(t.neuron()));
        }
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.max(run / 20, 4 * tau)));
    }

    private static List<Window> windows(Simulation sim, TraceSelection sel, List<EventHits.Hit> hits, PlotContext ctx,
                                        double start, double end, double width) {
        // events at the same step share a window
        Map<Long, List<EventHits.Hit>> byStep = new LinkedHashMap<>();
        for (EventHits.Hit h : hits) byStep.computeIfAbsent(h.event().step(), k -> new ArrayList<>()).add(h);
        List<Window> out = new ArrayList<>();
        TimeScale ts = TimeScale.MS;
        for (List<EventHits.Hit> same : byStep.values()) {
            if (out.size() == MAX_WINDOWS) break;
            List<TraceSelection.Traced> neurons = new ArrayList<>();
            for (TraceSelection.Traced t : sel.shown()) {
                if (same.stream().anyMatch(h -> h.hits(t.population(), t.neuron())) && neurons.size() < 3) neurons.add(t);
            }
            if (neurons.isEmpty()) continue;
            double at = same.get(0).time();
            List<String> labels = same.stream().map(h -> h.event().label()).distinct().toList();
            String who = neurons.size() == 1 ? ctx.neuronShort(neurons.get(0).population(), neurons.get(0).neuron()) + ": " : "";
            out.add(window(at, who + String.join(", ", labels) + ", " + ts.text(at), neurons, start, end, width));
        }
        // then each shown neuron's first spike that no window shows yet
        SpikeRecorder spikes = sim.spikes();
        for (TraceSelection.Traced t : sel.shown()) {
            if (out.size() == MAX_WINDOWS) break;
            for (int row = 0; row < spikes.count(); row++) {
                if (spikes.neuron(row) == t.neuron() && spikes.populationName(row).equals(t.population())) {
                    double at = spikes.time(row);
                    if (at >= start && out.stream().noneMatch(w -> at >= w.from && at <= w.to)) {
                        out.add(window(at, ctx.neuronShort(t.population(), t.neuron()) + ": first spike, " + ts.text(at),
                                List.of(t), start, end, width));
                    }
                    break;
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Window::at));
        return out;
    }

    private static Window window(double at, String title, List<TraceSelection.Traced> neurons, double start, double end, double width) {
        double from = Math.max(start, at - width / 4);
        double to = Math.min(end, from + width);
        return new Window(at, Math.max(start, to - width), to, title, neurons);
    }

    /** v of the window's neurons overlaid, then each other variable, sharing the window's time axis. */
    private static BufferedImage column(Simulation sim, Window w, List<EventHits.Hit> hits, TimeScale ts, int width, PlotContext ctx) {
        List<Panel> panels = new ArrayList<>();
        StateRecorder first = w.neurons.get(0).recorder();
        List<Variable> vars = TracesPlot.ordered(first);
        for (int k = 0; k < vars.size(); k++) {
            Variable v = vars.get(k);
            TracesPlot.Unit u = TracesPlot.Unit.of(v);
            Panel p = Charts.chart(width, k == 0 ? 200 : 140, "", "", u.axis(v.name()));
            // one neuron is named in the title; several get a legend under the first panel
            p.getStyler().setLegendVisible(k == 0 && w.neurons.size() > 1);
            p.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            p.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < w.neurons.size(); i++) {
                TraceSelection.Traced t = w.neurons.get(i);
                if (t.recorder().variables().stream().noneMatch(x -> x.name().equals(v.name()))) continue;
                double[][] xy = slice(t.recorder(), v.name(), t.neuron(), w, ts, u.scale());
                Color color = w.neurons.size() > 1 ? Charts.PALETTE[i % Charts.PALETTE.length]
                        : v.name().equals("v") ? Charts.VOLTAGE : v.name().equals("I") ? Charts.CURRENT : Charts.PALETTE[(k + 1) % Charts.PALETTE.length];
                Charts.line(p, ctx.neuronShort(t.population(), t.neuron()), xy[0], xy[1], color);
                for (double y : xy[1]) all.add(y);
            }
            double[] ys = all.stream().mapToDouble(Double::doubleValue).toArray();
            Charts.yRange(p, ys, ys.length > 0 ? ys[0] : 0, v.name().equals("v") ? 0.5 : 0.1);
            if (v.name().equals("v") && w.neurons.size() == 1) {
                double[][] xy = slice(first, "v", w.neurons.get(0).neuron(), w, ts, 1e3);
                if (xy[0].length > 1) TracesPlot.threshold(sim, p, first, w.neurons.get(0).neuron(), xy, xy[0], "");
            }
            TracesPlot.markEvents(p, hits, w.neurons.get(0), ts, false); // the heading names the events
            TracesPlot.axis(p, ts, ts.at(w.from), ts.at(w.to), k == vars.size() - 1);
            panels.add(p);
        }
        // the title on two lines above the panels: a chart title of a narrow column is cut off
        int colon = w.title.indexOf(": ");
        int comma = w.title.lastIndexOf(", ");
        List<String> head = colon >= 0 ? List.of(w.title.substring(0, colon), w.title.substring(colon + 2))
                : comma >= 0 ? List.of(w.title.substring(0, comma), "at " + w.title.substring(comma + 2)) : List.of(w.title);
        return Charts.stack(List.of(Charts.text(width, false, head), Charts.aligned(panels, width)));
    }

    private static double[][] slice(StateRecorder r, String variable, int neuron, Window w, TimeScale ts, double scale) {
        double[] all = r.trace(variable, neuron);
        List<double[]> pts = new ArrayList<>();
        for (int s = 0; s < r.samples(); s++) {
            double t = r.time(s);
            if (t >= w.from && t <= w.to) pts.add(new double[] {ts.at(t), all[s] * scale});
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[0][i] = pts.get(i)[0]; xy[1][i] = pts.get(i)[1]; }
        return Decimate.minMax(xy[0], xy[1], TracesPlot.POINTS);
    }
}
