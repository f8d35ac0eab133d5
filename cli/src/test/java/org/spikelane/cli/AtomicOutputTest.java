package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.output.OutputDir;

/** A failed or interrupted run never leaves a half-written file over an earlier result, nor a mixed set. */
class AtomicOutputTest {
    @TempDir
    Path tmp;

    @Test
    void writerFailingHalfwayLeavesTheOldFileAndNoTemporaries() throws IOException {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spikes.csv"), "earlier result\n");
        try (OutputDir out = OutputDir.open(dir, Set.of("spikes.csv"))) {
            assertThrows(IOException.class, () -> out.write("spikes.csv", o -> {
                o.write("population,neuron,time_s\nlif,0,0.01".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full (simulated)");
            }));
        }
        assertEquals("earlier result\n", Files.readString(dir.resolve("spikes.csv")));
        assertEquals(List.of("spikes.csv"), names(dir));
    }

    @Test
    void nothingIsReplacedBeforeEveryFileIsComplete() throws IOException {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.csv"), "old a\n");
        Files.writeString(dir.resolve("b.csv"), "old b\n");
        try (OutputDir out = OutputDir.open(dir, Set.of("a.csv", "b.csv"))) {
            out.write("a.csv", o -> o.write("new a\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals("old a\n", Files.readString(dir.resolve("a.csv")), "a.csv is replaced only at commit");
            assertThrows(IOException.class, () -> out.write("b.csv", o -> {
                throw new IOException("plot failed (simulated)");
            }));
        }
        assertEquals("old a\n", Files.readString(dir.resolve("a.csv")));
        assertEquals("old b\n", Files.readString(dir.resolve("b.csv")));
        assertEquals(List.of("a.csv", "b.csv"), names(dir));
    }

    /** A move that fails halfway through the commit puts the earlier outputs back and removes the new ones. */
    @Test
    void aCommitThatFailsHalfwayRestoresTheEarlierSet() throws IOException {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spikes.csv"), "old spikes\n");
        Files.writeString(dir.resolve("summary.json"), "{\"files\": [\"spikes.csv\", \"summary.json\"]}\n");
        try (OutputDir out = OutputDir.open(dir, Set.of("spikes.csv", "raster.png", "summary.json"))) {
            out.write("spikes.csv", o -> o.write("new spikes\n".getBytes(StandardCharsets.UTF_8)));
            out.write("raster.png", o -> o.write(1));
            out.write("summary.json", o -> o.write("{}\n".getBytes(StandardCharsets.UTF_8)));
            // a folder with content where raster.png goes, made after the checks: the second move fails
            Files.createDirectories(dir.resolve("raster.png").resolve("x"));
            IOException e = assertThrows(IOException.class, out::commit);
            assertTrue(e.getMessage().startsWith("could not replace the outputs in " + dir), e.getMessage());
            assertTrue(e.getMessage().endsWith("; the earlier ones are kept"), e.getMessage());
        }
        assertEquals("old spikes\n", Files.readString(dir.resolve("spikes.csv")));
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("files"));
        assertEquals(List.of("raster.png", "spikes.csv", "summary.json"), names(dir), "no temporary folder left");
    }

    /** End to end: a second run that fails to write keeps the first run's spikes.csv byte for byte. */
    @Test
    void failedRunKeepsEarlierSpikes() throws IOException {
        Path dir = tmp.resolve("quick");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", dir.toString(), "-q");
        String before = Files.readString(dir.resolve("spikes.csv"));
        assertTrue(before.lines().count() > 10);
        // summary.json turned into a folder: the next run cannot write it
        Files.delete(dir.resolve("summary.json"));
        Files.createDirectories(dir.resolve("summary.json").resolve("x"));
        Cli.Outcome o = Cli.run("run", Cli.example("quickstart.yaml").toString(), "--out", dir.toString(), "-q",
                "--set", "inputs.2.amplitude=3 nA");
        // found before the simulation, not after it
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals("error: output folder " + dir + ": summary.json is a folder; cannot write an output file there\n", o.err());
        assertEquals(before, Files.readString(dir.resolve("spikes.csv")));
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".")), names(dir).toString());
    }

    /** A journal naming a file that is not an output (an edited or foreign one) is refused whole: nothing is deleted. */
    @Test
    void aJournalNamingAnythingButOutputsIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Files.writeString(dir.resolve("spikes.csv"), "kept\n");
        Files.writeString(dir.resolve(".spikelane-commit"), "spikelane-commit 1\nrun_id x\ntemp .spikelane-tmp-x\nremove notes.txt\nremove spikes.csv\n");
        IOException e = assertThrows(IOException.class, () -> OutputDir.recover(dir));
        assertEquals(dir.resolve(".spikelane-commit") + ": not a commit journal this version can finish ('notes.txt' is not an output"
                + " file name); remove it to go on", e.getMessage());
        assertEquals("mine\n", Files.readString(dir.resolve("notes.txt")));
        assertEquals("kept\n", Files.readString(dir.resolve("spikes.csv")));
    }

    /** A temporary folder without a lock file (a kill between its creation and its lock, or an earlier version's) is abandoned. */
    @Test
    void aTemporaryFolderWithoutALockIsRemoved() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path old = Files.createDirectories(dir.resolve(".spikelane-tmp-4242-17"));
        Files.writeString(old.resolve("spikes.csv"), "half\n");
        Path other = Files.createDirectories(dir.resolve(".spikelane-mine"));
        OutputDir.recover(dir);
        assertTrue(Files.notExists(old));
        assertTrue(Files.isDirectory(other), "only .spikelane-tmp-* folders are judged");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
