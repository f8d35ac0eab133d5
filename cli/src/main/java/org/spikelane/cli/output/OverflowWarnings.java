package org.spikelane.cli.output;

import java.io.PrintWriter;
import java.util.List;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;

/**
 * The console's side of the overflow report: one warning line per non-zero count, after the run.
 * summary.json holds every count, zero or not; the warning exists because a clip or a wrap changes
 * what the network computes, and a user who does not open summary.json would otherwise not know.
 */
public final class OverflowWarnings {
    private OverflowWarnings() {}

    /** Prints {@code warning: fixed-point overflow: population 'P' I clipped 1234 times (see summary.json)} per non-zero count. */
    public static void print(PrintWriter err, List<OverflowCount> counts) {
        for (OverflowCount c : counts) {
            if (c.count() == 0) continue;
            String what = c.mode() == Overflow.WRAP ? "wrapped" : "clipped";
            err.printf("warning: fixed-point overflow: population '%s' %s %s %d %s (see summary.json)%n",
                    c.population(), c.variable(), what, c.count(), c.count() == 1 ? "time" : "times");
        }
        err.flush();
    }
}
