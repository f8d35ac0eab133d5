package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spikelane.random.RandomStream;
import org.spikelane.spi.ParameterException;

class ConnectRuleTest {
    private static final String OWNER = "projection 'a -> b'";

    private static Connections draw(Map<String, ?> connect, int pre, int post, boolean recurrent, long seed) {
        return ConnectRule.parse(connect, pre, post, recurrent, OWNER).generate(RandomStream.root(seed));
    }

    @Test
    void allToAllMakesEveryPairOnceAndHonoursRangesAndAutapses() {
        Connections c = draw(Map.of("rule", "all_to_all", "pre", Map.of("from", 2, "to", 5), "post", Map.of("to", 4)), 10, 7, false, 1);
        assertEquals(3 * 4, c.count());
        Set<Long> seen = new HashSet<>();
        for (int s = 0; s < c.count(); s++) {
            assertTrue(c.pre()[s] >= 2 && c.pre()[s] < 5);
            assertTrue(c.post()[s] >= 0 && c.post()[s] < 4);
            assertTrue(seen.add(c.pre()[s] * 100L + c.post()[s]));
        }
        Connections noSelf = draw(Map.of("rule", "all_to_all", "autapses", false), 6, 6, true, 1);
        assertEquals(36 - 6, noSelf.count());
        for (int s = 0; s < noSelf.count(); s++) assertTrue(noSelf.pre()[s] != noSelf.post()[s]);
        assertEquals(36, draw(null, 6, 6, true, 1).count(), "default is all_to_all with autapses (Brian2 connect())");
        assertEquals(36, draw(Map.of(), 6, 6, true, 1).count());
    }

    @Test
    void oneToOneAndPairsAreExact() {
        Connections c = draw(Map.of("rule", "one_to_one", "pre", Map.of("from", 1, "to", 4), "post", Map.of("from", 5, "to", 8)), 4, 9, false, 1);
        assertArrayEquals(new int[] {1, 2, 3}, c.pre());
        assertArrayEquals(new int[] {5, 6, 7}, c.post());
        Connections p = draw(Map.of("rule", "pairs", "pairs", List.of(List.of(3, 0), List.of(0, 1), List.of(3, 0))), 4, 2, false, 1);
        assertArrayEquals(new int[] {3, 0, 3}, p.pre());
        assertArrayEquals(new int[] {0, 1, 0}, p.post());
    }

    @Test
    void probabilityCountsFollowTheBinomialOverManySeeds() {
        int n = 100;
        double p = 0.1;
        int seeds = 300;
        double sum = 0;
        double sumSq = 0;
        for (int seed = 0; seed < seeds; seed++) {
            int count = draw(Map.of("rule", "probability", "p", p), n, n, false, seed).count();
            sum += count;
            sumSq += (double) count * count;
        }
        double mean = sum / seeds;
        double var = (sumSq - seeds * mean * mean) / (seeds - 1);
        double expectedMean = n * n * p;
        double expectedVar = n * n * p * (1 - p);
        // mean: 4 standard errors; sample variance: sd = var * sqrt(2 / (seeds - 1))
        assertEquals(expectedMean, mean, 4 * Math.sqrt(expectedVar / seeds), "mean count");
        assertEquals(expectedVar, var, 4 * expectedVar * Math.sqrt(2.0 / (seeds - 1)), "variance of the count");
    }

    @Test
    void probabilityOnTheCubaScaleIsWithinFourSigmaAndEachPairIsEquallyLikely() {
        Connections c = draw(Map.of("rule", "probability", "p", 0.02, "pre", Map.of("from", 0, "to", 3200)), 4000, 4000, true, 7);
        double mean = 3200.0 * 4000 * 0.02;
        assertEquals(mean, c.count(), 4 * Math.sqrt(mean * 0.98));
        // post indices uniform: compare the first and second half of the target range
        long low = java.util.Arrays.stream(c.post()).filter(j -> j < 2000).count();
        assertEquals(c.count() / 2.0, low, 4 * Math.sqrt(c.count() * 0.25));
        for (int i : c.pre()) assertTrue(i < 3200);
    }

    @Test
    void probabilityOneWithoutAutapsesIsAllButTheDiagonal() {
        Connections c = draw(Map.of("rule", "probability", "p", 1, "autapses", false), 20, 20, true, 3);
        assertEquals(380, c.count());
        for (int s = 0; s < c.count(); s++) assertTrue(c.pre()[s] != c.post()[s]);
        Connections none = draw(Map.of("rule", "probability", "p", 0), 20, 20, true, 3);
        assertEquals(0, none.count());
    }

