package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikelane.Simulation;
import org.spikelane.cli.output.SpikesCsv;
import org.spikelane.cli.output.StateCsv;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.simd.Simd;
import org.spikelane.spi.PluginRegistry;

/**
 * Every example gives the same bits for any thread count: after the whole run, the checkpoint
 * of the whole state (membranes, synapses, spikes in flight, random-stream cursors and the
 * recorded spikes and samples, which are what spikes.csv and state.csv are written from) is
 * byte-identical for 1, 2, 3 and 4 threads — 3 and 4 are more threads than this machine's cores.
 * Named *AgreementTest so that the build runs it again at 128- and 512-bit vectors (the splits
 * then cut populations at other places), and the scalar reference runs it with
 * {@code -Dspikelane.vector=scalar}. A checkpoint written with 2 threads resumes bit for bit with
 * 1 and 3.
 */
class ThreadCountAgreementTest {
    @TempDir
    Path tmp;

    /** Example and overrides: every example in its own format, and under fixed where it has physical parameters. */
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String example : ExamplesTest.examples().toList()) {
            // shorter runs where the example is long: the split is exercised from the first step
            List<String> shorter = example.startsWith("cuba") || example.startsWith("coba") ? List.of("duration=0.1 s")
                    : example.startsWith("seed-pulses") ? List.of("duration=0.5 s")
                    : example.startsWith("neurodynex-sine") ? List.of("duration=0.1 s") : ExamplesTest.testSized(example);
            out.add(Arguments.of(example, shorter));
            if (!example.startsWith("loihi")) out.add(Arguments.of(example, plus(shorter, "precision=fixed")));
        }
        // loihi with physical parameters on a recurrent network that splits into many slices
        out.add(Arguments.of(LOIHI_NETWORK, List.of()));
        return out.stream();
    }

    /** A test scenario, not an example: the loihi examples are too small to split. */
    private static final String LOIHI_NETWORK = "threads/loihi-network.yaml";

    private static Path scenarioFile(String name) {
        if (!name.equals(LOIHI_NETWORK)) return Cli.example(name);
        try {
            return Path.of(ThreadCountAgreementTest.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyThreadCountGivesTheSameBits(String example, List<String> sets) throws IOException {
        byte[] one = finalState(example, sets, 1, "t1");
        for (int threads = 2; threads <= 4; threads++) {
            byte[] many = finalState(example, sets, threads, "t" + threads);
            assertArrayEquals(one, many, example + " " + sets + ": the state after the run differs between 1 and "
                    + threads + " threads (" + Simd.LANES + " lanes)");
        }
    }

    /** Resuming a 2-thread checkpoint with 1 and with 3 threads ends in the uninterrupted 1-thread state. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("resumeCases")
    void checkpointResumesUnderOtherThreadCounts(String example, List<String> sets) throws IOException {
        byte[] whole = finalState(example, sets, 1, "whole");
        Scenario scenario = Scenario.load(scenarioFile(example), plus(sets, "threads=2"));
        Path half = tmp.resolve("half.ckpt");
        try (Simulation two = NetworkBuilder.simulation(scenario, PluginRegistry.discover())) {
            assertEquals(2, two.threads());
            two.runSteps(scenario.steps() / 2);
            two.checkpoint(half);
        }
        for (int threads : new int[] {1, 3}) {
            Scenario other = Scenario.load(scenarioFile(example), plus(sets, "threads=" + threads));
            try (Simulation resumed = NetworkBuilder.simulation(other, PluginRegistry.discover())) {
                resumed.restore(half);
                resumed.runSteps(other.steps() - resumed.stepCount());
                Path end = tmp.resolve("resumed-" + threads + ".ckpt");
                resumed.checkpoint(end);
                byte[] state = Files.readAllBytes(end);
                assertArrayEquals(java.util.Arrays.copyOf(whole, state.length), state, example + " " + sets
                        + ": a 2-thread checkpoint resumed with " + threads + " threads ends elsewhere");
            }
        }
    }

    static Stream<Arguments> resumeCases() {
        return Stream.of(Arguments.of("cuba.yaml", List.of("duration=0.1 s", "projections.0.delay=1.5 ms")),
                Arguments.of("coba.yaml", List.of("duration=0.1 s", "precision=fixed")),
                Arguments.of(LOIHI_NETWORK, List.of()));
    }

    private byte[] finalState(String example, List<String> sets, int threads, String name) throws IOException {
        Scenario scenario = Scenario.load(scenarioFile(example), plus(sets, "threads=" + threads));
        try (Simulation sim = NetworkBuilder.simulation(scenario, PluginRegistry.discover())) {
            assertEquals(threads, sim.threads());
            sim.runSteps(scenario.steps());
            assertTrue(sim.spikes().count() > 0 || example.contains("sine"), example + ": no spikes, so nothing is compared");
            Path file = tmp.resolve(name + ".ckpt");
            sim.checkpoint(file);
            // a checkpoint holds no recordings: the CSVs they are written to come after it
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.write(Files.readAllBytes(file));
            SpikesCsv.write(sim.spikes(), sim.dt(), all);
            StateCsv.write(sim.stateRecorders(), sim.dt(), all);
            return all.toByteArray();
        }
    }

    private static List<String> plus(List<String> sets, String set) {
        List<String> all = new ArrayList<>(sets);
        all.add(set);
        return all;
    }
}
