package org.spikelane.neuron;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.spi.SpikeSource;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * A group of neurons updated together; holds the spikes of its most recent step.
 *
 * <p>A step is {@link #beginStep} once, {@link #update} for neuron ranges {@code [from, to)} that
 * cover {@code [0, padded())} exactly once (different ranges may run at the same time), then
 * {@link #finishStep} once. Each range writes its spikes into its own region of
 * {@link #spikes()} starting at {@code from} (a range of {@code to - from} neurons has at most
 * that many spikes, so regions never overlap); {@code finishStep} moves the regions together, so
 * afterwards {@code spikes()[0, spikeCount())} is the step's spikes, ascending. One range over the
 * whole population needs no move.
 */
public abstract class Population implements SpikeSource, StateOwner {
    private final String name;
    private final int size;
    private final int padded;
    /** Spiking neuron indices of the most recent step, in [0, spikeCount). */
    protected final int[] spikes;
    protected int spikeCount;
    /** Spikes written by the range that started at {@code g * LANES} this step, and where it ended. */
    private final int[] rangeSpikes;
    private final int[] rangeEnd;

    protected Population(String name, int size) {
        this.name = name;
        this.size = size;
        this.padded = Simd.padded(size);
        this.spikes = new int[size];
        this.rangeSpikes = new int[padded / Simd.LANES];
        this.rangeEnd = new int[padded / Simd.LANES];
    }

    /** Once per step, on one thread, before any range: bookkeeping shared by all neurons. */
    public void beginStep(long step) {}

    /**
     * Phase NEURON_UPDATE of step {@code step} (docs/semantics.md §2) for the neurons of {@code [from, to)}:
     * integrate, threshold, reset. {@code from} is a multiple of {@link Simd#LANES}, {@code to}
     * one too or {@link #padded()}.
     */
    public final void update(long step, int from, int to) {
        if (from < 0 || from >= to || to > padded || from % Simd.LANES != 0 || (to % Simd.LANES != 0 && to != padded)) {
            throw new IllegalArgumentException("population '" + name + "': range [" + from + ", " + to
                    + ") is not a lane-aligned range of [0, " + padded + ")");
        }
        int g = from / Simd.LANES;
        rangeSpikes[g] = updateRange(step, from, to);
        rangeEnd[g] = to;
    }

    /**
     * Advances the neurons of {@code [from, to)} and writes their spikes, ascending, into
     * {@link #spikes} from index {@code from} on; returns how many. Touches nothing outside the
     * range, so ranges of one step may run concurrently.
     */
    protected abstract int updateRange(long step, int from, int to);

    /**
     * Once per step, after every range: joins the ranges' spikes into {@code spikes()[0, spikeCount())}
     * and zeroes what lies past them, the previous step's spikes and the moved regions. The
     * array is then the same for any split of the step (a checkpoint of it too); the clearing
     * costs one write per spike, not per neuron.
     */
    public final void finishStep() {
        int previous = spikeCount;
        int count = 0;
        for (int from = 0; from < padded; from = rangeEnd[from / Simd.LANES]) {
            int n = rangeSpikes[from / Simd.LANES];
            if (from != count && n > 0) {
                System.arraycopy(spikes, from, spikes, count, n);
                // the region's old place, where the joined list does not reach
                int stale = Math.max(from, count + n);
                if (stale < from + n) java.util.Arrays.fill(spikes, stale, from + n, 0);
            }
            count += n;
        }
        if (count < previous) java.util.Arrays.fill(spikes, count, previous, 0);
        spikeCount = count;
    }

    /** The population's size rounded up to whole vectors: the end of the whole range. */
    public final int padded() { return padded; }

    /** Names of the variables a state recorder can sample. */
    public abstract List<String> variableNames();

    /** The variable of that name; throws IllegalArgumentException listing the known ones. */
    public abstract Variable variable(String name);

    @Override public final String name() { return name; }

    @Override public final int size() { return size; }

    @Override public final int spikeCount() { return spikeCount; }

    @Override public final int[] spikes() { return spikes; }

    /** The spikes of the most recent step (inputs of the next step read them); subclasses add their own. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("spikes", Role.STATE, "neuron", spikes);
        s.scalar("spikeCount", Role.STATE, StateDeclarer.NO_UNIT, () -> spikeCount, n -> spikeCount = (int) n);
        // where each range of the current step put its spikes; consumed by finishStep
        s.array("rangeSpikes", Role.SCRATCH, StateDeclarer.NO_UNIT, rangeSpikes);
        s.array("rangeEnd", Role.SCRATCH, "neuron", rangeEnd);
    }
}
