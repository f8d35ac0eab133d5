package org.spikelane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.neuron.LifModel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.spi.SynapsePlugin;

/**
 * The blueprint of a simulation: populations, inputs, hooks and recordings. Every addition is
 * validated at once (one-line errors naming the owner and field); {@link #build()} compiles the
 * blueprint into a runnable {@link Simulation}. Parameter values are SI numbers, strings with
 * units ("8 ms"), or lists/arrays for per-neuron values.
 *
 * <pre>{@code
 * Network net = new Network(0.1e-3);
 * net.addLif("lif", 100, Map.of("tau_m", "8 ms", "R", "10 Mohm"));
 * net.addInput("step", "lif", Map.of("amplitude", "2.05 nA", "start", "5 ms", "stop", "100 ms"));
 * net.recordSpikes("lif");
 * Simulation sim = net.build();
 * sim.run(0.2);
 * }</pre>
 */
public final class Network {
    final double dt;
    long seed = 1;
    PluginRegistry plugins;
    final Map<String, PopulationSpec> populations = new LinkedHashMap<>();
    final List<InputSpec> inputs = new ArrayList<>();
    final List<HookSpec> hooks = new ArrayList<>();
    final List<ProjectionSpec> projections = new ArrayList<>();
    Precision precision = Precision.FLOAT32;
    /** Worker threads asked for; 0: chosen by {@link #autoThreads}. */
    private int threads;
    final List<String> recordedSpikes = new ArrayList<>();
    final List<StateSpec> recordedState = new ArrayList<>();

    sealed interface PopulationSpec permits LifSpec, GeneratorSpec, PoissonSpec {
        String name();
        int size();
    }

    /**
     * Raw parameters are kept so that distributions are drawn at build time from the final seed:
     * parameter p of neuron i at position (0, i) of stream population/name/p, so a slice of the
     * population draws its own values alone.
     */
    record LifSpec(String name, int size, Map<String, ?> rawParams) implements PopulationSpec {
        Params params(long seed) {
            return LifModel.checked(Params.resolve("population '" + name + "'", LifModel.PARAMS, rawParams, size,
                    stream(seed)));
        }

        /** The raw hardware parameters under precision loihi. */
        Params loihiParams(long seed) {
            return org.spikelane.neuron.LoihiLifModel.resolve("population '" + name + "'", rawParams, size, stream(seed));
        }

        private org.spikelane.random.RandomStream stream(long seed) {
            return org.spikelane.random.RandomStream.root(seed).substream("population").substream(name);
        }

        void validate(long seed, Precision precision) {
            precision.format().validate(new LifDraw(this, seed));
        }
    }

    record GeneratorSpec(String name, int size, double[] times, int[] neurons, double period) implements PopulationSpec {}

    /** Raw parameters kept, as for LIF, so that a rate distribution is drawn from the final seed. */
    record PoissonSpec(String name, int size, Map<String, ?> rawParams) implements PopulationSpec {
        org.spikelane.neuron.PoissonPopulation build(long seed, double dt) {
            org.spikelane.random.RandomStream stream = org.spikelane.random.RandomStream.root(seed).substream("population").substream(name);
            // parameters draw from population/<name>/<parameter>, the spikes from population/<name>/spikes
            return new org.spikelane.neuron.PoissonPopulation(name, size, dt,
                    org.spikelane.neuron.PoissonPopulation.resolve(name, size, rawParams, stream), stream.substream("spikes"));
        }
    }

    record InputSpec(String label, InputPlugin plugin, String target, Params params, int[] neurons) {}

    record HookSpec(long intervalSteps, Consumer<Simulation> action) {}

    record StateSpec(String population, List<String> variables, int[] neurons, long every) {}

    /** @param dt time step in seconds (usually 0.1 ms, docs/semantics.md §1) */
    public Network(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new ParameterException("network", "dt", "must be > 0 s, got " + dt);
        this.dt = dt;
    }

    public double dt() { return dt; }