    @Test
    void autapsesCanBeExcludedFromProbability() {
        Connections c = draw(Map.of("rule", "probability", "p", 0.5, "autapses", false), 200, 200, true, 11);
        for (int s = 0; s < c.count(); s++) assertTrue(c.pre()[s] != c.post()[s]);
        Connections with = draw(Map.of("rule", "probability", "p", 0.5), 200, 200, true, 11);
        boolean anySelf = false;
        for (int s = 0; s < with.count(); s++) anySelf |= with.pre()[s] == with.post()[s];
        assertTrue(anySelf, "100 expected autapses at p = 0.5, none drawn");
    }

    @Test
    void inDegreeGivesEveryTargetExactlyKDistinctSources() {
        int k = 13;
        Connections c = draw(Map.of("rule", "in_degree", "k", k, "autapses", false, "pre", Map.of("from", 10, "to", 60)), 80, 80, true, 5);
        assertEquals(k * 80, c.count());
        int[] inDegree = new int[80];
        Set<Long> pairs = new HashSet<>();
        for (int s = 0; s < c.count(); s++) {
            inDegree[c.post()[s]]++;
            assertTrue(c.pre()[s] >= 10 && c.pre()[s] < 60);
            assertTrue(c.pre()[s] != c.post()[s], "autapse drawn");
            assertTrue(pairs.add(c.pre()[s] * 1000L + c.post()[s]), "multapse drawn");
        }
        for (int d : inDegree) assertEquals(k, d);
        // k = all available sources, with the target excluded: every other neuron exactly once
        Connections full = draw(Map.of("rule", "in_degree", "k", 9, "autapses", false), 10, 10, true, 5);
        assertEquals(90, full.count());
    }

    @Test
    void inDegreeSourcesAreUniform() {
        Connections c = draw(Map.of("rule", "in_degree", "k", 10), 100, 2000, false, 9);
        int[] outDegree = new int[100];
        for (int i : c.pre()) outDegree[i]++;
        double mean = 2000 * 10 / 100.0;
        double sd = Math.sqrt(2000 * 0.1 * 0.9);
        for (int d : outDegree) assertEquals(mean, d, 5 * sd);
    }

    @Test
    void sameSeedSameSynapsesOtherSeedOthers() {
        Map<String, Object> rule = Map.of("rule", "probability", "p", 0.1);
        Connections a = draw(rule, 50, 50, false, 42);
        Connections b = draw(rule, 50, 50, false, 42);
        Connections c = draw(rule, 50, 50, false, 43);
        assertArrayEquals(a.pre(), b.pre());
        assertArrayEquals(a.post(), b.post());
        assertFalse(java.util.Arrays.equals(a.post(), c.post()));
    }

