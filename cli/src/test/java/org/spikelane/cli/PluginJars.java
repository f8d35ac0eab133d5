package org.spikelane.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.spikelane.spi.PluginRegistry;

/**
 * Builds a plugin jar from source while a test runs, as a third party would build one: javac
 * against the engine's classes alone, then a jar of the classes and resources.
 */
final class PluginJars {
    private PluginJars() {}

    /** The example plugin's sources and resources (plugins/example/src/main). */
    static final Path EXAMPLE = Cli.EXAMPLES.resolveSibling("plugins").resolve("example").resolve("src").resolve("main");

    /**
     * Compiles every class of {@code sources} (module-info.java aside: the jar is read on the class
     * path) and packs them with {@code resources} (null: none) into {@code jar}.
     */
    static Path build(Path sources, Path resources, Path work, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java")).toList();
        }
        Path classes = compile(files, engineClasses().toString(), work.resolve("classes"));
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            if (resources != null) add(out, resources);
        }
        return jar;
    }

    /** javac of {@code sources} against {@code classPath} into {@code classes}; a failure shows javac's messages. */
    static Path compile(List<Path> sources, String classPath, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "25", "-proc:none", "-nowarn", "-d", classes.toString(),
                "-cp", classPath));
        sources.forEach(f -> args.add(f.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int code = javac.run(null, messages, messages, args.toArray(String[]::new));
        if (code != 0) throw new AssertionError("javac failed:\n" + messages);
        return classes;
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, out);
            out.closeEntry();
        }
    }

    /** Where the engine's classes are (a jar or target/classes): all a plugin compiles against. */
    private static Path engineClasses() {
        try {
            return Path.of(PluginRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
