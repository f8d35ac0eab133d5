package org.spikelane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.format.BoundInput;
import org.spikelane.net.AheadDelivery;
import org.spikelane.net.FutureInputRing;
import org.spikelane.net.Pathway;
import org.spikelane.net.Projection;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.net.SynapticVariables;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.Population;
import org.spikelane.neuron.SpikeGeneratorPopulation;
import org.spikelane.random.RandomStream;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.record.StateRecorder;
import org.spikelane.record.Variable;
import org.spikelane.schedule.PopulationOwners;
import org.spikelane.schedule.RedealByEvents;
import org.spikelane.schedule.Slices;
import org.spikelane.schedule.Workers;
import org.spikelane.simd.Simd;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.SpikeSource;
import org.spikelane.state.CheckpointException;
import org.spikelane.state.CheckpointFile;
import org.spikelane.state.CheckpointHeader;
import org.spikelane.state.NeuronSetter;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateRegistry;

/**
 * A compiled, runnable network. {@link #step()} is the scheduler: it runs the phases of
 * docs/semantics.md §2 in order over flat arrays, without allocating and without any per-neuron virtual call.
 *
 * <ol>
 *   <li>{@link Phase#HOOKS}: hooks due at this step (between steps, Brian2 {@code network_operation});</li>
 *   <li>{@link Phase#INPUTS}: inputs add their current at {@code t_n} to each population's accumulator;</li>
 *   <li>{@link Phase#RECORD}: state recorders sample (state at {@code t_n}, inputs of step n);</li>
 *   <li>{@link Phase#SYNAPSE_UPDATE}: pathways (synapses) decay and feed the accumulators;</li>
 *   <li>{@link Phase#NEURON_UPDATE}: populations integrate, threshold and reset;</li>
 *   <li>{@link Phase#DELIVERY}: pathways deliver this step's spikes (seen from step n+1);</li>
 *   <li>{@link Phase#SPIKES_OUT}: spikes go to the recorder and listeners.</li>
 * </ol>
 *
 * <p>Every array it keeps is declared in its {@link #stateRegistry()}, which recording, run-time
 * {@link #set}, the quantization and overflow reports and {@link #checkpoint} / {@link #restore}
 * walk.
 *
 * <p><b>One thread at a time.</b> {@link #run}, {@link #runSteps}, {@link #step},
 * {@link #stepInRanges}, {@link #checkpoint} and {@link #restore} take the simulation for the
 * calling thread while they run; a call from a second thread meanwhile, or from a hook or spike
 * listener of the running step, throws an {@link IllegalStateException} naming the thread that
 * holds it. Hand a simulation to another thread only between such calls (through anything that
 * orders memory, e.g. an executor). The check costs one atomic swap per call, nothing per step or
 * neuron.
 *
 * <p><b>A hook or listener that throws</b> does not cut the step short: the step runs to its end
 * (the remaining hooks, every phase, the recorder and every other listener), the step counter
 * advances, and only then is the first exception rethrown (later ones added as suppressed), so a
 * caller that catches it can go on running as if nothing had been thrown. An exception thrown
 * anywhere else in a step (a plugin's kernel) does leave it half done: the simulation is then
 * marked failed and refuses to run, with an {@link IllegalStateException} giving the step and the
 * cause, until {@link #restore} replaces its whole state. (Only exceptions are held: an
 * {@link Error} a hook or listener throws counts as thrown anywhere else.)
 */
