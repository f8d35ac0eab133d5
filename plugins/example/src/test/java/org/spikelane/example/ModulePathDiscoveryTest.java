package org.spikelane.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.spikelane.example.modulecheck.ListPlugins;
import org.spikelane.spi.PluginRegistry;

/**
 * The plugin as a real module: a separate JVM gets the engine and this plugin on the MODULE
 * path (not the class path, where surefire runs the other tests), so only the
 * {@code provides} clause of module-info can make {@code ou_noise} visible.
 */
class ModulePathDiscoveryTest {

    private static Path locationOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void foundOnTheModulePathThroughProvides() throws Exception {
        // engine/target/classes (or the engine jar) and this module's target/classes
        Path engine = locationOf(PluginRegistry.class);
        Path plugin = locationOf(OuNoisePlugin.class);
        Path tests = locationOf(ListPlugins.class);
        assertTrue(System.getProperty("java.class.path").contains(engine.toString()), "engine found on the class path");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java,
                "--module-path", engine + File.pathSeparator + plugin,
                // resolving the engine binds its `uses` to every module that `provides` a plugin
                "--add-modules", "jdk.incubator.vector,org.spikelane.engine",
                "-cp", tests.toString(),
                ListPlugins.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("ou_noise\tmodule org.spikelane.example")),
                "ou_noise from module org.spikelane.example expected in:\n" + output);
    }
}
