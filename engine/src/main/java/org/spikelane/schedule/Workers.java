package org.spikelane.schedule;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of workers that runs one parallel section at a time: {@link #run} hands the
 * section to every worker (the calling thread is worker 0), waits until all have finished it and
 * rethrows the first exception one of them threw. Between sections the workers wait: they spin
 * briefly (a step's sequential part is microseconds long), then park.
 *
 * <p>Lifecycle (explicit, Agrona style): threads start on the first section, not in the
 * constructor; a worker that has waited {@link #IDLE_NANOS} without work ends (so a simulation
 * nobody closes does not keep threads alive), and the next section starts it again;
 * {@link #close} ends them all now. Nothing is allocated per section.
 *
 * <p>Memory: the release ({@link #generation}, volatile) orders everything the caller wrote before
 * {@link #run} before every worker's section; each worker's {@link #pending} decrement orders its
 * writes before the caller's return. Sections therefore need no locks of their own.
 */
public final class Workers implements AutoCloseable {
    /** What a section does on one worker. One call per worker and section, never per neuron. */
    @FunctionalInterface
    public interface Section {
        void run(int section, int worker);
    }

    /** A worker waiting this long without work ends; the next section restarts it. */
    static final long IDLE_NANOS = 2_000_000_000L;
    /** Spin iterations before parking when every worker has a core; ~10-50 us. */
    private static final int SPINS_WITH_CORES = 20_000;
    /** With more workers than cores a spinning worker steals the core of one with work: park soon. */
    private static final int SPINS_OVERSUBSCRIBED = 64;

    private static final int RUNNING = 0, PARKED = 1, GONE = 2;

    private final int count;
    private final Section work;
    private final String name;
    private final int spins;
    private final Thread[] threads;
    /** Per worker: RUNNING, PARKED (may be in park; unpark it) or GONE (ended; restart it). */
    private final AtomicIntegerArray state;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    /** The section of the current generation; written before the release, read after it. */
    private int section;
    private volatile Thread waitingCaller;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Sections run so far; written by the caller only. */
    private long sections;

    /**
     * @param count workers, the caller included (1 runs every section on the caller, no threads)
     * @param name  thread names are {@code name + "-worker-" + k}
     */
    public Workers(int count, String name, Section work) {
        if (count < 1) throw new IllegalArgumentException("workers: count must be >= 1, got " + count);
        this.count = count;
        this.work = work;
        this.name = name;
        this.spins = count <= Runtime.getRuntime().availableProcessors() ? SPINS_WITH_CORES : SPINS_OVERSUBSCRIBED;
        this.threads = new Thread[count];
        this.state = new AtomicIntegerArray(count);
        for (int w = 1; w < count; w++) state.set(w, GONE);
    }

    /** Sections run so far (each one synchronisation when there is more than one worker). */
    public long sections() { return sections; }

    /** Workers, the caller included. */
    public int count() { return count; }

    /**
     * Runs {@code section} on every worker and returns when all have finished it. An exception
     * of any worker is rethrown here after all have finished (the first one; later ones are
     * suppressed in it), so a section never outlives the call.
     */
    public void run(int section) {
        sections++;
        if (count == 1) {
            work.run(section, 0);
            return;
        }
        if (closed) throw new IllegalStateException(name + ": the workers are closed");
        this.section = section;
        pending.set(count - 1);
        int g = generation + 1;
        generation = g; // the release
        for (int w = 1; w < count; w++) wake(w, g);
        try {
            work.run(section, 0);
        } catch (Throwable t) {
            fail(t);
        }
        awaitWorkers();
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }

    private void wake(int w, int g) {
        int s = state.get(w);
        if (s == PARKED) {
            LockSupport.unpark(threads[w]);
        } else if (s == GONE && state.compareAndSet(w, GONE, RUNNING)) {
            start(w, g - 1);
        }
    }

    private void start(int w, int seen) {
        Thread t = new Thread(() -> loop(w, seen), name + "-worker-" + w);
        t.setDaemon(true);
        threads[w] = t;
        t.start();
    }

    private void awaitWorkers() {
        for (int spin = 0; pending.get() != 0; ) {
            if (spin < spins) {
                spin++;
                Thread.onSpinWait();
            } else {
                waitingCaller = Thread.currentThread();
                if (pending.get() != 0) LockSupport.park(this);
                waitingCaller = null;
            }
        }
    }

    private void loop(int w, int seen) {
        while (true) {
            int g = awaitRelease(w, seen);
            if (g < 0) return;
            seen = g;
            try {
                work.run(section, w);
            } catch (Throwable t) {
                fail(t);
            }
            if (pending.decrementAndGet() == 0) {
                Thread caller = waitingCaller;
                if (caller != null) LockSupport.unpark(caller);
            }
        }
    }

    /** Waits for a generation after {@code seen}; returns it, or -1 when this worker should end. */
    private int awaitRelease(int w, int seen) {
        long idleSince = 0;
        for (int spin = 0; ; ) {
            int g = generation;
            if (g != seen) return g;
            if (closed) return end(w, seen);
            if (spin < spins) {
                spin++;
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (idleSince == 0) idleSince = now;
            if (now - idleSince > IDLE_NANOS) return end(w, seen);
            state.set(w, PARKED);
            if (generation == seen && !closed) LockSupport.parkNanos(this, IDLE_NANOS / 4);
            state.set(w, RUNNING);
        }
    }

    /**
     * Ends this worker unless a release raced with the decision: then whoever of this thread and
     * the releasing caller wins the GONE -> RUNNING exchange runs the section (the caller by
     * starting a new thread), so exactly one thread does.
     */
    private int end(int w, int seen) {
        state.set(w, GONE);
        if (closed || generation == seen) return -1;
        return state.compareAndSet(w, GONE, RUNNING) ? generation : -1;
    }

    private synchronized void fail(Throwable t) {
        Throwable first = failure;
        if (first == null) failure = t;
        else if (first != t) first.addSuppressed(t);
    }

    /** Ends every worker thread; later sections throw. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (int w = 1; w < count; w++) {
            Thread t = threads[w];
            if (t != null) LockSupport.unpark(t);
        }
    }
}
