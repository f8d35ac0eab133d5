package org.spikelane.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.OverflowTally;
import org.spikelane.fixed.IntLanes;
import org.spikelane.fixed.Rounding;
import org.spikelane.simd.ExpNeg;
import org.spikelane.simd.Simd;
import org.spikelane.state.StateDeclarer;

/**
 * The LIF step of docs/semantics.md §2 (phase NEURON_UPDATE) on the int state of a {@link FixedLifState}, reading the int
 * accumulators that the inputs' and synapses' fixed kernels filled ({@code driveSum},
 * {@code jumpSum}) and clearing them. Same refractory, threshold and reset semantics as the
 * float kernels. {@link #vectorStep} runs on
 * {@link Simd#INT} lanes with the split multiply of {@link IntLanes}; {@link #scalarStep} is the
 * reference in long arithmetic; the two are tested bit-identical.
 */
public final class FixedLifKernel implements LifKernel<FixedLifState> {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    private final boolean vector;

    /** @param vector the Vector API path, or the scalar reference */
    public FixedLifKernel(boolean vector) { this.vector = vector; }

    @Override
    public int step(FixedLifState f, long step, int from, int to, int[] spikesOut, int offset) {
        return vector ? vectorStep(f, step, from, to, spikesOut, offset) : scalarStep(f, step, from, to, spikesOut, offset);
    }

    /**
     * The reference: neurons {@code [from, min(to, size))}. The stochastic addend of neuron
     * {@code i} is the hash of {@code (seed, step, i)}, so it does not depend on how a step is
     * split into ranges.
     */
    public static int scalarStep(FixedLifState f, long step, int from, int to, int[] spikesOut, int offset) {
        int bits = f.profile.decayBits();
        Rounding rounding = f.profile.rounding();
        int vLimit = f.profile.voltageLimit(), iLimit = f.profile.currentLimit();
        boolean conductance = f.g != null;
        int end = Math.min(to, f.size);
        if (conductance) scalarConductance(f, from, end);
        int[] resting = conductance ? f.conductanceRest : f.restingPotential;
        int[] decay = conductance ? f.conductanceDecay : f.decay;
        int count = offset;
        for (int i = from; i < end; i++) {
            int drive = (int) FixedMath.saturate(f.driveSum[i], iLimit);
            int jump = (int) FixedMath.saturate(f.jumpSum[i], vLimit);
            if (drive != f.driveSum[i]) OverflowTally.add(f.overflows, FixedLifState.I, 1);
            if (jump != f.jumpSum[i]) OverflowTally.add(f.overflows, FixedLifState.DV, 1);
            f.driveSum[i] = 0;
            f.jumpSum[i] = 0;
            int noise = rounding == Rounding.STOCHASTIC ? FixedMath.noise(f.seed, (int) step, i) : 0;
            long vInf = (long) resting[i] + drive;
            long vNew = vInf + FixedMath.mul((int) (f.v[i] - vInf), decay[i], bits, rounding, noise) + jump;
            long clipped = FixedMath.saturate(vNew, vLimit);
            if (clipped != vNew) OverflowTally.add(f.overflows, FixedLifState.V, 1);
            if (f.refractoryLeft[i] > 0) {
                f.v[i] = f.resetPotential[i];
                f.refractoryLeft[i]--;
                continue;
            }
            boolean spike = f.inclusiveThreshold ? clipped >= f.threshold[i] : clipped > f.threshold[i];
            if (spike) {
                f.v[i] = f.resetPotential[i];
                f.refractoryLeft[i] = f.refractoryHold[i];
                spikesOut[count++] = i;
            } else {
                f.v[i] = (int) clipped;
            }
        }
        return count - offset;
    }

    /**
     * Conductances (float, from the synapses' float kernels) folded into this step's rest and
     * decay: with {@code rg = R g}, {@code v_inf = (E_L + R I + R gE) / (1 + rg)} and
     * {@code d = e^{-(1 + rg) dt / tau_m}}, formed in float ({@link ExpNeg}, bit-identical in both
     * paths) and quantized once (v_inf truncated to LSB_v, d rounded to Q16; a v_inf beyond the
     * bound is clipped and counted as an overflow of {@code I}, the range it is held in). The drive is folded
     * in, so the integration pass reads 0 from it.
     */
    private static void scalarConductance(FixedLifState f, int from, int end) {
        float unity = 1 << f.profile.decayBits(), bound = FixedMath.quantizeBound(f.profile.currentBits());
        float lsb = (float) f.voltageLsb;
        int iLimit = f.profile.currentLimit();
        for (int i = from; i < end; i++) {
            int drive = (int) FixedMath.saturate(f.driveSum[i], iLimit);
            if (drive != f.driveSum[i]) OverflowTally.add(f.overflows, FixedLifState.I, 1);
            float denominator = 1f + f.g[i] * f.ampsToLsb[i] * lsb;
            float vInf = ((float) (f.restingPotential[i] + drive) + f.gE[i] * f.ampsToLsb[i]) / denominator;
            // a strong conductance can pull v_inf beyond the int range: clipped, and counted as I;
            // compared as the vector path does (a NaN counts as a clip in both)
            float rest = Math.max(-bound, Math.min(bound, vInf));
            if (rest != vInf) OverflowTally.add(f.overflows, FixedLifState.I, 1);
            f.conductanceRest[i] = (int) rest;
            f.conductanceDecay[i] = (int) (ExpNeg.exp(-(f.dtOverTau[i] * denominator)) * unity + 0.5f);
            f.driveSum[i] = 0;
            f.g[i] = 0f;
            f.gE[i] = 0f;
        }
    }

