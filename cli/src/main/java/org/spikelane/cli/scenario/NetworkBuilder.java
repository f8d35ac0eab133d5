package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.fixed.LoihiSynapse;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LoihiLifModel;
import org.spikelane.neuron.PoissonPopulation;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.units.Dimension;

/**
 * Turns a {@link Scenario} into an engine {@link Network} and a built {@link Simulation}. Every
 * engine error is mapped back to the scenario path (and so the file line) it came from: the engine
 * names the owner's parameter, this class knows which section it was adding.
 */
public final class NetworkBuilder {
    private final Scenario scenario;
    private final PluginRegistry registry;
    private final Tree tree;
    private final SourceMap sources;
    private final NeuronGroups groups;
    private static final String SPIKES_ONLY = "only a spike_generator population has 'spikes'";

    private NetworkBuilder(Scenario scenario, PluginRegistry registry) {
        this.scenario = scenario;
        this.registry = registry;
        this.tree = scenario.tree();
        this.sources = scenario.sources();
        this.groups = NeuronGroups.of(scenario);
    }

    /** The blueprint (validated) without building it. */
    public static Network network(Scenario scenario, PluginRegistry registry) {
        return new NetworkBuilder(scenario, registry).network(null);
    }

    /** Builds the runnable simulation; engine errors at build time are located too. */
    public static Simulation simulation(Scenario scenario, PluginRegistry registry) {
        NetworkBuilder b = new NetworkBuilder(scenario, registry);
        Network net = b.network(null);
        try {
            return net.build();
        } catch (ParameterException e) {
            throw b.locateBuildError(e);
        } catch (IllegalArgumentException e) {
            throw sources(scenario).error("", e.getMessage());
        }
    }

    private static SourceMap sources(Scenario s) { return s.sources(); }

