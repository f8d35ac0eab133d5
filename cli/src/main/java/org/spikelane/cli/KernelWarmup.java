package org.spikelane.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.simd.Simd;
import org.spikelane.spi.PluginRegistry;

/**
 * Runs a small copy of the scenario on a background thread while the real network is being built,
 * and holds the real run back until the JIT has compiled the copy's step code (Vector API kernels,
 * synapse updates, delivery), so that the timed loop starts with compiled kernels. Interpreted and
 * C1-compiled Vector API code boxes every vector, which made the first simulated second of CUBA
 * cost ten times a later one (jmh-results/warmup.md).
 *
 * <p>The copy is the same scenario, same precision, same plugins and parameters, with every LIF
 * population cut to {@value #SIZE} neurons (per-neuron lists cut to match), every projection
 * connected at random with p = {@value #P} (the rules' neuron ranges would not fit the smaller
 * populations; the delivery code is the same for every rule), neuron subsets of inputs and state
 * recordings cut to the neurons that remain, and no checkpoints. It runs on its one thread, but
 * every {@value #CHUNK}th step with each call split in lane-aligned ranges as a threaded step
 * splits it ({@link Simulation#stepInRanges}): the kernels are then compiled for slices that
 * start past neuron 0 too, and are not thrown away at the real run's first threaded step. It has
 * the real run's spike listener class ({@link PopulationSpikeCounts}). It is a separate
 * {@link Simulation} with its own state, so the real run's results cannot depend on it.
 *
 * <p><b>When the copy is warm</b> {@link WarmthGauge} decides, from the copy's step times and the
 * JIT's activity, after at least {@value #MIN_STEPS} steps. A real build that ends first waits for
 * that ({@link #awaitWarm}), at most {@value #MAX_WAIT_MILLIS} ms: a JIT still busy then (a machine
 * whose cores are all taken) lets the real run start anyway. A copy warm before the real build
 * ends stops and gives the core back.
 *
 * <p>Whether the JIT gets there soon depends on its flags, which the {@code ./spikelane} launcher
 * sets (bin/jit.jvmopts, docs/scenario.md "Warm-up"): with the JVM's defaults C2 never compiles the copy's
 * LIF kernel, because the boxed fallback methods of the Vector API that the C1 code calls fill
 * C2's queue and the queue's length raises the kernel's threshold beyond its calls.
 *
 * <p>It is only an optimisation: a copy that cannot be built (a scenario whose parts do not
 * survive the cut, e.g. a spike generator's explicit lists) is given up silently and the run goes
 * on as without it. Once per JVM (a sweep warms up on its first scenario), only for a network
 * with a LIF population of more than {@value #WORTH_IT} neurons ({@link #worthIt}). On unless
 * {@code -Dspikelane.warmup=false}.
 */
public final class KernelWarmup {
    /**
     * Neurons per LIF population of the copy: two to eight lane groups, so an interpreted step
     * is cheap and the kernels reach the JIT's invocation thresholds soon.
     */
    static final int SIZE = 32;
    /** Neurons a LIF population must exceed for the copy to be worth running ({@link #worthIt}): 8 copies' worth. */
    static final int WORTH_IT = 8 * SIZE;
    /** Connection probability of the copy's projections: enough synapses that spikes are delivered. */
    static final double P = 0.25;
    /** Steps between looks at the clock: well under a millisecond once compiled. */
    private static final int CHUNK = 50;
    /** Steps the copy runs at least before it may count as warm: its neurons have fired and received spikes by then. */
    static final long MIN_STEPS = 2_000;
    /** The copy stops by itself after this many steps (its state recording grows with them). */
    static final long MAX_STEPS = 200_000;
    /** The longest the real run waits for the copy after its own build. */
    static final long MAX_WAIT_MILLIS = 1_000;

    /**
     * What the last warm-up of this JVM did: copy steps, why it stopped (WarmthGauge's reason, or
     * the time or step limit), how long the real run waited for it after its build.
     */
    public record Outcome(long steps, String ended, double waitedSeconds) {}

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Outcome last;

