package org.spikelane.net;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Suggest;

/**
 * A projection's connectivity as written in a scenario's {@code connect} map, validated against
 * the population sizes when the projection is added, and drawn from the network seed when the
 * simulation is built (so the same seed always gives the same synapses).
 *
 * <p>Rules: {@code all_to_all}; {@code one_to_one} (pre range and post range of equal length,
 * pre {@code from + i} to post {@code from + i}); {@code probability} with {@code p} (each pair
 * independently, Brian2's {@code connect(p=...)}); {@code in_degree} with {@code k} (every post
 * neuron gets exactly {@code k} distinct pre neurons, NEST's {@code fixed_indegree} without
 * multapses); {@code pairs} (explicit {@code [[pre, post], ...]}, repeats allowed). Optional
 * half-open ranges {@code pre} / {@code post}. {@code autapses} (default true, as in Brian2)
 * matters only when a population projects onto itself.
 */
public final class ConnectRule {
    public enum Kind { ALL_TO_ALL, ONE_TO_ONE, PROBABILITY, IN_DEGREE, PAIRS }

    private static final Map<String, Kind> NAMES = Map.of("all_to_all", Kind.ALL_TO_ALL, "one_to_one", Kind.ONE_TO_ONE,
            "probability", Kind.PROBABILITY, "in_degree", Kind.IN_DEGREE, "pairs", Kind.PAIRS);
    private static final List<String> RULES = List.of("all_to_all", "one_to_one", "probability", "in_degree", "pairs");

    private final Kind kind;
    private final IndexRange pre;
    private final IndexRange post;
    private final double p;
    private final int k;
    private final boolean autapses;
    private final boolean recurrent;
    private final int[][] pairs;

    private ConnectRule(Kind kind, IndexRange pre, IndexRange post, double p, int k, boolean autapses, boolean recurrent,
                        int[][] pairs) {
        this.kind = kind;
        this.pre = pre;
        this.post = post;
        this.p = p;
        this.k = k;
        this.autapses = autapses;
        this.recurrent = recurrent;
        this.pairs = pairs;
    }

