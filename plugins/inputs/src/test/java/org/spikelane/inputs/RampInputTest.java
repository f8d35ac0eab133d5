package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RampInputTest {
    private static final double NA = 1e-9;

    @Test
    void linearFromFromTowardsToOverTheWindow() {
        FakeInputContext ctx = FakeInputContext.whole(17);
        float[][] I = ctx.run(ctx.create(new RampInput(), Map.of("from", "1 nA", "to", "3 nA", "start", "1 ms", "stop", "2 ms")), 30);
        for (int n = 0; n < 30; n++) {
            double expected = n >= 10 && n < 20 ? NA + 2 * NA * (n - 10) / 10.0 : 0;
            for (int i = 0; i < 17; i++) Close.check(expected, I[n][i], "step " + n + " neuron " + i);
        }
        assertEquals(0f, I[9][0]);
        assertEquals((float) NA, I[10][0]);             // first step: exactly 'from'
        Close.check(2.8 * NA, I[19][0], "last step");    // one step short of 'to'
        assertEquals(0f, I[20][0]);
    }

    @Test
    void fallingRampFromDefaultZero() {
        FakeInputContext ctx = FakeInputContext.whole(1);
        float[][] I = ctx.run(ctx.create(new RampInput(), Map.of("to", "-4 nA", "stop", "0.4 ms")), 6);
        double[] expected = {0, -1 * NA, -2 * NA, -3 * NA, 0, 0};
        for (int n = 0; n < 6; n++) Close.check(expected[n], I[n][0], "step " + n);
    }
}
