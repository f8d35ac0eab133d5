package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.InputPlugin;

/**
 * Several inputs on one drive: each addition saturates at the contribution limit and is counted,
 * in the vector path, the scalar path and the subset loop alike. At R = 10 Mohm and LSB_v = 2^-28 V,
 * 199 nA is {@code q = rint(1.99 2^28) = 534186557} LSB_v, just under the limit 2^29 - 1 = 536870911;
 * the int sum of eight (about 4.27e9) is beyond 2^31 and used to wrap to a negative drive.
 */
class FixedDriveSaturationTest {
    private static final int SIZE = 37, STEPS = 5;
    private static final int Q = (int) Math.rint(199e-9 * 10e6 / FakeFixedTarget.LSB);

    private record Result(int[] drive, long clipped) {}

    /** Runs {@code inputs} in order on one drive for a few steps; the drive as after the last step, and the count. */
    private static Result run(List<Map.Entry<InputPlugin, Map<String, ?>>> inputs, int[] subset, boolean vector) {
        FakeFixedTarget target = new FakeFixedTarget(SIZE, vector, -1);
        FakeInputContext context = new FakeInputContext(1e-4, SIZE, subset, 7);
        List<FixedInputKernel> kernels = new ArrayList<>();
        for (var e : inputs) kernels.add(context.createFixed(e.getKey(), e.getValue(), target));
        for (int n = 0; n < STEPS; n++) {
            java.util.Arrays.fill(target.drive, 0); // as the LIF kernel clears it
            for (FixedInputKernel k : kernels) {
                k.beginStep(n);
                k.addDrive(n, 0, target.drive.length, target.drive);
            }
        }
        return new Result(target.drive.clone(), target.clipped);
    }

    private static List<Map.Entry<InputPlugin, Map<String, ?>>> biases(String... amplitudes) {
        List<Map.Entry<InputPlugin, Map<String, ?>>> out = new ArrayList<>();
        for (String a : amplitudes) out.add(Map.entry(new BiasInput(), Map.of("amplitude", a)));
        return out;
    }

    @Test
    void eightBiasesSaturateAndCountSevenClipsPerNeuronStep() {
        assertEquals(534186557, Q);
        String[] eight = new String[8];
        java.util.Arrays.fill(eight, "199 nA");
        int[] subset = IntStream.range(0, SIZE).filter(i -> i % 3 != 1).toArray();
        for (int[] targets : new int[][] {null, subset}) {
            int driven = targets == null ? SIZE : targets.length;
            for (boolean vector : new boolean[] {true, false}) {
                Result r = run(biases(eight), targets, vector);
                String what = (vector ? "vector" : "scalar") + (targets == null ? ", whole" : ", subset");
                for (int i = 0; i < SIZE; i++) {
                    boolean isTarget = targets == null || i % 3 != 1;
                    assertEquals(isTarget ? FakeFixedTarget.LIMIT : 0, r.drive[i], what + ", neuron " + i);
                }
                assertEquals(7L * driven * STEPS, r.clipped, what);
            }
        }
    }

    /**
     * Saturation is not associative: +q +q -q gives {@code limit - q}, not q. The inputs add in
     * the order they were declared, every step and in both paths, so the result is reproducible,
     * and the one clip per neuron-step is counted, which is what says the drive is not the sum.
     */
    @Test
    void aClipThenANegativeInputIsCountedOnce() {
        for (boolean vector : new boolean[] {true, false}) {
            Result r = run(biases("199 nA", "199 nA", "-199 nA"), null, vector);
            int[] expected = new int[r.drive.length];
            java.util.Arrays.fill(expected, 0, SIZE, FakeFixedTarget.LIMIT - Q);
            assertArrayEquals(expected, r.drive);
            assertEquals((long) SIZE * STEPS, r.clipped);
        }
    }

    /** Within the range nothing is clipped or counted: two 99 nA biases are exactly their sum. */
    @Test
    void sumsWithinTheRangeAreExactAndUncounted() {
        int q = (int) Math.rint(99e-9 * 10e6 / FakeFixedTarget.LSB);
        for (boolean vector : new boolean[] {true, false}) {
            Result r = run(biases("99 nA", "99 nA"), null, vector);
            assertEquals(2 * q, r.drive[0]);
            assertEquals(0, r.clipped);
        }
    }

    /** The pulse shapes and the affine inputs add through the same clip: each counted per neuron-step. */
    @Test
    void everyFixedInputKernelClipsItsAddition() {
        List<Map.Entry<InputPlugin, Map<String, ?>>> cases = List.of(
                Map.entry(new StepInput(), Map.of("amplitude", "199 nA")),
                Map.entry(new SineInput(), Map.of("amplitude", "1 nA", "offset", "198 nA", "frequency", "10 Hz")),
                Map.entry(new RampInput(), Map.of("from", "199 nA", "to", "198 nA", "start", "0 ms", "stop", "1 s")),
                Map.entry(new PulseInput(), Map.of("amplitude", "199 nA", "tau", "50 ms",
                        "events", Map.of("every", "1 s", "start", "0 ms", "count", 1))), // one event: its state fits, the sum does not

                Map.entry(new PulseInput(), Map.of("amplitude", "199 nA", "shape", "inverse", "alpha", "1 Hz",
                        "events", Map.of("every", "0.1 ms", "start", "0 ms"))));
        for (var c : cases) {
            for (boolean vector : new boolean[] {true, false}) {
                List<Map.Entry<InputPlugin, Map<String, ?>>> inputs = new ArrayList<>(biases("199 nA"));
                inputs.add(c);
                Result r = run(inputs, null, vector);
                String what = c.getKey().getClass().getSimpleName() + " " + c.getValue() + (vector ? ", vector" : ", scalar");
                assertEquals(FakeFixedTarget.LIMIT, r.drive[0], what);
                assertEquals((long) SIZE * STEPS, r.clipped, what);
            }
        }
    }
}
