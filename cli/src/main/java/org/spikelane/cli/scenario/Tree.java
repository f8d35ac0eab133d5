package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * Typed reads from the scenario tree, each failing with a located one-line error. Plain numbers
 * where a unit is needed are refused here (and by {@link #requireUnits}) so that {@code tau_m: 5}
 * is an error rather than five seconds.
 */
public final class Tree {
    private final SourceMap sources;

    public Tree(SourceMap sources) {
        this.sources = sources;
    }

    public SourceMap sources() { return sources; }

    /** The value of a key that must be present. */
    public Object required(Map<String, Object> map, String key, String path) {
        Object v = map.get(key);
        if (v == null) throw sources.error(SourceMap.child(path, key), "is required");
        return v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw sources.error(path, "expected a mapping of keys, got " + describe(value));
    }

    public List<Object> list(Object value, String path) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) return new ArrayList<>(l);
        throw sources.error(path, "expected a list, got " + describe(value));
    }

    public String text(Object value, String path) {
        if (value instanceof String s && !s.isBlank()) return s;
        throw sources.error(path, "expected a word, got " + describe(value));
    }

    public long integer(Object value, String path) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !(value instanceof Double d && Double.isInfinite(d))) {
            return n.longValue();
        }
        throw sources.error(path, "expected a whole number, got " + describe(value));
    }

    /** A quantity in SI units, e.g. "0.1 ms" -> 1e-4. */
    public double quantity(Object value, Dimension dim, String path) {
        if (value instanceof String s) {
            try {
                return Units.parse(s, dim, path);
            } catch (UnitException e) {
                throw sources.error(path, e.problem());
            }
        }
        if (value instanceof Number n && dim == Dimension.DIMENSIONLESS) return n.doubleValue();
        if (value instanceof Number n) {
            throw sources.error(path, "'" + n + "' has no unit (expected a " + dim.label() + " such as '" + dim.example() + "')");
        }
        throw sources.error(path, "expected a " + dim.label() + " such as '" + dim.example() + "', got " + describe(value));
    }

    /** Neuron indices: a list of whole numbers, one whole number, or absent/"all" (null = all). */
    public int[] neurons(Object value, String path) {
        if (value == null || "all".equals(value)) return null;
        if (value instanceof Number) return new int[] {(int) integer(value, path)};
        List<Object> list = list(value, path);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            long n = integer(list.get(i), SourceMap.child(path, i));
            if (n < 0 || n > Integer.MAX_VALUE) throw sources.error(SourceMap.child(path, i), "neuron index " + n + " is negative or too large");
            out[i] = (int) n;
        }
        return out;
    }

    /**
     * Numbers inside a value that needs a unit become text, so the engine's unit parser rejects
     * them with "has no unit" instead of taking them as SI. Lists and distributions are walked.
     */
    public static Object requireUnits(Object raw, Dimension dim) {
        if (dim == Dimension.DIMENSIONLESS) return raw;
        if (raw instanceof Number n) return n.toString();
        if (raw instanceof List<?> l) return l.stream().map(x -> requireUnits(x, dim)).toList();
        if (raw instanceof Map<?, ?> m) {
            var out = new java.util.LinkedHashMap<Object, Object>();
            m.forEach((k, v) -> out.put(k, requireUnits(v, dim)));
            return out;
        }
        return raw;
    }

    public static String describe(Object value) {
        if (value == null) return "nothing";
        if (value instanceof Map<?, ?>) return "a mapping";
        if (value instanceof List<?>) return "a list";
        if (value instanceof String s) return "'" + s + "'";
        return "'" + value + "'";
    }
}
