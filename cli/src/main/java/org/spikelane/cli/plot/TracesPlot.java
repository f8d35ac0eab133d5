package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.StateRecorder;
import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/**
 * {@code traces.png}: a line saying which recorded neurons are shown and why
 * ({@link TraceSelection}); the whole run of each (v with its threshold dashed, then I and any
 * other recorded variable) with the input events marked; then short windows around the events,
 * or around first spikes ({@link ZoomWindows}); then, for neurons driven below threshold by a
 * sine, v and I on twin axes over a few cycles with the phase lag ({@link SinePanels}).
 */
public final class TracesPlot {
    /** Decimated points per panel: min and max per bucket keep spikes visible. */
    static final int POINTS = 1500;
    static final Color EVENT = new Color(230, 120, 0);

    private TracesPlot() {}

    /** Whether any recorder holds samples (otherwise there is nothing to draw). */
    public static boolean hasTraces(Simulation sim) {
        return sim.stateRecorders().stream().anyMatch(r -> r.samples() > 0);
    }

    /** With input labels only (no events, no groups). */
    public static BufferedImage draw(Simulation sim, long firstStep, long endStep, InputLabels inputs) {
        return draw(sim, firstStep, endStep, new PlotContext(inputs, org.spikelane.cli.scenario.InputEvents.none(),
                org.spikelane.cli.scenario.NeuronGroups.none()));
    }

    /** @param firstStep where the run started: 0, or the step of the checkpoint it resumed from */
    public static BufferedImage draw(Simulation sim, long firstStep, long endStep, PlotContext ctx) {
        double dt = sim.dt();
        double start = firstStep * dt;
        double end = endStep * dt;
        List<EventHits.Hit> hits = EventHits.of(sim, ctx.events());
        TraceSelection sel = TraceSelection.of(sim, hits, ctx);
        List<String> header = new ArrayList<>(sel.why());
        String events = eventLine(hits, TimeScale.of(end - start), firstStep, endStep);
        if (!events.isEmpty()) header.add(events);
        List<BufferedImage> parts = new ArrayList<>();
        parts.add(Charts.text(Charts.WIDTH, false, header));
        parts.add(Charts.text(Charts.WIDTH, true, List.of("Whole run")));
        parts.add(overview(sim, sel, hits, ctx, start, end));
        BufferedImage zoom = ZoomWindows.draw(sim, sel, hits, ctx, firstStep, endStep);
        if (zoom != null) parts.add(zoom);
        BufferedImage sine = SinePanels.draw(sim, sel, ctx, firstStep, endStep);
        if (sine != null) parts.add(sine);
        return Charts.stack(parts);
    }

