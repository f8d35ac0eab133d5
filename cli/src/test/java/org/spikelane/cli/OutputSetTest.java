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
     * A run killed with SIGKILL (no shutdown hook) leaves its temporary folder; the next run in that
     * folder removes it, since its pid is dead. A live run's folder is left alone.
     */
    @Test
    void aKilledRunsTemporaryFolderIsRemovedByTheNextRun() throws Exception {
        Path dir = tmp.resolve("killed");
        Path longRun = tmp.resolve("long.yaml");
        Files.writeString(longRun, Files.readString(Path.of(QUICK)).replace("duration: 200 ms", "duration: 10000 s"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.spikelane.cli.Main", "run", longRun.toString(), "--out", dir.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaries(dir).isEmpty() && System.nanoTime() < deadline && child.isAlive()) Thread.sleep(50);
            assertFalse(temporaries(dir).isEmpty(), "the child made its temporary folder: " + Files.readString(tmp.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(1, temporaries(dir).size(), "SIGKILL left the folder behind");
        Path live = Files.createDirectory(dir.resolve(".spikelane-tmp-" + ProcessHandle.current().pid() + "-1"));
        Cli.ok("run", QUICK, "--out", dir.toString(), "-q");
        assertEquals(List.of(live.getFileName().toString()), temporaries(dir), "the dead run's folder is gone, the live one's kept");
        Files.delete(live);
        assertEquals(List.of("raster.png", "rates.csv", "spikes.csv", "state.csv", "summary.json", "traces.png"), names(dir));
    }

    private static List<String> temporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        return names(dir).stream().filter(n -> n.startsWith(".spikelane-tmp-")).toList();
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
