package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.cli.sweep.VarySpec;

/** --vary ranges: a unit written once covers both ends; an error names the end that is wrong. */
class VarySpecTest {
    @Test
    void aBareFromTakesTheUnitOfTo() {
        VarySpec v = VarySpec.parse("inputs.0.amplitude=0..10 nA:11");
        assertEquals(0.0, v.from());
        assertEquals(10e-9, v.to(), 1e-21);
        assertEquals("3 nA", v.text(3));
        assertEquals("inputs.0.amplitude (nA)", v.axisTitle());
    }

    @Test
    void errorsBlameTheWrongEnd() {
        ScenarioException to = assertThrows(ScenarioException.class, () -> VarySpec.parse("inputs.0.amplitude=0 nA..10 mV:5"));
        assertTrue(to.getMessage().contains("TO") && to.getMessage().contains("voltage"), to.getMessage());
        ScenarioException from = assertThrows(ScenarioException.class, () -> VarySpec.parse("inputs.0.amplitude=0 parsec..10 nA:5"));
        assertTrue(from.getMessage().contains("FROM") && from.getMessage().contains("parsec"), from.getMessage());
        ScenarioException bareTo = assertThrows(ScenarioException.class, () -> VarySpec.parse("inputs.0.amplitude=x..10 nA:5"));
        assertTrue(bareTo.getMessage().contains("FROM 'x'"), bareTo.getMessage());
    }
}