    /**
     * Validates a {@code connect} map ({@code null}, empty or without {@code rule}: all-to-all,
     * Brian2's {@code connect()}).
     *
     * @param recurrent whether source and target are the same population (autapses possible)
     */
    public static ConnectRule parse(Map<String, ?> connect, int preSize, int postSize, boolean recurrent, String owner) {
        if (connect == null) connect = Map.of();
        if (!connect.containsKey("rule")) {
            for (var hint : List.of(List.of("p", "probability"), List.of("k", "in_degree"), List.of("pairs", "pairs"))) {
                if (connect.containsKey(hint.get(0))) {
                    throw new ParameterException(owner, "connect.rule", "is missing; '" + hint.get(0) + "' belongs to rule: " + hint.get(1));
                }
            }
        }
        Object ruleName = connect.containsKey("rule") ? connect.get("rule") : "all_to_all";
        Kind kind = NAMES.get(ruleName.toString());
        if (kind == null) {
            throw new ParameterException(owner, "connect.rule", "unknown rule '" + ruleName + "'"
                    + Suggest.didYouMean(ruleName.toString(), RULES) + "; known: " + String.join(", ", RULES));
        }
        List<String> allowed = switch (kind) {
            case ALL_TO_ALL -> List.of("rule", "pre", "post", "autapses");
            case ONE_TO_ONE -> List.of("rule", "pre", "post");
            case PROBABILITY -> List.of("rule", "pre", "post", "autapses", "p");
            case IN_DEGREE -> List.of("rule", "pre", "post", "autapses", "k");
            case PAIRS -> List.of("rule", "pairs");
        };
        checkKeys(connect, allowed, owner, "connect");
        IndexRange pre = IndexRange.parse(connect.get("pre"), preSize, owner, "connect.pre");
        IndexRange post = IndexRange.parse(connect.get("post"), postSize, owner, "connect.post");
        boolean autapses = true;
        if (connect.containsKey("autapses")) {
            Object a = connect.get("autapses");
            if (a instanceof Boolean b) autapses = b;
            else if ("true".equals(String.valueOf(a)) || "false".equals(String.valueOf(a))) autapses = Boolean.parseBoolean(a.toString());
            else throw new ParameterException(owner, "connect.autapses", "must be true or false, got " + a);
        }
        double p = 0;
        int k = 0;
        int[][] pairs = null;
        switch (kind) {
            case ONE_TO_ONE -> {
                if (pre.length() != post.length()) {
                    throw new ParameterException(owner, "connect", "one_to_one needs ranges of equal length, got "
                            + pre.length() + " pre and " + post.length() + " post neurons");
                }
            }
            case PROBABILITY -> {
                if (!connect.containsKey("p")) throw new ParameterException(owner, "connect.p", "is required for rule probability (a number in [0, 1])");
                p = number(connect.get("p"), owner, "connect.p");
                if (!(p >= 0 && p <= 1)) throw new ParameterException(owner, "connect.p", "must be in [0, 1], got " + connect.get("p"));
            }
            case IN_DEGREE -> {
                if (!connect.containsKey("k")) throw new ParameterException(owner, "connect.k", "is required for rule in_degree (a whole number >= 0)");
                k = integer(connect.get("k"), owner, "connect.k");
                int available = pre.length() - (recurrent && !autapses && overlaps(pre, post) ? 1 : 0);
                if (k < 0 || k > available) {
                    throw new ParameterException(owner, "connect.k", "must be in [0, " + available + "] (distinct pre neurons"
                            + " available to each post neuron), got " + k);
                }
            }
            case PAIRS -> pairs = parsePairs(connect.get("pairs"), preSize, postSize, owner);
            case ALL_TO_ALL -> { }
        }
        return new ConnectRule(kind, pre, post, p, k, autapses, recurrent, pairs);
    }

    private static boolean overlaps(IndexRange a, IndexRange b) { return a.from() < b.to() && b.from() < a.to(); }

