package org.spikelane.net;

import java.util.Arrays;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.Values;

/**
 * Builds the {@link SynapseTable} of a {@code total_number} projection straight into its final
 * arrays, in parallel, without per-synapse scaffolding: synapse {@code s}'s pre and post
 * ({@link ConnectRule#pairAt}), weight and delay (position {@code (s, 0)} of the projection's
 * {@code weight} and {@code delay} streams) are pure functions of {@code s}, so each pass draws
 * again what it needs instead of keeping it.
 *
 * <p>Passes, each parallel over ranges of {@code s} or of rows:
 * <ol>
 *   <li>delays: each synapse's delay in steps (kept as a {@code char}, 2 bytes, the only
 *       per-synapse scaffolding; a delay of 65535 steps or more is drawn again when needed), and
 *       the set of distinct delays, which makes the groups;</li>
 *   <li>count: synapses per (range, pre, group) segment (the table is source-major);</li>
 *   <li>place (sequential over rows): row starts, and each range's first slot in each row, range
 *       after range, so every row holds its synapses in order of {@code s} whatever the ranges;</li>
 *   <li>fill: target and weight into their slots;</li>
 *   <li>sort each row by target, stably (so synapses to one target stay in order of {@code s}).</li>
 * </ol>
 * The result is the table {@link SynapseTable}'s own constructor makes from the same synapses in
 * order of {@code s}, for any thread count (tested). Memory beyond the final 8 bytes per synapse:
 * 2 bytes per synapse and one int per (range, row).
 */
final class TotalNumberTable {
    private TotalNumberTable() {}

    /** Ranges of s: enough to share the work, few enough that their row counters stay small. */
    private static final int MIN_RANGE = 1 << 16;
    private static final char FAR = Character.MAX_VALUE;
    /** Rows up to this length are sorted in place by insertion; longer ones through a packed key. */
    private static final int INSERTION_MAX = 48;

    static SynapseTable build(ProjectionSpec spec, int sources, double dt, RandomStream random, int threads) {
        ConnectRule rule = spec.rule();
        int total = (int) rule.fixedCount();
        if (total == 0) return new SynapseTable(sources, new int[0], new int[0], new double[0], new int[0]);
        RandomStream connect = random.substream("connect");
        RandomStream weightStream = random.substream("weight");
        RandomStream delayStream = random.substream("delay");
        Values.Draw weight = spec.totalNumberWeight();
        Values.Draw delay = spec.totalNumberDelay();
        int ranges = (int) Math.max(1, Math.min(2L * threads, (total + MIN_RANGE - 1) / MIN_RANGE));

        // 1. delays
        char[] steps = delay.constant() ? null : new char[total];
        long[][] used = new long[ranges][];
        BuildThreads.run(threads, ranges, c -> {
            long[] seen = new long[(ProjectionSpec.MAX_DELAY_STEPS >>> 6) + 1];
            for (int s = start(c, ranges, total), e = start(c + 1, ranges, total); s < e; s++) {
                int d = spec.delaySteps(delay.at(delayStream, s, 0), dt);
                if (steps != null) steps[s] = d < FAR ? (char) d : FAR;
                seen[d >>> 6] |= 1L << d;
                if (steps == null) break; // one value: one synapse tells it
            }
            used[c] = seen;
        });
        int[] delays = distinct(used);
        int groups = delays.length;
        long rowCount = (long) groups * sources;
        if (rowCount + 1 > ConnectRule.MAX_SYNAPSES) {
            throw new IllegalArgumentException(spec.owner() + ": " + groups + " distinct delays from " + sources
                    + " neurons need " + rowCount + " row starts, more than one array holds; round the delays to fewer values");
        }
        int rows = (int) rowCount;
        int[] groupOf = new int[delays[groups - 1] + 1];
        for (int g = 0; g < groups; g++) groupOf[delays[g]] = g;

        // 2. count
        int[][] cursor = new int[ranges][];
        BuildThreads.run(threads, ranges, c -> {
            int[] count = new int[rows];
            for (int s = start(c, ranges, total), e = start(c + 1, ranges, total); s < e; s++) {
                int pre = (int) (rule.pairAt(connect, s) >>> 32);
                count[pre * groups + group(s, steps, groupOf, spec, delay, delayStream, dt)]++;
            }
            cursor[c] = count;
        });

        // 3. place
        int[] rowStart = new int[rows + 1];
        int running = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = running;
            for (int c = 0; c < ranges; c++) {
                int n = cursor[c][r];
                cursor[c][r] = running;
                running += n;
            }
        }
        rowStart[rows] = running;

