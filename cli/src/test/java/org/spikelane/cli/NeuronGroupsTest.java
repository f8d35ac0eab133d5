package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.NeuronGroups;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.scenario.ScenarioException;
import org.spikelane.cli.scenario.TreeReader;
import org.spikelane.spi.PluginRegistry;

/**
 * Named neuron ranges ({@code groups}) stand for the index ranges they name: a network written with
 * them is the network written with the ranges, spike for spike; mistakes are one-line errors that
 * name the field.
 */
class NeuronGroupsTest {
    /** A small CUBA-like network: 80 excitatory and 20 inhibitory neurons of one population. */
    private static final String NETWORK = """
            duration: 60 ms
            seed: 3
            populations:
              - name: P
                size: 100
                %s
                params: {tau_m: 20 ms, E_L: -49 mV, v_threshold: -50 mV, v_reset: -60 mV, refractory: 5 ms,
                         v_init: {uniform: {low: -60 mV, high: -50 mV}}}
            inputs:
              - {type: step, target: P, neurons: %s, amplitude: 0.5 nA, start: 20 ms, stop: 40 ms}
            projections:
              - {from: P, to: P, synapse: exp_current, params: {tau_syn: 5 ms}, weight: 1.62 mV,
                 connect: {rule: probability, p: 0.1, pre: %s}}
              - {from: P, to: P, synapse: exp_current, params: {tau_syn: 10 ms}, weight: -9 mV,
                 connect: {rule: probability, p: 0.1, pre: %s, post: %s}}
            record:
              spikes: [P]
              state: [{population: P, variables: [v], neurons: %s}]
            """;

    private static Scenario scenario(String text) {
        return Scenario.of(TreeReader.parse("g.yaml", text, false), "g");
    }

    private static List<long[]> spikes(Scenario s) {
        try (Simulation sim = NetworkBuilder.simulation(s, PluginRegistry.discover())) {
            sim.runSteps(s.steps());
            List<long[]> out = new ArrayList<>();
            for (int r = 0; r < sim.spikes().count(); r++) out.add(new long[] {sim.spikes().step(r), sim.spikes().neuron(r)});
            assertEquals(20, sim.stateRecorders().get(0).neurons().length, "the recording of group I");
            assertEquals(80, sim.stateRecorders().get(0).neurons()[0]);
            return out;
        }
    }

    @Test
    void groupsAreTheRangesTheyName() {
        List<String> indices = new ArrayList<>();
        for (int n = 80; n < 100; n++) indices.add(Integer.toString(n));
        String list = "[" + String.join(", ", indices) + "]";
        Scenario named = scenario(NETWORK.formatted("groups: {E: 0..79, I: 80..99}", "I", "E", "I", "E", "I"));
        Scenario ranged = scenario(NETWORK.formatted("", list, "{from: 0, to: 80}", "{from: 80, to: 100}", "{from: 0, to: 80}", list));
        List<long[]> a = spikes(named);
        List<long[]> b = spikes(ranged);
        assertTrue(a.size() > 50, "the network fires: " + a.size());
        assertEquals(b.size(), a.size());
        for (int k = 0; k < a.size(); k++) assertArrayEquals(b.get(k), a.get(k), "spike " + k);
    }

    @Test
    void groupsAnswerWhichNeuronIsWhere() {
        Scenario s = scenario(NETWORK.formatted("groups: {E: 0..79, I: 80..99}", "I", "E", "I", "E", "I"));
        NeuronGroups g = NeuronGroups.of(s);
        assertEquals(List.of("E", "I"), List.copyOf(g.of("P").keySet()));
        assertEquals("E", g.groupOf("P", 79));
        assertEquals("I", g.groupOf("P", 80));
        assertEquals("80..99", g.of("P").get("I").toString());
        assertEquals(null, g.groupOf("other", 0));
        InputLabels labels = new InputLabels(s, Map.of("P", 100));
        assertEquals("", labels.of("P", 79));
        assertEquals("step 0.5 nA", labels.of("P", 80));
    }

    static Stream<Arguments> mistakes() {
        String ok = "groups: {E: 0..79, I: 80..99}";
        return Stream.of(
                Arguments.of("groups: {E: 0..79, I: 70..99}", "I", "E", "populations.0.groups.I",
                        "70..99 overlaps group 'E' (0..79); groups may not share neurons"),
                Arguments.of("groups: {E: 0..100}", "E", "E", "populations.0.groups.E", "range 0..100 must lie within 0..99"),
                Arguments.of("groups: {E: 10..5}", "E", "E", "populations.0.groups.E", "is empty; its last neuron is before its first"),
                Arguments.of("groups: {E: ten}", "E", "E", "populations.0.groups.E", "expected a range, got 'ten'"),
                Arguments.of("groups: {all: 0..3}", "all", "all", "populations.0.groups.all", "a group name is a word"),
                Arguments.of("groups: [0, 1]", "E", "E", "populations.0.groups", "expected a mapping"),
                Arguments.of(ok, "X", "E", "inputs.0.neurons", "unknown group 'X' of population 'P'"),
                Arguments.of(ok, "I", "Ee", "projections.0.connect.pre", "; its groups: E, I"),
                Arguments.of(ok, "I", "Ee", "projections.0.connect.pre", "unknown group 'Ee' of population 'P' (did you mean 'E'?)"),
                Arguments.of("", "I", "E", "inputs.0.neurons", "'I' is not a group of population 'P', which has none"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void mistakesNameTheField(String groups, String inputNeurons, String pre, String field, String problem) {
        Scenario s = scenario(NETWORK.formatted(groups, inputNeurons, pre, "I", "E", "[0]"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> NetworkBuilder.network(s, PluginRegistry.discover()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
