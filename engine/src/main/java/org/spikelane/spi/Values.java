package org.spikelane.spi;

import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.spikelane.random.RandomStream;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * Expands a per-neuron value as users write it into {@code n} SI numbers: one value
 * ({@code "20 ms"} or {@code 0.02}), a list of {@code n} values, or a distribution drawn from a
 * {@link RandomStream}: {@code {normal: {mean: 20 ms, sd: 2 ms}}} (optionally truncated by
 * {@code low} and/or {@code high}, see {@link Draw}) or {@code {uniform: {low: .., high: ..}}}.
 * Used for population parameters, weights and delays, so that all read the same everywhere.
 * Each drawn value is keyed by its own position in the stream, never by how many values were
 * drawn before it, so any slice of the values can be drawn alone.
 */
public final class Values {
    private Values() {}

    /**
     * @param owner e.g. "population 'exc'", the start of error messages
     * @param field the parameter name, e.g. "tau_m"
     * @param random used only for distributions; value {@code i} is drawn at position (0, i)
     */
    public static double[] expand(Object raw, Dimension dim, int n, RandomStream random, String owner, String field) {
        return expand(raw, dim, n, random, i -> 0, i -> i, owner, field);
    }

    /**
     * As {@link #expand(Object, Dimension, int, RandomStream, String, String)} for {@code step.length}
     * values, value {@code i} of a distribution drawn at position ({@code step[i]}, {@code neuron[i]})
     * (a synapse's target and its rank among that target's synapses).
     */
    public static double[] expand(Object raw, Dimension dim, int[] step, int[] neuron, RandomStream random,
                                  String owner, String field) {
        return expand(raw, dim, step.length, random, i -> step[i], i -> neuron[i], owner, field);
    }

    private static double[] expand(Object raw, Dimension dim, int n, RandomStream random, IntToLongFunction step,
                                   IntToLongFunction neuron, String owner, String field) {
        double[] out = expandUnchecked(raw, dim, n, random, step, neuron, owner, field);
        for (double v : out) checkFloatRange(v, dim, owner, field);
        return out;
    }

    private static double[] expandUnchecked(Object raw, Dimension dim, int n, RandomStream random, IntToLongFunction step,
                                            IntToLongFunction neuron, String owner, String field) {
        double[] out = new double[n];
        if (raw instanceof Map<?, ?>) {
            Draw d = draw(raw, dim, owner, field);
            for (int i = 0; i < n; i++) out[i] = d.at(random, step.applyAsLong(i), neuron.applyAsLong(i));
            return out;
        }
        if (raw instanceof List<?> list) {
            if (list.size() != n) {
                throw new ParameterException(owner, field, "list has " + list.size() + " values but " + n + " are needed");
            }
            for (int i = 0; i < n; i++) out[i] = scalar(list.get(i), dim, owner, field);
            return out;
        }
        java.util.Arrays.fill(out, scalar(raw, dim, owner, field));
        return out;
    }

    /** Redraws of a truncated normal before giving up: the interval holds too little of it. */
    static final int MAX_REDRAWS = 100;

    /**
     * One value or a distribution, compiled once, drawn value by value at a stream position: what
     * {@code expand} does for arrays, for builds that draw too many values to hold them first.
     * {@code {normal: {mean, sd, low, high}}} with {@code low} and/or {@code high} is the normal
     * truncated to {@code [low, high]} by redrawing (NEST's {@code redraw}): redraw {@code a >= 1}
     * of a position is drawn at the same position of the substream {@code a}.
     */
    public static final class Draw {
        private final int kind; // 0 constant, 1 normal, 2 uniform
        private final double a, b, low, high;
        private final boolean oneWord;
        private final String owner, field;

        private Draw(int kind, double a, double b, double low, double high, boolean oneWord, String owner, String field) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.low = low;
            this.high = high;
            this.oneWord = oneWord;
            this.owner = owner;
            this.field = field;
        }

        /** The same draw with normal numbers from {@link RandomStream#normal} (one word, inverse CDF). */
        public Draw withOneWordNormal() { return new Draw(kind, a, b, low, high, true, owner, field); }

        /** Whether this is one fixed value (no draws). */
        public boolean constant() { return kind == 0; }

