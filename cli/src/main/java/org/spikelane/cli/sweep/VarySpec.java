package org.spikelane.cli.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * One {@code --vary} option: the values one scenario path takes in a sweep, written as
 * <ul>
 *   <li>{@code PATH=[A, B, C]}: a list; each item a number with a unit (a bare number takes the
 *       unit of the first item that has one: {@code [1, 2, 5 nA]}), or every item a word
 *       ({@code precision=[float32, fixed]});</li>
 *   <li>{@code PATH=FROM..TO:COUNT}: COUNT evenly spaced values, FROM and TO included, in the unit
 *       of FROM (a bare FROM takes TO's unit: {@code 0..10 nA:41});</li>
 *   <li>{@code PATH=FROM..TO:COUNT:log}: COUNT values evenly spaced in the logarithm (FROM and TO
 *       both above 0 or both below).</li>
 * </ul>
 * An error names the token that is wrong (FROM, TO, COUNT, the spacing or the list item).
 */
public final class VarySpec {
    /** How the values were written; a log range is drawn on a log axis. */
    public enum Spacing { LIST, LINEAR, LOG }

    public static final int MAX_COUNT = 100_000;
    static final String FORMS = "expected PATH=[A, B, ...], PATH=FROM..TO:COUNT or PATH=FROM..TO:COUNT:log, e.g. inputs.0.amplitude=0 nA..10 nA:41";
    private static final Pattern RANGE = Pattern.compile("(.*?)\\.\\.(.*?)(?::([^:]*))?(?::([^:]*))?");
    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*\\*?\\s*(\\S*)\\s*");

    private final String option;
    private final String path;
    private final Spacing spacing;
    private final List<String> texts;
    private final double[] display;
    private final double[] si;
    private final Dimension dimension;
    private final String displayUnit;
    private final double displayScale;

    private VarySpec(String option, String path, Spacing spacing, List<String> texts, double[] display, Dimension dimension,
                     String displayUnit, double displayScale) {
        this.option = option;
        this.path = path;
        this.spacing = spacing;
        this.texts = List.copyOf(texts);
        this.display = display;
        this.dimension = dimension;
        this.displayUnit = displayUnit;
        this.displayScale = displayScale;
        this.si = new double[texts.size()];
        for (int k = 0; k < si.length; k++) si[k] = dimension == null ? Double.NaN : Units.parse(text(k), dimension, path);
    }

    public static VarySpec parse(String text) {
        String option = "--vary " + text;
        int eq = text.indexOf('=');
        if (eq < 0) throw bad(option, FORMS);
        String path = text.substring(0, eq).strip();
        if (path.isEmpty()) throw bad(option, "PATH before '=' is empty; " + FORMS);
        String values = text.substring(eq + 1).strip();
        if (values.startsWith("[")) return list(option, path, values);
        Matcher m = RANGE.matcher(values);
        if (!m.matches()) throw bad(option, FORMS);
        return range(option, path, m);
    }

    private static VarySpec list(String option, String path, String values) {
        if (!values.endsWith("]")) throw bad(option, "the list '" + values + "' has no closing ']'");
        String inner = values.substring(1, values.length() - 1);
        if (inner.isBlank()) throw bad(option, "the list is empty");
        String[] items = inner.split(",", -1);
        String unit = null;
        int firstWord = -1;
        int firstNumber = -1;
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) throw bad(option, "item " + (i + 1) + " of the list is empty");
            Matcher u = NUMBER.matcher(item);
            if (!u.matches()) {
                if (firstWord < 0) firstWord = i;
                continue;
            }
            if (firstNumber < 0) firstNumber = i;
            if (unit == null && !u.group(1).isEmpty()) unit = u.group(1);
        }
        if (firstWord >= 0 && firstNumber >= 0) {
            throw bad(option, "item " + (firstWord + 1) + " '" + items[firstWord].strip() + "' is not a number with a unit, but item "
                    + (firstNumber + 1) + " '" + items[firstNumber].strip() + "' is; a list holds numbers or words, not both");
        }
        List<String> texts = new ArrayList<>();
        if (firstWord >= 0) {
            for (String item : items) texts.add(item.strip());
            return new VarySpec(option, path, Spacing.LIST, texts, new double[items.length], null, "", 1);
        }
        Dimension dim = dimensionOf(option, unit, "item", items);
        double scale = unit == null ? 1 : Units.parse("1 " + unit, dim, "item");
        double[] display = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            Matcher u = NUMBER.matcher(item);
            u.matches();
            String typed = u.group(1).isEmpty() && unit != null ? item + " " + unit : item;
            try {
                display[i] = round12(Units.parse(typed, dim, "item " + (i + 1)) / scale);
            } catch (UnitException e) {
                throw bad(option, e.getMessage());
            }
            // the item as typed goes into the scenario, so it is parsed exactly as a value in the file would be
            texts.add(dim == Dimension.DIMENSIONLESS ? number(display[i]) : typed);
        }
        return new VarySpec(option, path, Spacing.LIST, texts, display, dim, unit == null ? "" : unit, scale);
    }

    private static VarySpec range(String option, String path, Matcher m) {
        String fromText = m.group(1).strip();
        String toText = m.group(2).strip();
        if (m.group(3) == null) throw bad(option, "no ':COUNT' after TO '" + toText + "'; " + FORMS);
        String countText = m.group(3).strip();
        if (!countText.matches("\\d{1,9}")) throw bad(option, "COUNT '" + countText + "' is not a whole number in [1, " + MAX_COUNT + "]");
        int count = Integer.parseInt(countText);
        if (count < 1 || count > MAX_COUNT) throw bad(option, "COUNT must be in [1, " + MAX_COUNT + "], got " + count);
        Spacing spacing = Spacing.LINEAR;
        if (m.group(4) != null) {
            String word = m.group(4).strip();
            if (word.equals("log")) spacing = Spacing.LOG;
            else if (!word.equals("lin")) throw bad(option, "'" + word + "' after COUNT: the spacing is 'log' or 'lin' (the default)");
        }
        if (fromText.isEmpty()) throw bad(option, "FROM before '..' is empty");
        Matcher u = NUMBER.matcher(fromText);
        if (!u.matches()) throw bad(option, "FROM '" + fromText + "' is not a number with a unit");
        Matcher toUnit = NUMBER.matcher(toText);
        if (!toUnit.matches()) throw bad(option, "TO '" + toText + "' is not a number with a unit");
        String unit = u.group(1);
        if (unit.isEmpty() && !toUnit.group(1).isEmpty()) {
            // "0..10 nA": the unit written once, after TO, is meant for both ends
            unit = toUnit.group(1);
            fromText = fromText + " " + unit;
        }
        Dimension dim = dimensionOf(option, unit.isEmpty() ? null : unit, "FROM", new String[] {fromText});
        double from;
        double to;
        double scale;
        try {
            from = Units.parse(fromText, dim, "FROM");
            to = Units.parse(toText, dim, "TO");
            scale = unit.isEmpty() ? 1 : Units.parse("1 " + unit, dim, "FROM");
        } catch (UnitException e) {
            throw bad(option, e.getMessage());
        }
        if (spacing == Spacing.LOG) {
            if (from == 0 || !Double.isFinite(from)) throw bad(option, "FROM '" + fromText + "': a log range needs FROM and TO finite and not 0");
            if (to == 0 || !Double.isFinite(to)) throw bad(option, "TO '" + toText + "': a log range needs FROM and TO finite and not 0");
            if ((from > 0) != (to > 0)) throw bad(option, "TO '" + toText + "' has the other sign than FROM '" + fromText + "'; a log range cannot cross 0");
        }
        double a = from / scale;
        double b = to / scale;
        double[] display = new double[count];
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double v;
            if (count == 1 || k == 0) v = a;
            else if (k == count - 1) v = b;
            else if (spacing == Spacing.LOG) v = a * Math.pow(b / a, (double) k / (count - 1));
            else v = a + (b - a) * k / (count - 1);
            display[k] = round12(v);
            String n = number(display[k]);
            texts.add(dim == Dimension.DIMENSIONLESS ? n : n + " " + unit);
        }
        return new VarySpec(option, path, spacing, texts, display, dim, unit, scale);
    }

    private static Dimension dimensionOf(String option, String unit, String token, String[] items) {
        if (unit == null) return Dimension.DIMENSIONLESS;
        Dimension dim = Units.dimensionOf(unit);
        if (dim == null) {
            String where = token;
            for (int i = 0; i < items.length; i++) {
                Matcher u = NUMBER.matcher(items[i].strip());
                if (u.matches() && u.group(1).equals(unit)) {
                    where = token.equals("item") ? "item " + (i + 1) + " '" + items[i].strip() + "'" : token + " '" + items[i].strip() + "'";
                    break;
                }
            }
            throw bad(option, "unknown unit '" + unit + "' in " + where);
        }
        return dim;
    }

    /** 12 significant digits, so that 0..10:41 gives 1.5, not 1.5000000000000002. */
    private static double round12(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    /** A plain number as a user would type it: 1.5, 3, 0.0001. */
    static String number(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static ScenarioException bad(String option, String problem) {
        return new ScenarioException(option, null, null, problem);
    }

    /** How the user wrote this option: {@code --vary PATH=...}, for errors. */
    public String option() { return option; }

    public String path() { return path; }

    public Spacing spacing() { return spacing; }

    public int count() { return texts.size(); }

    /** Whether the values are words (a list such as {@code [float32, fixed]}), not quantities. */
    public boolean words() { return dimension == null; }

    /** The dimension of the values, or null for words. */
    public Dimension dimension() { return dimension; }

    /** The unit values are shown in (FROM's, or the list's first), "" for plain numbers and words. */
    public String displayUnit() { return displayUnit; }

    /** SI value of one display unit (1e-9 for nA). */
    public double displayScale() { return displayScale; }

    /** The k-th value as the user would write it ("1.5 nA", "3", "fixed"): what goes into the scenario. */
    public String text(int k) { return texts.get(k); }

    /** The k-th value in the display unit, rounded to 12 digits; NaN for a word. */
    public double displayValue(int k) { return dimension == null ? Double.NaN : display[k]; }

    /** The k-th value in SI units, parsed from {@link #text} like a value in the file; NaN for a word. */
    public double value(int k) { return si[k]; }

    /** The smallest and largest value in SI units (NaN for words), e.g. for an analytic curve across the sweep. */
    public double min() { return java.util.Arrays.stream(si).min().orElse(Double.NaN); }

    public double max() { return java.util.Arrays.stream(si).max().orElse(Double.NaN); }

    /** Axis and column title such as "inputs.0.amplitude (nA)". */
    public String axisTitle() {
        return displayUnit.isEmpty() ? path : path + " (" + displayUnit + ")";
    }
}
