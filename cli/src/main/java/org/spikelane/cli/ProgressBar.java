package org.spikelane.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.spikelane.ProgressListener;

/**
 * A one-line progress bar on stderr, redrawn with a carriage return. It stays silent for the
 * first second, so short runs print nothing, and is off entirely when stderr is not a terminal.
 * After the simulation, {@link #status} says what is being written, so a long write is not silence.
 *
 * <p>Hand-written rather than me.tongfei:progressbar 0.10.1: tried on JDK 25, that library's JLine
 * terminal loads a native library and the JVM prints four "WARNING: A restricted method in
 * java.lang.System has been called ... JLineNativeLoader" lines on every run (silenced only with
 * --enable-native-access), and it adds a refresh thread. The engine already reports progress
 * about 200 times per run, which is all a bar needs.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;
    /**
     * The eta comes from the rate over the last half second (samples 100 ms apart), not since the
     * start: the first steps run before the JIT has compiled the kernels, many times slower than
     * the rest, and a rate that includes them promised 12.9 s for a run that took 1.6 s.
     */
    private static final long SAMPLE_NANOS = 100_000_000L;
    private static final int SAMPLES = 6;

    private final PrintWriter err;
    private String label;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private final long[] sampleNanos = new long[SAMPLES];
    private final long[] sampleDone = new long[SAMPLES];
    private int samples;
    private boolean drawn;
    private int lineLength;

    public ProgressBar(PrintWriter err, String label, boolean enabled) {
        this(err, label, enabled, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds), for tests. */
    ProgressBar(PrintWriter err, String label, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * Whether stderr is an interactive terminal. The launcher tests it in the shell ({@code -t 2})
     * and passes {@code -Dspikelane.stderr.tty}; without it, a console attached to a terminal is
     * the best guess Java can make.
     */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("spikelane.stderr.tty");
        if (told != null) return Boolean.parseBoolean(told);
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void onProgress(long done, long total) {
        if (!enabled) return;
        long now = clock.getAsLong();
        sample(now, done);
        long elapsed = now - start;
        if (elapsed < QUIET_NANOS && done < total) return;
        if (!drawn && done >= total) return; // finished within the quiet second: never drawn
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        draw(String.format(java.util.Locale.ROOT, "%s [%s%s] %3d%% %d/%d steps, %.1f s, eta %.1f s", label, "=".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, elapsed / 1e9, eta(done, total)));
    }

    /** Changes the text before the bar (a sweep counts its finished runs there). */
    public void label(String label) {
        this.label = label;
    }

    /** Replaces the bar with a note of what happens now ("writing raster.png"), once the bar was shown or a second has passed. */
    public void status(String what) {
        if (!enabled || (!drawn && clock.getAsLong() - start < QUIET_NANOS)) return;
        draw(label + ": " + what + " ...");
    }

    /** Seconds left at the recent rate; 0 before two samples exist. */
    double eta(long done, long total) {
        if (samples < 2) return 0;
        int newest = (samples - 1) % SAMPLES;
        int oldest = samples < SAMPLES ? 0 : samples % SAMPLES;
        long steps = sampleDone[newest] - sampleDone[oldest];
        if (steps <= 0) return 0;
        double perStep = (sampleNanos[newest] - sampleNanos[oldest]) / 1e9 / steps;
        return perStep * (total - done);
    }

    private void sample(long now, long done) {
        if (samples > 0 && now - sampleNanos[(samples - 1) % SAMPLES] < SAMPLE_NANOS) return;
        sampleNanos[samples % SAMPLES] = now;
        sampleDone[samples % SAMPLES] = done;
        samples++;
    }

    private void draw(String line) {
        // pad over what the previous line left behind
        err.print("\r" + line + " ".repeat(Math.max(1, lineLength - line.length() + 1)));
        err.flush();
        lineLength = line.length();
        drawn = true;
    }

    /** Clears the bar's line so the summary line starts clean. */
    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(lineLength + 1) + "\r");
            err.flush();
        }
    }
}
