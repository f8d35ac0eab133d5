package org.spikelane.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The re-deal by counted spikes, on event counts worked out by hand. Four populations of 64
 * neurons (padded 64), two workers; projections: src_a -> a and src_b -> b, 1920 synapses each
 * (30 per source neuron). A window of {@code S} steps costs each population {@code 64 S} neuron
 * updates, and each of a's and b's {@code 5 * 30 * spikes} of its source (an event costs 5 neuron
 * updates, {@link RedealByEvents#NEURON_STEPS_PER_EVENT}).
 */
class RedealByEventsTest {
    private static final int SRC_A = 0, SRC_B = 1, A = 2, B = 3;

    private static RedealByEvents balance(int[] owner) {
        return new RedealByEvents(owner, 2, new int[] {64, 64, 64, 64}, new int[] {64, 64, 64, 64}, new int[] {SRC_A, SRC_B},
                new int[] {A, B}, new long[] {1920, 1920});
    }

    /** Runs a window of {@code steps} steps with the sources' spikes per step; returns whether the deal changed. */
    private static boolean window(RedealByEvents balance, int steps, int spikesA, int spikesB) {
        boolean changed = false;
        for (int s = 0; s < steps; s++) {
            balance.count(SRC_A, spikesA);
            balance.count(SRC_B, spikesB);
            boolean c = balance.stepDone();
            if (c) assertEquals(steps - 1, s, "a deal changes only at the end of a window");
            changed |= c;
        }
        return changed;
    }

    @Test
    void aBusyTargetGetsAWorkerToItself() {
        // the guess paired each source with its target: {src_a, a} on 0, {src_b, b} on 1
        RedealByEvents balance = balance(new int[] {0, 1, 0, 1});
        // src_a fires 2 spikes a step, src_b none: over 200 steps a costs 12800 + 5 * 30 * 400 = 72800,
        // each other population 12800. Worker 0 carried 85600 against 25600; alone, a's 72800 is the
        // least the heaviest worker can carry, and the three others (38400) go to the other worker.
        assertTrue(window(balance, RedealByEvents.FIRST_WINDOW, 2, 0));
        assertArrayEquals(new int[] {1, 1, 0, 1}, balance.owner());
        assertEquals(1, balance.redeals());
    }

    @Test
    void theSameLoadKeepsTheDealAndLaterWindowsAreLonger() {
        RedealByEvents balance = balance(new int[] {0, 1, 0, 1});
        // equal rates: both workers carry the same, nothing to gain
        assertFalse(window(balance, RedealByEvents.FIRST_WINDOW, 1, 1));
        assertArrayEquals(new int[] {0, 1, 0, 1}, balance.owner());
        // the second window is WINDOW steps long: one step short of it nothing happens, then src_b's
        // load gives b a worker of its own: worker 0, which the heaviest population is dealt first
        assertFalse(window(balance, RedealByEvents.WINDOW - 1, 0, 0));
        balance.count(SRC_B, 2 * RedealByEvents.WINDOW);
        assertTrue(balance.stepDone());
        assertArrayEquals(new int[] {1, 1, 1, 0}, balance.owner());
    }

    @Test
    void aGainOfTwoPercentOrLessDoesNotMove() {
        // costs are the padded sizes (no projections, so no events)
        // worker 0 {60, 40} = 100, worker 1 {58, 38} = 96; the best deal, {60, 38} and {40, 58}, is 98: 2.0 %, kept
        assertFalse(gainTaken(60, 40, 58, 38));
        // worker 0 {60, 40} = 100, worker 1 {57, 37} = 94; the best deal, {60, 37} and {40, 57}, is 97: 3 %, taken
        assertTrue(gainTaken(60, 40, 57, 37));
    }

    /** Populations x0, x1 on worker 0 and y0, y1 on worker 1, each costing its padded size: whether a re-deal is taken. */
    private static boolean gainTaken(int x0, int x1, int y0, int y1) {
        int[] padded = {x0, x1, y0, y1};
        RedealByEvents b = new RedealByEvents(new int[] {0, 0, 1, 1}, 2, padded, padded, new int[0], new int[0], new long[0]);
        boolean changed = window(b, RedealByEvents.FIRST_WINDOW, 0, 0);
        if (changed) assertArrayEquals(new int[] {0, 1, 1, 0}, b.owner());
        return changed;
    }
}
