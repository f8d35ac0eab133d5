package org.spikelane.synapses;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.Propagators;
import org.spikelane.spi.SynapseContext;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * {@link AlphaCurrentSynapse} under {@code precision: fixed}. The float kernel's current {@code y}
 * and ramp {@code x} are held as their effects, {@code u = P21 y} in LSB_v / 2^F
 * ({@link FixedCurrentKernel}) and {@code s = h P21 x} in LSB_v / 2^(F+G), which makes every
 * coefficient a number in [0, 1]:
 * <pre>
 *   jump += round((u + round(c_i s / 2^G)) / 2^F)   c_i = alphaRamp / (h P21) = phi2 / phi1, in Q16
 *   s'    = s - round(e s)                           e = 1 - e^{-h/tau_syn}, the leak of FixedCurrentKernel
 *   u    <- u - round(e u) + round(s' / 2^G)         saturated at 2^29
 *   s    <- s', or one unit nearer 0 when s' == s
 * </pre>
 * and an event adds {@code round(w (e / tau_syn) h P21_t 2^(F+G) / LSB_v)} to {@code s}.
 * {@code 2^G <= tau_syn / (e h)} (at most 2^12): the ramp's peak effect is that much below the
 * current's, so the finer ramp saturates no sooner than {@code u} for a single event.
 *
 * <p>Why the nudge on {@code s}: round to nearest alone leaves {@code s} stuck at up to
 * {@code tau/(2h)} units, which {@code u} integrates into a stuck value {@code tau/h} times
 * larger, a constant jump of several LSB_v per step forever. Truncation toward zero avoids that
 * but loses half a unit per step, which {@code u} integrates too: measured, the 0.5 mV (R I)
 * alpha PSP with {@code tau_syn = tau_m = 10 ms} came out 0.6 % small. The nudge changes nothing
 * outside the dead band (there rounding already moves {@code s}), so {@code s} is unbiased while
 * it matters and reaches 0 within {@code tau/(2h)} steps after it; the tail it cuts off is what
 * the G extra bits make small (measured, the summed jumps of one 100 pA event with
 * {@code tau_syn = 10 ms} came out 1690 LSB_v short without them, 64 LSB_v with G = 5).
 * Resolution: {@code c_i} within {@code 2^-17} absolute (about 1.5e-5 of the ramp's part of the
 * jump), the decay as in {@link FixedCurrentKernel}.
 * {@link #vectorUpdate} and {@link #scalarUpdate} (long reference, {@link FixedMath}) are tested
 * bit-identical.
 */
final class FixedAlphaCurrentKernel extends FixedCurrentKernel {
    private static final VectorSpecies<Integer> I = Simd.INT;

    /** {@code s}, the ramp, in LSB_v / 2^(F+G). */
    final int[] ramp;
    /** G: extra fraction bits of the ramp. */
    final int rampBits;
    /** {@code c_i} in Q(decayBits); padding 0. */
    final int[] coupling;
    private final double[] perEvent;

    FixedAlphaCurrentKernel(SynapseContext context, FixedTarget target, double tau) {
        super(context, target, tau);
        double h = context.dt();
        int g = 0;
        while (g < 12 && (double) (2 << g) <= tau / (Math.E * h)) g++;
        rampBits = g;
        ramp = new int[padded];
        coupling = new int[padded];
        perEvent = new double[padded];
        double[] scale = CurrentScale.of(target.parameters(), context.weightDimension());
        for (int i = 0; i < size; i++) {
            double pRamp = Propagators.alphaRamp(h, target.parameters().tauM(i), tau, scale[i]);
            coupling[i] = (int) Math.round(pRamp / (h * p21[i]) * (1 << decayBits));
            perEvent[i] = Math.scalb(Math.E / tau * h * p21[i] / stateUnit(), rampBits);
        }
    }

    @Override
    public void update(long step, int from, int to) {
        if (vector) vectorUpdate(from, to); else scalarUpdate(from, to);
    }

    @Override
    public void receive(int[] targets, float[] weights, int from, int to) {
        kick(ramp, perEvent, targets, weights, from, to);
    }

    @Override
    protected double[] perEvent() { return perEvent; }

    void scalarUpdate(int from, int to) {
        int half = 1 << (fractionBits - 1), nearest = 1 << (decayBits - 1), g = rampBits, rampHalf = (1 << g) >> 1;
        long jumpClips = 0, stateClips = 0;
        for (int i = from, end = Math.min(to, size); i < end; i++) {
            int u = effect[i], s = ramp[i];
            long total = (long) u + ((FixedMath.mulFloor(s, coupling[i], decayBits, nearest) + rampHalf) >> g);
            long sum = jump[i] + ((total + half) >> fractionBits);
            long saturated = FixedMath.saturate(sum, jumpLimit);
            if (saturated != sum) jumpClips++;
            jump[i] = (int) saturated;
            int decayed = s - leakOf(s);
            long next = (long) u - leakOf(u) + ((decayed + rampHalf) >> g);
            long bounded = FixedMath.saturate(next, STATE_LIMIT);
            if (bounded != next) stateClips++;
            effect[i] = (int) bounded;
            ramp[i] = decayed == s ? decayed - Integer.signum(s) : decayed;
        }
        if (jumpClips + stateClips > 0) target.countClipped(true, jumpClips + stateClips);
    }

    /**
     * int lanes throughout: {@code |u|, |s| <= 2^29} so the sums of two terms stay below
     * {@code 2^30}. The nudge is a masked subtract of {@code signum(s)}, computed as
     * {@code (s >> 31) - (-s >> 31)}, so no vector goes through a branch.
     */
    void vectorUpdate(int from, int to) {
        int f = fractionBits, half = 1 << (f - 1), bits = decayBits, low = (1 << bits) - 1, nearest = 1 << (bits - 1);
        int m = leak, shift = leakShift, aLow = lowAddend, aHigh = highAddend, limit = jumpLimit;
        int g = rampBits, rampHalf = (1 << g) >> 1, lowHalf = (1 << LOW_BITS) - 1;
        long clipped = 0;
        for (int i = from; i < to; i += I.length()) {
            IntVector u = IntVector.fromArray(I, effect, i);
            IntVector s = IntVector.fromArray(I, ramp, i);
            IntVector c = IntVector.fromArray(I, coupling, i);
            IntVector cs = s.lanewise(VectorOperators.ASHR, bits).mul(c)
                    .add(s.lanewise(VectorOperators.AND, low).mul(c).add(nearest).lanewise(VectorOperators.LSHR, bits));
            IntVector coarse = cs.add(rampHalf).lanewise(VectorOperators.ASHR, g);
            IntVector sum = IntVector.fromArray(I, jump, i).add(u.add(coarse).add(half).lanewise(VectorOperators.ASHR, f));
            IntVector saturated = sum.max(-limit).min(limit);
            VectorMask<Integer> jumpOut = saturated.compare(VectorOperators.NE, sum);
            saturated.intoArray(jump, i);
            IntVector decayed = s.sub(s.lanewise(VectorOperators.ASHR, LOW_BITS).mul(m)
                    .add(s.lanewise(VectorOperators.AND, lowHalf).mul(m).add(aLow).lanewise(VectorOperators.LSHR, LOW_BITS))
                    .add(aHigh).lanewise(VectorOperators.ASHR, shift));
            IntVector next = u.sub(u.lanewise(VectorOperators.ASHR, LOW_BITS).mul(m)
                    .add(u.lanewise(VectorOperators.AND, lowHalf).mul(m).add(aLow).lanewise(VectorOperators.LSHR, LOW_BITS))
                    .add(aHigh).lanewise(VectorOperators.ASHR, shift))
                    .add(decayed.add(rampHalf).lanewise(VectorOperators.ASHR, g));
            IntVector bounded = next.max(-STATE_LIMIT).min(STATE_LIMIT);
            VectorMask<Integer> stateOut = bounded.compare(VectorOperators.NE, next);
            if (jumpOut.or(stateOut).anyTrue()) clipped += jumpOut.trueCount() + stateOut.trueCount();
            bounded.intoArray(effect, i);
            IntVector signum = s.lanewise(VectorOperators.ASHR, 31).sub(s.neg().lanewise(VectorOperators.ASHR, 31));
            decayed.lanewise(VectorOperators.SUB, signum, decayed.compare(VectorOperators.EQ, s)).intoArray(ramp, i);
        }
        if (clipped > 0) target.countClipped(true, clipped);
    }

    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        s.array("ramp", Role.STATE, "LSB_v/2^(F+G)", ramp);
        s.array("coupling", Role.PARAMETER, "Q", coupling);
        s.array("perEvent", Role.PARAMETER, "1/weight", perEvent);
    }
}
