package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.format.FixedBinding;
import org.spikelane.net.Projection;
import org.spikelane.neuron.Population;
import org.spikelane.neuron.FixedLifKernel;
import org.spikelane.neuron.FixedLifState;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.spi.FixedExponentialChannel;

/**
 * exp_current under {@code precision: fixed} advanced in the LIF kernel's pass
 * ({@link FixedExponentialChannel}) against the same network with the synapse kernels' own
 * passes (forced by a trailing projection that fuses nothing): the same spikes, the same int
 * state bit for bit and the same overflow counts, with and without clipping; and the fused
 * kernel's vector path against its scalar reference on 1, 17, 1000 and 4099 neurons.
 */
class FixedFusedCurrentTest {
    private static final Map<String, Object> EXCITATORY = Map.of("rule", "probability", "p", 0.05, "pre", Map.of("from", 0, "to", 320));
    private static final Map<String, Object> INHIBITORY = Map.of("rule", "probability", "p", 0.05, "pre", Map.of("from", 320, "to", 400));

    /** A 400-neuron CUBA-like network under fixed; {@code unfuse} appends a silent delta projection, which fuses nothing. */
    private static Simulation cuba(String excitatory, String inhibitory, boolean unfuse) {
        Network net = new Network(1e-4).seed(3).precision(Precision.FIXED);
        net.addLif("P", 400, Map.of("tau_m", "20 ms", "E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV",
                "refractory", "5 ms", "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), excitatory, "0 ms", EXCITATORY);
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "10 ms"), inhibitory, "0 ms", INHIBITORY);
        if (unfuse) {
            net.addSpikeGenerator("silent", 1, new double[0], new int[0], 0);
            net.connect("silent", "P", "delta", null, "0 mV", null, Map.of("rule", "all_to_all"));
        }
        net.recordSpikes("P");
        return net.build();
    }

    private static FixedLifState state(Simulation sim) {
        return ((FixedBinding) sim.lif("P").format()).fixedState();
    }

    private static boolean fused(Simulation sim, int projection) {
        return ((FixedExpCurrentKernel) sim.projections().get(projection).kernel()).fused();
    }

