package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The queues of one part of the future input: what a slot drains is each target's weights summed
 * from 0 in the order their segments were queued (and in row order within one), however often
 * the pool grew in between. The oracle is that sum written out as a dense ring of floats, the
 * structure the queues replaced, filled at the moment each segment is queued.
 */
class SlotQueuesTest {
    private static final int LENGTH = 7, TARGETS = 19;

    /** Two "projections" of random rows: targets and drawn weights. */
    private static int[][] targets(SplittableRandom random) {
        int[][] t = new int[2][500];
        for (int[] rows : t) for (int j = 0; j < rows.length; j++) rows[j] = random.nextInt(TARGETS);
        return t;
    }

    private static float[][] weights(SplittableRandom random) {
        float[][] w = new float[2][500];
        for (float[] rows : w) for (int j = 0; j < rows.length; j++) rows[j] = (float) random.nextGaussian() * 1e-3f;
        return w;
    }

    @Test
    void slotsDrainTheirSynapsesInQueueOrderThroughEveryGrowth() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] t = targets(random);
        float[][] w = weights(random);
        SlotQueues q = new SlotQueues(LENGTH, 0);
        float[] dense = new float[LENGTH * TARGETS];
        for (int segment = 0; segment < 400; segment++) {
            int rows = random.nextInt(2), from = random.nextInt(480), to = from + random.nextInt(20), slot = random.nextInt(LENGTH);
            q.append(slot, rows, from, to);
            for (int j = from; j < to; j++) dense[slot * TARGETS + t[rows][j]] += w[rows][j];
        }
        assertTrue(q.capacity() >= 400 && q.capacity() < 2 * 400 + LENGTH * 16, "capacity " + q.capacity());
        float[] viaDense = new float[LENGTH * TARGETS];
        q.addTo(viaDense, TARGETS, t, w);
        assertArrayEquals(dense, viaDense, "the dense ring the queues stand for");
        for (int slot = 0; slot < LENGTH; slot++) {
            float[] sums = new float[TARGETS];
            q.drain(slot, t, w, sums);
            assertArrayEquals(java.util.Arrays.copyOfRange(dense, slot * TARGETS, (slot + 1) * TARGETS), sums, "slot " + slot);
        }
        float[] empty = new float[LENGTH * TARGETS];
        q.addTo(empty, TARGETS, t, w);
        assertArrayEquals(new float[LENGTH * TARGETS], empty, "drained slots are empty");
    }

    /** Filling a slot only up to what it held before allocates nothing: the pool is the same array. */
    @Test
    void aSlotGrowsByDoublingAndOnlyWhenItMustHold() {
        int[][] t = {{0, 1, 2, 3, 4, 5}};
        float[][] w = {{1, 2, 3, 4, 5, 6}};
        SlotQueues q = new SlotQueues(3, 20);
        int[] pool = q.entryPool();
        for (int k = 0; k < 20; k++) q.append(1, 0, k % 6, 6);
        assertSame(pool, q.entryPool(), "20 entries fit in 20");
        q.append(1, 0, 0, 1);
        assertEquals(20 + 40 + 20, q.capacity(), "slot 1 doubled to 40, the others kept 20");
        float[] sums = new float[6];
        q.drain(1, t, w, sums);
        float[] expected = new float[6];
        for (int k = 0; k < 20; k++) for (int j = k % 6; j < 6; j++) expected[j] += w[0][j];
        expected[0] += 1;
        assertArrayEquals(expected, sums);
        pool = q.entryPool();
        for (int step = 0; step < 3; step++) {
            for (int k = 0; k < 40; k++) q.append(1, 0, 0, 6);
            q.drain(1, t, w, new float[6]);
        }
        assertSame(pool, q.entryPool(), "40 entries a step fit in 40: the steady state allocates nothing");
    }

    @Test
    void aRangeDrainsOnlyItsTargetsAndTheSlotEmptiesWhenCleared() {
        int[][] t = {{5, 1, 5, 9}};
        float[][] w = {{0.1f, 0.2f, 0.3f, 0.4f}};
        SlotQueues q = new SlotQueues(2, 2);
        q.append(0, 0, 0, 4);
        float[] sums = new float[10];
        q.drainWithin(0, t, w, sums, 0, 6);
        assertEquals(0.2f, sums[1]);
        assertEquals(0f + 0.1f + 0.3f, sums[5]);
        assertEquals(0f, sums[9], "outside the range");
        q.drainWithin(0, t, w, sums, 6, 10);
        assertEquals(0.4f, sums[9]);
        q.clear(0);
        float[] after = new float[10];
        q.drain(0, t, w, after);
        assertArrayEquals(new float[10], after);
    }
}
