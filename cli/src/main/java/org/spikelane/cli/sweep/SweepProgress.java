package org.spikelane.cli.sweep;

import org.spikelane.ProgressListener;

/**
 * The progress of all the runs of a sweep on one line, whichever thread or machine runs them:
 * steps done over all runs and how many runs have finished. A backend reports steps as a run
 * goes ({@link #forRun}) or only that a run finished ({@link #finished}).
 */
public final class SweepProgress {
    /** Where the line goes: steps done of all, and the line's label. */
    public interface Display {
        void show(String label, long done, long total);
    }

    private final Display display;
    private final long[] steps;
    private final long[] done;
    private final long total;
    private int finished;
    private long sum;

    public SweepProgress(Display display, long[] steps) {
        this.display = display;
        this.steps = steps.clone();
        this.done = new long[steps.length];
        long t = 0;
        for (long s : steps) t += s;
        this.total = t;
    }

    /** A listener for run {@code run}'s own steps (called from the thread that runs it). */
    public ProgressListener forRun(int run) {
        return (d, all) -> advance(run, Math.min(d, steps[run]));
    }

    /** Run {@code run} has finished, all its steps done. */
    public void finished(int run) {
        synchronized (this) {
            finished++;
        }
        advance(run, steps[run]);
    }

    private synchronized void advance(int run, long d) {
        sum += d - done[run];
        done[run] = d;
        display.show("sweep, " + finished + "/" + steps.length + " runs", sum, total);
    }

    public synchronized int finishedRuns() { return finished; }
}
