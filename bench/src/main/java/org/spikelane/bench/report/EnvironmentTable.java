package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environment of one run as a two-column table: from the {@code .env.json} that bench/run
 * writes, or, for older files, only what the JMH JSON itself holds (JDK, fork flags).
 */
public final class EnvironmentTable {
    private EnvironmentTable() {}

    public static String render(ResultFile file) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode env = file.environment();
        JmhResult first = file.results().isEmpty() ? null : file.results().getFirst();
        if (env != null) {
            JsonNode jdk = env.path("jdk");
            add(rows, "JDK", join(jdk.path("vendor").asText(), jdk.path("runtimeVersion").asText(),
                    paren(jdk.path("home").asText())));
            JsonNode cpu = env.path("cpu");
            String simd = list(cpu.path("simdFlags"), " ");
            add(rows, "CPU", join(cpu.path("model").asText(), paren(String.join(", ", java.util.stream.Stream.of(
                    cpu.has("family") ? "family " + cpu.path("family").asText() : "",
                    cpu.has("modelNumber") ? "model " + cpu.path("modelNumber").asText() : "").filter(p -> !p.isEmpty()).toList())))
                    + (simd.isEmpty() ? "" : "; SIMD " + simd)
                    + (cpu.has("caches") ? "; caches " + cpu.path("caches").asText() : ""));
            add(rows, "cores", join(cpu.path("cores").asText(),
                    env.has("availableProcessors") ? paren("JVM sees " + env.path("availableProcessors").asText()) : ""));
            if (env.has("memoryBytes")) add(rows, "memory", String.format("%.1f GB", env.path("memoryBytes").asDouble() / 1e9));
            JsonNode vector = env.path("vector");
            add(rows, "vector species", Markdown.code(vector.path("describe").asText())
                    + ", int " + Markdown.code(vector.path("intSpecies").asText()) + " (probe JVM of bench/run)");
        }
        if (first != null) {
            add(rows, "fork JVM", join(first.vmName(), first.vmVersion(), paren(first.jvm())));
            Set<String> flags = new LinkedHashSet<>();
            file.results().forEach(r -> flags.add(String.join(" ", r.jvmArgs())));
            add(rows, "fork JVM flags", flags.stream().map(Markdown::code).collect(Collectors.joining("; ")));
        }
        if (env != null) {
            JsonNode load = env.path("loadAverage");
            add(rows, "load average (1, 5, 15 min)", "start " + list(load.path("start"), ", ") + "; end " + list(load.path("end"), ", "));
            JsonNode git = env.path("git");
            int dirty = git.path("dirtyPaths").size();
            add(rows, "commit", Markdown.code(git.path("commit").asText()) + (dirty == 0 ? ", clean tree"
                    : ", tree dirty (" + dirty + " modified tracked " + (dirty == 1 ? "file" : "files") + ")"));
            if (!env.path("started").asText().isEmpty()) {
                add(rows, "time (UTC)", env.path("started").asText() + " to " + env.path("finished").asText());
            }
            add(rows, "command", Markdown.code(env.path("command").asText()));
        } else {
            add(rows, "recorded", "no " + Markdown.code(ResultFile.environmentPath(file.path()).getFileName().toString())
                    + " (run before bench/run existed): CPU, cores, load and commit state are in the hand-written notes");
        }
        return Markdown.table(List.of("", ""), new boolean[] {false, false}, rows);
    }

    private static void add(List<List<String>> rows, String key, String value) {
        if (!value.isBlank()) rows.add(List.of(key, value));
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    private static String paren(String s) {
        return s == null || s.isBlank() ? "" : "(" + s + ")";
    }

    private static String list(JsonNode array, String separator) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(separator, out);
    }
}
