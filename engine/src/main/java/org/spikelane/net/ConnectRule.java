package org.spikelane.net;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Suggest;

/**
 * A projection's connectivity as written in a scenario's {@code connect} map, validated against
 * the population sizes when the projection is added, and drawn from the network seed when the
 * simulation is built (so the same seed always gives the same synapses). Each target neuron's
 * synapses are drawn from its own positions of the projection's stream, so any slice of the
 * target population can be built alone.
 *
 * <p>Rules: {@code all_to_all}; {@code one_to_one} (pre range and post range of equal length,
 * pre {@code from + i} to post {@code from + i}); {@code probability} with {@code p} (each pair
 * independently, Brian2's {@code connect(p=...)}); {@code in_degree} with {@code k} (every post
 * neuron gets exactly {@code k} distinct pre neurons, NEST's {@code fixed_indegree} without
 * multapses); {@code total_number} with {@code n} (exactly {@code n} synapses, each (pre, post)
 * pair drawn uniformly and independently, so multapses occur: NEST's {@code fixed_total_number}
 * with multapses allowed); {@code pairs} (explicit {@code [[pre, post], ...]}, repeats allowed). Optional
 * half-open ranges {@code pre} / {@code post}. {@code autapses} (default true, as in Brian2)
 * matters only when a population projects onto itself.
 */
public final class ConnectRule {
    public enum Kind { ALL_TO_ALL, ONE_TO_ONE, PROBABILITY, IN_DEGREE, TOTAL_NUMBER, PAIRS }

    private static final Map<String, Kind> NAMES = Map.of("all_to_all", Kind.ALL_TO_ALL, "one_to_one", Kind.ONE_TO_ONE,
            "probability", Kind.PROBABILITY, "in_degree", Kind.IN_DEGREE, "total_number", Kind.TOTAL_NUMBER, "pairs", Kind.PAIRS);
    private static final List<String> RULES = List.of("all_to_all", "one_to_one", "probability", "in_degree", "total_number", "pairs");
    /** NEST's names of the same rules, answered with ours (a NEST user's first guess). */
    private static final Map<String, String> NEST_NAMES = Map.of("fixed_total_number", "total_number with n",
            "fixed_indegree", "in_degree with k", "pairwise_bernoulli", "probability with p");

    /**
     * The most synapses one projection can hold: its synapses live in Java arrays, indexed by int.
     * Larger networks are split into several projections (pre or post ranges).
     */
    public static final long MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    private final String owner;
    private final Kind kind;
    private final IndexRange pre;
    private final IndexRange post;
    private final double p;
    private final int k;
    /** Synapses of rule total_number. */
    private final int total;
    private final boolean autapses;
    private final boolean recurrent;
    private final int[][] pairs;

