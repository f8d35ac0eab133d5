package org.spikelane.net;

import java.util.Map;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.Population;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.Values;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * A projection as the blueprint holds it: checked when added (populations, rule, units, ranges),
 * drawn when built. Weights and delays are kept raw so that distributions are drawn from the
 * network's final seed. A projection's stream has three substreams: {@code connect} (see
 * {@link ConnectRule#generate(RandomStream, int, int)}), {@code weight} and {@code delay}, whose
 * value for the {@code r}-th synapse of target {@code j} (in generation order) is drawn at
 * position {@code (j, r)}; so a slice of the targets draws its synapses alone.
 */
public final class ProjectionSpec {
    private final String owner;
    private final String from;
    private final String to;
    private final int fromSize;
    private final int toSize;
    private final SynapsePlugin plugin;
    private final Map<String, ?> synapseParams;
    private final Params params;
    private final Object weight;
    private final Dimension weightDimension;
    private final Object delay;
    private final Map<String, ?> connect;
    private final ConnectRule rule;
    /** Rule total_number's weight and delay, compiled once (null for other rules). */
    private final Values.Draw totalWeight;
    private final Values.Draw totalDelay;
    /** The longest delay a projection takes, in steps. */
    static final int MAX_DELAY_STEPS = 1_000_000;
    /** For checking values and distributions before anything is drawn (none of them are used). */
    private static final RandomStream CHECK_ONLY = RandomStream.root(0);

    /**
     * Validates everything that does not need the built populations.
     *
     * @param weight one value, a list (one per synapse, generation order) or a distribution
     * @param delay  as {@code weight}, a time; {@code null} means 0 (effect from the next step)
     */
    public ProjectionSpec(String from, int fromSize, String to, int toSize, SynapsePlugin plugin,
                          Map<String, ?> synapseParams, Object weight, Object delay, Map<String, ?> connect) {
        this.owner = "projection '" + from + " -> " + to + "'";
        this.from = from;
        this.to = to;
        this.fromSize = fromSize;
        this.toSize = toSize;
        this.plugin = plugin;
        this.synapseParams = synapseParams == null ? Map.of() : synapseParams;
        this.connect = connect;
        this.params = Params.resolve(owner + " synapse '" + plugin.name() + "'", plugin.params(), this.synapseParams, toSize);
        this.rule = ConnectRule.parse(connect, fromSize, toSize, from.equals(to), owner);
        if (weight == null) throw new ParameterException(owner, "weight", "is required");
        this.weight = weight;
        this.weightDimension = WeightUnits.of(weight, plugin.weightDimensions(), owner, "weight");
        this.delay = delay == null ? 0.0 : delay;
        long fixed = rule.fixedCount();
        if (rule.kind() == ConnectRule.Kind.TOTAL_NUMBER) {
            // drawn synapse by synapse (TotalNumberTable): one value or a distribution, normals from one word each
            totalWeight = Values.draw(weight, weightDimension, owner, "weight").withOneWordNormal();
            totalDelay = Values.draw(this.delay, Dimension.TIME, owner, "delay").withOneWordNormal();
            if (totalWeight.constant()) checkedWeight(totalWeight.at(CHECK_ONLY, 0, 0));
            if (totalDelay.constant()) checkDelay(totalDelay.at(CHECK_ONLY, 0, 0));
            return;
        }
        totalWeight = null;
        totalDelay = null;
        // values that need no random draw are checked now; distributions when they are drawn
        if (!Values.isDistribution(weight)) checkWeights(expand(weight, weightDimension, fixed, "weight"));
        if (!Values.isDistribution(this.delay)) checkDelays(expand(this.delay, Dimension.TIME, fixed, "delay"));
        else Values.expand(this.delay, Dimension.TIME, 0, CHECK_ONLY, owner, "delay");
        if (Values.isDistribution(weight)) Values.expand(weight, weightDimension, 0, CHECK_ONLY, owner, "weight");
    }

    private double[] expand(Object raw, Dimension dim, long fixedCount, String field) {
        if (raw instanceof java.util.List<?> list && fixedCount < 0) {
            // count unknown until drawn: check units and ranges of the values only
            return Values.expand(raw, dim, list.size(), CHECK_ONLY, owner, field);
        }
        return Values.expand(raw, dim, raw instanceof java.util.List<?> ? (int) fixedCount : 1,
                CHECK_ONLY, owner, field);
    }

    private void checkWeights(double[] w) {
        for (double x : w) checkedWeight(x);
    }

    /** {@code w} if the synapse takes it and float32 holds it, else a one-line error. */
    double checkedWeight(double w) {
        if (!plugin.weightRange().contains(w)) {
            throw new ParameterException(owner, "weight", "must be " + plugin.weightRange().describe(weightDimension)
                    + " for synapse '" + plugin.name() + "', got " + Units.format(w, weightDimension));
        }
        Values.checkFloatRange(w, weightDimension, owner, "weight");
        return w;
    }

    /** A checked delay (s) in whole steps. */
    int delaySteps(double delay, double dt) {
        checkDelay(delay);
        long k = Math.round(delay / dt);
        if (k > MAX_DELAY_STEPS) throw new ParameterException(owner, "delay", "is longer than 10^6 steps: " + Units.format(delay, Dimension.TIME));
        return (int) k;
    }

    Values.Draw totalNumberWeight() { return totalWeight; }

    Values.Draw totalNumberDelay() { return totalDelay; }

    private void checkDelays(double[] d) {
        for (double x : d) checkDelay(x);
    }

    private void checkDelay(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new ParameterException(owner, "delay", "must be >= 0 s, got " + Units.format(x, Dimension.TIME));
        }
    }

    public String owner() { return owner; }

    /** How the delays spread over whole steps at {@code dt} (for the memory estimate; {@code synapses}: the expected count). */
    public DelaySpread delaySpread(double dt, long synapses) { return DelaySpread.of(delay, dt, synapses, owner); }

    public String from() { return from; }

    public String to() { return to; }

    public SynapsePlugin plugin() { return plugin; }

    public ConnectRule rule() { return rule; }

    /** The synapse parameters as given (empty if none). */
    public Map<String, ?> synapseParams() { return synapseParams; }

    /** The synapse parameters, resolved against the plugin's. */
    public Params params() { return params; }

    /**
     * The same projection (populations, rule, weights, delays) through another synapse plugin
     * with no parameters, checked again against it: how a number format that plays the synapse
     * itself takes a projection over.
     */
    public ProjectionSpec withSynapse(SynapsePlugin replacement) {
        return new ProjectionSpec(from, fromSize, to, toSize, replacement, null, weight, delay, connect);
    }

    public Dimension weightDimension() { return weightDimension; }

    /** A projection's synapses onto a range of targets, with their SI weights and delays in steps. */
    public record Synapses(Connections connections, double[] weights, int[] delaySteps) {}

    /**
     * Draws the synapses onto targets {@code [from, to)} with their weights and delays: exactly
     * that slice of the whole draw. Weight and delay lists (one value per synapse of the whole
     * projection) are for the whole range only.
     */
    public Synapses draw(RandomStream random, double dt, int from, int to) {
        if (rule.kind() == ConnectRule.Kind.TOTAL_NUMBER) return drawTotalNumber(random, dt, from, to);
        Connections c = rule.generate(random.substream("connect"), from, to);
        int n = c.count();
        boolean whole = from <= 0 && to >= Integer.MAX_VALUE;
        if (!whole && (weight instanceof java.util.List<?> || delay instanceof java.util.List<?>)) {
            throw new IllegalArgumentException(owner + ": per-synapse lists of weights or delays need the whole projection");
        }
        // rank of each synapse among those of its target, in generation order: the key of its draws
        int[] perTarget = new int[java.util.Arrays.stream(c.post()).max().orElse(-1) + 1];
        int[] rank = new int[n];
        for (int s = 0; s < n; s++) rank[s] = perTarget[c.post()[s]]++;
        double[] w = expandDrawn(weight, weightDimension, c, rank, random.substream("weight"), "weight");
        checkWeights(w);
        double[] d = expandDrawn(delay, Dimension.TIME, c, rank, random.substream("delay"), "delay");
        checkDelays(d);
        int[] steps = new int[n];
        for (int s = 0; s < n; s++) steps[s] = delaySteps(d[s], dt);
        return new Synapses(c, w, steps);
    }

    /**
     * Rule total_number, one synapse at a time as {@link TotalNumberTable} draws them: synapse
     * {@code s}'s weight and delay at position {@code (s, 0)} of their streams.
     */
    private Synapses drawTotalNumber(RandomStream random, double dt, int from, int to) {
        RandomStream connect = random.substream("connect");
        int[] index = rule.totalNumberIndices(connect, from, to);
        int n = index.length;
        int[] pre = new int[n];
        int[] post = new int[n];
        double[] w = new double[n];
        int[] steps = new int[n];
        RandomStream ws = random.substream("weight");
        RandomStream ds = random.substream("delay");
        for (int i = 0; i < n; i++) {
            long pair = rule.pairAt(connect, index[i]);
            pre[i] = (int) (pair >>> 32);
            post[i] = (int) pair;
            w[i] = checkedWeight(totalWeight.at(ws, index[i], 0));
            steps[i] = delaySteps(totalDelay.at(ds, index[i], 0), dt);
        }
        return new Synapses(new Connections(pre, post), w, steps);
    }

    private double[] expandDrawn(Object raw, Dimension dim, Connections c, int[] rank, RandomStream random, String field) {
        if (!Values.isDistribution(raw)) return Values.expand(raw, dim, c.count(), random, owner, field);
        return Values.expand(raw, dim, c.post(), rank, random, owner, field);
    }

    /**
     * Draws synapses, weights and delays from {@code random} (see {@link #draw}) and builds the kernel.
     *
     * @param vector whether the kernel should use the Vector API path
     */
    public Projection build(Population source, LifPopulation target, double dt, RandomStream random, boolean vector) {
        return build(source, target, dt, random, vector, 1);
    }

    /**
     * As {@link #build(Population, LifPopulation, double, RandomStream, boolean)}, drawing rule
     * {@code total_number} on up to {@code threads} threads (the same table for any count).
     */
    public Projection build(Population source, LifPopulation target, double dt, RandomStream random, boolean vector, int threads) {
        SynapseTable table;
        if (rule.kind() == ConnectRule.Kind.TOTAL_NUMBER) {
            table = TotalNumberTable.build(this, source.size(), dt, random, threads);
        } else {
            Synapses drawn = draw(random, dt, 0, Integer.MAX_VALUE);
            Connections c = drawn.connections();
            table = new SynapseTable(source.size(), c.pre(), c.post(), drawn.weights(), drawn.delaySteps());
        }
        Context context = new Context(dt, target.format().synapseTarget(), weightDimension, vector, params.owner());
        SynapseKernel kernel = target.format().synapseKernel(plugin, context, params);
        return new Projection(owner, source, target, table, kernel);
    }

    private record Context(double dt, SynapseTarget target, Dimension weightDimension, boolean vector, String owner)
            implements SynapseContext {
        @Override public long toSteps(double seconds) { return Math.round(seconds / dt); }
    }
}
