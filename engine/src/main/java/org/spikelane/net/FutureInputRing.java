package org.spikelane.net;

import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Input that has been delivered but has not arrived yet: one float per target neuron and step
 * of the longest delay, a ring whose slot {@code m mod length} collects what arrives at step
 * {@code m}. The projections that add into one kernel accumulator
 * ({@link org.spikelane.spi.SynapseKernel#accumulator()}) and have more than one delay share it
 * ({@link AheadDelivery}): each delivers a spike of step {@code s} once, at {@code s}, walking
 * its source's whole row and adding each synapse's weight into slot {@code s + d}. This pathway,
 * placed after the last of them, then adds the slot of the current step into the accumulator and
 * clears it, for its range of targets.
 *
 * <p>Why: with drawn delays (the microcircuit has 30-60 per projection) delivering each
 * (spike, delay) segment at the step it arrives costs a row lookup, a cut lookup and a kernel
 * call per segment of about 16 synapses, each in a different part of memory; delivered ahead,
 * the source's segments are read as one stream, once.
 *
 * <p>The order of the sums, which floats make visible: into target {@code t} at step {@code m},
 * the contributions are summed in the slot in order of the spike's step, then of the projections
 * (the simulation's order), then of the spikes, then of the row; the sum is then added to the
 * accumulator at its place among the projections that deliver directly. None of this depends on
 * how targets are split over threads. It does differ from delivering each segment when it
 * arrives (one add of a sum instead of a chain of adds), so a network with several delays into a
 * float accumulator gives other (equally valid) float roundings than before this ring existed.
 */
public final class FutureInputRing implements Pathway, StateOwner {
    private final float[] accumulator;
    private final org.spikelane.neuron.LifPopulation target;
    private final int padded;
    private final int length;
    private final float[] slots;

    /**
     * @param accumulator the array the fed kernels' {@code receive} adds into, at least {@code target.padded()} long
     * @param target      the population the feeding projections target
     * @param length      slots: the longest delay of the feeding projections in steps, plus one
     */
    FutureInputRing(float[] accumulator, org.spikelane.neuron.LifPopulation target, int length) {
        this.accumulator = accumulator;
        this.target = target;
        this.padded = target.padded();
        this.length = length;
        this.slots = new float[Math.multiplyExact(length, padded)];
    }

    /** The population whose input this ring holds. */
    public org.spikelane.neuron.LifPopulation target() { return target; }

    /** Number of slots: the longest delay it holds is {@code length - 1} steps. */
    int length() { return length; }

    /** Target population's padded size: also the stride between slots. */
    @Override public int padded() { return padded; }

    /** The slots, slot after slot ({@code slot * padded + target}); written by the feeding projections. */
    float[] slots() { return slots; }

    /** Nothing per step: the accumulator's own kernel decays it. */
    @Override public void update(long step, int from, int to) { }

    /** Nothing: the feeding projections hold the spikes. */
    @Override public void pushSpikes(long step) { }

    /** Adds what arrives at {@code step} to the accumulator of {@code [from, to)} and clears the slot. */
    @Override
    public void deliver(long step, int from, int to) {
        int base = (int) Math.floorMod(step, (long) length) * padded;
        float[] acc = accumulator;
        float[] s = slots;
        for (int t = from; t < to; t++) {
            acc[t] += s[base + t];
            s[base + t] = 0f;
        }
    }

    /** Input in flight is state: a checkpoint between steps holds what is still to arrive. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("futureInput", Role.STATE, "SI", slots);
    }
}