    private ConnectRule(String owner, Kind kind, IndexRange pre, IndexRange post, double p, int k, int total, boolean autapses,
                        boolean recurrent, int[][] pairs) {
        this.owner = owner;
        this.kind = kind;
        this.pre = pre;
        this.post = post;
        this.p = p;
        this.k = k;
        this.total = total;
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
            for (var hint : List.of(List.of("p", "probability"), List.of("k", "in_degree"), List.of("n", "total_number"),
                    List.of("pairs", "pairs"))) {
                if (connect.containsKey(hint.get(0))) {
                    throw new ParameterException(owner, "connect.rule", "is missing; '" + hint.get(0) + "' belongs to rule: " + hint.get(1));
                }
            }
        }
        Object ruleName = connect.containsKey("rule") ? connect.get("rule") : "all_to_all";
        Kind kind = NAMES.get(ruleName.toString());
        if (kind == null && NEST_NAMES.containsKey(ruleName.toString())) {
            throw new ParameterException(owner, "connect.rule", "unknown rule '" + ruleName + "'; NEST's " + ruleName
                    + " is rule: " + NEST_NAMES.get(ruleName.toString()));
        }
        if (kind == null) {
            throw new ParameterException(owner, "connect.rule", "unknown rule '" + ruleName + "'"
                    + Suggest.didYouMean(ruleName.toString(), RULES) + "; known: " + String.join(", ", RULES));
        }
        List<String> allowed = switch (kind) {
            case ALL_TO_ALL -> List.of("rule", "pre", "post", "autapses");
            case ONE_TO_ONE -> List.of("rule", "pre", "post");
            case PROBABILITY -> List.of("rule", "pre", "post", "autapses", "p");
            case IN_DEGREE -> List.of("rule", "pre", "post", "autapses", "k");
            case TOTAL_NUMBER -> List.of("rule", "pre", "post", "autapses", "n");
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
        int total = 0;
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
            case TOTAL_NUMBER -> {
                if (!connect.containsKey("n")) {
                    throw new ParameterException(owner, "connect.n", "is required for rule total_number (a whole number in [0, "
                            + MAX_SYNAPSES + "])");
                }
                double n = number(connect.get("n"), owner, "connect.n");
                if (n != Math.rint(n) || n < 0 || n > MAX_SYNAPSES) {
                    throw new ParameterException(owner, "connect.n", "must be a whole number in [0, " + MAX_SYNAPSES
                            + "] (synapses of one projection), got " + connect.get("n"));
                }
                total = (int) n;
                boolean onlySelf = pre.length() == 1 && post.length() == 1 && pre.from() == post.from();
                if (total > 0 && (pre.length() == 0 || post.length() == 0 || (recurrent && !autapses && onlySelf))) {
                    throw new ParameterException(owner, "connect.n", "must be 0: the ranges leave no (pre, post) pair to draw, got " + total);
                }
            }
            case PAIRS -> pairs = parsePairs(connect.get("pairs"), preSize, postSize, owner);
            case ALL_TO_ALL -> { }
        }
        ConnectRule rule = new ConnectRule(owner, kind, pre, post, p, k, total, autapses, recurrent, pairs);
        long expected = rule.expectedCount();
        if (expected > MAX_SYNAPSES) {
            throw new ParameterException(owner, "connect", "makes " + (kind == Kind.PROBABILITY ? "about " : "") + expected
                    + " synapses, more than the " + MAX_SYNAPSES + " one projection can hold; split it into several"
                    + " projections with pre or post ranges");
        }
        return rule;
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
            case TOTAL_NUMBER -> total;
            case PAIRS -> pairs[0].length;
        };
    }

    /**
     * The number of synapses: exact where it does not depend on random draws, the mean
     * ({@code p} x pairs) for {@code probability}. For memory estimates before anything is drawn.
     */
    public long expectedCount() {
        if (kind != Kind.PROBABILITY) return fixedCount();
        long pairsCount = (long) pre.length() * post.length() - (excludesSelf() ? overlap() : 0);
        return (long) Math.ceil(p * pairsCount);
    }

    private boolean excludesSelf() { return recurrent && !autapses; }

    private int overlap() { return Math.max(0, Math.min(pre.to(), post.to()) - Math.max(pre.from(), post.from())); }

    /** Draws every synapse; the same stream always gives the same result. */
    public Connections generate(RandomStream random) {
        return generate(random, 0, Integer.MAX_VALUE);
    }

    /**
     * The synapses onto the post neurons in {@code [from, to)}: exactly those of
     * {@link #generate(RandomStream)} with such a target, in the same order. The presynaptic set of
     * target {@code j} is drawn from positions {@code (j, m)} of {@code random} only ({@code m} the
     * m-th draw for that target), so a slice of the target population builds its own synapses
     * without drawing the others'. Order: pre-major (by pre, then post; pairs as listed) except
     * {@code in_degree}, which is post-major (by post, then pre). {@code total_number} is keyed by
     * synapse instead ({@link #pairAt}): a slice draws all {@code n} pairs and keeps its own, in
     * synapse order.
     */
    public Connections generate(RandomStream random, int from, int to) {
        int lo = Math.max(from, post.from());
        int hi = Math.min(to, post.to());
        return switch (kind) {
            case ALL_TO_ALL -> probability(1.0, random, lo, hi);
            case ONE_TO_ONE -> {
                IntList a = new IntList();
                IntList b = new IntList();
                for (int i = lo - post.from(); i < hi - post.from(); i++) {
                    a.add(pre.from() + i);
                    b.add(post.from() + i);
                }
                yield new Connections(a.toArray(), b.toArray());
            }
            case PROBABILITY -> probability(p, random, lo, hi);
            case IN_DEGREE -> inDegree(random, lo, hi);
            case TOTAL_NUMBER -> {
                int[] index = totalNumberIndices(random, lo, hi);
                int[] a = new int[index.length];
                int[] b = new int[index.length];
                for (int s = 0; s < index.length; s++) {
                    long pair = pairAt(random, index[s]);
                    a[s] = (int) (pair >>> 32);
                    b[s] = (int) pair;
                }
                yield new Connections(a, b);
            }
            case PAIRS -> {
                IntList a = new IntList();
                IntList b = new IntList();
                for (int s = 0; s < pairs[0].length; s++) {
                    if (pairs[1][s] >= from && pairs[1][s] < to) {
                        a.add(pairs[0][s]);
                        b.add(pairs[1][s]);
                    }
                }
                yield new Connections(a.toArray(), b.toArray());
            }
        };
    }

    /**
     * Bernoulli trials over the pre neurons of each target {@code j} in {@code [lo, hi)}, drawing
     * the gap to the next synapse from the geometric distribution ({@code m}-th gap of target
     * {@code j} from {@code uniform(j, m)}): cost proportional to the synapses made, not to the
     * matrix. Drawn column by column, then put in pre-major order by a stable counting sort.
     */
    private Connections probability(double prob, RandomStream random, int lo, int hi) {
        IntList pres = new IntList();
        IntList posts = new IntList();
        if (prob >= 1) {
            for (int i = pre.from(); i < pre.to(); i++) {
                for (int j = lo; j < hi; j++) {
                    if (j == i && excludesSelf()) continue;
                    pres.add(i);
                    posts.add(j);
                }
            }
            return new Connections(pres.toArray(), posts.toArray());
        }
        if (prob > 0) {
            double logMiss = Math.log1p(-prob);
            for (int j = lo; j < hi; j++) {
                int i = pre.from() - 1;
                for (int m = 0; ; m++) {
                    double gap = Math.floor(Math.log1p(-random.uniform(j, m)) / logMiss);
                    if (gap >= pre.to() - i) break;
                    i += 1 + (int) gap;
                    if (i >= pre.to()) break;
                    if (i == j && excludesSelf()) continue;
                    pres.add(i);
                    posts.add(j);
                }
            }
        }
        return preMajor(pres.toArray(), posts.toArray());
    }

    /** Stable counting sort by pre: column-drawn synapses in the order of rows. */
    private Connections preMajor(int[] a, int[] b) {
        int[] start = new int[pre.length() + 1];
        for (int i : a) start[i - pre.from() + 1]++;
        for (int r = 0; r < pre.length(); r++) start[r + 1] += start[r];
        int[] pa = new int[a.length];
        int[] pb = new int[a.length];
        for (int s = 0; s < a.length; s++) {
            int at = start[a[s] - pre.from()]++;
            pa[at] = a[s];
            pb[at] = b[s];
        }
        return new Connections(pa, pb);
    }

    /**
     * For each post neuron {@code j}, {@code k} distinct pre neurons by Floyd's sampling (exactly
     * uniform over the k-subsets, k draws: the m-th from {@code bounded(j, m, ..)}); the post
     * neuron itself is left out of the candidates when autapses are excluded.
     */
    private Connections inDegree(RandomStream random, int lo, int hi) {
        int n = pre.length();
        int targets = Math.max(0, hi - lo);
        // parse() refuses rules beyond MAX_SYNAPSES; the long product keeps that promise here too
        int[] a = new int[checkedCount((long) k * targets)];
        int[] b = new int[a.length];
        boolean[] taken = new boolean[n];
        int[] chosen = new int[k];
        int s = 0;
        for (int j = lo; j < hi; j++) {
            boolean skipSelf = excludesSelf() && pre.contains(j);
            int self = j - pre.from();
            int available = skipSelf ? n - 1 : n;
            for (int m = 0; m < k; m++) {
                int t = available - k + m;
                int r = random.bounded(j, m, t + 1);
                int pick = taken[r] ? t : r;
                taken[pick] = true;
                chosen[m] = pick;
            }
            for (int m = 0; m < k; m++) {
                taken[chosen[m]] = false;
                if (skipSelf && chosen[m] >= self) chosen[m]++;
            }
            Arrays.sort(chosen);
            for (int m = 0; m < k; m++) {
                a[s] = pre.from() + chosen[m];
                b[s++] = j;
            }
        }
        return new Connections(a, b);
    }

    /**
     * Rule {@code total_number}: synapse {@code s} (in {@code [0, n)}) as {@code pre << 32 | post},
     * absolute indices, a pure function of ({@code random}, {@code s}): pre from position
     * {@code (s, 2a)}, post from {@code (s, 2a + 1)} (uniform over the ranges), where {@code a} counts
     * the redraws of an autapse when autapses are excluded. So any set of synapses can be drawn
     * alone, in any order, on any thread.
     */
    public long pairAt(RandomStream random, long s) {
        for (int a = 0; ; a++) {
            int i = pre.from() + random.bounded(s, 2L * a, pre.length());
            int j = post.from() + random.bounded(s, 2L * a + 1, post.length());
            if (i != j || !excludesSelf()) return (long) i << 32 | j;
        }
    }

    /** Rule {@code total_number}: the synapses whose post neuron is in {@code [from, to)}, ascending. */
    public int[] totalNumberIndices(RandomStream random, int from, int to) {
        IntList index = new IntList();
        for (int s = 0; s < total; s++) {
            int j = (int) pairAt(random, s);
            if (j >= from && j < to) index.add(s);
        }
        return index.toArray();
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
        if (d != Math.rint(d)) throw new ParameterException(owner, field, "expected a whole number, got " + raw);
        // checked here, before any narrowing: (int) 4294967296.0 would be a different count or index
        if (Math.abs(d) > Integer.MAX_VALUE) {
            throw new ParameterException(owner, field, raw + " is outside the range of counts and neuron indices, "
                    + -Integer.MAX_VALUE + " to " + Integer.MAX_VALUE + " (they are ints)");
        }
        return (int) d;
    }

    private int checkedCount(long count) {
        if (count > MAX_SYNAPSES) {
            throw new ParameterException(owner, "connect", "makes " + count + " synapses, more than the " + MAX_SYNAPSES
                    + " one projection can hold; split it into several projections with pre or post ranges");
        }
        return (int) count;
    }

    /** A growable int array for drawing connectivity at build time; grows by doubling up to the largest array. */
    private final class IntList {
        private int[] data = new int[256];
        private int size;

        void add(int value) {
            if (size == data.length) data = Arrays.copyOf(data, checkedCount(Math.min(size * 2L, Math.max(MAX_SYNAPSES, size + 1L))));
            data[size++] = value;
        }

        int[] toArray() { return Arrays.copyOf(data, size); }
    }
}
