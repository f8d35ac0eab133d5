package org.spikelane.cli.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, for each dotted path of a scenario tree ({@code populations.0.params.tau_m}), where it
 * was written: a line in the file, or a {@code --set} option on the command line. Errors found
 * later (by the engine, long after parsing) are turned back into "file:line: field" with it.
 */
public final class SourceMap {
    private final String file;
    private final Map<String, Location> locations = new HashMap<>();
    /** Paths replaced from the command line: path -> the option text, e.g. "--set duration=1 s". */
    private final Map<String, String> overrides = new HashMap<>();

    public SourceMap(String file) {
        this.file = file;
    }

    public String file() { return file; }

    void put(String path, Location location) {
        locations.put(path, location);
    }

    /** Whether {@code path} itself was written in the file. */
    public boolean has(String path) {
        return locations.containsKey(path);
    }

    /** Marks {@code path} (and everything below it) as coming from a command-line option. */
    public void override(String path, String option) {
        overrides.put(path, option);
    }

    /** An error about {@code path}, located at the path or its nearest written ancestor. */
    public ScenarioException error(String path, String problem) {
        for (String p = path; p != null; p = parent(p)) {
            String option = overrides.get(p);
            if (option != null) return new ScenarioException(file + " (" + option + ")", null, path, problem);
            Location at = locations.get(p);
            if (at != null) return new ScenarioException(file, at, path, problem);
        }
        return new ScenarioException(file, null, path, problem);
    }

    private static String parent(String path) {
        if (path.isEmpty()) return null;
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Joins a path and a child key or index: {@code child("inputs", 0) = "inputs.0"}. */
    public static String child(String path, Object key) {
        return path.isEmpty() ? String.valueOf(key) : path + "." + key;
    }
}
