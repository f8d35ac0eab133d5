package org.spikelane.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Validated parameter values of one plugin instance (or population), resolved against the
 * owner's {@link ParamSpec}s. Raw values may be SI numbers, strings with units ("2 ms"),
 * lists or arrays (for {@link ParamSpec.Kind#PER_NEURON}), words (choices) or maps (structures).
 */
public final class Params {
    private final String owner;
    private final Map<String, Object> values;
    private final Map<String, ParamSpec> specs;
    private final java.util.Set<String> given;

    private Params(String owner, Map<String, ParamSpec> specs, Map<String, Object> values, java.util.Set<String> given) {
        this.owner = owner;
        this.specs = specs;
        this.values = values;
        this.given = given;
    }

    /**
     * Checks {@code raw} against {@code specs}: unknown keys, missing required values, units,
     * ranges and list lengths ({@code perNeuronSize}, or -1 to accept any length).
     *
     * @param owner e.g. "input 'sine'", used as the start of every error message
     */
    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, ?> raw, int perNeuronSize) {
        return resolve(owner, specs, raw, perNeuronSize, null);
    }

    /**
     * As {@link #resolve(String, List, Map, int)}, and PER_NEURON values may also be distributions
     * ({@code {normal: {mean, sd}}}, {@code {uniform: {low, high}}}), parameter {@code p} of neuron
     * {@code i} drawn at position (0, i) of {@code random.substream(p)} (see {@link Values#expand}).
     */
    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, ?> raw, int perNeuronSize,
                                 org.spikelane.random.RandomStream random) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) byName.put(s.name(), s);
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new ParameterException(owner, key, "unknown parameter" + Suggest.didYouMean(key, byName.keySet())
                        + "; known: " + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    throw new ParameterException(owner, spec.name(), "is required (" + describe(spec) + ")");
                }
                if (spec.kind() != ParamSpec.Kind.STRUCTURE) values.put(spec.name(), spec.defaultValue());
                continue;
            }
            if (spec.kind() == ParamSpec.Kind.PER_NEURON && Values.isDistribution(value)) {
                if (random == null || perNeuronSize < 0) {
                    throw new ParameterException(owner, spec.name(), "distributions are not accepted here");
                }
                value = Values.expand(value, spec.dimension(), perNeuronSize, random.substream(spec.name()), owner, spec.name());
            }
            values.put(spec.name(), convert(owner, spec, value, perNeuronSize));
        }
        return new Params(owner, byName, values, Collections.unmodifiableSet(new java.util.LinkedHashSet<>(raw.keySet())));
    }

    /**
     * These values with every per-neuron list reordered, entry {@code k} of the result being entry
     * {@code order[k]} of this one. The engine hands an input its target neurons ascending (so a
     * kernel can find a neuron range by binary search) and reorders the lists the user wrote in
     * the order of their {@code neurons} with this.
     */
    public Params reordered(int[] order) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if (e.getValue() instanceof double[] list && specs.get(e.getKey()).kind() == ParamSpec.Kind.PER_NEURON) {
                double[] moved = new double[list.length];
                for (int k = 0; k < moved.length; k++) moved[k] = list[order[k]];
                e.setValue(moved);
            }
        }
        return new Params(owner, specs, out, given);
    }

    private static String describe(ParamSpec spec) {
        return switch (spec.kind()) {
            case CHOICE -> "one of " + spec.choices();
            case STRUCTURE -> spec.doc();
            case INTEGER -> "a whole number " + spec.range().describe(Dimension.DIMENSIONLESS);
            default -> spec.dimension() == Dimension.DIMENSIONLESS ? "a number" : "a " + spec.dimension().label()
                    + " such as '" + spec.dimension().example() + "'";
        };
    }

    private static Object convert(String owner, ParamSpec spec, Object value, int perNeuronSize) {
        switch (spec.kind()) {
            case QUANTITY -> { return checked(owner, spec, number(owner, spec, value)); }
            case INTEGER -> {
                double d = number(owner, spec, value);
                if (d != Math.rint(d)) throw new ParameterException(owner, spec.name(), "must be a whole number, got " + value);
                return checked(owner, spec, d);
            }
            case PER_NEURON -> {
                List<?> list = asList(value);
                if (list == null) return checked(owner, spec, number(owner, spec, value));
                if (perNeuronSize >= 0 && list.size() != perNeuronSize) {
                    throw new ParameterException(owner, spec.name(), "list has " + list.size()
                            + " values but there are " + perNeuronSize + " target neurons");
                }
                double[] out = new double[list.size()];
                for (int i = 0; i < out.length; i++) out[i] = checked(owner, spec, number(owner, spec, list.get(i)));
                return out;
            }
            case CHOICE -> {
                String word = value.toString();
                if (!spec.choices().contains(word)) {
                    throw new ParameterException(owner, spec.name(), "'" + word + "' is not one of " + spec.choices()
                            + Suggest.didYouMean(word, spec.choices()));
                }
                return word;
            }
            case STRUCTURE -> { return value; }
        }
        throw new AssertionError(spec.kind());
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> l) return l;
        if (value instanceof double[] a) {
            List<Double> l = new ArrayList<>(a.length);
            for (double d : a) l.add(d);
            return l;
        }
        return null;
    }

    private static double number(String owner, ParamSpec spec, Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof String s) {
            try {
                return Units.parse(s, spec.dimension(), spec.name());
            } catch (org.spikelane.units.UnitException e) {
                throw new ParameterException(owner, spec.name(), e.problem());
            }
        }
        throw new ParameterException(owner, spec.name(), "expected " + describe(spec) + ", got " + value);
    }

    private static double checked(String owner, ParamSpec spec, double value) {
        // a parameter's own default is always accepted, so that the documented default (a step's
        // `stop: inf s`, outside its open range > 0 s) can also be written out
        boolean isDefault = spec.defaultValue() instanceof Double d && d == value;
        if (!isDefault && !spec.range().contains(value)) {
            throw new ParameterException(owner, spec.name(), "must be " + spec.range().describe(spec.dimension())
                    + ", got " + Units.format(value, spec.dimension()));
        }
        if (spec.kind() != ParamSpec.Kind.INTEGER) Values.checkFloatRange(value, spec.dimension(), owner, spec.name());
        return value;
    }

    /** E.g. "input 'sine'"; use it to start error messages of cross-parameter checks. */
    public String owner() { return owner; }

    /** A {@link ParameterException} for a check that involves this owner's parameters. */
    public ParameterException error(String parameter, String problem) {
        return new ParameterException(owner, parameter, problem);
    }

    /** Whether the user gave this parameter (as opposed to the default applying). */
    public boolean given(String name) { return given.contains(name); }

    /** SI value of a QUANTITY or INTEGER parameter, or of a PER_NEURON parameter given as one value. */
    public double get(String name) {
        Object v = lookup(name);
        if (v instanceof double[]) throw error(name, "expected one value, got a list");
        return (Double) v;
    }

    /** Whole-number parameter. */
    public long getLong(String name) { return (long) get(name); }

    /** Per-neuron values of a PER_NEURON parameter, the single value repeated {@code n} times if one was given. */
    public double[] perNeuron(String name, int n) {
        Object v = lookup(name);
        if (v instanceof double[] a) return a.clone();
        double[] out = new double[n];
        java.util.Arrays.fill(out, (Double) v);
        return out;
    }

    /** Whether a PER_NEURON parameter holds different values for different neurons. */
    public boolean isList(String name) { return lookup(name) instanceof double[]; }

    /** A CHOICE parameter's word. */
    public String choice(String name) { return (String) lookup(name); }

    /** A STRUCTURE parameter's raw value (maps, lists, strings), or null if absent. */
    public Object structure(String name) {
        spec(name);
        return values.get(name);
    }

    /** The declaration of a parameter. */
    public ParamSpec spec(String name) {
        ParamSpec s = specs.get(name);
        if (s == null) throw new IllegalArgumentException(owner + ": no parameter '" + name + "' is declared");
        return s;
    }

    private Object lookup(String name) {
        spec(name);
        return values.get(name);
    }
}
