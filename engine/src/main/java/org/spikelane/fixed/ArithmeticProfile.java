package org.spikelane.fixed;

/**
 * The rules of one fixed-point arithmetic (docs/fixed-point.md).
 *
 * @param name            "fixed" or "loihi", as in scenarios
 * @param decayBits       fraction bits of the decay multipliers: a decay {@code d} is stored as
 *                        {@code round(d * 2^decayBits)} and applied as {@code x * m >> decayBits}
 * @param voltageBits     bits of the membrane potential, sign included (range
 *                        {@code [-(2^(bits-1) - 1), 2^(bits-1) - 1]})
 * @param currentBits     bits of the current (input accumulator, Loihi's {@code u})
 * @param rounding        rounding of every decay product
 * @param voltageOverflow what {@code v} does outside its range
 * @param currentOverflow what the current does outside its range
 * @param inclusiveThreshold null: the population's {@code threshold} choice; else {@code >=} if true
 * @param resetToZero     true: reset {@code v = 0} (Loihi); false: the population's {@code v_reset}
 */
public record ArithmeticProfile(String name, int decayBits, int voltageBits, int currentBits, Rounding rounding,
                                Overflow voltageOverflow, Overflow currentOverflow, Boolean inclusiveThreshold,
                                boolean resetToZero) {

    /**
     * Physical parameters, 16-bit decays, 28-bit voltage with its LSB scaled from the population's
     * voltage range, 30-bit current, round to nearest, saturate: close to float32.
     */
    public static final ArithmeticProfile FIXED = new ArithmeticProfile("fixed", 16, 28, 30, Rounding.NEAREST,
            Overflow.SATURATE, Overflow.SATURATE, null, false);

    /** Lava's {@code PyLifModelBitAcc}: 12-bit decays, 24-bit u (wraps) and v (saturates), truncation, {@code v > vth << 6}, reset 0. */
    public static final ArithmeticProfile LOIHI = new ArithmeticProfile("loihi", 12, 24, 24, Rounding.TRUNCATE,
            Overflow.SATURATE, Overflow.WRAP, false, true);

    public ArithmeticProfile {
        if (decayBits < 1 || decayBits > 16) throw new IllegalArgumentException("decayBits must be in [1, 16], got " + decayBits);
        if (voltageBits < 8 || voltageBits > 30) throw new IllegalArgumentException("voltageBits must be in [8, 30], got " + voltageBits);
        if (currentBits < 8 || currentBits > 30) throw new IllegalArgumentException("currentBits must be in [8, 30], got " + currentBits);
    }

    /** The same profile with another rounding (for rounding studies). */
    public ArithmeticProfile withRounding(Rounding r) {
        return new ArithmeticProfile(name, decayBits, voltageBits, currentBits, r, voltageOverflow, currentOverflow,
                inclusiveThreshold, resetToZero);
    }

    /** Largest voltage magnitude in LSB: {@code 2^(voltageBits-1) - 1}. */
    public int voltageLimit() { return (1 << (voltageBits - 1)) - 1; }

    /** Largest current magnitude in LSB: {@code 2^(currentBits-1) - 1}. */
    public int currentLimit() { return (1 << (currentBits - 1)) - 1; }
}
