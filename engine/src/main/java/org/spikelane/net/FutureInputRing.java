package org.spikelane.net;

import org.spikelane.state.CheckpointException;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Input that has been delivered but has not arrived yet: for each step of the longest delay, a
 * slot whose sums arrive at step {@code m} when the slot is {@code m mod length}. The projections
 * that add into one kernel accumulator ({@link org.spikelane.spi.SynapseKernel#accumulator()})
 * and have more than one delay share it ({@link AheadDelivery}): each delivers a spike of step
 * {@code s} once, at {@code s}, walking its source's row and queueing each delay segment in slot
 * {@code s + d} ({@link SlotQueues}: which rows, first and end synapse). This pathway, placed
 * after the last of them, then sums the queued synapses of the current step's slot per target,
 * adds the sums into the accumulator and empties the slot, for its range of targets.
 *
 * <p>Why: with drawn delays (the microcircuit has 30-60 per projection) delivering each
 * (spike, delay) segment at the step it arrives costs a spike-list lookup, a row lookup and a
 * kernel call per segment of about 16 synapses; delivered ahead, a spike's row is walked once
 * and each segment costs three int stores. Queued rather than added into a dense ring of
 * {@code length x targets} floats: the dense ring is far larger than a core's cache, so nearly
 * every add missed it; the queues are small and written in order, and the sums are formed in one
 * array of the targets' size.
 *
 * <p>The order of the sums, which floats make visible: into target {@code t} at step {@code m},
 * the contributions are summed starting from 0 in order of the spike's step, then of the
 * projections (the simulation's order), then of the spikes, then of the row; the sum is then
 * added to the accumulator at its place among the projections that deliver directly. That is
 * the order of the dense ring this replaced, so the bits are the same. None of it depends on how
 * targets are split over threads. It does differ from delivering each segment when it arrives
 * (one add of a sum instead of a chain of adds), so a network with several delays into a float
 * accumulator gives other (equally valid) float roundings than delivery on arrival. The weights
 * are read when the input arrives, not when the spike is delivered: the same while weights
 * cannot change during a run (today).
 *
 * <p>Threads: the targets are cut into parts, the slices of the threaded step
 * ({@link #partition}), each with its own queues, so workers on different slices never share
 * one. A range that is not a whole part may be delivered only by ranges run one after the other
 * that cover the part in ascending order ({@code Simulation.stepInRanges}).
 *
 * <p>Checkpoints hold the dense ring the queues stand for ({@code futureInput}: each slot's
 * synapses summed from 0 in order), which does not depend on the parts; a restore keeps each
 * nonzero value as a synapse of the ring's own restored rows and queues them first, so the later
 * weights add to the same partial sums.
 */
public final class FutureInputRing implements Pathway, StateOwner {
    /** Rows index 0 of {@link #rowTargets}: the input a restore put back (see {@link #load}). */
    static final int RESTORED = 0;

    private final float[] accumulator;
    private final org.spikelane.neuron.LifPopulation target;
    private final int padded;
    private final int length;
    /** Per target, the sum of the slot being drained; zero between drains. */
    private final float[] sums;
    /** Part {@code p} holds the targets {@code [bounds[p], bounds[p + 1])}; {@code parts.length} is the most a partition may make. */
    private final SlotQueues[] parts;
    private int[] bounds;
    /** The synapses a queue entry's rows index names: {@link #RESTORED}, then each feeding projection's table. */
    private int[][] rowTargets = {new int[0]};
    private float[][] rowWeights = {new float[0]};

    /**
     * @param accumulator the array the fed kernels' {@code receive} adds into, at least {@code target.padded()} long
     * @param target      the population the feeding projections target
     * @param length      slots: the longest delay of the feeding projections in steps, plus one
     * @param maxParts    the most slices a threaded step may cut the targets into (the thread count)
     */
    FutureInputRing(float[] accumulator, org.spikelane.neuron.LifPopulation target, int length, int maxParts) {
        this.accumulator = accumulator;
        this.target = target;
        this.padded = target.padded();
        this.length = length;
        this.sums = new float[padded];
        this.parts = new SlotQueues[Math.max(1, maxParts)];
        this.bounds = new int[] {0, padded};
        layOut(bounds);
    }

    /**
     * Entries each slot of a part starts with: a quarter of its targets, plus a few (the
     * microcircuit queues about one segment of 16 synapses per 10 targets and step); grown when a
     * step needs more.
     */
    static int initialCapacity(int targets) { return targets / 4 + 16; }

    /** New, empty queues for the parts {@code cuts} makes (the unused ones hold nothing). */
    private void layOut(int[] cuts) {
        for (int p = 0; p < parts.length; p++) {
            parts[p] = new SlotQueues(length, p + 1 < cuts.length ? initialCapacity(cuts[p + 1] - cuts[p]) : 0);
        }
    }

    /** Registers a feeding projection's synapses; returns the rows index its queue entries name. */
    int feed(int[] targets, float[] weights) {
        int rows = rowTargets.length;
        rowTargets = java.util.Arrays.copyOf(rowTargets, rows + 1);
        rowWeights = java.util.Arrays.copyOf(rowWeights, rows + 1);
        rowTargets[rows] = targets;
        rowWeights[rows] = weights;
        return rows;
    }

    /** The population whose input this ring holds. */
    public org.spikelane.neuron.LifPopulation target() { return target; }

    /** Number of slots: the longest delay it holds is {@code length - 1} steps. */
    int length() { return length; }

    @Override public int padded() { return padded; }

    /** The part bounds (ascending, 0 first, {@link #padded()} last); do not modify. */
    int[] bounds() { return bounds; }

    /** The queues of part {@code p}. */
    SlotQueues part(int p) { return parts[p]; }

    /** Nothing per step: the accumulator's own kernel decays it. */
    @Override public void update(long step, int from, int to) { }

    /** Nothing: the feeding projections hold the spikes. */
    @Override public void pushSpikes(long step) { }

    /** One part per slice of the threaded step; input already in flight moves along. */
    @Override
    public void partition(int[] cuts) {
        if (cuts.length - 1 > parts.length) {
            throw new IllegalArgumentException("future input of '" + target.name() + "': " + (cuts.length - 1)
                    + " slices, but it was built for at most " + parts.length);
        }
        float[] inFlight = dense();
        bounds = cuts.clone();
        layOut(bounds);
        load(inFlight);
    }

    /**
     * Adds what arrives at {@code step} to the accumulator of {@code [from, to)} and empties
     * the slot there: each part's queue summed into {@link #sums} in order, then each sum added
     * once, for every target of the range (a target without input adds 0, as the dense ring did).
     */
    @Override
    public void deliver(long step, int from, int to) {
        int slot = (int) Math.floorMod(step, (long) length);
        int[] cut = bounds;
        for (int p = 0; p + 1 < cut.length; p++) {
            int lo = Math.max(from, cut[p]), hi = Math.min(to, cut[p + 1]);
            if (lo >= hi) continue;
            SlotQueues q = parts[p];
            if (lo == cut[p] && hi == cut[p + 1]) {
                q.drain(slot, rowTargets, rowWeights, sums);
            } else {
                q.drainWithin(slot, rowTargets, rowWeights, sums, lo, hi);
                if (hi == cut[p + 1]) q.clear(slot);
            }
        }
        float[] acc = accumulator;
        float[] s = sums;
        for (int t = from; t < to; t++) {
            acc[t] += s[t];
            s[t] = 0f;
        }
    }

    /** The dense ring the queues stand for: slot after slot ({@code slot * padded + target}), each queue summed from 0 in order. */
    float[] dense() {
        float[] ring = new float[Math.multiplyExact(length, padded)];
        for (SlotQueues q : parts) q.addTo(ring, padded, rowTargets, rowWeights);
        return ring;
    }

    /**
     * Replaces the input in flight by {@code ring} (as {@link #dense()} makes it): each value that
     * is not zero becomes a synapse of the {@link #RESTORED} rows, queued first in its slot and
     * part. Adding later weights to it from 0 gives the ring's partial sum plus them, exactly
     * (0 + x is x; a sum that starts at +0 is never -0, so a zero value needs no synapse).
     */
    void load(float[] ring) {
        if (ring.length != length * padded) {
            throw new CheckpointException("future input of '" + target.name() + "' has " + ring.length + " values in the checkpoint, but "
                    + length + " slots of " + padded + " targets here");
        }
        int nonzero = 0;
        for (float v : ring) if (v != 0f) nonzero++;
        int[] t = new int[nonzero];
        float[] w = new float[nonzero];
        for (SlotQueues q : parts) q.clearAll();
        int n = 0;
        for (int slot = 0; slot < length; slot++) {
            for (int p = 0; p + 1 < bounds.length; p++) {
                int first = n;
                for (int target = bounds[p]; target < bounds[p + 1]; target++) {
                    float v = ring[slot * padded + target];
                    if (v == 0f) continue;
                    t[n] = target;
                    w[n++] = v;
                }
                if (n > first) parts[p].append(slot, RESTORED, first, n);
            }
        }
        rowTargets[RESTORED] = t;
        rowWeights[RESTORED] = w;
    }

    /**
     * Input in flight is state, checkpointed as the dense ring ({@code futureInput}); the queues
     * and the restored rows are working memory whose layout follows the thread split (not
     * checkpointed: {@code futureInput} carries their content); the sums are zero between steps.
     * The feeding projections' rows are declared by the projections.
     */
    @Override
    public void declareState(StateDeclarer s) {
        s.resizable("futureInput", Role.STATE, "SI", this::dense, a -> load((float[]) a));
        s.array("sums", Role.SCRATCH, "SI", sums);
        s.resizable("restored.targets", Role.SCRATCH, "neuron", () -> rowTargets[RESTORED], FutureInputRing::notRestored);
        s.resizable("restored.weights", Role.SCRATCH, "SI", () -> rowWeights[RESTORED], FutureInputRing::notRestored);
        for (int p = 0; p < parts.length; p++) {
            int part = p;
            String name = "queue." + p + ".";
            s.resizable(name + "entries", Role.SCRATCH, "synapse", () -> parts[part].entryPool(), FutureInputRing::notRestored);
            s.resizable(name + "starts", Role.SCRATCH, "entry", () -> parts[part].starts(), FutureInputRing::notRestored);
            s.resizable(name + "sizes", Role.SCRATCH, "entry", () -> parts[part].sizes(), FutureInputRing::notRestored);
        }
    }

    /** Scratch is never restored; the queues come back through {@code futureInput}. */
    private static void notRestored(Object array) {
        throw new IllegalStateException("the queues of future input are restored through futureInput, not one by one");
    }
}
