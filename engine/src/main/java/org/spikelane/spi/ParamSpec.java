package org.spikelane.spi;

import java.util.List;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Declaration of one plugin (or model) parameter. Validation, the CLI's {@code plugins} listing
 * and the docs are all generated from these declarations.
 *
 * @param defaultValue SI value ({@code Double}), choice ({@code String}), or {@code null} if the
 *                     parameter is required; {@code NaN} means optional, derived from others when
 *                     absent (the doc says how)
 */
public record ParamSpec(String name, Kind kind, Dimension dimension, Object defaultValue,
                        Range range, List<String> choices, String doc) {

    /** How a parameter's value is given. */
    public enum Kind {
        /** One number with a unit. */
        QUANTITY,
        /** One number with a unit for all neurons, or one per target neuron (a list). */
        PER_NEURON,
        /** One of a fixed set of words. */
        CHOICE,
        /** A whole number (counts, seeds), no unit. */
        INTEGER,
        /** Nested keys interpreted by the plugin itself (e.g. a pulse's event schedule). */
        STRUCTURE
    }

    public static ParamSpec quantity(String name, Dimension dim, Double defaultSi, Range range, String doc) {
        return new ParamSpec(name, Kind.QUANTITY, dim, defaultSi, range, List.of(), doc);
    }

    public static ParamSpec perNeuron(String name, Dimension dim, Double defaultSi, Range range, String doc) {
        return new ParamSpec(name, Kind.PER_NEURON, dim, defaultSi, range, List.of(), doc);
    }

    public static ParamSpec choice(String name, String defaultChoice, List<String> choices, String doc) {
        return new ParamSpec(name, Kind.CHOICE, Dimension.DIMENSIONLESS, defaultChoice, Range.any(), choices, doc);
    }

    public static ParamSpec integer(String name, Long defaultValue, Range range, String doc) {
        return new ParamSpec(name, Kind.INTEGER, Dimension.DIMENSIONLESS,
                defaultValue == null ? null : defaultValue.doubleValue(), range, List.of(), doc);
    }

    public static ParamSpec structure(String name, boolean required, String doc) {
        return new ParamSpec(name, Kind.STRUCTURE, Dimension.DIMENSIONLESS, required ? null : "", Range.any(), List.of(), doc);
    }

    public boolean required() { return defaultValue == null; }

    /** The default as text with its unit, e.g. "2 ms", or "required". */
    public String defaultText() {
        if (defaultValue == null) return "required";
        if (defaultValue instanceof Double d) {
            if (d.isNaN()) return "derived";
            return kind == Kind.INTEGER ? Long.toString(d.longValue()) : Units.format(d, dimension);
        }
        String s = defaultValue.toString();
        return s.isEmpty() ? "none" : s;
    }
}
