package org.spikelane.cli.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * {@code --vary path=FROM..TO:COUNT}, e.g. {@code inputs.0.amplitude=0 nA..10 nA:41}: COUNT
 * evenly spaced values from FROM to TO inclusive, with the unit of FROM (TO must match it); a
 * bare FROM takes TO's unit ({@code 0..10 nA}).
 *
 * @param displayScale SI value of one FROM unit (1e-9 for nA), for axes in the user's unit
 */
public record VarySpec(String path, double from, double to, int count, Dimension dimension, String displayUnit,
                       double displayScale) {
    private static final Pattern SHAPE = Pattern.compile("(.+?)=(.+?)\\.\\.(.+):\\s*(\\d+)\\s*");
    private static final Pattern UNIT = Pattern.compile("\\s*[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*\\*?\\s*(\\S*)\\s*");

    public static VarySpec parse(String text) {
        String option = "--vary " + text;
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) throw bad(option, "expected PATH=FROM..TO:COUNT, e.g. inputs.0.amplitude=0 nA..10 nA:41");
        String path = m.group(1).strip();
        String fromText = m.group(2).strip();
        String toText = m.group(3).strip();
        int count = Integer.parseInt(m.group(4));
        if (count < 1 || count > 100_000) throw bad(option, "COUNT must be in [1, 100000], got " + count);
        Matcher u = UNIT.matcher(fromText);
        if (!u.matches()) throw bad(option, "FROM '" + fromText + "' is not a number with a unit");
        String unit = u.group(1);
        Matcher toUnit = UNIT.matcher(toText);
        if (!toUnit.matches()) throw bad(option, "TO '" + toText + "' is not a number with a unit");
        if (unit.isEmpty() && !toUnit.group(1).isEmpty()) {
            // "0..10 nA": the unit written once, after TO, is meant for both ends
            unit = toUnit.group(1);
            fromText = fromText + " " + unit;
        }
        Dimension dim = unit.isEmpty() ? Dimension.DIMENSIONLESS : Units.dimensionOf(unit);
        if (dim == null) throw bad(option, "unknown unit '" + unit + "' in FROM '" + fromText + "'");
        try {
            double from = Units.parse(fromText, dim, "FROM");
            double to = Units.parse(toText, dim, "TO");
            double scale = unit.isEmpty() ? 1 : Units.parse("1 " + unit, dim, "FROM");
            return new VarySpec(path, from, to, count, dim, unit, scale);
        } catch (UnitException e) {
            throw bad(option, e.getMessage());
        }
    }

    private static ScenarioException bad(String option, String problem) {
        return new ScenarioException(option, null, null, problem);
    }

    /** The k-th value in the unit of FROM, rounded to 12 digits so that 0..10:41 gives 1.5, not 1.5000000000000002. */
    public double displayValue(int k) {
        double a = from / displayScale;
        double b = to / displayScale;
        double v = count == 1 ? a : a + (b - a) * k / (count - 1);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    /** The k-th value as the user would write it ("1.5 nA"), so it is parsed exactly like a typed value. */
    public Object text(int k) {
        double v = displayValue(k);
        String number = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        if (dimension == Dimension.DIMENSIONLESS) return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : v;
        return number + " " + displayUnit;
    }

    /** The k-th value in SI units. */
    public double value(int k) {
        Object text = text(k);
        return text instanceof String s ? Units.parse(s, dimension, path) : ((Number) text).doubleValue();
    }

    /** Axis title such as "inputs.0.amplitude (nA)". */
    public String axisTitle() {
        return displayUnit.isEmpty() ? path : path + " (" + displayUnit + ")";
    }
}