public final class Simulation implements AutoCloseable {
    private final double dt;
    private final long seed;
    private final Precision precision;
    private final Population[] populations;
    private final Map<String, Population> byName = new HashMap<>();
    private final InputKernel[] inputs;
    private final float[][] inputTargets;
    /** The end of the whole neuron range of each input's population. */
    private final int[] inputPadded;
    private final String[] inputLabels;
    private final long[] hookIntervals;
    private final java.util.function.Consumer<Simulation>[] hookActions;
    /** The projections in order, each ring of future input right after the last projection that feeds it. */
    private final Pathway[] pathways;
    private final List<FutureInputRing> futureInputs;
    /** The end of the whole target range of each pathway. */
    private final int[] pathwayPadded;
    private final List<Projection> projections;
    private final StateRecorder[] stateRecorders;
    private final boolean[] spikesRecorded;
    private final SpikeRecorder spikeRecorder;
    private SpikeListener[] listeners = new SpikeListener[0];
    /** Every listener uses only its arguments ({@link SpikeListener#usesSpikesOnly}): delivery may stay deferred. */
    private boolean listenersUseSpikesOnly = true;
    private long step;
    private final StateRegistry registry;
    /** The thread inside run, step or checkpoint, or null; set and cleared by {@link #enter} / {@link #exit}. */
    private volatile Thread runner;
    private static final java.lang.invoke.VarHandle RUNNER;
    static {
        try {
            RUNNER = java.lang.invoke.MethodHandles.lookup().findVarHandle(Simulation.class, "runner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /**
     * Why a step was left half done, or null; then the simulation refuses to run until restored.
     * Plain: only the thread holding {@link #runner} touches it, and taking runner orders memory.
     */
    private String failure;

    /** The thread count asked for (or chosen by default); see {@link #threads()}. */
    private final int threads;
    /** The workers of a threaded step (one: the calling thread only, no threads started). */
    private final Workers workers;
    /** Each worker's slice of every input, pathway and population. */
    private final Slices inputSlices, pathwaySlices, populationSlices;
    /** The step the current parallel section belongs to; written before the release, read by the workers. */
    private long sectionStep;
    /**
     * The previous step's DELIVERY has not run yet: a threaded step defers it into its successor's
     * first section (one synchronisation per step instead of two) when nothing can observe the
     * difference; every call that returns control runs it first ({@link #flushDelivery}).
     */
    private boolean deliveryPending;
    /** Each worker's slice of every state recorder's population. */
    private final Slices recorderSlices;
    /** Whether each worker takes whole populations ({@link PopulationOwners}) instead of a slice of each. */
    private final boolean wholePopulations;
    /**
     * Re-deals whole populations to workers by the events they receive (docs/threads.md); null
     * with lane slices or {@code -Dspikelane.threads.rebalance=false}.
     */
    private final RedealByEvents balance;
    /** The deal at build (null with lane slices). */
    private final int[] populationOwnerAtBuild;
    /**
     * Whether each step runs on the team or on the calling thread alone, from measured step times
     * (docs/threads.md, "When the cores are busy"); null with one worker or with
     * {@code -Dspikelane.threads.adaptive=false}.
     */
    private final org.spikelane.schedule.TeamChoice choice;

    @SuppressWarnings("unchecked")
    Simulation(Network net) {
        this.dt = net.dt;
        this.seed = net.seed;
        this.precision = net.precision;
        List<Population> pops = new ArrayList<>();
        for (Network.PopulationSpec spec : net.populations.values()) {
            Population p = switch (spec) {
                case Network.LifSpec lif -> net.precision.format().population(new LifDraw(lif, seed), dt);
                case Network.GeneratorSpec gen -> new SpikeGeneratorPopulation(gen.name(), gen.size(), dt, gen.times(),
                        gen.neurons(), gen.period());
                case Network.PoissonSpec poisson -> poisson.build(seed, dt);
            };
            pops.add(p);
            byName.put(p.name(), p);
        }
        populations = pops.toArray(Population[]::new);

        inputs = new InputKernel[net.inputs.size()];
        inputTargets = new float[inputs.length][];
        inputPadded = new int[inputs.length];
        inputLabels = new String[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            Network.InputSpec spec = net.inputs.get(k);
            Population target = byName.get(spec.target());
            if (!(target instanceof LifPopulation lif)) {
                throw new ParameterException(spec.label(), "target", "population '" + spec.target()
                        + "' is a spike generator; inputs drive LIF populations");
            }
            BoundInput input = lif.format().input(spec.plugin(), new Context(spec, lif, k), spec.params());
            inputs[k] = input.kernel();
            inputTargets[k] = input.target();
            inputPadded[k] = lif.padded();
            inputLabels[k] = spec.label() + " -> population '" + lif.name() + "'";
        }

        hookIntervals = net.hooks.stream().mapToLong(Network.HookSpec::intervalSteps).toArray();
        hookActions = net.hooks.stream().map(Network.HookSpec::action).toArray(java.util.function.Consumer[]::new);
        List<Projection> built = new ArrayList<>();
        for (int k = 0; k < net.projections.size(); k++) {
            ProjectionSpec spec = net.projections.get(k);
            // one stream per projection, by position: connect, weight and delay are its substreams
            RandomStream random = RandomStream.root(seed).substream("projection").substream(k);
            LifPopulation target = (LifPopulation) byName.get(spec.to());
            spec = target.format().projection(spec);
            Projection projection = spec.build(byName.get(spec.from()), target, dt, random, Simd.useVectorKernels(), net.threads());
            target.format().projectionBuilt(projection, spec);
            built.add(projection);
        }
        projections = List.copyOf(built);
        AheadDelivery.Plan plan = AheadDelivery.plan(projections);
        pathways = plan.pathways();
        futureInputs = plan.rings();
        pathwayPadded = java.util.Arrays.stream(pathways).mapToInt(Pathway::padded).toArray();
        SynapticVariables.register(projections);

        StateRegistry r = new StateRegistry();
        declareNetwork(r, net);
        // recorders sample what the registry lists as recordable, nothing else
        stateRecorders = new StateRecorder[net.recordedState.size()];
        for (int k = 0; k < stateRecorders.length; k++) {
            Network.StateSpec spec = net.recordedState.get(k);
            Population p = byName.get(spec.population());
            String owner = populationOwner(p);
            List<Variable> vars = new ArrayList<>();
            for (String name : spec.variables()) {
                Variable v = r.recordable(owner, name);
                if (v == null) {
                    String shared = p instanceof LifPopulation lif ? lif.whyNotRecordable(name) : null;
                    if (shared != null) throw new ParameterException("record state of '" + p.name() + "'", "variables", shared);
                    String known = r.recordableNames(owner).isEmpty() ? "none (it has no state variables)"
                            : String.join(", ", r.recordableNames(owner));
                    throw new ParameterException("record state of '" + p.name() + "'", "variables",
                            owner + " has no variable '" + name + "'; recordable: " + known);
                }
                vars.add(v);
            }
            stateRecorders[k] = new StateRecorder(p.name(), vars, spec.neurons(), spec.every(), dt);
        }
        spikesRecorded = new boolean[populations.length];
        for (int i = 0; i < populations.length; i++) spikesRecorded[i] = net.recordedSpikes.contains(populations[i].name());
        spikeRecorder = new SpikeRecorder(pops.stream().map(Population::name).toArray(String[]::new), dt);
        declareRecording(r);
        registry = r;

        threads = net.threads();
        int[] populationPadded = java.util.Arrays.stream(populations).mapToInt(Population::padded).toArray();
        // a worker beyond the largest component's vector count would own nothing: it is not started
        int vectors = 1;
        for (int[] padded : new int[][] {inputPadded, pathwayPadded, populationPadded}) {
            for (int p : padded) vectors = Math.max(vectors, p / Simd.LANES);
        }
        int active = Math.min(threads, vectors);
        workers = new Workers(active, "spikelane", this::runSection);
        // whole populations per worker when they balance (PopulationOwners), else lane slices of each
        int[] owner = active > 1 && !"false".equals(System.getProperty("spikelane.threads.owners"))
                ? PopulationOwners.assign(populationCosts(), active) : null;
        wholePopulations = owner != null;
        populationOwnerAtBuild = owner;
        int[] inputPopulation = new int[inputs.length];
        for (int k = 0; k < inputs.length; k++) inputPopulation[k] = indexOf(byName.get(net.inputs.get(k).target()));
        int[] pathwayPopulation = new int[pathways.length];
        for (int k = 0; k < pathways.length; k++) pathwayPopulation[k] = indexOf(pathwayTarget(pathways[k]));
        int[] selfPopulation = new int[populations.length];
        for (int i = 0; i < populations.length; i++) selfPopulation[i] = i;
        int[] recordedPadded = new int[stateRecorders.length];
        int[] recordedPopulation = new int[stateRecorders.length];
        for (int k = 0; k < stateRecorders.length; k++) {
            Population p = byName.get(stateRecorders[k].population());
            recordedPadded[k] = p.padded();
            recordedPopulation[k] = indexOf(p);
        }
        inputSlices = new Slices(inputPadded, inputPopulation, owner, active);
        pathwaySlices = new Slices(pathwayPadded, pathwayPopulation, owner, active);
        populationSlices = new Slices(populationPadded, selfPopulation, owner, active);
        // a pathway a single worker owns is delivered whole: it needs no cuts
        if (active > 1 && owner == null) for (int k = 0; k < pathways.length; k++) pathways[k].partition(pathwaySlices.bounds(k));
        recorderSlices = new Slices(recordedPadded, recordedPopulation, owner, active);
        balance = owner != null && !"false".equals(System.getProperty("spikelane.threads.rebalance"))
                ? redealByEvents(owner, active) : null;
        choice = active > 1 && !"false".equals(System.getProperty("spikelane.threads.adaptive")) ? new org.spikelane.schedule.TeamChoice() : null;
    }

    private static String populationOwner(Population p) { return "population '" + p.name() + "'"; }

    /** Neuron update weighs this many synapses per padded neuron in {@link #populationCosts}. */
    private static final long NEURON_COST_IN_SYNAPSES = 256;

    /**
     * Each population's work per step for {@link PopulationOwners}: the synapses into it plus
     * {@link #NEURON_COST_IN_SYNAPSES} per padded neuron. A rough guess of the ratio (at a few Hz
     * a synapse carries a spike every few thousand steps, a neuron updates every step); it only
     * decides whether whole populations balance, never a result.
     */
    private long[] populationCosts() {
        long[] cost = new long[populations.length];
        for (int i = 0; i < populations.length; i++) cost[i] = NEURON_COST_IN_SYNAPSES * populations[i].padded();
        for (Projection p : projections) cost[indexOf(p.target())] += p.table().count();
        return cost;
    }

    private int indexOf(Population p) {
        for (int i = 0; i < populations.length; i++) if (populations[i] == p) return i;
        throw new IllegalStateException("not a population of this simulation: " + p.name());
    }

    private static Population pathwayTarget(Pathway p) {
        return switch (p) {
            case Projection projection -> projection.target();
            case FutureInputRing ring -> ring.target();
            default -> throw new IllegalStateException("unknown pathway " + p);
        };
    }

    /** Measures the populations' work by their sources' spikes and re-deals them to the workers as it goes. */
    private RedealByEvents redealByEvents(int[] owner, int active) {
        int[] size = new int[populations.length], padded = new int[populations.length];
        for (int i = 0; i < populations.length; i++) {
            size[i] = populations[i].size();
            padded[i] = populations[i].padded();
        }
        int[] source = new int[projections.size()], target = new int[projections.size()];
        long[] synapses = new long[projections.size()];
        for (int k = 0; k < projections.size(); k++) {
            Projection p = projections.get(k);
            source[k] = indexOf((Population) p.source());
            target[k] = indexOf(p.target());
            synapses[k] = p.table().count();
        }
        return new RedealByEvents(owner, active, size, padded, source, target, synapses);
    }

    private static String inputOwner(Network net, int k) { return net.inputs.get(k).label() + " #" + (k + 1); }

    /**
     * Every component registers its arrays and scalars, each under the owner name its errors
     * use. Inputs and projections are numbered, since two may share a name or join the same populations.
     */
    private void declareNetwork(StateRegistry r, Network net) {
        StateDeclarer own = r.declarer("simulation");
        own.scalar("step", Role.STATE, "steps", () -> step, n -> step = n);
        own.array("hookIntervals", Role.PARAMETER, "steps", hookIntervals);
        own.array("inputPadded", Role.PARAMETER, "neuron", inputPadded);
        own.array("pathwayPadded", Role.PARAMETER, "neuron", pathwayPadded);
        for (Population p : populations) p.declareState(r.declarer(populationOwner(p)));
        for (int k = 0; k < inputs.length; k++) {
            String owner = inputOwner(net, k);
            StateDeclarer d = r.declarer(owner);
            InputKernel input = inputs[k];
            input.declareState(d);
            // every plugin's set gets a number its float or int state can hold, whatever the plugin checks itself
            for (String param : input.settableParameters()) {
                d.settable(param, (neuron, value) -> {
                    if (!Double.isFinite(value)) throw new ParameterException(owner, param, "must be a finite number, got " + value);
                    input.set(param, neuron, value);
                });
            }
        }
        for (int k = 0; k < projections.size(); k++) {
            Projection p = projections.get(k);
            String owner = projectionOwner(k);
            p.declareState(r.declarer(owner));
            p.kernel().declareState(r.declarer(owner + " synapse"));
        }
        for (int k = 0; k < futureInputs.size(); k++) futureInputs.get(k).declareState(r.declarer("future input #" + (k + 1)));
    }

    /** The recorders, declared once they exist (they are built from the registry's recordables). */
    private void declareRecording(StateRegistry r) {
        for (int k = 0; k < stateRecorders.length; k++) {
            stateRecorders[k].declareState(r.declarer("state recorder #" + (k + 1) + " of '" + stateRecorders[k].population() + "'"));
        }
        StateDeclarer spikes = r.declarer("spike recorder");
        spikes.array("recordedPopulations", Role.RECORDING, StateDeclarer.NO_UNIT, spikesRecorded);
        spikeRecorder.declareState(spikes);
    }

    /** Projections are numbered wherever they are listed: two may join the same populations. */
    private String projectionOwner(int k) { return projections.get(k).label() + " #" + (k + 1); }

    /**
     * Changes a parameter between steps (from a hook), found by its owner in the state registry:
     * e.g. {@code set("population 'exc'", "tau_m", 7, 0.012)} or {@code set("input 'bias' #1",
     * "amplitude", -1, 2e-9)} (neuron -1: every target). The owners and their parameters are the
     * registry's ({@code settableOwners()}, {@code settableNames(owner)}).
     *
     * @throws ParameterException if the owner has no such parameter, or the value is out of range
     */
    public void set(String owner, String parameter, int neuron, double siValue) {
        required(owner, "set", "owner");
        required(parameter, "set", "parameter");
        NeuronSetter setter = registry.settable(owner, parameter);
        if (setter == null) {
            List<String> names = registry.settableNames(owner);
            if (names.isEmpty() && !registry.settableOwners().contains(owner)) {
                throw new ParameterException(owner, parameter, "nothing of " + owner + " can change while running; owners with "
                        + "changeable parameters: " + String.join(", ", registry.settableOwners()));
            }
            throw new ParameterException(owner, parameter, "cannot be changed while running; changeable: " + String.join(", ", names));
        }
        setter.set(neuron, siValue);
    }

    /**
     * Every array and scalar of this simulation (state, parameters, accumulators, scratch,
     * recordings), with owner, type, role and unit: what checkpoints save and restore.
     */
    public StateRegistry stateRegistry() { return registry; }

    /**
     * Writes the whole state between steps to {@code file} (docs/checkpoints.md): a simulation
     * built from the same network and restored from it continues exactly as this one does.
     * Writing does not change this simulation.
     *
     * @throws CheckpointException if a plugin keeps state it does not declare, or on I/O errors
     */
    public void checkpoint(java.nio.file.Path file) {
        required(file, "checkpoint", "file");
        enter("checkpoint");
        try {
            checkFailure();
            writeCheckpoint(file);
        } finally {
            exit();
        }
    }

    private void writeCheckpoint(java.nio.file.Path file) {
        if (!registry.undeclared().isEmpty()) {
            throw new CheckpointException("cannot checkpoint: " + String.join(", ", registry.undeclared())
                    + " keeps state it does not declare (its plugin does not implement declareState; see docs/plugins.md)");
        }
        CheckpointFile.write(file, header(), registry);
    }

    /**
     * Replaces the whole state by the one in {@code file}, written by {@link #checkpoint} from a
     * simulation built from the same network. Recordings restart empty: what is recorded from
     * now on is the resumed part, stamped in absolute time. A simulation marked failed (a step
     * left half done, see the class comment) runs again once restored.
     *
     * @throws CheckpointException naming what differs (format, dt, seed, vector width, an array),
     *     or if the file is truncated or corrupted; then nothing was changed
     */
    public void restore(java.nio.file.Path file) {
        required(file, "restore", "file");
        enter("restore");
        try {
            if (!registry.undeclared().isEmpty()) {
                throw new CheckpointException("cannot restore: " + String.join(", ", registry.undeclared())
                        + " keeps state it does not declare (its plugin does not implement declareState; see docs/plugins.md)");
            }
            CheckpointFile.restore(file, header(), registry);
            spikeRecorder.clear();
            for (StateRecorder r : stateRecorders) r.clear();
            failure = null; // the whole state was replaced: nothing half done is left
            deliveryPending = false;
        } finally {
            exit();
        }
    }

    private CheckpointHeader header() {
        return new CheckpointHeader(precision.name().toLowerCase(java.util.Locale.ROOT), dt, seed, Simd.LANES, step);
    }

    /** Runs for {@code seconds} of simulated time, rounded to whole steps. */
    public void run(double seconds) {
        runSteps(toSteps(seconds, "duration"));
    }

    /**
     * Runs {@code steps} steps.
     *
     * @throws IllegalArgumentException if {@code steps < 0}
     */
    public void runSteps(long steps) {
        checkSteps(steps);
        enter("runSteps");
        try {
            for (long k = 0; k < steps; k++) advance(null, k == steps - 1);
        } finally {
            exit();
        }
    }

    /** Runs {@code steps} steps, telling {@code progress} about 200 times on the way. */
    public void runSteps(long steps, ProgressListener progress) {
        checkSteps(steps);
        required(progress, "runSteps", "progress");
        enter("runSteps");
        try {
            long chunk = Math.max(1, steps / 200);
            long done = 0;
            while (done < steps) {
                long n = Math.min(chunk, steps - done);
                // each chunk ends complete: the progress listener may look at the state
                for (long k = 0; k < n; k++) advance(null, k == n - 1);
                done += n;
                progress.onProgress(done, steps);
            }
        } finally {
            exit();
        }
    }

    private static void checkSteps(long steps) {
        if (steps < 0) throw new IllegalArgumentException("runSteps: steps must be >= 0, got " + steps);
    }

    /**
     * Takes the simulation for the calling thread, or refuses: a second thread would race this
     * one over every array, and a call from a hook or listener would run a step inside a step.
     */
    private void enter(String call) {
        Thread me = Thread.currentThread();
        while (!RUNNER.compareAndSet(this, null, me)) {
            Thread holder = runner;
            if (holder == me) {
                throw new IllegalStateException(call + " called from inside a step of this simulation (by a hook or spike "
                        + "listener); hooks and listeners may change parameters, but run, step, checkpoint and restore only between steps");
            }
            if (holder != null) {
                throw new IllegalStateException(call + " called on thread '" + me.getName() + "' while thread '"
                        + holder.getName() + "' runs this simulation; a Simulation runs on one thread at a time");
            }
            // the holder left between the swap and the read: try again
        }
    }

    private void exit() { runner = null; }

    private void checkFailure() {
        String why = failure;
        if (why != null) {
            throw new IllegalStateException("this simulation failed in " + why + ", which left that step half done; "
                    + "build a new one from the network, or restore a checkpoint");
        }
    }

    /**
     * One whole step (the step, or the ranges of stepInRanges when {@code cuts} is not null),
     * taken by the caller. Exceptions of hooks and listeners are held until the step is complete;
     * any other one marks the simulation failed. {@code last}: control returns to the caller
     * after this step, so a deferred delivery runs now.
     */
    private void advance(int[] cuts, boolean last) {
        checkFailure();
        long n = step;
        RuntimeException thrown;
        try {
            if (cuts != null) {
                thrown = stepRanges(n, cuts);
            } else if (workers.count() == 1) {
                thrown = stepWhole(n);
            } else if (choice == null) {
                thrown = stepParallel(n);
            } else {
                long started = System.nanoTime();
                if (choice.team()) {
                    thrown = stepParallel(n);
                } else {
                    flushDelivery(); // the team's deferred delivery of step n - 1 comes first
                    thrown = stepWhole(n);
                }
                choice.stepped(System.nanoTime() - started);
            }
            step = n + 1;
            if (last || thrown != null) flushDelivery();
        } catch (RuntimeException | Error e) {
            failure = "step " + n + " (" + e + ")";
            throw e;
        }
        if (thrown != null) throw thrown;
    }

    private static final Phase[] PHASES = Phase.values();

    /**
     * One step of {@code dt}: every {@link Phase} in order. Each phase runs its kernels over whole
     * neuron ranges {@code [0, padded)}; the kernels take any lane-aligned range, so a threaded
     * scheduler can split these calls without another interface change.
     */
    public void step() {
        enter("step");
        try {
            advance(null, true);
        } finally {
            exit();
        }
    }

    /** The phases of step {@code n} over whole ranges; returns what a hook or listener threw, or null. */
    private RuntimeException stepWhole(long n) {
        // The phases in Phase order, written out over whole ranges: the method C2 compiles first
        // stays about half the size of the general range loop's (measured: 15 KB against 29 KB,
        // 0.15 s against 0.3-0.45 s of compilation, which showed as a 17 % slower 10 s CUBA run).
        RuntimeException thrown = runHooks(n);                              // HOOKS
        for (InputKernel input : inputs) input.beginStep(n);                // INPUTS
        for (int k = 0; k < inputs.length; k++) inputs[k].addCurrent(n, 0, inputPadded[k], inputTargets[k]);
        record(n);                                                          // RECORD
        for (int k = 0; k < pathways.length; k++) pathways[k].update(n, 0, pathwayPadded[k]);   // SYNAPSE_UPDATE
        for (Population p : populations) {                                  // NEURON_UPDATE
            p.beginStep(n);
            p.update(n, 0, p.padded());
            p.finishStep();
        }
        for (int k = 0; k < pathways.length; k++) {                         // DELIVERY
            pathways[k].pushSpikes(n);
            pathways[k].deliver(n, 0, pathwayPadded[k]);
        }
        return publishSpikes(n, thrown);                                    // SPIKES_OUT
    }

    // Parts of a section of a threaded step (flags): what every worker runs on its own slice of each component.
    private static final int DELIVER_PREVIOUS = 1, ADD_INPUTS = 2, SAMPLE = 4, UPDATE = 8, DELIVER = 16;

    /**
     * The phases of step {@code n} with {@link #workers}: the sequential parts (hooks, the
     * once-per-step bookkeeping, joining spikes, publishing) on the calling thread, the ranged
     * parts in one parallel section per step in which each worker takes its slice of every input,
     * recorder, pathway and population. INPUTS, RECORD, SYNAPSE_UPDATE and NEURON_UPDATE touch
     * only the worker's own slice (a pathway's slice is of its target). DELIVERY needs every
     * population's spikes joined, so it runs at the start of the next step's section (or in a
     * section of its own when a hook or listener could see the difference, and at the end of
     * every call). Every sum into one neuron is formed in the same order as in
     * {@link #stepWhole} (rows are sorted by target and delivered in spike order within each
     * slice), so the result is bit-identical for any worker count (docs/threads.md).
     */
    private RuntimeException stepParallel(long n) {
        // a hook may read or change what the pending delivery writes: deliver first
        if (deliveryPending && hooksDueAt(n)) flushDelivery();
        RuntimeException thrown = runHooks(n);                               // HOOKS
        for (InputKernel input : inputs) input.beginStep(n);
        for (Population p : populations) p.beginStep(n);
        int previous = deliveryPending ? DELIVER_PREVIOUS : 0;               // DELIVERY of step n - 1
        deliveryPending = false;
        sectionStep = n;
        // RECORD between INPUTS and SYNAPSE_UPDATE, each worker sampling the recorded neurons of its
        // slice: the state it reads there is its own slice's, which no other worker writes
        boolean recording = false;
        for (StateRecorder r : stateRecorders) {
            if (r.samplesAt(n)) {
                r.beginSample(n);
                recording = true;
            }
        }
        workers.run(previous | ADD_INPUTS | (recording ? SAMPLE : 0) | UPDATE); // INPUTS, RECORD, SYNAPSE_UPDATE, NEURON_UPDATE
        for (StateRecorder r : stateRecorders) if (r.samplesAt(n)) r.endSample();
        for (Population p : populations) p.finishStep();
        for (Pathway pathway : pathways) pathway.pushSpikes(n);
        if (listenersUseSpikesOnly) {
            deliveryPending = true;                                          // DELIVERY, with the next step's inputs
        } else {
            workers.run(DELIVER);                                            // DELIVERY now: a listener may set parameters
        }
        thrown = publishSpikes(n, thrown);                                   // SPIKES_OUT
        if (balance != null) redealAfter();
        return thrown;
    }

    /**
     * Counts the step's spikes for {@link #balance} and, at the end of its window, takes its new
     * deal: between sections, so the next section (the deferred delivery included) runs each
     * population's whole work on its new worker, in the same order as before.
     */
    private void redealAfter() {
        for (int i = 0; i < populations.length; i++) balance.count(i, populations[i].spikeCount());
        if (!balance.stepDone()) return;
        int[] owner = balance.owner();
        inputSlices.deal(owner);
        pathwaySlices.deal(owner);
        populationSlices.deal(owner);
        recorderSlices.deal(owner);
    }

    /**
     * Runs the deferred DELIVERY of the last step, if any. Every public call that steps ends with
     * it, so between calls the state is complete (a checkpoint, a read, a restore see it whole).
     */
    private void flushDelivery() {
        if (!deliveryPending) return;
        deliveryPending = false;
        sectionStep = step - 1;
        workers.run(DELIVER);
    }

    private boolean hooksDueAt(long n) {
        for (long every : hookIntervals) if (n % every == 0) return true;
        return false;
    }

    /** Worker {@code w}'s part of a section: its slice of every component the section covers. */
    private void runSection(int parts, int w) {
        long n = sectionStep;
        if ((parts & DELIVER_PREVIOUS) != 0) deliverSlice(n - 1, w);
        if ((parts & ADD_INPUTS) != 0) {
            for (int k = 0; k < inputs.length; k++) {
                int from = inputSlices.from(k, w), to = inputSlices.to(k, w);
                if (from < to) inputs[k].addCurrent(n, from, to, inputTargets[k]);
            }
        }
        if ((parts & SAMPLE) != 0) {
            for (int k = 0; k < stateRecorders.length; k++) {
                int from = recorderSlices.from(k, w), to = recorderSlices.to(k, w);
                if (from < to && stateRecorders[k].samplesAt(n)) stateRecorders[k].sampleRange(from, to);
            }
        }
        if ((parts & UPDATE) != 0) {
            for (int k = 0; k < pathways.length; k++) {
                int from = pathwaySlices.from(k, w), to = pathwaySlices.to(k, w);
                if (from < to) pathways[k].update(n, from, to);
            }
            for (int i = 0; i < populations.length; i++) {
                int from = populationSlices.from(i, w), to = populationSlices.to(i, w);
                if (from < to) populations[i].update(n, from, to);
            }
        }
        if ((parts & DELIVER) != 0) deliverSlice(n, w);
    }

    private void deliverSlice(long n, int w) {
        for (int k = 0; k < pathways.length; k++) {
            int from = pathwaySlices.from(k, w), to = pathwaySlices.to(k, w);
            if (from < to) pathways[k].deliver(n, from, to);
        }
    }

    /**
     * The thread count this simulation was built with, the calling thread included. Fewer run
     * when the network has fewer vectors than that in its largest population (see
     * {@link #activeThreads()}); the results are the same for every count.
     */
    public int threads() { return threads; }

    /**
     * Whether the threaded step gives each worker whole populations (they balance within
     * 10 %, docs/threads.md) rather than a lane slice of every population; false with one worker.
     */
    public boolean wholePopulationsPerWorker() { return wholePopulations; }

    /**
     * The worker of each population, in {@link #populations()} order, when each worker takes whole
     * populations (a copy; it changes as the simulation re-deals them by measured work), else null.
     */
    public int[] populationWorkers() {
        if (!wholePopulations) return null;
        return balance != null ? balance.owner().clone() : populationOwnerAtBuild.clone();
    }

    /** How often the populations were dealt to the workers again while running (docs/threads.md). */
    public int redeals() { return balance == null ? 0 : balance.redeals(); }

    /**
     * Parallel sections the workers have run so far, each one synchronisation: one per step on
     * the team, two when a hook is due or a listener may read state or set parameters, plus one
     * at the end of each call that leaves a delivery pending (docs/threads.md); 0 with one worker.
     */
    public long synchronisations() { return workers.count() == 1 ? 0 : workers.sections(); }

    /** The threads that take part in a step: {@link #threads()}, at most one per vector of the largest population. */
    public int activeThreads() { return workers.count(); }

    /**
     * Steps run so far on the calling thread alone although the simulation has a team, because
     * they were measured to be faster so (docs/threads.md, "When the cores are busy"); 0 with one
     * worker or without adaptation.
     */
    public long stepsAlone() { return choice == null ? 0 : choice.stepsAlone(); }

    /**
     * Ends the worker threads now (they also end by themselves after two idle seconds, and the
     * next step starts them again). A closed simulation can still be read and checkpointed;
     * stepping it with more than one thread throws.
     */
    @Override
    public void close() { workers.close(); }

    /**
     * One step like {@link #step()}, with every per-range call split at {@code cuts} (neuron
     * indices, ascending, each rounded down to a multiple of {@link Simd#LANES}; cuts at or past a
     * population's padded size are ignored). The ranges run one after the other, in ascending
     * order: the sequential reference of a scheduler that hands ranges to workers, and what tests
     * compare with {@link #step()} bit for bit.
     */
    public void stepInRanges(int... cuts) {
        required(cuts, "stepInRanges", "cuts");
        enter("stepInRanges");
        try {
            advance(cuts, true);
        } finally {
            exit();
        }
    }

    private RuntimeException stepRanges(long n, int[] cuts) {
        RuntimeException thrown = null;
        for (Phase phase : PHASES) {
            switch (phase) {
                case HOOKS -> thrown = runHooks(n);
                case INPUTS -> addInputs(n, cuts);
                case RECORD -> record(n);
                case SYNAPSE_UPDATE -> updateSynapses(n, cuts);
                case NEURON_UPDATE -> updateNeurons(n, cuts);
                case DELIVERY -> deliver(n, cuts);
                case SPIKES_OUT -> thrown = publishSpikes(n, thrown);
            }
        }
        return thrown;
    }

    /** The end of the range that starts at {@code from}: the next lane-aligned cut above it, or {@code padded}. */
    private static int rangeEnd(int[] cuts, int from, int padded) {
        for (int cut : cuts) {
            int aligned = cut / Simd.LANES * Simd.LANES;
            if (aligned > from && aligned < padded) return aligned;
        }
        return padded;
    }

    /** Runs the hooks due at step {@code n}, every one even if an earlier one throws; returns the first exception, or null. */
    private RuntimeException runHooks(long n) {
        RuntimeException thrown = null;
        for (int h = 0; h < hookIntervals.length; h++) {
            if (n % hookIntervals[h] != 0) continue;
            try {
                hookActions[h].accept(this);
            } catch (RuntimeException e) {
                thrown = held(thrown, e);
            }
        }
        return thrown;
    }

    /** The first exception of a step, with the later ones suppressed in it. */
    private static RuntimeException held(RuntimeException first, RuntimeException next) {
        if (first == null) return next;
        if (first != next) first.addSuppressed(next);
        return first;
    }

    private void addInputs(long n, int[] cuts) {
        for (InputKernel input : inputs) input.beginStep(n);
        for (int k = 0; k < inputs.length; k++) {
            for (int from = 0, to; from < inputPadded[k]; from = to) {
                to = rangeEnd(cuts, from, inputPadded[k]);
                inputs[k].addCurrent(n, from, to, inputTargets[k]);
            }
        }
    }

    private void record(long n) {
        for (StateRecorder r : stateRecorders) r.sample(n);
    }

    private void updateSynapses(long n, int[] cuts) {
        for (int k = 0; k < pathways.length; k++) {
            for (int from = 0, to; from < pathwayPadded[k]; from = to) {
                to = rangeEnd(cuts, from, pathwayPadded[k]);
                pathways[k].update(n, from, to);
            }
        }
    }

    private void updateNeurons(long n, int[] cuts) {
        for (Population p : populations) {
            p.beginStep(n);
            for (int from = 0, to; from < p.padded(); from = to) {
                to = rangeEnd(cuts, from, p.padded());
                p.update(n, from, to);
            }
            p.finishStep();
        }
    }

    private void deliver(long n, int[] cuts) {
        for (int k = 0; k < pathways.length; k++) {
            pathways[k].pushSpikes(n);
            for (int from = 0, to; from < pathwayPadded[k]; from = to) {
                to = rangeEnd(cuts, from, pathwayPadded[k]);
                pathways[k].deliver(n, from, to);
            }
        }
    }

    /**
     * Hands the step's spikes to the recorder and every listener, each listener even if another
     * throws (a recording missing one population's spikes would be half a step); returns the
     * first exception of the step ({@code thrown}, a hook's, or a listener's), or null.
     */
    private RuntimeException publishSpikes(long n, RuntimeException thrown) {
        for (int i = 0; i < populations.length; i++) {
            Population p = populations[i];
            int count = p.spikeCount();
            if (count == 0) continue;
            if (spikesRecorded[i]) spikeRecorder.record(i, n, p.spikes(), count);
            for (SpikeListener l : listeners) {
                try {
                    l.onSpikes(n, p.name(), p.spikes(), count);
                } catch (RuntimeException e) {
                    thrown = held(thrown, e);
                }
            }
        }
        return thrown;
    }

    /**
     * What {@link #step()} runs, in order: one line per phase and object, e.g.
     * {@code INPUTS: input 'bias' -> population 'lif'}; a phase with nothing to run reads
     * {@code HOOKS: -}. Like Brian2's {@code scheduling_summary}, for checking that a network
     * runs what and when one expects.
     */
    public String schedule() {
        StringBuilder out = new StringBuilder();
        for (Phase phase : PHASES) {
            List<String> items = new ArrayList<>();
            switch (phase) {
                case HOOKS -> {
                    for (long every : hookIntervals) items.add("hook every " + every + " steps");
                }
                case INPUTS -> items.addAll(List.of(inputLabels));
                case RECORD -> {
                    for (StateRecorder r : stateRecorders) {
                        items.add("state of population '" + r.population() + "' ("
                                + String.join(", ", r.variables().stream().map(Variable::name).toList()) + ")");
                    }
                }
                case SYNAPSE_UPDATE -> {
                    for (int k = 0; k < projections.size(); k++) items.add(projectionOwner(k) + " (update synapses)");
                }
                case NEURON_UPDATE -> {
                    for (Population p : populations) {
                        items.add((p instanceof SpikeGeneratorPopulation ? "spike generator '" : "population '") + p.name() + "'");
                    }
                }
                case DELIVERY -> {
                    for (int k = 0; k < projections.size(); k++) items.add(projectionOwner(k) + " (deliver spikes)");
                }
                case SPIKES_OUT -> {
                    List<String> recorded = new ArrayList<>();
                    for (int i = 0; i < populations.length; i++) {
                        if (spikesRecorded[i]) recorded.add("'" + populations[i].name() + "'");
                    }
                    if (!recorded.isEmpty()) items.add("spike recorder of " + String.join(", ", recorded));
                    if (listeners.length > 0) items.add(listeners.length + (listeners.length == 1 ? " spike listener" : " spike listeners"));
                }
            }
            if (items.isEmpty()) items.add("-");
            for (String item : items) out.append(phase).append(": ").append(item).append('\n');
        }
        return out.toString();
    }

    /** Number of steps done so far; the next step is stamped {@code stepCount() * dt}. */
    public long stepCount() { return step; }

    /** Simulated time reached, in seconds. */
    public double time() { return step * dt; }

    public double dt() { return dt; }

    public long seed() { return seed; }

    /** Seconds to whole steps, rounded to nearest (docs/semantics.md §1). */
    public long toSteps(double seconds, String field) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new ParameterException("simulation", field, "must be a finite time >= 0 s, got " + seconds + " s");
        }
        return Math.round(seconds / dt);
    }

    public void addSpikeListener(SpikeListener listener) {
        required(listener, "addSpikeListener", "listener");
        listeners = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
        listenersUseSpikesOnly &= listener.usesSpikesOnly();
    }

    public Population population(String name) {
        required(name, "population", "name");
        Population p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("unknown population '" + name + "'; populations: " + byName.keySet());
        return p;
    }

    /**
     * A LIF population, for its parameters, {@code set} and, under float32 only, direct access to
     * its state arrays ({@link LifPopulation#state()}); in every format its variables read as
     * {@code stateRegistry().recordable("population 'name'", "v").value(i)}, in SI units.
     */
    public LifPopulation lif(String name) {
        if (population(name) instanceof LifPopulation lif) return lif;
        throw new IllegalArgumentException("population '" + name + "' is not a LIF population");
    }

    public List<Population> populations() { return List.of(populations); }

    /** The projections in the order {@link Network#connect} added them. */
    public List<Projection> projections() { return projections; }

    /**
     * The kernel of the input added k-th ({@link Network#addInput} returned k).
     *
     * @throws IndexOutOfBoundsException if the network has no input {@code k}
     */
    public InputKernel input(int k) {
        if (k < 0 || k >= inputs.length) {
            throw new IndexOutOfBoundsException("no input " + k + ": the network has " + inputs.length
                    + (inputs.length == 1 ? " input (index 0)" : inputs.length == 0 ? " inputs" : " inputs (indices 0 to " + (inputs.length - 1) + ")"));
        }
        return inputs[k];
    }

    public SpikeRecorder spikes() { return spikeRecorder; }

    public List<StateRecorder> stateRecorders() { return List.of(stateRecorders); }

    /** Number format of the LIF populations. */
    public Precision precision() { return precision; }

    /**
     * Under fixed and loihi precision: each quantized parameter of each population with the
     * value asked for, the value the integers represent and the relative error (e.g. the
     * effective tau_m of the rounded decay), plus the chosen LSBs. Empty under float32 and for
     * loihi populations given raw hardware parameters (those are integers already).
     */
    public List<org.spikelane.fixed.Quantization> quantization() { return registry.quantization(); }

    /**
     * Under fixed and loihi precision: how often each variable of each population was clipped or
     * wrapped so far (fixed: v, I, dv; loihi: u wraps, v saturations). Empty under float32.
     */
    public List<org.spikelane.fixed.OverflowCount> overflows() { return registry.overflows(); }

    /**
     * Lanes the LIF kernels run on, e.g. "vector Species[float, 8, S_256_BIT]", or under fixed
     * and loihi precision "vector Species[int, 8, S_256_BIT]".
     */
    public String species() { return precision.format().lanes(); }

    /** A null argument of an API call, refused with the call and the argument named. */
    static <T> T required(T value, String call, String argument) {
        if (value == null) throw new NullPointerException(call + ": " + argument + " must not be null");
        return value;
    }

    private final class Context implements InputContext {
        private final Network.InputSpec spec;
        private final LifPopulation target;
        private final int size;
        /** input/k: one stream per input, by position; randomStream() hands out its numbered substreams. */
        private final RandomStream stream;
        private long streamsHandedOut;

        Context(Network.InputSpec spec, LifPopulation target, int index) {
            this.spec = spec;
            this.target = target;
            this.size = target.size();
            this.stream = RandomStream.root(seed).substream("input").substream(index);
        }

        @Override public double dt() { return dt; }

        @Override public long toSteps(double seconds) { return Math.round(seconds / dt); }

        @Override public int populationSize() { return size; }

        @Override public int[] neurons() {
            return spec.neurons() != null ? spec.neurons().clone() : java.util.stream.IntStream.range(0, size).toArray();
        }

        @Override public boolean allNeurons() { return spec.neurons() == null; }

        @Override public RandomStream randomStream() {
            return stream.substream(streamsHandedOut++);
        }

        @Override public RandomStream randomStream(String name) {
            return stream.substream(name);
        }

        @Override public SpikeSource spikesOf(String population, String parameter) {
            Population p = byName.get(population);
            if (p == null) {
                throw new ParameterException(spec.label(), parameter, "unknown population '" + population + "'; populations: "
                        + String.join(", ", byName.keySet()));
            }
            return p;
        }

        @Override public String owner() { return spec.label(); }

        @Override public LifParameters target() { return target.format().parameters(); }

        @Override public float[] dv() { return target.format().inputDv(); }

        @Override public org.spikelane.spi.ConstantCurrent constantCurrent() { return target.format().constantCurrent(); }

        @Override
        public org.spikelane.spi.FusedCurrent fusedCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                                           double[] propagator, double[] toSi) {
            return target.format().fusedCurrent(variable, dimension, decay, propagator, toSi);
        }
    }
}
