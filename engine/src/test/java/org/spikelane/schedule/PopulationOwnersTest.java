package org.spikelane.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Heaviest population first to the least loaded worker; refused above 10 % over an even share. */
class PopulationOwnersTest {
    @Test
    void heaviestFirstToTheLeastLoaded() {
        // 10 -> w0, 8 -> w1, 7 -> w1 (8 < 10), 5 -> w0 (10 < 15): 15 and 15
        assertArrayEquals(new int[] {0, 1, 1, 0}, PopulationOwners.assign(new long[] {10, 8, 7, 5}, 2));
        // the same costs in another order: each population keeps the worker of its cost rank
        assertArrayEquals(new int[] {0, 1, 0, 1}, PopulationOwners.assign(new long[] {5, 7, 10, 8}, 2));
    }

    @Test
    void tiesGoByIndexAndToTheFirstLeastLoadedWorker() {
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, PopulationOwners.assign(new long[] {4, 4, 4, 4, 4, 4}, 3));
    }

    @Test
    void tenPercentOverAnEvenShareIsTheLimit() {
        // 12 of 22: 1.0909 of an even share (11), allowed; 13 of 23: 1.130, refused
        assertArrayEquals(new int[] {0, 1}, PopulationOwners.assign(new long[] {12, 10}, 2));
        assertNull(PopulationOwners.assign(new long[] {13, 10}, 2));
        // 11 of 20 is exactly 1.10 of an even share
        assertArrayEquals(new int[] {0, 1}, PopulationOwners.assign(new long[] {11, 9}, 2));
    }

    @Test
    void fewerPopulationsThanWorkersOrOneWorkerSplitsNothing() {
        assertNull(PopulationOwners.assign(new long[] {5}, 2));
        assertNull(PopulationOwners.assign(new long[] {5, 5}, 3));
        assertNull(PopulationOwners.assign(new long[] {5, 5}, 1));
    }

    @Test
    void aSwapOffTheHeaviestWorkerMendsWhatHeaviestFirstMisses() {
        // heaviest first: 5 -> w0, 4 -> w1, 3 -> w1 (4 < 5), 3 -> w0 (7 > 5), 3 -> w1 (8 = 8, first): 8 and 10;
        // swapping 4 (w1) for a 3 (w0) gives 9 and 9, the even share
        int[] owner = new int[5];
        long max = PopulationOwners.deal(new long[] {5, 4, 3, 3, 3}, 2, owner, new int[5], new long[2]);
        assertEquals(9, max);
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, owner);
    }

    @Test
    void threeWorkersReachTheEvenShareRoundedUp() {
        // heaviest first on 3 workers: 6, 5, 4 one each, 3 -> w2 (7), 2 -> w1 (7), 2 -> w0 (8), 1 -> w1 (8): 8 8 7;
        // 8 = ceil(23 / 3) is the least any deal can reach, and no move or swap changes it
        int[] owner = new int[7];
        assertEquals(8, PopulationOwners.deal(new long[] {6, 5, 4, 3, 2, 2, 1}, 3, owner, new int[7], new long[3]));
        long[] load = new long[3];
        assertEquals(8, PopulationOwners.maxLoad(new long[] {6, 5, 4, 3, 2, 2, 1}, 3, owner, load));
        assertEquals(23, load[0] + load[1] + load[2]);
    }
}
