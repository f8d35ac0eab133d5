package org.spikelane.spark;

import org.apache.spark.Success$;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.spikelane.cli.sweep.SweepProgress;

/**
 * Moves the sweep's progress line when a task ends well, and sums what Spark measured of the
 * tasks (summary.json: the time inside the tasks against the job's, which says whether a job is
 * bound by its runs or by Spark's own work between them). Executors report no steps while they
 * run, so the line advances a run at a time; task i runs run i (one run per partition).
 */
final class TaskProgress extends SparkListener {
    private final SweepProgress progress;
    private long runMillis;
    private long cpuNanos;
    private long deserializeMillis;

    TaskProgress(SweepProgress progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) progress.finished(end.taskInfo().index());
        TaskMetrics m = end.taskMetrics();
        if (m != null) {
            runMillis += m.executorRunTime();
            cpuNanos += m.executorCpuTime();
            deserializeMillis += m.executorDeserializeTime();
        }
    }

    /** Seconds inside the tasks' code, summed over tasks (wall time on the executor thread). */
    synchronized double runSeconds() { return runMillis / 1e3; }

    /** CPU seconds of the executor threads inside the tasks, summed over tasks. */
    synchronized double cpuSeconds() { return cpuNanos / 1e9; }

    /** Seconds the executors spent deserializing tasks before running them, summed. */
    synchronized double deserializeSeconds() { return deserializeMillis / 1e3; }
}
