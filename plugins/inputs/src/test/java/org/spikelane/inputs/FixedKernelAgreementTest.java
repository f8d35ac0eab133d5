package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.InputPlugin;

/**
 * Every fixed-point input kernel: the Vector API path and the scalar reference (long arithmetic)
 * give bit-identical drives and jumps (the exponential pulse's exact correction), step by step, on sizes that are not multiples of the lane count, with
 * heterogeneous gains (R from 5 to 20 Mohm), negative values, parameters up to the limit (100 nA at
 * 20 Mohm is about 2^29 LSB_v; beyond it they are refused) and sums beyond it (clipped and counted).
 */
class FixedKernelAgreementTest {
    private static final int STEPS = 2000;

    private record Case(String name, InputPlugin plugin, Map<String, ?> params, boolean subset) {}

    private static List<Case> cases(int size, SplittableRandom random) {
        List<Object> biases = new ArrayList<>();
        for (int i = 0; i < size; i++) biases.add(random.nextDouble(-99e-9, 99e-9)); // up to the limit at 20 Mohm
        List<Case> cases = new ArrayList<>(List.of(
                new Case("bias per neuron", new BiasInput(), Map.of("amplitude", biases), false),
                new Case("step", new StepInput(), Map.of("amplitude", "-99 nA", "start", "3 ms", "stop", "150 ms"), false),
                new Case("sine near the limit", new SineInput(), Map.of("amplitude", "99 nA", "offset", "-95 nA",
                        "frequency", "180 Hz", "phase", 0.7, "start", "1 ms"), false),
                new Case("ramp through zero", new RampInput(), Map.of("from", "-99 nA", "to", "95 nA",
                        "start", "2 ms", "stop", "170 ms"), false),
                new Case("pulse exponential, every target, superposing to saturation", new PulseInput(),
                        Map.of("amplitude", "-90 nA", "tau", "2 ms", "events", Map.of("every", "0.3 ms")), false),
                new Case("pulse exponential, random neuron", new PulseInput(),
                        Map.of("amplitude", "90 nA", "tau", "50 ms", "events", Map.of("every", "0.2 ms", "random_neuron", true)), false),
                new Case("pulse exponential, schedule", new PulseInput(), Map.of("amplitude", "3 nA", "tau", "0.5 ms",
                        "events", Map.of("times", List.of("1 ms", "1 ms", "40 ms"), "neurons", List.of(0, 0, size - 1))), false),
                new Case("pulse exponential, spikes", new PulseInput(), Map.of("amplitude", "-40 nA", "events", Map.of("from", "src")), false),
                new Case("pulse inverse, spikes", new PulseInput(), Map.of("amplitude", "95 nA", "shape", "inverse",
                        "alpha", "300 Hz", "events", Map.of("from", "src")), false)));
        if (size > 1) {
            cases.add(new Case("bias subset", new BiasInput(), Map.of("amplitude", "-80 nA"), true));
            cases.add(new Case("sine subset", new SineInput(), Map.of("amplitude", "2 nA", "frequency", "40 Hz"), true));
            cases.add(new Case("pulse exponential subset", new PulseInput(), Map.of("amplitude", "7 nA", "events", Map.of("every", "1 ms")), true));
        }
        return cases;
    }

