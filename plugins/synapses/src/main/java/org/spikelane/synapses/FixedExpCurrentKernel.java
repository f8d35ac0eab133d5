package org.spikelane.synapses;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.SynapseContext;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * {@link ExpCurrentSynapse} under {@code precision: fixed} ({@link FixedCurrentKernel} for the
 * units): each step {@code jump += round(y / 2^F)}, then {@code y -= round(y (1 - P11))} (the
 * leak of {@link FixedCurrentKernel}, effective {@code tau_syn} within about 2^-16); an event adds
 * {@code round(w P21_t 2^F / LSB_v)}. {@link #vectorUpdate} runs on {@link Simd#INT} lanes with
 * the split multiply written out in the loop (no vector crosses a call); {@link #scalarUpdate} is
 * the reference in long arithmetic; the two are tested bit-identical.
 */
final class FixedExpCurrentKernel extends FixedCurrentKernel {
    private static final VectorSpecies<Integer> I = Simd.INT;

    private final double[] perEvent;

    FixedExpCurrentKernel(SynapseContext context, FixedTarget target, double tau) {
        super(context, target, tau);
        perEvent = new double[padded];
        for (int i = 0; i < size; i++) perEvent[i] = p21[i] / stateUnit();
    }

    @Override
    public void update(long step, int from, int to) {
        if (vector) vectorUpdate(from, to); else scalarUpdate(from, to);
    }

    @Override
    public void receive(int[] targets, float[] weights, int from, int to) {
        kick(effect, perEvent, targets, weights, from, to);
    }

    @Override
    protected double[] perEvent() { return perEvent; }

    void scalarUpdate(int from, int to) {
        int half = 1 << (fractionBits - 1);
        long clipped = 0;
        for (int i = from, end = Math.min(to, size); i < end; i++) {
            long sum = (long) jump[i] + ((effect[i] + half) >> fractionBits);
            long saturated = FixedMath.saturate(sum, jumpLimit);
            if (saturated != sum) clipped++;
            jump[i] = (int) saturated;
            effect[i] -= leakOf(effect[i]);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    /**
     * The jump sum cannot wrap: it was within {@code +-jumpLimit < 2^30} and the contribution is
     * below {@code 2^28}. The decay cannot overflow: {@code |y| <= 2^29}, the leak below {@code |y|}.
     */
    void vectorUpdate(int from, int to) {
        int f = fractionBits, half = 1 << (f - 1), low = (1 << LOW_BITS) - 1;
        int m = leak, shift = leakShift, aLow = lowAddend, aHigh = highAddend, limit = jumpLimit;
        long clipped = 0;
        for (int i = from; i < to; i += I.length()) {
            IntVector y = IntVector.fromArray(I, effect, i);
            IntVector sum = IntVector.fromArray(I, jump, i).add(y.add(half).lanewise(VectorOperators.ASHR, f));
            IntVector saturated = sum.max(-limit).min(limit);
            VectorMask<Integer> out = saturated.compare(VectorOperators.NE, sum);
            if (out.anyTrue()) clipped += out.trueCount();
            saturated.intoArray(jump, i);
            y.sub(y.lanewise(VectorOperators.ASHR, LOW_BITS).mul(m)
                    .add(y.lanewise(VectorOperators.AND, low).mul(m).add(aLow).lanewise(VectorOperators.LSHR, LOW_BITS))
                    .add(aHigh).lanewise(VectorOperators.ASHR, shift)).intoArray(effect, i);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        s.array("perEvent", Role.PARAMETER, "1/weight", perEvent);
    }
}
