package org.spikelane.cli;

import java.util.Locale;

/** Memory sizes as users write them ({@code --max-memory 8g}) and as messages print them (1.5 GiB). */
final class MemorySize {
    private MemorySize() {}

    /**
     * Parses the JVM's {@code -Xmx} syntax, which the launcher passes on unchanged: a whole number
     * of bytes with an optional k, m, g or t (binary multiples, either case).
     *
     * @throws IllegalArgumentException naming the option and the expected form
     */
    static long parse(String text, String option) {
        String s = text == null ? "" : text.strip();
        if (!s.matches("[0-9]+[kKmMgGtT]?")) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a size such as 8g, 512m or 2048m");
        }
        char last = Character.toLowerCase(s.charAt(s.length() - 1));
        int shift = switch (last) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value == 0 || value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a size such as 8g, 512m or 2048m");
        }
        return value << shift;
    }

    /** E.g. "512 B", "3.1 MiB", "9.0 GiB". */
    static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int u = -1;
        while (value >= 1024 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[u]);
    }

    /** The smallest whole number of GiB, as {@code --max-memory} takes it, that holds {@code bytes} with a quarter to spare. */
    static String suggestion(long bytes) {
        long withMargin = bytes + bytes / 4;
        long gib = Math.max(1, (withMargin + (1L << 30) - 1) >> 30);
        return gib + "g";
    }

    /** This machine's physical memory, or -1 if the JVM cannot tell. */
    static long machine() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
