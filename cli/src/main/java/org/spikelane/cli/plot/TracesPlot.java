package org.spikelane.cli.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.spikelane.Simulation;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.StateRecorder;

/**
 * {@code traces.png}: for each recorded neuron, the membrane potential with its threshold (dashed)
 * and, underneath, the input current, as in the Neuronal Dynamics exercise figures.
 */
public final class TracesPlot {
    /** More panels than this make an unreadably tall image; the rest are in state.csv. */
    public static final int MAX_PANELS = 10;
    private static final int POINTS = 1500;

    private TracesPlot() {}

    /** Whether any recorder holds v or I (otherwise there is nothing to draw). */
    public static boolean hasTraces(Simulation sim) {
        return sim.stateRecorders().stream().anyMatch(r -> r.samples() > 0
                && r.variables().stream().anyMatch(v -> v.name().equals("v") || v.name().equals("I")));
    }

    public static BufferedImage draw(Simulation sim, long steps) {
        double durationMs = steps * sim.dt() * 1e3;
        List<BufferedImage> parts = new ArrayList<>();
        int panels = 0;
        int total = sim.stateRecorders().stream().mapToInt(r -> r.neurons().length).sum();
        for (StateRecorder r : sim.stateRecorders()) {
            List<String> names = r.variables().stream().map(v -> v.name()).toList();
            boolean hasV = names.contains("v");
            boolean hasI = names.contains("I");
            if (!hasV && !hasI || r.samples() == 0) continue;
            double[] t = new double[r.samples()];
            for (int s = 0; s < t.length; s++) t[s] = r.time(s) * 1e3;
            for (int neuron : r.neurons()) {
                if (panels == MAX_PANELS) break;
                panels++;
                String title = r.population() + " neuron " + neuron
                        + (panels == MAX_PANELS && total > MAX_PANELS ? "  (first " + MAX_PANELS + " of " + total + " recorded neurons shown)" : "");
                if (hasV) parts.add(voltage(sim, r, neuron, t, title, !hasI, durationMs));
                if (hasI) parts.add(current(r, neuron, t, hasV ? null : title, durationMs));
            }
        }
        return Charts.stack(parts);
    }

    private static BufferedImage voltage(Simulation sim, StateRecorder r, int neuron, double[] t, String title, boolean timeAxis,
                                          double durationMs) {
        XYChart chart = Charts.chart(280, title, timeAxis ? "t (ms)" : "", "v (mV)");
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace("v", neuron), 1e3), POINTS);
        Charts.line(chart, "v", xy[0], xy[1], Charts.VOLTAGE);
        if (sim.population(r.population()) instanceof LifPopulation lif) {
            double th = lif.state().get(LifModel.V_THRESHOLD, neuron) * 1e3;
            double lo = java.util.Arrays.stream(xy[1]).min().orElse(th);
            double hi = java.util.Arrays.stream(xy[1]).max().orElse(th);
            // a threshold raised far away to keep the neuron linear (Neuronal Dynamics 1.4) would squash the trace
            boolean onScale = th <= hi + Math.max(hi - lo, 5);
            if (onScale) {
                XYSeries s = Charts.line(chart, "threshold", new double[] {0, durationMs}, new double[] {th, th}, Charts.THRESHOLD);
                s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                Charts.yRange(chart, xy[1], th, 0.5);
            } else {
                chart.setTitle(title + "  (threshold " + Charts.number(th) + " mV, off scale)");
                Charts.yRange(chart, xy[1], xy[1].length > 0 ? xy[1][0] : th, 0.5);
            }
        }
        Charts.timeAxis(chart, durationMs);
        chart.getStyler().setXAxisTicksVisible(timeAxis);
        return Charts.image(chart);
    }

    private static BufferedImage current(StateRecorder r, int neuron, double[] t, String title, double durationMs) {
        XYChart chart = Charts.chart(title == null ? 170 : 220, title == null ? "" : title, "t (ms)", "I (nA)");
        double[][] xy = Decimate.minMax(t, Charts.scaled(r.trace("I", neuron), 1e9), POINTS);
        Charts.line(chart, "input current", xy[0], xy[1], Charts.CURRENT);
        Charts.yRange(chart, xy[1], 0, 0.1);
        Charts.timeAxis(chart, durationMs);
        return Charts.image(chart);
    }
}
