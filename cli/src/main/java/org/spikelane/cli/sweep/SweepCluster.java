package org.spikelane.cli.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Runs a sweep's runs on a cluster engine instead of this JVM's threads ({@code sweep --spark
 * MASTER}). Implementations are found with {@link java.util.ServiceLoader}; the spark module has
 * the one there is, and the launcher puts it on the class path only when {@code --spark} is given.
 */
public interface SweepCluster {
    /** The option that selects it, without dashes: "spark". */
    String name();

    /**
     * Runs every run of {@code job} on {@code master}; the results in the order of {@code job.runs()}.
     *
     * @param spikes a folder the runs write their spikes into ({@code spikes.parquet}, partitioned by
     *     point), or null for none; it must be reachable from every executor under the same path
     * @throws org.spikelane.cli.scenario.ScenarioException or another one-line exception when a run fails
     */
    List<RunStats> run(String master, SweepJob job, SweepProgress progress, java.nio.file.Path spikes);

    /** Adds what the last {@link #run} measured to summary.json (e.g. the time to start the engine, the job's time). */
    default void describe(com.fasterxml.jackson.databind.node.ObjectNode summary) { }

    /** Files it writes besides sweep.csv, sweep.png and summary.json ("sweep.parquet"). */
    List<String> outputs();

    /** Writes output {@code name} of the finished sweep. */
    void write(String name, SweepJob job, Grid grid, List<RunStats> runs, OutputStream out) throws IOException;
}
