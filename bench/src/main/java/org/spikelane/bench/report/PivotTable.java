package org.spikelane.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of one benchmark method of one run: a row per parameter set (N first), a column per
 * precision and kernel found, then the ratios that matter: {@code scalar / vector} per precision
 * and {@code fixed / float32} of the vector kernels. Ratios are of cost (time per unit of work),
 * taken only within the run the table comes from.
 */
public final class PivotTable {
    private PivotTable() {}

    static final String PRECISION = "precision";
    static final String KERNEL = "kernel";
    private static final List<String> PRECISION_ORDER = List.of("float32", "fixed");
    private static final List<String> KERNEL_ORDER = List.of("vector", "scalar");

    /** Markdown for {@code results}, which all share one benchmark method and one run. */
    public static String render(Category category, List<JmhResult> results) {
        Set<String> names = new TreeSet<>();
        results.forEach(r -> names.addAll(r.params().keySet()));
        Map<String, String> constant = new LinkedHashMap<>();
        List<String> rowParams = new ArrayList<>();
        if (names.contains("n")) rowParams.add("n");
        for (String name : names) {
            if (name.equals("n") || name.equals(PRECISION) || name.equals(KERNEL)) continue;
            Set<String> values = new LinkedHashSet<>();
            results.forEach(r -> values.add(String.valueOf(r.param(name))));
            if (values.size() == 1) constant.put(name, values.iterator().next());
            else rowParams.add(name);
        }
        List<String> precisions = ordered(results, PRECISION, PRECISION_ORDER);
        List<String> kernels = ordered(results, KERNEL, KERNEL_ORDER);

        Map<List<String>, Map<List<String>, JmhResult>> rows = new LinkedHashMap<>();
        results.stream().sorted(rowOrder(rowParams)).forEach(r -> rows
                .computeIfAbsent(rowParams.stream().map(r::param).toList(), k -> new LinkedHashMap<>())
                .put(List.of(String.valueOf(r.param(PRECISION)), String.valueOf(r.param(KERNEL))), r));

        List<List<String>> columns = new ArrayList<>();
        for (String p : precisions) for (String k : kernels) {
            List<String> key = List.of(p, k);
            if (rows.values().stream().anyMatch(m -> m.containsKey(key))) columns.add(key);
        }
        List<String[]> ratios = ratioColumns(precisions, kernels, columns);
        boolean forksVary = results.stream().map(JmhResult::forks).distinct().count() > 1;

        List<String> header = new ArrayList<>();
        rowParams.forEach(p -> header.add(p.equals("n") ? "N" : p));
        for (List<String> c : columns) header.add(columnLabel(c, category));
        for (String[] r : ratios) header.add(r[2]);
        if (forksVary) header.add("forks");
        boolean[] right = new boolean[header.size()];
        for (int i = 0; i < right.length; i++) right[i] = i >= rowParams.size() || rowParams.get(i).equals("n");

        List<List<String>> body = new ArrayList<>();
        for (Map.Entry<List<String>, Map<List<String>, JmhResult>> row : rows.entrySet()) {
            List<String> cells = new ArrayList<>();
            row.getKey().forEach(v -> cells.add(v == null ? "-" : Markdown.param(v)));
            for (List<String> c : columns) {
                JmhResult r = row.getValue().get(c);
                cells.add(r == null ? "-" : cell(category, r));
            }
            for (String[] ratio : ratios) {
                JmhResult num = row.getValue().get(List.of(ratio[0].split(" ")));
                JmhResult den = row.getValue().get(List.of(ratio[1].split(" ")));
                cells.add(num == null || den == null ? "-" : Markdown.ratio(
                        Figures.cost(Figures.of(num, category), category) / Figures.cost(Figures.of(den, category), category)));
            }
            if (forksVary) {
                cells.add(row.getValue().values().stream().map(r -> r.forks() + (r.forks() < 3 ? " †" : ""))
                        .distinct().reduce((a, b) -> a + ", " + b).orElse("-"));
            }
            body.add(cells);
        }
        return heading(category, results, constant, forksVary) + "\n\n" + Markdown.table(header, right, body);
    }

    private static String cell(Category category, JmhResult r) {
        Value v = Figures.of(r, category);
        return category.measure == Category.Measure.PER_NEURON_STEP ? Markdown.fixed(v, 3) : Markdown.significant(v);
    }

    /** {numerator column, denominator column, label}; columns are "precision kernel" keys. */
    private static List<String[]> ratioColumns(List<String> precisions, List<String> kernels, List<List<String>> columns) {
        List<String[]> out = new ArrayList<>();
        for (String p : precisions) {
            if (columns.contains(List.of(p, "vector")) && columns.contains(List.of(p, "scalar"))) {
                out.add(new String[] {p + " scalar", p + " vector", (precisions.size() > 1 ? p + " " : "") + "scalar / vector"});
            }
        }
        if (precisions.contains("float32") && precisions.contains("fixed")) {
            for (String k : kernels) {
                if (columns.contains(List.of("fixed", k)) && columns.contains(List.of("float32", k))) {
                    out.add(new String[] {"fixed " + k, "float32 " + k,
                            "fixed / float32" + (kernels.size() > 1 ? " (" + k + ")" : "")});
                    break; // the fastest kernel present is the one that matters
                }
            }
        }
        return out;
    }

    private static String columnLabel(List<String> column, Category category) {
        String label = String.join(" ", column.stream().filter(s -> !s.equals("null")).toList());
        return label.isEmpty() ? category.figure : label;
    }

    private static String heading(Category category, List<JmhResult> results, Map<String, String> constant, boolean forksVary) {
        JmhResult first = results.getFirst();
        StringBuilder h = new StringBuilder(Markdown.code(first.shortName())).append(": ").append(category.figure);
        if (category.measure == Category.Measure.PER_NEURON_STEP) h.append(" (JMH time per op / N)");
        if (category.measure == Category.Measure.REAL_TIME_FACTOR) h.append("; ").append(Figures.simulatedBasis(first));
        if (!forksVary) {
            h.append("; ").append(first.forks()).append(first.forks() == 1 ? " fork" : " forks").append(" × ")
                    .append(first.measurementIterations()).append(first.measurementIterations() == 1 ? " iteration of " : " iterations of ").append(first.measurementTime());
            if (first.forks() < 3) h.append(" †");
        }
        constant.forEach((k, v) -> h.append("; ").append(k).append(" = ").append(Markdown.param(v)));
        return h.toString();
    }

    private static List<String> ordered(List<JmhResult> results, String param, List<String> preferred) {
        Set<String> present = new LinkedHashSet<>();
        results.forEach(r -> present.add(String.valueOf(r.param(param))));
        List<String> out = new ArrayList<>();
        preferred.stream().filter(present::contains).forEach(out::add);
        present.stream().filter(v -> !preferred.contains(v)).sorted().forEach(out::add);
        return out;
    }

    /** Rows sorted by N, then by the other row parameters (numbers numerically). */
    private static Comparator<JmhResult> rowOrder(List<String> rowParams) {
        Comparator<JmhResult> order = (a, b) -> 0;
        for (String p : rowParams) order = order.thenComparing(r -> String.valueOf(r.param(p)), PivotTable::compareValues);
        return order;
    }

    static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
