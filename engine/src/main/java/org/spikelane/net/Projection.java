package org.spikelane.net;

import org.spikelane.neuron.LifPopulation;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.SpikeSource;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * A compiled projection: compressed rows by source, split into segments by delay
 * ({@link SynapseTable}), a ring of the source's recent spike lists ({@link SpikeRing}) and the
 * synapse kernel that holds the per-target state. A projection with several delays into a plain
 * accumulator delivers ahead instead ({@link FutureInputRing}): each spike at its own step, into
 * the slot of its arrival; the arrival step is the same.
 *
 * <p>Timing (docs/semantics.md §8): {@link #deliver} runs in phase DELIVERY of step {@code n}, after every
 * population has updated, and hands the rows of neurons that spiked at step {@code n - d} to the
 * kernel; the kernel's next {@link #update} (phase SYNAPSE_UPDATE of step {@code n + 1}) is the first to see
 * them. So a spike at step {@code s} through delay {@code d} steps first affects the update of
 * step {@code s + d + 1}; with {@code d = 0} that is the next step.
 */
public final class Projection implements Pathway, StateOwner {
    private final String label;
    private final SpikeSource source;
    private final LifPopulation target;
    private final SynapseTable table;
    private final SynapseKernel kernel;
    private final SpikeRing ring;
    private final int[] rowStart;
    private final int[] targets;
    private final float[] weights;
    private final int[] delays;
    private final int groups;
    private final int targetPadded;
    /** The ring this projection delivers ahead into, or null: it delivers each segment when it arrives. */
    private FutureInputRing ahead;
    /** The slices of the threaded step with each row's cut points, or null (one range, or unknown ranges). */
    private RowSlices slices;

    Projection(String label, SpikeSource source, LifPopulation target, SynapseTable table, SynapseKernel kernel) {
        this.label = label;
        this.source = source;
        this.target = target;
        this.table = table;
        this.kernel = kernel;
        this.ring = new SpikeRing(table.maxDelay(), source.size());
        this.rowStart = table.rowStarts();
        this.targets = table.targets();
        this.weights = table.weights();
        this.delays = table.delays();
        this.groups = table.groups();
        this.targetPadded = target.padded();
        kernel.prepare(targets, weights);
    }

    @Override
    public void update(long step, int from, int to) {
        kernel.update(step, from, to);
    }

    @Override
    public void pushSpikes(long step) {
        ring.push(step, source.spikes(), source.spikeCount());
    }

    @Override
    public void partition(int[] bounds) {
        slices = new RowSlices(bounds, rowStart, targets);
    }

    /** From now on, deliver each spike once, at its own step, into {@code ring} ({@link AheadDelivery}). */
    void deliverAhead(FutureInputRing ring) { this.ahead = ring; }

    /** Whether this projection delivers ahead into a {@link FutureInputRing}. */
    public boolean deliversAhead() { return ahead != null; }

    /**
     * Segments are sorted by target ({@link SynapseTable}), so the part of a segment that lands
     * in {@code [from, to)} is contiguous: for a slice given to {@link #partition} it is read from
     * the cuts made then, for any other range found by two binary searches, O(log segment) per
     * segment; the whole target population takes whole segments.
     */
    @Override
    public void deliver(long step, int from, int to) {
        if (ahead != null) {
            deliverAhead(step, from, to);
            return;
        }
        boolean whole = from == 0 && to >= targetPadded;
        RowSlices cut = slices;
        int slice = whole || cut == null ? -1 : cut.slice(from, to);
        for (int g = 0; g < groups; g++) {
            long spikeStep = step - delays[g];
            int count = ring.count(spikeStep);
            if (count == 0) continue;
            int[] spiked = ring.spikes(spikeStep);
            for (int k = 0; k < count; k++) {
                int r = spiked[k] * groups + g;
                int start = segmentStart(r, whole, slice, cut, from, to), end = segmentEnd(r, whole, slice, cut, to);
                if (end > start) kernel.receive(targets, weights, start, end);
            }
        }
    }

    /**
     * Delivery ahead: the spikes of {@code step} walk their source's segments one after the
     * other (they are contiguous) and add each weight into the ring slot of its arrival step;
     * the ring adds the slot to the kernel's accumulator when that step comes.
     */
    private void deliverAhead(long step, int from, int to) {
        int count = ring.count(step);
        if (count == 0) return;
        int[] spiked = ring.spikes(step);
        boolean whole = from == 0 && to >= targetPadded;
        RowSlices cut = slices;
        int slice = whole || cut == null ? -1 : cut.slice(from, to);
        float[] slots = ahead.slots();
        int length = ahead.length(), stride = ahead.padded();
        int now = (int) Math.floorMod(step, (long) length);
        for (int k = 0; k < count; k++) {
            int base = spiked[k] * groups;
            for (int g = 0; g < groups; g++) {
                int r = base + g;
                int start = segmentStart(r, whole, slice, cut, from, to), end = segmentEnd(r, whole, slice, cut, to);
                int slot = now + delays[g];
                if (slot >= length) slot -= length;
                int offset = slot * stride;
                for (int j = start; j < end; j++) slots[offset + targets[j]] += weights[j];
            }
        }
    }

    /** First synapse of segment {@code r} in the range being delivered (see {@link #deliver}). */
    private int segmentStart(int r, boolean whole, int slice, RowSlices cut, int from, int to) {
        if (slice >= 0) return cut.start(slice, r);
        int start = rowStart[r];
        if (whole) return start;
        int end = Accumulate.lowerBound(targets, start, rowStart[r + 1], to);
        return Accumulate.lowerBound(targets, start, end, from);
    }

    /** End of segment {@code r}'s part in the range being delivered. */
    private int segmentEnd(int r, boolean whole, int slice, RowSlices cut, int to) {
        if (slice >= 0) return cut.end(slice, r);
        int end = rowStart[r + 1];
        return whole ? end : Accumulate.lowerBound(targets, rowStart[r], end, to);
    }

    @Override public int padded() { return targetPadded; }

    /** E.g. "projection 'exc -> all'". */
    public String label() { return label; }

    public SpikeSource source() { return source; }

    public LifPopulation target() { return target; }

    public SynapseTable table() { return table; }

    public SynapseKernel kernel() { return kernel; }

    /**
     * Declares the table and the spikes in flight; the synapse kernel is declared by the
     * simulation under its own owner.
     */
    @Override
    public void declareState(StateDeclarer s) {
        table.declareState(s);
        ring.declareState(s);
    }
}
