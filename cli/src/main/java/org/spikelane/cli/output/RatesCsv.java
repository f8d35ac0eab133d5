package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code rates.csv}: {@code population,bin_start_s,bin_width_s,rate_hz}, the raster's rate panel as
 * numbers; with {@code record.rate_smoothing} also {@code smoothed_hz}, the Gaussian-smoothed rate
 * at the bin's centre.
 */
public final class RatesCsv {
    public static final String HEADER = "population,bin_start_s,bin_width_s,rate_hz";

    private RatesCsv() {}

    public static final String SMOOTHED = "smoothed_hz";

    public static void write(RateBins bins, OutputStream out) throws IOException {
        write(bins, null, out);
    }

    /** @param smoothed the smoothed rates, or null for none */
    public static void write(RateBins bins, SmoothedRates smoothed, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(smoothed == null ? HEADER : HEADER + "," + SMOOTHED);
        w.write('\n');
        for (String population : bins.populations()) {
            String name = Csv.field(population);
            double[] hz = bins.hz().get(population);
            double[] smooth = smoothed == null ? null : smoothed.atBinCentres().get(population);
            for (int b = 0; b < hz.length; b++) {
                w.write(name + "," + Figures.round(bins.start(b)) + "," + Figures.round(bins.width(b)) + "," + Figures.round(hz[b])
                        + (smooth == null ? "" : "," + Figures.round(smooth[b])) + "\n");
            }
        }
        w.flush();
    }
}