    /** {@link #scalarConductance} on vectors; arrays in and out, so no vector crosses the call. */
    private static void vectorConductance(FixedLifState f, int from, int to) {
        float unity = 1 << f.profile.decayBits(), bound = FixedMath.quantizeBound(f.profile.currentBits());
        float lsb = (float) f.voltageLsb;
        int iLimit = f.profile.currentLimit();
        long driveOverflows = 0, restOverflows = 0;
        FloatVector zero = FloatVector.zero(F);
        IntVector none = IntVector.zero(I);
        for (int i = from; i < to; i += I.length()) {
            IntVector driveIn = IntVector.fromArray(I, f.driveSum, i);
            IntVector drive = driveIn.max(-iLimit).min(iLimit);
            VectorMask<Integer> driveOut = drive.compare(VectorOperators.NE, driveIn);
            if (driveOut.anyTrue()) driveOverflows += driveOut.trueCount();
            FloatVector toLsb = FloatVector.fromArray(F, f.ampsToLsb, i);
            FloatVector denominator = FloatVector.fromArray(F, f.g, i).mul(toLsb).mul(lsb).add(1f);
            // |E_L + R I| < 2^31 after the clip, so the int sum is exact as in the scalar path
            FloatVector rest = (FloatVector) IntVector.fromArray(I, f.restingPotential, i).add(drive)
                    .convert(VectorOperators.I2F, 0);
            FloatVector vInf = rest.add(FloatVector.fromArray(F, f.gE, i).mul(toLsb)).div(denominator);
            FloatVector restClipped = vInf.max(-bound).min(bound);
            VectorMask<Float> restOut = restClipped.compare(VectorOperators.NE, vInf);
            if (restOut.anyTrue()) restOverflows += restOut.trueCount();
            ((IntVector) restClipped.convert(VectorOperators.F2I, 0)).intoArray(f.conductanceRest, i);
            // the exponent goes through g's own lanes, consumed by this step: scratch inside the range
            FloatVector.fromArray(F, f.dtOverTau, i).mul(denominator).neg().intoArray(f.g, i);
            ExpNeg.exp(f.g, i);
            ((IntVector) FloatVector.fromArray(F, f.g, i).mul(unity).add(0.5f).convert(VectorOperators.F2I, 0))
                    .intoArray(f.conductanceDecay, i);
            none.intoArray(f.driveSum, i);
            zero.intoArray(f.g, i);
            zero.intoArray(f.gE, i);
        }
        OverflowTally.add(f.overflows, FixedLifState.I, driveOverflows + restOverflows);
    }