        // 4. fill
        int[] target = new int[total];
        float[] weights = new float[total];
        BuildThreads.run(threads, ranges, c -> {
            int[] at = cursor[c];
            for (int s = start(c, ranges, total), e = start(c + 1, ranges, total); s < e; s++) {
                long pair = rule.pairAt(connect, s);
                int slot = at[(int) (pair >>> 32) * groups + group(s, steps, groupOf, spec, delay, delayStream, dt)]++;
                target[slot] = (int) pair;
                weights[slot] = (float) spec.checkedWeight(weight.at(weightStream, s, 0));
            }
            cursor[c] = null; // done with it: let it go before the sort
        });

        // 5. sort rows by target
        int blocks = Math.min(rows, 64 * threads);
        BuildThreads.run(threads, blocks, b -> {
            RowSorter sorter = new RowSorter();
            for (int r = start(b, blocks, rows), e = start(b + 1, blocks, rows); r < e; r++) {
                sorter.sort(target, weights, rowStart[r], rowStart[r + 1]);
            }
        });
        return new SynapseTable(sources, delays, rowStart, target, weights);
    }

    /** First index of part {@code c} of {@code parts} equal parts of {@code [0, n)}. */
    private static int start(int c, int parts, int n) { return (int) ((long) n * c / parts); }

    /** Synapse s's delay group, from pass 1's steps (drawn again only for delays of 65535 steps or more). */
    private static int group(int s, char[] steps, int[] groupOf, ProjectionSpec spec, Values.Draw delay,
                             RandomStream delayStream, double dt) {
        if (steps == null) return 0;
        if (steps[s] != FAR) return groupOf[steps[s]];
        return groupOf[spec.delaySteps(delay.at(delayStream, s, 0), dt)];
    }

    /** The set bits of the union of {@code used}, ascending. */
    private static int[] distinct(long[][] used) {
        long[] all = new long[used[0].length];
        for (long[] u : used) for (int w = 0; w < all.length; w++) all[w] |= u[w];
        int n = 0;
        for (long w : all) n += Long.bitCount(w);
        int[] out = new int[n];
        int k = 0;
        for (int w = 0; w < all.length; w++) {
            for (long bits = all[w]; bits != 0; bits &= bits - 1) out[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        }
        return out;
    }

    /** Stable sort of one row by target, weights alongside; scratch grows to the longest row seen. */
    private static final class RowSorter {
        private long[] keys = new long[0];
        private float[] moved = new float[0];

        void sort(int[] target, float[] weight, int from, int to) {
            int n = to - from;
            if (n <= INSERTION_MAX) {
                for (int i = from + 1; i < to; i++) {
                    int t = target[i];
                    float w = weight[i];
                    int j = i;
                    for (; j > from && target[j - 1] > t; j--) {
                        target[j] = target[j - 1];
                        weight[j] = weight[j - 1];
                    }
                    target[j] = t;
                    weight[j] = w;
                }
                return;
            }
            if (keys.length < n) {
                keys = new long[n];
                moved = new float[n];
            }
            // (target, position) keys: distinct, so the order of equal targets is their order in the row
            for (int i = 0; i < n; i++) keys[i] = (long) target[from + i] << 32 | i;
            Arrays.sort(keys, 0, n);
            for (int i = 0; i < n; i++) {
                target[from + i] = (int) (keys[i] >>> 32);
                moved[i] = weight[from + (int) keys[i]];
            }
            System.arraycopy(moved, 0, weight, from, n);
        }
    }
}
