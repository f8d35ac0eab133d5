package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The queues of one part of the future input: what a slot drains is each target's weights summed
 * from 0 in the order they were appended, however often the pool grew in between. The oracle is
 * that sum written out as a dense ring of floats, the structure the queues replaced.
 */
class SlotQueuesTest {
    private static final int LENGTH = 7, TARGETS = 19;

    @Test
    void slotsDrainTheirWeightsInAppendOrderThroughEveryGrowth() {
        SlotQueues q = new SlotQueues(LENGTH, 0);
        float[] dense = new float[LENGTH * TARGETS];
        SplittableRandom random = new SplittableRandom(3);
        int appended = 0;
        for (int row = 0; row < 400; row++) {
            int n = 1 + random.nextInt(12), slot = random.nextInt(LENGTH);
            int[] t = new int[n + 2];
            float[] w = new float[n + 2];
            for (int j = 0; j < t.length; j++) {
                t[j] = random.nextInt(TARGETS);
                w[j] = (float) random.nextGaussian() * 1e-3f;
            }
            q.append(slot, t, w, 1, n + 1);   // a segment in the middle of a row
            for (int j = 1; j <= n; j++) dense[slot * TARGETS + t[j]] += w[j];
            appended += n;
        }
        assertTrue(q.capacity() >= appended, "capacity " + q.capacity());
        float[] viaDense = new float[LENGTH * TARGETS];
        q.addTo(viaDense, TARGETS);
        assertArrayEquals(dense, viaDense, "the dense ring the queues stand for");
        for (int slot = 0; slot < LENGTH; slot++) {
            float[] sums = new float[TARGETS];
            q.drain(slot, sums);
            assertArrayEquals(java.util.Arrays.copyOfRange(dense, slot * TARGETS, (slot + 1) * TARGETS), sums, "slot " + slot);
        }
        float[] empty = new float[LENGTH * TARGETS];
        q.addTo(empty, TARGETS);
        assertArrayEquals(new float[LENGTH * TARGETS], empty, "drained slots are empty");
    }

    /**
     * Filling a slot only up to what it held before allocates nothing: the pool is the same
     * array. One slot that needs more doubles every slot (each slot in turn takes one step's input).
     */
    @Test
    void aSlotGrowsByDoublingAndOnlyWhenItMustHold() {
        SlotQueues q = new SlotQueues(3, 20);
        int[] t = new int[21];
        float[] w = new float[21];
        for (int j = 0; j < 21; j++) {
            t[j] = j % 6;
            w[j] = j + 1;
        }
        int[] pool = q.targetPool();
        q.append(1, t, w, 0, 20);
        assertSame(pool, q.targetPool(), "20 entries fit in 20");
        q.append(1, t, w, 20, 21);
        assertEquals(3 * 40, q.capacity(), "every slot doubled to 40");
        float[] sums = new float[6];
        q.drain(1, sums);
        float[] expected = new float[6];
        for (int j = 0; j < 21; j++) expected[j % 6] += j + 1;
        assertArrayEquals(expected, sums);
        pool = q.targetPool();
        for (int k = 0; k < 3; k++) {
            q.append(1, t, w, 0, 21);
            q.append(1, t, w, 0, 19);
            q.drain(1, new float[6]);
        }
        assertSame(pool, q.targetPool(), "40 entries a step fit in 40: the steady state allocates nothing");
    }

    @Test
    void aRangeDrainsOnlyItsTargetsAndTheSlotEmptiesWhenCleared() {
        SlotQueues q = new SlotQueues(2, 2);
        q.append(0, new int[] {5, 1, 5, 9}, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 0, 4);
        float[] sums = new float[10];
        q.drainWithin(0, sums, 0, 6);
        assertEquals(0.2f, sums[1]);
        assertEquals(0f + 0.1f + 0.3f, sums[5]);
        assertEquals(0f, sums[9], "outside the range");
        q.drainWithin(0, sums, 6, 10);
        assertEquals(0.4f, sums[9]);
        q.clear(0);
        float[] after = new float[10];
        q.drain(0, after);
        assertArrayEquals(new float[10], after);
    }
}
