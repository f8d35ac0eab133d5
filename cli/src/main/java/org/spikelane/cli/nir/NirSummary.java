package org.spikelane.cli.nir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.spikelane.cli.output.SummaryJson;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.SampleResult;

/**
 * {@code summary.json} of a NIR run: the settings, the spike total, the speed, and for every
 * Output node its per-neuron spike counts (steps whose value was not 0) and their argmax (the
 * lowest index on a tie), per sample for a batch.
 */
final class NirSummary {
    private NirSummary() {}

    static ObjectNode of(NirRunCommand.Settings s, CompiledGraph g, List<SampleResult> results, boolean batch, double wallSeconds, List<String> files) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("model", s.model().toString());
        root.put("nir_version", s.version());
        root.put("dt_s", g.options().dt());
        root.put("integration", g.options().integration().label());
        root.put("reset", g.options().reset().label());
        root.put("precision", s.precision());
        root.put("samples", results.size());
        root.put("steps", s.steps());
        root.put("threads", s.threads());
        long spikes = 0;
        for (SampleResult r : results) spikes += r.spikeCount();
        root.put("spikes", spikes);
        root.put("run_s", wallSeconds);
        root.put("samples_per_s", results.size() / Math.max(wallSeconds, 1e-9));
        ObjectNode outputs = root.putObject("outputs");
        int[] nodes = g.outputNodes();
        for (int k = 0; k < nodes.length; k++) {
            ObjectNode o = outputs.putObject(g.name(nodes[k]));
            if (batch) {
                ArrayNode counts = o.putArray("spike_counts");
                ArrayNode argmax = o.putArray("argmax");
                for (SampleResult r : results) {
                    ArrayNode row = counts.addArray();
                    for (int c : r.outputCounts()[k]) row.add(c);
                    argmax.add(r.argmax(k));
                }
            } else {
                ArrayNode counts = o.putArray("spike_counts");
                for (int c : results.getFirst().outputCounts()[k]) counts.add(c);
                o.put("argmax", results.getFirst().argmax(k));
            }
        }
        SummaryJson.listFiles(root, files);
        return root;
    }
}
