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
 *       simulated seconds; otherwise one operation is one step of {@code dt} (parameter
 *       {@code dt} in ms, default 0.1 ms) times parameter {@code steps} (default 1).
 * </ul>
 */
public final class Figures {
    private Figures() {}

    /** The default time step of DESIGN.md, used when a network result has no {@code dt} parameter. */
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
        double dt = DEFAULT_DT_SECONDS;
        String dtParam = r.param("dt");
        if (dtParam != null) dt = parseMillis(dtParam, "dt") * 1e-3;
        String steps = r.param("steps");
        return steps == null ? dt : dt * parsePositive(steps, "steps");
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
