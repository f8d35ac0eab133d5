package org.spikelane.net;

import org.spikelane.neuron.LifPopulation;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.SpikeSource;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * A compiled projection: compressed rows split by delay ({@link SynapseTable}), a ring of the
 * source's recent spike lists ({@link SpikeRing}) and the synapse kernel that holds the
 * per-target state.
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
    private final int stride;
    private final int targetPadded;
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
        this.stride = source.size() + 1;
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

    /**
     * Rows are sorted by target ({@link SynapseTable}), so the part of a row that lands in
     * {@code [from, to)} is contiguous: for a slice given to {@link #partition} it is read from
     * the cuts made then, for any other range found by two binary searches, O(log row) per row;
     * the whole target population takes whole rows.
     */
    @Override
    public void deliver(long step, int from, int to) {
        boolean whole = from == 0 && to >= targetPadded;
        RowSlices cut = slices;
        int slice = whole || cut == null ? -1 : cut.slice(from, to);
        for (int g = 0; g < table.groups(); g++) {
            long spikeStep = step - table.delay(g);
            int count = ring.count(spikeStep);
            if (count == 0) continue;
            int[] spiked = ring.spikes(spikeStep);
            int base = g * stride;
            for (int k = 0; k < count; k++) {
                int r = base + spiked[k];
                int start, end;
                if (slice >= 0) {
                    start = cut.start(slice, r);
                    end = cut.end(slice, r);
                } else {
                    start = rowStart[r];
                    end = rowStart[r + 1];
                    if (!whole && end > start) {
                        end = Accumulate.lowerBound(targets, start, end, to);
                        start = Accumulate.lowerBound(targets, start, end, from);
                    }
                }
                if (end > start) kernel.receive(targets, weights, start, end);
            }
        }
    }

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
