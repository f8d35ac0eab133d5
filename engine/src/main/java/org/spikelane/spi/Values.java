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
 * {@link RandomStream}: {@code {normal: {mean: 20 ms, sd: 2 ms}}} or {@code {uniform: {low: .., high: ..}}}.
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
        if (raw instanceof Map<?, ?> map) {
            if (map.size() != 1) throw new ParameterException(owner, field, "a distribution is {normal: {mean, sd}} or {uniform: {low, high}}");
            var e = map.entrySet().iterator().next();
            String kind = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> args)) {
                throw new ParameterException(owner, field, "'" + kind + "' needs its arguments as a map, e.g. {normal: {mean: 20 ms, sd: 2 ms}}");
            }
            switch (kind) {
                case "normal" -> {
                    checkKeys(owner, field, kind, args, List.of("mean", "sd"));
                    double mean = scalar(args.get("mean"), dim, owner, field + ".normal.mean");
                    double sd = scalar(args.get("sd"), dim, owner, field + ".normal.sd");
                    if (sd < 0) throw new ParameterException(owner, field + ".normal.sd", "must be >= 0, got " + Units.format(sd, dim));
                    for (int i = 0; i < n; i++) out[i] = mean + sd * random.gaussian(step.applyAsLong(i), neuron.applyAsLong(i));
                }
                case "uniform" -> {
                    checkKeys(owner, field, kind, args, List.of("low", "high"));
                    double low = scalar(args.get("low"), dim, owner, field + ".uniform.low");
                    double high = scalar(args.get("high"), dim, owner, field + ".uniform.high");
                    if (high < low) throw new ParameterException(owner, field + ".uniform.high", "must be >= low");
                    for (int i = 0; i < n; i++) out[i] = low + (high - low) * random.uniform(step.applyAsLong(i), neuron.applyAsLong(i));
                }
                default -> throw new ParameterException(owner, field, "unknown distribution '" + kind + "'"
                        + Suggest.didYouMean(kind, List.of("normal", "uniform")) + "; known: normal, uniform");
            }
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

    private static void checkKeys(String owner, String field, String kind, Map<?, ?> args, List<String> keys) {
        for (Object k : args.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new ParameterException(owner, field + "." + kind, "unknown key '" + k + "'" + Suggest.didYouMean(String.valueOf(k), keys)
                        + "; expected " + String.join(", ", keys));
            }
        }
        for (String k : keys) {
            if (!args.containsKey(k)) throw new ParameterException(owner, field + "." + kind, "missing '" + k + "'");
        }
    }
}
