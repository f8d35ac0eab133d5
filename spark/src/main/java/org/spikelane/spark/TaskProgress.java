package org.spikelane.spark;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.spikelane.cli.sweep.SweepProgress;

/**
 * Moves the sweep's progress line when a task ends well. Executors report no steps while they run,
 * so the line advances a run at a time; task i runs run i (one run per partition).
 */
final class TaskProgress extends SparkListener {
    private final SweepProgress progress;

    TaskProgress(SweepProgress progress) {
        this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) progress.finished(end.taskInfo().index());
    }
}
