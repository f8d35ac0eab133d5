package org.spikelane.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
            "-70 mV, VOLTAGE, -0.07", "2.5 nA, CURRENT, 2.5e-9", "10 Mohm, RESISTANCE, 1e7",
            "10 MOhm, RESISTANCE, 1e7", "200 pF, CAPACITANCE, 2e-10", "40 nS, CONDUCTANCE, 4e-8",
            "0.1 ms, TIME, 1e-4", "250 Hz, FREQUENCY, 250", "1.5 kHz, FREQUENCY, 1500", "3 s, TIME, 3",
            "20 msecond, TIME, 0.02", "5 mvolt, VOLTAGE, 0.005", "1e-3 s, TIME, 0.001", ".5 uA, CURRENT, 5e-7",
            "2 namp, CURRENT, 2e-9", "0.5, DIMENSIONLESS, 0.5", "1.2 rad, DIMENSIONLESS, 1.2"})
    void parsesBrian2StyleQuantities(String text, Dimension dim, double si) {
        assertEquals(si, Units.parse(text, dim, "x"), Math.abs(si) * 1e-12);
    }

    @Test
    void wrongDimensionNamesFieldAndBothDimensions() {
        UnitException e = assertThrows(UnitException.class, () -> Units.parse("5 mV", Dimension.TIME, "tau_m"));
        assertEquals("tau_m: '5 mV' is a voltage, expected a time such as '20 ms'", e.getMessage());
    }

    @Test
    void missingUnitIsAnError() {
        UnitException e = assertThrows(UnitException.class, () -> Units.parse("5", Dimension.TIME, "tau_m"));
        assertEquals("tau_m: '5' has no unit (expected a time such as '20 ms')", e.getMessage());
    }

    @Test
    void unknownUnitIsAnError() {
        UnitException e = assertThrows(UnitException.class, () -> Units.parse("5 parsec", Dimension.TIME, "tau"));
        assertEquals("tau: unknown unit 'parsec' in '5 parsec' (expected a time such as '20 ms')", e.getMessage());
    }

    @Test
    void formatsWithReadablePrefixes() {
        assertEquals("2 ms", Units.format(0.002, Dimension.TIME));
        assertEquals("-70 mV", Units.format(-0.07, Dimension.VOLTAGE));
        assertEquals("10 Mohm", Units.format(1e7, Dimension.RESISTANCE));
        assertEquals("0 s", Units.format(0, Dimension.TIME));
        assertEquals("2.5 nA", Units.format(2.5e-9, Dimension.CURRENT));
    }
}
