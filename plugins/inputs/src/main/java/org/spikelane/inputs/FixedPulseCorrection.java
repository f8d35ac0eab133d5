package org.spikelane.inputs;

import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Propagators;

/**
 * The exact form of {@link FixedExponentialPulses}, as {@link ExponentialPulses} has it under
 * float32: what the pulse held over a step misses of its effect on {@code v}, per target slot, as
 * a fraction of the held drive {@code x} (LSB_v of {@code R I}). A pulse {@code I} decaying with
 * {@code tau} moves {@code v} by {@code P21 I} over a step, the held {@code x} by
 * {@code (1 - e^{-dt/tau_m}) x}; with {@code x = I R_q / LSB_v} ({@code R_q} the quantized
 * {@code R} of {@link FixedTarget#lsbPerAmpere}) the difference is {@code c x} with
 * {@code c = P21 / R_q - (1 - e^{-dt/tau_m})}, which lies in {@code [-(1 - e^{-dt/tau_m}), 0]}
 * (the held pulse always overestimates a decaying one). Each step the pulse kernel subtracts
 * {@code round(x |c|)} from {@link FixedTarget#jump()}.
 *
 * <p>Quantized as {@code multiplier = round(|c| 2^(16 + shift))} with one shift for all slots,
 * the largest that keeps the largest multiplier within 16 bits ({@link FixedLeak#of}), so the
 * product is the same split multiply as the leak's and cannot overflow 32-bit lanes. The largest
 * {@code |c|} then has 16 significant bits; a slot whose {@code tau_m} makes its {@code |c|} k times
 * smaller has 16 - log2(k) (a correction of 2.5 % of the pulse, so its relative error stays
 * below 2^-16 / 0.025 k of the pulse's effect).
 */
final class FixedPulseCorrection {
    /** Per slot, {@code round(|c| 2^(16 + shift))}; the padding of a whole-population array is 0. */
    final int[] multiplier;
    final int shift;
    final int lowAddend, highAddend;

    private FixedPulseCorrection(int[] multiplier, FixedLeak scale) {
        this.multiplier = multiplier;
        this.shift = scale.shift();
        this.lowAddend = scale.lowAddend();
        this.highAddend = scale.highAddend();
    }

    /** The correction of each slot's neuron, from the target's {@code tau_m}, {@code C} and quantized {@code R}. */
    static FixedPulseCorrection of(Targets targets, FixedTarget target, double tau, double dt) {
        LifParameters lif = target.parameters();
        double[] c = new double[targets.count];
        double largest = 0;
        for (int k = 0; k < targets.count; k++) {
            int neuron = targets.neuron(k);
            double tauM = lif.tauM(neuron);
            double p21 = Propagators.expCurrent(dt, tauM, tau, 1 / lif.capacitance(neuron));
            double resistance = target.lsbPerAmpere(neuron) * target.voltLsb();
            // |c|: never negative, even where rounding leaves P21 / R_q a hair above the held factor
            c[k] = Math.max(0, -(p21 / resistance + Math.expm1(-dt / tauM)));
            largest = Math.max(largest, c[k]);
        }
        FixedLeak scale = FixedLeak.of(Math.min(1, largest));
        int[] multiplier = FixedDrive.slots(targets, target);
        for (int k = 0; k < targets.count; k++) {
            multiplier[k] = (int) Math.min(1 << FixedLeak.LOW_BITS, Math.rint(Math.scalb(c[k], FixedLeak.LOW_BITS + scale.shift())));
        }
        return new FixedPulseCorrection(multiplier, scale);
    }

    /** {@code round(x |c|)} of slot {@code k} in long arithmetic: the scalar reference. */
    int of(int x, int k) {
        int bits = FixedLeak.LOW_BITS + shift;
        return (int) (((long) x * multiplier[k] + (1L << (bits - 1))) >> bits);
    }

    /** The correction of slot {@code k} as held, {@code -multiplier / 2^(16 + shift)} (for tests). */
    double fraction(int k) { return -Math.scalb((double) multiplier[k], -(FixedLeak.LOW_BITS + shift)); }
}
