package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spikelane.cli.sweep.AnalyticFi;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.MeanSe;
import org.spikelane.cli.plot.RcLowPass;
import org.spikelane.cli.sweep.PointStats;
import org.spikelane.cli.sweep.SineResponse;
import org.spikelane.cli.sweep.SweepResult;
import org.spikelane.cli.sweep.VarySpec;

/**
 * {@code sweep.csv}: one row per grid point. Columns: {@code point}; each varied value, titled
 * with its path and unit ({@code inputs.0.amplitude (nA)}); with seed replicates their number;
 * then per population its spike count, rate, 1 / mean ISI and ISI CV (the mean over the
 * replicates, each followed by its s.e. when there are replicates); for an f-I sweep of one LIF
 * population the analytic rate and the analytic 1 / ISI on the time grid; for a sweep over a sine
 * input's frequency the neuron fitted, the amplitudes of its v and I, the gain (v / I in Mohm,
 * which is mV/nA), the lag of v behind I in degrees, and the RC low-pass's gain and lag as the
 * engine integrates it ({@link RcLowPass}). An empty field is a
 * value that does not exist (no neuron fired three times, so no CV).
 */
public final class SweepCsv {
    private SweepCsv() {}

    public static void write(SweepResult sweep, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Grid grid = sweep.grid();
        boolean replicated = sweep.replicates() > 1;
        AnalyticFi analytic = sweep.analytic();
        w.write(String.join(",", header(sweep)) + "\n");
        for (int point = 0; point < grid.points(); point++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(point));
            for (int a = 0; a < grid.dimensions(); a++) {
                VarySpec v = grid.axis(a);
                int k = grid.index(point, a);
                row.add(v.words() ? Csv.field(v.text(k)) : number(v.displayValue(k)));
            }
            if (replicated) row.add(Integer.toString(sweep.replicates()));
            for (int p = 0; p < sweep.populations().size(); p++) {
                PointStats s = sweep.stats(point, p);
                for (MeanSe m : List.of(s.spikes(), s.rateHz(), s.isiRateHz(), s.isiCv())) {
                    row.add(number(m.mean()));
                    if (replicated) row.add(number(m.se()));
                }
            }
            if (analytic != null) {
                double current = grid.axis(0).value(point);
                double isi = analytic.isiOnGrid(current);
                row.add(number(analytic.rate(current)));
                row.add(number(Double.isInfinite(isi) ? 0.0 : 1 / isi));
            }
            if (sweep.sine() != null) row.addAll(sine(sweep.sine()[point], grid.axis(0).value(point)));
            w.write(String.join(",", row) + "\n");
        }
        w.flush();
    }

    static List<String> header(SweepResult sweep) {
        List<String> h = new ArrayList<>();
        h.add("point");
        for (VarySpec v : sweep.grid().axes()) h.add(Csv.field(v.axisTitle()));
        boolean replicated = sweep.replicates() > 1;
        if (replicated) h.add("replicates");
        for (String pop : sweep.populations()) {
            for (String[] q : new String[][] {{"spikes", ""}, {"rate", " (Hz)"}, {"1/mean ISI", " (Hz)"}, {"ISI CV", ""}}) {
                h.add(Csv.field(pop + " " + q[0] + q[1]));
                if (replicated) h.add(Csv.field(pop + " " + q[0] + " s.e." + q[1]));
            }
        }
        if (sweep.analytic() != null) {
            h.add("analytic rate (Hz)");
            h.add("analytic 1/ISI on the time grid (Hz)");
        }
        if (sweep.sine() != null) h.addAll(SINE_HEADER);
        return h;
    }

    static final List<String> SINE_HEADER = List.of("fitted neuron", "v amplitude (mV)", "I amplitude (nA)", "gain (Mohm = mV/nA)",
            "lag of v behind I (deg)", "RC low-pass gain (Mohm)", "RC low-pass lag (deg)");

    /** The sine columns of one point: what was fitted (empty if nothing) and the RC low-pass of the neuron at frequency {@code f}. */
    private static List<String> sine(SineResponse r, double f) {
        if (!r.fitted()) return java.util.Collections.nCopies(SINE_HEADER.size(), "");
        RcLowPass m = r.model();
        return List.of(Csv.field(r.population() + " " + r.neuron()), number(r.vAmplitude() * 1e3), number(r.iAmplitude() * 1e9),
                number(r.gain() / 1e6), number(r.lagDegrees()), number(m.gain(f) / 1e6), number(m.lagDegrees(f)));
    }

    /** The shortest text that reads back as the same double; whole numbers without ".0"; empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
