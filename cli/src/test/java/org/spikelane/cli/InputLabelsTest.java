package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.cli.scenario.TreeReader;

/** Plot titles name the inputs of each neuron as the scenario wrote them. */
class InputLabelsTest {
    @Test
    void labelsFollowTargetsAndNeurons() {
        String text = """
                duration: 10 ms
                populations: [{name: lif, size: 3}]
                inputs:
                  - {type: bias, target: lif, amplitude: 20 nA}
                  - {type: step, target: lif, neurons: [1], amplitude: 2.01 nA, start: 5 ms}
                  - {type: sine, target: lif, neurons: 2, amplitude: 2.5 nA, frequency: 250 Hz}
                """;
        Scenario s = Scenario.of(TreeReader.parse("t.yaml", text, false), "t");
        InputLabels labels = new InputLabels(s, Map.of("lif", 3));
        assertEquals("bias 20 nA", labels.of("lif", 0));
        assertEquals("bias 20 nA + step 2.01 nA", labels.of("lif", 1));
        assertEquals("bias 20 nA + sine 2.5 nA 250 Hz", labels.of("lif", 2));
        assertEquals("", labels.of("other", 0));
    }
}
