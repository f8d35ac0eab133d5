package org.spikelane.cli.plugins;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugin jars a user names beside the built-in plugins: every {@code --plugins PATH} and every
 * entry of {@code SPIKELANE_PLUGIN_PATH} (separated like a class path), each a jar or a folder
 * whose {@code *.jar} files are all taken. Each jar remembers which of the two named it, so the
 * {@code plugins} listing can say where a plugin came from.
 */
public final class PluginPath {
    /** The environment variable holding plugin jars and folders. */
    public static final String ENV = "SPIKELANE_PLUGIN_PATH";

    /**
     * One plugin jar, the option or variable that named it ({@code --plugins} or the variable) and the
     * entry as the user gave it (the jar itself or its folder).
     */
    public record Jar(Path path, String source, String entry) {
        /** The option or variable with the entry, for error messages: {@code --plugins lib/}. */
        public String namedBy() {
            return source + " " + entry;
        }

        /** How the jar came in, for listings: the option alone when the entry was the jar itself. */
        public String cameFrom() {
            return Path.of(entry).toAbsolutePath().normalize().equals(path) ? source : source + " " + entry;
        }

        URL url() {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(namedBy() + ": not a usable path: " + path, e);
            }
        }
    }

    private PluginPath() {}

    /** The jars of the options (in order), then those of the variable's value (null: unset). */
    public static List<Jar> jars(List<Path> options, String variable) {
        List<Jar> jars = new ArrayList<>();
        for (Path p : options) expand(p, "--plugins", p.toString(), jars);
        if (variable != null) {
            for (String entry : variable.split(File.pathSeparator)) {
                if (!entry.isBlank()) expand(Path.of(entry.strip()), ENV, entry.strip(), jars);
            }
        }
        return jars;
    }

    private static void expand(Path given, String source, String entry, List<Jar> into) {
        Path p = given.toAbsolutePath().normalize();
        String namedBy = source + " " + entry;
        if (Files.isDirectory(p)) {
            List<Path> inside;
            try (Stream<Path> files = Files.list(p)) {
                inside = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(namedBy + ": cannot list the folder: " + e.getMessage(), e);
            }
            if (inside.isEmpty()) throw new IllegalArgumentException(namedBy + ": the folder holds no .jar file");
            for (Path jar : inside) into.add(new Jar(jar, source, entry));
        } else if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().endsWith(".jar")) {
                throw new IllegalArgumentException(namedBy + ": not a .jar file (give a plugin jar or a folder of them)");
            }
            into.add(new Jar(p, source, entry));
        } else {
            throw new IllegalArgumentException(namedBy + ": no such file or folder");
        }
    }
}
