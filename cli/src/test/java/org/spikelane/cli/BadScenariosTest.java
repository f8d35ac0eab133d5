package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad scenarios in src/test/resources/bad-scenarios: one file per mistake, its first
 * line {@code # expect: FIELD: FRAGMENT} ({@code -} for a problem of the whole file). Each must be
 * refused by {@code run} within 5 s with exit code 2 and one line on stderr,
 * {@code error: FILE:LINE:COL: FIELD: PROBLEM} with the fragment in the problem, never a stack trace.
 * Files that are not UTF-8 text (binary, UTF-16, Latin-1) end in {@code .yaml.bin}, so that the
 * repository's checks of its text files pass them by. A file too large to commit is generated here.
 */
class BadScenariosTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "bad-scenarios");
    private static final Pattern EXPECT = Pattern.compile("# expect: ([^:]+): (.+)");

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException {
        List<Path> files = ScenarioCorpus.files(CORPUS, ".yaml", ".yaml.bin");
        files.add(oversized());
        return files.stream();
    }

    /** A scenario beyond the reader's size limit, with a valid beginning (so only the size is wrong). */
    private static Path oversized() throws IOException {
        String header = "# expect: -: MiB\ndt: 0.1 ms\nduration: 1 ms\npopulations:\n  - name: lif\n    size: 1\n";
        String comment = "# " + "x".repeat(1 << 20) + "\n";
        long limitBytes = 16L << 20;
        return ScenarioCorpus.generated("over-size-limit.yaml", out -> {
            out.write(header);
            for (long written = header.length(); written <= limitBytes; written += comment.length()) out.write(comment);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithOneLocatedLine(Path file) {
        String[] expected = expectation(file);
        String field = expected[0];
        String fragment = expected[1];
        Cli.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "-q"));
        String err = o.err().strip();
        assertEquals(Main.BAD_INPUT, o.exitCode(), "exit code; stderr: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        String located = "error: " + Pattern.quote(file.toString()) + ":\\d+:\\d+: "
                + (field.equals("-") ? "" : Pattern.quote(field) + ": ") + ".*";
        assertTrue(err.matches(located), "expected FILE:LINE:COL: " + field + ": ..., got: " + err);
        assertTrue(err.contains(fragment), "expected '" + fragment + "' in: " + err);
    }

    /** {FIELD, FRAGMENT} from the first line, read as UTF-16 where the file is in UTF-16. */
    static String[] expectation(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean utf16 = bytes.length > 1 && (bytes[0] == 0 || bytes[1] == 0 || (bytes[0] & 0xff) >= 0xfe);
            String text = new String(bytes, 0, Math.min(bytes.length, 400), utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
            String first = text.lines().findFirst().orElse("");
            var m = EXPECT.matcher(first);
            if (!m.matches()) throw new AssertionError(file + ": the first line must be '# expect: FIELD: FRAGMENT', got: " + first);
            return new String[] {m.group(1).strip(), m.group(2).strip()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
