package org.spikelane.cli.output;

import java.io.PrintStream;

/**
 * The points of an output commit at which a test may stop the process, to check that a kill at
 * any of them leaves a folder the next run repairs to exactly one run's set.
 *
 * <p>Only tests set {@code -Dspikelane.test.pauseAt=STAGE}: the process then prints
 * {@code spikelane-test: paused at STAGE} on standard error and sleeps until it is killed
 * (the test sends SIGKILL, so no shutdown hook runs). Without the property each call is a
 * string comparison against null.
 */
final class CommitStage {
    /** This run's files are complete and on disk in its temporary folder; no journal yet. */
    static final String FILES_WRITTEN = "files-written";
    /** The journal is in place: from here on the new set wins. */
    static final String JOURNAL_WRITTEN = "journal-written";
    /** The earlier summary.json is gone, so readers see that a commit is under way. */
    static final String OLD_SUMMARY_REMOVED = "old-summary-removed";
    /** After each data file's move: {@code moved:NAME}. */
    static final String MOVED = "moved:";
    /** The earlier run's files that the new set does not have are deleted. */
    static final String STALE_REMOVED = "stale-removed";
    /** The new summary.json is in place; the set is complete. */
    static final String SUMMARY_MOVED = "summary-moved";
    /** The temporary folder is deleted; only the journal is left to delete. */
    static final String TEMP_DELETED = "temp-deleted";

    private static final String PAUSE_AT = System.getProperty("spikelane.test.pauseAt");

    private CommitStage() {}

    static void reached(String stage) {
        if (!stage.equals(PAUSE_AT)) return;
        PrintStream err = System.err;
        err.println("spikelane-test: paused at " + stage);
        err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // only SIGKILL ends this
            }
        }
    }
}
