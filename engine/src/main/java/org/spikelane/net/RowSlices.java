package org.spikelane.net;

import org.spikelane.spi.Accumulate;

/**
 * Where each row (segment) of a projection crosses the slice bounds of a threaded step, computed once:
 * rows are sorted by target, so slice {@code w}'s part of row {@code r} is
 * {@code [start(w, r), end(w, r))} and delivery needs no search. Derived from the thread count,
 * so not simulation state (a checkpoint resumes under any count).
 */
final class RowSlices {
    private final int[] bounds;
    private final int[] rowStart;
    /** cuts[b - 1][r]: the first synapse of row r whose target is at least bounds[b], for interior bounds. */
    private final int[][] cuts;

    RowSlices(int[] bounds, int[] rowStart, int[] targets) {
        this.bounds = bounds.clone();
        this.rowStart = rowStart;
        int rows = rowStart.length - 1;
        cuts = new int[Math.max(0, bounds.length - 2)][rows];
        for (int b = 1; b < bounds.length - 1; b++) {
            for (int r = 0; r < rows; r++) {
                int start = rowStart[r], end = rowStart[r + 1];
                cuts[b - 1][r] = end > start ? Accumulate.lowerBound(targets, start, end, bounds[b]) : start;
            }
        }
    }

    /** The slice that is exactly {@code [from, to)}, or -1. */
    int slice(int from, int to) {
        int w = java.util.Arrays.binarySearch(bounds, from);
        if (w < 0) return -1;
        // equal bounds (empty slices) let binarySearch land on any of them: the slice is the last that starts at from
        while (w + 1 < bounds.length - 1 && bounds[w + 1] == from) w++;
        return w + 1 < bounds.length && bounds[w + 1] == to ? w : -1;
    }

    /** First synapse of row {@code r} in slice {@code w}. */
    int start(int w, int r) { return w == 0 ? rowStart[r] : cuts[w - 1][r]; }

    /** End of row {@code r}'s part in slice {@code w}. */
    int end(int w, int r) { return w == bounds.length - 2 ? rowStart[r + 1] : cuts[w][r]; }
}
