package org.spikelane.cli;

import java.util.function.LongSupplier;

/**
 * Tells from the warm-up copy's own step times and the JIT's activity when the copy's step code
 * is compiled, so that {@link KernelWarmup} can let the real loop start (no WhiteBox API needed).
 *
 * <p>The copy steps in chunks of a fixed number of steps; time is cut into windows of at least
 * {@value #WINDOW_MILLIS} ms. A window is <em>settled</em> when either
 * <ul>
 *   <li>the JIT's compiler threads used at most a tenth of it ({@link JitActivity}): nothing is
 *       being compiled, so nothing will get faster; or</li>
 *   <li>its chunks took on average at most 1/{@value #SPEEDUP} of the slowest chunk of the
 *       copy's first {@value #EARLY_STEPS} steps (which ran before C2 could have compiled the
 *       kernels: interpreted and C1 Vector API code is 50-100 times slower than C2's), and at
 *       least 0.8 times the previous window's average (the speed no longer improves). The JIT
 *       may still be busy then, with code the real build used, which the copy need not wait for.</li>
 * </ul>
 * The copy is warm after {@value #SETTLED_WINDOWS} settled windows in a row, once it has run
 * {@link #minSteps} steps.
 */
final class WarmthGauge {
    /** Shortest window. */
    static final long WINDOW_MILLIS = 10;
    /** Settled windows in a row that make the copy warm. */
    static final int SETTLED_WINDOWS = 2;
    /** How much faster than the early chunks a window's chunks must be. */
    static final int SPEEDUP = 20;
    /** The copy's first steps, whose slowest chunk (the first one aside: class loading) is the slow reference. */
    static final long EARLY_STEPS = 500;

    private final LongSupplier jitNanos;
    private final long minSteps;
    private long chunks;
    private long earlySlowest;
    private long windowStart = Long.MIN_VALUE;
    private long windowJit;
    private long windowChunks;
    private double previousMean = Double.NaN;
    private int settled;
    private String reason = "not warm";

    /** {@code jitNanos}: the JIT's work so far ({@link JitActivity#nanos}); {@code minSteps}: steps before the copy may count as warm. */
    WarmthGauge(LongSupplier jitNanos, long minSteps) {
        this.jitNanos = jitNanos;
        this.minSteps = minSteps;
    }

    /**
     * The copy finished a chunk: {@code steps} run so far, the chunk's wall time and the time now
     * ({@link System#nanoTime}). Returns whether the copy is warm.
     */
    boolean chunkDone(long steps, long chunkNanos, long now) {
        if (++chunks > 1 && steps <= EARLY_STEPS) earlySlowest = Math.max(earlySlowest, chunkNanos);
        if (windowStart == Long.MIN_VALUE) {
            startWindow(now);
            return false;
        }
        windowChunks++;
        long length = now - windowStart;
        if (length < WINDOW_MILLIS * 1_000_000L) return false;
        long jit = jitNanos.getAsLong();
        double mean = (double) length / windowChunks;
        // a compiler thread that ended takes its time out of the sum: a smaller sum is idle too
        boolean jitIdle = jit - windowJit <= length / 10;
        boolean fast = earlySlowest > 0 && steps > EARLY_STEPS && mean * SPEEDUP <= earlySlowest
                && !(mean < 0.8 * previousMean);
        settled = jitIdle || fast ? settled + 1 : 0;
        previousMean = mean;
        startWindow(now);
        if (settled >= SETTLED_WINDOWS && steps >= minSteps) {
            reason = jitIdle ? "JIT idle" : SPEEDUP + "x faster than its first steps, no longer improving";
            return true;
        }
        return false;
    }

    /** Why the copy counts as warm, or "not warm". */
    String reason() { return reason; }

    private void startWindow(long now) {
        windowStart = now;
        windowJit = jitNanos.getAsLong();
        windowChunks = 0;
    }
}
