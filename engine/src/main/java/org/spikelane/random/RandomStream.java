package org.spikelane.random;

import java.nio.charset.StandardCharsets;

/**
 * A counter-based random stream: an immutable 64-bit key, and random numbers that are pure
 * functions of (key, step, neuron). There is no generator state: the same position always gives
 * the same number, whichever thread asks, in whichever order, and however the neurons are split
 * into ranges; a checkpoint has nothing to save.
 *
 * <h2>Key layout</h2>
 * {@code mix64} is SplitMix64's finalizer (a bijection of 64-bit words; constants
 * {@code 0xBF58476D1CE4E5B9}, {@code 0x94D049BB133111EB}, shifts 30, 27, 31) and
 * {@code G = 0x9E3779B97F4A7C15} SplitMix64's increment.
 * <ul>
 *   <li>{@link #root(long) root(seed)}: {@code key = mix64(seed + G)};</li>
 *   <li>{@link #substream(long) substream(id)}: {@code key' = mix64(key ^ mix64(id + SUB))} with
 *       {@code SUB = 0xD1B54A32D192ED03}; distinct ids of one parent never share a key (both steps
 *       are bijections). {@link #substream(String) substream(name)} is
 *       {@code substream(NAME).substream(h)} with {@code h} a mix64 fold of the name's UTF-8 bytes,
 *       so names and numbers never meet;</li>
 *   <li>the word at (step, neuron, w): {@code row = mix64(key + step G)}, then
 *       {@code mix64(row + (4 neuron + w) G)}: SplitMix64's output sequence seeded by
 *       SplitMix64's output for the step. Each (step, neuron) position holds word {@code w = 0},
 *       read by {@link #bits}, {@link #uniform} and {@link #bounded} (so they are one draw seen
 *       three ways), words 1 and 2, read by {@link #gaussian} only (independent of the first), and
 *       word 3, read by {@link #normal} only.</li>
 * </ul>
 *
 * <h2>Quality</h2>
 * SplitMix64 on a counter passes BigCrush; here every position is one such output, and rows of
 * different steps or streams start at unrelated points of the counter sequence (two rows would
 * have to start within {@code 4 n G} of each other to overlap: probability about
 * {@code n / 2^62} per pair of rows of {@code n} neurons). Not cryptographic. Tests check mean,
 * variance, a chi-square over bins, correlation of neighbours in step and in neuron, and pin the
 * first values of a fixed key so that the format never changes silently.
 *
 * <p>"step" and "neuron" are two counters; build-time draws use them for other things (a synapse's
 * target and rank, a parameter's neuron at step 0); docs/semantics.md lists what is drawn where.
 */
public final class RandomStream {
    /** SplitMix64's increment (the golden ratio in 64 bits). */
    static final long G = 0x9E3779B97F4A7C15L;
    private static final long SUB = 0xD1B54A32D192ED03L;
    private static final long NAME = 0x4E414D45L; // "NAME"

    private final long key;

    private RandomStream(long key) { this.key = key; }

    /** The root stream of a network seed; every stream of a simulation is a substream of it. */
    public static RandomStream root(long seed) { return new RandomStream(mix64(seed + G)); }

    /** A stream with this exact key (tests, and code that stores a key). */
    public static RandomStream ofKey(long key) { return new RandomStream(key); }

    /** The key: everything that defines this stream. */
    public long key() { return key; }

    /** The child stream {@code id}; independent of this stream and of its other children. */
    public RandomStream substream(long id) { return new RandomStream(mix64(key ^ mix64(id + SUB))); }

    /** The child stream of this name (UTF-8 bytes); separate from every numbered child. */
    public RandomStream substream(String name) {
        long h = name.length();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = mix64(h + G + (b & 0xFF));
        return substream(NAME).substream(h);
    }

    /** 64 random bits at (step, neuron). */
    public long bits(long step, long neuron) { return word(step, neuron, 0); }

    /** A uniform double in {@code [0, 1)}, a multiple of {@code 2^-53}: the top 53 of {@link #bits}. */
    public double uniform(long step, long neuron) { return (bits(step, neuron) >>> 11) * 0x1p-53; }

    /**
     * A uniform int in {@code [0, bound)}: {@code floor(bits * bound / 2^64)} (unsigned), so every
     * value has probability within {@code 2^-64} of {@code 1 / bound}.
     */
    public int bounded(long step, long neuron, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be > 0, got " + bound);
        return (int) Math.unsignedMultiplyHigh(bits(step, neuron), bound);
    }

    /**
     * A standard normal number at (step, neuron), by Box-Muller from words 1 and 2:
     * {@code sqrt(-2 ln u1) cos(2 pi u2)}, {@code u1} in {@code (0, 1]}, {@code u2} in {@code [0, 1)},
     * with {@link StrictMath} so the bits are the same on every machine. {@code |z| <= 8.58}.
     */
    public double gaussian(long step, long neuron) {
        double u1 = ((word(step, neuron, 1) >>> 11) + 1) * 0x1p-53;
        double u2 = (word(step, neuron, 2) >>> 11) * 0x1p-53;
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /**
     * A standard normal number at (step, neuron) from one word (word 3) by the inverse
     * distribution function ({@link InverseNormal}, AS 241): about eight times cheaper than
     * {@link #gaussian}, for build-time draws counted in hundreds of millions (a projection's
     * weights and delays under rule {@code total_number}). The uniform is {@code (m + 0.5) 2^-53}
     * for the word's top 53 bits {@code m}, strictly inside (0, 1), so {@code |z| < 8.3}.
     */
    public double normal(long step, long neuron) {
        return InverseNormal.of(((word(step, neuron, 3) >>> 11) + 0.5) * 0x1p-53);
    }

    private long word(long step, long neuron, int w) {
        long row = mix64(key + step * G);
        return mix64(row + ((neuron << 2) + w) * G);
    }

    /** SplitMix64's finalizer: a bijection of 64-bit words that mixes every input bit into every output bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override public boolean equals(Object o) { return o instanceof RandomStream r && r.key == key; }

    @Override public int hashCode() { return Long.hashCode(key); }

    @Override public String toString() { return "RandomStream[key=0x" + Long.toHexString(key) + "]"; }
}
