package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.ParameterException;

/** Rule total_number (NEST's fixed_total_number with multapses): the draw, the parallel build, the errors. */
class TotalNumberTest {
    private static final String OWNER = "projection 'a -> b'";
    private static final double DT = 1e-4;

    private static ConnectRule rule(Map<String, ?> connect, int pre, int post, boolean recurrent) {
        return ConnectRule.parse(connect, pre, post, recurrent, OWNER);
    }

    /**
     * Exactly n synapses; pre and post each uniform (chi-square over the neurons below its mean +
     * 5 s.d., mean = df, s.d. = sqrt(2 df)); multapses as often as independent draws make them:
     * n draws among M pairs hit M (1 - (1 - 1/M)^n) distinct ones on average, with variance below
     * that mean, so within 5 sqrt(mean).
     */
    @Test
    void exactlyNSynapsesWithUniformPreAndPostAndMultapses() {
        int pre = 50, post = 40, n = 200_000;
        Connections c = rule(Map.of("rule", "total_number", "n", n), pre, post, false).generate(RandomStream.root(4));
        assertEquals(n, c.count());
        assertTrue(chiSquare(c.pre(), pre, n) < (pre - 1) + 5 * Math.sqrt(2 * (pre - 1)));
        assertTrue(chiSquare(c.post(), post, n) < (post - 1) + 5 * Math.sqrt(2 * (post - 1)));

        int m = 4000;
        Connections few = rule(Map.of("rule", "total_number", "n", m), 50, 40, false).generate(RandomStream.root(5));
        Set<Long> pairs = new HashSet<>();
        for (int s = 0; s < m; s++) pairs.add(few.pre()[s] * 1000L + few.post()[s]);
        double expected = 2000 * (1 - Math.pow(1 - 1 / 2000.0, m));
        assertEquals(expected, pairs.size(), 5 * Math.sqrt(expected));
    }

    private static double chiSquare(int[] values, int bins, int n) {
        long[] count = new long[bins];
        for (int v : values) count[v]++;
        double e = n / (double) bins, chi = 0;
        for (long k : count) chi += (k - e) * (k - e) / e;
        return chi;
    }

    @Test
    void rangesAndAutapsesAreHonoured() {
        Connections c = rule(Map.of("rule", "total_number", "n", 5000, "autapses", false,
                "pre", Map.of("from", 3, "to", 9), "post", Map.of("from", 5, "to", 7)), 10, 10, true).generate(RandomStream.root(1));
        assertEquals(5000, c.count());
        for (int s = 0; s < c.count(); s++) {
            assertTrue(c.pre()[s] >= 3 && c.pre()[s] < 9 && c.post()[s] >= 5 && c.post()[s] < 7);
            assertTrue(c.pre()[s] != c.post()[s], "no autapse");
        }
    }

    /**
     * The parallel build (TotalNumberTable) gives the very table SynapseTable's own constructor
     * makes from the synapses drawn one by one, for 1, 2, 3 and 5 threads: short rows (insertion
     * sort, many delay groups) and long rows (packed sort, one delay).
     */
    @Test
    void theParallelBuildIsTheSequentialTableForAnyThreadCount() {
        Object weight = Map.of("normal", Map.of("mean", "1 nS", "sd", "1 nS", "low", "0 nS"));
        Object delay = Map.of("normal", Map.of("mean", "1.5 ms", "sd", "0.75 ms", "low", "0.05 ms"));
        ProjectionSpec many = new ProjectionSpec("a", 500, "b", 400, new TestSynapses.Log(), null, weight, delay,
                Map.of("rule", "total_number", "n", 300_000));
        ProjectionSpec longRows = new ProjectionSpec("a", 20, "b", 3000, new TestSynapses.Log(), null, weight, "1 ms",
                Map.of("rule", "total_number", "n", 200_000));
        for (var c : List.of(List.of(many, 500), List.of(longRows, 20))) {
            ProjectionSpec spec = (ProjectionSpec) c.get(0);
            int sources = (Integer) c.get(1);
            RandomStream stream = RandomStream.root(11).substream("projection").substream(2);
            ProjectionSpec.Synapses drawn = spec.draw(stream, DT, 0, Integer.MAX_VALUE);
            SynapseTable expected = new SynapseTable(sources, drawn.connections().pre(), drawn.connections().post(),
                    drawn.weights(), drawn.delaySteps());
            for (int threads : new int[] {1, 2, 3, 5}) {
                SynapseTable t = TotalNumberTable.build(spec, sources, DT, stream, threads);
                assertArrayEquals(expected.rowStarts(), t.rowStarts(), threads + " threads");
                assertArrayEquals(expected.targets(), t.targets(), threads + " threads");
                assertArrayEquals(expected.weights(), t.weights(), threads + " threads");
                assertEquals(expected.groups(), t.groups());
                for (int g = 0; g < t.groups(); g++) assertEquals(expected.delay(g), t.delay(g));
            }
        }
    }

