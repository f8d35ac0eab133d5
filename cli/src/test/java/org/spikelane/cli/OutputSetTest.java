package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 4 of issue 11: --out is checked before the run, and a run replaces the output set as a whole. */
class OutputSetTest {
    @TempDir
    Path tmp;

    private static final String QUICK = Cli.example("quickstart.yaml").toString();

    @Test
    void aRegularFileAsOutIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine\n");
        Cli.Outcome o = Cli.run("run", QUICK, "--out", file.toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertEquals("error: output folder " + file + ": is a file, not a folder\n", o.err());
        assertEquals("", o.out(), "nothing ran");
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void aFolderBelowARegularFileIsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine\n");
        Cli.Outcome o = Cli.run("run", QUICK, "--out", file.resolve("sub").toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertEquals("error: output folder " + file.resolve("sub") + ": " + file + " is a file, not a folder\n", o.err());
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeTheRun() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Cli.Outcome o = Cli.run("run", QUICK, "--out", dir.toString(), "-q");
            assertEquals(Main.BAD_INPUT, o.exitCode());
            assertEquals("error: output folder " + dir + ": the folder is read-only\n", o.err());
            assertEquals("", o.out());
            assertEquals(List.of(), names(dir));
            Cli.Outcome below = Cli.run("run", QUICK, "--out", dir.resolve("new").toString(), "-q");
            assertEquals("error: output folder " + dir.resolve("new") + ": cannot create it: " + dir + " is read-only\n", below.err());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A run without state recording leaves neither the earlier state.csv nor its traces.png; summary.json lists the set. */
    @Test
    void aRunWithoutStateRemovesTheEarlierRunsStateAndTraces() throws IOException {
        Path dir = tmp.resolve("quick");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "state.csv", "summary.json", "traces.png"), names(dir));
        Files.writeString(dir.resolve("notes.txt"), "the user's own file\n");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q", "--set", "record={spikes: [lif]}");
        assertEquals(List.of("notes.txt", "raster.png", "rates.csv", "spikes.csv", "summary.json"), names(dir));
        assertEquals(List.of("spikes.csv", "rates.csv", "summary.json", "raster.png"), listed(dir));
        assertEquals("the user's own file\n", Files.readString(dir.resolve("notes.txt")));
    }

    /** A summary.json of an earlier version (no file list) marks the folder as a run's: its outputs are replaced as a set too. */
    @Test
    void anEarlierSummaryWithoutAFileListStillMarksTheSet() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        for (String name : List.of("spikes.csv", "state.csv", "traces.png", "raster.png")) Files.writeString(dir.resolve(name), "old\n");
        Files.writeString(dir.resolve("summary.json"), "{\"scenario\": \"quickstart\"}\n");
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q", "--set", "record={spikes: [lif]}");
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "summary.json"), names(dir));
    }

    /** A sweep lists its files too, and a run in its folder replaces them. */
    @Test
    void aRunReplacesASweepsSetInTheSameFolder() throws IOException {
        Path dir = tmp.resolve("shared");
        Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=1 nA..3 nA:3", "--set",
                "duration=50 ms", "--out", dir.toString(), "-q");
        assertEquals(List.of("sweep.csv", "sweep.png", "summary.json"), listed(dir));
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q", "--set", "record={spikes: [lif]}");
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "summary.json"), names(dir));
    }

    /**
     * A live run's temporary folder is locked by its process, even when that process lives in
     * another JVM (or another container: no pid is involved): a run beside it leaves it alone. Once
     * the run is killed with SIGKILL (no shutdown hook), the OS drops the lock and the next run
     * removes the folder.
     */
    @Test
    void aLiveRunsTemporaryFolderIsKeptAndAKilledOnesIsRemoved() throws Exception {
        Path dir = tmp.resolve("killed");
        Path longRun = tmp.resolve("long.yaml");
        Files.writeString(longRun, Files.readString(Path.of(QUICK)).replace("duration: 200 ms", "duration: 10000 s"));
        try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), List.of(), "run", longRun.toString(), "--out", dir.toString(), "-q")) {
            assertTrue(child.await(() -> !temporaries(dir).isEmpty(), 60), "the child made its temporary folder: " + child.output());
            List<String> live = temporaries(dir);
            assertEquals(1, live.size(), live.toString());
            Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
            assertEquals(live, temporaries(dir), "the live child's folder is kept while it holds its lock");
            assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "state.csv", "summary.json", "traces.png"), visible(dir));
            child.kill();
            assertEquals(live, temporaries(dir), "SIGKILL left the folder behind");
        }
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q", "--set", "record={spikes: [lif]}");
        assertEquals(List.of(), temporaries(dir), "the dead run's folder is gone");
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "summary.json"), visible(dir));
    }

    /**
     * Two runs of one JVM in one folder: the second must not probe the first's lock file, since
     * closing any descriptor of a file drops the process's lock on it, and then a run in another
     * process would delete the first's live folder. A child JVM's run checks that it stays.
     */
    @Test
    void aSecondRunInTheSameJvmKeepsTheFirstOnesFolderLockedForOtherProcesses() throws Exception {
        Path dir = tmp.resolve("shared");
        try (org.spikelane.cli.output.OutputDir first = org.spikelane.cli.output.OutputDir.open(dir, java.util.Set.of("spikes.csv"))) {
            List<String> firstTemp = temporaries(dir);
            try (org.spikelane.cli.output.OutputDir second = org.spikelane.cli.output.OutputDir.open(dir, java.util.Set.of("spikes.csv"))) {
                assertEquals(2, temporaries(dir).size());
            }
            try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), List.of(), "run", QUICK, "--out", dir.toString(), "-q")) {
                assertEquals(0, child.exitCode(180), child.output());
            }
            assertEquals(firstTemp, temporaries(dir), "the first run's folder outlived the other process's cleanup");
        }
        assertEquals(List.of(), temporaries(dir));
    }

    private static List<String> visible(Path dir) throws IOException {
        return names(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }

    private static List<String> temporaries(Path dir) {
        try {
            if (!Files.isDirectory(dir)) return List.of();
            return names(dir).stream().filter(n -> n.startsWith(".spikelane-tmp-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> listed(Path dir) throws IOException {
        JsonNode files = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("files");
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.asText()));
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
