package org.spikelane.cli;

import java.util.List;

/**
 * A failure the command already knows how to explain: one or more lines for stderr (each printed
 * after {@code error: }) and the exit code. For problems found by checks before or after the
 * simulation that are not about one scenario field (the heap, --strict warnings).
 */
final class CommandFailure extends RuntimeException {
    private final List<String> lines;
    private final int exitCode;

    CommandFailure(int exitCode, List<String> lines) {
        super(String.join("; ", lines));
        this.lines = List.copyOf(lines);
        this.exitCode = exitCode;
    }

    CommandFailure(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    List<String> lines() { return lines; }

    int exitCode() { return exitCode; }
}