    /** Seed of every random generator in the simulation (inputs, connectivity). Default 1. */
    public Network seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Number format of every LIF population (default float32); see {@link Precision} and
     * docs/fixed-point.md. Populations added so far are checked again against it (under
     * {@code loihi} they take physical parameters that Loihi can represent, or the raw parameters
     * du, dv, vth, bias_mant, bias_exp).
     */
    public Network precision(Precision precision) {
        Simulation.required(precision, "precision", "precision");
        for (PopulationSpec spec : populations.values()) {
            if (spec instanceof LifSpec lif) lif.validate(seed, precision);
        }
        this.precision = precision;
        return this;
    }

    public Precision precision() { return precision; }

    /** The most threads a simulation takes: more would only wait on each other. */
    public static final int MAX_THREADS = 256;
    /**
     * Neurons per worker below which the default leaves a core idle: a step's synchronisation
     * (a microsecond on free cores, a scheduler slice on busy ones) then costs more than the
     * slice's work saves (jmh-results/threads.md: CUBA at 4000 neurons gains 0.98-1.20x).
     */
    static final int NEURONS_PER_WORKER = 8192;

    /**
     * Worker threads of each step, the calling thread included (docs/threads.md). Results are
     * bit-identical for every count. Default: {@link #autoThreads}.
     *
     * @throws ParameterException unless {@code 1 <= threads <= MAX_THREADS}
     */
    public Network threads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException("network", "threads", "must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** The worker count a build uses: the one set with {@link #threads(int)}, else {@link #autoThreads}. */
    public int threads() { return threads > 0 ? threads : autoThreads(); }

    /**
     * The default: the available processors, but no more workers than the network has
     * {@link #NEURONS_PER_WORKER} neurons in all (a small network runs on the calling thread).
     */
    public int autoThreads() {
        long neurons = 0;
        for (PopulationSpec spec : populations.values()) neurons += spec.size();
        long bySize = Math.max(1, neurons / NEURONS_PER_WORKER);
        return (int) Math.min(Math.min(Runtime.getRuntime().availableProcessors(), bySize), MAX_THREADS);
    }

    /** Uses these plugins instead of the ones {@link PluginRegistry#discover()} finds. */
    public Network plugins(PluginRegistry registry) {
        Simulation.required(registry, "plugins", "registry");
        this.plugins = registry;
        return this;
    }

    PluginRegistry registry() {
        if (plugins == null) plugins = PluginRegistry.discover();
        return plugins;
    }

    /**
     * Adds a LIF population; parameters as in {@link LifModel#PARAMS}, each one value, {@code size}
     * values, or a distribution such as {@code Map.of("normal", Map.of("mean", "20 ms", "sd", "2 ms"))}
     * drawn from the network seed when the simulation is built.
     */
    public Network addLif(String name, int size, Map<String, ?> params) {
        checkNewPopulation(name, size);
        Simulation.required(params, "addLif", "params");
        LifSpec spec = new LifSpec(name, size, copied(name, params));
        spec.validate(seed, precision); // validates now; build() draws again with the final seed
        populations.put(name, spec);
        return this;
    }

    /**
     * Adds a population that emits the given spikes (seconds; rounded to steps), repeated every
     * {@code period} seconds if {@code period > 0}.
     */
    public Network addSpikeGenerator(String name, int size, double[] times, int[] neurons, double period) {
        checkNewPopulation(name, size);
        Simulation.required(times, "addSpikeGenerator", "times");
        Simulation.required(neurons, "addSpikeGenerator", "neurons");
        // constructed once here only to validate; build() makes the real one
        new org.spikelane.neuron.SpikeGeneratorPopulation(name, size, dt, times, neurons, period);
        populations.put(name, new GeneratorSpec(name, size, times.clone(), neurons.clone(), period));
        return this;
    }

    /**
     * Adds a population of independent Poisson spike trains: {@code rate} (one value, one per
     * neuron, or a distribution), optional {@code start} and {@code stop}; see
     * {@link org.spikelane.neuron.PoissonPopulation}. A valid source of any projection.
     */
    public Network addPoisson(String name, int size, Map<String, ?> params) {
        checkNewPopulation(name, size);
        Simulation.required(params, "addPoisson", "params");
        PoissonSpec spec = new PoissonSpec(name, size, copied(name, params));
        spec.build(seed, dt); // validates now; build() draws again with the final seed
        populations.put(name, spec);
        return this;
    }

    /** Map.copyOf would refuse a null key or value with a bare NullPointerException. */
    private static Map<String, ?> copied(String population, Map<String, ?> params) {
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getKey() == null) throw new ParameterException("population '" + population + "'", null, "a parameter name is null");
            if (e.getValue() == null) {
                throw new ParameterException("population '" + population + "'", e.getKey(), "is null; leave it out for its default");
            }
        }
        return Map.copyOf(params);
    }

    private void checkNewPopulation(String name, int size) {
        if (name == null || name.isBlank()) throw new ParameterException("population", "name", "must not be empty");
        if (populations.containsKey(name)) throw new ParameterException("population '" + name + "'", "name", "is already used");
        if (size <= 0) throw new ParameterException("population '" + name + "'", "size", "must be >= 1, got " + size);
    }

    /** Adds an input to every neuron of {@code target}; returns its index for {@link Simulation#input(int)}. */
    public int addInput(String plugin, String target, Map<String, ?> params) {
        return addInput(plugin, target, params, null);
    }

    /**
     * Adds an input to some neurons of {@code target} ({@code neurons == null}: all).
     *
     * @return the input's index, for {@link Simulation#input(int)}
     */
    public int addInput(String plugin, String target, Map<String, ?> params, int[] neurons) {
        Simulation.required(plugin, "addInput", "plugin");
        Simulation.required(target, "addInput", "target");
        Simulation.required(params, "addInput", "params");
        InputPlugin p = registry().input(plugin);
        String owner = "input '" + plugin + "'";
        PopulationSpec pop = population(target, owner, "target");
        int[] chosen = checkedNeurons(owner, neurons, pop.size());
        int n = chosen == null ? pop.size() : chosen.length;
        Params resolved = Params.resolve(owner, p.params(), params, n);
        if (chosen != null) {
            // kernels get their targets ascending (InputContext.neurons), per-neuron lists moved along
            int[] listed = chosen;
            int[] order = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(java.util.Comparator.comparingInt(k -> listed[k])).mapToInt(Integer::intValue).toArray();
            chosen = java.util.Arrays.stream(order).map(k -> listed[k]).toArray();
            resolved = resolved.reordered(order);
        }
        inputs.add(new InputSpec(owner, p, target, resolved, chosen));
        return inputs.size() - 1;
    }

    /**
     * Connects two populations through a synapse plugin. Everything that can be checked now is
     * (populations, rule, ranges, units, weight range, non-negative delays), with one-line errors
     * naming {@code projection 'from -> to'} and the field; random connectivity, weights and delays
     * are drawn from the network seed when the simulation is built.
     *
     * @param from          source population (LIF or spike generator)
     * @param to            target population (LIF)
     * @param synapse       synapse plugin name, e.g. "exp_current"
     * @param synapseParams the plugin's parameters (null: defaults)
     * @param weight        "4 nS", an SI number, a list (one per synapse), or {normal|uniform: {...}}
     * @param delay         as {@code weight}, a time; null means 0 (effect from the next step)
     * @param connect       {@code {rule: all_to_all | one_to_one | probability (p, autapses) | in_degree (k) | total_number (n)
     *                      | pairs (pairs), pre: {from, to}, post: {from, to}}}; null means all_to_all
     */
    public Network connect(String from, String to, String synapse, Map<String, ?> synapseParams,
                           Object weight, Object delay, Map<String, ?> connect) {
        Simulation.required(from, "connect", "from");
        Simulation.required(to, "connect", "to");
        String owner = "projection '" + from + " -> " + to + "'";
        PopulationSpec source = population(from, owner, "from");
        PopulationSpec target = population(to, owner, "to");
        if (!(target instanceof LifSpec)) {
            throw new ParameterException(owner, "to", "population '" + to + "' is a spike generator; projections target LIF populations");
        }
        if (synapse == null || synapse.isBlank()) throw new ParameterException(owner, "synapse", "is required");
        SynapsePlugin plugin;
        try {
            plugin = registry().synapse(synapse);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(owner, "synapse", e.getMessage());
        }
        projections.add(new ProjectionSpec(from, source.size(), to, target.size(), plugin, synapseParams, weight, delay, connect));
        return this;
    }

    PopulationSpec population(String name, String owner, String field) {
        PopulationSpec pop = populations.get(name);
        if (pop == null) {
            throw new ParameterException(owner, field, "unknown population '" + name + "'"
                    + org.spikelane.spi.Suggest.didYouMean(String.valueOf(name), populations.keySet())
                    + "; populations: " + String.join(", ", populations.keySet()));
        }
        return pop;
    }

    static int[] checkedNeurons(String owner, int[] neurons, int size) {
        if (neurons == null) return null;
        int[] sorted = neurons.clone();
        java.util.Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (sorted[k] < 0 || sorted[k] >= size) {
                throw new ParameterException(owner, "neurons", "index " + sorted[k] + " is out of range [0, " + (size - 1) + "]");
            }
            if (k > 0 && sorted[k] == sorted[k - 1]) {
                throw new ParameterException(owner, "neurons", "index " + sorted[k] + " is listed twice");
            }
        }
        if (sorted.length == 0) throw new ParameterException(owner, "neurons", "must not be empty");
        return neurons.clone();
    }

    /**
     * Runs {@code action} between steps, before the step at {@code t = 0, interval, 2 interval, ...}
     * (Brian2's {@code network_operation}); it may change parameters through the simulation.
     */
    public Network every(double intervalSeconds, Consumer<Simulation> action) {
        Simulation.required(action, "every", "action");
        if (!Double.isFinite(intervalSeconds)) {
            throw new ParameterException("hook", "interval", "must be a finite time, got " + intervalSeconds + " s");
        }
        long steps = Math.round(intervalSeconds / dt);
        if (steps < 1) throw new ParameterException("hook", "interval", "must be at least one step (" + dt + " s), got " + intervalSeconds + " s");
        hooks.add(new HookSpec(steps, action));
        return this;
    }

    /** Records every spike of these populations. */
    public Network recordSpikes(String... names) {
        Simulation.required(names, "recordSpikes", "names");
        for (String n : names) {
            Simulation.required(n, "recordSpikes", "name");
            population(n, "record", "spikes");
            if (!recordedSpikes.contains(n)) recordedSpikes.add(n);
        }
        return this;
    }

    /**
     * Records variables (e.g. "v", "I") of some neurons ({@code null}: all) every {@code every} steps.
     */
    public Network recordState(String population, List<String> variables, int[] neurons, long every) {
        Simulation.required(population, "recordState", "population");
        Simulation.required(variables, "recordState", "variables");
        String owner = "record state of '" + population + "'";
        PopulationSpec pop = population(population, "record", "state");
        if (every < 1) throw new ParameterException(owner, "every", "must be >= 1 step, got " + every);
        if (variables.isEmpty()) throw new ParameterException(owner, "variables", "must name at least one variable");
        int[] chosen = checkedNeurons(owner, neurons, pop.size());
        if (chosen == null) chosen = java.util.stream.IntStream.range(0, pop.size()).toArray();
        recordedState.add(new StateSpec(population, List.copyOf(variables), chosen, every));
        return this;
    }

    /** Compiles the blueprint; the network can be built again (each simulation is independent). */
    public Simulation build() {
        return new Simulation(this);
    }
}
