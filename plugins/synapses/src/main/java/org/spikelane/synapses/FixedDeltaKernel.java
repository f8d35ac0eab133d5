package org.spikelane.synapses;

import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.state.StateDeclarer;

/**
 * {@link DeltaSynapse} under {@code precision: fixed}: each event adds {@code round(w / LSB_v)}
 * to the target's int {@link FixedTarget#jump()}, which the LIF kernel adds at the end of the
 * next step (lost while refractory, as in float32). No state, so no per-step loop and no vector
 * path; the per-event add is scalar like every kernel's {@code receive}. The running sum is
 * saturated at {@link FixedTarget#contributionLimit()} (counted as a {@code dv} overflow), which
 * also keeps it from wrapping when several projections add to it.
 */
final class FixedDeltaKernel implements SynapseKernel {
    private final FixedTarget target;
    private final int[] jump;
    /** 1 / LSB_v; exact because LSB_v is a power of two. */
    private final double perVolt;
    private final int limit;

    FixedDeltaKernel(FixedTarget target) {
        this.target = target;
        this.jump = target.jump();
        this.perVolt = 1 / target.voltLsb();
        this.limit = target.contributionLimit();
    }

    @Override public void update(long step, int from, int to) {}

    @Override
    public void receive(int[] targets, float[] weights, int from, int to) {
        long clipped = 0;
        for (int k = from; k < to; k++) clipped += SaturatingAdd.add(jump, targets[k], weights[k] * perVolt, limit);
        if (clipped > 0) target.countClipped(true, clipped);
    }

    /** No state of its own: it adds straight into the target's jump accumulator. */
    @Override
    public void declareState(StateDeclarer s) { }
}
