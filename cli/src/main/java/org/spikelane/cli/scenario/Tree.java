package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * Typed reads from the scenario tree, each failing with a located one-line error. Bare numbers
 * where a unit is needed are refused here (and by {@link #requireUnits}) so that {@code tau_m: 5}
 * is an error rather than five seconds; 0 is the one bare number allowed, being 0 in every unit (besides the integer weights into a raw
 * loihi population, which {@link NetworkBuilder} checks).
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

    /** A whole number that fits in a long (seeds and other 64-bit counts). */
    public long integer(Object value, String path) {
        return integer(value, path, Long.MIN_VALUE, Long.MAX_VALUE, "");
    }

    /**
     * A whole number in {@code [min, max]}, checked exactly: a number beyond long range (YAML reads
     * it as a BigInteger, or as a double such as 1.0e300) must not be truncated into a different
     * one. {@code limitReason} says why the limit is what it is, for the error.
     */
    public long integer(Object value, String path, long min, long max, String limitReason) {
        java.math.BigInteger whole = wholeNumber(value);
        if (whole == null) throw sources.error(path, "expected a whole number, got " + describe(value));
        if (whole.compareTo(java.math.BigInteger.valueOf(min)) < 0 || whole.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            String range = min == Long.MIN_VALUE && max != Long.MAX_VALUE ? "<= " + max : "from " + min + " to " + max;
            throw sources.error(path, "must be " + range + limitReason + ", got " + describe(value));
        }
        return whole.longValueExact();
    }

    /** The exact whole number {@code value} is, or null if it is not one (text, a fraction, NaN, infinity). */
    static java.math.BigInteger wholeNumber(Object value) {
        if (value instanceof java.math.BigInteger b) return b;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return java.math.BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof java.math.BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d) || d != Math.rint(d)) return null;
            return new java.math.BigDecimal(d).toBigIntegerExact();
        }
        return null;
    }

    /** A quantity in SI units, e.g. "0.1 ms" -> 1e-4; a bare 0 is 0 in every unit. */
    public double quantity(Object value, Dimension dim, String path) {
        if (value instanceof String s) {
            try {
                return Units.parse(s, dim, path);
            } catch (UnitException e) {
                throw sources.error(path, e.problem());
            }
        }
        if (value instanceof Number n && (dim == Dimension.DIMENSIONLESS || isZero(n))) return n.doubleValue();
        if (value instanceof Number n) {
            throw sources.error(path, "'" + text(n) + "' has no unit (expected " + expected(dim) + ")");
        }
        throw sources.error(path, "expected a " + dim.label() + " such as '" + dim.example() + "', got " + describe(value));
    }

    /**
     * Neuron indices: a list of whole numbers, one whole number, or absent/"all" (null = all).
     * Indices are int in the engine, so larger ones are refused here rather than wrapped.
     */
    public int[] neurons(Object value, String path) {
        if (value == null || "all".equals(value)) return null;
        if (value instanceof Number) return new int[] {neuronIndex(value, path)};
        if (!(value instanceof List<?>)) {
            throw sources.error(path, "expected a list of neuron indices, one index or 'all', got " + describe(value));
        }
        List<Object> list = list(value, path);
        if (list.isEmpty()) throw sources.error(path, "is empty; give at least one neuron index, or leave it out for every neuron");
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = neuronIndex(list.get(i), SourceMap.child(path, i));
        return out;
    }

    private int neuronIndex(Object value, String path) {
        java.math.BigInteger whole = wholeNumber(value);
        if (whole == null) throw sources.error(path, "expected a whole number, got " + describe(value));
        if (whole.signum() < 0) throw sources.error(path, "neuron index " + whole + " is negative");
        if (whole.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw sources.error(path, "neuron index " + whole + " is beyond the largest possible index, " + (Integer.MAX_VALUE - 1));
        }
        return whole.intValue();
    }

    static boolean isZero(Number n) {
        return n.doubleValue() == 0 && !(n instanceof Double d && d.isNaN());
    }

    /**
     * Refuses the bare numbers inside a value that needs a unit, at the exact list index or
     * distribution key ({@code tau_m.normal.mean}): a number means SI only from Java, never in a
     * scenario file. 0 is allowed, being 0 in every unit.
     *
     * @param expected the unit the value needs, as said in the error, e.g. "a time such as '20 ms'"
     */
    public void requireUnits(Object raw, String expected, String path) {
        if (raw instanceof Number n && !isZero(n)) throw sources.error(path, "'" + text(n) + "' has no unit (expected " + expected + ")");
        if (raw instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) requireUnits(l.get(i), expected, SourceMap.child(path, i));
        }
        if (raw instanceof Map<?, ?> m) m.forEach((k, v) -> requireUnits(v, expected, SourceMap.child(path, k)));
    }

    /** How errors describe a value of {@code dim}: "a time such as '20 ms'". */
    public static String expected(Dimension dim) {
        return "a " + dim.label() + " such as '" + dim.example() + "'";
    }

    public static String describe(Object value) {
        if (value == null) return "nothing";
        if (value instanceof Double d && d.isInfinite()) return "a number beyond the range of a double";
        if (value instanceof Map<?, ?>) return "a mapping";
        if (value instanceof List<?>) return "a list";
        if (value instanceof String s) return "'" + s + "'";
        if (value instanceof Number n) return "'" + text(n) + "'";
        return "'" + value + "'";
    }

    /**
     * A number as the user probably wrote it: the parser keeps only its value, and Java would print
     * 0.0001 as 1.0E-4 and 3 as 3.0.
     */
    static String text(Number n) {
        if (!(n instanceof Double || n instanceof Float)) return n.toString();
        double d = n.doubleValue();
        if (!Double.isFinite(d)) return Double.toString(d);
        double abs = Math.abs(d);
        if (abs == 0 || (abs >= 1e-7 && abs < 1e15)) return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return Double.toString(d).replace("E", "e");
    }
}
