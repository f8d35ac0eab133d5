package org.spikelane.fixed;

/**
 * Scalar reference of the fixed-point operations, written directly in {@code long} arithmetic
 * (full product, then shift) so that it is obviously right; {@link IntLanes} computes the same
 * values in 32-bit lanes with a split multiply and is tested bit-identical against this class.
 */
public final class FixedMath {
    private FixedMath() {}

    /**
     * {@code floor((x * m + addend) / 2^bits)}: with {@code addend = 0} floor, {@code 2^(bits-1)}
     * round half up, a random {@code bits}-bit value stochastic rounding.
     */
    public static int mulFloor(int x, int m, int bits, int addend) {
        return (int) (((long) x * m + addend) >> bits);
    }

    /** {@code sign(x) * ((|x| * m) >> bits)}: rounding toward zero (Loihi). */
    public static int mulTruncate(int x, int m, int bits) {
        long p = Math.abs((long) x) * m >> bits;
        return (int) (x < 0 ? -p : p);
    }

    /** The product with a profile's rounding; {@code noise} is the stochastic addend (ignored otherwise). */
    public static int mul(int x, int m, int bits, Rounding rounding, int noise) {
        return switch (rounding) {
            case TRUNCATE -> mulTruncate(x, m, bits);
            case NEAREST -> mulFloor(x, m, bits, 1 << (bits - 1));
            case STOCHASTIC -> mulFloor(x, m, bits, noise & ((1 << bits) - 1));
        };
    }

    /** Clips to {@code [-limit, limit]}. */
    public static long saturate(long x, int limit) {
        return Math.max(-limit, Math.min(limit, x));
    }

    /**
     * Lava's 24-bit wrap of {@code u}: values above {@code 2^(bits-1)} move down by {@code 2^bits},
     * values at or below {@code -2^(bits-1)} move up by {@code 2^bits} (one correction, as Lava does;
     * so {@code +2^(bits-1)} itself stays and the range is {@code (-2^(bits-1), 2^(bits-1)]}).
     */
    public static long wrapLava(long x, int bits) {
        long half = 1L << (bits - 1);
        if (x > half) return x - 2 * half;
        if (x <= -half) return x + 2 * half;
        return x;
    }


    /** The largest float below {@code 2^(bits-1)}: the clipping bound of a float-to-int conversion. */
    public static float quantizeBound(int bits) {
        return Math.nextDown((float) (1 << (bits - 1)));
    }

    /**
     * The pseudo-random addend of stochastic rounding for (seed, step, neuron): a 32-bit
     * multiply-xorshift hash, chosen because the vector kernel computes it in int lanes too.
     */
    public static int noise(int seed, int step, int neuron) {
        int h = (neuron + seed) * 0x9E3779B9 + step * 0x632BE5AB;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
