package org.spikelane.nir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test resources under {@code src/test/resources/nir}. */
public final class TestData {
    private TestData() {}

    public static Path path(String name) {
        try {
            return Path.of(TestData.class.getResource("/nir/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource nir/" + name, e);
        }
    }

    /** A headerless CSV of numbers as rows of doubles. */
    public static double[][] csv(String name) {
        try {
            List<String> lines = Files.readAllLines(path(name));
            return lines.stream().filter(l -> !l.isBlank())
                    .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
