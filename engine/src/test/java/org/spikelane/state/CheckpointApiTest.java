package org.spikelane.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.PluginRegistry;

/** Simulation.checkpoint / restore through the Java API, on networks that need no plugin module. */
class CheckpointApiTest {
    @TempDir
    Path tmp;

    /** Neurons whose resting potential lies above threshold, heterogeneous tau_m and v_init: they fire on their own. */
    private static Network selfDriven(Precision precision, int size) {
        Network net = new Network(1e-4).seed(3).precision(precision);
        net.addLif("lif", size, Map.of("E_L", "-40 mV", "v_threshold", "-50 mV", "v_reset", "-60 mV", "refractory", "2 ms",
                "tau_m", Map.of("uniform", Map.of("low", "10 ms", "high", "30 ms")),
                "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV"))));
        net.addSpikeGenerator("gen", 4, new double[] {0.001, 0.0305, 0.0307}, new int[] {0, 3, 1}, 0.05);
        net.recordSpikes("lif");
        net.recordSpikes("gen");
        net.recordState("lif", List.of("v"), new int[] {0, 7, size - 1}, 1);
        return net;
    }

    @Test
    void restoredSimulationContinuesBitForBitInEveryFormat() {
        for (Precision precision : List.of(Precision.FLOAT32, Precision.FIXED)) {
            Simulation whole = selfDriven(precision, 60).build();
            whole.runSteps(1234);
            Path file = tmp.resolve(precision + ".ckpt");
            whole.checkpoint(file);
            whole.runSteps(1766);

            Simulation resumed = selfDriven(precision, 60).build();
            resumed.restore(file);
            assertEquals(1234, resumed.stepCount());
            resumed.runSteps(1766);
            for (String pop : List.of("lif", "gen")) {
                for (int n : pop.equals("lif") ? new int[] {0, 7, 31, 59} : new int[] {0, 1, 3}) {
                    long[] all = whole.spikes().steps(pop, n);
                    long[] tail = java.util.Arrays.stream(all).filter(s -> s >= 1234).toArray();
                    assertTrue(pop.equals("gen") || tail.length > 5, precision + " " + pop + " " + n);
                    assertArrayEquals(tail, resumed.spikes().steps(pop, n), precision + " " + pop + " neuron " + n);
                }
            }
            double[] v = whole.stateRecorders().getFirst().trace("v", 7);
            double[] vResumed = resumed.stateRecorders().getFirst().trace("v", 7);
            assertEquals(1766, vResumed.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(v, 1234, 3000), vResumed, precision + " v of neuron 7");
        }
    }

    @Test
    void anotherSizeOrFormatIsRefusedAndNothingChanges() {
        Simulation sim = selfDriven(Precision.FLOAT32, 60).build();
        sim.runSteps(100);
        Path file = tmp.resolve("a.ckpt");
        sim.checkpoint(file);
        Simulation bigger = selfDriven(Precision.FLOAT32, 90).build();
        CheckpointException e = assertThrows(CheckpointException.class, () -> bigger.restore(file));
        assertTrue(e.getMessage().contains("does not fit this network: population 'lif' "), e.getMessage());
        assertEquals(0, bigger.stepCount());
        Simulation fixed = selfDriven(Precision.FIXED, 60).build();
        e = assertThrows(CheckpointException.class, () -> fixed.restore(file));
        assertTrue(e.getMessage().endsWith("it was written under precision float32, this simulation runs fixed"), e.getMessage());
    }

    @Test
    void registryListsOwnersRolesAndUnits() {
        Simulation sim = selfDriven(Precision.FLOAT32, 60).build();
        StateRegistry r = sim.stateRegistry();
        StateEntry v = r.find("population 'lif'", "v");
        assertEquals(Role.STATE, v.role());
        assertEquals("V", v.unit());
        assertEquals(ElementType.FLOAT, v.type());
        assertEquals(Role.PARAMETER, r.find("population 'lif'", "tau_m").role());
        assertEquals(Role.ACCUMULATOR, r.find("population 'lif'", "current").role());
        assertEquals(Role.STATE, r.find("population 'gen'", "cycleStart").role());
        assertEquals(Role.RECORDING, r.find("spike recorder", "neuron").role());
        assertEquals(List.of("v", "I"), r.recordableNames("population 'lif'"), "recorders find variables in the registry");
        assertEquals(List.of(), r.recordableNames("population 'gen'"));
        assertEquals(List.of("E_L", "v_reset", "v_threshold", "tau_m", "R", "C", "refractory", "v"),
                r.settableNames("population 'lif'"));
        sim.set("population 'lif'", "v_threshold", 3, -0.02);
        assertEquals(-0.02f, sim.lif("lif").state().threshold[3]);
        var unknown = assertThrows(org.spikelane.spi.ParameterException.class, () -> sim.set("population 'lif'", "size", 0, 1));
        assertTrue(unknown.getMessage().contains("cannot be changed while running; changeable: E_L, v_reset"), unknown.getMessage());
        var nobody = assertThrows(org.spikelane.spi.ParameterException.class, () -> sim.set("population 'gen'", "x", 0, 1));
        assertTrue(nobody.getMessage().contains("owners with changeable parameters: population 'lif'"), nobody.getMessage());
        assertTrue(r.describe().lines().anyMatch(l -> l.startsWith("population 'lif'") && l.contains(" v ")
                && l.contains("float") && l.contains("state")), r.describe());
    }

    /** A plugin written before declared state: it runs, but checkpoints are refused naming it. */
    @Test
    void aKernelThatDeclaresNothingBlocksCheckpoints() {
        InputPlugin legacy = new InputPlugin() {
            @Override public String name() { return "legacy"; }

            @Override public String description() { return "keeps private state"; }

            @Override public List<ParamSpec> params() { return List.of(); }

            @Override public InputKernel create(InputContext context, Params params) {
                return (step, from, to, current) -> { };
            }
        };
        Network net = selfDriven(Precision.FLOAT32, 10).plugins(new PluginRegistry().register(legacy));
        net.addInput("legacy", "lif", Map.of());
        Simulation sim = net.build();
        sim.runSteps(10);
        CheckpointException e = assertThrows(CheckpointException.class, () -> sim.checkpoint(tmp.resolve("x.ckpt")));
        assertEquals("cannot checkpoint: input 'legacy' #1 keeps state it does not declare (its plugin does not implement "
                + "declareState; see docs/plugins.md)", e.getMessage());
        assertTrue(java.nio.file.Files.notExists(tmp.resolve("x.ckpt")));
    }
}
