package org.spikelane.cli.nir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spikelane.cli.output.Csv;
import org.spikelane.cli.output.TimeText;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.SampleResult;

/**
 * {@code spikes.csv} of a NIR run: {@code population,neuron,time_s,step} (population = node
 * name; a spike while processing input row t is stamped t dt), with a leading {@code sample}
 * column for a batch; samples in order, each in time order.
 */
final class NirSpikesCsv {
    private NirSpikesCsv() {}

    static void write(CompiledGraph g, List<SampleResult> results, boolean batch, OutputStream out) throws IOException {
        TimeText time = new TimeText(g.options().dt());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(batch ? "sample,population,neuron,time_s,step\n" : "population,neuron,time_s,step\n");
        String[] names = new String[g.nodeCount()];
        for (int i = 0; i < names.length; i++) names[i] = Csv.field(g.name(i));
        for (int b = 0; b < results.size(); b++) {
            SampleResult r = results.get(b);
            String sample = batch ? b + "," : "";
            for (int k = 0; k < r.spikeCount(); k++) {
                w.write(sample);
                w.write(names[r.spikeNode()[k]]);
                w.write(',');
                w.write(Integer.toString(r.spikeNeuron()[k]));
                w.write(',');
                w.write(time.of(r.spikeStep()[k]));
                w.write(',');
                w.write(Integer.toString(r.spikeStep()[k]));
                w.write('\n');
            }
        }
        w.flush();
    }
}
