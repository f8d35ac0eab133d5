package org.spikelane.inputs;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.fixed.FixedMath;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.ParameterException;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * The int arithmetic that the standard inputs share under {@code precision: fixed}: currents
 * quantized once to {@code R I} in LSB_v per target slot, and the two per-step additions to
 * {@link FixedTarget#drive()} (a constant array; an affine {@code base + slope m / 2^15}), each
 * clipped at the contribution limit and counted.
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

    /**
     * A current parameter of neuron {@code neuron} quantized like {@link #quantize(FixedTarget, int, double)},
     * but refused where that would clip: a parameter beyond the drive range is a different network
     * (the clip, counted at build time, is not what was asked for). The message names the value, the
     * neuron, its {@code R I} and the range, in volts and in amperes for that neuron's {@code R}.
     */
    static int quantize(FixedTarget target, int neuron, double amperes, String owner, String param) {
        double lsb = Math.rint(amperes * target.lsbPerAmpere(neuron));
        int limit = target.contributionLimit();
        if (!(Math.abs(lsb) <= limit)) {
            double volts = limit * target.voltLsb();
            throw new ParameterException(owner, param, Units.format(amperes, Dimension.CURRENT) + " on neuron " + neuron
                    + " is beyond the input range of precision fixed: R I = " + Units.format(lsb * target.voltLsb(), Dimension.VOLTAGE)
                    + ", the range +-" + Units.format(volts, Dimension.VOLTAGE) + " (" + limit + " x LSB_v "
                    + Units.format(target.voltLsb(), Dimension.VOLTAGE) + "), i.e. +-"
                    + Units.format(limit / target.lsbPerAmpere(neuron), Dimension.CURRENT) + " into this neuron");
        }
        return (int) lsb;
    }

    /** One current parameter for every slot, quantized with each target neuron's own {@code R}; refused beyond the range. */
    static int[] quantize(FixedTarget target, Targets targets, double amperes, String owner, String param) {
        int[] out = slots(targets, target);
        for (int k = 0; k < targets.count; k++) out[k] = quantize(target, targets.neuron(k), amperes, owner, param);
        return out;
    }

    /**
     * {@code drive[neuron(k)] = clip(drive[neuron(k)] + values[k])} for every slot whose neuron is in
     * {@code [from, to)}, clipped at the contribution limit and each clip counted. Why per addition
     * and not only in the LIF kernel: the kernel sees the sum, and a sum of several inputs near the
     * limit wraps around in int before it gets there (eight 199 nA biases on 10 Mohm wrap to about
     * -80 mV of drive), so the wrap would be neither clipped nor counted. With every addend and the
     * accumulator within {@code +-limit <= 2^29}, the int sum is exact and the clip is all there is
     * to do. A whole-population slot array is padded, so {@code to} may be the padded size.
     */
    static void add(FixedTarget target, int[] drive, int from, int to, Targets targets, int[] values, boolean vector) {
        int[] neurons = targets.indices;
        int limit = target.contributionLimit();
        long clipped = 0;
        if (neurons != null) {
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
                clipped += addClipped(drive, neurons[k], values[k], limit);
            }
        } else if (vector) {
            for (int i = from; i < to; i += I.length()) {
                IntVector sum = IntVector.fromArray(I, drive, i).add(IntVector.fromArray(I, values, i));
                IntVector clip = sum.max(-limit).min(limit);
                VectorMask<Integer> out = clip.compare(VectorOperators.NE, sum);
                if (out.anyTrue()) clipped += out.trueCount(); // rare: count only then
                clip.intoArray(drive, i);
            }
        } else {
            for (int i = from; i < to; i++) clipped += addClipped(drive, i, values[i], limit);
        }
        if (clipped > 0) target.countClipped(false, clipped);
    }

    /**
     * {@code drive[i] = clip(drive[i] + value)} at {@code +-limit}; returns 1 if it clipped. The
     * sum is formed in long so that it is exact for any int addend, whatever the caller's bound.
     */
    static int addClipped(int[] drive, int i, int value, int limit) {
        long sum = (long) drive[i] + value;
        if (sum > limit) {
            drive[i] = limit;
            return 1;
        }
        if (sum < -limit) {
            drive[i] = -limit;
            return 1;
        }
        drive[i] = (int) sum;
        return 0;
    }

    /**
     * {@code drive[neuron(k)] = clip(drive[neuron(k)] + base[k] + floor((slope[k] m + 2^14) / 2^15))}
     * (slope times a Q15 multiplier, rounded to nearest) for the slots whose neuron is in
     * {@code [from, to)}, for {@code |m| <= 2^15} and {@code |slope| <= 2^30}; clipped and counted as
     * in {@link #add}.
     *
     * <p>Vector path, in 32-bit lanes: {@code slope = hi 2^15 + lo} with {@code hi = slope >> 15}
     * ({@code |hi| <= 2^15}, so {@code |hi m| <= 2^30}) and {@code 0 <= lo < 2^15}; then
     * {@code floor((slope m + a) / 2^15) = hi m + floor((lo m + a) / 2^15)} exactly, and
     * {@code |lo m + a| < 2^30 + 2^14} is an int, so an arithmetic shift is the floor even for a
     * negative {@code m} (a sine below zero). The term {@code base + slope m / 2^15} is an
     * interpolation (ramp) or an offset plus an amplitude (sine) of quantized currents, so at most
     * {@code 2 limit <= 2^30}; with the drive within {@code +-limit} the int sum is exact (partial
     * sums may wrap: int addition is exact modulo 2^32 and the total fits). The scalar path is the
     * full product in long ({@link FixedMath#mulFloor}).
     */
    static void addAffine(FixedTarget target, int[] drive, int from, int to, Targets targets, int[] base, int[] slope, int m,
                          boolean vector) {
        int[] neurons = targets.indices;
        int limit = target.contributionLimit();
        long clipped = 0;
        if (neurons != null) {
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
                clipped += addClipped(drive, neurons[k], base[k] + FixedMath.mulFloor(slope[k], m, BITS, HALF), limit);
            }
        } else if (vector) {
            for (int i = from; i < to; i += I.length()) {
                IntVector x = IntVector.fromArray(I, slope, i);
                IntVector hi = x.lanewise(VectorOperators.ASHR, BITS).mul(m);
                IntVector lo = x.lanewise(VectorOperators.AND, LOW).mul(m).add(HALF).lanewise(VectorOperators.ASHR, BITS);
                IntVector sum = IntVector.fromArray(I, drive, i).add(IntVector.fromArray(I, base, i)).add(hi).add(lo);
                IntVector clip = sum.max(-limit).min(limit);
                VectorMask<Integer> out = clip.compare(VectorOperators.NE, sum);
                if (out.anyTrue()) clipped += out.trueCount();
                clip.intoArray(drive, i);
            }
        } else {
            for (int i = from; i < to; i++) clipped += addClipped(drive, i, base[i] + FixedMath.mulFloor(slope[i], m, BITS, HALF), limit);
        }
        if (clipped > 0) target.countClipped(false, clipped);
    }
}
