package org.spikelane.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import org.spikelane.cli.output.Figures;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.RunStats;
import org.spikelane.cli.sweep.SweepCluster;
import org.spikelane.cli.sweep.SweepJob;
import org.spikelane.cli.sweep.SweepProgress;

/**
 * {@code sweep --spark MASTER}: every run of a sweep (a grid point with one seed) is one Spark
 * task that builds and runs the scenario with the engine, on whichever executor Spark chooses.
 * The tasks return only their statistics, collected on the driver in run order, so a task that
 * Spark retries leaves nothing behind and the outputs are those of a local sweep, whatever the
 * number of executors and partitions.
 */
public final class SparkSweep implements SweepCluster {
    @Override
    public String name() { return "spark"; }

    /** Seconds the last run took to get a session and to run the job (tasks and collection). */
    private double sessionSeconds;
    private double jobSeconds;
    /** What the tasks reported (summed over tasks) and the CPU time this JVM used during the job, or NaN. */
    private double taskRunSeconds;
    private double taskCpuSeconds;
    private double taskDeserializeSeconds;
    private double processCpuSeconds = Double.NaN;

    @Override
    public List<RunStats> run(String master, SweepJob job, SweepProgress progress, Path spikes) {
        // a session that is already running (a notebook, spark-submit's, a test's) is used and left running
        boolean ours = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
        long start = System.nanoTime();
        SparkSession spark = Sessions.open(master, "spikelane sweep " + job.scenario().defaultName());
        long opened = System.nanoTime();
        sessionSeconds = (opened - start) / 1e9;
        TaskProgress listener = new TaskProgress(progress);
        long cpuBefore = processCpuNanos();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            jsc.sc().addSparkListener(listener);
            Broadcast<SweepJob> shared = jsc.broadcast(job);
            List<Integer> runs = new ArrayList<>();
            for (int i = 0; i < job.runs().size(); i++) runs.add(i);
            // one run per partition: each run is a task of its own, and partition i holds run i
            List<RunResult> results = new ArrayList<>(jsc.parallelize(runs, Math.max(1, runs.size()))
                    .map(new RunTask(shared, spikes == null ? null : spikes.toString())).collect());
            results.sort(Comparator.comparingInt(r -> r.stats().run()));
            if (spikes != null) SpikeFiles.commit(spikes, job.runs(), results);
            jobSeconds = (System.nanoTime() - opened) / 1e9;
            // local[N]: the executors are this JVM, so this includes the JIT's and the GC's threads
            long cpuAfter = processCpuNanos();
            processCpuSeconds = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e9;
            awaitListeners(spark);
            taskRunSeconds = listener.runSeconds();
            taskCpuSeconds = listener.cpuSeconds();
            taskDeserializeSeconds = listener.deserializeSeconds();
            return results.stream().map(RunResult::stats).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("spikes.parquet: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw SparkErrors.oneLine(e);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            if (ours) spark.stop();
        }
    }

    /** Waits until the listener has seen every task's end (Spark delivers events on its own thread). */
    private static void awaitListeners(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
        } catch (Exception timeout) { // a TimeoutException, which Scala does not declare: the figures are then a lower bound
        }
    }

    /** CPU time of this whole JVM so far, or -1 where the platform does not say. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    @Override
    public void describe(ObjectNode summary) {
        summary.put("spark_session_start_s", Figures.millis(sessionSeconds));
        summary.put("spark_job_s", Figures.millis(jobSeconds));
        summary.put("spark_tasks_run_s", Figures.millis(taskRunSeconds));
        summary.put("spark_tasks_cpu_s", Figures.millis(taskCpuSeconds));
        summary.put("spark_tasks_deserialize_s", Figures.millis(taskDeserializeSeconds));
        if (!Double.isNaN(processCpuSeconds)) summary.put("spark_job_process_cpu_s", Figures.millis(processCpuSeconds));
    }

    @Override
    public List<String> outputs() { return List.of("sweep.parquet"); }

    @Override
    public void write(String name, SweepJob job, Grid grid, List<RunStats> runs, OutputStream out) throws IOException {
        if (!name.equals("sweep.parquet")) throw new IllegalArgumentException("no output " + name);
        ParquetTable.write(job, grid, runs, out);
    }
}
