package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spikelane.units.Dimension;

/**
 * A scenario's {@code scale: {neurons: x, indegree: y}}: the scaling rule of the Potjans-Diesmann
 * reference implementation, applied to the tree before the network is built.
 * <ul>
 *   <li>every population's size times {@code neurons} (rounded, at least 1);</li>
 *   <li>every projection (rule {@code total_number}) keeps its indegree times {@code indegree}:
 *       {@code n} times {@code neurons * indegree}, rounded;</li>
 *   <li>weights (projections and {@code poisson} inputs) divided by {@code sqrt(indegree)}, so the
 *       variance of the input stays as at full scale; a {@code poisson} input's rate (its number
 *       of sources) times {@code indegree};</li>
 *   <li>the mean input that this loses replaced by a DC current per target population (a
 *       {@code bias} input appended): {@code (1 - sqrt(indegree))} times the full-scale mean
 *       input, {@code sum of w tau_syn K r} over the target's projections (indegree
 *       {@code K = n / size} at full scale, {@code r} the source's {@code full_scale_rate}) and
 *       its {@code poisson} inputs ({@code w tau_syn rate}).</li>
 * </ul>
 * Needs exponential current synapses with {@code tau_syn} given and weights as currents (their
 * mean current per spike is {@code w tau_syn}). docs/scenario.md, "scale".
 */
final class Scaling {
    private Scaling() {}

