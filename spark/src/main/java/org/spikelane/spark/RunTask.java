package org.spikelane.spark;

import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.spikelane.cli.plugins.PluginLoader;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.cli.sweep.RunSpec;
import org.spikelane.cli.sweep.RunStats;
import org.spikelane.cli.sweep.SweepJob;
import org.spikelane.cli.sweep.SweepRun;
import org.spikelane.spi.PluginRegistry;

/**
 * One Spark task: run number i of the broadcast sweep, built and run with the engine on the
 * executor; with a spikes folder, its spikes are written there as this attempt's file.
 */
final class RunTask implements Function<Integer, RunResult> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SweepJob> job;
    /** The spikes.parquet folder as the executors see it, or null (a Path is not serializable). */
    private final String spikes;

    RunTask(Broadcast<SweepJob> job, String spikes) {
        this.job = job;
        this.spikes = spikes;
    }

    @Override
    public RunResult call(Integer run) {
        SweepJob j = job.value();
        RunSpec spec = j.runs().get(run);
        TaskContext task = TaskContext.get();
        try {
            SpikeRows[] rows = new SpikeRows[1];
            RunStats stats = SweepRun.run(j.scenario(), spec, Plugins.REGISTRY, (done, total) -> { },
                    sim -> { if (spikes != null) rows[0] = new SpikeRows(sim); });
            String file = spikes == null ? null
                    : SpikeFiles.writeAttempt(Path.of(spikes), spec, stats.seed(), stats.dt(), task == null ? 0 : task.taskAttemptId(), rows[0]);
            TestFaults.check(run);
            return new RunResult(stats, file);
        } catch (ScenarioException e) {
            throw e; // the scenario's own line, which names its field
        } catch (RuntimeException e) {
            throw new RunFailure(spec, task == null ? 0 : task.attemptNumber(), e);
        }
    }

    /** The plugins on the executor's class path, found once per JVM. */
    private static final class Plugins {
        static final PluginRegistry REGISTRY = PluginLoader.load(java.util.List.of()).registry();
    }
}
