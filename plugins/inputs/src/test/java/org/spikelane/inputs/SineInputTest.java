package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;

class SineInputTest {
    private static final double NA = 1e-9;
    private static final double DT = 1e-4;

    /** offset + amplitude sin(2 pi f (n - startStep) dt + phase) inside the window, else 0. */
    private static double closedForm(long n, long startStep, long stopStep, double amp, double f, double phase, double offset) {
        if (n < startStep || n >= stopStep) return 0;
        return offset + amp * Math.sin(2 * Math.PI * f * (n - startStep) * DT + phase);
    }

    @Test
    void sampleBySampleInsideAndAroundTheWindow() {
        FakeInputContext ctx = FakeInputContext.whole(17);
        InputKernel k = ctx.create(new SineInput(), Map.of("amplitude", "1 nA", "frequency", "250 Hz",
                "phase", "0.3 rad", "offset", "0.2 nA", "start", "2 ms", "stop", "10 ms"));
        float[][] I = ctx.run(k, 150);
        for (int n = 0; n < 150; n++) {
            double expected = closedForm(n, 20, 100, NA, 250, 0.3, 0.2 * NA);
            for (int i = 0; i < 17; i++) Close.check(expected, I[n][i], 1e-24, "step " + n + " neuron " + i);
        }
        assertEquals(0f, I[19][0]); // step before: not even the offset
        Close.check(0.2 * NA + NA * Math.sin(0.3), I[20][0], "first step carries the phase");
        Close.check(closedForm(99, 20, 100, NA, 250, 0.3, 0.2 * NA), I[99][0], "last step");
        assertEquals(0f, I[100][0]); // step after
    }

    @Test
    void noDriftAfterAHundredThousandSeconds() {
        FakeInputContext ctx = FakeInputContext.whole(1);
        InputKernel k = ctx.create(new SineInput(), Map.of("amplitude", "1 nA", "frequency", "250 Hz", "phase", 0.3));
        // f dt = 1/40: the exact angle at step n is 2 pi (n mod 40) / 40 + phase, computed without rounding
        for (long n = 1_000_000_000L; n < 1_000_000_050L; n++) {
            float[] acc = new float[8];
            k.beginStep(n);
            k.addCurrent(n, 0, acc.length, acc);
            double exact = NA * Math.sin(2 * Math.PI * (n % 40) / 40.0 + 0.3);
            Close.check(exact, acc[0], 1e-6 * NA, "step " + n);
        }
    }

    @Test
    void zeroFrequencyIsAConstantInsideTheWindow() {
        FakeInputContext ctx = FakeInputContext.whole(1);
        float[][] I = ctx.run(ctx.create(new SineInput(), Map.of("amplitude", "2 nA", "frequency", "0 Hz",
                "phase", Math.PI / 2, "offset", "1 nA", "start", "0.5 ms")), 8);
        for (int n = 0; n < 8; n++) Close.check(n < 5 ? 0 : 3 * NA, I[n][0], "step " + n);
    }
}
