package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The warm-up copy's gauge on made-up timelines: chunks of 50 steps whose durations and JIT
 * activity are given, on a clock the test moves, so the step at which it says "warm" is known
 * beforehand from its rules (WarmthGauge's class comment).
 */
class WarmthGaugeTest {
    private static final long MS = 1_000_000L;
    private static final int CHUNK = 50;

    /** A timeline: chunk k (1-based) takes chunkNanos(k); the JIT works jitShare of every nanosecond until jitUntil (ns). */
    private static final class Timeline {
        long now = 1_000 * MS;
        long jit;
        final WarmthGauge gauge;
        final double jitShare;
        final long jitUntil;

        Timeline(double jitShare, long jitUntil, long minSteps) {
            this.jitShare = jitShare;
            this.jitUntil = jitUntil;
            this.gauge = new WarmthGauge(() -> jit, minSteps);
        }

        /** Runs chunks until the gauge says warm; returns the steps then, or -1 after maxSteps. */
        long run(LongUnaryOperator chunkNanos, long maxSteps) {
            long start = now;
            for (long steps = CHUNK; steps <= maxSteps; steps += CHUNK) {
                long d = chunkNanos.applyAsLong(steps / CHUNK);
                long busyBefore = Math.min(now - start, jitUntil);
                now += d;
                long busyAfter = Math.min(now - start, jitUntil);
                jit += (long) ((busyAfter - busyBefore) * jitShare);
                if (gauge.chunkDone(steps, d, now)) return steps;
            }
            return -1;
        }
    }

    @Test
    void aCopyThatDropsFromC1ToC2SpeedIsWarmTwoStableWindowsLater() {
        // 10 ms chunks for 1000 steps (chunks 1-20), then 10 us (compiled); the JIT stays busy all along.
        // Windows: chunk 1 opens the first; each 10 ms chunk closes one up to chunk 20. At 10 us a
        // window is 1000 chunks: the one closed at chunk 1020 fell from 10 ms to 10 us a chunk (still
        // improving), those closed at 2020 and 3020 are settled (200x faster than 10 ms, same mean).
        Timeline t = new Timeline(1.0, Long.MAX_VALUE, 2_000);
        assertEquals(3020 * CHUNK, t.run(k -> k <= 20 ? 10 * MS : 10_000, 1_000_000));
        assertTrue(t.gauge.reason().startsWith("20x faster"), t.gauge.reason());
    }

    @Test
    void aCopyStuckAtAFewTimesFasterIsNeverWarmWhileTheJitWorks() {
        // from 10 ms to 1 ms per chunk (C1 code, C2 still to come): 10x, short of 20x
        Timeline t = new Timeline(1.0, Long.MAX_VALUE, 2_000);
        assertEquals(-1, t.run(k -> k <= 10 ? 10 * MS : MS, 200_000));
        assertEquals("not warm", t.gauge.reason());
    }

    @Test
    void anIdleJitMakesTheCopyWarmOnceItHasRunItsMinimumSteps() {
        // no speed-up at all (a scenario without vector code, say), the JIT idle from 100 ms on
        Timeline t = new Timeline(1.0, 100 * MS, 4_000);
        long warmAt = t.run(k -> MS, 1_000_000);
        // 1 ms chunks, windows closed at chunks 11, 21, ...: the one closed at 101 holds 9 busy ms, those
        // closed at 111 and 121 are idle; 121 chunks (6050 steps) are past the 4000-step minimum
        assertEquals(121 * CHUNK, warmAt);
        assertEquals("JIT idle", t.gauge.reason());
    }

    @Test
    void aJitThatWorksATenthOfTheTimeOrMoreIsBusy() {
        Timeline busy = new Timeline(0.11, Long.MAX_VALUE, 0);
        assertEquals(-1, busy.run(k -> MS, 100_000));
        Timeline idle = new Timeline(0.09, Long.MAX_VALUE, 0);
        // windows start at chunk 1; the second and third windows end at chunks 11 and 21, both settled
        assertEquals(21 * CHUNK, idle.run(k -> MS, 100_000));
    }

    @Test
    void aSpeedThatStillImprovesIsNotSettled() {
        // compiled from chunk 21 on, but each chunk 3 % faster than the last until 2 us (chunk 194):
        // every 10 ms window is then more than 20 % faster than the one before, so none settles
        // before the floor; there a window is 5000 chunks, and two settled ones are needed
        Timeline t = new Timeline(1.0, Long.MAX_VALUE, 0);
        long warmAt = t.run(k -> k <= 20 ? 10 * MS : Math.max(2_000, (long) (400_000 * Math.pow(0.97, k - 20))), 2_000_000);
        assertTrue(warmAt > (194 + 2 * 5_000) * CHUNK, "warm at step " + warmAt);
    }
}