    private static int[][] parsePairs(Object raw, int preSize, int postSize, String owner) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new ParameterException(owner, "connect.pairs", "must be a non-empty list such as [[0, 1], [1, 0]], got " + raw);
        }
        int[][] out = new int[2][list.size()];
        for (int i = 0; i < list.size(); i++) {
            String field = "connect.pairs." + i;
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2) {
                throw new ParameterException(owner, field, "must be [pre, post], got " + list.get(i));
            }
            out[0][i] = integer(pair.get(0), owner, field);
            out[1][i] = integer(pair.get(1), owner, field);
            if (out[0][i] < 0 || out[0][i] >= preSize) {
                throw new ParameterException(owner, field, "pre index " + out[0][i] + " is out of range [0, " + (preSize - 1) + "]");
            }
            if (out[1][i] < 0 || out[1][i] >= postSize) {
                throw new ParameterException(owner, field, "post index " + out[1][i] + " is out of range [0, " + (postSize - 1) + "]");
            }
        }
        return out;
    }

    public Kind kind() { return kind; }

    public IndexRange pre() { return pre; }

    public IndexRange post() { return post; }

    /** The number of synapses, when it does not depend on random draws; -1 for {@code probability}. */
    public long fixedCount() {
        return switch (kind) {
            case ALL_TO_ALL -> (long) pre.length() * post.length() - (excludesSelf() ? overlap() : 0);
            case ONE_TO_ONE -> pre.length();
            case PROBABILITY -> -1;
            case IN_DEGREE -> (long) k * post.length();
            case PAIRS -> pairs[0].length;
        };
    }

    private boolean excludesSelf() { return recurrent && !autapses; }

    private int overlap() { return Math.max(0, Math.min(pre.to(), post.to()) - Math.max(pre.from(), post.from())); }

    /** Draws the synapses; the same generator state always gives the same result. */
    public Connections generate(SplittableRandom random) {
        return switch (kind) {
            case ALL_TO_ALL -> probability(1.0, random);
            case ONE_TO_ONE -> {
                int[] a = new int[pre.length()];
                int[] b = new int[pre.length()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = pre.from() + i;
                    b[i] = post.from() + i;
                }
                yield new Connections(a, b);
            }
            case PROBABILITY -> probability(p, random);
            case IN_DEGREE -> inDegree(random);
            case PAIRS -> new Connections(pairs[0].clone(), pairs[1].clone());
        };
    }

    /**
     * Bernoulli trials over the (pre, post) matrix, row by row, drawing the gap to the next synapse
     * from the geometric distribution: cost proportional to the synapses made, not to the matrix.
     */
    private Connections probability(double prob, SplittableRandom random) {
        IntList pres = new IntList();
        IntList posts = new IntList();
        if (prob > 0) {
            double logMiss = Math.log1p(-prob);
            for (int i = pre.from(); i < pre.to(); i++) {
                int j = post.from() - 1;
                while (true) {
                    if (prob >= 1) {
                        j++;
                    } else {
                        double gap = Math.floor(Math.log1p(-random.nextDouble()) / logMiss);
                        if (gap >= post.to() - j) break;
                        j += 1 + (int) gap;
                    }
                    if (j >= post.to()) break;
                    if (j == i && excludesSelf()) continue;
                    pres.add(i);
                    posts.add(j);
                }
            }
        }
        return new Connections(pres.toArray(), posts.toArray());
    }

    /**
     * For each post neuron, {@code k} distinct pre neurons by a partial Fisher-Yates shuffle of a
     * pool that stays permuted between post neurons (still uniform, and no reset per neuron); the
     * post neuron itself is moved out of the sampled part when autapses are excluded.
     */
    private Connections inDegree(SplittableRandom random) {
        int n = pre.length();
        int[] pool = new int[n];
        int[] where = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = pre.from() + i;
            where[i] = i;
        }
        int[] a = new int[k * post.length()];
        int[] b = new int[a.length];
        int s = 0;
        for (int j = post.from(); j < post.to(); j++) {
            int available = n;
            if (excludesSelf() && pre.contains(j)) {
                swap(pool, where, where[j - pre.from()], n - 1);
                available = n - 1;
            }
            for (int m = 0; m < k; m++) {
                swap(pool, where, m, m + random.nextInt(available - m));
            }
            int[] chosen = Arrays.copyOf(pool, k);
            Arrays.sort(chosen);
            for (int m = 0; m < k; m++) {
                a[s] = chosen[m];
                b[s++] = j;
            }
        }
        return new Connections(a, b);
    }

    private void swap(int[] pool, int[] where, int x, int y) {
        int px = pool[x];
        int py = pool[y];
        pool[x] = py;
        pool[y] = px;
        where[py - pre.from()] = x;
        where[px - pre.from()] = y;
    }

    static void checkKeys(Map<?, ?> map, List<String> allowed, String owner, String field) {
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!allowed.contains(name)) {
                throw new ParameterException(owner, field + "." + name, "unknown key" + Suggest.didYouMean(name, allowed)
                        + "; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    static double number(Object raw, String owner, String field) {
        if (raw instanceof Number n) return n.doubleValue();
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParameterException(owner, field, "expected a number, got " + raw);
    }

    static int integer(Object raw, String owner, String field) {
        double d = number(raw, owner, field);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new ParameterException(owner, field, "expected a whole number, got " + raw);
        }
        return (int) d;
    }

    /** A growable int array for drawing connectivity at build time. */
    private static final class IntList {
        private int[] data = new int[256];
        private int size;

        void add(int value) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = value;
        }

        int[] toArray() { return Arrays.copyOf(data, size); }
    }
}
