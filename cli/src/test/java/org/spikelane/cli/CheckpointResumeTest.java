package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoint/restore is bit-identical: from the checkpoint on, a resumed run writes exactly the
 * spike and state rows of the uninterrupted run, and writing a checkpoint does not change the run.
 * Each case runs the scenario three times: whole, whole with a checkpoint, and resumed.
 */
class CheckpointResumeTest {
    @TempDir
    Path tmp;

    /** Example, checkpoint time, overrides (a shorter duration keeps the suite fast; a delay puts spikes in flight). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("cuba.yaml", "0.1 s", List.of("duration=0.2 s")),
                Arguments.of("cuba.yaml", "0.1 s", List.of("duration=0.2 s", "precision=fixed")),
                Arguments.of("cuba.yaml", "73.3 ms", List.of("duration=0.15 s", "projections.0.delay=1.5 ms",
                        "projections.1.delay=0.8 ms")),
                Arguments.of("cuba.yaml", "73.3 ms", List.of("duration=0.15 s", "precision=fixed", "projections.0.delay=1.5 ms")),
                Arguments.of("coba.yaml", "0.1 s", List.of("duration=0.2 s")),
                Arguments.of("coba.yaml", "0.1 s", List.of("duration=0.2 s", "precision=fixed")),
                Arguments.of("seed-pulses.yaml", "1.2 s", List.of()),
                Arguments.of("seed-pulses.yaml", "1.2 s", List.of("precision=fixed")),
                Arguments.of("seed-gabaa.yaml", "31 ms", List.of()),
                Arguments.of("seed-gabaa.yaml", "31 ms", List.of("precision=fixed")),
                Arguments.of("loihi-step.yaml", "93 ms", List.of()),
                Arguments.of("loihi-step.yaml", "93 ms", List.of("precision=float32")),
                Arguments.of("neurodynex-sine.yaml", "0.05 s", List.of()),
                // inside the thalamic window, a noise interval and the Poisson currents' decay; spikes in flight (1.5 ms delay)
                Arguments.of("poisson-noise.yaml", "0.3503 s", List.of("duration=0.4 s")),
                Arguments.of("poisson-noise.yaml", "0.3503 s", List.of("duration=0.4 s", "precision=fixed")));
    }

    @ParameterizedTest(name = "{0} at {1} {2}")
    @MethodSource("cases")
    void resumedRunContinuesBitForBit(String example, String at, List<String> sets) throws IOException {
        Path whole = tmp.resolve("whole");
        Path written = tmp.resolve("written");
        Path resumed = tmp.resolve("resumed");
        Path file = tmp.resolve("state.ckpt");
        Cli.ok(args(example, sets, "--out", whole.toString()));
        Cli.Outcome o = Cli.ok(args(example, sets, "--out", written.toString(), "--checkpoint", file.toString(), "--checkpoint-at", at));
        assertTrue(o.out().contains("checkpoint at step"), o.out());
        assertTrue(Files.size(file) > 100);

        for (String csv : List.of("spikes.csv", "state.csv")) {
            if (Files.exists(whole.resolve(csv))) {
                assertEquals(Files.readAllLines(whole.resolve(csv)), Files.readAllLines(written.resolve(csv)),
                        csv + ": writing a checkpoint changed the run");
            }
        }
        Cli.ok(args(example, sets, "--out", resumed.toString(), "--resume", file.toString()));
        double from = org.spikelane.units.Units.parse(at, org.spikelane.units.Dimension.TIME, "at");
        assertTail(whole, resumed, from);
    }

    /** The resumed run in a new JVM, as a user would run it after the first one ended. */
    @Test
    void resumesInANewJvm() throws Exception {
        List<String> sets = List.of("duration=0.15 s", "projections.0.delay=1.5 ms");
        Path whole = tmp.resolve("whole");
        Path file = tmp.resolve("cuba.ckpt");
        Path resumed = tmp.resolve("resumed");
        Cli.ok(args("cuba.yaml", sets, "--out", whole.toString(), "--checkpoint", file.toString(), "--checkpoint-at", "60 ms"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.spikelane.cli.Main"));
        command.addAll(List.of(args("cuba.yaml", sets, "--out", resumed.toString(), "--resume", file.toString())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertTail(whole, resumed, 0.060);
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingTheDifference() throws IOException {
        Path file = tmp.resolve("gabaa.ckpt");
        Cli.ok(args("seed-gabaa.yaml", List.of(), "--out", tmp.resolve("a").toString(), "--checkpoint", file.toString()));
        Cli.Outcome precision = Cli.run(args("seed-gabaa.yaml", List.of("precision=fixed"), "--out", tmp.resolve("b").toString(),
                "--resume", file.toString()));
        assertEquals(Main.BAD_INPUT, precision.exitCode());
        assertTrue(precision.err().contains("written under precision float32, this simulation runs fixed"), precision.err());
        Cli.Outcome seed = Cli.run(args("seed-gabaa.yaml", List.of("seed=7"), "--out", tmp.resolve("c").toString(),
                "--resume", file.toString()));
        assertTrue(seed.err().contains("written with seed 1, this simulation has seed 7"), seed.err());
        Cli.Outcome other = Cli.run(args("seed-pulses.yaml", List.of(), "--out", tmp.resolve("d").toString(), "--resume", file.toString()));
        assertEquals(Main.BAD_INPUT, other.exitCode());
        assertTrue(other.err().contains("does not fit this network"), other.err());
        assertEquals(1, other.err().strip().lines().count(), other.err());
        Cli.Outcome late = Cli.run(args("seed-gabaa.yaml", List.of("duration=50 ms"), "--out", tmp.resolve("e").toString(),
                "--resume", file.toString()));
        assertTrue(late.err().contains("beyond the scenario's 500 steps"), late.err());
    }

    @Test
    void truncatedAndCorruptedFilesAreRefusedWithoutRestoringAnything() throws IOException {
        Path file = tmp.resolve("gabaa.ckpt");
        Cli.ok(args("seed-gabaa.yaml", List.of(), "--out", tmp.resolve("a").toString(), "--checkpoint", file.toString(),
                "--checkpoint-at", "20 ms"));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = tmp.resolve("truncated.ckpt");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path flipped = tmp.resolve("flipped.ckpt");
        byte[] copy = bytes.clone();
        copy[copy.length - 40] ^= 1;
        Files.write(flipped, copy);
        Path notOne = tmp.resolve("scenario.ckpt");
        Files.copy(Cli.example("seed-gabaa.yaml"), notOne);
        for (Path bad : List.of(truncated, flipped)) {
            Cli.Outcome o = Cli.run(args("seed-gabaa.yaml", List.of(), "--out", tmp.resolve("x").toString(), "--resume", bad.toString()));
            assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
            assertTrue(o.err().contains("is truncated or corrupted"), o.err());
            assertFalse(Files.exists(tmp.resolve("x").resolve("spikes.csv")));
        }
        Cli.Outcome o = Cli.run(args("seed-gabaa.yaml", List.of(), "--out", tmp.resolve("y").toString(), "--resume", notOne.toString()));
        assertTrue(o.err().contains("is not a Spikelane checkpoint"), o.err());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".tmp")).toList(), "temporary files left behind");
        }
    }

    @Test
    void checkpointOptionsAreCheckedBeforeTheRun() {
        Cli.Outcome late = Cli.run(args("seed-gabaa.yaml", List.of(), "--out", tmp.resolve("a").toString(),
                "--checkpoint", tmp.resolve("f").toString(), "--checkpoint-at", "2 s"));
        assertEquals(Main.BAD_INPUT, late.exitCode());
        assertTrue(late.err().contains("--checkpoint-at: must be a time in [0 s, 80 ms]"), late.err());
        Cli.Outcome alone = Cli.run(args("seed-gabaa.yaml", List.of(), "--checkpoint-at", "2 ms"));
        assertTrue(alone.err().contains("needs --checkpoint FILE"), alone.err());
        Cli.Outcome nowhere = Cli.run(args("seed-gabaa.yaml", List.of(), "--checkpoint", tmp.resolve("no/such/dir/f").toString()));
        assertTrue(nowhere.err().contains("does not exist or is not writable"), nowhere.err());
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    private static String[] args(String example, List<String> sets, String... more) {
        List<String> a = new ArrayList<>(List.of("run", Cli.example(example).toString(), "--quiet"));
        for (String s : sets) a.addAll(List.of("--set", s));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The resumed outputs are exactly the uninterrupted run's rows from {@code fromSeconds} on. */
    private static void assertTail(Path whole, Path resumed, double fromSeconds) throws IOException {
        int checked = 0;
        for (String csv : List.of("spikes.csv", "state.csv")) {
            if (!Files.exists(whole.resolve(csv))) continue;
            List<String> all = Files.readAllLines(whole.resolve(csv));
            int timeColumn = List.of(all.getFirst().split(",")).indexOf("time_s");
            List<String> tail = new ArrayList<>(List.of(all.getFirst()));
            for (String row : all.subList(1, all.size())) {
                if (Double.parseDouble(row.split(",")[timeColumn]) >= fromSeconds - 1e-9) tail.add(row);
            }
            List<String> got = Files.readAllLines(resumed.resolve(csv));
            assertEquals(tail.size(), got.size(), csv + " rows");
            assertEquals(tail, got, csv);
            checked += tail.size() - 1;
        }
        assertTrue(checked > 0, "nothing after the checkpoint to compare");
    }
}
