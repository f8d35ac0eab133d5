package org.spikelane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.Simulation;
import org.spikelane.net.SynapseTable;

/**
 * The benchmarks' CUBA and COBA at another size keep the examples' split: the first 4/5 of the
 * neurons excitatory (projection 0's sources), the rest inhibitory (projection 1's). The examples
 * name these ranges as groups, so resizing must move the groups, not only the population.
 */
class ExampleNetworksTest {
    private static final int N = 40_000;   // a size ThreadScalingBenchmark runs; the examples record neuron 3200
    private static final int EXCITATORY = N * 4 / 5;

    static {
        // Maven runs this module's tests in bench/; the examples are beside it
        if (System.getProperty("spikelane.examples") == null) System.setProperty("spikelane.examples", "../examples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cuba", "coba"})
    void resizedNetworkKeepsTheExcitatoryAndInhibitorySources(String name) {
        try (Simulation sim = ExampleNetworks.simulation(name, N, "float32", 1)) {
            assertEquals(N, sim.populations().getFirst().size());
            SynapseTable e = sim.projections().get(0).table();
            SynapseTable i = sim.projections().get(1).table();
            assertEquals(0, synapsesFrom(e, EXCITATORY, N), "excitatory projection from an inhibitory neuron");
            assertEquals(0, synapsesFrom(i, 0, EXCITATORY), "inhibitory projection from an excitatory neuron");
            // probability p = 80 / N per pair: EXCITATORY * N * p synapses expected, binomial s.d.
            double p = 80.0 / N;
            double mean = EXCITATORY * (double) N * p;
            double sd = Math.sqrt(mean * (1 - p));
            assertTrue(Math.abs(e.count() - mean) < 5 * sd, "excitatory synapses " + e.count() + ", expected " + mean);
            double meanI = (N - EXCITATORY) * (double) N * p;
            assertTrue(Math.abs(i.count() - meanI) < 5 * Math.sqrt(meanI * (1 - p)), "inhibitory synapses " + i.count());
        }
    }

    /** Synapses whose source lies in [from, to), over every delay group (rows are contiguous per source). */
    private static long synapsesFrom(SynapseTable table, int from, int to) {
        return from == to ? 0 : table.sourceEnd(to - 1) - table.sourceStart(from);
    }
}
