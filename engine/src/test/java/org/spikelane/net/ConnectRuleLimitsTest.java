package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.ParameterException;

/** Synapse counts are long: a rule beyond what one projection can hold is refused when parsed, by name. */
class ConnectRuleLimitsTest {
    @Test
    void inDegreeBeyondOneProjectionIsRefusedNotANegativeArray() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> ConnectRule.parse(Map.of("rule", "in_degree", "k", 50000), 50000, 50000, false, "projection 'A -> B'"));
        assertEquals("connect", e.parameter());
        assertEquals("projection 'A -> B' parameter 'connect': makes 2500000000 synapses, more than the 2147483639 one"
                + " projection can hold; split it into several projections with pre or post ranges", e.getMessage());
    }

    @Test
    void allToAllAndProbabilityCountInLong() {
        ParameterException all = assertThrows(ParameterException.class,
                () -> ConnectRule.parse(Map.of(), 50000, 50000, false, "projection 'A -> B'"));
        assertEquals(true, all.getMessage().contains(": makes 2500000000 synapses"), all.getMessage());
        ParameterException p = assertThrows(ParameterException.class,
                () -> ConnectRule.parse(Map.of("rule", "probability", "p", 0.5), 100000, 100000, false, "projection 'A -> B'"));
        assertEquals(true, p.getMessage().contains(": makes about 5000000000 synapses"), p.getMessage());
    }

    @Test
    void expectedCountIsExactForFixedRulesAndTheMeanForProbability() {
        assertEquals(15000L * 15000, ConnectRule.parse(Map.of(), 15000, 15000, false, "p").expectedCount());
        assertEquals(4000L * 3999, ConnectRule.parse(Map.of("autapses", false), 4000, 4000, true, "p").expectedCount());
        assertEquals(320000, ConnectRule.parse(Map.of("rule", "probability", "p", 0.02), 4000, 4000, true, "p").expectedCount());
        assertEquals(700, ConnectRule.parse(Map.of("rule", "in_degree", "k", 7), 50, 100, false, "p").expectedCount());
    }

    /** Row starts are (distinct delays) x (sources + 1): counted in long, refused before any array is made. */
    @Test
    void manyDistinctDelaysFromALargeSourceAreRefusedNotANegativeArray() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SynapseTable(1_500_000_000,
                new int[] {0, 1}, new int[] {0, 0}, new double[] {1, 1}, new int[] {0, 1}));
        // groups * sources + 1 segment starts (source-major, one end entry)
        assertEquals("a projection from 1500000000 neurons with 2 distinct delays needs 3000000001 row starts, more than one"
                + " array holds; round the delays to fewer distinct values", e.getMessage());
    }
}
