package org.spikelane.spark;

import org.spikelane.cli.sweep.RunSpec;
import org.spikelane.cli.sweep.Setting;

/**
 * A run that failed on an executor, named by its point, the values the point sets and its seed, so
 * that the one line the user sees after Spark gave up says which run to look at.
 */
final class RunFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RunFailure(RunSpec spec, int attempt, Throwable cause) {
        super("run " + spec.run() + " (point " + spec.point() + describe(spec) + ") failed on Spark in attempt " + (attempt + 1) + ": "
                + firstLine(cause), cause);
    }

    /** The values of the point's settings that come from --vary, --replicates and the seed, e.g. ", inputs.0.amplitude=5 nA". */
    private static String describe(RunSpec spec) {
        StringBuilder b = new StringBuilder();
        for (Setting s : spec.settings()) {
            if (s.option().startsWith("--vary") || s.option().startsWith("--replicates")) b.append(", ").append(s.path()).append('=').append(s.value());
        }
        return b.toString();
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        String line = m == null ? "" : m.lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
