package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code rates.csv}: {@code population,bin_start_s,bin_width_s,rate_hz}, the raster's rate panel as numbers. */
public final class RatesCsv {
    public static final String HEADER = "population,bin_start_s,bin_width_s,rate_hz";

    private RatesCsv() {}

    public static void write(RateBins bins, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.write('\n');
        for (String population : bins.populations()) {
            String name = Csv.field(population);
            double[] hz = bins.hz().get(population);
            for (int b = 0; b < hz.length; b++) {
                w.write(name + "," + Figures.round(bins.start(b)) + "," + Figures.round(bins.width(b)) + "," + Figures.round(hz[b]) + "\n");
            }
        }
        w.flush();
    }
}
