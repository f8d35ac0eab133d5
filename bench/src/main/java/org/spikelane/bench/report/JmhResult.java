package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result (one benchmark method with one parameter set), reduced to what
 * the report needs. Nothing here knows about Spikelane: any JMH result parses.
 *
 * @param benchmark  fully qualified {@code Class.method}
 * @param params     JMH parameters, sorted by name
 * @param score      primary score in {@code unit}
 * @param error      JMH's 99.9 % confidence half-width, NaN when JMH could not compute one
 * @param secondary  secondary metrics by name (e.g. {@code @AuxCounters} fields, profilers)
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                        String unit, int forks, int warmupIterations, int measurementIterations,
                        String measurementTime, List<String> jvmArgs, String jdkVersion, String vmName,
                        String vmVersion, String jvm, Map<String, Metric> secondary) {

    /** A secondary metric: score, error and unit as JMH printed them. */
    public record Metric(double score, double error, String unit) {}

    /** Parses one element of the JSON array JMH writes with {@code -rf json}. */
    public static JmhResult parse(JsonNode node) {
        Map<String, String> params = new TreeMap<>();
        node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = node.path("primaryMetric");
        Map<String, Metric> secondary = new LinkedHashMap<>();
        node.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), metric(e.getValue())));
        List<String> jvmArgs = new ArrayList<>();
        node.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        Metric main = metric(primary);
        if (node.path("benchmark").asText().isEmpty() || main.unit().isEmpty()) {
            throw new IllegalArgumentException("not a JMH result entry (needs benchmark and primaryMetric.scoreUnit)");
        }
        return new JmhResult(node.path("benchmark").asText(), node.path("mode").asText(),
                Collections.unmodifiableMap(params), main.score(), main.error(), main.unit(),
                node.path("forks").asInt(), node.path("warmupIterations").asInt(),
                node.path("measurementIterations").asInt(), node.path("measurementTime").asText(),
                List.copyOf(jvmArgs), node.path("jdkVersion").asText(), node.path("vmName").asText(),
                node.path("vmVersion").asText(), node.path("jvm").asText(), Collections.unmodifiableMap(secondary));
    }

    private static Metric metric(JsonNode m) {
        // JMH writes "NaN" (a string) as the error of a single measured iteration
        return new Metric(number(m.path("score")), number(m.path("scoreError")), m.path("scoreUnit").asText());
    }

    private static double number(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? Double.NaN : n.asDouble(Double.NaN);
    }

    /** The simple class name, e.g. {@code LifStepBenchmark}. */
    public String className() {
        String cls = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The benchmark method, e.g. {@code kernelOnly}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** {@code Class.method}, the name tables and chart panels use. */
    public String shortName() {
        return className() + "." + method();
    }

    /** The value of parameter {@code name}, or null. */
    public String param(String name) {
        return params.get(name);
    }

    /** Parameter {@code n} (neurons) as a number, or -1 when absent or not an integer. */
    public long n() {
        String n = params.get("n");
        if (n == null) return -1;
        try {
            return Long.parseLong(n.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** This result's time per operation in seconds, whatever unit JMH used. */
    public Value secondsPerOp() {
        return ScoreUnit.secondsPerOp(score, error, unit);
    }
}
