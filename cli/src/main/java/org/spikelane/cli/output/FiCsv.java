package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.spikelane.cli.sweep.SweepResult;

/**
 * {@code fi.csv}: {@code value_<unit of FROM>,population,spikes,rate_hz,isi_rate_hz[,analytic_rate_hz,analytic_isi_rate_hz]},
 * one row per swept value and population.
 */
public final class FiCsv {
    private FiCsv() {}

    public static void write(SweepResult sweep, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String unit = sweep.vary().displayUnit();
        boolean analytic = sweep.analytic() != null;
        w.write("value" + (unit.isEmpty() ? "" : "_" + unit) + ",population,spikes,rate_hz,isi_rate_hz"
                + (analytic ? ",analytic_rate_hz,analytic_isi_rate_hz" : "") + "\n");
        for (int k = 0; k < sweep.vary().count(); k++) {
            double value = sweep.vary().value(k);
            String shown = Double.toString(sweep.vary().displayValue(k));
            for (int p = 0; p < sweep.populations().size(); p++) {
                var s = sweep.stats(k, p);
                w.write(shown + "," + Csv.field(sweep.populations().get(p)) + "," + s.spikes() + "," + s.countRateHz() + "," + s.isiRateHz());
                if (analytic) {
                    double isi = sweep.analytic().isiOnGrid(value);
                    w.write("," + sweep.analytic().rate(value) + "," + (Double.isInfinite(isi) ? 0.0 : 1 / isi));
                }
                w.write('\n');
            }
        }
        w.flush();
    }
}