    private final AtomicBoolean abandoned = new AtomicBoolean();
    private final Thread thread;
    private boolean started;
    private volatile long builtAt; // System.nanoTime() when the real network was built, 0 before
    private volatile long steps;
    private volatile String ended = "not started";
    private volatile Throwable failure;

    private KernelWarmup(Scenario scenario, PluginRegistry registry) {
        thread = Thread.ofPlatform().name("spikelane-warmup").daemon().unstarted(() -> warm(scenario, registry));
    }

    /** Starts the warm-up for this scenario, unless it is switched off or this JVM has warmed up already. */
    static KernelWarmup start(Scenario scenario, PluginRegistry registry) {
        KernelWarmup w = unstarted(scenario, registry);
        if (enabled() && worthIt(scenario) && STARTED.compareAndSet(false, true)) w.startThread();
        return w;
    }

    /**
     * Whether a copy pays: some LIF population has more than {@value #WORTH_IT} neurons. A network
     * whose populations are all smaller steps about as cheaply as its copy would, so it warms itself
     * up as fast, and waiting for a copy would only add time (the quickstart's 3 neurons).
     */
    static boolean worthIt(Scenario scenario) {
        for (Object o : list(scenario.root().get("populations"))) {
            Map<String, Object> pop = map(o);
            if ("lif".equals(pop.getOrDefault("model", "lif")) && pop.get("size") instanceof Number n && n.longValue() > WORTH_IT) {
                return true;
            }
        }
        return false;
    }

    /** A warm-up whose thread {@link #startThread} starts (tests; {@link #start} otherwise). */
    static KernelWarmup unstarted(Scenario scenario, PluginRegistry registry) {
        return new KernelWarmup(scenario, registry);
    }

    void startThread() {
        started = true;
        thread.start();
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("spikelane.warmup", "").strip());
    }

    /** The last warm-up of this JVM that ran, or null. */
    public static Outcome last() { return last; }

    /**
     * The real network is built: lets the copy run on until it is warm (see the class comment),
     * at most {@value #MAX_WAIT_MILLIS} ms, then stops it and returns; the real loop then has both cores.
     */
    void awaitWarm() {
        if (!started) return;
        long t0 = System.nanoTime();
        builtAt = t0 == 0 ? 1 : t0;
        join();
        last = new Outcome(steps, ended, (System.nanoTime() - t0) * 1e-9);
    }

    /** The real build failed: stops the copy after its current chunk, without waiting for it to be warm. */
    void abandon() {
        abandoned.set(true);
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            abandoned.set(true);
            Thread.currentThread().interrupt();
        }
    }

    /** Steps the copy ran (0 when it did not start or could not be built). */
    long steps() { return steps; }

    /** Why the copy stopped (see {@link Outcome}). */
    String ended() { return ended; }

    /** Why the copy could not be built or run, or null. */
    Throwable failure() { return failure; }

    private void warm(Scenario scenario, PluginRegistry registry) {
        try (Simulation copy = NetworkBuilder.simulation(smallCopy(scenario), registry)) { // close: its workers end now
            new PopulationSpikeCounts(copy); // the real run's listener, so its calls are compiled for the same class
            ended = step(copy, new WarmthGauge(new JitActivity()::nanos, MIN_STEPS));
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e;
            ended = "failed";
        }
    }

    /** Steps the copy until it is warm or a limit is reached; returns why it stopped. */
    private String step(Simulation copy, WarmthGauge gauge) {
        long done = 0;
        while (done < MAX_STEPS) {
            if (abandoned.get()) return "abandoned";
            long t = System.nanoTime();
            copy.runSteps(CHUNK - 1);
            copy.stepInRanges(Simd.LANES); // [0, LANES) and [LANES, SIZE): a threaded step's slices
            long now = System.nanoTime();
            done += CHUNK;
            steps = done;
            if (gauge.chunkDone(done, now - t, now)) return gauge.reason();
            long built = builtAt;
            if (built != 0 && now - built > MAX_WAIT_MILLIS * 1_000_000L) return "time limit";
        }
        return "step limit";
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
        double duration = MAX_STEPS * scenario.dt(); // runSteps ignores it; a scenario needs one
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
