package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikelane.cli.output.OutputDir;

/**
 * Item 4 of issue 11: a run killed with SIGKILL at any point of replacing the output set leaves a
 * folder that the next run (or {@link OutputDir#recover}) turns into exactly one run's set: the
 * earlier run's if the kill came before the commit journal was in place, the killed run's after.
 * Never a mix, never an earlier run's state.csv beside the new spikes.csv.
 *
 * <p>Run A (quickstart: six files, state recorded) fills the folder; run B (5 nA input made 3 nA,
 * spikes only: four files) runs in a child JVM that stops at one commit stage
 * ({@code -Dspikelane.test.pauseAt}) and is killed there. The oracles are A and B run cleanly into
 * folders of their own.
 */
class CommitCrashTest {
    @TempDir
    static Path refs;
    @TempDir
    Path tmp;

    private static final String QUICK = Cli.example("quickstart.yaml").toString();
    private static final String[] B = {"--set", "inputs.2.amplitude=3 nA", "--set", "record={spikes: [lif]}"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void cleanRuns() {
        Cli.ok("run", QUICK, "--out", refs.resolve("a").toString(), "-q");
        Cli.ok(args(refs.resolve("b")));
    }

    private static String[] args(Path out) {
        List<String> a = new ArrayList<>(List.of("run", QUICK, "--out", out.toString(), "-q"));
        a.addAll(List.of(B));
        return a.toArray(String[]::new);
    }

    @Test
    void theTwoRunsDifferInEveryFileTheyShare() throws IOException {
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "state.csv", "summary.json", "traces.png"), visible(refs.resolve("a")));
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "summary.json"), visible(refs.resolve("b")));
        for (String csv : List.of("spikes.csv", "rates.csv")) {
            assertNotEquals(Files.readString(refs.resolve("a").resolve(csv)), Files.readString(refs.resolve("b").resolve(csv)), csv);
        }
        assertNotEquals(summary(refs.resolve("a")).get("total_spikes").asLong(), summary(refs.resolve("b")).get("total_spikes").asLong());
        assertNotEquals(summary(refs.resolve("a")).get("run_id").asText(), summary(refs.resolve("b")).get("run_id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"files-written", "journal-written", "old-summary-removed", "moved:spikes.csv", "moved:rates.csv",
        "moved:raster.png", "stale-removed", "summary-moved", "temp-deleted"})
    void aRunKilledAtAnyPointOfItsCommitLeavesExactlyOneSet(String stage) throws Exception {
        Path dir = tmp.resolve("out");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
        killAt(stage, dir);
        // a reader arriving now: while summary.json is there, the files it lists are its run's
        if (Files.exists(dir.resolve("summary.json"))) assertSetMatchesItsSummary(dir, false);
        OutputDir.recover(dir);
        assertSetMatchesItsSummary(dir, true);
        Path winner = stage.equals("files-written") ? refs.resolve("a") : refs.resolve("b");
        assertEquals(visible(winner), visible(dir), "the set of " + winner.getFileName());
        assertEquals(List.of(), hidden(dir), "no journal, no temporary folder, no lock file");
    }

    /** The next command in the folder repairs it first: here a sweep, whose own set then replaces B's whole. */
    @Test
    void theNextSweepFinishesTheKilledCommitAndReplacesItsSet() throws Exception {
        Path dir = tmp.resolve("out");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
        killAt("moved:spikes.csv", dir);
        assertTrue(Files.exists(dir.resolve(".spikelane-commit")), "the kill left the journal");
        Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=1 nA..3 nA:3", "--set",
                "duration=50 ms", "--out", dir.toString(), "-q");
        assertEquals(List.of("summary.json", "sweep.csv", "sweep.png"), visible(dir));
        List<String> listed = new ArrayList<>();
        summary(dir).get("files").forEach(f -> listed.add(f.asText()));
        assertEquals(visible(dir), listed.stream().sorted().toList());
        assertEquals(List.of(), hidden(dir));
    }

    /**
     * A commit under way in another process holds the folder: a repair started beside it waits
     * (it must not finish a journal its live writer is carrying out) and goes on once the writer
     * is killed, ending with the writer's set.
     */
    @Test
    void aRepairWaitsForACommitUnderWayInAnotherProcess() throws Exception {
        Path dir = tmp.resolve("out");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
        List<String> props = List.of("-Dspikelane.test.pauseAt=moved:rates.csv");
        try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), props, args(dir))) {
            assertTrue(child.awaitOutput("spikelane-test: paused at moved:rates.csv", 120), child.output());
            java.util.concurrent.CompletableFuture<Void> repair = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    OutputDir.recover(dir);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(1500);
            assertFalse(repair.isDone(), "the repair waits while the writer holds the folder");
            assertTrue(Files.exists(dir.resolve(".spikelane-commit")), "and leaves its journal alone");
            child.kill();
            repair.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertSetMatchesItsSummary(dir, true);
        assertEquals(visible(refs.resolve("b")), visible(dir));
        assertEquals(List.of(), hidden(dir));
    }

    /** Starts run B into {@code dir} in a child JVM, waits until it reaches {@code stage} and kills it with SIGKILL. */
    private void killAt(String stage, Path dir) throws Exception {
        List<String> props = List.of("-Dspikelane.test.pauseAt=" + stage);
        try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), props, args(dir))) {
            assertTrue(child.awaitOutput("spikelane-test: paused at " + stage, 120), "the child reached " + stage + ": " + child.output());
            child.kill();
        }
    }

    /**
     * The folder's visible files are exactly those summary.json lists ({@code exact}; otherwise at
     * least those), and each CSV is byte for byte the one of the clean run with that summary's
     * spike count.
     */
    private static void assertSetMatchesItsSummary(Path dir, boolean exact) throws IOException {
        JsonNode summary = summary(dir);
        List<String> listed = new ArrayList<>();
        summary.get("files").forEach(f -> listed.add(f.asText()));
        long spikes = summary.get("total_spikes").asLong();
        Path ref = spikes == summary(refs.resolve("a")).get("total_spikes").asLong() ? refs.resolve("a") : refs.resolve("b");
        assertEquals(summary(ref).get("total_spikes").asLong(), spikes, "the summary is A's or B's");
        assertEquals(visible(ref), listed.stream().sorted().toList(), "summary.json lists its run's files");
        if (exact) assertEquals(listed.stream().sorted().toList(), visible(dir), "nothing but the listed files");
        for (String name : listed) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name + " listed and present");
            if (name.endsWith(".csv")) assertArrayEquals(Files.readAllBytes(ref.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
        }
    }

    private static JsonNode summary(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("summary.json").toFile());
    }

    private static List<String> visible(Path dir) throws IOException {
        return list(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }

    private static List<String> hidden(Path dir) throws IOException {
        return list(dir).stream().filter(n -> n.startsWith(".")).toList();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
