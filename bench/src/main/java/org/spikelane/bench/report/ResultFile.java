package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JMH run: the results of a {@code -rf json} file and, when {@code bench/run} wrote it, the
 * environment recorded beside it ({@code <name>.env.json}; null for older hand-run files).
 */
public record ResultFile(Path path, List<JmhResult> results, JsonNode environment) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The environment file that belongs to a result file. */
    public static Path environmentPath(Path result) {
        String name = result.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return result.resolveSibling(base + ".env.json");
    }

    public static ResultFile load(Path path) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new IOException(path + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(path + ": not a JMH result (expected the JSON array written by -rf json)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                results.add(JmhResult.parse(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(path + ": entry " + i + ": " + e.getMessage(), e);
            }
        }
        Path env = environmentPath(path);
        JsonNode environment = Files.isRegularFile(env) ? JSON.readTree(env.toFile()) : null;
        return new ResultFile(path, List.copyOf(results), environment);
    }

    public String name() {
        return path.getFileName().toString();
    }
}
