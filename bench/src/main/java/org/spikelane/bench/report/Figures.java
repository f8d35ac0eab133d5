package org.spikelane.bench.report;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a result into its category's figure. The conventions (also in docs/benchmarks.md):
 * <ul>
 *   <li>per neuron-step: one JMH operation is one step of {@code n} neurons, so time per op / n;
 *   <li>delivery: a secondary metric whose name contains "event" with a rate unit (an
 *       {@code @AuxCounters(OPERATIONS)} field) is events per second; otherwise one operation is
 *       one event ({@code @OperationsPerInvocation(events)}), so events per second = ops per second;
 *   <li>networks: a secondary metric whose name contains "simulated" with a rate unit counts
 *       simulated seconds; otherwise one operation is {@code steps} steps of {@code dt}: both from
 *       parameters of those names ({@code dt} in ms) when present, else from the benchmark
 *       class's static {@code STEPS} and {@code DT_MS} fields (read from the jar the report runs
 *       with), else 1 step of 0.1 ms (the usual {@code dt}, docs/semantics.md §1).
 * </ul>
 */
public final class Figures {
    private Figures() {}

    /** The usual time step (docs/semantics.md §1), used when a network result has no {@code dt} parameter. */
    static final double DEFAULT_DT_SECONDS = 1e-4;

    /** The figure of {@code r} in its category's unit; for {@link Category#GENERIC}, the raw score. */
    public static Value of(JmhResult r, Category c) {
        return switch (c.measure) {
            case PER_NEURON_STEP -> r.secondsPerOp().times(1e9 / r.n());
            case EVENTS_PER_SECOND -> rateMetric(r, "event").orElse(ScoreUnit.opsPerSecond(r.score(), r.error(), r.unit()));
            case REAL_TIME_FACTOR -> rateMetric(r, "simulated").orElse(
                    r.secondsPerOp().reciprocal().times(simulatedSecondsPerOp(r)));
            case RAW -> new Value(r.score(), r.error());
        };
    }

    /** Whether a larger figure is better (rates) rather than smaller (times). */
    public static boolean higherIsBetter(Category c) {
        return c.measure == Category.Measure.EVENTS_PER_SECOND || c.measure == Category.Measure.REAL_TIME_FACTOR;
    }

    /** The cost of a figure (time per unit of work), so ratios read the same way in every table. */
    public static double cost(Value v, Category c) {
        return higherIsBetter(c) ? 1 / v.value() : v.value();
    }

    private static java.util.Optional<Value> rateMetric(JmhResult r, String nameContains) {
        for (Map.Entry<String, JmhResult.Metric> e : r.secondary().entrySet()) {
            JmhResult.Metric m = e.getValue();
            if (e.getKey().toLowerCase(Locale.ROOT).contains(nameContains) && ScoreUnit.isRate(m.unit())) {
                return java.util.Optional.of(ScoreUnit.opsPerSecond(m.score(), m.error(), m.unit()));
            }
        }
        return java.util.Optional.empty();
    }

    private static double simulatedSecondsPerOp(JmhResult r) {
        return dtMillis(r) * 1e-3 * steps(r);
    }

    /** How a network result's simulated time per operation was found, for the table heading. */
    public static String simulatedBasis(JmhResult r) {
        if (rateMetric(r, "simulated").isPresent()) return "simulated time from the aux counter";
        return String.format(Locale.ROOT, "one op = %,.0f steps of %s ms", steps(r), dtMillis(r))
                + (r.param("steps") == null && staticField(r, "STEPS") != null ? " (" + r.className() + ".STEPS)" : "");
    }

    private static double dtMillis(JmhResult r) {
        if (r.param("dt") != null) return parseMillis(r.param("dt"), "dt");
        Number dt = staticField(r, "DT_MS");
        return dt != null ? dt.doubleValue() : DEFAULT_DT_SECONDS * 1e3;
    }

    private static double steps(JmhResult r) {
        if (r.param("steps") != null) return parsePositive(r.param("steps"), "steps");
        Number steps = staticField(r, "STEPS");
        return steps != null ? steps.doubleValue() : 1;
    }

    /**
     * A numeric static field of the benchmark class, or null when the class or field is not on
     * the class path (results of other projects, or of a benchmark since renamed).
     */
    private static Number staticField(JmhResult r, String name) {
        try {
            String cls = r.benchmark().substring(0, r.benchmark().lastIndexOf('.'));
            java.lang.reflect.Field f = Class.forName(cls, false, Figures.class.getClassLoader()).getDeclaredField(name);
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) return null;
            f.setAccessible(true);
            return f.get(null) instanceof Number n ? n : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static double parseMillis(String text, String name) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        double scale = 1;
        if (t.endsWith("ms")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("us")) { t = t.substring(0, t.length() - 2); scale = 1e-3; }
        else if (t.endsWith("s")) { t = t.substring(0, t.length() - 1); scale = 1e3; }
        return parsePositive(t, name) * scale;
    }

    private static double parsePositive(String text, String name) {
        try {
            double v = Double.parseDouble(text.strip());
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the same message as a non-positive value
        }
        throw new IllegalArgumentException("parameter " + name + ": '" + text + "' is not a positive number");
    }
}
