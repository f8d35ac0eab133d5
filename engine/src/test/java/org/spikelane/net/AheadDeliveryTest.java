package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.Network;
import org.spikelane.Simulation;

/**
 * Delivery ahead ({@link FutureInputRing}) against delivery on arrival, the reference: the same
 * synapses with {@code jump} (delivered segment by segment when each arrives) and
 * {@code jump_ahead} (each spike delivered once into the ring of future input). The weights are
 * 2^-10 V, so every sum of them a test reaches is exact in float and the order of the adds cannot
 * hide behind rounding: v must agree bit for bit, step by step.
 */
class AheadDeliveryTest {
    private static final double DT = 1e-4;
    private static final int STEPS = 400;
    /** 2^-10 V, exactly representable, as every sum of a few thousand of them is. */
    private static final String WEIGHT = Math.scalb(1.0, -10) + " V";

    @TempDir Path tmp;

    /** 200 Poisson sources at 300 Hz into 37 silent neurons (not a lane multiple), delays drawn over 0-2 ms (21 values). */
    private static Network network(String synapse, int threads) {
        Network net = new Network(DT).seed(11).threads(threads).plugins(TestSynapses.registry());
        net.addPoisson("src", 200, Map.of("rate", "300 Hz"));
        net.addLif("lif", 37, Map.of("E_L", "-70 mV", "v_init", "-70 mV", "tau_m", "10 ms", "v_threshold", "10 V"));
        net.connect("src", "lif", synapse, null, WEIGHT, Map.of("uniform", Map.of("low", "0 ms", "high", "2 ms")),
                Map.of("rule", "in_degree", "k", 40));
        net.recordState("lif", List.of("v"), null, 1);
        return net;
    }

    private static double[][] traces(Simulation sim) {
        double[][] v = new double[37][];
        for (int n = 0; n < v.length; n++) v[n] = sim.stateRecorders().getFirst().trace("v", n);
        return v;
    }

    @Test
    void aheadEqualsOnArrivalBitForBitAtEveryStep() {
        Simulation onArrival = network("jump", 1).build();
        Simulation ahead = network("jump_ahead", 1).build();
        assertFalse(onArrival.projections().getFirst().deliversAhead());
        assertTrue(ahead.projections().getFirst().deliversAhead());
        assertEquals(21, ahead.projections().getFirst().table().groups(), "delays 0..20 steps");
        onArrival.runSteps(STEPS);
        ahead.runSteps(STEPS);
        double[][] expected = traces(onArrival), got = traces(ahead);
        // the input is there: v rose by tens of weights
        assertTrue(expected[0][STEPS - 1] > -70e-3 + 10 * Math.scalb(1.0, -10) * 0.1, "v " + expected[0][STEPS - 1]);
        for (int n = 0; n < expected.length; n++) assertArrayEquals(expected[n], got[n], "neuron " + n);
    }

    @Test
    void aheadIsTheSameForAnyThreadCount() {
        Simulation one = network("jump_ahead", 1).build();
        one.runSteps(STEPS);
        for (int threads : new int[] {2, 3}) {
            Simulation many = network("jump_ahead", threads).build();
            many.runSteps(STEPS);
            double[][] expected = traces(one), got = traces(many);
            for (int n = 0; n < expected.length; n++) assertArrayEquals(expected[n], got[n], threads + " threads, neuron " + n);
        }
    }

    /** Ranges that are not a thread split's slices take the binary-search path of each segment. */
    @Test
    void aheadIsTheSameInArbitraryRanges() {
        Simulation whole = network("jump_ahead", 1).build();
        Simulation ranged = network("jump_ahead", 1).build();
        for (int n = 0; n < STEPS; n++) {
            whole.step();
            ranged.stepInRanges(16, 32);
        }
        double[][] expected = traces(whole), got = traces(ranged);
        for (int n = 0; n < expected.length; n++) assertArrayEquals(expected[n], got[n], "neuron " + n);
    }

    @Test
    void aCheckpointHoldsTheInputInFlight() {
        Simulation whole = network("jump_ahead", 2).build();
        whole.runSteps(150);
        Path file = tmp.resolve("ahead.ckpt");
        whole.checkpoint(file);
        whole.runSteps(STEPS - 150);
        Simulation resumed = network("jump_ahead", 1).build();
        resumed.restore(file);
        resumed.runSteps(STEPS - 150);
        double[][] expected = traces(whole), got = traces(resumed);
        for (int n = 0; n < expected.length; n++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected[n], 150, STEPS), got[n], "neuron " + n);
        }
    }

    /** The memory estimate counts the ring: 21 slots of the 37 targets' padded size, in floats; fixed has none. */
    @Test
    void theMemoryEstimateCountsTheRing() {
        long end = STEPS;
        long float32 = org.spikelane.ResourceEstimate.of(network("jump_ahead", 1), 0, end).synapseBytes();
        long fixed = org.spikelane.ResourceEstimate.of(network("jump_ahead", 1).precision(org.spikelane.Precision.FIXED), 0, end).synapseBytes();
        assertEquals(21L * org.spikelane.simd.Simd.padded(37) * Float.BYTES, float32 - fixed);
        Simulation sim = network("jump_ahead", 1).build();
        long registered = 0;
        for (org.spikelane.state.StateEntry e : sim.stateRegistry().entries()) if (e.owner().startsWith("future input")) registered += e.bytes();
        assertEquals(registered, float32 - fixed, "the ring the simulation registers");
    }
}
