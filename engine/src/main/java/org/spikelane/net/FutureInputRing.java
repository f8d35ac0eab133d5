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
 * {@code s} once, at {@code s}, walking its source's whole row and queueing each synapse's
 * (target, weight) in slot {@code s + d} ({@link SlotQueues}). This pathway, placed after the
 * last of them, then sums the slot of the current step per target, adds the sums into the
 * accumulator and empties the slot, for its range of targets.
 *
 * <p>Why: with drawn delays (the microcircuit has 30-60 per projection) delivering each
 * (spike, delay) segment at the step it arrives costs a row lookup, a cut lookup and a kernel
 * call per segment of about 16 synapses, each in a different part of memory; delivered ahead,
 * the source's segments are read as one stream, once. Queued rather than added into a dense
 * ring of {@code length x targets} floats: the dense ring is far larger than a core's cache, so
 * every add missed it; a queue is written and read in order, and the sums are formed in one
 * array of the targets' size.
 *
 * <p>The order of the sums, which floats make visible: into target {@code t} at step {@code m},
 * the contributions are summed starting from 0 in order of the spike's step, then of the
 * projections (the simulation's order), then of the spikes, then of the row; the sum is then
 * added to the accumulator at its place among the projections that deliver directly. That is
 * the order of the dense ring this replaced, so the bits are the same. None of it depends on how
 * targets are split over threads. It does differ from delivering each segment when it arrives
 * (one add of a sum instead of a chain of adds), so a network with several delays into a float
 * accumulator gives other (equally valid) float roundings than delivery on arrival.
 *
 * <p>Threads: the targets are cut into parts, the slices of the threaded step
 * ({@link #partition}), each with its own queues, so workers on different slices never share
 * one. A range that is not a whole part may be delivered only by ranges run one after the other
 * that cover the part in ascending order ({@code Simulation.stepInRanges}).
 *
 * <p>Checkpoints hold the dense ring the queues stand for ({@code futureInput}: each slot's
 * queue summed from 0 in order), which does not depend on the parts; a restore queues one entry
 * per nonzero value, so the later weights add to the same partial sums.
 */
public final class FutureInputRing implements Pathway, StateOwner {
    private final float[] accumulator;
    private final org.spikelane.neuron.LifPopulation target;
    private final int padded;
    private final int length;
    /** Per target, the sum of the slot being drained; zero between drains. */
    private final float[] sums;
    /** Part {@code p} holds the targets {@code [bounds[p], bounds[p + 1])}; {@code parts.length} is the most a partition may make. */
    private final SlotQueues[] parts;
    private int[] bounds;

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
     * Entries each slot of a part starts with: two per target of the part (the microcircuit
     * delivers about 1.6 synapses per target and step), grown when a step needs more.
     */
    static int initialCapacity(int targets) { return 2 * targets; }

    /** New, empty queues for the parts {@code bounds} makes (the unused ones hold nothing). */
    private void layOut(int[] cuts) {
        for (int p = 0; p < parts.length; p++) {
            parts[p] = new SlotQueues(length, p + 1 < cuts.length ? initialCapacity(cuts[p + 1] - cuts[p]) : 0);
        }
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
                q.drain(slot, sums);
            } else {
                q.drainWithin(slot, sums, lo, hi);
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
        for (SlotQueues q : parts) q.addTo(ring, padded);
        return ring;
    }

    /**
     * Replaces the input in flight by {@code ring} (as {@link #dense()} makes it): one entry per
     * target and slot whose value is not zero, in its target's part. Adding later weights to that
     * entry from 0 gives the ring's partial sum plus them, exactly (0 + x is x; a sum that starts
     * at +0 is never -0, so a zero value needs no entry).
     */
    void load(float[] ring) {
        if (ring.length != length * padded) {
            throw new CheckpointException("future input of '" + target.name() + "' has " + ring.length + " values in the checkpoint, but "
                    + length + " slots of " + padded + " targets here");
        }
        for (SlotQueues q : parts) q.clearAll();
        for (int slot = 0; slot < length; slot++) {
            for (int p = 0; p + 1 < bounds.length; p++) {
                for (int t = bounds[p]; t < bounds[p + 1]; t++) {
                    float v = ring[slot * padded + t];
                    if (v != 0f) parts[p].append(slot, t, v);
                }
            }
        }
    }

    /**
     * Input in flight is state, checkpointed as the dense ring ({@code futureInput}); the queues
     * themselves are working memory whose layout follows the thread split (not checkpointed:
     * {@code futureInput} carries their content), and the sums are zero between steps.
     */
    @Override
    public void declareState(StateDeclarer s) {
        s.resizable("futureInput", Role.STATE, "SI", this::dense, a -> load((float[]) a));
        s.array("sums", Role.SCRATCH, "SI", sums);
        for (int p = 0; p < parts.length; p++) {
            int part = p;
            String name = "queue." + p + ".";
            s.resizable(name + "targets", Role.SCRATCH, "neuron", () -> parts[part].targetPool(), FutureInputRing::notRestored);
            s.resizable(name + "weights", Role.SCRATCH, "SI", () -> parts[part].weightPool(), FutureInputRing::notRestored);
            s.resizable(name + "sizes", Role.SCRATCH, "entry", () -> parts[part].sizes(), FutureInputRing::notRestored);
        }
    }

    /** Scratch is never restored; the queues come back through {@code futureInput}. */
    private static void notRestored(Object array) {
        throw new IllegalStateException("the queues of future input are restored through futureInput, not one by one");
    }
}
