package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spikelane.Network;
import org.spikelane.units.Dimension;

/** The {@code record} section: which spikes and which state variables the run keeps. */
final class Recording {
    private final Scenario scenario;
    private final Tree tree;
    private final SourceMap sources;
    private final NeuronGroups groups;

    Recording(Scenario scenario, NeuronGroups groups) {
        this.groups = groups;
        this.scenario = scenario;
        this.tree = scenario.tree();
        this.sources = scenario.sources();
    }

    void addTo(Network net, List<String> populations) {
        Map<String, Object> record = scenario.root().containsKey("record")
                ? tree.map(scenario.root().get("record"), "record") : Map.of();
        Schema.checkKeys(record, Schema.RECORD, "record", sources);
        RateSmoothingWidth.of(scenario); // checked with the rest of the scenario, before the run
        // spikes of every population unless the scenario says which
        List<Object> spikes = record.containsKey("spikes")
                ? tree.list(record.get("spikes"), "record.spikes") : new ArrayList<>(populations);
        for (int i = 0; i < spikes.size(); i++) {
            String path = "record.spikes." + i;
            String name = tree.text(spikes.get(i), path);
            EngineCalls.run(sources, path, p -> "", () -> net.recordSpikes(name));
        }
        List<Object> states = tree.list(record.get("state"), "record.state");
        for (int i = 0; i < states.size(); i++) {
            String path = "record.state." + i;
            Map<String, Object> state = tree.map(states.get(i), path);
            Schema.checkKeys(state, Schema.STATE, path, sources);
            String pop = tree.text(tree.required(state, "population", path), path + ".population");
            List<String> vars = new ArrayList<>();
            Object rawVars = state.getOrDefault("variables", List.of("v"));
            if (rawVars instanceof String s) rawVars = List.of(s);
            List<Object> varList = tree.list(rawVars, path + ".variables");
            for (int k = 0; k < varList.size(); k++) vars.add(tree.text(varList.get(k), path + ".variables." + k));
            int[] neurons = groups.neurons(tree, state.get("neurons"), pop, path + ".neurons");
            long every = every(state.get("every"), path + ".every");
            EngineCalls.run(sources, path, p -> p.equals("state") ? "population" : p, () -> net.recordState(pop, vars, neurons, every));
        }
    }

    /** {@code every}: whole steps (1 = every step) or a time such as "1 ms", rounded to steps. */
    private long every(Object raw, String path) {
        if (raw == null) return 1;
        long steps = raw instanceof String
                ? StepLimit.steps(tree.quantity(raw, Dimension.TIME, path), scenario.dt(), path, sources)
                : tree.integer(raw, path, Long.MIN_VALUE, StepLimit.MAX_STEPS, " steps");
        if (steps < 1) throw sources.error(path, "must be at least one step, got " + raw);
        return steps;
    }
}
