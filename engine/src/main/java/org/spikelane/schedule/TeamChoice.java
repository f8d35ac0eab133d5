package org.spikelane.schedule;

/**
 * Decides, block by block, whether a simulation's steps run on its worker team or on the calling
 * thread alone. The answer is the same bits either way (docs/threads.md), so only speed is at
 * stake: a team pays one synchronisation per step, which costs a scheduler time slice whenever a
 * worker's core is busy with other work, and then one thread is faster.
 *
 * <p>The policy measures instead of guessing: it times {@link #PROBE} steps on the team, then
 * {@link #PROBE} alone, runs the next {@link #BLOCK} steps the way that took less wall time, and
 * probes again. So it follows a machine whose load changes, at the price of a probe's slower half
 * (about 3 % of the steps). Nothing is allocated; a step costs two {@code System.nanoTime} calls.
 */
public final class TeamChoice {
    /** Steps timed in each way per probe. */
    public static final int PROBE = 16;
    /** Steps run the chosen way between probes. */
    public static final int BLOCK = 1024;

    private static final int PROBE_TEAM = 0, PROBE_ALONE = 1, RUN = 2;

    private int phase = PROBE_TEAM;
    private int left = PROBE;
    private boolean team = true;
    private long teamNanos, aloneNanos;
    private long stepsOnTeam, stepsAlone;

    /** Whether the next step runs on the team. */
    public boolean team() { return team; }

    /** Records the wall time of the step just run (the way {@link #team()} said) and picks the next way. */
    public void stepped(long nanos) {
        if (team) stepsOnTeam++;
        else stepsAlone++;
        switch (phase) {
            case PROBE_TEAM -> teamNanos += nanos;
            case PROBE_ALONE -> aloneNanos += nanos;
            default -> { }
        }
        if (--left > 0) return;
        switch (phase) {
            case PROBE_TEAM -> {
                phase = PROBE_ALONE;
                left = PROBE;
                team = false;
            }
            case PROBE_ALONE -> {
                phase = RUN;
                left = BLOCK;
                team = teamNanos <= aloneNanos;
            }
            default -> {
                phase = PROBE_TEAM;
                left = PROBE;
                team = true;
                teamNanos = 0;
                aloneNanos = 0;
            }
        }
    }

    /** Steps run on the team so far. */
    public long stepsOnTeam() { return stepsOnTeam; }

    /** Steps run on the calling thread alone so far. */
    public long stepsAlone() { return stepsAlone; }
}
