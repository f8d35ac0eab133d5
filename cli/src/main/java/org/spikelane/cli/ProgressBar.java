package org.spikelane.cli;

import java.io.PrintWriter;
import org.spikelane.ProgressListener;

/**
 * A one-line progress bar on stderr, redrawn with a carriage return. It stays silent for the
 * first second, so short runs print nothing, and is off entirely when stderr is not a terminal.
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

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private boolean drawn;
    private long firstNanos = -1;
    private long firstDone;

    public ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
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
        long now = System.nanoTime();
        if (firstNanos < 0) {
            // the rate is measured from the first report, so network building does not skew the eta
            firstNanos = now;
            firstDone = done;
        }
        long elapsed = now - start;
        if (elapsed < QUIET_NANOS && done < total) return;
        if (!drawn && done >= total) return; // finished within the quiet second: never drawn
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsed / 1e9;
        double perStep = done > firstDone ? (now - firstNanos) / 1e9 / (done - firstDone) : 0;
        double eta = perStep * (total - done);
        err.printf("\r%s [%s%s] %3d%% %d/%d steps, %.1f s, eta %.1f s ", label, "=".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, seconds, eta);
        err.flush();
        drawn = true;
    }

    /** Clears the bar's line so the summary line starts clean. */
    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
