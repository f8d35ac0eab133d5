package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.plugins.PluginLoader;
import org.spikelane.cli.plugins.PluginPath;

/**
 * A third-party plugin reaches the CLI by --plugins or SPIKELANE_PLUGIN_PATH: the example ou_noise
 * plugin is compiled from its sources into a jar here, then listed and run from the command line.
 */
class PluginPathTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    static Path jar;

    /** The guide's scenario (plugins/example/ou-noise.yaml). */
    static final String SCENARIO = PluginJars.EXAMPLE.getParent().getParent().resolve("ou-noise.yaml").toString();

    @BeforeAll
    static void buildTheExamplePlugin() throws IOException {
        jar = PluginJars.build(PluginJars.EXAMPLE.resolve("java"), PluginJars.EXAMPLE.resolve("resources"), build,
                build.resolve("jars").resolve("ou-noise.jar"));
    }

    /** Without the jar the CLI does not know ou_noise: the test's class path really lacks it. */
    @Test
    void withoutTheJarOuNoiseIsUnknown() {
        Cli.Outcome o = Cli.run("validate", SCENARIO);
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("unknown input plugin 'ou_noise'"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    /** `plugins --plugins JAR` lists ou_noise with its parameters and says which jar and option it came from. */
    @Test
    void pluginsListsTheJarsPluginAndItsOrigin() {
        String out = Cli.ok("plugins", "--plugins", jar.toString()).out();
        String line = out.lines().filter(l -> l.startsWith("  ou_noise: ")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(line.contains("[" + jar + " (--plugins); "), line);
        assertTrue(line.endsWith("; float32 only]"), line);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("sigma ") && l.contains("A (per neuron)")), out);
        // the built-in plugins are still there, from their own jars or folders
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  bias: ") && !l.contains("--plugins")), out);
        // a folder works as well as the jar: every jar in it
        String fromFolder = Cli.ok("plugins", "--plugins", jar.getParent().toString()).out();
        assertTrue(fromFolder.contains(jar + " (--plugins " + jar.getParent() + ")"), fromFolder);
    }

    /** The guide's scenario runs with the jar; with sigma = 0 the current is exactly the mean. */
    @Test
    void theGuidesScenarioRunsWithTheJar() {
        Path out = tmp.resolve("noise");
        Cli.ok("run", SCENARIO, "--plugins", jar.toString(), "--out", out.toString(), "-q");
        double[][] current = Cli.trace(out, "lif", 0, "I");
        assertEquals(10000, current[1].length);
        double mean = java.util.Arrays.stream(current[1]).average().orElseThrow();
        // 1 s of a 10 ms OU process: about 50 independent stretches, so the mean's s.e. is ~0.07 nA
        assertEquals(1.8e-9, mean, 0.3e-9);
        // the subthreshold mean fires only with the noise
        assertTrue(Cli.rows(out.resolve("spikes.csv")).size() > 100, "noise-driven spikes");

        Path quiet = tmp.resolve("quiet");
        Cli.ok("run", SCENARIO, "--plugins", jar.toString(), "--set", "inputs.0.sigma=0 nA", "--out", quiet.toString(), "-q");
        for (double i : Cli.trace(quiet, "lif", 0, "I")[1]) assertEquals(1.8e-9, i, 1e-15);
        assertEquals(0, Cli.rows(quiet.resolve("spikes.csv")).size(), "1.8 nA alone stays below the 2 nA rheobase");
    }

    /** SPIKELANE_PLUGIN_PATH is a ':'-separated list of jars and folders, after the options. */
    @Test
    void theEnvironmentVariableNamesJarsToo() {
        Path folder = jar.getParent();
        List<PluginPath.Jar> jars = PluginPath.jars(List.of(), folder + java.io.File.pathSeparator + " ");
        assertEquals(List.of(new PluginPath.Jar(jar, PluginPath.ENV, folder.toString())), jars);
        PluginLoader.Loaded loaded = PluginLoader.load(jars);
        var ou = loaded.registry().input("ou_noise");
        assertEquals(jar + " (" + PluginPath.ENV + " " + folder + ")", loaded.origin(ou));
        assertEquals("bias", loaded.registry().input("bias").name());
    }

    /** Wrong paths are one line naming the option and what is wrong. */
    @Test
    void badPluginPathsAreOneLineErrors() throws IOException {
        Path missing = tmp.resolve("nothing.jar");
        assertOneLine(Cli.run("plugins", "--plugins", missing.toString()), "error: --plugins " + missing + ": no such file or folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertOneLine(Cli.run("plugins", "--plugins", empty.toString()), "error: --plugins " + empty + ": the folder holds no .jar file");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertOneLine(Cli.run("plugins", "--plugins", text.toString()), "error: --plugins " + text + ": not a .jar file");
        // a jar of classes without the services file: found nothing, and says what is missing
        Path bare = PluginJars.build(PluginJars.EXAMPLE.resolve("java"), null, tmp.resolve("bare"), tmp.resolve("bare.jar"));
        assertOneLine(Cli.run("plugins", "--plugins", bare.toString()), "error: --plugins " + bare + ": provides no plugin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginPath.jars(List.of(), tmp.resolve("gone").toString()));
        assertEquals(PluginPath.ENV + " " + tmp.resolve("gone") + ": no such file or folder", e.getMessage());
    }

    private static void assertOneLine(Cli.Outcome o, String start) {
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith(start), o.err());
    }
}
