package org.spikelane.cli.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * Everything a sweep's runs need, in a form that travels to other JVMs: the scenario's text and
 * each run's settings. {@code steps} is each run's step count, for progress.
 */
public record SweepJob(ScenarioText scenario, List<RunSpec> runs, long[] steps) implements Serializable {
    public SweepJob {
        runs = List.copyOf(runs);
    }

    public long totalSteps() {
        long t = 0;
        for (long s : steps) t += s;
        return t;
    }
}
