package org.spikelane.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.spikelane.cli.plugins.PluginLoader;
import org.spikelane.cli.sweep.RunStats;
import org.spikelane.cli.sweep.SweepJob;
import org.spikelane.cli.sweep.SweepRun;
import org.spikelane.spi.PluginRegistry;

/** One Spark task: run number i of the broadcast sweep, built and run with the engine on the executor. */
final class RunTask implements Function<Integer, RunStats> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SweepJob> job;

    RunTask(Broadcast<SweepJob> job) {
        this.job = job;
    }

    @Override
    public RunStats call(Integer run) {
        SweepJob j = job.value();
        return SweepRun.run(j.scenario(), j.runs().get(run), Plugins.REGISTRY, (done, total) -> { });
    }

    /** The plugins on the executor's class path, found once per JVM. */
    private static final class Plugins {
        static final PluginRegistry REGISTRY = PluginLoader.load(java.util.List.of()).registry();
    }
}
