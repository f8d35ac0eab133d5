package org.spikelane.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the tasks of one build pass on a few threads, the caller included, and returns when all
 * are done. Tasks are taken in any order by any thread: a pass must write only what its task owns,
 * so the result never depends on the thread count. Build-time only (threads are started per pass:
 * microseconds against a pass that draws millions of synapses); the step uses
 * {@link org.spikelane.schedule.Workers}.
 */
final class BuildThreads {
    private BuildThreads() {}

    /** Calls {@code task.accept(t)} for every {@code t} in {@code [0, tasks)}; rethrows the first failure. */
    static void run(int threads, int tasks, IntConsumer task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) task.accept(t);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable worker = () -> {
            try {
                for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) task.accept(t);
            } catch (Throwable e) {
                next.set(tasks); // the others stop after their current task
                synchronized (failure) {
                    if (failure[0] == null) failure[0] = e;
                }
            }
        };
        Thread[] started = new Thread[helpers];
        for (int h = 0; h < helpers; h++) {
            started[h] = Thread.ofPlatform().daemon().name("spikelane-build-" + (h + 1)).start(worker);
        }
        worker.run();
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the network", e);
            }
        }
        Throwable e = failure[0];
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
    }
}
