package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;

/** A plugin written before fixed precision existed (no createFixed) stops a fixed run with one line naming it. */
class FixedFloatOnlyPluginTest {
    /** As a third party would write it: float kernel only. */
    private static final class Flicker implements InputPlugin {
        @Override public String name() { return "flicker"; }

        @Override public String description() { return "test-only float32 input"; }

        @Override public List<ParamSpec> params() { return List.of(); }

        @Override public InputKernel create(InputContext context, Params params) { return (step, from, to, current) -> { if (from == 0) current[0] += 1e-9f; }; }
    }

    @Test
    void floatOnlyPluginGivesOneLineErrorNamingIt() {
        FakeInputContext context = FakeInputContext.whole(4);
        ParameterException e = assertThrows(ParameterException.class,
                () -> context.createFixed(new Flicker(), Map.of(), new FakeFixedTarget(4, true, 1)));
        String message = e.getMessage();
        System.out.println("float32-only plugin under fixed: " + message);
        assertTrue(message.contains("'flicker'") && message.contains("float32"), message);
        assertTrue(message.contains("input 'flicker'"), "names the owner: " + message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    }

    @Test
    void everyStandardInputHasAFixedKernel() {
        FakeInputContext context = FakeInputContext.whole(4);
        List<Map.Entry<InputPlugin, Map<String, ?>>> plugins = List.of(
                Map.entry(new BiasInput(), Map.of("amplitude", "1 nA")),
                Map.entry(new StepInput(), Map.of("amplitude", "1 nA")),
                Map.entry(new SineInput(), Map.of("amplitude", "1 nA", "frequency", "5 Hz", "phase", Math.PI / 2)),
                Map.entry(new RampInput(), Map.of("from", "1 nA", "to", "2 nA", "stop", "1 s")),
                Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "events", Map.of("every", "1 ms"))),
                Map.entry(new PulseInput(), Map.of("amplitude", "1 nA", "shape", "inverse", "events", Map.of("every", "1 ms"))));
        for (var p : plugins) {
            FakeFixedTarget target = new FakeFixedTarget(4, false, -1);
            int[][] drive = context.runFixed(context.createFixed(p.getKey(), p.getValue(), target), target, 20);
            // 1 nA at 10 Mohm = 10 mV = 2^28 * 0.01 LSB_v: the first step each input is on
            assertEquals(Math.round(0.01 / FakeFixedTarget.LSB), drive[10][0], 0.002 * 0.01 / FakeFixedTarget.LSB,
                    p.getKey().name() + " " + p.getValue());
        }
    }
}
