package org.spikelane.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.units.Dimension;

/** Recording sizes are computed in long arithmetic: too large is a message, never a negative array size. */
class StateRecorderLimitsTest {
    private static Variable constant(String name) {
        return new Variable() {
            @Override public String name() { return name; }
            @Override public Dimension dimension() { return Dimension.VOLTAGE; }
            @Override public double value(int neuron) { return neuron; }
        };
    }

    private static StateRecorder recorder(int neurons, int variables) {
        List<Variable> vars = java.util.stream.IntStream.range(0, variables).mapToObj(k -> constant("x" + k)).toList();
        return new StateRecorder("P", vars, java.util.stream.IntStream.range(0, neurons).toArray(), 1, 1e-4);
    }

    @Test
    void samplesAreTheMultiplesOfEveryInTheRange() {
        assertEquals(10, StateRecorder.samplesBetween(0, 10, 1));
        assertEquals(4, StateRecorder.samplesBetween(0, 10, 3), "0, 3, 6, 9");
        assertEquals(2, StateRecorder.samplesBetween(4, 10, 3), "6, 9");
        assertEquals(1, StateRecorder.samplesBetween(6, 7, 3));
        assertEquals(0, StateRecorder.samplesBetween(7, 9, 3));
        assertEquals(0, StateRecorder.samplesBetween(5, 5, 1));
    }

    @Test
    void reserveSizesTheRecordingExactlyAndSamplesFillIt() {
        StateRecorder r = recorder(3, 2);
        r.reserve(1000);
        for (long step = 0; step < 1000; step++) r.sample(step);
        assertEquals(1000, r.samples());
        assertEquals(2.0, r.value(999, 1, 2));
    }

    /** 2^20 samples of 3000 values (3.1e9 values): more than one array holds; refused before allocating. */
    @Test
    void aRecordingBeyondOneArrayIsRefusedWithTheNumbers() {
        StateRecorder r = recorder(1000, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.reserve(1L << 20));
        assertEquals("state recorder of 'P': 1048576 samples x 3000 values (neurons x variables) = 3145728000 values,"
                + " more than the 2147483639 one recording can hold; record fewer neurons or variables, or sample less often (every)",
                e.getMessage());
    }

    /** A recorder of millions of neurons starts small: its first sample allocates what it needs, not 256 samples' worth. */
    @Test
    void aWideRecorderStartsWithOneSampleOfRoom() {
        StateRecorder r = recorder(4_000_000, 2);
        r.sample(0);
        assertEquals(1, r.samples());
        org.spikelane.state.StateRegistry registry = new org.spikelane.state.StateRegistry();
        r.declareState(registry.declarer("recorder"));
        assertEquals(8_000_000, registry.find("recorder", "values").length(), "one sample of 4e6 neurons x 2 variables");
    }
}
