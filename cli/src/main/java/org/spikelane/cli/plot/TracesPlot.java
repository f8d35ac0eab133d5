package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.StateRecorder;
import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/**
 * {@code traces.png}: for each recorded neuron, the membrane potential with its threshold (dashed)
 * and, underneath, the input current and any other recorded variable (conductances, synaptic
 * currents), as in the Neuronal Dynamics exercise figures.
 */
public final class TracesPlot {
    /** More panels than this make an unreadably tall image; the rest are in state.csv. */
    public static final int MAX_NEURONS = 10;
    private static final int POINTS = 1500;

    private TracesPlot() {}

    /** Whether any recorder holds samples (otherwise there is nothing to draw). */
    public static boolean hasTraces(Simulation sim) {
        return sim.stateRecorders().stream().anyMatch(r -> r.samples() > 0);
    }

    /** @param firstStep where the run started: 0, or the step of the checkpoint it resumed from */
    public static BufferedImage draw(Simulation sim, long firstStep, long steps, InputLabels inputs) {
        double durationMs = steps * sim.dt() * 1e3;
        double startMs = firstStep * sim.dt() * 1e3;
        List<BufferedImage> parts = new ArrayList<>();
        int shown = 0;
        int total = sim.stateRecorders().stream().mapToInt(r -> r.neurons().length).sum();
        for (StateRecorder r : sim.stateRecorders()) {
            if (r.samples() == 0) continue;
            double[] t = new double[r.samples()];
            for (int s = 0; s < t.length; s++) t[s] = r.time(s) * 1e3;
            List<Variable> vars = new ArrayList<>(r.variables());
            // v first, the rest (I, g, ...) underneath in the order recorded
            vars.sort((a, b) -> Boolean.compare(!a.name().equals("v"), !b.name().equals("v")));
            for (int neuron : r.neurons()) {
                if (shown == MAX_NEURONS) break;
                shown++;
                String driven = inputs.of(r.population(), neuron);
                String title = r.population() + " neuron " + neuron + (driven.isEmpty() ? "" : ": " + driven)
                        + (shown == MAX_NEURONS && total > MAX_NEURONS ? "  (first " + MAX_NEURONS + " of " + total + " recorded neurons shown)" : "");
                for (int k = 0; k < vars.size(); k++) {
                    Variable v = vars.get(k);
                    boolean last = k == vars.size() - 1;
                    String panelTitle = k == 0 ? title : "";
                    parts.add(v.name().equals("v")
                            ? voltage(sim, r, neuron, t, panelTitle, last, startMs, durationMs)
                            : other(r, v, neuron, t, panelTitle, last, startMs, durationMs, k));
                }
            }
        }
        return Charts.stack(parts);
    }

    private static BufferedImage voltage(Simulation sim, StateRecorder r, int neuron, double[] t, String title, boolean timeAxis,
                                          double startMs, double durationMs) {
        XYChart chart = Charts.chart(280, title, timeAxis ? "t (ms)" : "", "v (mV)");
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace("v", neuron), 1e3), POINTS);
        Charts.line(chart, "v", xy[0], xy[1], Charts.VOLTAGE);
        // a threshold in volts only fits a v in volts (raw Loihi integers have none)
        if (sim.population(r.population()) instanceof LifPopulation lif && lif.variable("v").dimension() == Dimension.VOLTAGE) {
            double th = lif.parameters().get(LifModel.V_THRESHOLD, neuron) * 1e3;
            double lo = java.util.Arrays.stream(xy[1]).min().orElse(th);
            double hi = java.util.Arrays.stream(xy[1]).max().orElse(th);
            // a threshold raised far away to keep the neuron linear (Neuronal Dynamics 1.4) would squash the trace
            boolean onScale = th <= hi + Math.max(hi - lo, 5);
            if (onScale) {
                XYSeries s = Charts.line(chart, "threshold", new double[] {startMs, durationMs}, new double[] {th, th}, Charts.THRESHOLD);
                s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                Charts.yRange(chart, xy[1], th, 0.5);
            } else {
                chart.setTitle(title + "  (threshold " + Charts.number(th) + " mV, off scale)");
                Charts.yRange(chart, xy[1], xy.length > 0 && xy[1].length > 0 ? xy[1][0] : th, 0.5);
            }
        }
        Charts.timeAxis(chart, startMs, durationMs);
        chart.getStyler().setXAxisTicksVisible(timeAxis);
        return Charts.image(chart);
    }

    /** A panel for I, g, I_syn, ...: scaled to nA, nS or mV by its dimension. */
    private static BufferedImage other(StateRecorder r, Variable v, int neuron, double[] t, String title, boolean timeAxis,
                                       double startMs, double durationMs, int index) {
        double scale;
        String unit;
        switch (v.dimension()) {
            case CURRENT -> { scale = 1e9; unit = "nA"; }
            case CONDUCTANCE -> { scale = 1e9; unit = "nS"; }
            case VOLTAGE -> { scale = 1e3; unit = "mV"; }
            default -> { scale = 1; unit = v.dimension() == Dimension.DIMENSIONLESS ? "" : v.dimension().siUnit(); }
        }
        String label = v.name().equals("I") ? "input current" : v.name();
        XYChart chart = Charts.chart(title.isEmpty() ? (timeAxis ? 190 : 160) : 230, title, timeAxis ? "t (ms)" : "",
                v.name() + (unit.isEmpty() ? "" : " (" + unit + ")"));
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace(v.name(), neuron), scale), POINTS);
        Color color = v.name().equals("I") ? Charts.CURRENT : Charts.PALETTE[(index + 1) % Charts.PALETTE.length];
        Charts.line(chart, label, xy[0], xy[1], color);
        Charts.yRange(chart, xy[1], 0, 0.1);
        Charts.timeAxis(chart, startMs, durationMs);
        chart.getStyler().setXAxisTicksVisible(timeAxis);
        return Charts.image(chart);
    }
}
