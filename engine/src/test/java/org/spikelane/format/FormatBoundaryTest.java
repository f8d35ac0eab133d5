package org.spikelane.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the format package tells number formats apart: no main source elsewhere, in any module,
 * asks {@code instanceof} of a LIF kernel, a state class or a format binding, and the engine
 * names no synapse plugin.
 */
class FormatBoundaryTest {
    /** {@code instanceof} on a kernel, state, target view or binding, however qualified. */
    private static final Pattern FORMAT_TEST = Pattern.compile(
            "instanceof\\s+(?:\\w+\\.)*(\\w*(?:LifKernel|State|Binding|FixedTarget|PhysicalMapping))\\b");
    private static final Pattern PLUGIN_NAME = Pattern.compile("\"(exp_current|delta)\"");

    /** The repository: tests run in engine/. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("engine")) ? here : here.getParent();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noMainSourceOutsideTheFormatPackageAsksWhichFormatItHas() throws IOException {
        List<Path> sources = mainSources();
        assertTrue(sources.stream().anyMatch(p -> p.endsWith("cli/src/main/java/org/spikelane/cli/Main.java"))
                || sources.size() > 60, "found the sources of every module: " + sources.size());
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            if (p.toString().contains("/org/spikelane/format/")) continue;
            Matcher m = FORMAT_TEST.matcher(read(p));
            while (m.find()) found.add(root().relativize(p) + ": instanceof " + m.group(1));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theEngineNamesNoSynapsePlugin() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : mainSources()) {
            if (!p.toString().contains("engine/src/main/java/")) continue;
            for (String line : read(p).lines().toList()) {
                String code = line.strip();
                if (code.startsWith("*") || code.startsWith("/")) continue; // comments may give examples
                if (PLUGIN_NAME.matcher(code).find()) found.add(root().relativize(p) + ": " + code);
            }
        }
        assertEquals(List.of(), found);
    }
}