    @Test
    void vectorAndScalarAgreeBitForBit() {
        for (int size : new int[] {1, 17, 1000, 4099}) {
            SplittableRandom random = new SplittableRandom(size);
            for (Case c : cases(size, random)) {
                int[] subset = c.subset ? IntStream.range(0, size).filter(i -> i % 3 != 1).toArray() : null;
                FakeInputContext context = new FakeInputContext(1e-4, size, subset, 7);
                FakeInputContext.ScriptedSpikes src = new FakeInputContext.ScriptedSpikes("src", size);
                context.sources.put("src", src);
                FakeFixedTarget vectorTarget = new FakeFixedTarget(size, true, 11), scalarTarget = new FakeFixedTarget(size, false, 11);
                FixedInputKernel vector = context.createFixed(c.plugin, c.params, vectorTarget);
                FixedInputKernel scalar = context.createFixed(c.plugin, c.params, scalarTarget);
                String what = c.name + ", size " + size;
                long nonZero = 0, atLimit = 0, jumps = 0;
                for (int n = 0; n < STEPS; n++) {
                    // a few spikes every other step, then none: pulses start, overlap and decay
                    List<Integer> spikes = new ArrayList<>();
                    if (n % 2 == 0 && n < STEPS / 2) for (int k = 0; k < 3; k++) spikes.add(random.nextInt(size));
                    src.set(spikes.stream().distinct().toList());
                    Arrays.fill(vectorTarget.drive, 0);
                    Arrays.fill(scalarTarget.drive, 0);
                    Arrays.fill(vectorTarget.jump, 0);
                    Arrays.fill(scalarTarget.jump, 0);
                    vector.beginStep(n);
                    vector.addDrive(n, 0, vectorTarget.drive.length, vectorTarget.drive);
                    scalar.beginStep(n);
                    scalar.addDrive(n, 0, scalarTarget.drive.length, scalarTarget.drive);
                    if (!Arrays.equals(vectorTarget.drive, scalarTarget.drive)) {
                        assertArrayEquals(scalarTarget.drive, vectorTarget.drive, what + ", step " + n);
                    }
                    if (!Arrays.equals(vectorTarget.jump, scalarTarget.jump)) {
                        assertArrayEquals(scalarTarget.jump, vectorTarget.jump, what + ", jump at step " + n);
                    }
                    for (int i = size; i < vectorTarget.drive.length; i++) {
                        assertEquals(0, vectorTarget.drive[i], what + ": padding");
                        assertEquals(0, vectorTarget.jump[i], what + ": padding of the jump");
                    }
                    for (int i = 0; i < size; i++) {
                        if (vectorTarget.jump[i] != 0) jumps++;
                        if (vectorTarget.drive[i] != 0) nonZero++;
                        if (Math.abs(vectorTarget.drive[i]) == FakeFixedTarget.LIMIT) atLimit++;
                    }
                }
                assertTrue(nonZero > 0, what + ": the kernel never drove anything, so the comparison proved nothing");
                assertEquals(scalarTarget.clipped, vectorTarget.clipped, what + ": clip counts");
                assertEquals(scalarTarget.jumpsClipped, vectorTarget.jumpsClipped, what + ": jump clip counts");
                // only the exponential pulse corrects the jump; it must, or its exact form was not compared
                assertEquals(c.name.startsWith("pulse exponential"), jumps > 0, what + ": jumps written " + jumps);
                // with 1000 gains from 5 to 20 Mohm some offset + amplitude sums exceed 2^29 LSB_v: clipped each step
                if (size >= 1000 && c.name.contains("limit")) assertTrue(vectorTarget.clipped > 0, what + ": nothing clipped");
                if (size >= 1000 && c.name.contains("saturation")) assertTrue(atLimit > 0, what + ": state never saturated");
            }
        }
    }

    /**
     * The split multiply of {@link FixedDrive#addAffine} against the exact floor quotient at the
     * bounds it is specified for: |slope| up to 2^30, multiplier -2^15 .. 2^15, both signs; sums
     * beyond the contribution limit clipped and each clip counted.
     */
    @Test
    void affineSplitMultiplyIsExactAtTheBounds() {
        int[] slopes = {1 << 30, -(1 << 30), (1 << 30) - 1, -(1 << 30) + 1, FakeFixedTarget.LIMIT, -FakeFixedTarget.LIMIT,
            0, 1, -1, 0x7FFF, -0x7FFF, 0x8000, -0x8000, 123_456_789, -987_654_321};
        int[] multipliers = {1 << 15, -(1 << 15), (1 << 15) - 1, -(1 << 15) + 1, 0, 1, -1, 16_384, -16_385, 777};
        int size = 4099;
        Targets targets = new Targets(FakeInputContext.whole(size));
        SplittableRandom random = new SplittableRandom(3);
        for (boolean vector : new boolean[] {true, false}) {
            for (int m : multipliers) {
                int padded = org.spikelane.simd.Simd.padded(size);
                int[] base = new int[padded], slope = new int[padded], drive = new int[padded];
                for (int i = 0; i < size; i++) {
                    slope[i] = i < slopes.length ? slopes[i] : random.nextInt(-(1 << 30), (1 << 30) + 1);
                    base[i] = random.nextInt(-(1 << 29), 1 << 29);
                }
                FakeFixedTarget target = new FakeFixedTarget(size, vector, -1);
                FixedDrive.addAffine(target, drive, 0, padded, targets, base, slope, m, vector);
                long clips = 0;
                for (int i = 0; i < size; i++) {
                    long exact = base[i] + Math.floorDiv((long) slope[i] * m + (1 << 14), 1L << 15);
                    // these bounds exceed the drive's range on purpose: the sum is exact, then clipped (counted)
                    long clipped = Math.max(-FakeFixedTarget.LIMIT, Math.min(FakeFixedTarget.LIMIT, exact));
                    if (clipped != exact) clips++;
                    assertEquals(clipped, drive[i], (vector ? "vector" : "scalar") + ": slope " + slope[i] + " m " + m);
                }
                assertEquals(clips, target.clipped, (vector ? "vector" : "scalar") + ": clips counted, m " + m);
            }
        }
    }
}
