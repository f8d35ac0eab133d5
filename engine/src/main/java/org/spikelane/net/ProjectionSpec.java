package org.spikelane.net;

import java.util.Map;
import java.util.SplittableRandom;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.Population;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapsePlugin;
import org.spikelane.spi.Values;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * A projection as the blueprint holds it: checked when added (populations, rule, units, ranges),
 * drawn when built. Weights and delays are kept raw so that distributions are drawn from the
 * network's final seed; every draw happens in generation order of the synapses.
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
        // values that need no random draw are checked now; distributions when they are drawn
        if (!Values.isDistribution(weight)) checkWeights(expand(weight, weightDimension, fixed, "weight"));
        if (!Values.isDistribution(this.delay)) checkDelays(expand(this.delay, Dimension.TIME, fixed, "delay"));
        else Values.expand(this.delay, Dimension.TIME, 0, new SplittableRandom(0), owner, "delay");
        if (Values.isDistribution(weight)) Values.expand(weight, weightDimension, 0, new SplittableRandom(0), owner, "weight");
    }

    private double[] expand(Object raw, Dimension dim, long fixedCount, String field) {
        if (raw instanceof java.util.List<?> list && fixedCount < 0) {
            // count unknown until drawn: check units and ranges of the values only
            return Values.expand(raw, dim, list.size(), new SplittableRandom(0), owner, field);
        }
        return Values.expand(raw, dim, raw instanceof java.util.List<?> ? (int) fixedCount : 1,
                new SplittableRandom(0), owner, field);
    }

    private void checkWeights(double[] w) {
        for (double x : w) {
            if (!plugin.weightRange().contains(x)) {
                throw new ParameterException(owner, "weight", "must be " + plugin.weightRange().describe(weightDimension)
                        + " for synapse '" + plugin.name() + "', got " + Units.format(x, weightDimension));
            }
        }
    }

    private void checkDelays(double[] d) {
        for (double x : d) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new ParameterException(owner, "delay", "must be >= 0 s, got " + Units.format(x, Dimension.TIME));
            }
        }
    }

    public String owner() { return owner; }

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

    /**
     * Draws synapses, weights and delays from {@code random} (in that order) and builds the kernel.
     *
     * @param vector whether the kernel should use the Vector API path
     */
    public Projection build(Population source, LifPopulation target, double dt, SplittableRandom random, boolean vector) {
        Connections c = rule.generate(random);
        int n = c.count();
        double[] w = Values.expand(weight, weightDimension, n, random, owner, "weight");
        checkWeights(w);
        double[] d = Values.expand(delay, Dimension.TIME, n, random, owner, "delay");
        checkDelays(d);
        int[] steps = new int[n];
        for (int s = 0; s < n; s++) {
            long k = Math.round(d[s] / dt);
            if (k > 1_000_000) throw new ParameterException(owner, "delay", "is longer than 10^6 steps: " + Units.format(d[s], Dimension.TIME));
            steps[s] = (int) k;
        }
        SynapseTable table = new SynapseTable(source.size(), c.pre(), c.post(), w, steps);
        Context context = new Context(dt, target.state(), weightDimension, vector, params.owner());
        SynapseKernel kernel = target.format().synapseKernel(plugin, context, params);
        return new Projection(owner, source, target, table, kernel);
    }

    private record Context(double dt, LifState target, Dimension weightDimension, boolean vector, String owner)
            implements SynapseContext {
        @Override public long toSteps(double seconds) { return Math.round(seconds / dt); }
    }
}
