package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.spikelane.record.SpikeRecorder;

/**
 * {@code spikes.csv}: {@code population,neuron,time_s}, one row per spike, in time order; names
 * quoted as {@link Csv#field} says.
 */
public final class SpikesCsv {
    public static final String HEADER = "population,neuron,time_s";

    private SpikesCsv() {}

    public static void write(SpikeRecorder spikes, double dt, OutputStream out) throws IOException {
        TimeText time = new TimeText(dt);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.write('\n');
        // a few populations, many rows: each name is quoted once
        java.util.Map<String, String> quoted = new java.util.HashMap<>();
        for (int row = 0; row < spikes.count(); row++) {
            w.write(quoted.computeIfAbsent(spikes.populationName(row), Csv::field));
            w.write(',');
            w.write(Integer.toString(spikes.neuron(row)));
            w.write(',');
            w.write(time.of(spikes.step(row)));
            w.write('\n');
        }
        w.flush();
    }
}
