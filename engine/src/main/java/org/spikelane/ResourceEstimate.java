package org.spikelane;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.net.ConnectRule;
import org.spikelane.net.ProjectionSpec;
import org.spikelane.record.StateRecorder;

/**
 * The memory a {@link Network} will take once built and run, estimated from its blueprint alone:
 * population sizes, the connect rules' synapse counts and the recordings' neurons x variables x
 * samples. It exists so that a run too large for the heap is refused before the big allocations,
 * with the numbers, rather than dying of an OutOfMemoryError minutes into building synapses.
 *
 * <p>The per-neuron and per-synapse costs are those of the arrays the simulation registers (see
 * {@link Simulation#stateRegistry()}), rounded up; the tests hold the estimate within a factor of
 * the registry's measured bytes. Spike recordings grow with the spikes and are not estimated.
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

    private ResourceEstimate(long neuronBytes, long synapseBytes, long synapseBuildPeak, long synapses,
                             List<Recording> recordings) {
        this.neuronBytes = neuronBytes;
        this.synapseBytes = synapseBytes;
        this.synapseBuildPeak = synapseBuildPeak;
        this.synapses = synapses;
        this.recordings = List.copyOf(recordings);
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
        long synapseCount = 0;
        for (ProjectionSpec p : net.projections) {
            ConnectRule rule = p.rule();
            long n = Math.max(0, rule.expectedCount());
            long sources = net.populations.get(p.from()).size();
            long targets = net.populations.get(p.to()).size();
            synapseCount += n;
            synapseBytes += n * SYNAPSE_BYTES + (sources + 1) * 4 + targets * SYNAPSE_KERNEL_BYTES_PER_TARGET;
            // projections are built one after the other: only the largest one's scaffolding is alive at once
            buildExtra = Math.max(buildExtra, n * (SYNAPSE_BUILD_BYTES - SYNAPSE_BYTES));
        }
        List<Recording> recs = new ArrayList<>();
        for (int k = 0; k < net.recordedState.size(); k++) {
            Network.StateSpec spec = net.recordedState.get(k);
            long samples = StateRecorder.samplesBetween(first, end, spec.every());
            long values = (long) spec.neurons().length * spec.variables().size();
            // a float per value and the sample's step (a long)
            long bytes = samples * (values * Float.BYTES + Long.BYTES);
            recs.add(new Recording(k, spec.population(), spec.neurons().length, spec.variables().size(), samples, bytes));
        }
        return new ResourceEstimate(neurons, synapseBytes, buildExtra, synapseCount, recs);
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

    /** What the simulation holds once built and run to the end (the registry's bytes). */
    public long residentBytes() { return neuronBytes + synapseBytes + recordingBytes(); }

    /**
     * The most the run needs at one moment: neurons and synapses, plus either the largest
     * projection's build scaffolding or the recordings, whichever is larger, since recordings are
     * allocated after the build (before the first step), once the scaffolding is garbage.
     */
    public long peakBytes() { return neuronBytes + synapseBytes + Math.max(synapseBuildPeak, recordingBytes()); }
}
