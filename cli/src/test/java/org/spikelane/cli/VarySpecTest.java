package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.cli.sweep.Grid;
import org.spikelane.cli.sweep.VarySpec;

/** --vary lists and ranges: a unit written once covers the rest; an error names the token that is wrong. */
class VarySpecTest {
    @Test
    void aBareFromTakesTheUnitOfTo() {
        VarySpec v = VarySpec.parse("inputs.0.amplitude=0..10 nA:11");
        assertEquals(0.0, v.value(0));
        assertEquals(10e-9, v.value(10), 1e-21);
        assertEquals("3 nA", v.text(3));
        assertEquals("inputs.0.amplitude (nA)", v.axisTitle());
        assertEquals(VarySpec.Spacing.LINEAR, v.spacing());
    }

    @Test
    void aListKeepsItsItemsAsTyped() {
        VarySpec v = VarySpec.parse("inputs.0.amplitude=[500 pA, 1, 2.5 nA]");
        assertEquals(List.of("500 pA", "1 pA", "2.5 nA"), List.of(v.text(0), v.text(1), v.text(2)));
        assertEquals(2500.0, v.displayValue(2), 1e-9);
        assertEquals("inputs.0.amplitude (pA)", v.axisTitle());
        VarySpec words = VarySpec.parse("precision=[float32, fixed]");
        assertTrue(words.words());
        assertEquals("fixed", words.text(1));
        VarySpec seeds = VarySpec.parse("seed=[1, 2, 3]");
        assertEquals("2", seeds.text(1));
        assertEquals(2.0, seeds.value(1));
    }

    /** 1 Hz to 1 kHz in 4 values is one per decade, ends exact. */
    @Test
    void aLogRangeIsEvenInTheLogarithm() {
        VarySpec v = VarySpec.parse("inputs.0.frequency=1 Hz..1 kHz:4:log");
        assertEquals(VarySpec.Spacing.LOG, v.spacing());
        assertEquals(List.of("1 Hz", "10 Hz", "100 Hz", "1000 Hz"), List.of(v.text(0), v.text(1), v.text(2), v.text(3)));
        VarySpec down = VarySpec.parse("x=-1 mV..-100 mV:3:log");
        assertEquals(-10e-3, down.value(1), 1e-15);
    }

    @Test
    void errorsBlameTheWrongToken() {
        assertBlames("inputs.0.amplitude=0 nA..10 mV:5", "TO", "voltage");
        assertBlames("inputs.0.amplitude=0 parsec..10 nA:5", "FROM '0 parsec'", "unknown unit 'parsec'");
        assertBlames("inputs.0.amplitude=x..10 nA:5", "FROM 'x'");
        assertBlames("inputs.0.amplitude=0..10 nA:x", "COUNT 'x'");
        assertBlames("inputs.0.amplitude=0..10 nA:0", "COUNT", "got 0");
        assertBlames("inputs.0.amplitude=0..10 nA", "no ':COUNT' after TO '10 nA'");
        assertBlames("inputs.0.amplitude=0..10 nA:5:cubic", "'cubic' after COUNT", "log");
        assertBlames("inputs.0.amplitude=0 nA..10 nA:5:log", "FROM '0 nA'", "log range");
        assertBlames("inputs.0.amplitude=1 nA..-10 nA:5:log", "TO '-10 nA'", "other sign");
        assertBlames("inputs.0.amplitude=[1 nA, 2 mV]", "item 2", "voltage");
        assertBlames("inputs.0.amplitude=[1 nA, , 3 nA]", "item 2 of the list is empty");
        assertBlames("inputs.0.amplitude=[1 nA, fast]", "item 2 'fast'", "item 1 '1 nA'");
        assertBlames("inputs.0.amplitude=[1 nA, 2 nA", "no closing ']'");
        assertBlames("inputs.0.amplitude=[1 zz]", "item 1 '1 zz'", "unknown unit 'zz'");
        assertBlames("=[1 nA]", "PATH before '=' is empty");
    }

    @Test
    void aGridCountsItsPointsFirstOptionSlowest() {
        Grid g = Grid.of(List.of("a=[1, 2]", "b=[10, 20, 30]"));
        assertEquals(6, g.points());
        assertEquals(1, g.index(3, 0));
        assertEquals(0, g.index(3, 1));
        assertEquals(5, g.point(1, 2));
        assertEquals("20", g.settings(4).get(1).value());
        ScenarioException tooBig = assertThrows(ScenarioException.class, () -> Grid.of(List.of("a=0..1:1000", "b=0..1:1000", "c=0..1:2")));
        assertTrue(tooBig.getMessage().startsWith("--vary c=0..1:2") && tooBig.getMessage().contains("at most 1000000"), tooBig.getMessage());
    }

    private static void assertBlames(String text, String... parts) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> VarySpec.parse(text));
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("--vary " + text), e.getMessage());
    }
}