    /** The synapses of {@code whole} onto targets in [from, to), in their order. */
    private static Connections slice(Connections whole, int from, int to) {
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int s = 0; s < whole.count(); s++) if (whole.post()[s] >= from && whole.post()[s] < to) keep.add(s);
        return new Connections(keep.stream().mapToInt(s -> whole.pre()[s]).toArray(),
                keep.stream().mapToInt(s -> whole.post()[s]).toArray());
    }

    @Test
    void eachSliceOfTheTargetsBuildsExactlyItsShareOfTheWholeInAnyOrder() {
        List<Map<String, ?>> rules = List.of(
                Map.of("rule", "probability", "p", 0.1, "autapses", false),
                Map.of("rule", "probability", "p", 0.7, "pre", Map.of("from", 5, "to", 90), "post", Map.of("from", 3, "to", 97)),
                Map.of("rule", "in_degree", "k", 12, "autapses", false, "pre", Map.of("from", 10, "to", 60)),
                Map.of("rule", "all_to_all", "autapses", false),
                Map.of("rule", "one_to_one", "post", Map.of("from", 0, "to", 100)),
                Map.of("rule", "pairs", "pairs", List.of(List.of(3, 70), List.of(0, 1), List.of(3, 70), List.of(99, 40))));
        int[] cuts = {0, 1, 17, 40, 41, 64, 100};
        for (Map<String, ?> connect : rules) {
            ConnectRule rule = ConnectRule.parse(connect, 100, 100, true, OWNER);
            RandomStream stream = RandomStream.root(77).substream("connect");
            Connections whole = rule.generate(stream);
            assertTrue(whole.count() > 0, connect.toString());
            int total = 0;
            // slices last to first, each from a fresh stream object with the same key
            for (int c = cuts.length - 2; c >= 0; c--) {
                Connections part = rule.generate(RandomStream.ofKey(stream.key()), cuts[c], cuts[c + 1]);
                Connections expected = slice(whole, cuts[c], cuts[c + 1]);
                assertArrayEquals(expected.pre(), part.pre(), connect + " slice " + cuts[c]);
                assertArrayEquals(expected.post(), part.post(), connect + " slice " + cuts[c]);
                total += part.count();
            }
            assertEquals(whole.count(), total, connect.toString());
        }
    }

    @Test
    void inDegreeSubsetsAreUniformOverPairsOfSources() {
        // Floyd's sampling: each of the C(5, 2) = 10 pairs equally likely, over 20000 targets
        Connections c = draw(Map.of("rule", "in_degree", "k", 2), 5, 20000, false, 4);
        int[] pairCount = new int[25];
        for (int s = 0; s < c.count(); s += 2) pairCount[c.pre()[s] * 5 + c.pre()[s + 1]]++;
        double chi2 = 0;
        int pairs = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                chi2 += Math.pow(pairCount[a * 5 + b] - 2000, 2) / 2000;
                pairs++;
            }
        }
        assertEquals(10, pairs);
        assertTrue(chi2 < 9 + 5 * Math.sqrt(18), "chi-square over the 10 pairs: " + chi2);
    }

    private static String error(Map<String, ?> connect, int pre, int post) {
        return assertThrows(ParameterException.class, () -> ConnectRule.parse(connect, pre, post, true, OWNER)).getMessage();
    }

    @Test
    void badRulesAreOneLineErrorsNamingTheField() {
        assertEquals("projection 'a -> b' parameter 'connect.rule': unknown rule 'probabilty' (did you mean 'probability'?);"
                + " known: all_to_all, one_to_one, probability, in_degree, total_number, pairs", error(Map.of("rule", "probabilty"), 5, 5));
        assertTrue(error(Map.of("rule", "probability", "p", 1.5), 5, 5).contains("'connect.p': must be in [0, 1]"));
        assertTrue(error(Map.of("rule", "probability"), 5, 5).contains("'connect.p': is required"));
        assertTrue(error(Map.of("rule", "in_degree", "k", 6), 5, 5).contains("'connect.k': must be in [0, 5]"));
        assertTrue(error(Map.of("rule", "in_degree", "k", 5, "autapses", false), 5, 5).contains("'connect.k': must be in [0, 4]"));
        assertTrue(error(Map.of("rule", "in_degree", "k", 2.5), 5, 5).contains("'connect.k': expected a whole number"));
        assertTrue(error(Map.of("rule", "in_degree", "k", 4294967296L), 5, 5).contains("'connect.k': 4294967296 is outside the range of"
                + " counts and neuron indices, -2147483647 to 2147483647"));
        assertTrue(error(Map.of("rule", "one_to_one", "post", Map.of("to", 3)), 5, 5).contains("equal length"));
        assertTrue(error(Map.of("rule", "pairs", "pairs", List.of(List.of(0, 5))), 5, 5)
                .contains("'connect.pairs.0': post index 5 is out of range [0, 4]"));
        assertTrue(error(Map.of("rule", "pairs", "pairs", List.of(List.of(0))), 5, 5).contains("must be [pre, post]"));
        assertTrue(error(Map.of("rule", "all_to_all", "pre", Map.of("from", 3, "to", 3)), 5, 5)
                .contains("'connect.pre.to': must be in [4, 5]"));
        assertTrue(error(Map.of("rule", "all_to_all", "post", Map.of("from", -1)), 5, 5).contains("'connect.post.from'"));
        assertTrue(error(Map.of("rule", "all_to_all", "p", 0.1), 5, 5).contains("'connect.p': unknown key"));
        assertTrue(error(Map.of("rule", "pairs", "pre", Map.of("to", 2), "pairs", List.of()), 5, 5).contains("'connect.pre'"));
        assertEquals("projection 'a -> b' parameter 'connect.rule': is missing; 'p' belongs to rule: probability",
                error(Map.of("p", 0.1), 5, 5));
    }
}
