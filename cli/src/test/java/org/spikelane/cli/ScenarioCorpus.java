package org.spikelane.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of a committed scenario corpus, and files of it too large to commit, written at test time. */
final class ScenarioCorpus {
    private ScenarioCorpus() {}

    /** What writes a generated scenario's text. */
    interface Text {
        void write(Writer out) throws IOException;
    }

    /** The files of {@code dir} whose names end in one of {@code endings}, by name. */
    static List<Path> files(Path dir, String... endings) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(dir)) {
            listed.filter(p -> Stream.of(endings).anyMatch(p.toString()::endsWith)).sorted().forEach(files::add);
        }
        return files;
    }

    /** A file {@code name} in a fresh temporary folder, removed when the JVM exits. */
    static Path generated(String name, Text text) throws IOException {
        Path dir = Files.createTempDirectory("scenario-corpus");
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file)) {
            text.write(out);
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
