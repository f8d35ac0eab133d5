package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikelane.cli.output.Csv;
import org.spikelane.cli.output.StateCsv;
import org.spikelane.record.StateRecorder;
import org.spikelane.record.Variable;
import org.spikelane.units.Dimension;

/** Names that would break a CSV row (comma, quote, line break) are quoted per RFC 4180 in every writer. */
class CsvQuotingTest {
    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("exc", Csv.field("exc"));
        assertEquals("\"exc,inh\"", Csv.field("exc,inh"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"cr\r\"", Csv.field("cr\r"));
        assertEquals("", Csv.field(""));
    }

    @Test
    void stateCsvQuotesPopulationAndVariableNames() throws IOException {
        Variable v = new Variable() {
            @Override public String name() { return "I,\"syn\""; }
            @Override public Dimension dimension() { return Dimension.CURRENT; }
            @Override public double value(int neuron) { return 0.5; }
        };
        StateRecorder r = new StateRecorder("exc,1", List.of(v), new int[] {3}, 1, 1e-4);
        r.sample(0);
        r.sample(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateCsv.write(List.of(r), 1e-4, out);
        assertEquals(StateCsv.HEADER + "\n\"exc,1\",3,\"I,\"\"syn\"\"\",0,0.5\n\"exc,1\",3,\"I,\"\"syn\"\"\",0.0001,0.5\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /** End to end through the engine's spike recorder: a population named with a comma keeps three columns. */
    @Test
    void spikesCsvQuotesPopulationNames() throws IOException {
        org.spikelane.Network net = new org.spikelane.Network(1e-4);
        net.addLif("a,\"b\"", 1, java.util.Map.of("E_L", "-40 mV", "v_threshold", "-50 mV", "v_reset", "-65 mV"));
        net.recordSpikes("a,\"b\"");
        org.spikelane.Simulation sim = net.build();
        sim.runSteps(20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.spikelane.cli.output.SpikesCsv.write(sim.spikes(), sim.dt(), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(true, lines.size() > 1, lines.toString());
        assertEquals(true, lines.get(1).startsWith("\"a,\"\"b\"\"\",0,"), lines.get(1));
    }
}