    /**
     * Truncated normals (NEST's redraw): weights normal(1 nS, 1 nS) kept at or above 0 have the
     * truncated mean mu + sd phi(a) / (1 - Phi(a)) and variance sd^2 (1 + a lambda - lambda^2),
     * a = -1, lambda = phi(-1) / Phi(1) = 0.241971 / 0.841345 = 0.287600: mean 1.287600 nS,
     * s.d. 0.793534 nS; checked within 5 s.e. Delays normal(1.5 ms, 0.75 ms) kept at or above
     * 0.05 ms round to at least one step.
     */
    @Test
    void truncatedNormalsFollowTheTruncatedDistribution() {
        Network net = new Network(DT).plugins(TestSynapses.registry()).seed(3);
        net.addLif("a", 400, Map.of("E_L", "-70 mV", "v_init", "-70 mV"));
        net.connect("a", "a", "log", null, Map.of("normal", Map.of("mean", "1 nS", "sd", "1 nS", "low", "0 nS")),
                Map.of("normal", Map.of("mean", "1.5 ms", "sd", "0.75 ms", "low", "0.05 ms")),
                Map.of("rule", "total_number", "n", 200_000));
        SynapseTable t = net.build().projections().get(0).table();
        double sum = 0, sumSq = 0;
        for (float w : t.weights()) {
            assertTrue(w >= 0);
            sum += w;
            sumSq += (double) w * w;
        }
        int n = t.count();
        double mean = sum / n, sd = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(1.287600e-9, mean, 5 * 0.793534e-9 / Math.sqrt(n));
        assertEquals(0.793534e-9, sd, 0.01e-9);
        assertEquals(1, t.delay(0), "the shortest delay is one step");
    }

    @Test
    void aNetworkBuildsTheSameTotalNumberProjectionWithOneOrTwoThreads() {
        SynapseTable[] t = new SynapseTable[2];
        for (int k = 0; k < 2; k++) {
            Network net = new Network(DT).plugins(TestSynapses.registry()).seed(8).threads(k + 1);
            net.addLif("a", 3000, Map.of("E_L", "-70 mV", "v_init", "-70 mV"));
            net.connect("a", "a", "log", null, "1 nS", Map.of("uniform", Map.of("low", "0.1 ms", "high", "2 ms")),
                    Map.of("rule", "total_number", "n", 400_000));
            t[k] = net.build().projections().get(0).table();
        }
        assertArrayEquals(t[0].targets(), t[1].targets());
        assertArrayEquals(t[0].rowStarts(), t[1].rowStarts());
        assertEquals(400_000, t[0].count());
    }

    private static String error(Map<String, ?> connect, Object weight) {
        return assertThrows(ParameterException.class, () -> new ProjectionSpec("a", 10, "b", 10, new TestSynapses.Log(), null,
                weight, "1 ms", connect)).getMessage();
    }

    @Test
    void badTotalNumbersAreOneLineErrors() {
        for (String m : List.of(
                error(Map.of("rule", "total_number"), "1 nS"),
                error(Map.of("rule", "total_number", "n", -1), "1 nS"),
                error(Map.of("rule", "total_number", "n", 2.5), "1 nS"),
                error(Map.of("rule", "total_number", "n", 3e9), "1 nS"),
                error(Map.of("rule", "fixed_total_number", "N", 5), "1 nS"),
                error(Map.of("n", 5), "1 nS"),
                error(Map.of("rule", "total_number", "n", 5), List.of("1 nS", "2 nS")))) {
            assertTrue(!m.contains("\n"), m);
            assertTrue(m.startsWith(OWNER), m);
        }
        assertTrue(error(Map.of("rule", "total_number"), "1 nS").contains("'connect.n': is required"));
        assertTrue(error(Map.of("rule", "total_number", "n", -1), "1 nS").contains("[0, 2147483639]"));
        String onlySelf = assertThrows(ParameterException.class, () -> rule(Map.of("rule", "total_number", "n", 5, "autapses", false,
                "pre", Map.of("from", 2, "to", 3), "post", Map.of("from", 2, "to", 3)), 10, 10, true)).getMessage();
        assertTrue(onlySelf.contains("no (pre, post) pair"), onlySelf);
        assertTrue(error(Map.of("rule", "fixed_total_number", "N", 5), "1 nS").contains("NEST's fixed_total_number is rule: total_number with n"));
        assertTrue(error(Map.of("n", 5), "1 nS").contains("'n' belongs to rule: total_number"));
        assertTrue(error(Map.of("rule", "total_number", "n", 5), List.of("1 nS", "2 nS")).contains("'weight': must be one value or a distribution"));
    }
}
