package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.InputPlugin;

/**
 * addDrive of every fixed-point kernel runs every step: no allocation once compiled, in the vector
 * path (a vector crossing a call or merged from two branches would be boxed) and the scalar one;
 * measured as in {@link NoAllocationTest} ({@link AllocationMeter}).
 */
class FixedNoAllocationTest {
    @Test
    void noFixedKernelAllocatesPerStep() {
        FakeInputContext subset = new FakeInputContext(1e-4, 100, new int[] {5, 50, 99}, 3);
        FakeInputContext whole = FakeInputContext.wholeWithSpikes(100, "src", List.of(5, 7));
        List<Map.Entry<FakeInputContext, Map.Entry<InputPlugin, Map<String, ?>>>> specs = List.of(
                Map.entry(whole, Map.entry(new BiasInput(), Map.of("amplitude", "1 nA"))),
                Map.entry(subset, Map.entry(new BiasInput(), Map.of("amplitude", List.of("1 nA", "2 nA", "3 nA")))),
                Map.entry(whole, Map.entry(new StepInput(), Map.of("amplitude", "1 nA", "start", "1 ms", "stop", "1.5 s"))),
                Map.entry(whole, Map.entry(new SineInput(), Map.of("amplitude", "1 nA", "frequency", "10 Hz"))),
                Map.entry(whole, Map.entry(new RampInput(), Map.of("to", "1 nA", "stop", "1 s"))),
                Map.entry(subset, Map.entry(new RampInput(), Map.of("to", "1 nA", "stop", "1 s"))),
                Map.entry(whole, Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("every", "1 ms", "random_neuron", true)))),
                Map.entry(subset, Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("every", "0.3 ms")))),
                Map.entry(whole, Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("from", "src")))),
                Map.entry(whole, Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "shape", "inverse", "events", Map.of("from", "src")))),
                Map.entry(whole, Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "events",
                        Map.of("times", List.of("1 ms", "2 ms", "1 s"), "neurons", List.of(1, 2, 3))))));
        for (boolean vector : new boolean[] {true, false}) {
            for (int k = 0; k < specs.size(); k++) {
                FakeFixedTarget target = new FakeFixedTarget(100, vector, 2);
                var spec = specs.get(k);
                FixedInputKernel kernel = spec.getKey().createFixed(spec.getValue().getKey(), spec.getValue().getValue(), target);
                long bytes = AllocationMeter.leastBytes(n -> {
                    kernel.beginStep(n);
                    kernel.addDrive(n, 0, target.drive.length, target.drive);
                }, 20_000);
                assertTrue(bytes < 512, (vector ? "vector" : "scalar") + " kernel " + k + " (" + spec.getValue().getKey().name()
                        + ") allocated " + bytes + " bytes in 20000 steps");
            }
        }
    }
}
