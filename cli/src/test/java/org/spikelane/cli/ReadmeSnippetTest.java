package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java programs compile as shown and run: each ```java block that is a whole file
 * (it starts with its imports) is written to its class's file, compiled against the test class
 * path (engine, plugins, CLI) and started in a JVM of its own, in a folder where
 * {@code examples/} is the repository's (a link) and {@code out/} is the test's own.
 */
class ReadmeSnippetTest {
    static final Path ROOT = Cli.EXAMPLES.getParent();

    @TempDir
    static Path work;

    static Path classes;
    static List<String> programs = new ArrayList<>();

    @BeforeAll
    static void compileTheReadmesPrograms() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```java\\n(import .*?)```", Pattern.DOTALL).matcher(readme);
        List<Path> sources = new ArrayList<>();
        while (block.find()) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(block.group(1));
            assertTrue(name.find(), "a whole-file block names its public class:\n" + block.group(1));
            programs.add(name.group(1));
            sources.add(Files.writeString(work.resolve(name.group(1) + ".java"), block.group(1)));
        }
        assertEquals(List.of("Quickstart", "FromScenario"), programs);
        classes = PluginJars.compile(sources, System.getProperty("java.class.path"), work.resolve("classes"));
        Files.createSymbolicLink(Files.createDirectories(work.resolve("cwd")).resolve("examples"), Cli.EXAMPLES);
    }

    /**
     * 1000 neurons, 2.2 nA through 10 Mohm: 22 mV against a 20 mV threshold. At the mean tau_m of
     * 20 ms the first spike comes at 20 ms ln(22/2) = 48.0 ms, then one every 2 ms (refractory) +
     * 20 ms ln(17/2) = 44.8 ms: 22 spikes in 1 s. The 10 % spread of tau_m moves the mean count by
     * a few per cent, neuron 7's 3 nA in the second half by 0.01 %.
     */
    @Test
    void theEmbeddingExampleRuns() throws Exception {
        String out = run("Quickstart");
        Matcher m = Pattern.compile("^(\\d+) spikes$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), out);
        long spikes = Long.parseLong(m.group(1));
        assertEquals(22_000, spikes, 1_000, "spikes of 1000 neurons in 1 s");
    }

    /** The scenario API: the quickstart scenario run from Java gives the CLI's spikes and writes its files. */
    @Test
    void theScenarioExampleRuns() throws Exception {
        Path outDir = work.resolve("cwd").resolve("out").resolve("quickstart-java");
        String out = run("FromScenario");
        Cli.Outcome cli = Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--set", "duration=100 ms",
                "--out", work.resolve("cli").toString(), "-q");
        long cliSpikes = Cli.rows(work.resolve("cli").resolve("spikes.csv")).size();
        assertTrue(out.contains(cliSpikes + " spikes"), out + " vs CLI " + cli.out());
        assertEquals(Files.readString(work.resolve("cli").resolve("spikes.csv")), Files.readString(outDir.resolve("spikes.csv")));
        assertTrue(ImageIO.read(outDir.resolve("raster.png").toFile()).getWidth() >= 800);
        assertTrue(ImageIO.read(outDir.resolveSibling("quickstart-traces.png").toFile()).getHeight() >= 400);
    }

    private static String run(String program) throws Exception {
        String jvm = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(jvm, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), program)
                .directory(work.resolve("cwd").toFile()).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
