package org.spikelane.nir.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the samples of a batch independently on a pool of threads. The compiled graph is shared
 * read-only; each sample has its own {@link GraphRun}, so the results do not depend on the
 * number of threads or on which thread ran which sample.
 */
public final class BatchRunner {
    private BatchRunner() {}

    /** @param input [samples][steps][C] row-major */
    public static List<SampleResult> run(CompiledGraph graph, float[] input, int samples, int steps, List<Probe> probes, int threads) {
        int per = steps * graph.inputSize();
        if (threads <= 1 || samples == 1) {
            List<SampleResult> r = new ArrayList<>(samples);
            for (int b = 0; b < samples; b++) r.add(SampleRunner.run(graph, input, b * per, steps, probes));
            return r;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "nir-sample");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SampleResult>> futures = new ArrayList<>(samples);
            for (int b = 0; b < samples; b++) {
                int offset = b * per;
                futures.add(pool.submit(() -> SampleRunner.run(graph, input, offset, steps, probes)));
            }
            List<SampleResult> r = new ArrayList<>(samples);
            for (Future<SampleResult> f : futures) r.add(f.get());
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
