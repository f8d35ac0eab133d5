package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of legitimate but unusual scenarios in src/test/resources/edge-scenarios (anchors and
 * aliases, {@code stop: inf s}, byte-order marks, unicode names, extreme seeds ...): each must run
 * with exit code 0. A first line {@code # spiking: POP N POP N ...} names exactly the neurons that
 * must spike, so that an alias is checked to mean what it names. A 4 MB scenario with 250 000
 * spike times is generated here rather than committed.
 */
class EdgeScenariosTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "edge-scenarios");

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException {
        List<Path> files = ScenarioCorpus.files(CORPUS, ".yaml", ".json");
        files.add(manySpikeTimes());
        return files.stream();
    }

    /** About 4 MB: a generator with 250 000 spike times, beyond SnakeYAML's default 3 MB limit. */
    private static Path manySpikeTimes() throws IOException {
        int count = 250_000;
        return ScenarioCorpus.generated("many-spike-times.yaml", out -> {
            out.write("# spiking: gen 0 gen 1\ndt: 0.1 ms\nduration: 5 ms\npopulations:\n"
                    + "  - name: gen\n    size: 2\n    model: spike_generator\n    spikes:\n      times:\n");
            for (int i = 0; i < count; i++) out.write(String.format(Locale.ROOT, "        - %.4f ms\n", 1 + 500_000.0 * i / count));
            out.write("      neurons:\n");
            for (int i = 0; i < count; i++) out.write("        - " + i % 2 + "\n");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runs(Path file) throws IOException {
        Path out = tmp.resolve("out");
        Cli.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.run("run", file.toString(), "--out", out.toString(), "-q"));
        assertEquals(0, o.exitCode(), "stderr: " + o.err());
        String spiking = spikingLine(file);
        if (spiking != null) {
            TreeSet<String> expected = new TreeSet<>();
            String[] words = spiking.split("\\s+");
            for (int i = 0; i + 1 < words.length; i += 2) expected.add(words[i] + " " + words[i + 1]);
            TreeSet<String> actual = new TreeSet<>();
            for (String[] row : Cli.rows(out.resolve("spikes.csv"))) actual.add(row[0] + " " + row[1]);
            assertEquals(expected, actual, "the neurons that spiked");
        }
    }

    /** The words after "# spiking:" on the first line, or null. */
    private static String spikingLine(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.startsWith("# spiking:") ? first.substring("# spiking:".length()).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