    private static List<String> spikes(Simulation sim) {
        SpikeRecorder r = sim.spikes();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < r.count(); k++) out.add(r.step(k) + ":" + r.neuron(k));
        return out;
    }

    private static int[] effect(Simulation sim, int projection) {
        return ((FixedCurrentKernel) sim.projections().get(projection).kernel()).effect;
    }

    private static void assertSameRun(String excitatory, String inhibitory, boolean expectClips) {
        Simulation fusedRun = cuba(excitatory, inhibitory, false), ownPasses = cuba(excitatory, inhibitory, true);
        assertTrue(fused(fusedRun, 0) && fused(fusedRun, 1), "both exp_current projections fused");
        assertFalse(fused(ownPasses, 0) || fused(ownPasses, 1), "a later projection that fuses nothing takes them back");
        assertEquals(2, state(fusedRun).fusedChannels.length);
        assertEquals(0, state(ownPasses).fusedChannels.length);
        fusedRun.runSteps(3000);
        ownPasses.runSteps(3000);
        List<String> a = spikes(fusedRun), b = spikes(ownPasses);
        assertTrue(a.size() > 100, "precondition: an active network, " + a.size() + " spikes");
        assertEquals(b, a, "spikes");
        assertArrayEquals(state(ownPasses).v, state(fusedRun).v, "v");
        assertArrayEquals(effect(ownPasses, 0), effect(fusedRun, 0), "excitatory state");
        assertArrayEquals(effect(ownPasses, 1), effect(fusedRun, 1), "inhibitory state");
        assertArrayEquals(state(ownPasses).overflows, state(fusedRun).overflows, "overflow counts v, I, dv");
        long dv = state(fusedRun).overflows[FixedLifState.DV];
        assertEquals(expectClips, dv > 0, "dv overflows: " + dv);
    }

    @Test
    void fusedCurrentsGiveTheBitsOfTheKernelsOwnPasses() {
        assertSameRun("1.62 mV", "-9 mV", false);
    }

    /** Weights of 20 V (R I) drive the jump accumulator into its bound: the clips and their counts match too. */
    @Test
    void fusedCurrentsClipAndCountAsTheKernelsOwnPasses() {
        assertSameRun("20 V", "-20 V", true);
    }

    /** An alpha_current after an exp_current adds to the jump in its own pass: the exp_current must not be fused. */
    @Test
    void aLaterUnfusedSynapseKeepsTheProjectionOrder() {
        for (boolean alphaFirst : new boolean[] {false, true}) {
            Network net = new Network(1e-4).precision(Precision.FIXED);
            net.addSpikeGenerator("in", 1, new double[] {1e-3}, new int[] {0}, 0);
            net.addLif("P", 3, Map.of("tau_m", "10 ms", "v_threshold", "0 V"));
            if (alphaFirst) net.connect("in", "P", "alpha_current", Map.of("tau_syn", "2 ms"), "1 nA", null, null);
            net.connect("in", "P", "exp_current", Map.of("tau_syn", "5 ms"), "1 nA", null, null);
            if (!alphaFirst) net.connect("in", "P", "alpha_current", Map.of("tau_syn", "2 ms"), "1 nA", null, null);
            Simulation sim = net.build();
            assertEquals(alphaFirst, fused(sim, alphaFirst ? 1 : 0), "alpha first: " + alphaFirst);
        }
    }

    /** The fused step, vector path against the scalar reference, from random states with values at the bounds. */
    @Test
    void vectorPathAgreesWithScalarReference() {
        for (int n : new int[] {1, 17, 1000, 4099}) {
            FixedLifState vector = fusedState(n), scalar = fusedState(n);
            SplittableRandom random = new SplittableRandom(n);
            for (int step = 0; step < 50; step++) {
                for (int i = 0; i < n; i++) {
                    int jump = bounded(random, 1 << 29), drive = bounded(random, 1 << 26);
                    vector.jumpSum[i] = scalar.jumpSum[i] = jump;
                    vector.driveSum[i] = scalar.driveSum[i] = drive;
                    for (int c = 0; c < 2; c++) {
                        int kick = bounded(random, 1 << 27);
                        int y = (int) Math.max(-(1 << 29), Math.min(1 << 29, (long) vector.fusedChannels[c].effect[i] + kick));
                        vector.fusedChannels[c].effect[i] = scalar.fusedChannels[c].effect[i] = y;
                    }
                }
                int[] vs = new int[n], ss = new int[n];
                int vc = FixedLifKernel.vectorStep(vector, step, 0, vector.padded, vs, 0);
                int sc = FixedLifKernel.scalarStep(scalar, step, 0, scalar.padded, ss, 0);
                assertEquals(sc, vc, "spike count, n " + n + " step " + step);
                assertArrayEquals(ss, vs, "spikes, n " + n);
                // the neurons; the vector path also runs the padding lanes, which the scalar one skips
                assertArrayEquals(Arrays.copyOf(scalar.v, n), Arrays.copyOf(vector.v, n), "v, n " + n + " step " + step);
                for (int c = 0; c < 2; c++) {
                    assertArrayEquals(Arrays.copyOf(scalar.fusedChannels[c].effect, n), Arrays.copyOf(vector.fusedChannels[c].effect, n),
                            "channel " + c + ", n " + n);
                }
                assertArrayEquals(scalar.overflows, vector.overflows, "overflows, n " + n);
            }
            assertTrue(vector.overflows[FixedLifState.DV] > 0, "precondition: the jump clipped, n " + n);
        }
    }

    /**
     * The step with two fused channels allocates nothing once compiled (a vector carried through
     * the channel loop would be boxed per lane group): the least of several rounds of 5000 steps
     * of every phase the projections and populations run.
     */
    @Test
    void fusedStepDoesNotAllocate() {
        Network net = new Network(1e-4).seed(3).precision(Precision.FIXED);
        net.addLif("P", 400, Map.of("tau_m", "20 ms", "E_L", "-49 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV",
                "refractory", "5 ms", "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "5 ms"), "1.62 mV", "0 ms", EXCITATORY);
        net.connect("P", "P", "exp_current", Map.of("tau_syn", "10 ms"), "-9 mV", "0 ms", INHIBITORY);
        Simulation sim = net.build();
        assertEquals(2, state(sim).fusedChannels.length);
        Projection[] projections = sim.projections().toArray(Projection[]::new);
        Population lif = sim.populations().getFirst();
        long least = Long.MAX_VALUE, spikes = 0, step = 0;
        for (int round = 0; round < 20 && least > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 5000; k++, step++) {
                for (Projection p : projections) p.update(step, 0, p.target().padded());
                lif.beginStep(step);
                lif.update(step, 0, lif.padded());
                lif.finishStep();
                for (Projection p : projections) {
                    p.pushSpikes(step);
                    p.deliver(step, 0, p.target().padded());
                }
                spikes += lif.spikeCount();
            }
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(spikes > 100, "the network should be active: " + spikes + " spikes");
        assertTrue(least < 256, "5000 fused steps allocated " + least + " bytes");
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** Mostly small values, one in 16 at the bound {@code +-limit}. */
    private static int bounded(SplittableRandom random, int limit) {
        if (random.nextInt(16) == 0) return random.nextBoolean() ? limit : -limit;
        return random.nextInt(-limit / 64, limit / 64);
    }

    private static FixedLifState fusedState(int n) {
        Network net = new Network(1e-4).seed(5).precision(Precision.FIXED);
        net.addSpikeGenerator("in", 1, new double[0], new int[0], 0);
        net.addLif("P", n, Map.of("tau_m", Map.of("uniform", Map.of("low", "5 ms", "high", "30 ms")), "v_threshold", "-50 mV"));
        net.connect("in", "P", "exp_current", Map.of("tau_syn", "2 ms"), "1 nA", null, Map.of("rule", "all_to_all"));
        net.connect("in", "P", "exp_current", Map.of("tau_syn", "40 ms"), "-1 nA", null, Map.of("rule", "all_to_all"));
        FixedLifState s = ((FixedBinding) net.build().lif("P").format()).fixedState();
        assertEquals(2, s.fusedChannels.length);
        return s;
    }
}
