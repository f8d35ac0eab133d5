package org.spikelane.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spikelane.record.StateRecorder;

/**
 * {@code state.csv}: {@code population,neuron,variable,time_s,value}, values in SI units (V, A, S).
 * Rows are grouped by recorder, variable and neuron, so each trace is contiguous and in time order.
 * Names are quoted as {@link Csv#field} says.
 */
public final class StateCsv {
    public static final String HEADER = "population,neuron,variable,time_s,value";

    private StateCsv() {}

    public static void write(List<StateRecorder> recorders, double dt, OutputStream out) throws IOException {
        TimeText time = new TimeText(dt);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.write('\n');
        for (StateRecorder r : recorders) {
            int[] neurons = r.neurons();
            for (int v = 0; v < r.variables().size(); v++) {
                String variable = Csv.field(r.variables().get(v).name());
                for (int k = 0; k < neurons.length; k++) {
                    String prefix = Csv.field(r.population()) + "," + neurons[k] + "," + variable + ",";
                    for (int s = 0; s < r.samples(); s++) {
                        w.write(prefix);
                        w.write(time.of(r.step(s)));
                        w.write(',');
                        // samples are float32; the shortest float text is exact and compact
                        w.write(Float.toString((float) r.value(s, v, k)));
                        w.write('\n');
                    }
                }
            }
        }
        w.flush();
    }
}
