package org.spikelane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.net.ConnectRule;
import org.spikelane.net.DelaySpread;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.record.StateRecorder;
import org.spikelane.simd.Simd;
import org.spikelane.spi.Values;
import org.spikelane.units.Dimension;

/**
 * The memory a {@link Network} will take once built and run, estimated from its blueprint alone:
 * population sizes, the connect rules' synapse counts and the recordings' neurons x variables x
 * samples. It exists so that a run too large for the heap is refused before the big allocations,
 * with the numbers, rather than dying of an OutOfMemoryError minutes into building synapses.
 *
 * <p>The per-neuron and per-synapse costs are those of the arrays the simulation registers (see
 * {@link Simulation#stateRegistry()}), rounded up; the tests hold the estimate within a factor of the
 * registry's measured bytes. Spike recordings grow with the spikes, which only the run knows: they are
 * estimated at an assumed {@value #ASSUMED_RATE_HZ} Hz per recorded LIF neuron (a generator's
 * spikes are counted, a Poisson population's from its rate where it is one value).
 */
public final class ResourceEstimate {
    /**
     * Bytes per LIF neuron under float32: state, accumulators and parameters, a dozen 4-byte
     * arrays and four double parameter copies, and the fused synaptic currents of its projections
     * (a float state, a float propagator and a double unit factor each: 128.5 bytes registered for
     * CUBA with its two), rounded down.
     */
    static final long FLOAT32_NEURON_BYTES = 128;
    /** The same under fixed and loihi, which keep int state beside their float parameters (149 bytes for CUBA). */
    static final long INTEGER_NEURON_BYTES = 160;
    /** Bytes per target neuron of a projection: the synapse kernel's current and its coefficients (doubles). */
    static final long SYNAPSE_KERNEL_BYTES_PER_TARGET = 64;
    /** Bytes per synapse once built: its target (int) and its weight (float). */
    static final long SYNAPSE_BYTES = 8;
    /**
     * Bytes per synapse while one projection is being built, its own 8 included: the drawn pre and
     * post indices (ints), their sorted copies, the weights and delays as doubles, the delays in
     * steps and the table's two sort orders all live at the same time.
     */
    static final long SYNAPSE_BUILD_BYTES = 40;
    /** What rule total_number's build keeps per synapse beside the final arrays: a 2-byte delay. */
    static final long TOTAL_NUMBER_BUILD_EXTRA = 2;
    /** The firing rate assumed for a recorded LIF neuron (regular firing at 60 Hz in the seed scenario, cortical networks 1-20 Hz). */
    public static final double ASSUMED_RATE_HZ = 100;
    /**
     * Bytes per recorded spike: a population and a neuron index (ints) and a step (a long), in arrays
     * that grow by doubling, so up to twice that once grown.
     */
    static final long SPIKE_BYTES = 2 * 16;
    /** The longest ring of future input the engine builds, in floats (its AheadDelivery cap, 256 MB). */
    static final long RING_SLOTS_CAP = 1L << 26;

    /** One recording of state: its scenario order, population and size. */
    public record Recording(int index, String population, long neurons, int variables, long samples, long bytes) {
        /** Values the recording holds: neurons x variables x samples. */
        public long values() { return neurons * variables * samples; }
    }

    private final long neuronBytes;
    private final long synapseBytes;
    private final long synapseBuildPeak;
    private final long synapses;
    private final List<Recording> recordings;
    private final long spikes;

    private ResourceEstimate(long neuronBytes, long synapseBytes, long synapseBuildPeak, long synapses,
                             List<Recording> recordings, long spikes) {
        this.neuronBytes = neuronBytes;
        this.synapseBytes = synapseBytes;
        this.synapseBuildPeak = synapseBuildPeak;
        this.synapses = synapses;
        this.recordings = List.copyOf(recordings);
        this.spikes = spikes;
    }

