package org.spikelane.bench.report;

/**
 * Replaces the generated part of a README, between {@link #BEGIN} and {@link #END}, and keeps
 * everything else (the hand-written history) byte for byte.
 */
public final class ReadmeSection {
    private ReadmeSection() {}

    public static final String BEGIN = "<!-- report:begin -->";
    public static final String END = "<!-- report:end -->";

    /**
     * {@code readme} with its marked section replaced by {@code section}. Without markers the
     * section goes after the first level-1 heading (or at the top); an empty README gets a title.
     */
    public static String replace(String readme, String section) {
        String block = BEGIN + "\n" + section.strip() + "\n" + END;
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin >= 0 && end > begin) {
            return readme.substring(0, begin) + block + readme.substring(end + END.length());
        }
        if (begin >= 0 || end >= 0) {
            throw new IllegalArgumentException("README has only one of the markers " + BEGIN + " and " + END
                    + " (or they are in the wrong order); fix it by hand");
        }
        if (readme.isBlank()) return "# Benchmark results\n\n" + block + "\n";
        if (readme.startsWith("# ")) {
            int lineEnd = readme.indexOf('\n');
            if (lineEnd < 0) return readme + "\n\n" + block + "\n";
            return readme.substring(0, lineEnd + 1) + "\n" + block + "\n\n" + readme.substring(lineEnd + 1).stripLeading();
        }
        return block + "\n\n" + readme;
    }
}