    /**
     * @param only add only this input or projection ("inputs.2", "projections.0"; to find which one
     *             fails at build time), or null for all
     */
    private Network network(String only) {
        Network net = new Network(scenario.dt()).seed(scenario.seed()).plugins(registry);
        if (scenario.threads() > 0) net.threads(scenario.threads());
        // before the populations: each LIF population is validated for the number format (physical or raw Loihi parameters under loihi)
        EngineCalls.run(sources, "precision", p -> "", () -> net.precision(Precision.parse(scenario.precision())));
        List<Object> pops = tree.list(scenario.root().get("populations"), "populations");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) names.add(addPopulation(net, pops.get(i), "populations." + i));
        List<Object> inputs = tree.list(scenario.root().get("inputs"), "inputs");
        for (int i = 0; i < inputs.size(); i++) {
            if (only == null || only.equals("inputs." + i)) addInput(net, inputs.get(i), "inputs." + i);
        }
        List<Object> projections = tree.list(scenario.root().get("projections"), "projections");
        for (int i = 0; i < projections.size(); i++) {
            if (only == null || only.equals("projections." + i)) addProjection(net, projections.get(i), "projections." + i);
        }
        new Recording(scenario, groups).addTo(net, names);
        return net;
    }

    private String addPopulation(Network net, Object raw, String path) {
        Map<String, Object> pop = tree.map(raw, path);
        Schema.checkKeys(pop, Schema.POPULATION, path, sources);
        String name = tree.text(tree.required(pop, "name", path), path + ".name");
        // the engine indexes neurons with int
        long size = tree.integer(tree.required(pop, "size", path), path + ".size", 1, Integer.MAX_VALUE, " (neurons are indexed by int)");
        String model = pop.containsKey("model") ? tree.text(pop.get("model"), path + ".model") : "lif";
        switch (model) {
            case "lif" -> {
                if (pop.containsKey("spikes")) throw sources.error(path + ".spikes", SPIKES_ONLY);
                Map<String, Object> params = pop.containsKey("params") ? tree.map(pop.get("params"), path + ".params") : Map.of();
                Map<String, Object> withUnits = withUnits(params, LifModel.PARAMS, path + ".params");
                // the engine counts refractory steps in int: beyond that the period would wrap
                stepCounts(params.get(LifModel.REFRACTORY), path + ".params." + LifModel.REFRACTORY);
                EngineCalls.run(sources, path, p -> p.equals("name") || p.equals("size") ? p : "params." + p,
                        () -> net.addLif(name, (int) size, withUnits));
            }
            case "spike_generator" -> {
                if (pop.containsKey("params")) throw sources.error(path + ".params", "a spike_generator has no params; give 'spikes'");
                addGenerator(net, name, (int) size, pop.get("spikes"), path);
            }
            case "poisson" -> {
                if (pop.containsKey("spikes")) throw sources.error(path + ".spikes", SPIKES_ONLY);
                if (!pop.containsKey("params")) throw sources.error(path, "a poisson population needs params with its rate, e.g. params: {rate: 10 Hz}");
                Map<String, Object> params = tree.map(pop.get("params"), path + ".params");
                Map<String, Object> withUnits = withUnits(params, PoissonPopulation.PARAMS, path + ".params");
                EngineCalls.run(sources, path, p -> p.equals("name") || p.equals("size") ? p : "params." + p,
                        () -> net.addPoisson(name, (int) size, withUnits));
            }
            default -> throw sources.error(path + ".model", "unknown model '" + model + "'"
                    + org.spikelane.spi.Suggest.didYouMean(model, Schema.MODELS) + "; known: " + String.join(", ", Schema.MODELS));
        }
        return name;
    }

    private void addGenerator(Network net, String name, int size, Object raw, String path) {
        String spikesPath = path + ".spikes";
        if (raw == null) throw sources.error(spikesPath, "is required for a spike_generator ({times: [...], neurons: [...]})");
        Map<String, Object> spikes = tree.map(raw, spikesPath);
        Schema.checkKeys(spikes, Schema.GENERATOR_SPIKES, spikesPath, sources);
        List<Object> timeList = tree.list(spikes.get("times"), spikesPath + ".times");
        double[] times = new double[timeList.size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = tree.quantity(timeList.get(k), Dimension.TIME, spikesPath + ".times." + k);
            if (Double.isFinite(times[k])) StepLimit.steps(times[k], scenario.dt(), spikesPath + ".times." + k, sources);
        }
        int[] neurons = tree.neurons(spikes.get("neurons"), spikesPath + ".neurons");
        if (neurons == null) {
            if (size != 1) throw sources.error(spikesPath + ".neurons", "is required when the population has more than one neuron");
            neurons = new int[times.length];
        }
        double period = spikes.containsKey("period") ? tree.quantity(spikes.get("period"), Dimension.TIME, spikesPath + ".period") : 0;
        if (Double.isFinite(period)) StepLimit.steps(period, scenario.dt(), spikesPath + ".period", sources);
        int[] chosen = neurons;
        EngineCalls.run(sources, path, p -> p.equals("name") || p.equals("size") ? p : p.equals("period") ? "spikes.period" : "spikes",
                () -> net.addSpikeGenerator(name, size, times, chosen, period));
    }

    private void addInput(Network net, Object raw, String path) {
        Map<String, Object> input = tree.map(raw, path);
        String type = tree.text(tree.required(input, "type", path), path + ".type");
        InputPlugin plugin;
        try {
            plugin = registry.input(type);
        } catch (IllegalArgumentException e) {
            throw sources.error(path + ".type", e.getMessage());
        }
        String target = tree.text(tree.required(input, "target", path), path + ".target");
        int[] neurons = groups.neurons(tree, input.get("neurons"), target, path + ".neurons");
        Map<String, Object> params = new LinkedHashMap<>(input);
        Schema.INPUT.forEach(params::remove);
        Map<String, Object> withUnits = withUnits(params, plugin.params(), path);
        EngineCalls.run(sources, path, p -> p, () -> net.addInput(type, target, withUnits, neurons));
    }

    private void addProjection(Network net, Object raw, String path) {
        Map<String, Object> proj = tree.map(raw, path);
        Schema.checkKeys(proj, Schema.PROJECTION, path, sources);
        String from = tree.text(tree.required(proj, "from", path), path + ".from");
        String to = tree.text(tree.required(proj, "to", path), path + ".to");
        String synapse = tree.text(tree.required(proj, "synapse", path), path + ".synapse");
        List<ParamSpec> specs;
        try {
            specs = registry.synapse(synapse).params();
        } catch (IllegalArgumentException e) {
            throw sources.error(path + ".synapse", e.getMessage());
        }
        Map<String, Object> params = proj.containsKey("params") ? tree.map(proj.get("params"), path + ".params") : Map.of();
        Map<String, Object> connect = proj.containsKey("connect")
                ? groups.connect(tree.map(proj.get("connect"), path + ".connect"), from, to, path + ".connect", sources) : Map.of();
        Map<String, Object> withUnits = withUnits(params, specs, path + ".params");
        if (rawLoihi(to)) {
            rawWeights(proj.get("weight"), path + ".weight");
        } else {
            tree.requireUnits(proj.get("weight"), weightUnits(synapse), path + ".weight");
        }
        tree.requireUnits(proj.get("delay"), Tree.expected(Dimension.TIME), path + ".delay");
        stepCounts(proj.get("delay"), path + ".delay");
        EngineCalls.run(sources, path, NetworkBuilder::projectionField,
                () -> net.connect(from, to, synapse, withUnits, proj.get("weight"), proj.get("delay"), connect));
    }


    /**
     * Whether {@code name} is a LIF population with raw hardware parameters under precision loihi
     * (no physical LIF parameter, as {@link LoihiLifModel#isPhysical} decides for the engine): its
     * projections take integer weights, added to {@code a_in} as they are.
     */
    private boolean rawLoihi(String name) {
        if (!"loihi".equals(scenario.precision())) return false;
        for (Object raw : tree.list(scenario.root().get("populations"), "populations")) {
            if (!(raw instanceof Map<?, ?> pop) || !name.equals(pop.get("name"))) continue;
            if (pop.containsKey("model") && !"lif".equals(pop.get("model"))) return false;
            Object params = pop.get("params");
            Map<String, ?> given = params instanceof Map<?, ?> m ? keysAsText(m) : Map.of();
            return !LoihiLifModel.isPhysical(given);
        }
        return false;
    }

    private static Map<String, ?> keysAsText(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * The weights of a projection into a raw loihi population: bare integers (one, or a list with one
     * per synapse) within Lava's 16-bit {@code a_in} port. The one place a bare number stands where
     * other scenarios need a unit; a distribution is left to the engine, which checks each drawn weight.
     */
    private void rawWeights(Object raw, String path) {
        if (raw instanceof Map<?, ?>) return;
        if (raw instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) rawWeight(l.get(i), SourceMap.child(path, i));
        } else if (raw != null) {
            rawWeight(raw, path);
        }
    }

    private void rawWeight(Object raw, String path) {
        String why = " (a weight into a raw loihi population is added to a_in as it is, and a_in holds 16 bits)";
        java.math.BigInteger whole = Tree.wholeNumber(raw);
        if (whole == null) throw sources.error(path, "must be an integer, got " + Tree.describe(raw) + why);
        if (whole.abs().compareTo(java.math.BigInteger.valueOf(LoihiSynapse.MAX_WEIGHT)) > 0) {
            throw sources.error(path, "must be in [-" + LoihiSynapse.MAX_WEIGHT + ", " + LoihiSynapse.MAX_WEIGHT + "], got "
                    + Tree.describe(raw) + why);
        }
    }

    /** Where an engine parameter of a projection sits: its own keys, else the synapse's params. */
    private static String projectionField(String parameter) {
        return Schema.PROJECTION.contains(parameter.split("\\.")[0]) ? parameter : "params." + parameter;
    }

    /**
     * Checks that the finite times of a value that becomes a whole number of steps (one time, a
     * list, or the arguments of a distribution) stay within {@link StepLimit}. Values the unit
     * parser refuses are left to the engine, which reports them with the parameter's name.
     */
    private void stepCounts(Object raw, String path) {
        if (raw instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) stepCounts(l.get(i), SourceMap.child(path, i));
        } else if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> stepCounts(v, SourceMap.child(path, k)));
        } else if (raw instanceof String text) {
            double seconds;
            try {
                seconds = org.spikelane.units.Units.parse(text, Dimension.TIME, path);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (Double.isFinite(seconds)) StepLimit.steps(seconds, scenario.dt(), path, sources);
        }
    }

    /** The units a synapse's weight may have, for the error about a bare number. */
    private String weightUnits(String synapse) {
        List<Dimension> dims = registry.synapse(synapse).weightDimensions();
        return String.join(" or ", dims.stream().map(Tree::expected).toList());
    }

    /**
     * Refuses bare numbers for parameters with a unit (see {@link Tree#requireUnits}). A structure
     * (the pulse input's {@code events}) has no declared units: its numbers become text for the
     * plugin's unit parser, except under {@link Schema#COUNT_KEYS}, which are counts.
     */
    private Map<String, Object> withUnits(Map<String, Object> raw, List<ParamSpec> specs, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            ParamSpec spec = specs.stream().filter(s -> s.name().equals(key)).findFirst().orElse(null);
            if (spec != null && spec.kind() == ParamSpec.Kind.STRUCTURE) {
                checkCounts(value, key, SourceMap.child(path, key));
                out.put(key, numbersAsText(value, key));
                return;
            }
            boolean hasUnit = spec != null && spec.kind() != ParamSpec.Kind.CHOICE && spec.dimension() != Dimension.DIMENSIONLESS;
            if (hasUnit) tree.requireUnits(value, Tree.expected(spec.dimension()), SourceMap.child(path, key));
            out.put(key, value);
        });
        return out;
    }

    /** Counts inside a structure must be whole numbers within long, not truncated from 1e300. */
    private void checkCounts(Object raw, String key, String path) {
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> checkCounts(v, String.valueOf(k), SourceMap.child(path, k)));
        } else if (raw instanceof Number && key.equals("count")) {
            tree.integer(raw, path, 1, Long.MAX_VALUE, "");
        }
    }

    private static Object numbersAsText(Object raw, String key) {
        if (raw instanceof Number n) return Schema.COUNT_KEYS.contains(key) || Tree.isZero(n) ? n : Tree.text(n);
        if (raw instanceof List<?> l) return l.stream().map(x -> numbersAsText(x, key)).toList();
        if (raw instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, numbersAsText(v, String.valueOf(k))));
            return out;
        }
        return raw;
    }

    /**
     * A build-time error names its owner ("input 'step'", "projection 'P -> P'") but not which
     * input or projection of that name, so each one is built alone until the failing one is found.
     */
    private ScenarioException locateBuildError(ParameterException e) {
        for (String section : List.of("inputs", "projections")) {
            String prefix = section.equals("inputs") ? "input '" : "projection '";
            if (e.owner() == null || !e.owner().startsWith(prefix)) continue;
            int count = tree.list(scenario.root().get(section), section).size();
            for (int i = 0; i < count; i++) {
                try {
                    network(section + "." + i).build();
                } catch (ParameterException again) {
                    if (again.getMessage().equals(e.getMessage())) {
                        String param = e.parameter() == null ? "" : e.parameter();
                        if (section.equals("projections") && !param.isEmpty()) param = projectionField(param);
                        return EngineCalls.located(sources, section + "." + i + (param.isEmpty() ? "" : "." + param), EngineCalls.problem(e));
                    }
                }
            }
        }
        if (e.owner() != null && e.owner().startsWith("record state of '")) {
            List<Object> states = tree.list(tree.map(scenario.root().getOrDefault("record", Map.of()), "record").get("state"), "record.state");
            for (int i = 0; i < states.size(); i++) {
                if (states.get(i) instanceof Map<?, ?> m && e.owner().equals("record state of '" + m.get("population") + "'")) {
                    return sources.error("record.state." + i + "." + e.parameter(), EngineCalls.problem(e));
                }
            }
        }
        if (e.owner() != null && e.owner().startsWith("population '") && e.parameter() != null) {
            // a population's build-time check (e.g. fixed-point resolution): at its parameter
            List<Object> populations = tree.list(scenario.root().get("populations"), "populations");
            for (int i = 0; i < populations.size(); i++) {
                if (populations.get(i) instanceof Map<?, ?> m && e.owner().equals("population '" + m.get("name") + "'")) {
                    return EngineCalls.located(sources, "populations." + i + ".params." + e.parameter(), EngineCalls.problem(e));
                }
            }
        }
        return sources.error("", e.getMessage());
    }
}