        /** The value at position ({@code step}, {@code neuron}) of {@code random}; SI. */
        public double at(RandomStream random, long step, long neuron) {
            return switch (kind) {
                case 0 -> a;
                case 2 -> a + (b - a) * random.uniform(step, neuron);
                default -> {
                    RandomStream r = random;
                    for (int attempt = 1; ; attempt++) {
                        double v = a + b * (oneWord ? r.normal(step, neuron) : r.gaussian(step, neuron));
                        if (v >= low && v <= high) yield v;
                        if (attempt > MAX_REDRAWS) {
                            throw new ParameterException(owner, field + ".normal", MAX_REDRAWS + " draws in a row fell outside"
                                    + " [low, high]: the interval holds too little of the distribution");
                        }
                        r = random.substream(attempt);
                    }
                }
            };
        }
    }

    /**
     * Compiles one value ({@code "2 ms"}, a number) or a distribution map; lists are refused
     * (they are {@code expand}'s).
     */
    public static Draw draw(Object raw, Dimension dim, String owner, String field) {
        if (!(raw instanceof Map<?, ?> map)) {
            if (raw instanceof List<?>) throw new ParameterException(owner, field, "must be one value or a distribution here, not a list");
            return new Draw(0, scalar(raw, dim, owner, field), 0, 0, 0, false, owner, field);
        }
        if (map.size() != 1) throw new ParameterException(owner, field, "a distribution is {normal: {mean, sd}} or {uniform: {low, high}}");
        var e = map.entrySet().iterator().next();
        String kind = String.valueOf(e.getKey());
        if (!(e.getValue() instanceof Map<?, ?> args)) {
            throw new ParameterException(owner, field, "'" + kind + "' needs its arguments as a map, e.g. {normal: {mean: 20 ms, sd: 2 ms}}");
        }
        return switch (kind) {
            case "normal" -> {
                checkKeys(owner, field, kind, args, List.of("mean", "sd"), List.of("low", "high"));
                double mean = scalar(args.get("mean"), dim, owner, field + ".normal.mean");
                double sd = scalar(args.get("sd"), dim, owner, field + ".normal.sd");
                if (sd < 0) throw new ParameterException(owner, field + ".normal.sd", "must be >= 0, got " + Units.format(sd, dim));
                double low = args.containsKey("low") ? scalar(args.get("low"), dim, owner, field + ".normal.low") : Double.NEGATIVE_INFINITY;
                double high = args.containsKey("high") ? scalar(args.get("high"), dim, owner, field + ".normal.high") : Double.POSITIVE_INFINITY;
                if (!(low <= high)) throw new ParameterException(owner, field + ".normal.high", "must be >= low");
                yield new Draw(1, mean, sd, low, high, false, owner, field);
            }
            case "uniform" -> {
                checkKeys(owner, field, kind, args, List.of("low", "high"), List.of());
                double low = scalar(args.get("low"), dim, owner, field + ".uniform.low");
                double high = scalar(args.get("high"), dim, owner, field + ".uniform.high");
                if (high < low) throw new ParameterException(owner, field + ".uniform.high", "must be >= low");
                yield new Draw(2, low, high, low, high, false, owner, field);
            }
            default -> throw new ParameterException(owner, field, "unknown distribution '" + kind + "'"
                    + Suggest.didYouMean(kind, List.of("normal", "uniform")) + "; known: normal, uniform");
        };
    }

    /**
     * Refuses a finite value that float32 cannot hold ({@code R: 1e39 ohm}): the state and the
     * parameters of a population are float32 in the default precision, where such a value
     * becomes infinite and the run NaN. Times are exempt: they become whole steps or enter
     * propagators in double.
     */
    public static void checkFloatRange(double value, Dimension dim, String owner, String field) {
        if (dim == Dimension.TIME || !Double.isFinite(value) || Math.abs(value) <= Float.MAX_VALUE) return;
        String unit = dim.siUnit().isEmpty() ? "" : " " + dim.siUnit();
        throw new ParameterException(owner, field, Units.number(value) + unit + " is beyond the float32 range of the"
                + " simulation's state (at most " + Units.number(Float.MAX_VALUE) + unit + " in magnitude)");
    }


    /** Whether {@code raw} is a distribution map rather than a value or list. */
    public static boolean isDistribution(Object raw) { return raw instanceof Map<?, ?>; }

    /** One SI value from a number or a string with a unit. */
    public static double scalar(Object raw, Dimension dim, String owner, String field) {
        if (raw instanceof Number num) return num.doubleValue();
        if (raw instanceof String s) {
            try {
                return Units.parse(s, dim, field);
            } catch (UnitException e) {
                throw new ParameterException(owner, field, e.problem());
            }
        }
        throw new ParameterException(owner, field, "expected a " + dim.label() + " such as '" + dim.example() + "', got " + raw);
    }

    private static void checkKeys(String owner, String field, String kind, Map<?, ?> args, List<String> keys, List<String> optional) {
        for (Object k : args.keySet()) {
            if (!keys.contains(String.valueOf(k)) && !optional.contains(String.valueOf(k))) {
                List<String> all = new java.util.ArrayList<>(keys);
                all.addAll(optional);
                throw new ParameterException(owner, field + "." + kind, "unknown key '" + k + "'" + Suggest.didYouMean(String.valueOf(k), all)
                        + "; expected " + String.join(", ", all));
            }
        }
        for (String k : keys) {
            if (!args.containsKey(k)) throw new ParameterException(owner, field + "." + kind, "missing '" + k + "'");
        }
    }
}
