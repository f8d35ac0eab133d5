package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.spikelane.Network;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParameterException;

/** Every bad value is a one-line error that names the plugin and the parameter. */
class ParameterErrorTest {

    private static ParameterException fails(String plugin, String parameter, Executable action, String... fragments) {
        ParameterException e = assertThrows(ParameterException.class, action);
        assertEquals("input '" + plugin + "'", e.owner(), e.getMessage());
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().startsWith("input '" + plugin + "' parameter '" + parameter + "': "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing in: " + e.getMessage());
        return e;
    }

    /** As Network.addInput + build would: resolve against the declarations, then create. */
    private static void make(InputPlugin plugin, int size, Map<String, ?> raw) {
        FakeInputContext.whole(size).create(plugin, raw);
    }

    /**
     * Under fixed a current parameter whose {@code R I} is beyond the drive range (+-2^29 - 1 LSB_v
     * = +-2 V at LSB_v 2^-28 V; +-200 nA into 10 Mohm) is refused with the value, the neuron and the
     * range, not clipped into another network; one at the range is accepted.
     */
    @Test
    void fixedCurrentsBeyondTheDriveRange() {
        FakeFixedTarget target = new FakeFixedTarget(3, true, -1);
        FakeInputContext context = FakeInputContext.whole(3);
        String range = "is beyond the input range of precision fixed: R I = 3 V, the range +-2 V (536870911 x LSB_v 3.72529 nV),"
                + " i.e. +-200 nA into this neuron";
        fails("bias", "amplitude", () -> context.createFixed(new BiasInput(), Map.of("amplitude", "300 nA"), target),
                "300 nA on neuron 0 " + range);
        fails("step", "amplitude", () -> context.createFixed(new StepInput(), Map.of("amplitude", "-300 nA"), target), "-300 nA");
        fails("sine", "offset", () -> context.createFixed(new SineInput(), Map.of("amplitude", "1 nA", "offset", "300 nA",
                "frequency", "10 Hz"), target), range);
        fails("ramp", "to", () -> context.createFixed(new RampInput(), Map.of("from", "0 nA", "to", "300 nA", "stop", "10 ms"), target), range);
        fails("pulse", "amplitude", () -> context.createFixed(new PulseInput(), Map.of("amplitude", "300 nA",
                "events", Map.of("every", "1 ms")), target), range);
        fails("pulse", "amplitude", () -> context.createFixed(new PulseInput(), Map.of("amplitude", "300 nA", "shape", "inverse",
                "events", Map.of("every", "1 ms")), target), range);
        var bias = context.createFixed(new BiasInput(), Map.of("amplitude", "199 nA"), target);
        fails("bias", "amplitude", () -> bias.set("amplitude", 1, 250e-9), "250 nA on neuron 1 is beyond the input range");
        assertEquals(0, target.clipped, "refused, not clipped");
    }

    @Test
    void negativeTau() {
        fails("pulse", "tau", () -> make(new PulseInput(), 10, Map.of("amplitude", "1 nA", "tau", "-2 ms",
                "events", Map.of("from", "x"))), "must be > 0 s", "got -2 ms");
    }

    @Test
    void stopBeforeStart() {
        ParameterException e = fails("step", "stop", () -> make(new StepInput(), 1,
                Map.of("amplitude", "1 nA", "start", "5 ms", "stop", "2 ms")));
        assertEquals("input 'step' parameter 'stop': must be after start (5 ms), got 2 ms", e.getMessage());
        fails("sine", "stop", () -> make(new SineInput(), 1, Map.of("amplitude", "1 nA", "frequency", "5 Hz",
                "start", "5 ms", "stop", "5 ms")), "must be after start (5 ms)");
        fails("ramp", "stop", () -> make(new RampInput(), 1, Map.of("to", "1 nA", "start", "5 ms", "stop", "1 ms")),
                "must be after start");
    }

    @Test
    void windowShorterThanAStepOnceRounded() {
        fails("step", "stop", () -> make(new StepInput(), 1, Map.of("amplitude", "1 nA", "start", "1.01 ms", "stop", "1.03 ms")),
                "is empty once rounded to whole steps of 100 us");
    }

    @Test
    void unknownParameterSuggestsTheClosest() {
        fails("sine", "amplitdue", () -> make(new SineInput(), 1, Map.of("amplitdue", "1 nA", "frequency", "5 Hz")),
                "unknown parameter", "did you mean 'amplitude'?");
        fails("pulse", "tua", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA", "tua", "1 ms",
                "events", Map.of("every", "1 ms"))), "did you mean 'tau'?");
    }

    @Test
    void missingRequired() {
        fails("ramp", "to", () -> make(new RampInput(), 1, Map.of("stop", "5 ms")), "is required");
        fails("ramp", "stop", () -> make(new RampInput(), 1, Map.of("to", "1 nA")), "is required");
        fails("sine", "frequency", () -> make(new SineInput(), 1, Map.of("amplitude", "1 nA")), "is required");
        fails("pulse", "events", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA")), "is required");
        fails("bias", "amplitude", () -> make(new BiasInput(), 1, Map.of()), "is required");
    }

    @Test
    void wrongUnit() {
        fails("step", "start", () -> make(new StepInput(), 1, Map.of("amplitude", "1 nA", "start", "5 mV")),
                "'5 mV' is a voltage, expected a time");
        fails("bias", "amplitude", () -> make(new BiasInput(), 1, Map.of("amplitude", "20 mV")), "voltage");
        fails("pulse", "events", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA",
                "events", Map.of("every", "5 mV"))), "every: '5 mV' is a voltage");
    }

    @Test
    void outOfRangeValues() {
        fails("sine", "frequency", () -> make(new SineInput(), 1, Map.of("amplitude", "1 nA", "frequency", "-5 Hz")), ">= 0 Hz");
        fails("pulse", "alpha", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA", "shape", "inverse",
                "alpha", "0 Hz", "events", Map.of("every", "1 ms"))), "> 0 Hz");
        fails("step", "start", () -> make(new StepInput(), 1, Map.of("amplitude", "1 nA", "start", "-1 ms")), ">= 0 s");
        fails("pulse", "shape", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA", "shape", "exponentail",
                "events", Map.of("every", "1 ms"))), "did you mean 'exponential'?");
    }

    @Test
    void perNeuronListOfTheWrongLength() {
        fails("bias", "amplitude", () -> make(new BiasInput(), 3, Map.of("amplitude", List.of("1 nA", "2 nA"))),
                "2 values but there are 3 target neurons");
    }

    @Test
    void widthOfTheOtherShape() {
        fails("pulse", "tau", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA", "shape", "inverse",
                "tau", "1 ms", "events", Map.of("every", "1 ms"))), "applies to shape 'exponential' only");
        fails("pulse", "alpha", () -> make(new PulseInput(), 1, Map.of("amplitude", "1 nA",
                "alpha", "100 Hz", "events", Map.of("every", "1 ms"))), "applies to shape 'inverse' only");
    }

    @Test
    void eventNeuronOutOfRangeOrNotATarget() {
        fails("pulse", "events", () -> make(new PulseInput(), 10, Map.of("amplitude", "1 nA",
                "events", Map.of("times", List.of("1 ms", "2 ms"), "neurons", List.of(3, 12)))),
                "neurons[1]: neuron 12 is not driven by this input (targets: neurons [0, 9])");
        FakeInputContext subset = new FakeInputContext(1e-4, 10, new int[] {2, 4}, 1);
        fails("pulse", "events", () -> subset.create(new PulseInput(), Map.of("amplitude", "1 nA",
                "events", Map.of("times", List.of("1 ms"), "neurons", List.of(3)))), "neuron 3 is not driven", "neurons 2, 4");
        fails("pulse", "events", () -> make(new PulseInput(), 10, Map.of("amplitude", "1 nA",
                "events", Map.of("times", List.of("1 ms"), "neurons", List.of(1.5)))), "expected a neuron index");
    }

    @Test
    void malformedEvents() {
        Map<String, Object> base = Map.of("amplitude", "1 nA");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("evrey", "500 ms"))),
                "unknown key 'evrey'", "did you mean 'every'?");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("times", List.of("-1 ms"), "neurons", List.of(0)))),
                "times[0]: must be a finite time >= 0 s, got -1 ms");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("times", List.of("1 ms", "2 ms"), "neurons", List.of(0)))),
                "2 times but 1 neurons");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("times", List.of("1 ms")))), "missing 'neurons'");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("times", List.of("1 ms"), "every", "1 ms"))),
                "mixes the forms");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("random_neuron", true))), "missing 'every'");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("every", "0.01 ms"))),
                "shorter than half a step");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("every", "1 ms", "count", 0))),
                "count: must be a whole number >= 1");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of("every", "1 ms", "random_neuron", "yes"))),
                "expected true or false");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, Map.of())), "is empty");
        fails("pulse", "events", () -> make(new PulseInput(), 10, with(base, "every 500 ms")), "must be a map");
    }

    @Test
    void spikeSourceUnknownOrOfAnotherSize() {
        Network net = new Network(1e-4);
        net.addLif("lif", 10, Map.of());
        net.addSpikeGenerator("src", 5, new double[] {0.001}, new int[] {1}, 0);
        net.addInput("pulse", "lif", Map.of("amplitude", "1 nA", "events", Map.of("from", "src")));
        fails("pulse", "events", net::build, "population 'src' has 5 neurons but the target has 10");
        Network other = new Network(1e-4);
        other.addLif("lif", 10, Map.of());
        other.addInput("pulse", "lif", Map.of("amplitude", "1 nA", "events", Map.of("from", "nowhere")));
        fails("pulse", "events", other::build, "unknown population 'nowhere'");
    }

    @Test
    void errorsThroughTheNetworkApiNameThePluginToo() {
        Network net = new Network(1e-4);
        net.addLif("lif", 3, Map.of());
        fails("step", "stopp", () -> net.addInput("step", "lif", Map.of("amplitude", "1 nA", "stopp", "1 ms")), "did you mean 'stop'?");
        net.addInput("step", "lif", Map.of("amplitude", "1 nA", "start", "5 ms", "stop", "2 ms"));
        fails("step", "stop", net::build, "must be after start (5 ms), got 2 ms");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object events) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put("events", events);
        return m;
    }
}
