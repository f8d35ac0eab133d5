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

    static ObjectNode of(NirRunCommand.Settings s, CompiledGraph g, List<SampleResult> results, boolean batch, double wallSeconds, String runId, List<String> files) {
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
        if (!g.quantization().isEmpty()) {
            ArrayNode q = root.putArray("quantization");
            for (var e : g.quantization()) {
                ObjectNode o = q.addObject();
                o.put("node", e.node());
                o.put("parameter", e.parameter());
                o.put("max_abs_error", e.maxAbsError());
                o.put("worst_requested", e.requested());
                o.put("worst_effective", e.effective());
                o.put("representation", e.representation());
            }
            ObjectNode o = root.putObject("overflows");
            long[] overflows = overflows(g, results);
            // every integer node, zeros included: a zero says no clipping happened
            for (int node = 0; node < overflows.length; node++) if (g.kernel(node).newWork() != null) o.put(g.name(node), overflows[node]);
        }
        SummaryJson.listFiles(root, runId, files);
        return root;
    }

    /** Per node, the clips of all samples added up. */
    static long[] overflows(CompiledGraph g, List<SampleResult> results) {
        long[] sum = new long[g.nodeCount()];
        for (SampleResult r : results) for (int i = 0; i < sum.length; i++) sum[i] += r.overflows()[i];
        return sum;
    }
}
