package org.spikelane.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * Runs a small copy of the scenario on a background thread while the real network is being built,
 * so that the JIT has compiled the step code (Vector API kernels, synapse updates, delivery) before
 * the timed loop starts. Interpreted and C1-compiled Vector API code boxes every vector, which made
 * the first simulated second of CUBA cost ten times a later one (jmh-results/warmup.md).
 *
 * <p>The copy is the same scenario, same precision, same plugins and parameters, with every LIF
 * population cut to {@value #SIZE} neurons (per-neuron lists cut to match), every projection
 * connected at random with p = {@value #P} (the rules' neuron ranges would not fit the smaller
 * populations; the delivery code is the same for every rule), neuron subsets of inputs and state
 * recordings cut to the neurons that remain, and no checkpoints. It is a separate
 * {@link Simulation} with its own state, so the real run's results cannot depend on it.
 *
 * <p>It is only an optimisation: a copy that cannot be built (a scenario whose parts do not
 * survive the cut, e.g. a spike generator's explicit lists) is given up silently and the run goes
 * on as without it. Once per JVM (a sweep warms up on its first scenario).
 *
 * <p>Off unless {@code -Dspikelane.warmup=true}: measured on the 2-core machine of
 * jmh-results/warmup.md it did not shorten the first second beyond the noise (14.0x against 15.6x a
 * steady second, main-thread CPU). The kernels' first compilations there wait in the JIT's queue
 * behind the build's, so an earlier start of their profiling gains little; the switch stays so
 * that the measurement can be repeated elsewhere.
 */
final class KernelWarmup {
    /**
     * Neurons per LIF population of the copy: two to eight lane groups, so an interpreted step
     * is cheap and the kernels reach the JIT's invocation thresholds soon.
     */
    static final int SIZE = 32;
    /** Connection probability of the copy's projections: enough synapses that spikes are delivered. */
    static final double P = 0.25;
    /** Steps between looks at the stop flag: a few milliseconds once compiled. */
    private static final int CHUNK = 50;
    /** The copy stops by itself after this many steps even if the real build takes longer. */
    static final long MAX_STEPS = 20_000;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private volatile long steps;
    private volatile Throwable failure;

    private KernelWarmup(Scenario scenario, PluginRegistry registry) {
        thread = Thread.ofPlatform().name("spikelane-warmup").daemon().unstarted(() -> warm(scenario, registry));
    }

    /** Starts the warm-up for this scenario, unless it is switched off or this JVM has warmed up already. */
    static KernelWarmup start(Scenario scenario, PluginRegistry registry) {
        KernelWarmup w = unstarted(scenario, registry);
        if (enabled() && STARTED.compareAndSet(false, true)) w.startThread();
        return w;
    }

    /** A warm-up whose thread {@link #startThread} starts (tests; {@link #start} otherwise). */
    static KernelWarmup unstarted(Scenario scenario, PluginRegistry registry) {
        return new KernelWarmup(scenario, registry);
    }

    void startThread() { thread.start(); }

    static boolean enabled() {
        return "true".equalsIgnoreCase(System.getProperty("spikelane.warmup", "").strip());
    }

    /** Stops the copy after its current chunk and waits for it: the real loop then has both cores. */
    void finish() {
        stop.set(true);
        if (!thread.isAlive()) return;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps the copy ran (0 when it did not start or could not be built). */
    long steps() { return steps; }

    /** Why the copy could not be built or run, or null. */
    Throwable failure() { return failure; }

    private void warm(Scenario scenario, PluginRegistry registry) {
        try {
            Simulation copy = NetworkBuilder.simulation(smallCopy(scenario), registry);
            long done = 0;
            while (!stop.get() && done < MAX_STEPS) {
                copy.runSteps(CHUNK);
                done += CHUNK;
                steps = done;
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e;
        }
    }

    /** The scenario cut down as the class comment says, as a new tree (the original is not touched). */
    static Scenario smallCopy(Scenario scenario) {
        Map<String, Object> root = copy(scenario.root());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        java.util.Set<String> shrunkWithGroups = new java.util.HashSet<>();
        for (Object o : list(root.get("populations"))) {
            Map<String, Object> pop = map(o);
            Object model = pop.getOrDefault("model", "lif");
            if (!"lif".equals(model) || !(pop.get("size") instanceof Number size) || size.longValue() <= SIZE) {
                if (pop.get("size") instanceof Number size) sizes.put(String.valueOf(pop.get("name")), size.intValue());
                continue;
            }
            int old = size.intValue();
            pop.put("size", SIZE);
            sizes.put(String.valueOf(pop.get("name")), SIZE);
            // named ranges would not fit the smaller copy; a neurons field naming one becomes neuron 0 (cutNeurons)
            if (pop.remove("groups") != null) shrunkWithGroups.add(String.valueOf(pop.get("name")));
            if (pop.get("params") instanceof Map<?, ?> params) {
                for (Map.Entry<String, Object> e : map(params).entrySet()) {
                    if (e.getValue() instanceof List<?> values && values.size() == old) e.setValue(new ArrayList<>(values.subList(0, SIZE)));
                }
            }
        }
        for (Object o : list(root.get("projections"))) {
            Map<String, Object> proj = map(o);
            proj.put("connect", new LinkedHashMap<>(Map.of("rule", "probability", "p", P)));
        }
        for (Object o : list(root.get("inputs"))) {
            String target = String.valueOf(map(o).get("target"));
            cutNeurons(map(o), sizes.get(target), shrunkWithGroups.contains(target));
        }
        if (root.get("record") instanceof Map<?, ?> record) {
            for (Object o : list(map(record).get("state"))) {
                String population = String.valueOf(map(o).get("population"));
                cutNeurons(map(o), sizes.get(population), shrunkWithGroups.contains(population));
            }
        }
        double duration = MAX_STEPS * scenario.dt();
        root.put("duration", duration + " s");
        return new Scenario(scenario.name() + "-warmup", scenario.dt(), duration, scenario.seed(), scenario.precision(), 1,
                root, scenario.tree());
    }

    /** Keeps the listed neurons below {@code size}, or neuron 0 if none is left (or the list was a group that is gone). */
    private static void cutNeurons(Map<String, Object> part, Integer size, boolean groupsGone) {
        if (groupsGone && part.get("neurons") instanceof String name && !name.equals("all")) {
            part.put("neurons", List.of(0));
            return;
        }
        if (size == null || !(part.get("neurons") instanceof List<?> neurons)) return;
        List<Object> kept = new ArrayList<>();
        for (Object n : neurons) if (n instanceof Number k && k.longValue() < size) kept.add(n);
        part.put("neurons", kept.isEmpty() ? List.of(0) : kept);
    }

    /** A deep copy of the parsed tree's maps and lists (leaves are immutable values). */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) out.add(copy(v));
            return (T) out;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
