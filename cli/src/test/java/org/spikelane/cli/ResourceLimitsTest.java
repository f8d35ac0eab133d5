package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.ResourceEstimate;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.state.Role;
import org.spikelane.state.StateEntry;

/** Item 3 of issue 11: the memory of a run is estimated before it is allocated; no JVM failure reaches the user raw. */
class ResourceLimitsTest {
    @TempDir
    Path tmp;

    private Path scenario(String name, String yaml) throws IOException {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String allToAll(int size) {
        return "dt: 0.1 ms\nduration: 10 ms\npopulations:\n  - {name: P, size: " + size + "}\n"
                + "projections:\n  - {from: P, to: P, synapse: exp_current, params: {tau_syn: 5 ms}, weight: 0.1 mV}\n";
    }

    /**
     * CUBA (4000 neurons, 320k random synapses, 3 neurons x 2 variables recorded every step): the
     * estimate made from the blueprint is within 1.5x of the bytes the built and run simulation
     * registers (spike recordings left out on both sides: they grow with the spikes).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"float32", "fixed"})
    void cubaEstimateIsWithinOneAndAHalfOfTheRegistrysMeasuredBytes(String precision) {
        Scenario cuba = Scenario.load(Cli.example("cuba.yaml"), List.of("duration=200 ms", "precision=" + precision));
        PluginRegistry registry = PluginRegistry.discover();
        ResourceEstimate estimate = ResourceEstimate.of(NetworkBuilder.network(cuba, registry), 0, cuba.steps());
        Simulation sim = Runner.run(cuba, registry, (done, total) -> { }).simulation();
        long neurons = 0;
        long synapses = 0;
        long recordings = 0;
        for (StateEntry e : sim.stateRegistry().entries()) {
            if (e.owner().startsWith("population")) neurons += e.bytes();
            else if (e.owner().startsWith("projection")) synapses += e.bytes();
            else if (e.owner().startsWith("state recorder") && e.role() == Role.RECORDING) recordings += e.bytes();
        }
        assertEquals(2000 * (3 * 2 * 4 + 8), estimate.recordingBytes(), "2000 samples of 6 floats and a step");
        assertEquals(estimate.recordingBytes(), recordings, 64, "recordings are reserved exactly");
        within(1.5, estimate.synapseBytes(), synapses, "synapses");
        within(1.5, estimate.neuronBytes(), neurons, "neurons");
        within(1.5, estimate.residentBytes() - estimate.spikeBytes(), neurons + synapses + recordings, "all but the spikes");
    }

    private static void within(double factor, long estimate, long measured, String what) {
        double ratio = (double) estimate / measured;
        assertTrue(ratio >= 1 / factor && ratio <= factor, what + ": estimate " + estimate + " B, measured " + measured + " B");
    }

    /** 30000 x 30000 all to all: 9e8 synapses, far beyond any heap here; refused in one line before a synapse is drawn. */
    @Test
    void aNetworkBeyondTheHeapIsRefusedBeforeBuildingWithTheEstimateTheHeapAndTheWayOut() throws IOException {
        Path out = tmp.resolve("big");
        Cli.Outcome o = Cli.run("run", scenario("big", allToAll(30000)).toString(), "--out", out.toString(), "-q");
        assertEquals(Main.FAILED, o.exitCode(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        String heap = MemorySize.format(Runtime.getRuntime().maxMemory());
        // the spikes of 30000 neurons over 10 ms at the assumed 100 Hz: 30000 spikes
        assertTrue(o.err().startsWith("error: the run needs about 33.5 GiB (neurons 3.7 MiB, synapses 6.7 GiB and 26.8 GiB more"
                + " while building them, recordings 0 B, spikes 937.5 KiB (30000 spikes, assuming 100 Hz per recorded LIF neuron))"
                + " but the Java heap of " + heap + " has "), o.err());
        assertTrue(o.err().contains("record fewer neurons or sample less often (every:)"), o.err());
        assertTrue(o.err().contains("--max-memory") || o.err().contains("make the network smaller"), o.err());
        assertEquals("", o.out());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written, no temporary folder left");
        }
    }

    @Test
    void synapseCountsBeyondOneProjectionAreAScenarioError() throws IOException {
        Path file = scenario("huge", allToAll(50000));
        Cli.Outcome o = Cli.run("run", file.toString(), "--out", tmp.resolve("huge").toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals("error: " + file + ":6:5: projections.0.connect: makes 2500000000 synapses, more than the 2147483639 one"
                + " projection can hold; split it into several projections with pre or post ranges\n", o.err());
    }

    @Test
    void inDegreeBeyondOneProjectionIsAScenarioErrorNotANegativeArraySize() throws IOException {
        Path file = scenario("indegree", allToAll(50000).replace("weight: 0.1 mV}", "weight: 0.1 mV, connect: {rule: in_degree, k: 50000}}"));
        Cli.Outcome o = Cli.run("run", file.toString(), "--out", tmp.resolve("indegree").toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertTrue(o.err().contains("projections.0.connect: makes 2500000000 synapses"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    /** 100000 neurons x 3 variables x 100000 samples: 3e10 values, more than an array; refused by field before the run. */
    @Test
    void aRecordingBeyondOneArrayIsAScenarioError() throws IOException {
        Path file = scenario("rec", "dt: 0.1 ms\nduration: 10 s\npopulations:\n  - {name: P, size: 100000}\n"
                + "record:\n  state:\n    - {population: P, variables: [v, I, I_syn]}\n");
        Cli.Outcome o = Cli.run("run", file.toString(), "--out", tmp.resolve("rec").toString(), "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.err());
        assertEquals("error: " + file + ":7:7: record.state.0: records 100000 neurons x 3 variables x 100000 samples = 30000000000"
                + " values, more than the 2147483639 one recording can hold; record fewer neurons or variables, or sample less often (every)\n",
                o.err());
    }

    @Test
    void aBadVectorWidthIsOneLineListingTheAllowedWidths() {
        String before = System.getProperty("spikelane.vector.bits");
        System.setProperty("spikelane.vector.bits", "100");
        try {
            Cli.Outcome o = Cli.run("run", Cli.example("quickstart.yaml").toString(), "--out", tmp.resolve("q").toString(), "-q");
            assertEquals(Main.BAD_INPUT, o.exitCode());
            assertEquals("error: -Dspikelane.vector.bits=100: not a vector width; allowed: 64, 128, 256, 512"
                    + " (or leave it unset for the machine's preferred width)\n", o.err());
        } finally {
            if (before == null) System.clearProperty("spikelane.vector.bits");
            else System.setProperty("spikelane.vector.bits", before);
        }
    }

    @Test
    void maxMemoryIsCheckedForItsForm() {
        Cli.Outcome o = Cli.run("run", Cli.example("quickstart.yaml").toString(), "--out", tmp.resolve("q").toString(), "-q",
                "--max-memory", "12x");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertEquals("error: --max-memory: '12x' is not a size such as 8g, 512m or 2048m\n", o.err());
        assertEquals(12L << 30, MemorySize.parse("12g", "--max-memory"));
        assertEquals(512L << 20, MemorySize.parse("512M", "--max-memory"));
        assertEquals("14g", MemorySize.suggestion(11L << 30), "a quarter to spare, whole GiB");
    }

    /** What a JVM failure becomes on the way out: one line, no stack trace. */
    @Test
    void outOfMemoryAndUnexpectedFailuresAreOneLine() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text, true);
        assertEquals(Main.FAILED, Errors.report(new OutOfMemoryError("Java heap space"), err));
        String line = text.toString();
        assertTrue(line.startsWith("error: out of memory: the run filled the Java heap of "
                + MemorySize.format(Runtime.getRuntime().maxMemory()) + "; "), line);
        assertTrue(line.endsWith("record fewer neurons or sample less often (every:), or record the spikes of fewer populations\n"), line);
        text.getBuffer().setLength(0);
        assertEquals(Main.FAILED, Errors.report(new NullPointerException("state is null"), err));
        assertEquals("error: internal error: NullPointerException: state is null (please report it; SPIKELANE_DEBUG=1 prints"
                + " the stack trace)\n", text.toString());
        text.getBuffer().setLength(0);
        assertEquals(Main.BAD_INPUT, Errors.report(new ExceptionInInitializerError(new IllegalArgumentException("bad width")), err));
        assertEquals("error: bad width\n", text.toString());
    }

    /** The check itself: a scenario that fits passes and reports no warning. */
    @Test
    void aScenarioThatFitsPassesTheCheckSilently() {
        StringWriter text = new StringWriter();
        Scenario quick = Scenario.load(Cli.example("quickstart.yaml"), List.of());
        ResourceEstimate e = Preflight.check(quick, PluginRegistry.discover(), true, new PrintWriter(text, true), new HashSet<>());
        assertEquals("", text.toString());
        assertFalse(e.peakBytes() > 1 << 20, "three neurons and their traces: well under a MiB, got " + e.peakBytes());
    }

    /**
     * Spike recordings: LIF neurons at the assumed 100 Hz, a generator's spikes counted (repeated with
     * its period), a Poisson population at its rate; 32 bytes per spike (16 in arrays that grow by
     * doubling). A run too large for the heap names them and the assumption.
     */
    @Test
    void spikeRecordingsAreEstimatedFromAnAssumedRate() throws IOException {
        String yaml = "dt: 0.1 ms\nduration: 2 s\npopulations:\n  - {name: lif, size: 1000}\n"
                + "  - {name: gen, model: spike_generator, size: 2, spikes: {times: [1 ms, 2 ms, 3 ms], neurons: [0, 1, 0], period: 100 ms}}\n"
                + "  - {name: noise, model: poisson, size: 500, params: {rate: 20 Hz}}\n"
                + "record:\n  spikes: [lif, gen, noise]\n";
        Scenario s = Scenario.load(scenario("spikes", yaml), List.of());
        ResourceEstimate e = ResourceEstimate.of(NetworkBuilder.network(s, PluginRegistry.discover()), 0, s.steps());
        assertEquals(1000 * 2 * 100 + 3 * 20 + 500 * 2 * 20, e.expectedSpikes());
        assertEquals(32 * e.expectedSpikes(), e.spikeBytes());
        Cli.Outcome o = Cli.run("run", scenario("many", yaml.replace("duration: 2 s", "duration: 1000 s")
                .replace("size: 1000}", "size: 200000}")).toString(), "--out", tmp.resolve("many-out").toString(), "-q");
        assertEquals(Main.FAILED, o.exitCode(), o.err());
        // 200000 x 1000 s x 100 Hz + 3 x 10000 periods + 500 x 1000 s x 20 Hz
        assertTrue(o.err().contains(" (20010030000 spikes, assuming 100 Hz per recorded LIF neuron)"), o.err());
    }

    /**
     * A projection with delays drawn uniformly from 0.1 to 50 ms (500 distinct delays): each has its
     * own row starts (sources + 1 ints), 4 MB here against 0.3 MB of synapses. The estimate holds
     * the registry's bytes of the projection within 1.5x (with one row-start array, as before, it
     * was 0.18 of them).
     */
    @Test
    void projectionsWithManyDelaysAreEstimatedWithTheirRowStarts() throws IOException {
        String yaml = "dt: 0.1 ms\nduration: 1 ms\npopulations:\n  - {name: P, size: 2000}\n"
                + "projections:\n  - {from: P, to: P, synapse: delta, weight: 0.1 mV, delay: {uniform: {low: 0.1 ms, high: 50 ms}},"
                + " connect: {rule: probability, p: 0.01}}\n";
        Scenario s = Scenario.load(scenario("delays", yaml), List.of());
        PluginRegistry registry = PluginRegistry.discover();
        ResourceEstimate estimate = ResourceEstimate.of(NetworkBuilder.network(s, registry), 0, s.steps());
        Simulation sim = Runner.run(s, registry, (done, total) -> { }).simulation();
        long synapses = 0;
        for (StateEntry entry : sim.stateRegistry().entries()) if (entry.owner().startsWith("projection")) synapses += entry.bytes();
        within(1.5, estimate.synapseBytes(), synapses, "projection with 500 delays");
        assertTrue(estimate.synapseBuildPeak() > 2 * 500 * 2001 * 4, "the build's counting sort: " + estimate.synapseBuildPeak());
    }
}
