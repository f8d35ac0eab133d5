package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.spikelane.Simulation;
import org.spikelane.record.SpikeRecorder;

/** Asserts that two runs of one network recorded the same spikes and the same state samples, bit for bit. */
final class SameBits {
    private SameBits() {}

    static void assertSameSpikes(SpikeRecorder expected, SpikeRecorder actual) {
        assertEquals(expected.count(), actual.count(), "spike count");
        for (int row = 0; row < expected.count(); row++) {
            assertEquals(expected.step(row), actual.step(row), "row " + row);
            assertEquals(expected.populationIndex(row), actual.populationIndex(row), "row " + row);
            assertEquals(expected.neuron(row), actual.neuron(row), "row " + row);
        }
    }

    /** Every state recorder's trace of {@code variable} for neurons {@code 0 .. neurons - 1}. */
    static void assertSameTraces(Simulation expected, Simulation actual, String variable, int neurons) {
        for (int r = 0; r < expected.stateRecorders().size(); r++) {
            for (int n = 0; n < neurons; n++) {
                assertArrayEquals(expected.stateRecorders().get(r).trace(variable, n), actual.stateRecorders().get(r).trace(variable, n),
                        "recorder " + r + ", neuron " + n);
            }
        }
    }
}
