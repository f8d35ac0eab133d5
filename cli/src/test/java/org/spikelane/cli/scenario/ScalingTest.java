package org.spikelane.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/** {@code scale} on examples/microcircuit.yaml, checked against the reference's rule computed here from its published facts. */
class ScalingTest {
    private static final Path MICROCIRCUIT = Path.of("..", "examples", "microcircuit.yaml");
    private static final int[] N = {20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948};

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Scenario s, String list, int k) {
        return (Map<String, Object>) ((List<Object>) s.root().get(list)).get(k);
    }

    @Test
    void theTenPercentModelFollowsTheReferencesScalingRule() {
        Scenario s = Scenario.load(MICROCIRCUIT, List.of("scale.neurons=0.1", "scale.indegree=0.1"));
        for (int i = 0; i < N.length; i++) assertEquals(Math.round(N[i] * 0.1), ((Number) item(s, "populations", i).get("size")).longValue());
        // the first projection is L23E -> L23E, p = 0.1009: n = ln(1 - p) / ln(1 - 1 / N^2), times 0.1 * 0.1
        double full = Math.log(1 - 0.1009) / Math.log(1 - 1.0 / ((double) N[0] * N[0]));
        @SuppressWarnings("unchecked")
        Map<String, Object> connect = (Map<String, Object>) item(s, "projections", 0).get("connect");
        assertEquals(Math.round(Math.round(full) * 0.01), ((Number) connect.get("n")).longValue());
        // weights grow by 1 / sqrt(0.1): 87.8085 pA (a 0.15 mV PSP) becomes 277.675 pA
        @SuppressWarnings("unchecked")
        Map<String, Object> normal = (Map<String, Object>) ((Map<String, Object>) item(s, "projections", 0).get("weight")).get("normal");
        assertEquals(87.8085e-12 / Math.sqrt(0.1), Units.parse((String) normal.get("mean"), Dimension.CURRENT, "w"), 1e-16);

        // L23E's lost input, by hand: (1 - sqrt 0.1) tau_syn sum_j w_j K_j r_j, K_j = -ln(1 - p_j) / ln(1 - 1/(N_0 N_j)) / N_0
        double[] p = {0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0};
        double[] r = {0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829};
        double psc = 585.3899e-12; // A per mV of PSP: the peak of a 0.5 ms exponential current's PSP on 10 ms, 250 pF
        double[] w = {0.15 * psc, -0.6 * psc, 0.3 * psc, -0.6 * psc, 0.15 * psc, -0.6 * psc, 0.15 * psc, -0.6 * psc};
        double sum = 0;
        for (int j = 0; j < 8; j++) {
            if (p[j] == 0) continue;
            long n = Math.round(Math.log(1 - p[j]) / Math.log(1 - 1.0 / ((double) N[0] * N[j])));
            sum += w[j] * ((double) n / N[0]) * r[j];
        }
        double expected = (1 - Math.sqrt(0.1)) * 0.5e-3 * sum;
        Map<String, Object> dc = item(s, "inputs", 8); // appended after the eight background inputs
        assertEquals("bias", dc.get("type"));
        assertEquals("L23E", dc.get("target"));
        assertEquals(expected, Units.parse((String) dc.get("amplitude"), Dimension.CURRENT, "a"), 1e-4 * Math.abs(expected));
        assertEquals(-355.2e-12, expected, 0.1e-12, "the number a reader can check by hand");
    }

    @Test
    void theUnscaledModelIsLeftAlone() {
        Scenario s = Scenario.load(MICROCIRCUIT, List.of());
        assertEquals(20683L, ((Number) item(s, "populations", 0).get("size")).longValue());
        assertEquals(8, ((List<?>) s.root().get("inputs")).size());
    }

    private String error(String yaml, String... sets) throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        String m = assertThrows(ScenarioException.class, () -> Scenario.load(f, List.of(sets))).getMessage();
        assertTrue(!m.strip().contains("\n"), m);
        return m;
    }

    @Test
    void scalingWhatItCannotScaleIsAOneLineError() throws Exception {
        String base = """
                duration: 10 ms
                scale: {neurons: 0.5, indegree: 0.5}
                populations: [{name: a, size: 10, full_scale_rate: 1 Hz}]
                projections: [{from: a, to: a, synapse: exp_current, params: {tau_syn: 1 ms}, weight: 1 pA, connect: %s}]
                """;
        assertTrue(error(base.formatted("{rule: probability, p: 0.1}")).contains("rule total_number"));
        assertTrue(error(base.formatted("{rule: total_number, n: 10}"), "scale.neurons=0").contains("must be > 0"));
        assertTrue(error(base.formatted("{rule: total_number, n: 10}").replace(", full_scale_rate: 1 Hz", "")).contains("full_scale_rate"));
        assertTrue(error(base.formatted("{rule: total_number, n: 10}").replace("params: {tau_syn: 1 ms}, ", "")).contains("tau_syn"));
        assertTrue(error(base.formatted("{rule: total_number, n: 10}"), "scale.size=2").contains("unknown key 'size'"));
    }
}
