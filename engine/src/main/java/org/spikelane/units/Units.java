package org.spikelane.units;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints Brian2-style quantities such as {@code "-70 mV"}, {@code "2.5 nA"},
 * {@code "10 Mohm"}, {@code "0.1 ms"}. Values are returned in SI units.
 */
public final class Units {
    private Units() {}

    /** A number (or {@code inf}, for times that never come, such as {@code stop: inf s}) and a unit. */
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?inf)\\s*\\*?\\s*([A-Za-zΩµ]*)\\s*");

    /** Base unit symbols (short and Brian2's long names) and their dimension. */
    private static final Map<String, Dimension> BASE = Map.ofEntries(
            Map.entry("s", Dimension.TIME), Map.entry("second", Dimension.TIME),
            Map.entry("V", Dimension.VOLTAGE), Map.entry("volt", Dimension.VOLTAGE),
            Map.entry("A", Dimension.CURRENT), Map.entry("amp", Dimension.CURRENT),
            Map.entry("ampere", Dimension.CURRENT),
            Map.entry("S", Dimension.CONDUCTANCE), Map.entry("siemens", Dimension.CONDUCTANCE),
            Map.entry("ohm", Dimension.RESISTANCE), Map.entry("Ohm", Dimension.RESISTANCE),
            Map.entry("Ω", Dimension.RESISTANCE),
            Map.entry("F", Dimension.CAPACITANCE), Map.entry("farad", Dimension.CAPACITANCE),
            Map.entry("Hz", Dimension.FREQUENCY), Map.entry("hertz", Dimension.FREQUENCY));

    /** SI prefixes, short and long. */
    private static final Map<String, Double> PREFIX = Map.ofEntries(
            Map.entry("", 1.0), Map.entry("p", 1e-12), Map.entry("pico", 1e-12),
            Map.entry("n", 1e-9), Map.entry("nano", 1e-9),
            Map.entry("u", 1e-6), Map.entry("µ", 1e-6), Map.entry("micro", 1e-6),
            Map.entry("m", 1e-3), Map.entry("milli", 1e-3),
            Map.entry("k", 1e3), Map.entry("kilo", 1e3),
            Map.entry("M", 1e6), Map.entry("mega", 1e6),
            Map.entry("G", 1e9), Map.entry("giga", 1e9));

    /**
     * Parses {@code text} as a quantity of the given dimension.
     *
     * @param field name used in the error message, e.g. {@code "tau_m"}
     * @return the value in SI units
     * @throws UnitException with a one-line message naming {@code field}
     */
    public static double parse(String text, Dimension expected, String field) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new UnitException(field, "'" + text + "' is not a number with a unit (expected "
                    + describe(expected) + ")");
        }
        String digits = m.group(1);
        double number = digits.endsWith("inf")
                ? (digits.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(digits);
        String unit = m.group(2);
        if (unit.isEmpty()) {
            if (expected == Dimension.DIMENSIONLESS) return number;
            throw new UnitException(field, "'" + text.strip() + "' has no unit (expected "
                    + describe(expected) + ")");
        }
        if (expected == Dimension.DIMENSIONLESS && (unit.equals("rad") || unit.equals("radian"))) {
            return number;
        }
        UnitMatch match = lookup(unit);
        if (match == null) {
            throw new UnitException(field, "unknown unit '" + unit + "' in '" + text.strip()
                    + "' (expected " + describe(expected) + ")");
        }
        if (match.dimension != expected) {
            throw new UnitException(field, "'" + text.strip() + "' is a " + match.dimension.label()
                    + ", expected " + describe(expected));
        }
        return number * match.scale;
    }

    /** Dimension of a unit symbol such as "mV", or null if unknown. */
    public static Dimension dimensionOf(String unit) {
        UnitMatch match = lookup(unit);
        return match == null ? null : match.dimension;
    }

    /** Formats an SI value with a readable prefix, e.g. {@code 0.002 s -> "2 ms"}. */
    public static String format(double si, Dimension dimension) {
        if (dimension == Dimension.DIMENSIONLESS) return trim(si);
        String unit = dimension.siUnit();
        double abs = Math.abs(si);
        String[] prefixes = {"p", "n", "u", "m", "", "k", "M", "G"};
        double[] scales = {1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9};
        int pick = 4;
        if (abs > 0 && !Double.isInfinite(abs)) {
            for (int i = scales.length - 1; i >= 0; i--) {
                if (abs >= scales[i] * 0.9999999) { pick = i; break; }
                pick = 0;
            }
        }
        return trim(si / scales[pick]) + " " + prefixes[pick] + unit;
    }

    /** A plain number with six significant digits and no trailing zeros: 1e+39, 3.40282e+38, 0.5. */
    public static String number(double value) {
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String s = String.format(Locale.ROOT, "%.6g", value);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    private static String trim(double value) {
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    private static String describe(Dimension d) {
        return d == Dimension.DIMENSIONLESS ? "a plain number" : "a " + d.label() + " such as '" + d.example() + "'";
    }

    private record UnitMatch(Dimension dimension, double scale) {}

    private static UnitMatch lookup(String unit) {
        Dimension base = BASE.get(unit);
        if (base != null) return new UnitMatch(base, 1.0);
        // longest prefix first so that "milli" wins over "m"
        for (int len = Math.min(5, unit.length() - 1); len >= 1; len--) {
            String prefix = unit.substring(0, len);
            Double scale = PREFIX.get(prefix);
            Dimension dim = BASE.get(unit.substring(len));
            if (scale != null && dim != null) return new UnitMatch(dim, scale);
        }
        return null;
    }
}