    /** "Dashed orange lines: input events (pulse 10 nA at 500, 1000, 1500, 2000 ms; ...)". */
    private static String eventLine(List<EventHits.Hit> hits, TimeScale ts, long firstStep, long endStep) {
        java.util.Map<String, List<String>> byLabel = new java.util.LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        for (EventHits.Hit h : hits) {
            long step = h.event().step();
            if (step < firstStep || step >= endStep) continue;
            byLabel.computeIfAbsent(h.event().label(), k -> new ArrayList<>()).add(Charts.number(ts.at(h.time())));
            if (h.event().random() && h.neurons().isEmpty()) missed.add(Charts.number(ts.at(h.time())));
        }
        if (byLabel.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        byLabel.forEach((label, times) -> parts.add(label + " at " + shortList(times) + " " + ts.unit()));
        String line = "Dashed orange lines: input events (" + String.join("; ", parts) + ")";
        if (hits.stream().anyMatch(h -> h.found())) line += "; random pulse targets found where the recorded I jumps";
        if (!missed.isEmpty()) line += "; the pulses at " + shortList(missed) + " " + ts.unit() + " hit no recorded neuron";
        return line + ".";
    }

    static String shortList(List<String> items) {
        if (items.size() <= 6) return String.join(", ", items);
        return String.join(", ", items.subList(0, 5)) + ", ... (" + items.size() + " in all)";
    }

    /** Every shown neuron over the whole run, panels aligned, input events marked. */
    private static BufferedImage overview(Simulation sim, TraceSelection sel, List<EventHits.Hit> hits, PlotContext ctx,
                                          double start, double end) {
        TimeScale ts = TimeScale.of(end - start);
        List<Panel> panels = new ArrayList<>();
        boolean compact = sel.shown().size() > 3;
        for (int i = 0; i < sel.shown().size(); i++) {
            TraceSelection.Traced t = sel.shown().get(i);
            StateRecorder r = t.recorder();
            double[] time = times(r, ts);
            List<Variable> vars = ordered(r);
            String drive = driveText(t, hits, ctx, ts);
            String title = ctx.neuronTitle(t.population(), t.neuron()) + (drive.isEmpty() ? "" : ": " + drive);
            for (int k = 0; k < vars.size(); k++) {
                boolean bottom = i == sel.shown().size() - 1 && k == vars.size() - 1;
                Variable v = vars.get(k);
                Panel p = v.name().equals("v")
                        ? voltage(sim, r, t.neuron(), time, k == 0 ? title : "", compact ? 200 : 250, Charts.WIDTH)
                        : other(r, v, t.neuron(), time, k == 0 ? title : "", compact ? 120 : 150, Charts.WIDTH, k);
                markEvents(p, hits, t, ts, true);
                axis(p, ts, ts.at(start), ts.at(end), bottom);
                panels.add(p);
            }
        }
        return Charts.aligned(panels, Charts.WIDTH);
    }

    /** "bias 20 nA + pulse 10 nA at 500 ms", the neuron's own inputs and the events that reached it. */
    static String driveText(TraceSelection.Traced t, List<EventHits.Hit> hits, PlotContext ctx, TimeScale ts) {
        String text = ctx.inputs().of(t.population(), t.neuron());
        java.util.Map<String, List<String>> random = new java.util.LinkedHashMap<>();
        for (EventHits.Hit h : hits) {
            if (h.event().random() && h.population() != null && h.hits(t.population(), t.neuron())) {
                random.computeIfAbsent(h.event().label(), k -> new ArrayList<>()).add(Charts.number(ts.at(h.time())));
            }
        }
        for (var e : random.entrySet()) {
            text += (text.isEmpty() ? "" : " + ") + e.getKey() + " at " + shortList(e.getValue()) + " " + ts.unit();
        }
        return text.isEmpty() ? "no external input" : text;
    }

    static double[] times(StateRecorder r, TimeScale ts) {
        double[] t = new double[r.samples()];
        for (int s = 0; s < t.length; s++) t[s] = ts.at(r.time(s));
        return t;
    }

    /** v first, the rest (I, g, ...) underneath in the order recorded. */
    static List<Variable> ordered(StateRecorder r) {
        List<Variable> vars = new ArrayList<>(r.variables());
        vars.sort((a, b) -> Boolean.compare(!a.name().equals("v"), !b.name().equals("v")));
        return vars;
    }

    static void axis(Panel p, TimeScale ts, double from, double to, boolean bottom) {
        Charts.timeAxis(p, from, to);
        p.getStyler().setXAxisTicksVisible(bottom);
        p.setXAxisTitle(bottom ? ts.axisTitle() : "");
    }

    /** A dashed line at each event acting on {@code t} (and at each spike of a generator). */
    static void markEvents(Panel p, List<EventHits.Hit> hits, TraceSelection.Traced t, TimeScale ts, boolean legend) {
        if (hits.size() > 40) return; // a texture of lines hides the trace
        Double lo = p.getStyler().getYAxisMin();
        Double hi = p.getStyler().getYAxisMax();
        if (lo == null || hi == null) return;
        boolean first = true;
        for (EventHits.Hit h : hits) {
            if (!h.hits(t.population(), t.neuron())) continue;
            var s = Charts.mark(p, "input event", ts.at(h.time()), lo, hi, EVENT);
            s.setShowInLegend(first && legend);
            first = false;
        }
    }

    /** v with the threshold dashed (or named in the title when far off scale). */
    static Panel voltage(Simulation sim, StateRecorder r, int neuron, double[] t, String title, int height, int width) {
        // raw Loihi v is a dimensionless integer: only a v in volts is shown in mV
        Unit u = r.variables().stream().filter(x -> x.name().equals("v")).findFirst().map(Unit::of).orElse(new Unit(1e3, "mV"));
        Panel chart = Charts.chart(width, height, title, "", u.axis("v"));
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace("v", neuron), u.scale()), POINTS);
        Charts.line(chart, "v", xy[0], xy[1], Charts.VOLTAGE);
        Charts.yRange(chart, xy[1], xy[1].length > 0 ? xy[1][0] : 0, 0.5);
        threshold(sim, chart, r, neuron, xy, t, title);
        return chart;
    }

    /**
     * The LIF population {@code name} if it has physical parameters (a v in volts, a threshold, tau_m),
     * or null: raw Loihi integers have none, and a spike generator is no LIF.
     */
    static LifPopulation physical(Simulation sim, String name) {
        return sim.population(name) instanceof LifPopulation lif && lif.variable("v").dimension() == Dimension.VOLTAGE ? lif : null;
    }

    static void threshold(Simulation sim, Panel chart, StateRecorder r, int neuron, double[][] xy, double[] t, String title) {
        LifPopulation lif = physical(sim, r.population());
        if (lif == null) return;
        double th = lif.parameters().get(LifModel.V_THRESHOLD, neuron) * 1e3;
        double lo = java.util.Arrays.stream(xy[1]).min().orElse(th);
        double hi = java.util.Arrays.stream(xy[1]).max().orElse(th);
        // a threshold raised far away to keep the neuron linear (Neuronal Dynamics 1.4) would squash the trace
        if (th <= hi + Math.max(hi - lo, 5)) {
            var s = Charts.line(chart, "threshold", new double[] {t[0], t[t.length - 1]}, new double[] {th, th}, Charts.THRESHOLD);
            s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            Charts.yRange(chart, xy[1], th, 0.5);
        } else if (!title.isEmpty()) {
            chart.setTitle(title + "  (threshold " + Charts.number(th) + " mV, off scale)");
        }
    }

    /** A panel for I, g, I_syn, ...: scaled to nA, nS or mV by its dimension. */
    static Panel other(StateRecorder r, Variable v, int neuron, double[] t, String title, int height, int width, int index) {
        Unit u = Unit.of(v);
        Panel chart = Charts.chart(width, height + (title.isEmpty() ? 0 : 30), title, "", u.axis(v.name()));
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace(v.name(), neuron), u.scale()), POINTS);
        Color color = v.name().equals("I") ? Charts.CURRENT : Charts.PALETTE[(index + 1) % Charts.PALETTE.length];
        Charts.line(chart, v.name(), xy[0], xy[1], color);
        Charts.yRange(chart, xy[1], 0, 0.1);
        return chart;
    }

    /** The plotting unit of a recorded variable. */
    record Unit(double scale, String name) {
        static Unit of(Variable v) {
            return switch (v.dimension()) {
                case CURRENT -> new Unit(1e9, "nA");
                case CONDUCTANCE -> new Unit(1e9, "nS");
                case VOLTAGE -> new Unit(1e3, "mV");
                default -> new Unit(1, v.dimension() == Dimension.DIMENSIONLESS ? "" : v.dimension().siUnit());
            };
        }

        String axis(String variable) {
            return variable + (name.isEmpty() ? "" : " (" + name + ")");
        }
    }
}
