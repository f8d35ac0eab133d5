package org.spikelane.cli.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.spi.Suggest;

/**
 * Named neuron ranges of the populations ({@code groups: {E: 0..3199, I: 3200..3999}}, Brian2's
 * {@code P[:3200]}): a scenario names a range once and uses the name in {@code connect.pre/post},
 * in an input's or a recording's {@code neurons}; the plots colour and title neurons by it. The
 * engine never sees the names: they are resolved here into index ranges.
 */
public final class NeuronGroups {
    /** Neurons {@code from} to {@code to - 1}. */
    public record Range(int from, int to) {
        public int size() { return to - from; }

        public boolean contains(int neuron) { return neuron >= from && neuron < to; }

        /** As a scenario writes it: "3200..3999" (both ends included). */
        @Override public String toString() { return from + ".." + (to - 1); }
    }

    private final Map<String, Map<String, Range>> byPopulation = new LinkedHashMap<>();

    private NeuronGroups() {}

    /** No groups: for a simulation built in Java. */
    public static NeuronGroups none() {
        return new NeuronGroups();
    }

    /** Reads and checks every population's {@code groups}. */
    public static NeuronGroups of(Scenario scenario) {
        NeuronGroups out = new NeuronGroups();
        Tree tree = scenario.tree();
        SourceMap sources = scenario.sources();
        List<Object> pops = tree.list(scenario.root().get("populations"), "populations");
        for (int i = 0; i < pops.size(); i++) {
            String path = "populations." + i;
            if (!(pops.get(i) instanceof Map<?, ?> raw) || !raw.containsKey("groups")) continue;
            Map<String, Object> pop = tree.map(raw, path);
            String name = tree.text(tree.required(pop, "name", path), path + ".name");
            long size = tree.integer(tree.required(pop, "size", path), path + ".size", 1, Integer.MAX_VALUE, " (neurons are indexed by int)");
            Map<String, Object> groups = tree.map(pop.get("groups"), path + ".groups");
            Map<String, Range> ranges = new LinkedHashMap<>();
            for (Map.Entry<String, Object> g : groups.entrySet()) {
                String gPath = path + ".groups." + g.getKey();
                if (!g.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || g.getKey().equals("all")) {
                    throw sources.error(gPath, "a group name is a word of letters, digits and '_' that is not 'all', got '" + g.getKey() + "'");
                }
                Range r = parse(g.getValue(), (int) size, gPath, sources);
                for (Map.Entry<String, Range> other : ranges.entrySet()) {
                    Range o = other.getValue();
                    if (r.from < o.to && o.from < r.to) {
                        throw sources.error(gPath, r + " overlaps group '" + other.getKey() + "' (" + o + "); groups may not share neurons");
                    }
                }
                ranges.put(g.getKey(), r);
            }
            out.byPopulation.put(name, ranges);
        }
        return out;
    }

    /** "A..B" (both included) or one index N, within {@code [0, size)}. */
    private static Range parse(Object value, int size, String path, SourceMap sources) {
        String why = " (neurons FIRST..LAST, both included, e.g. 0..3199, or one index)";
        long from;
        long last;
        if (value instanceof Number n) {
            java.math.BigInteger whole = Tree.wholeNumber(n);
            if (whole == null || whole.bitLength() > 62) throw sources.error(path, "expected a range, got " + Tree.describe(value) + why);
            from = last = whole.longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,18}\\s*\\.\\.\\s*-?\\d{1,18}")) {
            String[] ends = s.strip().split("\\s*\\.\\.\\s*");
            from = Long.parseLong(ends[0]);
            last = Long.parseLong(ends[1]);
        } else {
            throw sources.error(path, "expected a range, got " + Tree.describe(value) + why);
        }
        if (from < 0 || last >= size) {
            throw sources.error(path, "range " + from + ".." + last + " must lie within 0.." + (size - 1) + " (the population's neurons)");
        }
        if (last < from) throw sources.error(path, "range " + from + ".." + last + " is empty; its last neuron is before its first");
        return new Range((int) from, (int) last + 1);
    }

    /** The groups of {@code population} in the order written (empty if it has none). */
    public Map<String, Range> of(String population) {
        return byPopulation.getOrDefault(population, Map.of());
    }

    /** The name of the group holding {@code neuron}, or null. */
    public String groupOf(String population, int neuron) {
        for (Map.Entry<String, Range> g : of(population).entrySet()) if (g.getValue().contains(neuron)) return g.getKey();
        return null;
    }

    /** The range a group name stands for, or a located error listing the population's groups. */
    public Range range(String population, String group, String path, SourceMap sources) {
        Range r = of(population).get(group);
        if (r != null) return r;
        Map<String, Range> known = of(population);
        if (known.isEmpty()) {
            throw sources.error(path, "'" + group + "' is not a group of population '" + population
                    + "', which has none; expected neuron indices, one index, 'all' or a group name (groups: {NAME: FIRST..LAST})");
        }
        throw sources.error(path, "unknown group '" + group + "' of population '" + population + "'"
                + Suggest.didYouMean(group, known.keySet()) + "; its groups: " + String.join(", ", known.keySet()));
    }

    /**
     * Neuron indices as an input or a recording gives them: a group name, or what
     * {@link Tree#neurons} reads (a list, one index, absent or "all"; null = every neuron).
     */
    public int[] neurons(Tree tree, Object value, String population, String path) {
        if (value instanceof String name && !name.equals("all")) {
            Range r = range(population, name, path, tree.sources());
            int[] out = new int[r.size()];
            for (int k = 0; k < out.length; k++) out[k] = r.from + k;
            return out;
        }
        return tree.neurons(value, path);
    }

    /**
     * A connect mapping with {@code pre}/{@code post} group names replaced by the half-open
     * {@code {from, to}} the engine reads; anything else is left as it is, for the engine to check.
     */
    public Map<String, Object> connect(Map<String, Object> connect, String from, String to, String path, SourceMap sources) {
        Map<String, Object> out = new LinkedHashMap<>(connect);
        for (String side : List.of("pre", "post")) {
            if (out.get(side) instanceof String name) {
                Range r = range(side.equals("pre") ? from : to, name, path + "." + side, sources);
                out.put(side, Map.of("from", r.from, "to", r.to));
            }
        }
        return out;
    }
}
