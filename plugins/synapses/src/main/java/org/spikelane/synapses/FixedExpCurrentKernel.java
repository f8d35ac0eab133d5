package org.spikelane.synapses;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.SynapseContext;

/**
 * {@link ExpCurrentSynapse} under {@code precision: fixed} ({@link FixedCurrentKernel} for the
 * units): each step {@code jump += round(y / 2^F)}, then {@code y = round(y P11)} with
 * {@code P11} in Q16; an event adds {@code round(w P21_t 2^F / LSB_v)}. {@link #vectorUpdate}
 * runs on {@link Simd#INT} lanes with the split multiply of {@code IntLanes} written out in the
 * loop (no vector crosses a call); {@link #scalarUpdate} is the reference in long arithmetic
 * ({@link FixedMath#mulFloor}); the two are tested bit-identical. Resolution: {@code P11} is off
 * by at most {@code 2^-17}, which moves the effective {@code tau_syn} by at most
 * {@code 2^-17 tau_syn / dt} relative (3.8e-4 for 5 ms at 0.1 ms).
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
    public void update(long step) {
        if (vector) vectorUpdate(); else scalarUpdate();
    }

    @Override
    public void receive(int[] targets, float[] weights, int from, int to) {
        kick(effect, perEvent, targets, weights, from, to);
    }

    void scalarUpdate() {
        int half = 1 << (fractionBits - 1), nearest = 1 << (decayBits - 1);
        long clipped = 0;
        for (int i = 0; i < size; i++) {
            long sum = (long) jump[i] + ((effect[i] + half) >> fractionBits);
            long saturated = FixedMath.saturate(sum, jumpLimit);
            if (saturated != sum) clipped++;
            jump[i] = (int) saturated;
            effect[i] = FixedMath.mulFloor(effect[i], decay, decayBits, nearest);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    /**
     * The jump sum cannot wrap: it was within {@code +-jumpLimit < 2^30} and the contribution is
     * below {@code 2^28}. The decay cannot overflow: {@code |y| <= 2^29}, {@code P11 < 1}.
     */
    void vectorUpdate() {
        int f = fractionBits, half = 1 << (f - 1), bits = decayBits, low = (1 << bits) - 1, nearest = 1 << (bits - 1);
        int m = decay, limit = jumpLimit;
        long clipped = 0;
        for (int i = 0; i < padded; i += I.length()) {
            IntVector y = IntVector.fromArray(I, effect, i);
            IntVector sum = IntVector.fromArray(I, jump, i).add(y.add(half).lanewise(VectorOperators.ASHR, f));
            IntVector saturated = sum.max(-limit).min(limit);
            VectorMask<Integer> out = saturated.compare(VectorOperators.NE, sum);
            if (out.anyTrue()) clipped += out.trueCount();
            saturated.intoArray(jump, i);
            y.lanewise(VectorOperators.ASHR, bits).mul(m)
                    .add(y.lanewise(VectorOperators.AND, low).mul(m).add(nearest).lanewise(VectorOperators.LSHR, bits))
                    .intoArray(effect, i);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }
}
