package org.spikelane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two sides of a comparison timed in thread CPU time instead of wall clock, for a machine too
 * loaded for wall-clock figures: run alternately in rounds of about 100 ms of CPU each
 * ({@value #WARMUP} warm-up rounds, then {@value #ROUNDS} measured), reported as the median
 * per unit of work of each side and the ratio of the medians. Descheduled time is not counted,
 * but other processes still share the caches: a check; a JMH run on a quiet machine is the figure.
 */
final class CpuTimePairs {
    static final int WARMUP = 2;
    static final int ROUNDS = 7;
    private static final long ROUND_NS = 100_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static long sink;

    private CpuTimePairs() {}

    /** Operations of one side, returning something to keep. */
    interface Op {
        long run();
    }

    /** The medians of both sides and their ratio {@code a / b}, in ns per unit. */
    record Result(double a, double b, double ratio) {}

    /** Runs {@code a} and {@code b} alternately; prints and returns the medians (ns per op) and their ratio. */
    static Result pair(String label, Op a, Op b) {
        return pair(label, a, b, 1, "op");
    }

    /**
     * As {@link #pair(String, Op, Op)} with {@code unitsPerOp} units of work in each operation
     * (e.g. neurons of one step), so the medians are ns per unit.
     */
    static Result pair(String label, Op a, Op b, double unitsPerOp, String unit) {
        List<Double> as = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            double ta = nsPerOp(a) / unitsPerOp;
            double tb = nsPerOp(b) / unitsPerOp;
            if (round >= WARMUP) {
                as.add(ta);
                bs.add(tb);
            }
        }
        double ma = median(as);
        double mb = median(bs);
        System.out.printf(Locale.ROOT, "%s: %.4g vs %.4g ns/%s (ranges %.4g-%.4g, %.4g-%.4g), ratio %.3f%n", label, ma, mb, unit,
                min(as), max(as), min(bs), max(bs), ma / mb);
        return new Result(ma, mb, ma / mb);
    }

    /**
     * Thread CPU ns per operation over about ROUND_NS of CPU; the clock is read after batches
     * that double up to 64 operations, so a short operation does not time the clock itself.
     */
    private static double nsPerOp(Op op) {
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long batch = 1;
        long elapsed;
        do {
            for (long i = 0; i < batch; i++) sink += op.run();
            ops += batch;
            batch = Math.min(64, batch * 2);
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < ROUND_NS);
        return (double) elapsed / ops;
    }

    private static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }

    private static double max(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

    /** The load average over 1, 5 and 15 minutes, from /proc/loadavg. */
    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
