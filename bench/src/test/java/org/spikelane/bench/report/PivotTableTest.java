package org.spikelane.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PivotTableTest {

    @Test
    void lifStepRowsAreNanosecondsPerNeuronStepWithRatios() {
        List<JmhResult> results = new ArrayList<>(JmhJson.lifStep(64000, 60_000, 240_000, 90_000, 450_000));
        results.addAll(JmhJson.lifStep(1000, 1000, 2500, 1200, 7000));
        String table = PivotTable.render(Category.LIF_STEP, results);
        List<String> lines = table.lines().filter(l -> l.startsWith("| 1") || l.startsWith("| 6")).toList();
        // rows sorted by N; 60 us per step of 64k neurons = 0.9375 ns per neuron-step, error a tenth
        assertEquals("| 1,000 | 1.000 ± 0.100 | 2.500 ± 0.250 | 1.200 ± 0.120 | 7.000 ± 0.700 | 2.50x | 5.83x | 1.20x |", lines.get(0));
        assertEquals("| 64,000 | 0.938 ± 0.094 | 3.750 ± 0.375 | 1.406 ± 0.141 | 7.031 ± 0.703 | 4.00x | 5.00x | 1.50x |", lines.get(1));
        assertTrue(table.contains("| N | float32 vector | float32 scalar | fixed vector | fixed scalar | float32 scalar / vector "
                + "| fixed scalar / vector | fixed / float32 (vector) |"), table);
        assertTrue(table.contains("3 forks × 4 iterations of 1 s"), table);
    }

    @Test
    void deliveryUsesTheEventsCounterAndRatiosStayCostRatios() {
        String events = "\"events\":{\"score\":%s,\"scoreError\":%s,\"scoreUnit\":\"ops/s\"}";
        List<JmhResult> results = List.of(
                JmhJson.result("b.DeliveryBenchmark.deliver", Map.of("n", "4000", "kernel", "vector"), 5, 0.1, "us/op", 2,
                        events.formatted(2e9, 1e8)),
                JmhJson.result("b.DeliveryBenchmark.deliver", Map.of("n", "4000", "kernel", "scalar"), 20, 0.1, "us/op", 2,
                        events.formatted(5e8, 1e7)));
        assertEquals(Category.DELIVERY, Category.of(results.getFirst()));
        String table = PivotTable.render(Category.DELIVERY, results);
        // 4x the events per second is a cost ratio scalar / vector of 4
        assertTrue(table.contains("| 4,000 | (2.00 ± 0.10)e9 | (5.00 ± 0.10)e8 | 4.00x |"), table);
        assertTrue(table.contains("2 forks × 4 iterations of 1 s †"), table);
    }

    @Test
    void networkWithoutCounterUsesStepsOfDt() {
        // one op = one 0.1 ms step taking 10 us: 10x faster than real time
        JmhResult r = JmhJson.result("b.NetworkBenchmark.cuba", Map.of("n", "4000"), 10, 1, "us/op", 3, null);
        assertEquals(Category.NETWORKS, Category.of(r));
        Value rtf = Figures.of(r, Category.NETWORKS);
        assertEquals(10, rtf.value(), 1e-9);
        assertEquals(1, rtf.error(), 1e-9);
        JmhResult perMillisecond = JmhJson.result("b.NetworkBenchmark.cuba", Map.of("n", "4000", "dt", "0.1", "steps", "10"),
                50, 1, "us/op", 3, null);
        assertEquals(20, Figures.of(perMillisecond, Category.NETWORKS).value(), 1e-9);
    }

    /** Stands for a network benchmark whose operation is 1000 steps (0.1 s of simulated time). */
    static final class FakeNetworkBenchmark {
        static final int STEPS = 1000;
    }

    @Test
    void networkStepsPerOpComeFromTheBenchmarkClass() {
        // 1000 steps of 0.1 ms in 25 ms of wall time: 4x real time
        JmhResult r = JmhJson.result(FakeNetworkBenchmark.class.getName() + ".run", Map.of("n", "4000"), 25, 2.5, "ms/op", 3, null);
        assertEquals(Category.NETWORKS, Category.of(r));
        assertEquals(4, Figures.of(r, Category.NETWORKS).value(), 1e-9);
        assertEquals(0.4, Figures.of(r, Category.NETWORKS).error(), 1e-9);
        assertTrue(PivotTable.render(Category.NETWORKS, List.of(r)).contains("one op = 1,000 steps of 0.1 ms"));
    }

    @Test
    void missingErrorShowsAsQuestionMarkAndUnclaimedResultsAreGeneric() {
        JmhResult r = JmhJson.result("b.Something.run", Map.of(), 12.5, Double.NaN, "ns/op", 1, null);
        assertTrue(Double.isNaN(r.error()));
        assertEquals(Category.GENERIC, Category.of(r));
        assertTrue(GenericTable.render(List.of(r)).contains("| `Something.run` | - | avgt | 12.5 ± ? | ns/op | 1 † |"));
        // an input benchmark without n cannot be per neuron-step
        assertEquals(Category.GENERIC, Category.of(JmhJson.result("b.InputBenchmark.bias", Map.of(), 1, 0, "ns/op", 3, null)));
    }
}
