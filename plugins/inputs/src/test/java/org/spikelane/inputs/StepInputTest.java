package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.InputKernel;

class StepInputTest {
    private static final double NA = 1e-9;

    @Test
    void amplitudeExactlyOnTheStepsOfTheWindow() {
        for (int size : new int[] {1, 17, 1000}) {
            FakeInputContext ctx = FakeInputContext.whole(size);
            InputKernel k = ctx.create(new StepInput(), Map.of("amplitude", "2.5 nA", "start", "1 ms", "stop", "3 ms"));
            float[][] I = ctx.run(k, 40);
            for (int n = 0; n < 40; n++) {
                float expected = n >= 10 && n < 30 ? (float) (2.5 * NA) : 0f;
                for (int i = 0; i < size; i++) assertEquals(expected, I[n][i], "size " + size + " step " + n + " neuron " + i);
            }
            // the edges named explicitly: last step before, first and last inside, first after
            assertEquals(0f, I[9][0]);
            assertEquals((float) (2.5 * NA), I[10][0]);
            assertEquals((float) (2.5 * NA), I[29][0]);
            assertEquals(0f, I[30][0]);
        }
    }

    @Test
    void windowEndsAreRoundedToTheNearestStep() {
        FakeInputContext ctx = FakeInputContext.whole(1);
        // 1.04 ms -> step 10, 2.06 ms -> step 21
        float[][] I = ctx.run(ctx.create(new StepInput(), Map.of("amplitude", 1e-9, "start", "1.04 ms", "stop", "2.06 ms")), 25);
        assertEquals(0f, I[9][0]);
        assertEquals(1e-9f, I[10][0]);
        assertEquals(1e-9f, I[20][0]);
        assertEquals(0f, I[21][0]);
    }

    @Test
    void defaultsAreOnFromZeroForever() {
        FakeInputContext ctx = FakeInputContext.whole(3);
        InputKernel k = ctx.create(new StepInput(), Map.of("amplitude", "-1 nA"));
        float[] acc = new float[8];
        k.beginStep(0);
            k.addCurrent(0, 0, acc.length, acc);
        assertEquals(-1e-9f, acc[0]);
        acc = new float[8];
        k.beginStep(3_000_000_000L);
            k.addCurrent(3_000_000_000L, 0, acc.length, acc);
        assertEquals(-1e-9f, acc[2]);
    }

    @Test
    void onlyTheChosenNeuronsAreDriven() {
        FakeInputContext ctx = new FakeInputContext(1e-4, 6, new int[] {4, 1}, 1);
        float[][] I = ctx.run(ctx.create(new StepInput(), Map.of("amplitude", "3 nA", "stop", "0.5 ms")), 6);
        for (int n = 0; n < 6; n++) {
            for (int i = 0; i < 6; i++) {
                float expected = (i == 1 || i == 4) && n < 5 ? 3e-9f : 0f;
                assertEquals(expected, I[n][i], "step " + n + " neuron " + i);
            }
        }
    }

    @Test
    void addsToWhatIsAlreadyThere() {
        FakeInputContext ctx = FakeInputContext.whole(17);
        InputKernel k = ctx.create(new StepInput(), Map.of("amplitude", "1 nA"));
        float[] acc = new float[32];
        java.util.Arrays.fill(acc, 0, 17, 2e-9f);
        k.beginStep(0);
            k.addCurrent(0, 0, acc.length, acc);
        for (int i = 0; i < 17; i++) assertEquals(3e-9f, acc[i], 1e-15f);
    }
}