    private static final List<String> KEYS = List.of("neurons", "indegree");
    private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(.*)", Pattern.DOTALL);

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> root, Tree tree) {
        if (!root.containsKey("scale")) return;
        Map<String, Object> scale = tree.map(root.get("scale"), "scale");
        Schema.checkKeys(scale, KEYS, "scale", tree.sources());
        double neurons = factor(scale, "neurons", tree);
        double indegree = factor(scale, "indegree", tree);
        if (neurons == 1 && indegree == 1) return;
        double weightFactor = 1 / Math.sqrt(indegree);
        double lost = 1 - Math.sqrt(indegree);

        Map<String, Long> fullSize = new LinkedHashMap<>();
        Map<String, Double> fullRate = new LinkedHashMap<>();
        List<Object> pops = tree.list(root.get("populations"), "populations");
        for (int i = 0; i < pops.size(); i++) {
            String path = "populations." + i;
            Map<String, Object> pop = tree.map(pops.get(i), path);
            String name = tree.text(tree.required(pop, "name", path), path + ".name");
            long size = tree.integer(tree.required(pop, "size", path), path + ".size");
            fullSize.put(name, size);
            if (pop.containsKey("full_scale_rate")) {
                fullRate.put(name, tree.quantity(pop.get("full_scale_rate"), Dimension.FREQUENCY, path + ".full_scale_rate"));
            }
            pop.put("size", Math.max(1, Math.round(size * neurons)));
        }

        Map<String, Double> meanInput = new LinkedHashMap<>(); // A, full scale, per target
        List<Object> projections = root.containsKey("projections") ? tree.list(root.get("projections"), "projections") : List.of();
        for (int i = 0; i < projections.size(); i++) {
            String path = "projections." + i;
            Map<String, Object> proj = tree.map(projections.get(i), path);
            Map<String, Object> connect = proj.containsKey("connect") ? tree.map(proj.get("connect"), path + ".connect") : Map.of();
            if (!"total_number".equals(connect.get("rule")) || connect.containsKey("pre") || connect.containsKey("post")) {
                throw tree.sources().error(path + ".connect", "scale needs whole-population projections of rule total_number");
            }
            long n = tree.integer(connect.get("n"), path + ".connect.n");
            connect.put("n", Math.round(n * neurons * indegree));
            if (indegree == 1) continue;
            String from = tree.text(proj.get("from"), path + ".from");
            String to = tree.text(proj.get("to"), path + ".to");
            double tauSyn = tauSyn(proj, "exp_current".equals(proj.get("synapse")), path, tree);
            double w = meanCurrent(proj.get("weight"), path + ".weight", tree);
            Double rate = fullRate.get(from);
            if (rate == null) {
                throw tree.sources().error(path + ".from", "scale with indegree != 1 needs population '" + from
                        + "' to give full_scale_rate (its rate at full scale, for the input the scaling takes away)");
            }
            Long size = fullSize.get(to);
            if (size == null) throw tree.sources().error(path + ".to", "no population '" + to + "'");
            meanInput.merge(to, w * tauSyn * rate * n / size, Double::sum);
            proj.put("weight", scaled(proj.get("weight"), weightFactor, path + ".weight", tree));
        }

        List<Object> inputs = root.containsKey("inputs") ? tree.list(root.get("inputs"), "inputs") : new ArrayList<>();
        if (indegree != 1) {
            for (int i = 0; i < inputs.size(); i++) {
                String path = "inputs." + i;
                Map<String, Object> input = tree.map(inputs.get(i), path);
                if (!"poisson".equals(input.get("type"))) continue;
                double tauSyn = tauSyn(input, true, path, tree);
                double w = meanCurrent(input.get("weight"), path + ".weight", tree);
                double rate = tree.quantity(input.get("rate"), Dimension.FREQUENCY, path + ".rate");
                meanInput.merge(tree.text(input.get("target"), path + ".target"), w * tauSyn * rate, Double::sum);
                input.put("rate", scaled(input.get("rate"), indegree, path + ".rate", tree));
                input.put("weight", scaled(input.get("weight"), weightFactor, path + ".weight", tree));
            }
            List<Object> grown = new ArrayList<>(inputs);
            for (var e : meanInput.entrySet()) {
                Map<String, Object> dc = new LinkedHashMap<>();
                dc.put("type", "bias");
                dc.put("target", e.getKey());
                dc.put("amplitude", String.format(Locale.ROOT, "%.17g A", lost * e.getValue()));
                grown.add(dc);
            }
            root.put("inputs", grown);
        }
    }

    private static double factor(Map<String, Object> scale, String key, Tree tree) {
        if (!scale.containsKey(key)) return 1;
        double f = tree.quantity(scale.get(key), Dimension.DIMENSIONLESS, "scale." + key);
        if (!(f > 0) || Double.isInfinite(f)) throw tree.sources().error("scale." + key, "must be > 0 and finite, got " + Tree.describe(scale.get(key)));
        return f;
    }

    private static double tauSyn(Map<String, Object> item, boolean exponential, String path, Tree tree) {
        Object params = item.containsKey("params") ? tree.map(item.get("params"), path + ".params").get("tau_syn") : item.get("tau_syn");
        if (!exponential || params == null) {
            throw tree.sources().error(path, "scale with indegree != 1 replaces lost input for exponential currents only:"
                    + " synapse exp_current (or a poisson input) with tau_syn given");
        }
        return tree.quantity(params, Dimension.TIME, path + ".tau_syn");
    }

    /** The mean of a weight given as a current: the value, a normal's mean (truncation aside, as the reference), a uniform's midpoint. */
    private static double meanCurrent(Object raw, String path, Tree tree) {
        if (raw instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            Map<String, Object> args = tree.map(e.getValue(), path + "." + e.getKey());
            if ("normal".equals(e.getKey())) return tree.quantity(args.get("mean"), Dimension.CURRENT, path + ".normal.mean");
            if ("uniform".equals(e.getKey())) {
                return (tree.quantity(args.get("low"), Dimension.CURRENT, path + ".uniform.low")
                        + tree.quantity(args.get("high"), Dimension.CURRENT, path + ".uniform.high")) / 2;
            }
        }
        return tree.quantity(raw, Dimension.CURRENT, path);
    }

    /** A value, or every number of a distribution, times {@code f}, its unit kept. */
    private static Object scaled(Object raw, double f, String path, Tree tree) {
        if (raw instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                Object v = e.getValue();
                out.put(String.valueOf(e.getKey()), v instanceof Map<?, ?> ? scaled(v, f, path + "." + e.getKey(), tree) : scaledValue(v, f, path + "." + e.getKey(), tree));
            }
            return out;
        }
        return scaledValue(raw, f, path, tree);
    }

    private static Object scaledValue(Object v, double f, String path, Tree tree) {
        if (v instanceof Number num) return num.doubleValue() * f;
        Matcher m = LEADING_NUMBER.matcher(String.valueOf(v));
        if (!(v instanceof String) || !m.matches()) throw tree.sources().error(path, "scale needs a number with a unit here, got " + Tree.describe(v));
        return String.format(Locale.ROOT, "%.17g", Double.parseDouble(m.group(1)) * f) + m.group(2);
    }
}
