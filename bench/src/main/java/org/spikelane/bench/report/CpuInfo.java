package org.spikelane.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CPU model, core count, SIMD flags and cache sizes from Linux's /proc and /sys; fields that a
 * system does not expose are left out rather than guessed.
 */
final class CpuInfo {
    private CpuInfo() {}

    static void put(ObjectNode cpu) {
        List<String> lines = read(Path.of("/proc/cpuinfo"));
        int processors = 0;
        Set<String> flags = new HashSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> processors++;
                case "model name" -> { if (!cpu.has("model")) cpu.put("model", value); }
                case "cpu family" -> { if (!cpu.has("family")) cpu.put("family", value); }
                case "model" -> { if (!cpu.has("modelNumber")) cpu.put("modelNumber", value); }
                case "flags", "Features" -> flags.addAll(List.of(value.split("\\s+")));
                default -> { }
            }
        }
        cpu.put("cores", processors > 0 ? processors : Runtime.getRuntime().availableProcessors());
        ArrayNode simd = cpu.putArray("simdFlags");
        RecordEnvironment.simdFlags(flags).forEach(simd::add);
        String caches = caches();
        if (!caches.isEmpty()) cpu.put("caches", caches);
    }

    /** E.g. "L1d 32K, L1i 32K, L2 512K, L3 32768K" (per core or shared, as cpu0 sees them). */
    private static String caches() {
        List<String> out = new ArrayList<>();
        Path base = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = base.resolve("index" + i);
            List<String> level = read(index.resolve("level"));
            List<String> type = read(index.resolve("type"));
            List<String> size = read(index.resolve("size"));
            if (level.isEmpty() || size.isEmpty()) continue;
            String t = type.isEmpty() ? "" : switch (type.getFirst().strip()) {
                case "Data" -> "d";
                case "Instruction" -> "i";
                default -> "";
            };
            out.add("L" + level.getFirst().strip() + t + " " + size.getFirst().strip());
        }
        return String.join(", ", out);
    }

    static long memoryBytes() {
        for (String line : read(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.split("\\s+");
                try {
                    return Long.parseLong(parts[1]) * 1024;
                } catch (RuntimeException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
