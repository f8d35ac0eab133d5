package org.spikelane.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikelane.Network;
import org.spikelane.PhysicsCheck;
import org.spikelane.ResourceEstimate;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.record.StateRecorder;
import org.spikelane.spi.PluginRegistry;

/**
 * The checks of a scenario that need the whole network but not its allocations, made before the
 * simulation is built: physics warnings (v_reset, dt against tau_m and the refractory period,
 * recordings over {@link #LARGE_RECORDING} bytes) and the memory estimate against the heap.
 * Warnings go to stderr as one line each, {@code warning: FILE:LINE:COL: field: problem};
 * under {@code --strict} they are errors (exit 2).
 */
final class Preflight {
    /** A recording above this many bytes (1 GiB) is worth a warning even when it fits. */
    static final long LARGE_RECORDING = 1L << 30;

    private Preflight() {}

    /**
     * Checks {@code scenario} for a run over steps {@code [0, steps)} (a resumed run records less,
     * so the estimate is an upper bound for it).
     *
     * @param warned warnings printed already (a sweep checks each value and says each warning once)
     * @throws CommandFailure with every warning under {@code strict} (exit 2), or when the run
     *     would not fit in the heap (exit 1)
     * @throws org.spikelane.cli.scenario.ScenarioException if a recording could not be held at all
     */
    static ResourceEstimate check(Scenario scenario, PluginRegistry registry, boolean strict, PrintWriter err, Set<String> warned) {
        Network net = NetworkBuilder.network(scenario, registry);
        ResourceEstimate estimate = ResourceEstimate.of(net, 0, scenario.steps());
        List<String> warnings = new ArrayList<>();
        for (ResourceEstimate.Recording r : estimate.recordings()) {
            String path = "record.state." + r.index();
            if (r.samples() > StateRecorder.MAX_ARRAY || r.values() > StateRecorder.MAX_ARRAY) {
                throw scenario.sources().error(path, "records " + shape(r) + " = " + r.values() + " values, more than the "
                        + StateRecorder.MAX_ARRAY + " one recording can hold; record fewer neurons or variables, or sample less often (every)");
            }
            if (r.bytes() > LARGE_RECORDING) {
                warnings.add(scenario.sources().error(path, "will hold " + MemorySize.format(r.bytes()) + " (" + shape(r)
                        + "), and state.csv several times that; record fewer neurons or sample less often (every)").getMessage());
            }
        }
        Map<String, Integer> populationIndex = populationIndex(scenario);
        for (PhysicsCheck.Warning w : PhysicsCheck.of(net)) {
            String path = "populations." + populationIndex.get(w.population()) + ".params." + w.parameter();
            warnings.add(scenario.sources().error(path, w.problem()).getMessage());
        }
        if (strict && !warnings.isEmpty()) {
            List<String> lines = new ArrayList<>(warnings);
            lines.add("--strict: " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + " treated as errors");
            throw new CommandFailure(Main.BAD_INPUT, lines);
        }
        for (String w : warnings) {
            if (warned.add(w)) err.println("warning: " + w);
        }
        err.flush();
        checkHeap(estimate);
        return estimate;
    }

    private static String shape(ResourceEstimate.Recording r) {
        return r.neurons() + (r.neurons() == 1 ? " neuron x " : " neurons x ") + r.variables()
                + (r.variables() == 1 ? " variable x " : " variables x ") + r.samples() + (r.samples() == 1 ? " sample" : " samples");
    }

    private static Map<String, Integer> populationIndex(Scenario scenario) {
        Map<String, Integer> index = new java.util.HashMap<>();
        if (scenario.root().get("populations") instanceof List<?> pops) {
            for (int i = 0; i < pops.size(); i++) {
                if (pops.get(i) instanceof Map<?, ?> m && m.get("name") != null) index.putIfAbsent(String.valueOf(m.get("name")), i);
            }
        }
        return index;
    }

    /**
     * Checks {@code --max-memory}'s form (the launcher has already turned it into -Xmx) and says so
     * when the heap is not what it asked for: started without the launcher, the option cannot act.
     */
    static void maxMemoryOption(String text, PrintWriter err) {
        if (text == null) return;
        long asked = MemorySize.parse(text, "--max-memory");
        long heap = Runtime.getRuntime().maxMemory();
        // the JVM reports a little less than -Xmx (one survivor space), never this much less or more
        if (heap < asked * 0.85 || heap > asked * 1.15) {
            err.println("warning: --max-memory " + text + ": the Java heap is " + MemorySize.format(heap)
                    + "; the option takes effect through the ./spikelane launcher, which passes it to Java as -Xmx");
        }
    }

    /** Refuses a run whose estimated peak exceeds the heap that is still free, naming the ways out. */
    static void checkHeap(ResourceEstimate estimate) {
        Runtime rt = Runtime.getRuntime();
        long heap = rt.maxMemory();
        long inUse = rt.totalMemory() - rt.freeMemory();
        long need = estimate.peakBytes();
        if (need <= heap - inUse) return;
        throw new CommandFailure(Main.FAILED, "the run needs about " + MemorySize.format(need) + " (" + parts(estimate)
                + ") but the Java heap of " + MemorySize.format(heap) + " has " + MemorySize.format(heap - inUse) + " free; "
                + wayOut(need));
    }

    private static String parts(ResourceEstimate e) {
        String synapses = "synapses " + MemorySize.format(e.synapseBytes());
        if (e.synapseBuildPeak() > 0) synapses += " and " + MemorySize.format(e.synapseBuildPeak()) + " more while building them";
        String spikes = e.expectedSpikes() == 0 ? "" : ", spikes " + MemorySize.format(e.spikeBytes()) + " (" + e.expectedSpikes()
                + " spikes, assuming " + (int) ResourceEstimate.ASSUMED_RATE_HZ + " Hz per recorded LIF neuron)";
        return "neurons " + MemorySize.format(e.neuronBytes()) + ", " + synapses + ", recordings " + MemorySize.format(e.recordingBytes())
                + spikes;
    }

    /** What the user can do: more heap if the machine has it, else a smaller run. */
    static String wayOut(long need) {
        long machine = MemorySize.machine();
        String smaller = "record fewer neurons or sample less often (every:), or record the spikes of fewer populations";
        if (machine > 0 && need + need / 4 > machine) {
            return "this machine has " + MemorySize.format(machine) + ": make the network smaller, " + smaller;
        }
        return "start with --max-memory " + MemorySize.suggestion(need)
                + (machine > 0 ? " (this machine has " + MemorySize.format(machine) + ")" : "") + ", " + smaller;
    }
}
