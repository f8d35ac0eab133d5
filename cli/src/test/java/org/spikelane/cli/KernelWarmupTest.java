package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.spi.PluginRegistry;

/** The warm-up copy: what it cuts, that it runs the step code, and that the real run cannot notice it. */
class KernelWarmupTest {
    private static final Path CUBA = Path.of("..", "examples", "cuba.yaml");
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Test
    void copyCutsPopulationsRulesAndRecordingsAndLeavesTheScenarioAlone() {
        Scenario cuba = Scenario.load(CUBA, List.of());
        Scenario copy = KernelWarmup.smallCopy(cuba);
        Map<?, ?> pop = (Map<?, ?>) ((List<?>) copy.root().get("populations")).get(0);
        assertEquals(KernelWarmup.SIZE, pop.get("size"));
        Map<?, ?> connect = (Map<?, ?>) ((Map<?, ?>) ((List<?>) copy.root().get("projections")).get(1)).get("connect");
        assertEquals(Map.of("rule", "probability", "p", KernelWarmup.P), connect);
        Map<?, ?> state = (Map<?, ?>) ((List<?>) ((Map<?, ?>) copy.root().get("record")).get("state")).get(0);
        assertEquals("[0, 1]", String.valueOf(state.get("neurons")), "neuron 3200 is cut, 0 and 1 stay");
        assertEquals(KernelWarmup.MAX_STEPS, copy.steps());
        assertEquals(1, copy.threads(), "the copy steps on its own thread (its ranged steps stand in for a team's)");
        // the original tree is untouched
        Map<?, ?> original = (Map<?, ?>) ((List<?>) cuba.root().get("populations")).get(0);
        assertEquals(4000L, ((Number) original.get("size")).longValue());
        assertEquals("[0, 1, 3200]", String.valueOf(((Map<?, ?>) ((List<?>) ((Map<?, ?>) cuba.root().get("record")).get("state")).get(0)).get("neurons")));
    }

    @Test
    void copyBuildsAndFiresSoDeliveryIsWarmedToo() {
        Simulation copy = NetworkBuilder.simulation(KernelWarmup.smallCopy(Scenario.load(CUBA, List.of())), REGISTRY);
        copy.runSteps(1000);
        // CUBA's E_L lies above threshold, so neurons fire even though the copy's random wiring
        // gives every neuron inhibitory inputs; without spikes delivery would stay cold
        assertTrue(copy.spikes().count() > 0, "spikes: " + copy.spikes().count());
    }

    @Test
    void realRunIsTheSameWithAndWithoutTheCopyRunningBesideIt() {
        Scenario cuba = Scenario.load(CUBA, List.of("duration=100 ms"));
        Simulation quiet = NetworkBuilder.simulation(cuba, REGISTRY);
        quiet.runSteps(cuba.steps());

        KernelWarmup warmup = startedForTest(cuba);
        Simulation beside = NetworkBuilder.simulation(cuba, REGISTRY);
        beside.runSteps(cuba.steps()); // the copy runs on its own thread meanwhile
        warmup.abandon();
        assertNull(warmup.failure());
        assertTrue(warmup.steps() > 0, "the copy ran");
        assertTrue(quiet.spikes().count() > 0, "CUBA fires within 100 ms");
        assertArrayEquals(trains(quiet.spikes()), trains(beside.spikes()));
    }

    @Test
    void awaitWarmLetsTheCopyRunUntilItIsWarmOrALimitAndSaysWhichAndHowManySteps() {
        Scenario cuba = Scenario.load(CUBA, List.of());
        KernelWarmup warmup = startedForTest(cuba);
        warmup.awaitWarm(); // as if the real build had ended at once
        assertNull(warmup.failure());
        assertTrue(List.of("time limit", "step limit", "JIT idle").contains(warmup.ended())
                || warmup.ended().startsWith(WarmthGauge.SPEEDUP + "x faster"), warmup.ended());
        assertTrue(warmup.steps() >= 50, "steps " + warmup.steps());
        KernelWarmup.Outcome last = KernelWarmup.last();
        assertEquals(warmup.steps(), last.steps());
        assertEquals(warmup.ended(), last.ended());
    }

    @Test
    void aFailedRealBuildStopsTheCopyWithoutWaitingForIt() {
        KernelWarmup warmup = startedForTest(Scenario.load(CUBA, List.of()));
        warmup.abandon();
        // the copy stops after its current chunk, or was still being built, or (on a fast machine) was warm already
        assertTrue(List.of("abandoned", "not started", "JIT idle").contains(warmup.ended())
                || warmup.ended().startsWith(WarmthGauge.SPEEDUP + "x faster"), warmup.ended());
        assertTrue(warmup.steps() < KernelWarmup.MAX_STEPS, "steps " + warmup.steps());
    }

    @Test
    void onlyANetworkWithAPopulationOfMoreThan256NeuronsIsWorthACopy() {
        assertTrue(KernelWarmup.worthIt(Scenario.load(CUBA, List.of())), "CUBA: 4000 neurons");
        assertTrue(!KernelWarmup.worthIt(Scenario.load(CUBA, List.of("populations.0.size=256"))), "256 neurons");
        assertTrue(KernelWarmup.worthIt(Scenario.load(CUBA, List.of("populations.0.size=257"))), "257 neurons");
        assertTrue(!KernelWarmup.worthIt(Scenario.load(Path.of("..", "examples", "quickstart.yaml"), List.of())), "3 neurons");
    }

    @Test
    void theRunsSpikeCountsAreTheRecordersCounts() {
        Scenario cuba = Scenario.load(CUBA, List.of("duration=100 ms"));
        Runner.Result r = Runner.run(cuba, REGISTRY, (done, all) -> { });
        assertEquals(Map.of("P", (long) r.simulation().spikes().count()), r.spikeCounts());
        assertTrue(r.totalSpikes() > 0);
    }

    /** A warm-up that runs here even if another test of this JVM has used the once-per-JVM one. */
    private static KernelWarmup startedForTest(Scenario scenario) {
        KernelWarmup w = KernelWarmup.unstarted(scenario, REGISTRY);
        w.startThread();
        return w;
    }

    private static long[] trains(SpikeRecorder s) {
        long[] out = new long[s.count()];
        for (int r = 0; r < out.length; r++) out[r] = s.step(r) * 1_000_000L + s.neuron(r);
        return out;
    }
}
