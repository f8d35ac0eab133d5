package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.spikelane.random.RandomStream;

/** Random periodic events have no state: the target of an event depends on its step only. */
class PeriodicPulseEventsTest {
    private static TreeMap<Long, Integer> events(PeriodicPulseEvents source, List<Long> steps) {
        TreeMap<Long, Integer> out = new TreeMap<>();
        for (long step : steps) source.emit(step, (slot, at) -> assertEquals(null, out.put(at, slot), "two events at " + at));
        return out;
    }

    @Test
    void stepsAskedInAnyOrderOrFromTwoInstancesGiveTheSameTargets() {
        RandomStream stream = RandomStream.root(42).substream("random_neuron");
        List<Long> steps = new ArrayList<>();
        for (long s = 0; s < 5000; s++) steps.add(s);
        TreeMap<Long, Integer> inOrder = events(new PeriodicPulseEvents(3, 7, 500, 13, stream), steps);
        Collections.shuffle(steps, new Random(2));
        TreeMap<Long, Integer> shuffled = events(new PeriodicPulseEvents(3, 7, 500, 13, RandomStream.ofKey(stream.key())), steps);
        assertEquals(inOrder, shuffled);
        assertEquals(500, inOrder.size(), "count limits the events");
        assertEquals(3L, inOrder.firstKey());
        assertEquals(3L + 7 * 499, inOrder.lastKey());
        for (var e : inOrder.entrySet()) assertEquals(stream.bounded(e.getKey(), 0, 13), e.getValue(), "step " + e.getKey());
        assertTrue(inOrder.values().stream().distinct().count() == 13, "every target drawn at some event");
    }
}
