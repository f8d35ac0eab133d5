package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpikeRingTest {
    @Test
    void holdsTheLastMaxDelayPlusOneStepsAndGrowsSlotsForBurstsOfSpikes() {
        SpikeRing ring = new SpikeRing(3, 1000);
        int[] burst = IntStream.range(0, 1000).map(i -> 999 - i).toArray();
        assertEquals(0, ring.count(-2), "before the start");
        assertEquals(0, ring.count(0), "not pushed yet");
        ring.push(0, new int[] {4, 9}, 2);
        ring.push(1, burst, 1000);
        ring.push(2, new int[0], 0);
        ring.push(3, burst, 700);
        assertArrayEquals(new int[] {4, 9}, Arrays.copyOf(ring.spikes(0), ring.count(0)));
        assertArrayEquals(burst, Arrays.copyOf(ring.spikes(1), ring.count(1)), "a burst larger than the first slot size");
        assertEquals(0, ring.count(2));
        assertArrayEquals(Arrays.copyOf(burst, 700), Arrays.copyOf(ring.spikes(3), ring.count(3)));
        ring.push(4, new int[] {1}, 1);
        assertEquals(0, ring.count(0), "step 0 left the ring when step 4 took its slot");
        assertArrayEquals(new int[] {1}, Arrays.copyOf(ring.spikes(4), ring.count(4)));
        assertEquals(1000, ring.count(1));
    }
}
