package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.cli.output.SpikesCsv;
import org.spikelane.cli.output.StateCsv;
import org.spikelane.spi.PluginRegistry;

/**
 * Many short random networks (sizes that are not multiples of the lane count, one to three
 * populations, a spike generator, current and conductance synapses with delays, several input
 * types, float32 and fixed), each run with 1 thread and with a random 2 to 6: the whole state and
 * the recordings must be the same bits. The generator is seeded, so a failure names a network
 * that can be rebuilt.
 */
class ThreadStressTest {
    private static final int NETWORKS = 24;
    private static final int STEPS = 300;

    @TempDir
    Path tmp;

    @Test
    void randomNetworksGiveTheSameBitsForAnyThreadCount() throws IOException {
        PluginRegistry plugins = PluginRegistry.discover();
        SplittableRandom random = new SplittableRandom(20261202);
        int split = 0;
        for (int k = 0; k < NETWORKS; k++) {
            long seed = random.nextLong();
            int threads = 2 + random.nextInt(5);
            Network net = network(new SplittableRandom(seed), plugins);
            String which = "network " + k + " (seed " + seed + ", " + threads + " threads)";
            byte[] one = run(net.threads(1), "one");
            Simulation many = net.threads(threads).build();
            if (many.activeThreads() > 1) split++;
            byte[] more = run(many, "many");
            assertArrayEquals(one, more, which + ": differs from 1 thread");
        }
        assertTrue(split >= NETWORKS / 2, "only " + split + " of " + NETWORKS + " networks were split among threads");
    }

    private static Network network(SplittableRandom r, PluginRegistry plugins) {
        Network net = new Network(1e-4).seed(r.nextLong()).plugins(plugins);
        if (r.nextBoolean()) net.precision(Precision.FIXED);
        int populations = 1 + r.nextInt(3);
        for (int p = 0; p < populations; p++) {
            int size = 1 + r.nextInt(p == 0 ? 900 : 200);
            net.addLif("P" + p, size, Map.of("tau_m", (10 + r.nextInt(20)) + " ms", "E_L", "-65 mV",
                    "v_threshold", "-50 mV", "v_reset", "-65 mV", "refractory", r.nextInt(3) + " ms",
                    "v_init", Map.of("uniform", Map.of("low", "-65 mV", "high", "-50 mV"))));
            String amplitude = String.format(java.util.Locale.ROOT, "%.3f nA", 1.4 + r.nextDouble());
            switch (r.nextInt(3)) {
                case 0 -> net.addInput("bias", "P" + p, Map.of("amplitude", amplitude));
                case 1 -> net.addInput("step", "P" + p, Map.of("amplitude", amplitude, "start", "3 ms"));
                default -> net.addInput("sine", "P" + p, Map.of("amplitude", amplitude, "offset", amplitude,
                        "frequency", "40 Hz"));
            }
        }
        net.addSpikeGenerator("G", 50, new double[] {0.002, 0.005, 0.011, 0.017}, new int[] {3, 17, 29, 49}, 0.02);
        for (int c = 0; c < 1 + r.nextInt(4); c++) {
            String from = r.nextInt(4) == 0 ? "G" : "P" + r.nextInt(populations);
            String to = "P" + r.nextInt(populations);
            String delay = (r.nextInt(4) * 0.5) + " ms";
            Map<String, ?> connect = Map.of("rule", "probability", "p", 0.05 + 0.2 * r.nextDouble());
            switch (r.nextInt(3)) {
                case 0 -> net.connect(from, to, "exp_current", Map.of("tau_syn", "5 ms"),
                        r.nextBoolean() ? "1.5 mV" : "-3 mV", delay, connect);
                case 1 -> net.connect(from, to, "delta", null, r.nextBoolean() ? "0.5 mV" : "-1 mV", delay, connect);
                default -> net.connect(from, to, "exp_conductance", Map.of("tau_syn", "5 ms", "E_rev", r.nextBoolean() ? "0 mV" : "-80 mV"),
                        "2 nS", delay, connect);
            }
        }
        for (int p = 0; p < populations; p++) net.recordSpikes("P" + p);
        net.recordSpikes("G");
        net.recordState("P0", List.of("v"), new int[] {0}, 1);
        return net;
    }

    private byte[] run(Network net, String name) throws IOException {
        return run(net.build(), name);
    }

    private byte[] run(Simulation sim, String name) throws IOException {
        try (sim) {
            sim.runSteps(STEPS);
            Path file = tmp.resolve(name + ".ckpt");
            sim.checkpoint(file);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(Files.readAllBytes(file));
            SpikesCsv.write(sim.spikes(), sim.dt(), all);
            StateCsv.write(sim.stateRecorders(), sim.dt(), all);
            return all.toByteArray();
        }
    }
}
