package org.spikelane.inputs;

import java.util.HashMap;
import java.util.Map;
import org.spikelane.random.RandomStream;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The number of events a target neuron receives in one step from a Poisson process of mean
 * {@code lambda = rate dt}: {@code P(k) = lambda^k e^{-lambda} / k!}. Drawn by inversion of the
 * 53-bit uniform at position (step, neuron) of the stream, so the count depends on nothing else
 * (the range, the thread, the order of the draws, a restore) and no generator state exists.
 *
 * <p>Inversion against a table: {@code cdf[j] = floor(P(count <= j) 2^53)}, built once per
 * distinct mean, ending with {@code 2^53} once the remaining tail is below {@code 2^-60}; the count
 * is the number of entries at or below the uniform's 53 bits. That is integer compares only (a walk
 * of the recurrence {@code p_k = p_{k-1} lambda / k} costs a dependent division per term, 70 ns per
 * draw at {@code lambda = 1.28}), about {@code lambda + 1} of them. A mean above {@link #CHUNK} is
 * split into {@code m} equal parts, each drawn from its own substream (a sum of independent Poisson
 * counts is Poisson with the sum of the means), which keeps the tables short and {@code e^{-part}}
 * far from underflow. The cost per target and step grows with the mean, never with the number of
 * sources that make up the rate.
 */
final class PoissonCounts {
    /** Largest mean drawn from one uniform. */
    static final double CHUNK = 16;
    private static final long ONE = 1L << 53;
    /** Entries compared without a branch; tables are padded with 2^53 to at least this length. */
    static final int BLOCK = 8;

    /** Per distinct mean: the cumulative table of one part, and the number of parts. */
    private final long[][] cdf;
    private final int[] parts;
    /** Per slot: which table. */
    private final int[] tableOf;
    /** Substream {@code c} draws part {@code c} of every slot. */
    private final RandomStream[] streams;
    /** The one table when every slot has the same mean in one part, else null; and substream 0. */
    private final long[] single;
    private final RandomStream first;

    /** @param mean the mean count per step of each slot, {@code rate dt}, finite and >= 0 */
    PoissonCounts(double[] mean, RandomStream random) {
        Map<Double, Integer> tables = new HashMap<>();
        tableOf = new int[mean.length];
        for (int k = 0; k < mean.length; k++) tableOf[k] = tables.computeIfAbsent(mean[k], m -> tables.size());
        cdf = new long[tables.size()][];
        parts = new int[tables.size()];
        int most = 1;
        for (Map.Entry<Double, Integer> e : tables.entrySet()) {
            int t = e.getValue();
            parts[t] = Math.max(1, (int) Math.ceil(e.getKey() / CHUNK));
            cdf[t] = table(e.getKey() / parts[t]);
            most = Math.max(most, parts[t]);
        }
        streams = new RandomStream[most];
        for (int c = 0; c < most; c++) streams[c] = random.substream(c);
        single = cdf.length == 1 && parts[0] == 1 ? cdf[0] : null;
        first = streams[0];
    }

    /** {@code floor(P(count <= j) 2^53)} for j = 0, 1, ..., the last entry 2^53 (for lambda <= 16: at most about 60 entries). */
    static long[] table(double lambda) {
        long[] out = new long[16];
        double p = Math.exp(-lambda), cumulative = 0;
        int j = 0;
        for (; ; j++) {
            cumulative += p;
            if (j == out.length) out = java.util.Arrays.copyOf(out, 2 * j);
            // the tail beyond j is below p_j lambda / (j + 1 - lambda) once j >= lambda: stop when that is under 2^-60
            boolean done = j >= lambda && p * lambda / (j + 1 - lambda) < 0x1p-60 || cumulative >= 1;
            out[j] = done ? ONE : Math.min(ONE, (long) Math.floor(Math.scalb(cumulative, 53)));
            if (done) break;
            p *= lambda / (j + 1);
        }
        long[] table = java.util.Arrays.copyOf(out, Math.max(j + 1, BLOCK));
        java.util.Arrays.fill(table, j, table.length, ONE);
        return table;
    }

    /** The count of slot {@code slot} (population neuron {@code neuron}) at step {@code step}. */
    int count(long step, int neuron, int slot) {
        // the common case, one mean for every slot and one part, without the per-slot lookups
        if (single != null) return inverted(single, first.bits(step, neuron) >>> 11);
        int t = tableOf[slot];
        long[] c = cdf[t];
        int total = 0;
        for (int part = 0, m = parts[t]; part < m; part++) total += inverted(c, streams[part].bits(step, neuron) >>> 11);
        return total;
    }

    /**
     * The number of entries of {@code c} at or below {@code u}. The first {@link #BLOCK} entries are
     * counted without a branch ({@code (c - 1 - u) >>> 63} is 1 when {@code u >= c}; both are below
     * 2^54, so nothing overflows): a data-dependent loop exit mispredicts on most draws.
     */
    private static int inverted(long[] c, long u) {
        int k = 0;
        for (int j = 0; j < BLOCK; j++) k += (int) ((c[j] - 1 - u) >>> 63);
        if (k == BLOCK) while (u >= c[k]) k++; // ends: the last entry is 2^53 > u
        return k;
    }

    /** The tables are derived from the rate at build time; the streams are keys, not state. */
    void declareState(StateDeclarer s) {
        for (int t = 0; t < cdf.length; t++) s.array("counts.cdf" + t, Role.PARAMETER, "2^-53", cdf[t]);
        s.array("counts.parts", Role.PARAMETER, StateDeclarer.NO_UNIT, parts);
        s.array("counts.tableOf", Role.PARAMETER, StateDeclarer.NO_UNIT, tableOf);
    }
}
