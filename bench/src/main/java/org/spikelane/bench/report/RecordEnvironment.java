package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spikelane.simd.Simd;

/**
 * Writes the {@code .env.json} beside a JMH result (called by bench/run after the run): what the
 * shell knows (command, commit, load, times) comes as options, what the JVM knows (JDK, vector
 * species, CPU, memory) is read here, and the forks' JVM flags come from the result itself.
 * Must run with {@code --add-modules jdk.incubator.vector} on the JDK the benchmarks ran on.
 */
public final class RecordEnvironment {
    private RecordEnvironment() {}

    private static final List<String> SIMD_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512vl", "asimd", "sve", "sve2");

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path result = Path.of(require(opts, "result"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode env = json.createObjectNode();
        env.put("result", result.getFileName().toString());
        env.put("label", opts.getOrDefault("label", ""));
        env.put("started", opts.getOrDefault("started", ""));
        env.put("finished", opts.getOrDefault("finished", ""));
        env.put("command", opts.getOrDefault("command", ""));
        env.put("jmhCommand", opts.getOrDefault("jmh-command", ""));
        env.put("jmhExitStatus", Integer.parseInt(opts.getOrDefault("exit-status", "0")));

        ObjectNode git = env.putObject("git");
        git.put("commit", opts.getOrDefault("commit", ""));
        ArrayNode dirty = git.putArray("dirtyPaths");
        opts.getOrDefault("dirty", "").lines().filter(l -> !l.isBlank()).forEach(dirty::add);
        git.put("dirty", !dirty.isEmpty());

        ObjectNode jdk = env.putObject("jdk");
        jdk.put("home", System.getProperty("java.home"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("runtimeVersion", System.getProperty("java.runtime.version"));
        jdk.put("vm", System.getProperty("java.vm.name"));

        ObjectNode vector = env.putObject("vector");
        vector.put("describe", Simd.describe());
        vector.put("floatSpecies", Simd.FLOAT.toString());
        vector.put("intSpecies", Simd.INT.toString());
        vector.put("lanes", Simd.LANES);
        vector.put("bits", Simd.FLOAT.vectorBitSize());

        CpuInfo.put(env.putObject("cpu"));
        env.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        long memory = CpuInfo.memoryBytes();
        if (memory > 0) env.put("memoryBytes", memory);

        ObjectNode load = env.putObject("loadAverage");
        putNumbers(load.putArray("start"), opts.getOrDefault("load-start", ""));
        putNumbers(load.putArray("end"), opts.getOrDefault("load-end", ""));

        ArrayNode forkFlags = env.putArray("forkJvmArgs");
        if (Files.isRegularFile(result)) {
            Set<String> seen = new LinkedHashSet<>();
            for (JmhResult r : ResultFile.load(result).results()) {
                if (seen.add(String.join(" ", r.jvmArgs()))) {
                    ArrayNode a = forkFlags.addArray();
                    r.jvmArgs().forEach(a::add);
                }
            }
        }
        Path out = Path.of(opts.getOrDefault("out", ResultFile.environmentPath(result).toString()));
        AtomicFiles.writeString(out, json.writeValueAsString(env) + "\n");
    }

    private static void putNumbers(ArrayNode array, String text) {
        for (String t : text.strip().split("\\s+")) {
            if (t.isEmpty()) continue;
            try {
                array.add(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                array.add(t);
            }
        }
    }

    /** {@code --key value} pairs. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) throw new IllegalArgumentException("--" + key + " is required");
        return v;
    }

    /** SIMD flags this machine has, in {@link #SIMD_FLAGS} order. */
    static List<String> simdFlags(Set<String> flags) {
        return SIMD_FLAGS.stream().filter(flags::contains).toList();
    }
}
