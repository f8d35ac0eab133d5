package org.spikelane.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spikelane.spi.PluginRegistry;

/**
 * Runs a sweep's runs on this machine, {@code jobs} at a time. Each run is independent and
 * deterministic, and its result lands at its own index, so the results are those of a sequential
 * run whatever the order in which runs finish.
 */
public final class LocalRuns {
    private LocalRuns() {}

    public static List<RunStats> run(SweepJob job, PluginRegistry registry, int jobs, SweepProgress progress) {
        int n = job.runs().size();
        RunStats[] results = new RunStats[n];
        if (jobs <= 1) {
            for (int i = 0; i < n; i++) results[i] = one(job, i, registry, progress);
            return List.of(results);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, n), r -> {
            Thread t = new Thread(r, "spikelane-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunStats>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int run = i;
                futures.add(pool.submit(() -> one(job, run, registry, progress)));
            }
            for (int i = 0; i < n; i++) results[i] = futures.get(i).get();
        } catch (ExecutionException e) {
            // the first failing run in run order, as a sequential sweep would have reported it
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }

    private static RunStats one(SweepJob job, int run, PluginRegistry registry, SweepProgress progress) {
        RunStats r = SweepRun.run(job.scenario(), job.runs().get(run), registry, progress.forRun(run));
        progress.finished(run);
        return r;
    }
}
