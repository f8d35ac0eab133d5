package org.spikelane.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import org.spikelane.Simulation;
import org.spikelane.cli.Runner;
import org.spikelane.cli.Version;
import org.spikelane.neuron.Population;

/** {@code summary.json}: what ran, how long it took, and spikes and mean rate per population. */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SummaryJson() {}

    /** Fields shared by run and sweep summaries. */
    public static ObjectNode header(String scenario, Simulation sim, double durationSeconds, long seed, String precision) {
        return header(scenario, sim.dt(), sim.species(), durationSeconds, seed, precision);
    }

    /** The header without a simulation at hand (a sweep's runs happen elsewhere): dt and the vector species they reported. */
    public static ObjectNode header(String scenario, double dt, String species, double durationSeconds, long seed, String precision) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("dt_s", Figures.round(dt));
        root.put("duration_s", Figures.round(durationSeconds));
        root.put("seed", seed);
        root.put("precision", precision);
        root.put("spikelane_version", Version.spikelane());
        root.put("jdk_version", Version.jdk());
        root.put("vector_species", species);
        return root;
    }

    /** The summary of a run whose output set is {@code files} (listed so that readers and the next run know the set). */
    public static ObjectNode of(Runner.Result r, String runId, java.util.List<String> files) {
        Simulation sim = r.simulation();
        ObjectNode root = header(r.scenario().name(), sim, r.steps() * sim.dt(), r.scenario().seed(), r.scenario().precision());
        root.put("steps", r.steps());
        if (r.firstStep() > 0) {
            // a resumed run: its spikes and rates cover [first step, last step]
            root.put("resumed_from_step", r.firstStep());
            root.put("resumed_from_s", Figures.round(r.firstStep() * sim.dt()));
        }
        root.put("wall_time_s", Figures.millis(r.wallSeconds()));
        root.put("steps_per_second", Figures.round(Math.rint(r.stepsPerSecond())));
        root.put("total_spikes", r.totalSpikes());
        listFiles(root, runId, files);
        ArrayNode pops = root.putArray("populations");
        double seconds = r.stepsRun() * sim.dt();
        for (Population p : sim.populations()) {
            long spikes = r.spikeCounts().get(p.name());
            ObjectNode o = pops.addObject();
            o.put("name", p.name());
            o.put("size", p.size());
            o.put("spikes", spikes);
            o.put("mean_rate_hz", Figures.round(spikes / (p.size() * seconds)));
            // statistics need the spike times: only of populations whose spikes were recorded
            if (sim.spikes().count(p.name()) == spikes) SpikeStats.add(o, sim.spikes(), p.name(), p.size(), seconds, sim.dt());
        }
        // fixed and loihi: what each quantized parameter really is, and every clip or wrap (never silent)
        if (!sim.quantization().isEmpty()) {
            ArrayNode q = root.putArray("quantization");
            for (var e : sim.quantization()) {
                q.addObject().put("population", e.population()).put("parameter", e.parameter())
                        .put("requested", Figures.round(e.requested())).put("effective", Figures.round(e.effective()))
                        .put("relative_error", Figures.round(e.relativeError()));
            }
        }
        if (!sim.overflows().isEmpty()) {
            ArrayNode o = root.putArray("overflows");
            for (var e : sim.overflows()) {
                o.addObject().put("population", e.population()).put("variable", e.variable())
                        .put("mode", e.mode().toString().toLowerCase(java.util.Locale.ROOT)).put("count", e.count());
            }
        }
        return root;
    }

    /**
     * The commit record of an output set: {@code run_id} (the id of the run that wrote it, unique
     * per run) and {@code files}, the names of its files, summary.json included. A reader checks
     * run_id before and after reading the files to know they are one run's (docs/scenario.md).
     */
    public static void listFiles(ObjectNode root, String runId, java.util.List<String> files) {
        root.put("run_id", runId);
        ArrayNode list = root.putArray("files");
        files.forEach(list::add);
    }

    public static void write(ObjectNode node, OutputStream out) throws IOException {
        JSON.writeValue(out, node);
        out.write('\n');
    }
}
