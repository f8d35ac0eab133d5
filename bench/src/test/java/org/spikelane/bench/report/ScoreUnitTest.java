package org.spikelane.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreUnitTest {

    @Test
    void timePerOpUnitsConvertToSeconds() {
        assertEquals(927e-9, ScoreUnit.secondsPerOp(927, 107, "ns/op").value(), 1e-18);
        assertEquals(107e-9, ScoreUnit.secondsPerOp(927, 107, "ns/op").error(), 1e-18);
        assertEquals(2.5e-6, ScoreUnit.secondsPerOp(2.5, 0, "us/op").value(), 1e-18);
        assertEquals(0.082, ScoreUnit.secondsPerOp(82, 1, "ms/op").value(), 1e-15);
    }

    @Test
    void ratesInvertWithTheSameRelativeError() {
        Value v = ScoreUnit.secondsPerOp(2000, 100, "ops/ms");  // 2e6 ops/s, 5 %
        assertEquals(5e-7, v.value(), 1e-18);
        assertEquals(0.05, v.relativeError(), 1e-12);
        assertEquals(2e6, ScoreUnit.opsPerSecond(2000, 100, "ops/ms").value(), 1e-6);
        assertEquals(1e9, ScoreUnit.opsPerSecond(1, 0, "ns/op").value(), 1e-3);
        assertTrue(ScoreUnit.isRate("ops/s"));
    }

    @Test
    void unknownUnitsAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScoreUnit.secondsPerOp(1, 0, "#"));
        assertTrue(e.getMessage().contains("'#'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoreUnit.secondsPerOp(1, 0, "fortnights/op"));
    }
}