    /**
     * Estimates what {@code net} takes when built and run over steps {@code [first, end)}.
     * All sizes are long: a network whose arrays would not fit in an int is still estimated.
     */
    public static ResourceEstimate of(Network net, long first, long end) {
        long neurons = 0;
        for (Network.PopulationSpec spec : net.populations.values()) {
            neurons += switch (spec) {
                case Network.LifSpec lif -> lif.size()
                        * (net.precision == Precision.FLOAT32 ? FLOAT32_NEURON_BYTES : INTEGER_NEURON_BYTES);
                // a spike generator keeps its spike list (a step and a neuron per spike) and a spike buffer
                case Network.GeneratorSpec gen -> gen.size() * 8L + gen.times().length * 12L;
                // a Poisson population keeps one long threshold per neuron and a spike buffer
                case Network.PoissonSpec poisson -> poisson.size() * 12L;
            };
        }
        long synapseBytes = 0;
        long buildExtra = 0;
        // under float32, projections with several delays into one accumulating current (exp_current)
        // deliver ahead into a ring of future input (net/FutureInputRing): a float per target and step of the longest delay,
        // shared by the projections into one accumulator (here: one target, synapse model and
        // parameters); rings beyond the engine's cap fall back to delivery on arrival
        Map<String, Long> futureInput = new HashMap<>();
        long synapseCount = 0;
        for (ProjectionSpec p : net.projections) {
            ConnectRule rule = p.rule();
            long n = Math.max(0, rule.expectedCount());
            long sources = net.populations.get(p.from()).size();
            long targets = net.populations.get(p.to()).size();
            DelaySpread delays = p.delaySpread(net.dt, n);
            // one row start per (delay, source); the ring keeps the last maxSteps + 1 steps' spike lists
            long rowStarts = delays.groups() * (sources + 1) * 4;
            long ring = (delays.maxSteps() + 1) * (Math.min(sources, 64) * 4 + 12);
            if (net.precision == Precision.FLOAT32 && delays.groups() > 1 && p.plugin().accumulates()) {
                long slots = (delays.maxSteps() + 1) * Simd.padded((int) targets);
                if (slots <= RING_SLOTS_CAP) {
                    futureInput.merge(p.to() + '|' + p.plugin().name() + '|' + p.synapseParams(), slots * Float.BYTES, Math::max);
                }
            }
            synapseCount += n;
            synapseBytes += n * SYNAPSE_BYTES + rowStarts + ring + targets * SYNAPSE_KERNEL_BYTES_PER_TARGET;
            // projections are built one after the other: only the largest one's scaffolding is alive at
            // once, with two more row-start-sized count arrays (the table's counting sort);
            // total_number builds into the final arrays (net/TotalNumberTable): a delay per synapse beside them
            long perSynapse = rule.kind() == ConnectRule.Kind.TOTAL_NUMBER ? TOTAL_NUMBER_BUILD_EXTRA : SYNAPSE_BUILD_BYTES - SYNAPSE_BYTES;
            buildExtra = Math.max(buildExtra, n * perSynapse + 2 * rowStarts);
        }
        for (long ring : futureInput.values()) synapseBytes += ring;
        List<Recording> recs = new ArrayList<>();
        for (int k = 0; k < net.recordedState.size(); k++) {
            Network.StateSpec spec = net.recordedState.get(k);
            long samples = StateRecorder.samplesBetween(first, end, spec.every());
            long values = (long) spec.neurons().length * spec.variables().size();
            // a float per value and the sample's step (a long)
            long bytes = samples * (values * Float.BYTES + Long.BYTES);
            recs.add(new Recording(k, spec.population(), spec.neurons().length, spec.variables().size(), samples, bytes));
        }
        double seconds = Math.max(0, end - first) * net.dt;
        long spikes = 0;
        for (String name : net.recordedSpikes) spikes += expectedSpikes(net.populations.get(name), seconds);
        return new ResourceEstimate(neurons, synapseBytes, buildExtra, synapseCount, recs, spikes);
    }

    /** Spikes a recorded population is expected to emit in {@code seconds} (see the class comment). */
    private static long expectedSpikes(Network.PopulationSpec spec, double seconds) {
        double spikes = switch (spec) {
            case Network.GeneratorSpec gen -> gen.period() > 0
                    ? gen.times().length * Math.ceil(seconds / gen.period()) : gen.times().length;
            case Network.PoissonSpec poisson -> poisson.size() * seconds * poissonRate(poisson.rawParams().get("rate"));
            case Network.LifSpec lif -> lif.size() * seconds * ASSUMED_RATE_HZ;
        };
        return (long) Math.min(Long.MAX_VALUE / SPIKE_BYTES, Math.ceil(spikes));
    }

    /** A Poisson population's rate where it is one value; the assumed rate for a list or a distribution. */
    private static double poissonRate(Object rate) {
        if (rate == null || rate instanceof List<?> || Values.isDistribution(rate)) return ASSUMED_RATE_HZ;
        try {
            return Values.scalar(rate, Dimension.FREQUENCY, "poisson", "rate");
        } catch (RuntimeException e) {
            return ASSUMED_RATE_HZ; // the population reports its own error when it is built
        }
    }

    /** Neuron state and parameters of every population. */
    public long neuronBytes() { return neuronBytes; }

    /** Every projection's synapses and synapse kernel, once built. */
    public long synapseBytes() { return synapseBytes; }

    /** What building the largest projection needs beyond its built synapses, for a moment. */
    public long synapseBuildPeak() { return synapseBuildPeak; }

    /** Synapses of all projections (the mean for random rules). */
    public long synapses() { return synapses; }

    /** Every state recording at the end of the run, in scenario order. */
    public List<Recording> recordings() { return recordings; }

    public long recordingBytes() { return recordings.stream().mapToLong(Recording::bytes).sum(); }

    /** Spikes the spike recorder is expected to hold at the end (an assumption: see the class comment). */
    public long expectedSpikes() { return spikes; }

    /** Bytes of {@link #expectedSpikes()} in the spike recorder's growing arrays. */
    public long spikeBytes() { return spikes * SPIKE_BYTES; }

    /** What the simulation holds once built and run to the end (the registry's bytes, and the spikes as assumed). */
    public long residentBytes() { return neuronBytes + synapseBytes + recordingBytes() + spikeBytes(); }

    /**
     * The most the run needs at one moment: neurons and synapses, plus either the largest
     * projection's build scaffolding or the recordings, whichever is larger, since recordings are
     * allocated after the build (before the first step), once the scaffolding is garbage.
     */
    public long peakBytes() { return neuronBytes + synapseBytes + Math.max(synapseBuildPeak, recordingBytes() + spikeBytes()); }
}
