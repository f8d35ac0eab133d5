package org.spikelane.inputs;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;

/**
 * The int arithmetic that the standard inputs share under {@code precision: fixed}: currents
 * quantized once to {@code R I} in LSB_v per target slot, and the two per-step additions to
 * {@link FixedTarget#drive()} (a constant array; an affine {@code base + slope m / 2^15}).
 *
 * <p>Slot arrays of a whole-population input are {@code drive.length} (padded) long with zeros in
 * the padding, so the vector loops need no masked tail; a subset input keeps {@code count} slots and
 * adds with a scalar loop over its indices (gathers would not pay for the few neurons it has).
 * Every vector loop is written out in the method that runs it and takes and returns arrays only:
 * a vector passed to or returned from a call that C2 does not inline is boxed.
 */
final class FixedDrive {
    private FixedDrive() {}

    private static final VectorSpecies<Integer> I = Simd.INT;
    /** Fraction bits of the per-step multiplier of {@link #addAffine} (sine value, ramp fraction). */
    static final int BITS = 15;
    static final int UNITY = 1 << BITS;
    private static final int HALF = 1 << (BITS - 1);
    private static final int LOW = UNITY - 1;

    /** A slot array sized for {@code targets}: padded for a whole population, one per target otherwise. */
    static int[] slots(Targets targets, FixedTarget target) {
        return new int[targets.indices == null ? target.drive().length : targets.count];
    }

    /** {@code round(amperes * R_i / LSB_v)} of target neuron {@code neuron}, clipped to the contribution limit (counted). */
    static int quantize(FixedTarget target, int neuron, double amperes) {
        double lsb = Math.rint(amperes * target.lsbPerAmpere(neuron));
        int limit = target.contributionLimit();
        if (Math.abs(lsb) > limit) {
            target.countClipped(false, 1);
            return lsb > 0 ? limit : -limit;
        }
        return (int) lsb;
    }

    /** One current for every slot, quantized with each target neuron's own {@code R}. */
    static int[] quantize(FixedTarget target, Targets targets, double amperes) {
        int[] out = slots(targets, target);
        for (int k = 0; k < targets.count; k++) out[k] = quantize(target, targets.neuron(k), amperes);
        return out;
    }

    /**
     * {@code drive[neuron(k)] += values[k]} for every slot whose neuron is in {@code [from, to)}
     * (int wrap-around in both paths). A whole-population slot array is padded, so {@code to} may
     * be the padded size.
     */
    static void add(int[] drive, int from, int to, Targets targets, int[] values, boolean vector) {
        int[] neurons = targets.indices;
        if (neurons != null) {
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) drive[neurons[k]] += values[k];
        } else if (vector) {
            for (int i = from; i < to; i += I.length()) {
                IntVector.fromArray(I, drive, i).add(IntVector.fromArray(I, values, i)).intoArray(drive, i);
            }
        } else {
            for (int i = from; i < to; i++) drive[i] += values[i];
        }
    }

    /**
     * {@code drive[neuron(k)] += base[k] + floor((slope[k] m + 2^14) / 2^15)} (slope times a Q15
     * multiplier, rounded to nearest) for the slots whose neuron is in {@code [from, to)}, for {@code |m| <= 2^15} and {@code |slope| <= 2^30}.
     *
     * <p>Vector path, in 32-bit lanes: {@code slope = hi 2^15 + lo} with {@code hi = slope >> 15}
     * ({@code |hi| <= 2^15}, so {@code |hi m| <= 2^30}) and {@code 0 <= lo < 2^15}; then
     * {@code floor((slope m + a) / 2^15) = hi m + floor((lo m + a) / 2^15)} exactly, and
     * {@code |lo m + a| < 2^30 + 2^14} is an int, so an arithmetic shift is the floor even for a
     * negative {@code m} (a sine below zero). The scalar path is the full product in long
     * ({@link FixedMath#mulFloor}).
     */
    static void addAffine(int[] drive, int from, int to, Targets targets, int[] base, int[] slope, int m, boolean vector) {
        int[] neurons = targets.indices;
        if (neurons != null) {
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
                drive[neurons[k]] += base[k] + FixedMath.mulFloor(slope[k], m, BITS, HALF);
            }
        } else if (vector) {
            for (int i = from; i < to; i += I.length()) {
                IntVector x = IntVector.fromArray(I, slope, i);
                IntVector hi = x.lanewise(VectorOperators.ASHR, BITS).mul(m);
                IntVector lo = x.lanewise(VectorOperators.AND, LOW).mul(m).add(HALF).lanewise(VectorOperators.ASHR, BITS);
                IntVector.fromArray(I, drive, i).add(IntVector.fromArray(I, base, i)).add(hi).add(lo).intoArray(drive, i);
            }
        } else {
            for (int i = from; i < to; i++) drive[i] += base[i] + FixedMath.mulFloor(slope[i], m, BITS, HALF);
        }
    }
}
