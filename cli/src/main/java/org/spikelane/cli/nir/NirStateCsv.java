package org.spikelane.cli.nir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spikelane.cli.output.Csv;
import org.spikelane.cli.output.TimeText;
import org.spikelane.nir.exec.Probe;
import org.spikelane.nir.exec.SampleResult;

/**
 * {@code state.csv} of a NIR run, for {@code --record NODE:VAR}:
 * {@code population,neuron,variable,time_s,step,value} (with a leading {@code sample} column for
 * a batch), the value after processing input row {@code step}; NIR's units are the file's own.
 * Each trace is contiguous and in time order.
 */
final class NirStateCsv {
    private NirStateCsv() {}

    static void write(List<Probe> probes, List<SampleResult> results, int steps, double dt, boolean batch, OutputStream out) throws IOException {
        TimeText time = new TimeText(dt);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(batch ? "sample,population,neuron,variable,time_s,step,value\n" : "population,neuron,variable,time_s,step,value\n");
        for (int b = 0; b < results.size(); b++) {
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                float[] trace = results.get(b).traces()[p];
                int n = trace.length / steps;
                for (int i = 0; i < n; i++) {
                    String prefix = (batch ? b + "," : "") + Csv.field(probe.nodeName()) + "," + i + "," + Csv.field(probe.variableName()) + ",";
                    for (int t = 0; t < steps; t++) {
                        w.write(prefix);
                        w.write(time.of(t));
                        w.write(',');
                        w.write(Integer.toString(t));
                        w.write(',');
                        w.write(Float.toString(trace[t * n + i]));
                        w.write('\n');
                    }
                }
            }
        }
        w.flush();
    }
}
