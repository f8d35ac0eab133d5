package org.spikelane.neuron;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.IntLanes;
import org.spikelane.fixed.Rounding;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.units.Dimension;

/**
 * The LIF step of DESIGN §2 on the int state of a {@link FixedLifState}, in one pass that also
 * quantizes the step's float accumulators ({@code current}, {@code dv}) and clears them. Same
 * refractory, threshold and reset semantics as the float kernels. {@link #vectorStep} runs on
 * {@link Simd#INT} lanes with the split multiply of {@link IntLanes}; {@link #scalarStep} is the
 * reference in long arithmetic; the two are tested bit-identical.
 */
public final class FixedLifKernel implements OwnStateLifKernel {
    private static final VectorSpecies<Integer> I = Simd.INT;
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    private final FixedLifState state;
    private final boolean vector;

    public FixedLifKernel(FixedLifState state, boolean vector) {
        this.state = state;
        this.vector = vector;
    }

    public FixedLifState fixedState() { return state; }

    @Override
    public int step(LifState s, int[] spikesOut) {
        return vector ? vectorStep(state, s, spikesOut) : scalarStep(state, s, spikesOut);
    }

    public static int scalarStep(FixedLifState f, LifState s, int[] spikesOut) {
        int bits = f.profile.decayBits();
        Rounding rounding = f.profile.rounding();
        int vBits = f.profile.voltageBits(), iBits = f.profile.currentBits(), vLimit = f.profile.voltageLimit();
        int count = 0;
        for (int i = 0; i < f.size; i++) {
            if (FixedMath.overflows(s.current[i], f.drive[i], iBits)) f.overflows[FixedLifState.I]++;
            if (FixedMath.overflows(s.dv[i], f.voltageScale, vBits)) f.overflows[FixedLifState.DV]++;
            int drive = FixedMath.quantize(s.current[i], f.drive[i], iBits);
            int dv = FixedMath.quantize(s.dv[i], f.voltageScale, vBits);
            s.current[i] = 0f;
            s.dv[i] = 0f;
            int noise = rounding == Rounding.STOCHASTIC ? FixedMath.noise(f.seed, f.step, i) : 0;
            long vInf = (long) f.restingPotential[i] + drive;
            long vNew = vInf + FixedMath.mul((int) (f.v[i] - vInf), f.decay[i], bits, rounding, noise) + dv;
            long clipped = FixedMath.saturate(vNew, vLimit);
            if (clipped != vNew) f.overflows[FixedLifState.V]++;
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
        f.step++;
        return count;
    }

    /**
     * One pass: quantize the float accumulators (clip, truncating conversion, counted; the
     * current as the drive {@code R I} in LSB_v, one float multiply by {@link FixedLifState#drive}),
     * integrate with one split multiply (the decay), saturate v (counted), then refractory hold,
     * threshold and reset as in VectorLifKernel.
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
    public static int vectorStep(FixedLifState f, LifState s, int[] spikesOut) {
        int bits = f.profile.decayBits(), low = (1 << bits) - 1, vLimit = f.profile.voltageLimit();
        float currentBound = FixedMath.quantizeBound(f.profile.currentBits());
        float voltageBound = FixedMath.quantizeBound(f.profile.voltageBits());
        Rounding rounding = f.profile.rounding();
        // truncation toward zero is the floor product with addend 2^bits - 1 on negative lanes
        int negativeAddend = rounding == Rounding.TRUNCATE ? low : 0;
        if (rounding == Rounding.STOCHASTIC) IntLanes.fillNoise(f.seed, f.step, low, f.roundingAddend);
        FloatVector zero = FloatVector.zero(F);
        int addendMask = f.addendIndexMask, restingMask = f.restingIndexMask, resetMask = f.resetIndexMask;
        long currentOverflows = 0, dvOverflows = 0, vOverflows = 0;
        int count = 0;
        for (int i = 0; i < f.padded; i += I.length()) {
            FloatVector y = FloatVector.fromArray(F, s.current, i).mul(FloatVector.fromArray(F, f.drive, i));
            VectorMask<Float> currentOut = y.abs().compare(VectorOperators.GT, currentBound);
            IntVector drive = (IntVector) y.max(-currentBound).min(currentBound).convert(VectorOperators.F2I, 0);
            FloatVector z = FloatVector.fromArray(F, s.dv, i).mul(f.voltageScale);
            VectorMask<Float> dvOut = z.abs().compare(VectorOperators.GT, voltageBound);
            IntVector dv = (IntVector) z.max(-voltageBound).min(voltageBound).convert(VectorOperators.F2I, 0);
            zero.intoArray(s.current, i);
            zero.intoArray(s.dv, i);
            IntVector addend = IntVector.fromArray(I, f.roundingAddend, i & addendMask);

            // v_inf = E_L + R I
            IntVector vInf = IntVector.fromArray(I, f.restingPotential, i & restingMask).add(drive);
            // v' = v_inf + (v - v_inf) d / 2^bits + dv
            IntVector diff = IntVector.fromArray(I, f.v, i).sub(vInf);
            IntVector decay = IntVector.fromArray(I, f.decay, i);
            IntVector a = addend.add(diff.lanewise(VectorOperators.ASHR, 31).lanewise(VectorOperators.AND, negativeAddend));
            IntVector vNew = vInf.add(dv).add(diff.lanewise(VectorOperators.ASHR, bits).mul(decay))
                    .add(diff.lanewise(VectorOperators.AND, low).mul(decay).add(a).lanewise(VectorOperators.LSHR, bits));
            IntVector clipped = vNew.max(-vLimit).min(vLimit);
            VectorMask<Integer> vOut = clipped.compare(VectorOperators.NE, vNew);
            if (currentOut.or(dvOut).cast(I).or(vOut).anyTrue()) { // rare: count only then
                currentOverflows += currentOut.trueCount();
                dvOverflows += dvOut.trueCount();
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
        f.overflows[FixedLifState.I] += currentOverflows;
        f.overflows[FixedLifState.DV] += dvOverflows;
        f.overflows[FixedLifState.V] += vOverflows;
        f.step++;
        return count;
    }

    @Override public List<String> ownVariableNames() { return List.of("v"); }

    @Override
    public Variable ownVariable(String name) {
        return name.equals("v") ? new Volts(state) : null;
    }

    @Override
    public void parameterChanged(LifState s, String param, int neuron) {
        state.requantize(s, param, neuron);
    }

    /** v in volts: the integer times LSB_v. */
    private record Volts(FixedLifState f) implements Variable {
        @Override public String name() { return "v"; }

        @Override public Dimension dimension() { return Dimension.VOLTAGE; }

        @Override public double value(int neuron) { return f.volts(neuron); }
    }
}
