package org.spikelane.bench.report;

import java.util.List;
import java.util.Locale;

/** Markdown tables and the number formats the report uses. */
public final class Markdown {
    private Markdown() {}

    /** A pipe table; {@code rightAligned[i]} right-aligns column i (numbers). */
    public static String table(List<String> header, boolean[] rightAligned, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        row(out, header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) out.append(rightAligned[i] ? "---:|" : "---|");
        out.append('\n');
        for (List<String> r : rows) row(out, r);
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) out.append(' ').append(c.replace("|", "\\|")).append(" |");
        out.append('\n');
    }

    /** "0.927 ± 0.107" with a fixed number of decimals (ns per neuron-step). */
    public static String fixed(Value v, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, v.value()) + " ± " + error(v.error(), f, 1);
    }

    /**
     * About three significant digits: "12.3 ± 0.4"; large or small values share one power of ten,
     * "(1.23 ± 0.05)e9", so value and error read at a glance.
     */
    public static String significant(Value v) {
        double a = Math.abs(v.value());
        if (!Double.isFinite(a) || a == 0) return String.format(Locale.ROOT, "%s ± %s", v.value(), v.error());
        int exponent = (int) Math.floor(Math.log10(a));
        if (exponent >= -2 && exponent < 5) {
            String f = "%." + Math.max(0, 2 - exponent) + "f";
            return String.format(Locale.ROOT, f, v.value()) + " ± " + error(v.error(), f, 1);
        }
        double scale = Math.pow(10, exponent);
        return "(" + String.format(Locale.ROOT, "%.2f", v.value() / scale) + " ± "
                + error(v.error(), "%.2f", scale) + ")e" + exponent;
    }

    private static String error(double error, String format, double scale) {
        return Double.isNaN(error) ? "?" : String.format(Locale.ROOT, format, error / scale);
    }

    /** "2.74x". */
    public static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "-";
    }

    /** A parameter value for display: integers with thousands separators, the rest verbatim. */
    public static String param(String value) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    public static String code(String s) {
        return "`" + s + "`";
    }
}
