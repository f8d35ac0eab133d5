package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds JMH result entries as JMH's JSON writer lays them out, for the report tests. */
final class JmhJson {
    private JmhJson() {}

    static JmhResult result(String benchmark, Map<String, String> params, double score, double error, String unit,
                            int forks, String secondary) {
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.isEmpty() ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
        String json = """
                {"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":%d,
                 "jvm":"/jdk/bin/java","jvmArgs":["--add-modules","jdk.incubator.vector"],"jdkVersion":"25.0.3",
                 "vmName":"OpenJDK 64-Bit Server VM","vmVersion":"25.0.3+9-LTS","warmupIterations":3,
                 "warmupTime":"1 s","measurementIterations":4,"measurementTime":"1 s","params":{%s},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"%s"},"secondaryMetrics":{%s}}
                """.formatted(benchmark, forks, p, score, Double.isNaN(error) ? "\"NaN\"" : error, unit,
                secondary == null ? "" : secondary);
        try {
            return JmhResult.parse(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The four LIF step configurations at one N: float32/fixed x vector/scalar, ns per step. */
    static List<JmhResult> lifStep(int n, double f32Vector, double f32Scalar, double fixedVector, double fixedScalar) {
        List<JmhResult> out = new ArrayList<>();
        double[] scores = {f32Vector, f32Scalar, fixedVector, fixedScalar};
        String[][] keys = {{"float32", "vector"}, {"float32", "scalar"}, {"fixed", "vector"}, {"fixed", "scalar"}};
        for (int i = 0; i < 4; i++) {
            out.add(result("org.spikelane.bench.LifStepBenchmark.kernelOnly",
                    Map.of("n", String.valueOf(n), "precision", keys[i][0], "kernel", keys[i][1]),
                    scores[i], scores[i] / 10, "ns/op", 3, null));
        }
        return out;
    }
}