    /**
     * One pass over the int state: the accumulators {@code driveSum} ({@code R I}) and
     * {@code jumpSum} clipped (counted) and cleared, one split multiply (the decay), v saturated
     * (counted), then refractory hold, threshold and reset as in VectorLifKernel. With
     * conductances a first pass ({@link #vectorConductance}) writes this step's rest and decay, and
     * this pass reads them from those arrays instead: arrays chosen before the loop, not vectors
     * chosen inside it.
     *
     * <p>Shape constraints found with {@code -prof gc} (FixedNoAllocationTest guards them):
     * every vector operation is written inside the loop body, with no own helper taking a vector
     * argument (a body built from such helpers exceeded C2's inlining node budget, and a vector
     * passed to a helper that is not inlined is boxed); and no vector flows through a branch
     * merge ({@code x = truncating ? a : b} boxed 48 bytes per lane group once both sides had
     * run). So the rounding mode is data, not control flow: the addend comes from
     * {@link FixedLifState#roundingAddend} (2^(bits-1) for nearest, 0 for truncation, refilled
     * with noise each step for stochastic rounding), and truncation toward zero adds
     * {@code 2^bits - 1} on negative lanes ({@code (x >> 31) & negativeAddend}: floor of
     * {@code (x m + 2^bits - 1) / 2^bits} is the ceiling of {@code x m / 2^bits}), which is
     * three operations instead of the sign flips of {@link IntLanes#mulTruncate}. Homogeneous
     * loads use an index mask ({@link FixedLifState#restingIndexMask}) for the same reason.
     * Overflow counts are taken only when some lane clipped ({@code anyTrue}, rare), not with
     * three {@code trueCount}s per lane group.
     */
    public static int vectorStep(FixedLifState f, long step, int from, int to, int[] spikesOut, int offset) {
        int bits = f.profile.decayBits(), low = (1 << bits) - 1;
        int vLimit = f.profile.voltageLimit(), iLimit = f.profile.currentLimit();
        Rounding rounding = f.profile.rounding();
        // truncation toward zero is the floor product with addend 2^bits - 1 on negative lanes
        int negativeAddend = rounding == Rounding.TRUNCATE ? low : 0;
        if (rounding == Rounding.STOCHASTIC) IntLanes.fillNoise(f.seed, (int) step, low, f.roundingAddend, from, to);
        boolean conductance = f.g != null;
        if (conductance) vectorConductance(f, from, to);
        int[] resting = conductance ? f.conductanceRest : f.restingPotential;
        int[] decays = conductance ? f.conductanceDecay : f.decay;
        int restingMask = conductance ? -1 : f.restingIndexMask;
        IntVector none = IntVector.zero(I);
        int addendMask = f.addendIndexMask, resetMask = f.resetIndexMask;
        long driveOverflows = 0, jumpOverflows = 0, vOverflows = 0;
        int count = offset;
        for (int i = from; i < to; i += I.length()) {
            IntVector driveIn = IntVector.fromArray(I, f.driveSum, i);
            IntVector drive = driveIn.max(-iLimit).min(iLimit);
            IntVector jumpIn = IntVector.fromArray(I, f.jumpSum, i);
            IntVector jump = jumpIn.max(-vLimit).min(vLimit);
            none.intoArray(f.driveSum, i);
            none.intoArray(f.jumpSum, i);
            IntVector addend = IntVector.fromArray(I, f.roundingAddend, i & addendMask);

            // v_inf = E_L + R I
            IntVector vInf = IntVector.fromArray(I, resting, i & restingMask).add(drive);
            // v' = v_inf + (v - v_inf) d / 2^bits + jump
            IntVector diff = IntVector.fromArray(I, f.v, i).sub(vInf);
            IntVector decay = IntVector.fromArray(I, decays, i);
            IntVector a = addend.add(diff.lanewise(VectorOperators.ASHR, 31).lanewise(VectorOperators.AND, negativeAddend));
            IntVector vNew = vInf.add(jump).add(diff.lanewise(VectorOperators.ASHR, bits).mul(decay))
                    .add(diff.lanewise(VectorOperators.AND, low).mul(decay).add(a).lanewise(VectorOperators.LSHR, bits));
            IntVector clipped = vNew.max(-vLimit).min(vLimit);
            VectorMask<Integer> driveOut = drive.compare(VectorOperators.NE, driveIn);
            VectorMask<Integer> jumpOut = jump.compare(VectorOperators.NE, jumpIn);
            VectorMask<Integer> vOut = clipped.compare(VectorOperators.NE, vNew);
            if (driveOut.or(jumpOut).or(vOut).anyTrue()) { // rare: count only then
                driveOverflows += driveOut.trueCount();
                jumpOverflows += jumpOut.trueCount();
                vOverflows += vOut.trueCount();
            }

            IntVector left = IntVector.fromArray(I, f.refractoryLeft, i);
            VectorMask<Integer> hold = left.compare(VectorOperators.GT, 0);
            IntVector threshold = IntVector.fromArray(I, f.threshold, i);
            VectorMask<Integer> crossed = f.inclusiveThreshold ? clipped.compare(VectorOperators.GE, threshold)
                    : clipped.compare(VectorOperators.GT, threshold);
            VectorMask<Integer> spike = crossed.andNot(hold);
            clipped.blend(IntVector.fromArray(I, f.resetPotential, i & resetMask), spike.or(hold)).intoArray(f.v, i);
            left = left.lanewise(VectorOperators.SUB, 1, hold);
            if (spike.anyTrue()) {
                left = left.blend(IntVector.fromArray(I, f.refractoryHold, i), spike);
                long maskBits = spike.toLong();
                while (maskBits != 0) {
                    spikesOut[count++] = i + Long.numberOfTrailingZeros(maskBits);
                    maskBits &= maskBits - 1;
                }
            }
            left.intoArray(f.refractoryLeft, i);
        }
        OverflowTally.add(f.overflows, FixedLifState.I, driveOverflows);
        OverflowTally.add(f.overflows, FixedLifState.DV, jumpOverflows);
        OverflowTally.add(f.overflows, FixedLifState.V, vOverflows);
        return count - offset;
    }

    /** No state of its own: everything is in the {@link FixedLifState} it is handed. */
    @Override
    public void declareState(StateDeclarer s) { }
}
